"""What /progress shows of a class: which trajectories, under which filter, on which page.

Metadata only: a step, dates and counts per trajectory. Nothing here ever holds what students wrote.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from flows.trajectory.silence import ASK_AFTER
from flows.trajectory.steps import Step

QUIET_FOR = timedelta(days=14)  # an active trajectory without a sign of life this long needs a look
PAGE_BUDGET = 3000  # characters of list lines per message; header, footer and tags fit in the rest
TICKS_BUDGET = 300  # characters of the names of students who practised, so the page stays < 4096


class Filter(enum.StrEnum):
    """The three views a teacher switches between."""

    ACTIVE = "active"
    FINISHED = "finished"
    ATTENTION = "attention"


class Standing(enum.StrEnum):
    """Where a trajectory stands as a whole."""

    ACTIVE = "active"
    FINISHED = "finished"
    DISSOLVED = "dissolved"


@dataclass(frozen=True, slots=True)
class Item:
    """One trajectory as staff may see it: who (ids), step, counts and dates, no content."""

    match_id: int
    coach_id: int
    coachee_id: int
    step: str
    match_status: str
    conversations: int
    open_steps: int
    done_steps: int
    silent_prompts: int  # the longest run of unanswered prompts of either member
    last_activity: datetime
    next_meeting: datetime | None = None
    ended_at: datetime | None = None


def standing(item: Item) -> Standing:
    """Finished when closed, dissolved when ended otherwise, active while it runs."""
    if item.step == Step.CLOSED.value or item.match_status == "closed":
        return Standing.FINISHED
    if item.step == Step.DISSOLVED.value or item.match_status != "active":
        return Standing.DISSOLVED
    return Standing.ACTIVE


def let_pass(item: Item) -> bool:
    """Whether a member let a full run of the bot's questions pass without a word."""
    return item.silent_prompts >= ASK_AFTER


def needs_attention(item: Item, now: datetime) -> bool:
    """An active trajectory whose members let the bot's questions pass, or that went quiet."""
    if standing(item) is not Standing.ACTIVE:
        return False
    return let_pass(item) or now - item.last_activity >= QUIET_FOR


def open_steps(item: Item) -> int:
    """Small steps still ahead; a trajectory that ended has none left to take."""
    return item.open_steps if standing(item) is Standing.ACTIVE else 0


def shown(items: Sequence[Item], view: Filter, now: datetime) -> list[Item]:
    """The trajectories of a view: the quietest first when they need attention, else the latest."""
    if view is Filter.ATTENTION:
        chosen = [item for item in items if needs_attention(item, now)]
        return sorted(chosen, key=lambda item: (item.last_activity, item.match_id))
    wanted = Standing.ACTIVE if view is Filter.ACTIVE else Standing.FINISHED
    chosen = [item for item in items if standing(item) is wanted]
    return sorted(chosen, key=lambda item: (item.last_activity, item.match_id), reverse=True)


@dataclass(frozen=True, slots=True)
class Counts:
    """How many trajectories each view holds, and how many were dissolved (never listed)."""

    active: int
    finished: int
    attention: int
    dissolved: int

    def of(self, view: Filter) -> int:
        """The count of one view."""
        return {
            Filter.ACTIVE: self.active,
            Filter.FINISHED: self.finished,
            Filter.ATTENTION: self.attention,
        }[view]


def counts(items: Sequence[Item], now: datetime) -> Counts:
    """The numbers on the filter buttons."""
    standings = [standing(item) for item in items]
    return Counts(
        active=standings.count(Standing.ACTIVE),
        finished=standings.count(Standing.FINISHED),
        attention=sum(1 for item in items if needs_attention(item, now)),
        dissolved=standings.count(Standing.DISSOLVED),
    )


def pages(lengths: Sequence[int], budget: int = PAGE_BUDGET) -> list[tuple[int, int]]:
    """Cut lines of these lengths (plus a newline each) into pages of at most `budget`
    characters: (start, end) per page; always at least one page, even when empty."""
    result: list[tuple[int, int]] = []
    start, used = 0, 0
    for index, length in enumerate(lengths):
        size = min(length, budget) + 1
        if index > start and used + size > budget:
            result.append((start, index))
            start, used = index, 0
        used += size
    result.append((start, len(lengths)))
    return result


def clamp_page(page: int, total: int) -> int:
    """A page number that exists (the list may have shrunk since the button was made)."""
    return max(0, min(page, total - 1))


def ticked(names: Sequence[str], budget: int = TICKS_BUDGET) -> tuple[str, int]:
    """The practised names that fit the budget, joined, and how many more there are."""
    shown: list[str] = []
    used = 0
    for name in names:
        used += len(name) + 2
        if shown and used > budget:
            break
        shown.append(name[:budget])
    return ", ".join(shown), len(names) - len(shown)
