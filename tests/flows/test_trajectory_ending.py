"""How a match ends, without a database: the click check, dissolving kindly, closing."""

from __future__ import annotations

from datetime import UTC, datetime

from flows.pairing import MEMBER_ERASED
from flows.trajectory import DissolvedReason, Step, Trajectory, start_click_check
from flows.trajectory.effects import (
    AskClick,
    AskRepair,
    KeepClick,
    Outcome,
    Refused,
    SayClick,
    StartContract,
    Store,
    Tell,
    WindDown,
)
from flows.trajectory.ending import (
    Person,
    ask_click,
    click_answered,
    close_for_round,
    dissolve,
    dissolve_if_unreachable,
    trajectory_closed,
)
from flows.trajectory.pair import Seat

AT = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
DUO = [Person(1), Person(2)]


def contact() -> list[Seat]:
    """A reciprocal pair right after their first conversation."""
    return [
        Seat(Trajectory(step=Step.CONTACT), coach=1, coachee=2, ref=10),
        Seat(Trajectory(step=Step.CONTACT), coach=2, coachee=1, ref=11),
    ]


def stores(outcome: Outcome) -> dict[int | None, Trajectory]:
    return {e.ref: e.trajectory for e in outcome.effects if isinstance(e, Store)}


def tells(outcome: Outcome) -> list[Tell]:
    return [e for e in outcome.effects if isinstance(e, Tell)]


def test_the_click_question_goes_to_everyone_with_a_fresh_check() -> None:
    asked = ask_click(DUO)
    assert asked.effects == (KeepClick(start_click_check([1, 2])), AskClick())


def test_the_first_yes_waits_for_the_other_and_a_second_answer_is_refused() -> None:
    first = click_answered(start_click_check([1, 2]), contact(), DUO, 1, click=True, at=AT)
    assert isinstance(first, Outcome) and first.effects[1] == SayClick("waiting")
    kept = first.effects[0]
    assert isinstance(kept, KeepClick) and kept.check is not None
    again = click_answered(kept.check, contact(), DUO, 1, click=False, at=AT)
    assert again == Refused("trajectory.click_already", on_button=True)


def test_no_click_check_running_means_an_old_card() -> None:
    assert click_answered(None, contact(), DUO, 1, click=True, at=AT) == Refused(
        "trajectory.stale", on_button=True
    )


def test_two_yeses_end_the_contact_step_everywhere_and_open_the_contract() -> None:
    first = click_answered(start_click_check([1, 2]), contact(), DUO, 1, click=True, at=AT)
    assert isinstance(first, Outcome) and isinstance(first.effects[0], KeepClick)
    both = click_answered(first.effects[0].check, contact(), DUO, 2, click=True, at=AT)
    assert isinstance(both, Outcome)
    assert both.effects[0] == KeepClick(None, done=True)
    assert {ref: t.step for ref, t in stores(both).items()} == {
        10: Step.CONTRACT,
        11: Step.CONTRACT,
    }
    assert tells(both) == [Tell(m, "trajectory.click_matched", click="matched") for m in (1, 2)]
    assert both.effects[-1] == StartContract()


def test_one_no_parts_everyone_without_naming_who_said_it() -> None:
    first = click_answered(start_click_check([1, 2]), contact(), DUO, 1, click=False, at=AT)
    assert isinstance(first, Outcome) and isinstance(first.effects[0], KeepClick)
    parted = click_answered(first.effects[0].check, contact(), DUO, 2, click=True, at=AT)
    assert isinstance(parted, Outcome)
    assert all(t.step is Step.DISSOLVED for t in stores(parted).values())
    assert WindDown("dissolved", "no_click") in parted.effects
    assert tells(parted) == [
        Tell(1, "trajectory.dissolved_no_click", click="no_click"),
        Tell(2, "trajectory.dissolved_no_click", click="no_click"),
    ]
    assert parted.effects[-1] == AskRepair((1, 2), "no_click")


def test_the_leaver_hears_they_left_and_the_other_hears_their_name() -> None:
    left = dissolve(contact(), DUO, DissolvedReason.PARTNER_LEFT, at=AT, leaver=1)
    assert tells(left) == [
        Tell(1, "trajectory.you_left"),
        Tell(2, "trajectory.dissolved_partner_left", names={"name": 1}),
    ]
    assert left.effects[-1] == AskRepair((2,), "partner_left")


