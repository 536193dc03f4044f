"""Splitting long texts and the token buckets that keep Telegram's limits."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bot.runtime.ratelimit import Limits, TokenBucket
from bot.runtime.render import split_text


@given(st.text(alphabet="ab \n", max_size=12_000))
def test_split_parts_fit_and_keep_every_word(text: str) -> None:
    parts = split_text(text, 500)
    assert all(len(part) <= 500 for part in parts)
    assert "".join(text.split()) == "".join("".join(parts).split())


def test_split_prefers_paragraphs() -> None:
    text = "a" * 300 + "\n\n" + "b" * 300
    assert split_text(text, 400) == ["a" * 300, "b" * 300]


def test_a_bucket_allows_its_burst_then_waits() -> None:
    bucket = TokenBucket(capacity=3, rate=1.0)
    assert [bucket.take() for _ in range(3)] == [0.0, 0.0, 0.0]
    assert 0.9 < bucket.take() <= 1.0


def test_default_limits_stay_under_telegrams() -> None:
    limits = Limits()
    assert limits.group_burst + limits.group_rate * 60 <= 20
    assert limits.private_burst + limits.private_rate * 1 <= 5
    assert limits.overall_burst + limits.overall_rate * 1 <= 30
