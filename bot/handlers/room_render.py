"""Room texts as Telegram HTML: flows' text keys, the status message and its buttons."""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from bot.i18n import Html
from bot.turn import Choice, Turn
from flows.protocols import load_room_texts
from flows.room import RoomAction, RoomState, TextLine, status_lines, status_view
from flows.room.model import Room
from storage import outbox

# Every room button is one action; its args say which room ("r") and what to do ("a").
ROOM_ACTION = "room"
# A bot-side button next to flows' actions: the teacher hands out roles in a private card.
HAND_OUT_ROLES = "roles"
ASSIGN = "assign"
BUTTONS_PER_ROW = 3


def room_text(language: str, key: str, params: Mapping[str, object] | None = None) -> str:
    """One text from flows' room texts, with its parameters HTML-escaped (the texts may use <b>)."""
    template = load_room_texts(language)[key]
    if not params:
        return template
    return template.format(**{name: _escaped(value) for name, value in params.items()})


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


def in_rows(choices: Sequence[Choice], per_row: int = BUTTONS_PER_ROW) -> list[list[Choice]]:
    """Buttons laid out a few to a row."""
    return [list(choices[i : i + per_row]) for i in range(0, len(choices), per_row)]


def status_text(turn: Turn, room: Room, now: datetime) -> str:
    """The status message: what is going on, whose turn, time left, who is in."""
    text = room_lines(room.language, status_lines(status_view(room, now)))
    if room.state is RoomState.RUNNING:
        # With group privacy on, the bot only reads replies to its own messages.
        text += "\n\n" + bot_text(turn, room.language, "rooms.reply_hint")
    return text


def status_choices(turn: Turn, room_id: int, room: Room, now: datetime) -> list[list[Choice]]:
    """The status message's buttons; in the roles phase also the teacher's 'hand out roles'."""
    view = status_view(room, now)
    choices = [action_choice(room_id, room.language, action) for action in view.actions]
    if room.state is RoomState.ROLES:
        text = bot_text(turn, room.language, "rooms.hand_out_roles")
        choices.insert(-1, Choice(text, ROOM_ACTION, {"r": room_id, "a": HAND_OUT_ROLES}))
    return in_rows(choices)


async def edit_message(
    turn: Turn,
    *,
    chat_id: int,
    message_id: int,
    text: str,
    choices: list[list[Choice]] | None = None,
) -> None:
    """Queue an edit of a bot message's text; without choices its buttons go away."""
    payload: dict[str, Any] = {
        "chat_id": chat_id,
        "message_id": message_id,
        "text": text,
        "parse_mode": "HTML",
        "link_preview_options": {"is_disabled": True},
    }
    if choices:
        payload["reply_markup"] = await turn.keyboard(choices, chat_id=chat_id)
    await outbox.enqueue(
        turn.session, chat_id=chat_id, method="editMessageText", payload=payload, now=turn.now
    )


async def answer_with(turn: Turn, text: str, *, alert: bool = True) -> None:
    """Answer the pressed button with a ready text (a refusal only the presser sees)."""
    if turn.callback_query_id is None or turn.callback_answered:
        return
    turn.callback_answered = True
    payload = {"callback_query_id": turn.callback_query_id, "text": text[:200], "show_alert": alert}
    await outbox.enqueue(
        turn.session,
        chat_id=turn.chat_id,
        method="answerCallbackQuery",
        payload=payload,
        now=turn.now,
    )


def _escaped(value: object) -> str:
    return str(value) if isinstance(value, Html) else html.escape(str(value), quote=False)
