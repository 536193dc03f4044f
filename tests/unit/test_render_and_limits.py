"""Splitting long texts to fit Telegram's 4,096 characters."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bot.runtime.render import split_text


@given(st.text(alphabet="ab \n", max_size=12_000))
def test_split_parts_fit_and_keep_every_word(text: str) -> None:
    parts = split_text(text, 500)
    assert all(len(part) <= 500 for part in parts)
    assert "".join(text.split()) == "".join("".join(parts).split())


def test_split_prefers_paragraphs() -> None:
    text = "a" * 300 + "\n\n" + "b" * 300
    assert split_text(text, 400) == ["a" * 300, "b" * 300]
