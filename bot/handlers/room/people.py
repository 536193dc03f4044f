"""Who is who around a room: joined people, a cohort's teachers and members, display names, the
bot itself, and the group's title."""

from __future__ import annotations

from typing import Any

from bot.handlers.room.render import bot_text
from bot.runtime.incoming import Incoming
from bot.runtime.turn import Turn
from flows.onboarding import Role
from storage import cohorts


def actor_id(turn: Turn) -> int:
    """The id of the person acting in this turn."""
    assert turn.sender is not None
    return turn.sender.id


def is_this_bot(turn: Turn, user: dict[str, Any]) -> bool:
    """Whether a Telegram user object (from an update's raw JSON) is this bot."""
    return bool(user.get("is_bot")) and user.get("username") == turn.services.bot_username


def chat_title(incoming: Incoming) -> str | None:
    """The group's title as the update gives it."""
    return ((incoming.raw or {}).get("chat") or {}).get("title")


def display_name(turn: Turn) -> str:
    """The first name to show in a room."""
    if turn.user is not None and turn.user.first_name:
        return turn.user.first_name
    return turn.sender.first_name if turn.sender is not None else "?"


async def teaching(turn: Turn) -> dict[int, str]:
    """The cohorts this person teaches, by id, with their names."""
    if not turn.joined:
        return {}
    mine = await cohorts.memberships_of(turn.session, user_id=turn.person.id, role=Role.TEACHER)
    return {m.cohort_id: m.cohort_name for m in mine}


async def teacher_pressed(turn: Turn, args: dict[str, Any]) -> int | None:
    """The card's cohort if the presser teaches it; anyone else is told so, and the button
    stays usable, so a student's tap never takes it from the teacher."""
    cohort_id = args.get("c")
    if isinstance(cohort_id, int) and cohort_id in await teaching(turn):
        return cohort_id
    await turn.answer("rooms.only_teacher_button", alert=True)
    turn.refuse_press()
    return None


async def in_cohort(turn: Turn, cohort_id: int) -> bool:
    """Whether this joined person belongs to the cohort, in any role."""
    if not turn.joined:
        return False
    memberships = await cohorts.memberships_of(turn.session, user_id=turn.person.id)
    return any(m.cohort_id == cohort_id for m in memberships)


async def join_hint(turn: Turn, language: str, *, chat_id: int) -> None:
    """Tell someone in the group, briefly, to join privately with the class link first."""
    link = f"https://t.me/{turn.services.bot_username}"
    text = bot_text(turn, language, "rooms.join_first", name=display_name(turn), link=link)
    await turn.send_text(text, chat_id=chat_id)
