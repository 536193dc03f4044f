"""Setting up a room: /room in a group links it to a cohort, then a protocol and its minutes."""

from __future__ import annotations

from typing import Any

from bot.handlers.room.effects import carry_out, refusal_answer, refusal_text
from bot.handlers.room.people import (
    actor_id,
    chat_title,
    display_name,
    join_hint,
    teacher_pressed,
    teaching,
)
from bot.handlers.room.render import label
from bot.runtime.incoming import Incoming, Kind
from bot.runtime.turn import Choice, Turn
from flows.protocols import Protocol, list_protocols, load_protocol
from flows.room import Refused, create_room, refuse_second_room
from storage import cohorts, rooms
from storage.models import Button

LINK = "room_link"
PROTOCOLS = "room_protocols"
SETUP = "room_setup"
OPEN = "room_open"
# Minutes a step can take in the setup card: one tap moves one rung, so few taps are needed.
LADDER = (1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 25, 30, 40, 50, 60)


async def room_in_private(turn: Turn, incoming: Incoming) -> None:
    """/room in a private chat: rooms live in class groups; here is how to get the bot there."""
    startgroup = f"https://t.me/{turn.services.bot_username}?startgroup=room"
    await turn.say("rooms.in_private", startgroup=startgroup)


def asks_for_room(turn: Turn, incoming: Incoming) -> bool:
    """/room, or /start room from the startgroup link, addressed to this bot."""
    if incoming.kind is not Kind.COMMAND:
        return False
    if incoming.addressed_to and incoming.addressed_to != turn.services.bot_username:
        return False
    return incoming.command == "room" or (incoming.command == "start" and incoming.args == "room")


async def room_command(turn: Turn, incoming: Incoming) -> bool:
    """/room in a group: link it to the teacher's cohort, then offer the protocols."""
    if not asks_for_room(turn, incoming):
        return False
    if not turn.joined:
        await join_hint(turn, turn.language, chat_id=incoming.chat_id)
        return True
    chat = await rooms.get_chat(turn.session, chat_id=incoming.chat_id)
    mine = await teaching(turn)
    if chat is not None and chat.cohort_id is not None:
        await _in_linked_group(turn, chat.cohort_id, mine)
    elif not mine:
        await turn.say("rooms.teachers_only")
    elif len(mine) == 1:
        (cohort_id, name), *_ = mine.items()
        await _link(turn, incoming, cohort_id, name)
    else:
        rows = [[Choice(name, LINK, {"c": cohort_id})] for cohort_id, name in mine.items()]
        await turn.say("rooms.pick_cohort", choices=rows)
    return True


async def _in_linked_group(turn: Turn, cohort_id: int, mine: dict[int, str]) -> None:
    if cohort_id not in mine:
        cohort = await cohorts.cohort_by_id(turn.session, cohort_id=cohort_id)
        await turn.say("rooms.cohort_teachers_only", cohort=cohort.name if cohort else "?")
        return
    refused = await _second_room(turn)
    if refused is not None:
        await turn.send_text(refused)
        return
    await turn.say("rooms.pick_protocol", choices=protocol_choices(turn, cohort_id))


async def _second_room(turn: Turn) -> str | None:
    """The refusal text when the group already has an open room."""
    row = await rooms.open_room_in(turn.session, chat_id=turn.chat_id)
    existing = rooms.snapshot_of(row) if row is not None else None
    refused = refuse_second_room(existing)
    if refused is None or existing is None:
        return None
    return refusal_text(existing.language, refused)


async def _link(turn: Turn, incoming: Incoming, cohort_id: int, name: str) -> None:
    await rooms.link_chat(
        turn.session,
        chat_id=turn.chat_id,
        title=chat_title(incoming),
        cohort_id=cohort_id,
        now=turn.now,
    )
    await turn.say("rooms.linked", cohort=name)
    await turn.say("rooms.pick_protocol", choices=protocol_choices(turn, cohort_id))


def protocol_choices(turn: Turn, cohort_id: int) -> list[list[Choice]]:
    """One button per protocol, titled in the teacher's language."""
    return [
        [Choice(protocol.title, SETUP, {"c": cohort_id, "p": protocol.id})]
        for protocol in list_protocols(turn.language)
    ]


async def pick_cohort(turn: Turn, incoming: Incoming, button: Button) -> None:
    """A teacher with several cohorts picked the one this group belongs to."""
    cohort_id = await teacher_pressed(turn, button.args)
    if cohort_id is None:
        return
    if incoming.message_id:
        await turn.clear_buttons(incoming.message_id)
    await _link(turn, incoming, cohort_id, (await teaching(turn))[cohort_id])


