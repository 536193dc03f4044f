"""Every message text, filled in with awkward values, is HTML Telegram's strict parser takes."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from bot.i18n import LANGUAGES, shared_texts

# https://core.telegram.org/bots/api#html-style: the tags and the attributes each may carry.
ALLOWED: dict[str, set[str]] = {
    "b": set(),
    "strong": set(),
    "i": set(),
    "em": set(),
    "u": set(),
    "ins": set(),
    "s": set(),
    "strike": set(),
    "del": set(),
    "span": {"class"},
    "tg-spoiler": set(),
    "a": {"href"},
    "code": {"class"},
    "pre": set(),
    "blockquote": {"expandable"},
    "tg-emoji": {"emoji-id"},
}
ENTITIES = {"lt", "gt", "amp", "quot"}
AWKWARD = "Bo <3 & <b>co</b> > x"


class StrictTelegramHtml(HTMLParser):
    """Collects what Telegram would refuse: unknown tags or attributes, bad nesting, bare <>&."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.open: list[str] = []
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED:
            self.problems.append(f"tag <{tag}> is not allowed")
        unknown = {name for name, _ in attrs} - ALLOWED.get(tag, set())
        if unknown:
            self.problems.append(f"<{tag}> may not carry {sorted(unknown)}")
        if tag == "span" and dict(attrs).get("class") != "tg-spoiler":
            self.problems.append("<span> needs class=tg-spoiler")
        self.open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.problems.append(f"self-closing <{tag}/> is not allowed")

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open[-1] != tag:
            self.problems.append(f"</{tag}> does not close the innermost open tag {self.open}")
        else:
            self.open.pop()

    def handle_data(self, data: str) -> None:
        for character in "<>&":
            if character in data:
                self.problems.append(f"bare {character!r} in {data!r}")

    def handle_entityref(self, name: str) -> None:
        if name not in ENTITIES:
            self.problems.append(f"unknown entity &{name};")

    def handle_comment(self, data: str) -> None:
        self.problems.append("comments are not allowed")

    def handle_decl(self, decl: str) -> None:
        self.problems.append("declarations are not allowed")


def problems(text: str) -> list[str]:
    """What Telegram's HTML parser would refuse in this text (empty when it is fine)."""
    parser = StrictTelegramHtml()
    parser.feed(text)
    parser.close()
    if parser.rawdata:  # an unfinished tag such as "<b" at the end
        parser.problems.append(f"unfinished markup {parser.rawdata!r}")
    return parser.problems + [f"<{tag}> is never closed" for tag in parser.open]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<b>ok</b> &amp; <a href='https://t.me'>link</a>", []),
        ("<div>no</div>", ["tag <div> is not allowed"]),
        (
            "<b><i>x</b></i>",
            ["</b> does not close the innermost open tag ['b', 'i']", "<b> is never closed"],
        ),
        ("Bo <3", ["bare '<' in '<'"]),
        ("a & b", ["bare '&' in '&'"]),
        ("<b>open", ["<b> is never closed"]),
        ("&nbsp;", ["unknown entity &nbsp;"]),
    ],
)
def test_the_checker_refuses_what_telegram_refuses(text: str, expected: list[str]) -> None:
    assert problems(text) == expected


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_html_telegram_accepts(language: str) -> None:
    texts = shared_texts()
    refused = {}
    for key in sorted(texts.known_keys()):
        names = texts.variables(key)
        # Awkward characters everywhere, then counts that pick each plural variant.
        for value in (AWKWARD, 0, 1, 2):
            found = problems(texts.get(language, key, **dict.fromkeys(names, value)))
            if found:
                refused[f"{key} ({value!r})"] = found
    assert refused == {}