def test_after_an_erasure_nobody_is_named_and_the_erased_person_hears_nothing() -> None:
    erased = dissolve(contact(), DUO, DissolvedReason.PARTNER_LEFT, at=AT, leaver=1, erased=True)
    assert tells(erased) == [Tell(2, "trajectory.dissolved_partner_gone")]
    # Stored as an erasure, so the no-repeats rule lets the ones who stayed meet again.
    assert WindDown("dissolved", MEMBER_ERASED) in erased.effects


def test_a_coordinator_ending_the_match_needs_no_re_pairing() -> None:
    ended = dissolve(contact(), DUO, DissolvedReason.COORDINATOR_ENDED, at=AT)
    assert not any(isinstance(e, AskRepair) for e in ended.effects)
    assert [t.to for t in tells(ended)] == [1, 2]


def test_an_unreachable_partner_dissolves_the_match_and_is_not_told() -> None:
    members = [Person(1), Person(2, unreachable=True)]
    ended = dissolve_if_unreachable(contact(), members, at=AT)
    assert ended is not None
    assert tells(ended) == [Tell(1, "trajectory.dissolved_unreachable", names={"name": 2})]
    assert ended.effects[-1] == AskRepair((1,), "unreachable")


def test_a_partner_who_erased_their_data_dissolves_the_match_and_everyone_else_is_fine() -> None:
    assert dissolve_if_unreachable(contact(), DUO, at=AT) is None
    gone = dissolve_if_unreachable(contact(), [Person(1)], at=AT)
    assert gone is not None and tells(gone) == [Tell(1, "trajectory.dissolved_partner_gone")]


def test_a_closed_direction_of_a_two_way_pair_says_the_other_goes_on() -> None:
    seats = [
        Seat(Trajectory(step=Step.CLOSED), coach=1, coachee=2, ref=10),
        Seat(Trajectory(step=Step.PATH), coach=2, coachee=1, ref=11),
    ]
    assert trajectory_closed(seats, 10, [Person(1), Person(2)]).effects == (
        Tell(1, "trajectory.closed_goes_on_coach", names={"name": 2}),
        Tell(2, "trajectory.closed_goes_on_coachee", names={"name": 1}),
    )


def test_the_match_closes_only_when_its_last_trajectory_closed() -> None:
    seats = [
        Seat(Trajectory(step=Step.CLOSED), coach=1, coachee=2, ref=10, observer=3),
        Seat(Trajectory(step=Step.PATH), coach=2, coachee=3, ref=11),
    ]
    members = [Person(1), Person(2), Person(3)]
    first = trajectory_closed(seats, 10, members)
    assert first.effects == (
        Tell(1, "trajectory.closed", names={"name": 2}),
        Tell(2, "trajectory.closed", names={"name": 1}),
        Tell(3, "trajectory.closed_observed", names={"coach": 1, "coachee": 2}),
    )
    seats[1] = Seat(Trajectory(step=Step.CLOSED), coach=2, coachee=3, ref=11)
    last = trajectory_closed(seats, 11, members)
    assert last.effects[2] == WindDown("closed")
    assert [t.key for t in tells(last)[2:]] == ["trajectory.match_closed"] * 3


def test_closing_a_round_finishes_every_trajectory_and_tells_each_partner_warmly() -> None:
    ended = close_for_round(contact(), [Person(1), Person(2, unreachable=True)], at=AT)
    stored = stores(ended)
    assert {ref: t.step for ref, t in stored.items()} == {10: Step.CLOSED, 11: Step.CLOSED}
    assert all(t.dissolved_reason is None and t.contract.closed_at == AT for t in stored.values())
    assert WindDown("closed") in ended.effects
    assert not any(isinstance(e, AskRepair) for e in ended.effects)  # nobody waits for anyone
    # Only the member the bot can reach is told, with the partner's name.
    assert tells(ended) == [Tell(1, "trajectory.round_closed", name_lists={"names": (2,)})]
