"""Prompts a member of a match lets pass without a word, and when to ask them kindly about a pause.

A prompt is a message the bot sends on its own, on a timer, that asks the member for an answer
("did you meet?", the nudge for a small step). Anything the member then does in their own chat
with the bot ends the run. After `ASK_AFTER` prompts in a row, and a day for the last one to be
answered all the same, the member is asked once whether a pause would help.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from flows.trajectory.codec import from_dict, to_dict

ASK_AFTER = 3
GRACE = timedelta(days=1)  # the last prompt of the run still gets this long to be answered


@dataclass(frozen=True, slots=True)
class Silence:
    """One member's run of unanswered prompts: how many, since when, and whether we asked."""

    count: int = 0
    since: datetime | None = None  # when the first prompt of the run was sent
    asked: bool = False

    def to_dict(self) -> dict[str, object]:
        """A plain JSON-able dict for storage."""
        return to_dict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> Silence:
        """Rebuild a silence from `to_dict` output."""
        return from_dict(cls, data)


def prompt_sent(silence: Silence, at: datetime) -> Silence:
    """One more prompt that reached the member while they had not answered the ones before."""
    return replace(silence, count=silence.count + 1, since=silence.since or at)


def heard_from() -> Silence:
    """The member did something: whatever ran before is over."""
    return Silence()


def grace_starts(silence: Silence) -> bool:
    """Whether this prompt was the one that completes the run, so the day of grace begins."""
    return silence.count == ASK_AFTER and not silence.asked


def should_ask(silence: Silence) -> bool:
    """Whether to ask kindly about a pause now: a full run, and not asked during it yet."""
    return silence.count >= ASK_AFTER and not silence.asked


def mark_asked(silence: Silence) -> Silence:
    """Asked once; not again in this run, however long it gets."""
    return replace(silence, asked=True)
