"""A coach asks their teacher for supervision: who and when reach the teachers, nothing else.

Pressed twice, or again a little later, it still counts once: the teachers hear of one coach at
most once a week; a coach who asks again meanwhile is told kindly that their teacher knows.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime, timedelta

ASK_AGAIN_AFTER = timedelta(days=7)


class Answer(enum.StrEnum):
    """What a press of "ask my teacher" comes to."""

    TOLD = "told"  # the teachers are told now
    KNOWN = "known"  # they were told recently; nothing is sent again
    NO_TEACHER = "no_teacher"  # the cohort has no teacher in the bot (yet)


@dataclass(frozen=True, slots=True)
class Ask:
    """The outcome: the answer, and since when the teachers know (for KNOWN and TOLD)."""

    answer: Answer
    since: datetime | None = None


def ask_teacher(*, teachers: int, last_ask: datetime | None, now: datetime) -> Ask:
    """Decide a press: tell the teachers, or say they know already, or that there is none."""
    if teachers == 0:
        return Ask(Answer.NO_TEACHER)
    if last_ask is not None and now - last_ask < ASK_AGAIN_AFTER:
        return Ask(Answer.KNOWN, last_ask)
    return Ask(Answer.TOLD, now)
