"""Counting the prompts a member lets pass: ask kindly after three in a row, once per silence."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from flows.trajectory import (
    ASK_AFTER,
    Silence,
    grace_starts,
    heard_from,
    mark_asked,
    prompt_sent,
    should_ask,
)

MONDAY = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def prompts(silence: Silence, count: int, *, start: datetime = MONDAY) -> Silence:
    """Send `count` prompts a day apart."""
    for day in range(count):
        silence = prompt_sent(silence, start + timedelta(days=day))
    return silence


def test_three_prompts_in_a_row_make_a_silence_worth_asking_about() -> None:
    assert ASK_AFTER == 3
    two = prompts(Silence(), 2)
    assert (two.count, two.since) == (2, MONDAY)
    assert not should_ask(two) and not grace_starts(two)
    three = prompt_sent(two, MONDAY + timedelta(days=5))
    assert three == Silence(count=3, since=MONDAY)  # since: the first prompt of the run
    assert grace_starts(three) and should_ask(three)


def test_asked_once_and_not_again_at_four_or_five() -> None:
    asked = mark_asked(prompts(Silence(), 3))
    assert not should_ask(asked)
    more = prompts(asked, 2, start=MONDAY + timedelta(days=7))
    assert more.count == 5 and more.asked and more.since == MONDAY
    assert not should_ask(more) and not grace_starts(more)


def asked_at(events: str) -> list[int]:
    """Replay prompts (p) and responses (r) a day apart; where the member would be asked."""
    silence, asked = Silence(), []
    for number, event in enumerate(events):
        if event == "r":
            silence = heard_from()
            continue
        silence = prompt_sent(silence, MONDAY + timedelta(days=number))
        if should_ask(silence):
            asked.append(number)
            silence = mark_asked(silence)
    return asked


def test_any_response_starts_counting_afresh() -> None:
    assert asked_at("ppp") == [2]
    assert asked_at("pprp") == []  # an answer in between: no question after three prompts
    assert asked_at("prprprp") == []
    assert asked_at("pppppp") == [2]  # not again at four, five, six
    assert asked_at("ppprppp") == [2, 6]  # a new silence after an answer is a new run


def test_a_silence_survives_storage() -> None:
    silence = mark_asked(prompts(Silence(), 4))
    assert Silence.from_dict(silence.to_dict()) == silence
    assert Silence.from_dict(Silence().to_dict()) == Silence()
