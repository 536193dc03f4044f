"""Moving a trajectory from a card, without a database: a kind refusal, waiting for the other
partner, or announcing the new step."""

from __future__ import annotations

from datetime import UTC, datetime

from flows.trajectory import Event, NoteTopic, Party, Step, Trajectory, add_note
from flows.trajectory.effects import AnnounceStep, Outcome, Refused, Say, Store
from flows.trajectory.moving import fire_from_card

AT = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def test_confirming_a_goal_that_was_never_written_is_kindly_refused() -> None:
    refused = fire_from_card(Trajectory(step=Step.GOAL), Event.CONFIRM_GOAL, Party.COACHEE, at=AT)
    assert refused == Refused("trajectory.refused_goal_captured")


def test_a_coach_cannot_confirm_the_coachees_goal() -> None:
    refused = fire_from_card(Trajectory(step=Step.GOAL), Event.CONFIRM_GOAL, Party.COACH, at=AT)
    assert refused == Refused("trajectory.refused_not_your_role")


def test_closing_waits_for_the_other_partner_then_announces_the_close() -> None:
    closing = add_note(
        Trajectory(step=Step.CLOSING), NoteTopic("learned"), "Plannen", by=Party.COACHEE, at=AT
    )
    first = fire_from_card(closing, Event.CLOSE, Party.COACH, at=AT)
    assert isinstance(first, Outcome)
    assert first.effects[1:] == (Say("trajectory.waiting_for", name_of=Party.COACHEE),)
    stored = first.effects[0]
    assert isinstance(stored, Store)
    second = fire_from_card(stored.trajectory, Event.CLOSE, Party.COACHEE, at=AT)
    assert isinstance(second, Outcome) and second.effects[1:] == (AnnounceStep(),)
    assert isinstance(second.effects[0], Store) and second.effects[0].trajectory.step is Step.CLOSED
