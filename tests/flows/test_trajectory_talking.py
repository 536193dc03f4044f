"""Conversations, without a database: who may start, starting, ending, "did you meet?" and the
after-care that follows."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from flows.trajectory import MatchKind, Meeting, Step, Trajectory
from flows.trajectory.effects import (
    AfterCare,
    AskClick,
    AskMode,
    AskWho,
    Begin,
    CancelTimer,
    KeepClick,
    KeepMeeting,
    KeepTalk,
    Outcome,
    Refused,
    ShowHome,
    ShowNow,
    ShowPlanCard,
    Store,
    Tell,
    Toast,
)
from flows.trajectory.ending import Person
from flows.trajectory.pair import Seat
from flows.trajectory.talking import (
    Together,
    candidates,
    choose_mode,
    choose_who,
    end,
    met,
    opening,
    start,
    swap,
    switch_mode,
)

AT = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
PLANNED = datetime(2026, 3, 1, 15, 0, tzinfo=UTC)


def duo(
    step: Step = Step.PATH,
    *,
    talking: int | None = None,
    click_running: bool = False,
    planned: datetime | None = None,
) -> Together:
    seats = (
        Seat(Trajectory(step=step), coach=1, coachee=2, ref=10),
        Seat(Trajectory(step=step), coach=2, coachee=1, ref=11),
    )
    members = (Person(1), Person(2))
    return Together(
        7, MatchKind.RECIPROCAL, members, seats, talking, click_running, planned=planned
    )


def triad(held: int) -> Together:
    meetings = tuple(Meeting(AT, held=True) for _ in range(held))
    seats = tuple(
        Seat(Trajectory(step=Step.PATH, meetings=meetings if i == 0 else ()), c, e, 10 + i)
        for i, (c, e) in enumerate(((1, 2), (2, 3), (3, 1)))
    )
    members = (Person(1), Person(2), Person(3))
    return Together(7, MatchKind.TRIAD, members, seats)


def test_a_pair_chooses_whose_conversation_and_a_single_option_goes_straight_to_how() -> None:
    assert start(duo()) == Outcome((AskWho((10, 11)),))
    one_way = replace(duo(), seats=duo().seats[:1])
    assert start(one_way) == Outcome((AskMode(10),))


def test_nothing_starts_during_a_conversation_or_the_click_check() -> None:
    assert start(duo(talking=10)) == Outcome((ShowNow(),))
    assert start(duo(click_running=True)) == Outcome((ShowNow(),))
    assert start(duo(Step.CONTRACT)) == Outcome((ShowNow(),))


def test_a_triad_follows_its_rotation() -> None:
    assert [s.ref for s in candidates(triad(0))] != [s.ref for s in candidates(triad(1))]
    assert len(candidates(triad(0))) == 1


def test_picking_who_then_how_starts_the_conversation_once() -> None:
    assert choose_who(duo(), 11) == Outcome((AskMode(11),))
    assert choose_who(duo(talking=10), 11) == Refused("trajectory.stale", on_button=True)
    assert choose_mode(duo(), 11, "face") == Outcome((KeepTalk(11, "face"), Begin(11, "face")))
    late = choose_mode(duo(talking=10), 11, "chat")
    assert late == Outcome((Toast("trajectory.already_started"), ShowNow()))
    assert choose_mode(duo(), 11, "phone") == Refused("trajectory.stale", on_button=True)


def test_ending_counts_the_conversation_forgets_the_plan_and_offers_planning() -> None:
    ended = end(duo(talking=10), 10, at=AT)
    assert isinstance(ended, Outcome)
    assert ended.effects[0] == KeepTalk(None)
    stored = ended.effects[1]
    assert isinstance(stored, Store) and stored.ref == 10
    assert stored.trajectory.conversation_count == 1
    assert KeepMeeting(None) in ended.effects and CancelTimer("trajectory:7:met") in ended.effects
    assert [e for e in ended.effects if isinstance(e, Tell)] == [
        Tell(1, "trajectory.ended"),
        Tell(2, "trajectory.ended"),
    ]
    assert AfterCare(10) in ended.effects
    assert ended.effects[-2:] == (ShowPlanCard(1), ShowPlanCard(2))


def test_ending_twice_is_refused_on_the_button() -> None:
    refused = Refused("trajectory.already_ended", on_button=True)
    assert end(duo(), 10, at=AT) == refused
    assert end(duo(talking=11), 10, at=AT) == refused


def test_after_the_first_conversation_comes_the_click_check_not_planning() -> None:
    ended = end(duo(Step.CONTACT, talking=10), 10, at=AT)
    assert isinstance(ended, Outcome)
    kinds = [type(e) for e in ended.effects]
    assert KeepClick in kinds and AskClick in kinds and AfterCare in kinds
    assert ShowPlanCard not in kinds


def test_the_first_answer_to_did_you_meet_counts_and_a_late_one_is_refused() -> None:
    match = duo(planned=PLANNED)
    no = met(match, PLANNED, held=False, by=2, at=AT)
    assert isinstance(no, Outcome)
    assert no.effects[-4:] == (
        Tell(1, "trajectory.met_no", names={"name": 2}),
        ShowPlanCard(1),
        Tell(2, "trajectory.met_no", names={"name": 2}),
        ShowPlanCard(2),
    )
    late = met(duo(planned=None), PLANNED, held=True, by=1, at=AT)
    assert late == Refused("trajectory.met_already", on_button=True)


def test_a_conversation_that_took_place_counts_for_the_trajectory_with_fewest() -> None:
    match = duo(planned=PLANNED)
    seats = (
        match.seats[0],
        replace(
            match.seats[1],
            trajectory=Trajectory(step=Step.PATH, meetings=(Meeting(AT, held=True),)),
        ),
    )
    yes = met(replace(match, seats=seats), PLANNED, held=True, by=1, at=AT)
    assert isinstance(yes, Outcome)
    stored = yes.effects[0]
    assert isinstance(stored, Store) and stored.ref == 10
    assert AfterCare(10) in yes.effects


def test_a_new_triad_hears_everyone_else_and_who_coaches_first() -> None:
    opened = opening(triad(0))
    names = {"coach": 1, "coachee": 2}
    assert opened.effects[:2] == (
        Tell(1, "trajectory.start_triad", names=names, name_lists={"others": (2, 3)}),
        ShowHome(1),
    )
    assert [e.to for e in opened.effects if isinstance(e, ShowHome)] == [1, 2, 3]


def test_after_a_first_conversation_start_takes_turns_in_the_same_place_and_one_tap_swaps() -> None:
    remembered = replace(duo(), last=10, last_mode="face")
    began = Begin(11, "face", swap=10, remembered=True)
    assert start(remembered) == Outcome((KeepTalk(11, "face"), began))
    swapped = swap(replace(remembered, talking=11), 11)
    assert swapped == Outcome((KeepTalk(10, "face"), Begin(10, "face", 11, False, True)))
    assert swap(replace(remembered, talking=11), 10) == Refused("trajectory.stale", on_button=True)
    one_way = replace(remembered, seats=remembered.seats[:1])
    assert start(one_way) == Outcome((KeepTalk(10, "face"), Begin(10, "face", remembered=True)))


def test_the_other_direction_closed_leaves_the_same_coach_and_no_swap() -> None:
    closed = (replace(duo().seats[0], trajectory=Trajectory(step=Step.CLOSED)), duo().seats[1])
    remembered = replace(duo(), seats=closed, last=11, last_mode="chat")
    assert start(remembered) == Outcome((KeepTalk(11, "chat"), Begin(11, "chat", remembered=True)))


def test_where_they_talk_moves_with_one_tap_while_talking() -> None:
    talking = replace(duo(), talking=10, last=10, last_mode="chat")
    moved = switch_mode(talking, 10)
    assert moved == Outcome(
        (
            KeepTalk(10, "face"),
            Tell(1, "trajectory.mode_now_face"),
            Tell(2, "trajectory.mode_now_face"),
        )
    )
    assert switch_mode(replace(talking, talking=None), 10) == Refused(
        "trajectory.stale", on_button=True
    )
