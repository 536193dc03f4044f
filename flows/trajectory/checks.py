"""Small precondition checks shared by the capture and contract functions."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime

from flows.trajectory.model import CaptureError, Refusal, Trajectory
from flows.trajectory.steps import PARTNERS, Party, Step

TEXT_LIMIT = 2000  # half a Telegram message: room for the bot to quote it back with some words


def require_aware(at: datetime) -> None:
    """Refuse naive timestamps: every stored moment carries its time zone."""
    if at.tzinfo is None or at.utcoffset() is None:
        raise ValueError("timestamps must be timezone-aware")


def require_step(trajectory: Trajectory, steps: Collection[Step]) -> None:
    """Refuse a capture outside the steps where it belongs."""
    if trajectory.step not in steps:
        refusal = Refusal.TERMINAL if trajectory.terminal else Refusal.WRONG_STEP
        raise CaptureError(refusal, f"not possible in step {trajectory.step.value}")


def require_party(by: Party, allowed: Party) -> None:
    """Refuse a capture by someone whose role does not own it (`ANY` means either partner)."""
    if by not in PARTNERS:
        raise ValueError(f"a capture is made by the coach or the coachee, not {by.value}")
    if allowed is not Party.ANY and by is not allowed:
        raise CaptureError(Refusal.NOT_YOUR_ROLE, f"only the {allowed.value} can do this")


def clean_text(text: str, limit: int = TEXT_LIMIT) -> str:
    """Strip a captured text and refuse it when empty or too long."""
    cleaned = text.strip()
    if not cleaned:
        raise CaptureError(Refusal.INVALID, "the text is empty")
    if len(cleaned) > limit:
        raise CaptureError(Refusal.INVALID, f"the text is longer than {limit} characters")
    return cleaned
