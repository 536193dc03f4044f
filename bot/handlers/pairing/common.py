"""Shared ground of the pairing handlers: cohorts by role and naming things."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from bot.runtime.incoming import Incoming
from bot.runtime.render import BUTTONS_PER_ROW, in_rows, short_date
from bot.runtime.turn import Choice, Turn
from flows.onboarding import Role
from flows.pairing import Match, Reason, ReasonKind, UnmatchedReason
from storage import cohorts, outbox
from storage.models import Button
from storage.pairing import Contact

DAYS = ("mon", "tue", "wed", "thu", "fri")
PARTS = ("am", "pm", "eve")
SLOTS = tuple(f"{day}-{part}" for day in DAYS for part in PARTS)
# Buttons per page when people are picked by name (Telegram shows about 100 at most).
PAGE = 24


async def cohorts_with_role(turn: Turn, role: Role) -> list[cohorts.MembershipView]:
    """The cohorts in which this person has the role."""
    return await cohorts.memberships_of(turn.session, user_id=turn.person.id, role=role)


async def coordinates(turn: Turn, cohort_id: Any) -> str | None:
    """The cohort's name when this person coordinates it (checked on every press)."""
    if turn.user is None:
        return None
    mine = await cohorts_with_role(turn, Role.COORDINATOR)
    return next((m.cohort_name for m in mine if m.cohort_id == cohort_id), None)


def int_arg(args: Mapping[str, Any], name: str) -> int | None:
    """An integer button argument, or None when it is missing or malformed."""
    value = args.get(name)
    return value if isinstance(value, int) and not isinstance(value, bool) else None


async def say_to(
    turn: Turn,
    contact: Contact,
    key: str,
    *,
    priority: int = outbox.INTERACTIVE,
    **params: object,
) -> None:
    """A text by key to another person, in their language."""
    if contact.unreachable:
        return
    with turn.speaking(contact.language):
        text = turn.text(key, **params)
        await turn.send_text(text, chat_id=contact.id, priority=priority)


async def replace_buttons(turn: Turn, message_id: int | None, choices: list[list[Choice]]) -> None:
    """Swap the buttons of a message in this chat in place (toggles keep one message)."""
    if message_id is None:
        return
    markup = await turn.keyboard(choices, chat_id=turn.chat_id)
    payload = {"chat_id": turn.chat_id, "message_id": message_id, "reply_markup": markup}
    await outbox.enqueue(
        turn.session,
        chat_id=turn.chat_id,
        method="editMessageReplyMarkup",
        payload=payload,
        now=turn.now,
    )


async def cohort_pressed(turn: Turn, incoming: Incoming, button: Button) -> int | None:
    """The cohort (`c`) of a coordinator's card, its buttons taken off; refused for others."""
    cohort_id = int_arg(button.args, "c")
    if cohort_id is None or await coordinates(turn, cohort_id) is None:
        await turn.answer("pairing.coordinators_only", alert=True)
        return None
    await done_with(turn, incoming.message_id)
    return cohort_id


async def done_with(turn: Turn, message_id: int | None) -> None:
    """Take the buttons off a card that was answered."""
    if message_id is not None:
        await turn.clear_buttons(message_id)


def page_of(items: Sequence[Any], page: int) -> tuple[Sequence[Any], bool, bool]:
    """One page of items, and whether there is a page before and after it."""
    start = page * PAGE
    return items[start : start + PAGE], page > 0, start + PAGE < len(items)


def paged(
    turn: Turn,
    items: Sequence[Choice],
    page: int,
    action: str,
    args: Mapping[str, object],
    closing: list[Choice],
    *,
    per_row: int = BUTTONS_PER_ROW,
) -> list[list[Choice]]:
    """One page of buttons in rows, "previous"/"next" (`action` with page "p") when there are
    more, and the closing row last."""
    shown, before, after = page_of(items, page)
    rows = in_rows(shown, per_row)
    nav = []
    if before:
        nav.append(turn.choice("pairing.btn_previous", action, **{**args, "p": page - 1}))
    if after:
        nav.append(turn.choice("pairing.btn_next", action, **{**args, "p": page + 1}))
    if nav:
        rows.append(nav)
    rows.append(closing)
    return rows


def date_text(turn: Turn, moment: datetime) -> str:
    """A date as people write it in the turn's language."""
    return short_date(moment, turn.language, turn.time.zone)


def slot_name(turn: Turn, slot: str) -> str:
    """A weekday part in words, such as "dinsdagnamiddag"."""
    return turn.text(f"pairing.slot_{slot.replace('-', '_')}")


def slot_list(turn: Turn, slots: Sequence[str]) -> str:
    """Weekday parts in words, in week order."""
    ordered = [slot for slot in SLOTS if slot in slots]
    if not ordered:
        return turn.text("pairing.none_given")
    return ", ".join(slot_name(turn, slot) for slot in ordered)


def names_of(people: Sequence[int], names: Mapping[int, str], turn: Turn) -> str:
    """Names joined as people say them: "Sanne", "Sanne en Bram", "Sanne, Bram en Noor"."""
    return turn.names([names.get(person, "?") for person in people])


def match_title(turn: Turn, match: Match, names: Mapping[int, str]) -> str:
    """Who is in a match and who coaches whom: "Sanne ↔ Bram", "Sanne → Bram", a triad."""
    if len(match.members) == 3:
        return names_of(match.members, names, turn)
    a, b = match.members
    if len(match.coach_of) == 1:
        coach, coachee = match.coach_of[0]
        return f"{names.get(coach, '?')} → {names.get(coachee, '?')}"
    return f"{names.get(a, '?')} ↔ {names.get(b, '?')}"


def reason_text(turn: Turn, reason: Reason, match: Match, names: Mapping[int, str]) -> str:
    """One reason in a few words."""
    kind = reason.kind
    if kind is ReasonKind.SHARED_AVAILABILITY:
        key = "pairing.why_shared_three" if len(match.members) == 3 else "pairing.why_shared"
        return turn.text(key, slots=slot_list(turn, reason.slots))
    if kind is ReasonKind.NEW_PAIR and len(match.members) == 3:
        return turn.text("pairing.why_new_trio")
    if kind is ReasonKind.OLDER_COACHES_YOUNGER and len(reason.people) == 2:
        return turn.text(
            "pairing.why_older_coaches_younger",
            coach=names.get(reason.people[0], "?"),
            coachee=names.get(reason.people[1], "?"),
        )
    return turn.text(f"pairing.why_{kind.value}", names=names_of(reason.people, names, turn))


def reasons_text(turn: Turn, match: Match, names: Mapping[int, str]) -> str:
    """All reasons of a match, comma-separated."""
    return ", ".join(reason_text(turn, reason, match, names) for reason in match.reasons)


def unmatched_text(turn: Turn, why: UnmatchedReason, paused_until: datetime | None) -> str:
    """Why someone has no partner, in a few words (for the coordinator's overview)."""
    if why is UnmatchedReason.PAUSED and paused_until is not None:
        return turn.text("pairing.left_paused_until", date=date_text(turn, paused_until))
    return turn.text(f"pairing.left_{why.value}")
