"""/nopair: a student's private "please don't pair me with" list, chosen from classmates' names.
Only the pairing algorithm reads it: nobody else ever sees it, coordinators included."""

from __future__ import annotations

from collections.abc import Sequence

from bot.handlers.pairing.common import (
    cohorts_with_role,
    done_with,
    int_arg,
    paged,
    replace_buttons,
)
from bot.runtime.incoming import Incoming
from bot.runtime.router import Router
from bot.runtime.turn import Choice, Turn
from flows.onboarding import Role
from storage import pairing
from storage.cohorts import MembershipView
from storage.models import Button


def register(router: Router) -> None:
    """Wire /nopair and its toggles."""
    router.command("nopair", nopair_command)
    router.action("np_toggle", toggle)
    router.action("np_page", turn_page)
    router.action("np_done", done)


async def nopair_command(turn: Turn, incoming: Incoming) -> None:
    """/nopair: the classmates as buttons; the ones on the list are marked."""
    mine = await cohorts_with_role(turn, Role.STUDENT)
    if not mine:
        await turn.say("pairing.students_only")
        return
    people = await _classmates(turn, mine)
    if not people:
        await turn.say("pairing.nopair_nobody")
        return
    await turn.say("pairing.nopair_intro", choices=await _buttons(turn, people, 0))


async def _classmates(
    turn: Turn, mine: Sequence[MembershipView] | None = None
) -> list[tuple[int, str]]:
    """Students of the person's cohorts (`mine` when already loaded), by name, without the
    person."""
    if mine is None:
        mine = await cohorts_with_role(turn, Role.STUDENT)
    ids = await pairing.cohort_students(turn.session, cohort_ids=[m.cohort_id for m in mine])
    contacts = await pairing.contacts(turn.session, user_ids=ids)
    others = [(uid, contacts[uid].name) for uid in ids if uid != turn.person.id and uid in contacts]
    return sorted(others, key=lambda pair: (pair[1].lower(), pair[0]))


def labels(people: list[tuple[int, str]]) -> dict[int, str]:
    """A label per person; equal first names get a number, so each button is clear."""
    seen: dict[str, int] = {}
    result: dict[int, str] = {}
    for uid, name in people:
        seen[name] = seen.get(name, 0) + 1
        result[uid] = name if seen[name] == 1 else f"{name} ({seen[name]})"
    return result


async def _buttons(turn: Turn, people: list[tuple[int, str]], page: int) -> list[list[Choice]]:
    chosen = await pairing.do_not_pair_of(turn.session, user_id=turn.person.id)
    named = labels(people)
    choices = [
        Choice(f"{'🚫 ' if uid in chosen else ''}{named[uid]}", "np_toggle", {"u": uid, "p": page})
        for uid, _ in people
    ]
    closing = [turn.choice("pairing.btn_nopair_done", "np_done")]
    return paged(turn, choices, page, "np_page", {}, closing, per_row=2)


async def toggle(turn: Turn, incoming: Incoming, button: Button) -> None:
    """Put a classmate on the list or take them off; the buttons change in place."""
    other = int_arg(button.args, "u")
    page = int_arg(button.args, "p") or 0
    people = await _classmates(turn) if turn.user is not None else []
    if turn.user is None or other not in {uid for uid, _ in people}:
        await turn.answer("fallback.stale_button", alert=True)
        return
    added = await pairing.toggle_do_not_pair(
        turn.session, user_id=turn.user.id, other_id=other, now=turn.now
    )
    await turn.answer("pairing.nopair_added" if added else "pairing.nopair_removed")
    await replace_buttons(turn, incoming.message_id, await _buttons(turn, people, page))


async def turn_page(turn: Turn, incoming: Incoming, button: Button) -> None:
    """Another page of names."""
    page = int_arg(button.args, "p") or 0
    rows = await _buttons(turn, await _classmates(turn), page)
    await replace_buttons(turn, incoming.message_id, rows)


async def done(turn: Turn, incoming: Incoming, button: Button) -> None:
    """Close the list with a reminder of who sees it: nobody."""
    await done_with(turn, incoming.message_id)
    count = len(await pairing.do_not_pair_of(turn.session, user_id=turn.person.id))
    await turn.say("pairing.nopair_saved", count=count)
