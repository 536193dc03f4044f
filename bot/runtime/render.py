"""Turning texts into Bot API payloads: splitting, keyboards, dates, links."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

MAX_MESSAGE = 4096
BUTTONS_PER_ROW = 3

T = TypeVar("T")


def split_text(text: str, limit: int = MAX_MESSAGE) -> list[str]:
    """Split a long text into parts of at most `limit`, at paragraphs, then lines, then words."""
    if len(text) <= limit:
        return [text]
    parts: list[str] = []
    remaining = text
    while len(remaining) > limit:
        cut = _best_cut(remaining, limit)
        parts.append(remaining[:cut].rstrip())
        remaining = remaining[cut:].lstrip("\n ")
    if remaining:
        parts.append(remaining)
    return parts


def _best_cut(text: str, limit: int) -> int:
    window = text[:limit]
    for separator in ("\n\n", "\n", " "):
        position = window.rfind(separator)
        if position > limit // 4:  # not so early that we make tiny parts
            return position + len(separator)
    return limit


def inline_keyboard(rows: list[list[tuple[str, str]]]) -> dict[str, Any]:
    """An inline keyboard from rows of (label, callback token)."""
    return {
        "inline_keyboard": [
            [{"text": label, "callback_data": token} for label, token in row] for row in rows
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
