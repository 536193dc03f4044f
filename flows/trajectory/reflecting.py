"""Looking back after a conversation, one card at a time: the coach's reflection (the role they
took, seven tension fields, five questions) and a triad observer's feedback (the questions).

The draft lives in the awaited input's data until it is complete; these rules decide which card
comes next, what an answer or press changes, and what is stored at the end.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from flows.trajectory.captures import add_observation, add_reflection
from flows.trajectory.checks import TEXT_LIMIT
from flows.trajectory.effects import Outcome, Refused, Result, Say, Store
from flows.trajectory.model import (
    TENSION_SCALE,
    CaptureError,
    CoachRole,
    ReflectionQuestion,
    TensionField,
    Trajectory,
)
from flows.trajectory.steps import Party

FIELDS = tuple(TensionField)
QUESTIONS = tuple(ReflectionQuestion)


@dataclass(frozen=True, slots=True)
class Draft:
    """A reflection (the coach's, `observer` False) or an observation under way."""

    observer: bool
    role: CoachRole | None = None
    tensions: Mapping[TensionField, int] = field(default_factory=dict)
    answers: Mapping[ReflectionQuestion, str] = field(default_factory=dict)
    skipped: int = 0

    @classmethod
    def read(cls, kind: str, data: Mapping[str, Any]) -> Draft:
        """The draft kept in an awaited input of kind "reflect" or "observe"."""
        role = data.get("role")
        return cls(
            observer=kind == "observe",
            role=CoachRole(role) if role else None,
            tensions={TensionField(f): int(v) for f, v in data.get("tensions", {}).items()},
            answers={ReflectionQuestion(q): str(a) for q, a in data.get("answers", {}).items()},
            skipped=int(data.get("skipped", 0)),
        )

    def data(self) -> dict[str, Any]:
        """The draft as the awaited input keeps it (JSON)."""
        kept: dict[str, Any] = {
            "tensions": {f.value: v for f, v in self.tensions.items()},
            "answers": {q.value: a for q, a in self.answers.items()},
            "skipped": self.skipped,
        }
        if self.role is not None:
            kept["role"] = self.role.value
        return kept

    @property
    def next_field(self) -> TensionField | None:
        """The tension field to place next, for a coach past the role."""
        if self.observer:
            return None
        return next((f for f in FIELDS if f not in self.tensions), None)

    @property
    def question_index(self) -> int:
        """Which of the five questions comes next (answered and skipped ones count)."""
        return len(self.answers) + self.skipped

    @property
    def complete(self) -> bool:
        """Every question answered or skipped."""
        return self.question_index >= len(QUESTIONS)


def choose_role(draft: Draft, role: object) -> Draft | None:
    """The role the coach mostly took; None for a press that no longer fits."""
    if draft.observer or draft.role is not None or role not in set(CoachRole):
        return None
    return replace(draft, role=CoachRole(str(role)))


def place(draft: Draft, field_name: object, value: int | None) -> Draft | None:
    """A position on the next tension field; None for a stale or forged press."""
    if draft.observer or draft.role is None or value not in TENSION_SCALE:
        return None
    if field_name not in set(TensionField) or TensionField(str(field_name)) in draft.tensions:
        return None
    assert value is not None
    return replace(draft, tensions={**draft.tensions, TensionField(str(field_name)): value})


def answer(draft: Draft, text: str) -> Draft | Refused:
    """A typed answer to the current question, in the writer's own words (never cut)."""
    if (draft.role is None and not draft.observer) or draft.next_field is not None:
        return Refused("trajectory.use_buttons")
    words = " ".join(text.split())
    if len(words) > TEXT_LIMIT:
        return Refused("trajectory.too_long_note", {"limit": TEXT_LIMIT})
    question = QUESTIONS[draft.question_index]
    return replace(draft, answers={**draft.answers, question: words})


def skip(draft: Draft, number: int | None) -> Draft | None:
    """Pass over the question with this number; None when that question is past."""
    if number != draft.question_index or draft.complete:
        return None
    return replace(draft, skipped=draft.skipped + 1)


def finish(trajectory: Trajectory, draft: Draft, at: datetime) -> Result:
    """Store the complete draft: the coach's reflection, or the observer's feedback."""
    try:
        if draft.observer:
            if not draft.answers:
                return Refused("trajectory.observe_empty")
            kept = add_observation(trajectory, dict(draft.answers), at=at)
            return Outcome((Store(kept),))
        assert draft.role is not None
        kept = add_reflection(
            trajectory,
            role=draft.role,
            tensions=dict(draft.tensions),
            answers=dict(draft.answers),
            by=Party.COACH,
            at=at,
        )
    except CaptureError:
        return Refused("trajectory.reflect_done_before")
    return Outcome((Store(kept), Say("trajectory.reflect_saved")))
