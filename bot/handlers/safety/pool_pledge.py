"""The confidentiality pledge before a student is paired: asked on opting in to the pool.

A student who says no stays out of the pool (and so is never paired) until they promise with
the button under that no. The "count me in" button they pressed is used up: the pledge card is
the way on, and a second tap of it brings no second card. The pledge is asked in every cohort.
"""

from __future__ import annotations

from bot.i18n import Html
from bot.runtime.incoming import Incoming
from bot.runtime.router import Router
from bot.runtime.turn import Choice, Turn
from flows.onboarding import Role
from storage import cohorts, consent, safety
from storage.models import Button


def register(router: Router) -> None:
    """Wire the pledge's buttons on the pool's side."""
    router.action("pl_yes", agree)
    router.action("pl_no", decline)


async def may_join_pool(turn: Turn, cohort_id: int) -> bool:
    """True when the student promised in this cohort; otherwise they get the pledge card."""
    if await consent.has_pledged(turn.session, user_id=turn.person.id, cohort_id=cohort_id):
        return True
    await turn.answer()
    await consent.pledge_of(turn.session, user_id=turn.person.id, cohort_id=cohort_id, now=turn.now)
    await _card(turn, cohort_id)
    return False


async def _card(turn: Turn, cohort_id: int) -> None:
    confidants = await safety.confidants_of(turn.session, cohort_ids=[cohort_id])
    names = ", ".join(dict.fromkeys(c.first_name for c in confidants))
    who = (
        turn.text("safety.pledge_confidant", names=names)
        if names
        else turn.text("safety.pledge_no_confidant")
    )
    choices = [
        [Choice(turn.plain("safety.btn_pledge"), "pl_yes", {"c": cohort_id})],
        [Choice(turn.plain("safety.btn_pledge_no"), "pl_no", {"c": cohort_id})],
    ]
    await turn.say("safety.pledge_pool", confidant=Html(who), choices=choices)


async def _cohort(turn: Turn, button: Button) -> tuple[int, str] | None:
    """The cohort on the card, if the presser is a student there (else the press is stale)."""
    cohort_id = button.args.get("c")
    mine = await cohorts.memberships_of(turn.session, user_id=turn.person.id, role=Role.STUDENT)
    found = next((m for m in mine if m.cohort_id == cohort_id), None)
    if found is None:
        await turn.answer("fallback.stale_button", alert=True)
        return None
    return found.cohort_id, found.cohort_name


async def agree(turn: Turn, incoming: Incoming, button: Button) -> None:
    """ "I promise": recorded, then straight on into the pool."""
    found = await _cohort(turn, button)
    if found is None:
        return
    cohort_id, name = found
    row, _ = await consent.pledge_of(
        turn.session, user_id=turn.person.id, cohort_id=cohort_id, now=turn.now
    )
    if incoming.message_id:
        await turn.clear_buttons(incoming.message_id)
    if row.agreed_at is not None:  # an older card: the promise was made, the pool joined
        await turn.answer("fallback.already_done")
        return
    row.agreed_at, row.declined_at = turn.now, None
    await turn.say("safety.pledge_pool_thanks")
    # Asked for here: pairing imports /help, which imports this package.
    from bot.handlers.pairing.pool import enter

    await enter(turn, cohort_id, name, None)


async def decline(turn: Turn, incoming: Incoming, button: Button) -> None:
    """ "Not for me": kept out of the pool; a button to promise after all."""
    found = await _cohort(turn, button)
    if found is None:
        return
    cohort_id, _ = found
    row, _ = await consent.pledge_of(
        turn.session, user_id=turn.person.id, cohort_id=cohort_id, now=turn.now
    )
    if incoming.message_id:
        await turn.clear_buttons(incoming.message_id)
    if row.agreed_at is not None:  # an older card: the promise was made on a newer one
        await turn.answer("fallback.already_done")
        return
    row.declined_at = turn.now
    again = Choice(turn.plain("safety.btn_pledge_after_all"), "pl_yes", {"c": cohort_id})
    await turn.say("safety.pledge_pool_declined", choices=[[again]])
