"""What a coach's log and portfolio hold: compliments by conversation, counts, no coachee words."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from flows.coach_log import compliments_received, conversations, portfolio
from flows.trajectory import (
    CoachRole,
    Entry,
    Meeting,
    Note,
    NoteTopic,
    Observation,
    Party,
    Reflection,
    Step,
    Trajectory,
)

DAY = datetime(2026, 2, 2, 10, 0, tzinfo=UTC)
COMPLIMENT = NoteTopic("compliment")


def held(*days: int) -> tuple[Meeting, ...]:
    return tuple(Meeting(DAY + timedelta(days=d), True) for d in days)


def praise(text: str, day: float, by: Party = Party.COACHEE) -> Note:
    return Note(COMPLIMENT, text, by, DAY + timedelta(days=day))


def test_a_compliment_belongs_to_the_conversation_it_was_given_in() -> None:
    trajectory = Trajectory(
        meetings=(*held(0, 7), Meeting(DAY + timedelta(days=10), False), *held(14)),
        notes=(
            praise("during the first", -0.01),
            praise("during the third", 13.9),
            praise("from the coach", 13.9, by=Party.COACH),
            praise("after the last", 20),
            Note(NoteTopic("dream"), "a dream", Party.COACHEE, DAY),
        ),
    )
    assert compliments_received(trajectory) == {
        1: ("during the first",),
        3: ("during the third", "after the last"),
    }
    assert compliments_received(Trajectory(notes=(praise("before any", 0),))) == {
        1: ("before any",)
    }


def test_the_log_puts_reflections_observations_and_compliments_side_by_side() -> None:
    reflection = Reflection(1, CoachRole.SOUNDING_BOARD, {}, {}, DAY)
    seen = Observation(2, {}, DAY)
    trajectory = Trajectory(
        meetings=held(0, 7, 14),
        notes=(praise("kind words", 13.5),),
        reflections=(reflection,),
        observations=(seen,),
    )
    log = conversations(trajectory)
    assert [(c.number, c.reflection, c.observation, c.compliments) for c in log] == [
        (1, reflection, None, ()),
        (2, None, seen, ()),
        (3, None, None, ("kind words",)),
    ]
    assert [c.number for c in conversations(trajectory, with_compliments=False)] == [1, 2]


def test_a_portfolio_counts_and_keeps_the_coachees_words_out() -> None:
    goal = Entry("my secret goal", Party.COACHEE, DAY)
    closed = Trajectory(
        step=Step.CLOSED,
        goals=(goal,),
        meetings=held(0, 7),
        notes=(praise("you listen well", 6.9), praise("great", 6.95)),
        reflections=(Reflection(2, CoachRole.SUPPORTER, {}, {}, DAY),),
    )
    running = replace(closed, step=Step.PATH, meetings=held(3), notes=(), reflections=())
    summary = portfolio([closed, running])
    assert (summary.conversations, summary.closings, summary.compliments) == (3, 1, 2)
    assert [(t.number, t.held, t.closed) for t in summary.trajectories] == [
        (1, 2, True),
        (2, 1, False),
    ]
    assert all(c.compliments == () for t in summary.trajectories for c in t.conversations)
    assert "my secret goal" not in repr(summary) and "you listen well" not in repr(summary)
    assert not summary.empty
    assert portfolio([Trajectory()]).empty and portfolio([]).empty
