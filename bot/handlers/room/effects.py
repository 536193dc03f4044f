"""Carrying out what a room command decided: save the snapshot, then send, edit and schedule."""

from __future__ import annotations

import html

from bot.handlers.room.render import (
    ROOM_ACTION,
    action_choice,
    bot_text,
    room_lines,
    room_plain,
    room_text,
    status_choices,
    status_text,
)
from bot.handlers.safety import worried_button
from bot.runtime.render import in_rows
from bot.runtime.turn import Choice, Turn
from flows.onboarding import Onboarding
from flows.room import (
    Announce,
    CancelTimers,
    Effect,
    Outcome,
    PrivatePrompt,
    PrivateSummary,
    Refused,
    Relay,
    Reveal,
    RoomAction,
    ScheduleTimer,
    TeacherReport,
    UpdateStatus,
    status_view,
)
from flows.room.model import Room
from storage import outbox, rooms, timers
from storage.models import User
from storage.room_models import RoomRow

TIMER_KIND = "room"
# Prompts after which the person's next private text is their contribution.
INVITES_TEXT = frozenset(
    {"room.prompt.your_turn", "room.prompt.write_privately", "room.prompt.nudge_case_holder"}
)
# Prompts that ask for a contribution in the group.
SPEAK_IN_GROUP = frozenset({"room.prompt.your_turn", "room.prompt.nudge_case_holder"})
MAX_CHOICE_LABEL = 48


async def carry_out(turn: Turn, row: RoomRow, outcome: Outcome) -> None:
    """Store the new room and carry out its effects in the order flows gave them."""
    room = outcome.room
    await rooms.save_room(turn.session, row=row, room=room, now=turn.now)
    for effect in outcome.effects:
        await _carry(turn, row.id, room, effect)


async def _carry(turn: Turn, room_id: int, room: Room, effect: Effect) -> None:
    language = room.language
    if isinstance(effect, Announce):
        await turn.send_text(room_text(language, effect.key, effect.params), chat_id=room.chat_id)
    elif isinstance(effect, UpdateStatus):
        await update_status(turn, room_id, room)
    elif isinstance(effect, PrivatePrompt):
        await _prompt(turn, room_id, room, effect)
    elif isinstance(effect, Relay):
        text = bot_text(turn, language, "rooms.relayed", name=effect.author_name, text=effect.text)
        await turn.send_text(text, chat_id=room.chat_id)
    elif isinstance(effect, Reveal):
        await turn.send_text(room_lines(language, effect.lines()), chat_id=room.chat_id)
    elif isinstance(effect, ScheduleTimer):
        await timers.schedule(
            turn.session,
            conversation=f"chat:{room.chat_id}",
            kind=TIMER_KIND,
            due_at=effect.at,
            payload={"room_id": room_id, "kind": effect.kind.value},
            name=rooms.timer_name(room_id, effect.kind.value),
        )
    elif isinstance(effect, CancelTimers):
        for kind in effect.kinds:
            await timers.cancel(turn.session, name=rooms.timer_name(room_id, kind.value))
    elif isinstance(effect, PrivateSummary):
        theirs = await language_of(turn, effect.user_id, effect.summary.language)
        summary = effect.in_language(room, theirs)
        await turn.send_text(room_lines(theirs, summary.lines()), chat_id=effect.user_id)
    elif isinstance(effect, TeacherReport):
        theirs = await language_of(turn, effect.teacher_id, language)
        lines = effect.in_language(room, theirs).lines()
        await turn.send_text(room_lines(theirs, lines), chat_id=effect.teacher_id)


async def update_status(turn: Turn, room_id: int, room: Room) -> None:
    """Keep the room's one status message current: edit it, or send it the first time."""
    name = rooms.status_name(room_id)
    view = status_view(room, turn.now)
    text = status_text(turn, room, view)
    choices = status_choices(turn, room_id, room, view)
    sent = await outbox.remembered_message(turn.session, name=name)
    if sent is not None and sent.chat_id == room.chat_id:
        await turn.edit_text(
            chat_id=room.chat_id, message_id=sent.message_id, text=text, choices=choices
        )
        return
    waiting = await rooms.pending_status_send(turn.session, name=name, chat_id=room.chat_id)
    if waiting is not None:
        # Not sent yet, so nothing to edit: the waiting send carries the newest status.
        payload = {**waiting.payload, "text": text}
        payload.pop("reply_markup", None)
        if choices:
            payload["reply_markup"] = await turn.keyboard(choices, chat_id=room.chat_id)
        waiting.payload = payload
        return
    await turn.send_text(text, choices=choices, chat_id=room.chat_id, remember_as=name)


