"""Coordinators in Telegram: create a cohort and hand out its invite links."""

from __future__ import annotations

from bot.runtime.incoming import Incoming
from bot.runtime.render import deep_link, short_date
from bot.runtime.router import Router
from bot.runtime.turn import Choice, Turn
from flows.onboarding import Role, signs_not_allowed, valid_cohort_name
from storage import cohorts
from storage.models import Button, Invite


def register(router: Router) -> None:
    """Wire /newcohort and /links."""
    router.command("newcohort", new_cohort)
    router.command("links", links_command)
    router.action("links", links_for_cohort)


async def _coordinated(turn: Turn) -> list[cohorts.MembershipView]:
    return await cohorts.memberships_of(turn.session, user_id=turn.person.id, role=Role.COORDINATOR)


async def new_cohort(turn: Turn, incoming: Incoming) -> None:
    """/newcohort NAME: create the cohort, make the creator its coordinator, send the links."""
    if not await _coordinated(turn):
        await turn.say("cohort.not_allowed")
        return
    name = " ".join(incoming.args.split())
    if not name:
        await turn.say("cohort.usage")
        return
    if signs := signs_not_allowed(name):  # say which ones, not just the length rule
        await turn.say("cohort.name_signs", signs=signs)
        return
    if not valid_cohort_name(name):
        await turn.say("cohort.invalid_name")
        return
    try:
        cohort = await cohorts.create_cohort(
            turn.session, name=name, created_by=turn.person.id, now=turn.now
        )
    except cohorts.CohortExists:
        await turn.say("cohort.exists", name=name)
        return
    await cohorts.join_cohort(
        turn.session,
        user_id=turn.person.id,
        cohort_id=cohort.id,
        role=Role.COORDINATOR,
        now=turn.now,
    )
    await turn.say("cohort.created", name=name)
    await send_links(turn, cohort.id, name)


async def links_command(turn: Turn, incoming: Incoming) -> None:
    """/links: fresh invite links for a cohort this person coordinates."""
    mine = await _coordinated(turn)
    if not mine:
        await turn.say("cohort.not_allowed")
    elif len(mine) == 1:
        await send_links(turn, mine[0].cohort_id, mine[0].cohort_name)
    else:
        rows = [[Choice(m.cohort_name, "links", {"cohort_id": m.cohort_id})] for m in mine]
        await turn.say("cohort.pick", choices=rows)


async def links_for_cohort(turn: Turn, incoming: Incoming, button: Button) -> None:
    """The cohort picked from /links, checked again: roles can change after a button is sent."""
    cohort_id = button.args.get("cohort_id")
    mine = {m.cohort_id: m.cohort_name for m in await _coordinated(turn)}
    if cohort_id not in mine:
        await turn.answer("cohort.not_allowed", alert=True)
        return
    if incoming.message_id:
        await turn.clear_buttons(incoming.message_id)
    await send_links(turn, cohort_id, mine[cohort_id])


async def send_links(turn: Turn, cohort_id: int, name: str) -> None:
    """Create one invite per role and send their deep links."""
    invites = await cohorts.create_cohort_invites(turn.session, cohort_id=cohort_id, now=turn.now)
    await turn.use_cohort_time(cohort_id)
    await turn.send_text(turn.text("cohort.links", name=name, **link_params(turn, invites)))


def link_params(turn: Turn, invites: dict[Role, Invite]) -> dict[str, str]:
    """The link and expiry date of each role's invite, as text parameters."""
    params: dict[str, str] = {}
    zone = turn.time.zone
    for role, invite in invites.items():
        params[role.value] = deep_link(turn.services.bot_username, invite.code)
        params[f"{role.value}_until"] = short_date(invite.expires_at, turn.language, zone)
    return params
