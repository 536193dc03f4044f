"""Starting breakouts: /breakout in a class group, a way of working, a group size, the card."""

from __future__ import annotations

import random

from bot.handlers.breakout.effects import carry_out
from bot.handlers.room.people import (
    actor_id,
    chat_title,
    display_name,
    join_hint,
    teacher_pressed,
    teaching,
)
from bot.runtime.incoming import Incoming, Kind
from bot.runtime.turn import Choice, Turn
from flows.breakout import create_breakout
from flows.breakout.model import MAX_SIZE, MIN_SIZE
from flows.protocols import list_protocols, load_protocol
from flows.room import Refused
from storage import breakouts, cohorts, rooms
from storage.models import Button

PROTOCOL = "bk_protocol"
OPEN = "bk_open"
# Sizes a teacher picks from; the protocol's own minimum may rule out the smallest.
SIZES = (2, 3, 4)


async def breakout_in_private(turn: Turn, incoming: Incoming) -> None:
    """/breakout in a private chat: breakouts start in the class group; here is how to get there."""
    if not await teaching(turn):  # a student waits for the teacher's card in the group
        await turn.say("breakouts.in_private_student")
        return
    startgroup = f"https://t.me/{turn.services.bot_username}?startgroup=room"
    await turn.say("breakouts.in_private", startgroup=startgroup)


def asks_for_breakout(turn: Turn, incoming: Incoming) -> bool:
    """/breakout addressed to this bot."""
    if incoming.kind is not Kind.COMMAND or incoming.command != "breakout":
        return False
    return not incoming.addressed_to or incoming.addressed_to == turn.services.bot_username


async def breakout_command(turn: Turn, incoming: Incoming) -> bool:
    """/breakout in a group: the group's teacher picks a way of working for all groups."""
    if incoming.private or not asks_for_breakout(turn, incoming):
        return False
    if not turn.joined:
        await join_hint(turn, turn.language, chat_id=incoming.chat_id)
        return True
    mine = await teaching(turn)
    chat = await rooms.get_chat(turn.session, chat_id=incoming.chat_id)
    cohort_id = chat.cohort_id if chat is not None else None
    if cohort_id is None and len(mine) == 1:
        # The same link /room makes: the group belongs to the teacher's only class.
        (cohort_id, name), *_ = mine.items()
        title = chat_title(incoming)
        await rooms.link_chat(
            turn.session, chat_id=incoming.chat_id, title=title, cohort_id=cohort_id, now=turn.now
        )
        await turn.say("rooms.linked", cohort=name)
    if cohort_id is None:
        await turn.say("breakouts.link_first" if mine else "rooms.teachers_only")
        return True
    if cohort_id not in mine:
        cohort = await cohorts.cohort_by_id(turn.session, cohort_id=cohort_id)
        await turn.say("rooms.cohort_teachers_only", cohort=cohort.name if cohort else "?")
        return True
    if await breakouts.open_breakout_in(turn.session, chat_id=incoming.chat_id) is not None:
        await turn.say("breakouts.already_open")
        return True
    rows = [
        [Choice(protocol.title, PROTOCOL, {"c": cohort_id, "p": protocol.id})]
        for protocol in list_protocols(turn.language)
    ]
    await turn.say("breakouts.pick_protocol", choices=rows)
    return True


async def pick_protocol(turn: Turn, incoming: Incoming, button: Button) -> None:
    """The teacher picked a way of working: now the group size."""
    cohort_id = await teacher_pressed(turn, button.args)
    if cohort_id is None or incoming.message_id is None:
        return
    protocol = load_protocol(str(button.args.get("p")), turn.language)
    sizes = [n for n in SIZES if max(MIN_SIZE, protocol.min_members) <= n <= MAX_SIZE]
    row = [
        Choice(
            turn.plain("breakouts.size", size=size),
            OPEN,
            {"c": cohort_id, "p": protocol.id, "n": size},
        )
        for size in sizes
    ]
    await turn.edit_text(
        chat_id=turn.chat_id,
        message_id=incoming.message_id,
        text=turn.text("breakouts.pick_size", protocol=protocol.title),
        choices=[row],
    )


async def open_breakout(turn: Turn, incoming: Incoming, button: Button) -> None:
    """Open the breakout: the card where the class joins appears."""
    args = button.args
    cohort_id = await teacher_pressed(turn, args)
    if cohort_id is None:
        return
    size = args.get("n")
    existing = await breakouts.open_breakout_in(turn.session, chat_id=turn.chat_id)
    result = create_breakout(
        chat_id=turn.chat_id,
        teacher_id=actor_id(turn),
        teacher_name=display_name(turn),
        protocol_id=str(args.get("p")),
        language=turn.language,
        group_size=size if isinstance(size, int) else 0,
        # The seed only breaks ties between equally good groupings.
        seed=random.randrange(1 << 30),
        now=turn.now,
        existing=breakouts.snapshot_of(existing) if existing is not None else None,
    )
    if isinstance(result, Refused):
        await turn.answer_text(turn.plain(result.reason_key, **result.params), alert=True)
        return
    if incoming.message_id:
        await turn.clear_buttons(incoming.message_id)
    row = await breakouts.add_breakout(
        turn.session, cohort_id=cohort_id, breakout=result.breakout, now=turn.now
    )
    await carry_out(turn, row, result)
