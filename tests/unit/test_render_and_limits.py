"""Splitting long texts to fit Telegram's 4,096 characters."""

from __future__ import annotations

import html

from hypothesis import given
from hypothesis import strategies as st
from tgemulator.markup import parse_html

from bot.runtime.render import plain_label, split_text


@given(st.text(alphabet="ab \n", max_size=12_000))
def test_split_parts_fit_and_keep_every_word(text: str) -> None:
    parts = split_text(text, 500)
    assert all(len(part) <= 500 for part in parts)
    assert "".join(text.split()) == "".join("".join(parts).split())


def test_split_prefers_paragraphs() -> None:
    text = "a" * 300 + "\n\n" + "b" * 300
    assert split_text(text, 400) == ["a" * 300, "b" * 300]


def test_split_never_breaks_html_telegram_would_refuse() -> None:
    # A relayed text of 4,096 ampersands: escaped, it is five times as long and has no spaces.
    relayed = "💬 <b>Ana</b>: " + "&amp;" * 4096
    parts = split_text(relayed)
    assert all(len(part) <= 4096 for part in parts)
    for part in parts:
        parse_html(part)  # raises the 400 Telegram would send
    assert "".join(parse_html(part).text for part in parts) == "💬 Ana: " + "&" * 4096


def test_split_inside_a_tag_closes_it_and_opens_it_again() -> None:
    text = "<b>Samen</b>\n<i>" + ("regel\n" * 200) + "</i>"
    parts = split_text(text, 300)
    assert len(parts) > 1
    for part in parts:
        assert len(part) <= 300
        parse_html(part)
    assert " ".join(parse_html(part).text for part in parts).split() == (
        parse_html(text).text.split()
    )
    assert all(part.startswith("<i>") for part in parts[1:])


@given(st.text(alphabet="ab \n<>&", max_size=3_000), st.integers(min_value=60, max_value=600))
def test_split_escaped_text_in_tags_stays_valid_html(words: str, limit: int) -> None:
    text = f'<b>Titel</b>\n<a href="https://t.me/x">{html.escape(words)}</a>'
    if not parse_html(text).text.strip():
        return
    parts = split_text(text, limit)
    assert all(len(part) <= limit for part in parts)
    texts = [parse_html(part).text for part in parts]
    assert "".join("".join(texts).split()) == "".join(parse_html(text).text.split())


def test_split_sends_no_part_that_is_only_tags() -> None:
    text = "<b>" + "a" * 102 + "\n\n</b>"
    assert split_text(text, 110) == ["<b>" + "a" * 102 + "</b>"]


def test_labels_from_names_and_typed_ideas_cannot_pass_for_html() -> None:
    assert (
        plain_label("<b>Bo</b> & Tom &amp; Jo &#128075;") == "‹b>Bo‹/b> & Tom ＆amp; Jo ＆#128075;"
    )
    assert plain_label("Ik <3 jou & jij mij") == "Ik <3 jou & jij mij"
