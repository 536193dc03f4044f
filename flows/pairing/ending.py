"""Ending a round and reading the rounds back: which pairs close, what comes next, the history.

Pure: the facts come from storage (dates and counts only), the decisions go to the handlers.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime


class RoundEnding(enum.StrEnum):
    """What the coordinator chose for the running pairs when a round ends."""

    KEEP = "keep"  # pairs stay active and keep coaching
    CLOSE = "close"  # every trajectory ends as a finished one


class NextStep(enum.StrEnum):
    """What a coordinator can do with the cohort's rounds now."""

    END = "end"  # a round runs: end it first, with the keep-or-close choice
    DRAFT = "draft"  # a proposal waits in Telegram to be confirmed
    NEXT = "next"  # start the next round


@dataclass(frozen=True, slots=True)
class RoundFacts:
    """One confirmed round or re-pairing as stored: when, what became of its matches."""

    number: int
    kind: str  # "round", "repair" or "import"
    confirmed_at: datetime | None
    ended_at: datetime | None = None
    ending: RoundEnding | None = None
    running: int = 0
    finished: int = 0
    dissolved: int = 0

    @property
    def made(self) -> int:
        """How many matches it made."""
        return self.running + self.finished + self.dissolved


@dataclass(frozen=True, slots=True)
class RoundSummary:
    """A round with its re-pairings folded in: the line of the history."""

    number: int
    started: datetime | None
    ended: datetime | None
    ending: RoundEnding | None
    made: int
    running: int
    finished: int
    dissolved: int

    @property
    def open(self) -> bool:
        """Whether the round was not ended yet."""
        return self.ended is None


NUMBERED = ("round", "import")


def summarise(facts: Iterable[RoundFacts]) -> list[RoundSummary]:
    """The history by round number, oldest first; a re-pairing counts with its round."""
    by_number: dict[int, list[RoundFacts]] = {}
    for fact in facts:
        by_number.setdefault(fact.number, []).append(fact)
    summaries = []
    for number in sorted(by_number):
        rows = by_number[number]
        main = [r for r in rows if r.kind in NUMBERED] or rows
        starts = [r.confirmed_at for r in main if r.confirmed_at is not None]
        summaries.append(
            RoundSummary(
                number=number,
                started=min(starts) if starts else None,
                ended=main[-1].ended_at,
                ending=main[-1].ending,
                made=sum(r.made for r in rows),
                running=sum(r.running for r in rows),
                finished=sum(r.finished for r in rows),
                dissolved=sum(r.dissolved for r in rows),
            )
        )
    return summaries


def current(history: Sequence[RoundSummary]) -> RoundSummary | None:
    """The round that runs now: the latest one, unless it was ended."""
    if history and history[-1].open:
        return history[-1]
    return None


def next_step(history: Sequence[RoundSummary], *, running: int, draft: bool) -> NextStep:
    """End the running round first (the coordinator chooses what happens to its pairs); then
    confirm a waiting proposal; then start the next round.

    A round whose pairs all ended already needs no choice: the next one may start. Pairs made
    outside any round (the command line, before the first round) simply run on into round 1,
    which its end keeps or closes with the rest."""
    if current(history) is not None and running:
        return NextStep.END
    return NextStep.DRAFT if draft else NextStep.NEXT


def to_close(ending: RoundEnding, running: Iterable[int]) -> list[int]:
    """The matches a round's end closes: all running ones, or none when they are kept."""
    return sorted(running) if ending is RoundEnding.CLOSE else []
