"""Planning and the trajectory timers, without a database: what is stored, which timers are set
or dropped, and who is told."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from flows.scheduling import SchoolTime
from flows.trajectory import Silence, SmallStep, Step, StepStatus, Trajectory
from flows.trajectory.effects import (
    AskMet,
    CancelTimer,
    KeepMeeting,
    KeepSilence,
    NudgeCard,
    Outcome,
    Refused,
    ScheduleTimer,
    ShowPlanned,
    Store,
    Tell,
)
from flows.trajectory.ending import Person
from flows.trajectory.pair import Seat
from flows.trajectory.timing import (
    MET_CHECK,
    NUDGE,
    QUIET,
    REMINDER,
    Due,
    ask_met,
    cancel_nudges,
    forget_plan,
    nudge,
    nudge_later,
    plan_conversation,
    remind,
)

SCHOOL = SchoolTime()  # Brussels, quiet from 21:00 to 08:00
NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)  # Monday 10:00 in Brussels
WHEN = datetime(2026, 3, 5, 15, 0, tzinfo=UTC)  # Thursday 16:00
DUO = [Person(1), Person(2)]


def seats() -> list[Seat]:
    return [
        Seat(Trajectory(step=Step.PATH), coach=1, coachee=2, ref=10),
        Seat(Trajectory(step=Step.CLOSED), coach=2, coachee=1, ref=11),
    ]


def planned(when: datetime | None = WHEN, planned_before: datetime | None = None) -> Outcome:
    result = plan_conversation(
        seats(), match=7, planned=planned_before, when=when, planner=1, now=NOW, time=SCHOOL
    )
    assert isinstance(result, Outcome)
    return result


def test_planning_stores_the_time_in_live_trajectories_sets_every_timer_and_tells() -> None:
    outcome = planned()
    assert outcome.effects[0] == KeepMeeting(WHEN)
    stored = [e for e in outcome.effects if isinstance(e, Store)]
    assert [(s.ref, s.trajectory.next_meeting) for s in stored] == [(10, WHEN)]
    timers = [e for e in outcome.effects if isinstance(e, ScheduleTimer)]
    assert [(t.kind, t.name) for t in timers] == [
        (REMINDER, "trajectory:7:day_before"),
        (REMINDER, "trajectory:7:hour_before"),
        (MET_CHECK, "trajectory:7:met"),
    ]
    assert all(t.conversation == "match:7" and t.payload["at"] == WHEN.isoformat() for t in timers)
    assert timers[1].at == WHEN - timedelta(hours=1)
    assert outcome.effects[-1] == ShowPlanned(1, WHEN)


def test_a_conversation_too_soon_for_a_reminder_drops_the_old_ones() -> None:
    soon = NOW + timedelta(minutes=30)
    outcome = planned(soon)
    assert CancelTimer("trajectory:7:day_before") in outcome.effects
    assert CancelTimer("trajectory:7:hour_before") in outcome.effects


def test_the_planned_time_picked_again_is_already_done_and_a_past_time_is_an_old_card() -> None:
    again = plan_conversation(
        seats(), match=7, planned=WHEN, when=WHEN, planner=2, now=NOW, time=SCHOOL
    )
    assert again == Refused("fallback.already_done", on_button=True)
    past = plan_conversation(
        seats(), match=7, planned=None, when=NOW, planner=2, now=NOW, time=SCHOOL
    )
    assert past == Refused("trajectory.stale", on_button=True)


def test_forgetting_the_plan_drops_its_three_timers() -> None:
    assert forget_plan(7) == (
        KeepMeeting(None),
        CancelTimer("trajectory:7:day_before"),
        CancelTimer("trajectory:7:hour_before"),
        CancelTimer("trajectory:7:met"),
    )


def step(number: int = 1, due: date = date(2026, 2, 27)) -> SmallStep:
    return SmallStep(number, "Mail de mentor", due, StepStatus.OPEN, NOW - timedelta(days=5))


def test_a_small_step_is_nudged_the_morning_after_its_date_and_cancelled_when_it_ends() -> None:
    later = nudge_later(10, 2, step(due=date(2026, 3, 4)), SCHOOL)
    assert (later.kind, later.name, later.conversation) == (NUDGE, "trajectory:10:step:1", "user:2")
    assert later.at == datetime(2026, 3, 5, 9, 0, tzinfo=UTC)  # 10:00 in Brussels
    with_steps = Seat(Trajectory(step=Step.PATH, small_steps=(step(1), step(2))), 1, 2, 10)
    assert cancel_nudges([with_steps]) == (
        CancelTimer("trajectory:10:step:1"),
        CancelTimer("trajectory:10:step:2"),
    )


def reminder(at: datetime = WHEN) -> Due:
    return Due(REMINDER, "match:7", {"m": 7, "at": at.isoformat(), "r": "day_before"})


def test_a_reminder_goes_to_everyone_with_the_time_written_for_each() -> None:
    outcome = remind(WHEN, reminder(), DUO, now=NOW, time=SCHOOL)
    assert outcome.effects == tuple(
        Tell(m, "trajectory.reminder_day_before", moments={"when": WHEN}) for m in (1, 2)
    )


def test_a_reminder_of_an_earlier_plan_or_after_the_start_says_nothing() -> None:
    assert remind(WHEN, reminder(WHEN - timedelta(days=1)), DUO, now=NOW, time=SCHOOL) == Outcome()
    assert remind(WHEN, reminder(), DUO, now=WHEN, time=SCHOOL) == Outcome()
    assert remind(None, reminder(), DUO, now=NOW, time=SCHOOL) == Outcome()


def test_a_timer_in_quiet_hours_tries_again_in_the_morning() -> None:
    night = datetime(2026, 3, 2, 22, 0, tzinfo=UTC)  # 23:00 in Brussels
    outcome = remind(WHEN, reminder(), DUO, now=night, time=SCHOOL)
    assert outcome.effects == (
        ScheduleTimer(
            REMINDER, datetime(2026, 3, 3, 7, 0, tzinfo=UTC), reminder().payload, "match:7"
        ),
    )


def test_the_met_question_counts_as_a_prompt_and_a_third_one_starts_the_grace() -> None:
    due = Due(MET_CHECK, "match:7", {"m": 7, "at": WHEN.isoformat()})
    after = WHEN + timedelta(hours=2)
    two = Silence(count=2, since=NOW)
    asked = ask_met(WHEN, due, DUO, {2: two}, match=7, talking=False, now=after, time=SCHOOL)
    assert asked.effects[:2] == (
        AskMet(1, WHEN, WHEN.isoformat()),
        KeepSilence(1, Silence(1, after)),
    )
    assert asked.effects[3] == KeepSilence(2, Silence(3, NOW))
    quiet = asked.effects[4]
    assert isinstance(quiet, ScheduleTimer) and quiet.kind == QUIET
    assert quiet.payload == {"m": 7, "u": 2} and quiet.name == "trajectory:7:quiet:2"
    talking = ask_met(WHEN, due, DUO, {}, match=7, talking=True, now=after, time=SCHOOL)
    assert talking == Outcome()


def test_an_unreachable_member_is_not_counted_as_silent() -> None:
    due = Due(MET_CHECK, "match:7", {"m": 7, "at": WHEN.isoformat()})
    members = [Person(1), Person(2, unreachable=True)]
    asked = ask_met(
        WHEN, due, members, {}, match=7, talking=False, now=WHEN + timedelta(hours=2), time=SCHOOL
    )
    assert [type(e) for e in asked.effects] == [AskMet, KeepSilence, AskMet]


def test_a_small_step_past_its_date_gets_one_nudge_and_never_a_second() -> None:
    seat = Seat(Trajectory(step=Step.PATH, small_steps=(step(),)), coach=1, coachee=2, ref=10)
    due = Due(NUDGE, "user:2", {"t": 10, "n": 1})
    outcome = nudge(seat, due, Person(2), Silence(), match=7, now=NOW, time=SCHOOL)
    stored = outcome.effects[0]
    assert isinstance(stored, Store) and stored.trajectory.small_steps[0].nudged
    assert outcome.effects[1] == NudgeCard(10, step())
    assert outcome.effects[2] == KeepSilence(2, Silence(1, NOW))
    again = Seat(stored.trajectory, coach=1, coachee=2, ref=10)
    assert nudge(again, due, Person(2), Silence(), match=7, now=NOW, time=SCHOOL) == Outcome()
