"""Telegram HTML parsing: the text a user would see and the entities, or Telegram's 400."""

from __future__ import annotations

import pytest

from tgemulator.markup import parse_html, strip_message_text
from tgemulator.params import ApiError


def test_tags_become_entities_with_utf16_offsets() -> None:
    parsed = parse_html('🙂 <b>Hoi</b> <a href="https://example.org/?a=1&amp;b=2">link</a>')

    assert parsed.text == "🙂 Hoi link"
    assert parsed.entities == [
        {"type": "bold", "offset": 3, "length": 3},
        {"type": "text_link", "url": "https://example.org/?a=1&b=2", "offset": 7, "length": 4},
    ]


def test_nested_spoiler_quote_and_code_language() -> None:
    parsed = parse_html(
        '<blockquote expandable><span class="tg-spoiler">geheim</span></blockquote>'
        '<pre><code class="language-python">x = 1</code></pre>'
    )

    assert parsed.text == "geheimx = 1"
    assert {"type": "expandable_blockquote", "offset": 0, "length": 6} in parsed.entities
    assert {"type": "spoiler", "offset": 0, "length": 6} in parsed.entities
    assert {"type": "pre", "language": "python", "offset": 6, "length": 5} in parsed.entities


def test_character_references_are_decoded() -> None:
    assert parse_html("a &lt; b &amp;&amp; c &gt; d &#33; &#x41; &nbsp;").text == (
        "a < b && c > d ! A &nbsp;"
    )


@pytest.mark.parametrize(
    ("source", "reason"),
    [
        ("<b>vet", 'Can\'t find end tag corresponding to start tag "b"'),
        ("<b><i>x</b></i>", 'Unmatched end tag at byte offset 7, expected "</i>", found "</b>"'),
        ("regel<br>regel", 'Unsupported start tag "br" at byte offset 5'),
        ("<span>x</span>", 'Tag "span" must have class "tg-spoiler"'),
        ("x</b>", 'Unexpected end tag "b" at byte offset 1'),
        ("1 <3", "Unclosed start tag at byte offset 2"),
    ],
)
def test_invalid_html_is_rejected_like_telegram(source: str, reason: str) -> None:
    with pytest.raises(ApiError) as raised:
        parse_html(source)

    assert raised.value.code == 400
    assert raised.value.description.startswith("Bad Request: can't parse entities: ")
    assert reason in raised.value.description


def test_surrounding_whitespace_is_trimmed_and_entities_shift() -> None:
    parsed = strip_message_text(parse_html("\n  <b>Hoi</b> daar  \n"))

    assert parsed.text == "Hoi daar"
    assert parsed.entities == [{"type": "bold", "offset": 0, "length": 3}]
