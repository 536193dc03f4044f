"""The teacher's /progress: standings, filters, counts and pages, from metadata only."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta

from flows.progress import (
    PAGE_BUDGET,
    Filter,
    Item,
    Standing,
    clamp_page,
    counts,
    needs_attention,
    open_steps,
    pages,
    shown,
    standing,
    ticked,
)

NOW = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)


def _item(match_id: int, step: str = "goal", status: str = "active", **extra: object) -> Item:
    base: dict[str, object] = {
        "match_id": match_id,
        "coach_id": 1,
        "coachee_id": 2,
        "step": step,
        "match_status": status,
        "conversations": 2,
        "open_steps": 1,
        "done_steps": 2,
        "silent_prompts": 0,
        "last_activity": NOW - timedelta(days=1),
    }
    return Item(**{**base, **extra})  # type: ignore[arg-type]


def test_a_closed_coaching_is_finished_and_has_no_open_steps_left() -> None:
    finished = _item(1, step="closed", status="closed", open_steps=1)
    assert standing(finished) is Standing.FINISHED
    assert open_steps(finished) == 0
    assert open_steps(_item(2, open_steps=1)) == 1


def test_a_dissolved_trajectory_is_never_listed_as_active() -> None:
    gone = _item(1, step="dissolved", status="dissolved")
    ended_match = _item(2, step="path", status="dissolved")  # the match ended first
    items = [gone, ended_match, _item(3)]
    assert [standing(i) for i in items] == [Standing.DISSOLVED] * 2 + [Standing.ACTIVE]
    assert [i.match_id for i in shown(items, Filter.ACTIVE, NOW)] == [3]
    assert shown(items, Filter.FINISHED, NOW) == []
    assert counts(items, NOW).dissolved == 2


def test_needs_attention_after_a_run_of_silence_or_two_quiet_weeks() -> None:
    silent = _item(1, silent_prompts=3)
    quiet = _item(2, last_activity=NOW - timedelta(days=15))
    busy = _item(3, silent_prompts=2, last_activity=NOW - timedelta(days=13))
    ended = _item(4, step="closed", status="closed", last_activity=NOW - timedelta(days=40))
    items = [silent, quiet, busy, ended]
    assert [needs_attention(i, NOW) for i in items] == [True, True, False, False]
    # The quietest first: the one that has waited longest.
    assert [i.match_id for i in shown(items, Filter.ATTENTION, NOW)] == [2, 1]


def test_counts_per_filter() -> None:
    items = [
        _item(1),
        _item(2, silent_prompts=4),
        _item(3, step="closed", status="closed"),
        _item(4, step="dissolved", status="dissolved"),
    ]
    numbers = counts(items, NOW)
    assert (numbers.active, numbers.finished, numbers.attention, numbers.dissolved) == (2, 1, 1, 1)
    assert [numbers.of(f) for f in Filter] == [2, 1, 1]


def test_the_latest_activity_comes_first_in_active_and_finished() -> None:
    items = [_item(n, last_activity=NOW - timedelta(hours=n)) for n in (3, 1, 2)]
    assert [i.match_id for i in shown(items, Filter.ACTIVE, NOW)] == [1, 2, 3]


def test_pages_keep_every_line_within_the_budget() -> None:
    lengths = [200] * 40
    cuts = pages(lengths)
    assert cuts[0][0] == 0 and cuts[-1][1] == 40
    assert all(a[1] == b[0] for a, b in itertools.pairwise(cuts))
    for start, end in cuts:
        assert sum(n + 1 for n in lengths[start:end]) <= PAGE_BUDGET
    assert len(cuts) == 3


def test_an_empty_list_is_one_empty_page_and_pages_are_clamped() -> None:
    assert pages([]) == [(0, 0)]
    assert pages([10, 10]) == [(0, 2)]
    assert clamp_page(5, 2) == 1
    assert clamp_page(-1, 2) == 0


def test_the_practised_names_keep_to_their_budget_and_count_the_rest() -> None:
    names = [f"Student{n:02d}-with-a-long-first-name" for n in range(40)]
    shown, more = ticked(names, budget=300)
    assert len(shown) <= 300 and more == 40 - len(shown.split(", "))
    assert ticked(["Ann", "Bo"]) == ("Ann, Bo", 0)
    assert ticked([]) == ("", 0)
