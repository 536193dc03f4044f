"""Confidential notices to a cohort's coordinators: who needs a new partner, who paused.
They name people and reasons only, never what anyone wrote."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from bot.handlers.pairing.common import date_text, names_of
from bot.runtime.turn import Choice, Turn
from flows.onboarding import Role
from storage import cohorts, pairing
from storage.pairing_models import PoolEntry

# Why people wait for a partner; anything else is told as "the match ended".
REPAIR_REASONS = frozenset(
    {"no_click", "partner_left", "unreachable", "silent_partner", "pause_over", "wants_partner"}
)


async def to_coordinators(
    turn: Turn,
    cohort_id: int,
    render: Callable[[], str],
    choices: Callable[[], list[list[Choice]]] | None = None,
) -> int:
    """Send a text to every coordinator of the cohort, each in their own language."""
    ids = await cohorts.members_with_role(turn.session, cohort_id=cohort_id, role=Role.COORDINATOR)
    sent = 0
    for contact in (await pairing.contacts(turn.session, user_ids=ids)).values():
        if contact.unreachable:
            continue
        with turn.speaking(contact.language):
            await turn.send_text(
                render(), chat_id=contact.id, choices=choices() if choices else None
            )
        sent += 1
    return sent


async def notify_repair_needed(
    turn: Turn, cohort_id: int, user_ids: Sequence[int], reason: str
) -> None:
    """Coordinators hear, confidentially, who waits for a new partner, with a button to re-pair
    just them. For the trajectories: call this when a match dissolved (no click, a partner left
    or became unreachable). Nobody learns who said no."""
    people = sorted(set(user_ids))
    if not people:
        return
    names = {
        uid: c.name for uid, c in (await pairing.contacts(turn.session, user_ids=people)).items()
    }
    cohort = await cohorts.cohort_by_id(turn.session, cohort_id=cohort_id)
    why = reason if reason in REPAIR_REASONS else "other"
    await to_coordinators(
        turn,
        cohort_id,
        lambda: turn.text(
            "pairing.repair_notice",
            names=names_of(people, names, turn),
            cohort=cohort.name if cohort else "",
            reason=turn.text(f"pairing.repair_reason_{why}"),
        ),
        lambda: [
            [turn.choice("pairing.btn_repair_now", "pr_repair", c=cohort_id, p=people)],
        ],
    )


async def tell_coordinators_paused(turn: Turn, entry: PoolEntry) -> None:
    """A student who was asked kindly chose to pause: the coordinators see until when."""
    names = await pairing.contacts(turn.session, user_ids=[entry.user_id])
    name = names[entry.user_id].name if entry.user_id in names else "?"
    until = entry.paused_until
    await turn.use_cohort_time(entry.cohort_id)
    await to_coordinators(
        turn,
        entry.cohort_id,
        lambda: turn.text(
            "pairing.paused_notice",
            name=name,
            date=date_text(turn, until) if until else "",
        ),
    )
