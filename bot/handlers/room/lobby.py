"""Before and around the session: joining with a button, volunteering, the teacher's roles card."""

from __future__ import annotations

from typing import Any

from bot.handlers.room.effects import refuse, settle
from bot.handlers.room.people import actor_id, display_name, in_cohort, join_hint
from bot.handlers.room.render import ASSIGN, ROOM_ACTION, bot_text, label
from bot.runtime.incoming import Incoming
from bot.runtime.turn import Choice, Turn
from flows.room import Refused, assign_role, join, volunteer
from flows.room.model import Role, Room
from storage.room_models import RoomRow


async def join_room(
    turn: Turn, incoming: Incoming, row: RoomRow, room: Room, args: dict[str, Any]
) -> bool:
    """'I'm in': only people who joined the group's cohort (so the bot can write to them)."""
    if not await in_cohort(turn, row.cohort_id):
        await join_hint(turn, room.language, chat_id=room.chat_id)
        return False
    return await settle(turn, row, room, join(room, actor_id(turn), turn.now, display_name(turn)))


def volunteering(role: Role) -> Any:
    """A handler for 'I'll take this role'."""

    async def handle(
        turn: Turn, incoming: Incoming, row: RoomRow, room: Room, args: dict[str, Any]
    ) -> bool:
        return await settle(turn, row, room, volunteer(room, actor_id(turn), turn.now, role))

    return handle


async def roles_card(
    turn: Turn, incoming: Incoming, row: RoomRow, room: Room, args: dict[str, Any]
) -> bool:
    """The teacher gets a private card to hand out roles; the group sees only the outcome."""
    if actor_id(turn) != room.teacher_id:
        refused = Refused("room.refuse.only_teacher", {"name": room.teacher_name})
        await refuse(turn, room.language, refused, chat_id=None)
        return False
    # A card for the teacher alone: in the teacher's language, as the presser is the teacher.
    rows = [_member_roles(turn, row.id, room, user_id) for user_id in room.active_ids]
    myself = label(turn, turn.language, "rooms.lead_myself")
    rows.append([_assign(myself, row.id, room.teacher_id, Role.FACILITATOR)])
    text = bot_text(turn, turn.language, "rooms.roles_card")
    await turn.send_text(text, choices=rows, chat_id=room.teacher_id)
    return True


def _member_roles(turn: Turn, room_id: int, room: Room, user_id: int) -> list[Choice]:
    name = room.name_of(user_id)
    roles = [Role.FACILITATOR, Role.TIMEKEEPER]
    if room.case_holder_needed:
        roles.insert(0, Role.CASE_HOLDER)
    return [
        _assign(
            label(turn, turn.language, f"rooms.as_{role.value}", name=name), room_id, user_id, role
        )
        for role in roles
    ]


def _assign(text: str, room_id: int, user_id: int, role: Role) -> Choice:
    return Choice(text, ROOM_ACTION, {"r": room_id, "a": ASSIGN, "u": user_id, "role": role.value})


async def assign(
    turn: Turn, incoming: Incoming, row: RoomRow, room: Room, args: dict[str, Any]
) -> bool:
    """A press on the teacher's roles card."""
    user_id, role = args.get("u"), args.get("role")
    if not isinstance(user_id, int) or role not in {r.value for r in Role}:
        return False
    result = assign_role(room, actor_id(turn), turn.now, user_id, Role(role))
    return await settle(turn, row, room, result)
