"""Room texts as Telegram HTML: flows' text keys, the status message and its buttons."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache
from typing import Any

from bot.i18n import LANGUAGES, Html, Texts
from bot.runtime.render import in_rows
from bot.runtime.turn import Choice, Turn
from flows.protocols import load_room_texts
from flows.room import RoomAction, RoomState, StatusView, TextLine, status_lines
from flows.room.model import Room

# Every room button is one action; its args say which room ("r") and what to do ("a").
ROOM_ACTION = "room"
# A bot-side button next to flows' actions: the teacher hands out roles in a private card.
HAND_OUT_ROLES = "roles"
ASSIGN = "assign"


@cache
def _room_texts() -> Texts:
    """flows' room texts behind the same lookup and escaping as the bot's own texts."""
    return Texts({language: dict(load_room_texts(language)) for language in LANGUAGES})


def room_text(language: str, key: str, params: Mapping[str, object] | None = None) -> str:
    """One text from flows' room texts, with its parameters HTML-escaped (the texts may use <b>)."""
    return _room_texts().get(language, key, **(params or {}))


def room_lines(language: str, lines: Sequence[TextLine]) -> str:
    """Several text lines as one message."""
    return "\n".join(room_text(language, line.key, line.params) for line in lines)


def bot_text(turn: Turn, language: str, key: str, **params: object) -> str:
    """A bot-side room text (bot/texts/*/room.toml) in the room's language."""
    return turn.services.texts.get(language, key, **params)


def label(turn: Turn, language: str, key: str, **params: object) -> str:
    """A button label: parameters are not HTML (Telegram shows labels as plain text)."""
    return bot_text(turn, language, key, **{k: Html(str(v)) for k, v in params.items()})


def action_choice(room_id: int, language: str, action: RoomAction, **args: Any) -> Choice:
    """A button for one of flows' room actions, labelled 'room.action.<value>'."""
    text = room_text(language, f"room.action.{action.value}")
    return Choice(text, ROOM_ACTION, {"r": room_id, "a": action.value, **args})


def status_text(turn: Turn, room: Room, view: StatusView) -> str:
    """The status message: what is going on, whose turn, time left, who is in."""
    text = room_lines(room.language, status_lines(view))
    if room.state is RoomState.RUNNING:
        # With group privacy on, the bot only reads replies to its own messages.
        text += "\n\n" + bot_text(turn, room.language, "rooms.reply_hint")
    return text


def status_choices(turn: Turn, room_id: int, room: Room, view: StatusView) -> list[list[Choice]]:
    """The status message's buttons; in the roles phase also the teacher's 'hand out roles'."""
    choices = [action_choice(room_id, room.language, action) for action in view.actions]
    if room.state is RoomState.ROLES:
        text = bot_text(turn, room.language, "rooms.hand_out_roles")
        choices.insert(-1, Choice(text, ROOM_ACTION, {"r": room_id, "a": HAND_OUT_ROLES}))
    return in_rows(choices)
