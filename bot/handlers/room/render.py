"""Room texts as Telegram HTML: flows' text keys, the status message and its buttons."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from bot.i18n import shared_texts
from bot.runtime.render import in_rows
from bot.runtime.turn import Choice, Turn
from flows.room import RoomAction, RoomState, StatusView, TextLine, status_lines
from flows.room.model import Room

# Every room button is one action; its args say which room ("r") and what to do ("a").
ROOM_ACTION = "room"
# A bot-side button next to flows' actions: the teacher hands out roles in a private card.
HAND_OUT_ROLES = "roles"
ASSIGN = "assign"


def room_text(language: str, key: str, params: Mapping[str, object] | None = None) -> str:
    """One of flows' room texts as HTML, with its parameters escaped (the texts may use <b>)."""
    return shared_texts().get(language, key, **(params or {}))


def room_plain(language: str, key: str, params: Mapping[str, object] | None = None) -> str:
    """One of flows' room texts as plain text, for a button label or a callback answer."""
    return shared_texts().plain(language, key, **(params or {}))


def room_lines(language: str, lines: Sequence[TextLine]) -> str:
    """Several text lines as one message."""
    return "\n".join(room_text(language, line.key, line.params) for line in lines)


def bot_text(turn: Turn, language: str, key: str, **params: object) -> str:
    """A bot-side room message (bot/texts/*/room.ftl) in the room's language."""
    return turn.services.texts.get(language, key, **params)


def label(turn: Turn, language: str, key: str, **params: object) -> str:
    """A button label in the room's language: plain text, shown as typed."""
    return turn.services.texts.plain(language, key, **params)


def action_choice(room_id: int, language: str, action: RoomAction, **args: Any) -> Choice:
    """A button for one of flows' room actions, labelled 'room.action.<value>'."""
    text = room_plain(language, f"room.action.{action.value}")
    return Choice(text, ROOM_ACTION, {"r": room_id, "a": action.value, **args})


def status_text(turn: Turn, room: Room, view: StatusView) -> str:
    """The status message: what is going on, whose turn, time left, who is in."""
    text = room_lines(room.language, status_lines(view))
    if room.state is RoomState.RUNNING:
        # Promise only what works now. With group privacy on, the bot reads only replies to its
        # own messages; privately it takes a contribution only from someone it asked for one
        # (the turn holder's and the case-holder's prompts say so themselves).
        hint = "rooms.private_hint" if view.collect_privately else "rooms.reply_hint"
        text += "\n\n" + bot_text(turn, room.language, hint)
    return text


def status_choices(turn: Turn, room_id: int, room: Room, view: StatusView) -> list[list[Choice]]:
    """The status message's buttons; in the roles phase also the teacher's 'hand out roles'."""
    choices = [action_choice(room_id, room.language, action) for action in view.actions]
    if room.state is RoomState.ROLES:
        text = label(turn, room.language, "rooms.hand_out_roles")
        choices.insert(-1, Choice(text, ROOM_ACTION, {"r": room_id, "a": HAND_OUT_ROLES}))
    return in_rows(choices)
