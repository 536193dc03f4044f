"""Turning texts into Bot API payloads: splitting, keyboards, dates, links."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

MAX_MESSAGE = 4096
BUTTONS_PER_ROW = 3

T = TypeVar("T")


# A tag or a character reference: a part never ends inside one.
_MARKUP = re.compile(r"<[^>]*>|&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z]+);")


def split_text(text: str, limit: int = MAX_MESSAGE) -> list[str]:
    """Split a long HTML text into parts of at most `limit`, at paragraphs, then lines, then words.

    Each part stays valid HTML: no cut inside a tag or an escaped character, and tags open at
    a cut are closed at the end of one part and opened again at the start of the next.
    """
    if len(text) <= limit:
        return [text]
    parts: list[str] = []
    remaining = text
    while len(remaining) > limit:
        part, remaining = _cut_part(remaining, limit)
        parts.append(part)
    if re.sub(r"<[^>]*>", "", remaining).strip():  # not only tags opened again
        parts.append(remaining)
    return parts


def _cut_part(text: str, limit: int) -> tuple[str, str]:
    """The first part (open tags closed) and the rest (those tags opened again)."""
    room = limit
    while True:
        cut = _outside_markup(text, _best_cut(text, room))
        opened = _open_tags(text[:cut])
        closing = "".join(f"</{name}>" for name, _ in reversed(opened))
        head = text[:cut].rstrip()
        if len(head) + len(closing) <= limit or room <= limit // 4:
            break
        room = limit - len(closing)
    reopening = "".join(tag for _, tag in opened)
    return head + closing, reopening + text[cut:].lstrip("\n ")


def _outside_markup(text: str, cut: int) -> int:
    """Move a cut back to the start of the tag or character reference it falls in."""
    for match in _MARKUP.finditer(text):
        if match.start() >= cut:
            break
        if cut < match.end():
            return match.start() if match.start() > 0 else match.end()
    return cut


def _open_tags(html_text: str) -> list[tuple[str, str]]:
    """The tags still open at the end of a piece of HTML: (name, opening tag), outermost first."""
    stack: list[tuple[str, str]] = []
    for match in re.finditer(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*>", html_text):
        name = match.group(2).lower()
        if not match.group(1):
            stack.append((name, match.group(0)))
        elif stack and stack[-1][0] == name:
            stack.pop()
    return stack


def _best_cut(text: str, limit: int) -> int:
    window = text[:limit]
    for separator in ("\n\n", "\n", " "):
        position = window.rfind(separator)
        if position > limit // 4:  # not so early that we make tiny parts
            return position + len(separator)
    return limit


# In a label, what would read as a tag or an escaped character (from a name or a typed idea).
_TAG_START = re.compile(r"<(?=/?[a-zA-Z])")
_REFERENCE_START = re.compile(r"&(?=#[0-9]+;|#[xX][0-9a-fA-F]+;|[a-zA-Z]+;)")


def plain_label(label: str) -> str:
    """A label that cannot pass for HTML: a look-alike for '<' before a tag name and for '&'
    before an entity, so a name like "<b>Bo</b>" shows as typed and no checker reads markup."""
    return _REFERENCE_START.sub("＆", _TAG_START.sub("‹", label))


def inline_keyboard(rows: list[list[tuple[str, str]]]) -> dict[str, Any]:
    """An inline keyboard from rows of (label, callback token); labels are plain text."""
    return {
        "inline_keyboard": [
            [{"text": plain_label(label), "callback_data": token} for label, token in row]
            for row in rows
        ]
    }


def in_rows(buttons: Sequence[T], per_row: int = BUTTONS_PER_ROW) -> list[list[T]]:
    """Buttons laid out a few to a row."""
    return [list(buttons[i : i + per_row]) for i in range(0, len(buttons), per_row)]


def deep_link(bot_username: str, code: str) -> str:
    """The t.me link that opens the bot with /start CODE."""
    return f"https://t.me/{bot_username}?start={code}"


def short_date(moment: datetime, language: str, zone: ZoneInfo) -> str:
    """A date as people write it in that language."""
    local = moment.astimezone(zone)
    if language == "nl":
        return local.strftime("%d-%m-%Y")
    return f"{local.day} {local.strftime('%b %Y')}"
