"""Carrying out what a breakout decided: the class card and posts, and each group's room effects
in its members' private chats (a relay: bots cannot make groups)."""

from __future__ import annotations

import html

from bot.handlers.breakout.card import BREAKOUT_ACTION, card_choices, card_text
from bot.handlers.room.effects import INVITES_TEXT, MAX_CHOICE_LABEL, language_of, worried_row
from bot.handlers.room.render import bot_text, room_lines, room_plain, room_text
from bot.runtime.render import in_rows
from bot.runtime.turn import Choice, Turn
from flows.breakout import (
    AskConsent,
    Breakout,
    CancelTimers,
    ClassPost,
    Effect,
    InGroup,
    Note,
    Outcome,
    ScheduleTimer,
    UpdateCard,
)
from flows.room import (
    Announce,
    PrivatePrompt,
    PrivateSummary,
    Refused,
    Relay,
    Reveal,
    RoomAction,
)
from flows.room.model import Room
from storage import breakouts, outbox, rooms, timers
from storage.breakout_models import BreakoutRow

TIMER_KIND = "breakout"
# Room actions a member can press in their private chat during a breakout.
MEMBER_ACTIONS = {RoomAction.PASS: "pass", RoomAction.CHOOSE_STEP: "choose"}
# Room prompts that speak of "the group"; in a breakout the group is this private chat.
IN_THIS_CHAT = {
    "room.prompt.your_turn": "breakout.prompt.your_turn",
    "room.prompt.choose_step": "breakout.prompt.choose_step",
}


async def carry_out(turn: Turn, row: BreakoutRow, outcome: Outcome) -> None:
    """Store the new breakout and carry out its effects in the order flows gave them."""
    breakout = outcome.breakout
    await breakouts.save_breakout(turn.session, row=row, breakout=breakout, now=turn.now)
    for effect in outcome.effects:
        await _carry(turn, row.id, breakout, effect)


async def settle(
    turn: Turn, row: BreakoutRow, breakout: Breakout, result: Outcome | Refused, *, chat: int
) -> bool:
    """Carry out an accepted command, or say why not (a press answer or a message).

    A refusal is for the one who acted alone, so it is in their language, as in rooms.
    """
    if isinstance(result, Refused):
        if turn.callback_query_id is not None:
            text = room_plain(turn.language, result.reason_key, result.params)
            await turn.answer_text(text, alert=True)
        else:
            text = room_text(turn.language, result.reason_key, result.params)
            await turn.send_text(text, chat_id=chat)
        return False
    await carry_out(turn, row, result)
    return True


async def _carry(turn: Turn, breakout_id: int, breakout: Breakout, effect: Effect) -> None:
    language = breakout.language
    if isinstance(effect, UpdateCard):
        await update_card(turn, breakout_id, breakout)
    elif isinstance(effect, ClassPost):
        await turn.send_text(room_lines(language, effect.lines), chat_id=breakout.chat_id)
    elif isinstance(effect, InGroup):
        room = breakout.groups[effect.number - 1].room
        await _in_group(turn, breakout_id, room, effect)
    elif isinstance(effect, Note):
        await turn.send_text(room_text(language, effect.key, effect.params), chat_id=effect.user_id)
    elif isinstance(effect, AskConsent):
        await _ask_consent(turn, breakout_id, breakout, effect)
    elif isinstance(effect, ScheduleTimer):
        await timers.schedule(
            turn.session,
            conversation=f"chat:{breakout.chat_id}",
            kind=TIMER_KIND,
            due_at=effect.at,
            payload={"breakout_id": breakout_id, "kind": effect.kind.value},
            name=breakouts.timer_name(breakout_id, effect.kind.value),
        )
    elif isinstance(effect, CancelTimers):
        for kind in effect.kinds:
            await timers.cancel(turn.session, name=breakouts.timer_name(breakout_id, kind.value))


