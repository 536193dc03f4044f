"""The confidentiality pledge before the first relayed message, in every cohort.

Students promise on opting in to the pool, so partners paired from it pass at once; a match
made otherwise asks here. A message written before everyone promised is not passed on and not
kept: the writer is told why, and whoever has not answered gets the pledge once. A "no" can be
changed to "yes" later.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.i18n import Html
from bot.runtime.incoming import Incoming
from bot.runtime.router import Router
from bot.runtime.turn import Choice, Turn
from flows.safety import Gate, gate
from storage import consent, safety
from storage.models import Button
from storage.safety_models import SafetyPledge

if TYPE_CHECKING:  # the trajectory's relay calls in here; no import back at run time
    from bot.handlers.trajectory.core import Member, Pair


def register(router: Router) -> None:
    """Wire the pledge's two buttons."""
    router.action("w_pledge", agree)
    router.action("w_pledge_no", decline)


async def pledge_cleared(turn: Turn, pair: Pair) -> bool:
    """Whether the writer's message may go to the others; if not, say why and keep nothing."""
    members = [m.id for m in pair.members]
    paused = await consent.withdrawn_among(
        turn.session, cohort_id=pair.match.cohort_id, user_ids=members
    )
    if paused:  # a parent withdrew: nothing goes to or from that student until they agree again
        await turn.say(
            "consent.relay_paused_self" if turn.chat_id in paused else "consent.relay_paused"
        )
        return False
    answers = await safety.pledges_of(turn.session, match_id=pair.match.id)
    outcome, missing = gate(
        required=True,
        writer=turn.chat_id,
        members=[m.id for m in pair.members],
        agreed=await _agreed(turn, pair, answers),
        declined={u for u, row in answers.items() if row.declined_at is not None},
    )
    if outcome is Gate.OPEN:
        return True
    if outcome is Gate.WAIT:
        names = ", ".join(pair.name(m) for m in missing)
        await turn.say("safety.pledge_waiting", names=names)
        await _show_to(turn, pair, [m for m in missing if m not in answers])
        return False
    await turn.say("safety.pledge_not_sent")
    await _show_to(turn, pair, [turn.chat_id], again=True)
    await _show_to(turn, pair, [m for m in missing if m not in answers and m != turn.chat_id])
    return False


async def pledge_status(turn: Turn, pair: Pair) -> list[tuple[str, bool]] | None:
    """Each member's first name and whether they promised (before pairing or in this match)."""
    answers = await safety.pledges_of(turn.session, match_id=pair.match.id)
    agreed = await _agreed(turn, pair, answers)
    return [(m.name, m.id in agreed) for m in pair.members]


async def _agreed(turn: Turn, pair: Pair, answers: dict[int, SafetyPledge]) -> set[int]:
    """Members who promised: on joining the pool in this cohort, or in this match."""
    members = [m.id for m in pair.members]
    before = await consent.pledged_among(
        turn.session, cohort_id=pair.match.cohort_id, user_ids=members
    )
    return before | {u for u, row in answers.items() if row.agreed_at is not None}


def pledge_line(turn: Turn, status: list[tuple[str, bool]] | None) -> str:
    """The contract's line about the pledge (empty where none is asked), in the turn's language."""
    if status is None:
        return ""
    names = ", ".join(f"{name} {'✅' if agreed else '⏳'}" for name, agreed in status)
    return "\n" + turn.text("safety.pledge_line", names=names)


async def _show_to(turn: Turn, pair: Pair, user_ids: list[int], *, again: bool = False) -> None:
    """The pledge card, once per member unless `again` (the writer asked for it by writing)."""
    confidants = await safety.confidants_of(turn.session, cohort_ids=[pair.match.cohort_id])
    names = ", ".join(dict.fromkeys(c.first_name for c in confidants))
    for user_id in user_ids:
        _, first = await safety.pledge_shown(
            turn.session, match_id=pair.match.id, user_id=user_id, now=turn.now
        )
        if first or again:
            await _card(turn, pair.member(user_id), pair.match.id, names)


async def _card(turn: Turn, member: Member, match_id: int, confidants: str) -> None:
    with turn.speaking(member.language):
        who = (
            turn.text("safety.pledge_confidant", names=confidants)
            if confidants
            else turn.text("safety.pledge_no_confidant")
        )
        choices = [
            [Choice(turn.plain("safety.btn_pledge"), "w_pledge", {"m": match_id})],
            [Choice(turn.plain("safety.btn_pledge_no"), "w_pledge_no", {"m": match_id})],
        ]
        await turn.say("safety.pledge", confidant=Html(who), chat_id=member.id, choices=choices)


async def agree(turn: Turn, incoming: Incoming, button: Button) -> None:
    """ "I promise": once everyone has, all hear that messages now go through."""
    pair = await _pair(turn, button)
    if pair is None:
        return
    row, _ = await safety.pledge_shown(
        turn.session, match_id=pair.match.id, user_id=turn.chat_id, now=turn.now
    )
    row.agreed_at, row.declined_at = turn.now, None
    answers = await safety.pledges_of(turn.session, match_id=pair.match.id)
    agreed = await _agreed(turn, pair, answers)
    missing = [m for m in pair.members if m.id not in agreed]
    if missing:
        await turn.say("safety.pledge_thanks", names=", ".join(m.name for m in missing))
        await _show_to(turn, pair, [m.id for m in missing if m.id not in answers])
        return
    for member in pair.members:
        with turn.speaking(member.language):
            await turn.say("safety.pledge_all", chat_id=member.id)


async def decline(turn: Turn, incoming: Incoming, button: Button) -> None:
    """ "Not for me": nothing is relayed for this person; they may still promise later."""
    pair = await _pair(turn, button)
    if pair is None:
        return
    row, _ = await safety.pledge_shown(
        turn.session, match_id=pair.match.id, user_id=turn.chat_id, now=turn.now
    )
    row.declined_at = turn.now
    choices = [
        [Choice(turn.plain("safety.btn_pledge_after_all"), "w_pledge", {"m": pair.match.id})]
    ]
    await turn.say("safety.pledge_declined", choices=choices)


async def _pair(turn: Turn, button: Button) -> Pair | None:
    """The person's running match, if the card belongs to it (an old card is told so)."""
    # Asked for here: the trajectory package imports /help, which imports this package.
    from bot.handlers.trajectory.core import pair_of_button

    pair = await pair_of_button(turn, button)
    if pair is None:
        await turn.answer("fallback.stale_button", alert=True)
        return None
    return pair
