"""A new score asks for the coachee's chart, after the coach has heard the number."""

from __future__ import annotations

from datetime import UTC, datetime

from flows.trajectory import Party, Step, Trajectory
from flows.trajectory.answers import Waiting, take_scale, take_text
from flows.trajectory.effects import Confirm, Outcome, Share, ShowChart, Store


def _outcome(result: object) -> Outcome:
    assert isinstance(result, Outcome)
    return result


def test_a_scale_shows_the_chart_and_a_note_does_not() -> None:
    at = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)
    typed = _outcome(take_text(Trajectory(step=Step.GOAL), Waiting("goal"), "Doel", at=at))
    assert not any(isinstance(effect, ShowChart) for effect in typed.effects)
    [goal] = [e.trajectory for e in typed.effects if isinstance(e, Store)]
    scored = _outcome(take_scale(goal, Waiting("scale"), 6, at=at))
    kinds = [type(effect) for effect in scored.effects]
    assert kinds.index(Share) < kinds.index(ShowChart)  # the coach hears it, the coachee sees
    share = next(e for e in scored.effects if isinstance(e, Share))
    assert share.to is Party.COACH and share.params == {"text": "6"}
    assert not any(isinstance(effect, Confirm) for effect in scored.effects)  # no chain here
