"""Ending a round and its history, without a database: keep or close, what comes next."""

from __future__ import annotations

from datetime import UTC, datetime

from flows.pairing.ending import (
    NextStep,
    RoundEnding,
    RoundFacts,
    current,
    next_step,
    summarise,
    to_close,
)


def day(n: int) -> datetime:
    return datetime(2026, 3, n, 9, 0, tzinfo=UTC)


def test_re_pairings_count_with_their_round_and_the_round_keeps_its_own_dates() -> None:
    facts = [
        RoundFacts(1, "round", day(1), day(9), RoundEnding.CLOSE, finished=3, dissolved=1),
        RoundFacts(1, "repair", day(4), None, None, finished=1),
        RoundFacts(2, "round", day(10), running=2),
    ]
    first, second = summarise(facts)
    assert (first.number, first.started, first.ended, first.ending) == (
        1,
        day(1),
        day(9),
        RoundEnding.CLOSE,
    )
    assert (first.made, first.finished, first.dissolved, first.running) == (5, 4, 1, 0)
    assert second.open and second.made == 2
    assert current(summarise(facts)) == second


def test_a_running_round_must_be_ended_before_the_next_one() -> None:
    running = summarise([RoundFacts(1, "round", day(1), running=2)])
    assert next_step(running, running=2, draft=False) is NextStep.END
    ended = summarise([RoundFacts(1, "round", day(1), day(5), RoundEnding.KEEP, running=2)])
    # Kept pairs still run, but the round is over: the next one may start.
    assert current(ended) is None
    assert next_step(ended, running=2, draft=False) is NextStep.NEXT
    assert next_step(ended, running=2, draft=True) is NextStep.DRAFT


def test_a_round_whose_pairs_all_ended_needs_no_choice() -> None:
    done = summarise([RoundFacts(1, "round", day(1), dissolved=2)])
    assert next_step(done, running=0, draft=False) is NextStep.NEXT


def test_pairs_made_outside_a_round_run_on_into_the_first_round() -> None:
    assert next_step([], running=3, draft=False) is NextStep.NEXT
    assert next_step([], running=0, draft=True) is NextStep.DRAFT


def test_closing_takes_every_running_match_and_keeping_none() -> None:
    assert to_close(RoundEnding.CLOSE, [7, 3]) == [3, 7]
    assert to_close(RoundEnding.KEEP, [7, 3]) == []
