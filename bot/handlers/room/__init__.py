"""Group-coaching rooms in Telegram: wiring the setup, lobby, running, chat and timer handlers."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from bot.handlers.room import chat as room_chat
from bot.handlers.room import lobby as room_lobby
from bot.handlers.room import running as room_running
from bot.handlers.room import setup as room_setup
from bot.handlers.room.effects import TIMER_KIND
from bot.handlers.room.render import ASSIGN, HAND_OUT_ROLES, ROOM_ACTION
from bot.handlers.room.timers import fire_room_timer
from bot.runtime.handler_types import TimerHandler
from bot.runtime.incoming import Incoming
from bot.runtime.router import Presser, Router
from bot.runtime.turn import Turn
from flows.room import (
    RoomAction,
    cancel_back,
    confirm_back,
    end,
    leave,
    next_step,
    open_roles,
    pass_turn,
    pause,
    request_back,
    resume,
    reveal,
    start,
)
from flows.room.model import Role, Room
from storage import rooms
from storage.models import Button
from storage.room_models import RoomRow

RoomHandler = Callable[[Turn, Incoming, RoomRow, Room, dict[str, Any]], Awaitable[bool]]

HANDLERS: dict[str, RoomHandler] = {
    RoomAction.JOIN: room_lobby.join_room,
    RoomAction.LEAVE: room_running.simple(leave),
    RoomAction.OPEN_ROLES: room_running.simple(open_roles),
    RoomAction.VOLUNTEER_CASE_HOLDER: room_lobby.volunteering(Role.CASE_HOLDER),
    RoomAction.VOLUNTEER_FACILITATOR: room_lobby.volunteering(Role.FACILITATOR),
    RoomAction.VOLUNTEER_TIMEKEEPER: room_lobby.volunteering(Role.TIMEKEEPER),
    RoomAction.START: room_running.simple(start),
    RoomAction.PASS: room_running.simple(pass_turn),
    RoomAction.REVEAL: room_running.simple(reveal),
    RoomAction.NEXT: room_running.simple(next_step),
    RoomAction.BACK: room_running.simple(request_back),
    RoomAction.CONFIRM_BACK: room_running.simple(confirm_back),
    RoomAction.CANCEL_BACK: room_running.simple(cancel_back),
    RoomAction.PAUSE: room_running.simple(pause),
    RoomAction.RESUME: room_running.simple(resume),
    RoomAction.EXTEND: room_running.more_time,
    RoomAction.END: room_running.simple(end),
    RoomAction.CHOOSE_STEP: room_running.pick_step,
    HAND_OUT_ROLES: room_lobby.roles_card,
    ASSIGN: room_lobby.assign,
}
# The teacher's roles card stays usable for several roles; other private cards are answered once.
KEEP_BUTTONS = frozenset({ASSIGN})
# Presses that move the whole room on: a double tap, or two people pressing the same group
# button, must count once. Joining, volunteering, 'more time' and roles are pressed by many
# people, or again on purpose, and stay usable; 'back' only asks privately for a confirmation
# (which counts once) and leaves the card as it is.
MOVES_THE_ROOM = frozenset(
    {
        RoomAction.OPEN_ROLES,
        RoomAction.START,
        RoomAction.PASS,
        RoomAction.REVEAL,
        RoomAction.NEXT,
        RoomAction.CONFIRM_BACK,
        RoomAction.CANCEL_BACK,
        RoomAction.PAUSE,
        RoomAction.RESUME,
        RoomAction.END,
        RoomAction.CHOOSE_STEP,
    }
)


def register(router: Router) -> None:
    """Wire rooms: group handlers (before the groups last resort), buttons, private texts."""
    router.group_handlers.append(room_setup.room_command)
    router.group_handlers.append(room_chat.service_message)
    router.group_handlers.append(room_running.group_contribution)
    router.member_handlers.append(room_chat.group_membership)
    router.on_text(room_running.private_contribution, waits=rooms.AWAITS_PROMPT)
    router.on_media(room_running.private_contribution, waits=rooms.AWAITS_PROMPT)
    router.command("room", room_setup.room_in_private)
    # Classmates who never joined may press group buttons: the room tells them how to join.
    router.action(ROOM_ACTION, room_button, once=moves_the_room, presser=Presser.ANYONE)
    router.action(room_setup.LINK, room_setup.pick_cohort)
    router.action(room_setup.PROTOCOLS, room_setup.show_protocols)
    router.action(room_setup.SETUP, room_setup.show_setup)
    router.action(room_setup.OPEN, room_setup.open_room)


def timer_handlers() -> dict[str, TimerHandler]:
    """The room's timer kind and its handler, for bot.app.build_timer_handlers."""
    return {TIMER_KIND: fire_room_timer}


def moves_the_room(button: Button) -> bool:
    """Whether a room button's press is used up (see MOVES_THE_ROOM)."""
    return button.args.get("a") in MOVES_THE_ROOM


async def room_button(turn: Turn, incoming: Incoming, button: Button) -> None:
    """Any room button, in the group or in a private card: lock the room, then act."""
    args = button.args
    handler = HANDLERS.get(str(args.get("a")))
    room_id = args.get("r")
    row = await rooms.lock_room(turn.session, room_id=room_id) if isinstance(room_id, int) else None
    if handler is None or row is None or incoming.sender is None:
        await turn.answer("fallback.stale_button", alert=True)
        return
    accepted = await handler(turn, incoming, row, rooms.snapshot_of(row), args)
    if not accepted:
        turn.refuse_press()  # say, a student pressed the teacher's button: it stays usable
    if accepted and incoming.private and incoming.message_id and args.get("a") not in KEEP_BUTTONS:
        await turn.clear_buttons(incoming.message_id)