async def _in_group(turn: Turn, breakout_id: int, room: Room, wrapped: InGroup) -> None:
    """A group's room effect: what a room would say in its group goes to each member."""
    effect, language = wrapped.effect, room.language
    present = room.active_ids
    if isinstance(effect, Announce):
        await _to_each(turn, present, room_text(language, effect.key, effect.params))
    elif isinstance(effect, Reveal):
        await _to_each(turn, present, room_lines(language, effect.lines()))
    elif isinstance(effect, Relay):
        text = bot_text(turn, language, "rooms.relayed", name=effect.author_name, text=effect.text)
        await _to_each(turn, [uid for uid in present if uid != effect.author_id], text)
    elif isinstance(effect, PrivatePrompt):
        await _prompt(turn, breakout_id, room, effect)
    elif isinstance(effect, PrivateSummary):
        theirs = await language_of(turn, effect.user_id, effect.summary.language)
        summary = effect.in_language(room, theirs)
        await turn.send_text(room_lines(theirs, summary.lines()), chat_id=effect.user_id)


async def _to_each(turn: Turn, user_ids: tuple[int, ...] | list[int], text: str) -> None:
    for user_id in user_ids:
        await turn.send_text(text, chat_id=user_id)


async def _prompt(turn: Turn, breakout_id: int, room: Room, prompt: PrivatePrompt) -> None:
    key = IN_THIS_CHAT.get(prompt.key, prompt.key)
    # A prompt is for one member alone: in their language, text and every button alike.
    language = await language_of(turn, prompt.user_id, room.language)
    text = room_text(language, key, prompt.params_in(room, language))
    if prompt.key in INVITES_TEXT and key == prompt.key:
        text += "\n" + room_text(language, "breakout.hint.write_here")
    rows: list[list[Choice]] = []
    if prompt.choices:
        listed = (f"{n}. {html.escape(c, quote=False)}" for n, c in enumerate(prompt.choices, 1))
        text = "\n".join([text, "", *listed])
        rows = [[_pick(breakout_id, i, choice)] for i, choice in enumerate(prompt.choices)]
    else:
        rows = in_rows(
            [
                Choice(
                    room_plain(language, f"room.action.{action.value}"),
                    BREAKOUT_ACTION,
                    {"b": breakout_id, "a": MEMBER_ACTIONS[action]},
                )
                for action in prompt.actions
                if action in MEMBER_ACTIONS
            ]
        )
    # Issue 13: the worry route stays one tap away on a member's private card, as in rooms.
    rows = [*rows, *await worried_row(turn, prompt.user_id)]
    await turn.send_text(text, choices=rows or None, chat_id=prompt.user_id)


def _pick(breakout_id: int, index: int, choice: str) -> Choice:
    short = choice if len(choice) <= MAX_CHOICE_LABEL else choice[: MAX_CHOICE_LABEL - 1] + "…"
    return Choice(
        f"{index + 1}. {short}", BREAKOUT_ACTION, {"b": breakout_id, "a": "choose", "i": index}
    )


async def _ask_consent(turn: Turn, breakout_id: int, breakout: Breakout, ask: AskConsent) -> None:
    language = breakout.language
    rows = [
        [
            Choice(
                room_plain(language, "breakout.consent.yes"),
                BREAKOUT_ACTION,
                {"b": breakout_id, "a": "yes"},
            ),
            Choice(
                room_plain(language, "breakout.consent.no"),
                BREAKOUT_ACTION,
                {"b": breakout_id, "a": "no"},
            ),
        ]
    ]
    text = room_text(language, "breakout.consent.ask", {"number": ask.number})
    if ask.preview:
        # Exactly what the class would read, so the answer is an informed one.
        text = "\n\n".join([text, room_lines(language, ask.preview)])
    await turn.send_text(text, choices=rows, chat_id=ask.user_id)


async def update_card(turn: Turn, breakout_id: int, breakout: Breakout) -> None:
    """Keep the breakout's one card in the class group current: edit it, or send it once."""
    name = breakouts.card_name(breakout_id)
    text = card_text(breakout)
    choices = card_choices(breakout_id, breakout)
    chat_id = breakout.chat_id
    sent = await outbox.remembered_message(turn.session, name=name)
    if sent is not None and sent.chat_id == chat_id:
        await turn.edit_text(
            chat_id=chat_id, message_id=sent.message_id, text=text, choices=choices
        )
        return
    waiting = await rooms.pending_status_send(turn.session, name=name, chat_id=chat_id)
    if waiting is not None:
        # Not sent yet, so nothing to edit: the waiting send carries the newest card.
        payload = {**waiting.payload, "text": text}
        payload.pop("reply_markup", None)
        if choices:
            payload["reply_markup"] = await turn.keyboard(choices, chat_id=chat_id)
        waiting.payload = payload
        return
    await turn.send_text(text, choices=choices, chat_id=chat_id, remember_as=name)