async def show_protocols(turn: Turn, incoming: Incoming, button: Button) -> None:
    """Back from the setup card to the list of protocols."""
    cohort_id = await teacher_pressed(turn, button.args)
    if cohort_id is None or incoming.message_id is None:
        return
    text = turn.text("rooms.pick_protocol")
    await turn.edit_text(
        chat_id=turn.chat_id,
        message_id=incoming.message_id,
        text=text,
        choices=protocol_choices(turn, cohort_id),
    )


async def show_setup(turn: Turn, incoming: Incoming, button: Button) -> None:
    """The setup card: the protocol's steps and minutes, shorter/longer per step, and open."""
    args = button.args
    cohort_id = await teacher_pressed(turn, args)
    if cohort_id is None or incoming.message_id is None:
        return
    protocol = load_protocol(str(args.get("p")), turn.language)
    minutes = _minutes(protocol, args)
    await turn.edit_text(
        chat_id=turn.chat_id,
        message_id=incoming.message_id,
        text=_setup_text(turn, protocol, minutes),
        choices=_setup_choices(turn, cohort_id, protocol, minutes),
    )


async def open_room(turn: Turn, incoming: Incoming, button: Button) -> None:
    """Open the room with the chosen protocol and minutes; refused while another is open."""
    args = button.args
    cohort_id = await teacher_pressed(turn, args)
    if cohort_id is None:
        return
    existing = await rooms.open_room_in(turn.session, chat_id=turn.chat_id)
    protocol = load_protocol(str(args.get("p")), turn.language)
    result = create_room(
        chat_id=turn.chat_id,
        teacher_id=actor_id(turn),
        teacher_name=display_name(turn),
        protocol_id=protocol.id,
        language=turn.language,
        now=turn.now,
        durations=dict(zip((s.key for s in protocol.steps), _minutes(protocol, args), strict=True)),
        existing=rooms.snapshot_of(existing) if existing is not None else None,
    )
    if isinstance(result, Refused):
        await turn.answer_text(refusal_answer(turn.language, result), alert=True)
        return
    if incoming.message_id:
        await turn.clear_buttons(incoming.message_id)
    row = await rooms.add_room(turn.session, cohort_id=cohort_id, room=result.room, now=turn.now)
    await carry_out(turn, row, result)


def _minutes(protocol: Protocol, args: dict[str, Any]) -> list[int]:
    """The minutes per step: the protocol's, as changed on the card, with this press applied."""
    minutes = list(args.get("m") or [step.minutes for step in protocol.steps])
    if len(minutes) != len(protocol.steps):
        minutes = [step.minutes for step in protocol.steps]
    step, change = args.get("s"), args.get("x")
    if isinstance(step, int) and 0 <= step < len(minutes) and change in (-1, 1):
        minutes[step] = _next_rung(minutes[step], change)
    return minutes


def _next_rung(minutes: int, change: int) -> int:
    if change > 0:
        return next((rung for rung in LADDER if rung > minutes), LADDER[-1])
    return next((rung for rung in reversed(LADDER) if rung < minutes), LADDER[0])


def _setup_text(turn: Turn, protocol: Protocol, minutes: list[int]) -> str:
    steps = "\n".join(
        turn.text("rooms.setup_step", number=number, title=step.title, minutes=length)
        for number, (step, length) in enumerate(zip(protocol.steps, minutes, strict=True), 1)
    )
    return turn.text("rooms.setup", protocol=protocol.title, minutes=sum(minutes), steps=steps)


def _setup_choices(
    turn: Turn, cohort_id: int, protocol: Protocol, minutes: list[int]
) -> list[list[Choice]]:
    base = {"c": cohort_id, "p": protocol.id, "m": minutes}
    buttons = [b for index in range(len(protocol.steps)) for b in _step_buttons(turn, base, index)]
    # Two steps to a row keeps the card short: shorter 1, longer 1, shorter 2, longer 2.
    rows = [buttons[i : i + 4] for i in range(0, len(buttons), 4)]
    rows.append(
        [
            Choice(turn.plain("rooms.open"), OPEN, base),
            Choice(turn.plain("rooms.other_protocol"), PROTOCOLS, {"c": cohort_id}),
        ]
    )
    return rows


def _step_buttons(turn: Turn, base: dict[str, Any], index: int) -> list[Choice]:
    number = index + 1
    return [
        Choice(
            label(turn, turn.language, "rooms.shorter", number=number), SETUP, _at(base, index, -1)
        ),
        Choice(
            label(turn, turn.language, "rooms.longer", number=number), SETUP, _at(base, index, 1)
        ),
    ]


def _at(base: dict[str, Any], index: int, change: int) -> dict[str, Any]:
    return {**base, "s": index, "x": change}