async def language_of(turn: Turn, user_id: int, fallback: str) -> str:
    """The language one person reads: what the group hears is the room's, what they alone read
    (a prompt, a refusal, a summary) is their own."""
    if turn.user is not None and turn.user.id == user_id:
        return turn.user.language or fallback
    person = await turn.session.get(User, user_id)
    return (person.language if person is not None else None) or fallback


async def worried_row(turn: Turn, user_id: int) -> list[list[Choice]]:
    """Issue 13: the worry route from a room, on the person's private card, never in the group."""
    person = await turn.session.get(User, user_id)
    if person is None or person.onboarding is not Onboarding.DONE:
        return []  # a classmate who never joined: the route needs a cohort
    with turn.speaking(person.language):
        return [worried_button(turn)]


async def _prompt(turn: Turn, room_id: int, room: Room, prompt: PrivatePrompt) -> None:
    # Said to one person: in their language, text and every button alike.
    language = await language_of(turn, prompt.user_id, room.language)
    text = room_text(language, prompt.key, prompt.params_in(room, language))
    if prompt.key in SPEAK_IN_GROUP:
        # Group privacy: the bot hears only replies to its messages, so say how to be heard.
        text += "\n" + bot_text(turn, language, "rooms.turn_hint")
    choices = [action_choice(room_id, language, a) for a in prompt.actions if a not in _LISTED]
    rows = in_rows(choices)
    if prompt.choices:
        # The ideas to pick from, numbered in full; the buttons carry the number and a preview.
        listed = (f"{n}. {html.escape(c, quote=False)}" for n, c in enumerate(prompt.choices, 1))
        text = "\n".join([text, "", *listed])
        rows = [[_pick(room_id, index, choice)] for index, choice in enumerate(prompt.choices)]
    rows = [*rows, *await worried_row(turn, prompt.user_id)]
    await turn.send_text(text, choices=rows or None, chat_id=prompt.user_id)
    if prompt.key in INVITES_TEXT:
        await rooms.set_prompt(
            turn.session,
            user_id=prompt.user_id,
            room_id=room_id,
            step_index=room.step_index,
            now=turn.now,
        )


# Actions offered as one button per choice rather than as a single button.
_LISTED = frozenset({RoomAction.CHOOSE_STEP})


def _pick(room_id: int, index: int, choice: str) -> Choice:
    short = choice if len(choice) <= MAX_CHOICE_LABEL else choice[: MAX_CHOICE_LABEL - 1] + "…"
    return Choice(
        f"{index + 1}. {short}",
        ROOM_ACTION,
        {"r": room_id, "a": RoomAction.CHOOSE_STEP.value, "i": index},
    )


def refusal_text(room_language: str, refused: Refused) -> str:
    """What a refusal says as a message, in the room's language."""
    return room_text(room_language, refused.reason_key, refused.params)


def refusal_answer(room_language: str, refused: Refused) -> str:
    """What a refusal says as a callback answer: plain text, in the room's language."""
    return room_plain(room_language, refused.reason_key, refused.params)


async def refuse(turn: Turn, language: str, refused: Refused, *, chat_id: int | None) -> None:
    """Tell the actor why not: as a button answer when they pressed one, else as a message.

    language is the room's, for a refusal said in the group; a button answer (only the presser
    sees it) or a message in the actor's private chat is in the actor's own language.
    """
    if turn.callback_query_id is not None:
        await turn.answer_text(refusal_answer(turn.language, refused), alert=True)
    elif chat_id is not None:
        private = turn.sender is not None and chat_id == turn.sender.id
        text = refusal_text(turn.language if private else language, refused)
        await turn.send_text(text, chat_id=chat_id)


async def settle(
    turn: Turn,
    row: RoomRow,
    room: Room,
    result: Outcome | Refused,
    *,
    refusal_chat: int | None = None,
) -> bool:
    """Carry out an accepted command, or tell the actor why it was refused; True if accepted."""
    if isinstance(result, Refused):
        await refuse(turn, room.language, result, chat_id=refusal_chat)
        return False
    await carry_out(turn, row, result)
    return True
