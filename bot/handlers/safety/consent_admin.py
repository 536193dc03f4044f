"""/consent for coordinators: the consent policy, the school's confirmation, the country."""

from __future__ import annotations

from typing import Any

from bot.runtime.incoming import Incoming
from bot.runtime.router import Router
from bot.runtime.turn import Choice, Turn
from flows.onboarding import Role
from flows.safety import COUNTRIES
from flows.safety.consent import Policy
from storage import cohorts, consent, safety
from storage.models import Button


async def coordinates(turn: Turn, cohort_id: int | None) -> str | None:
    """The cohort's name when this person coordinates it (checked on every press)."""
    mine = await cohorts.memberships_of(turn.session, user_id=turn.person.id, role=Role.COORDINATOR)
    return next((m.cohort_name for m in mine if m.cohort_id == cohort_id), None)


def int_arg(args: dict[str, Any], name: str) -> int | None:
    """An integer button argument, or None when missing or malformed."""
    value = args.get(name)
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def register(router: Router) -> None:
    """Wire /consent and its buttons."""
    router.command("consent", consent_command)
    router.action("cs_policy", choose_policy)
    router.action("cs_informed", confirm_informed)
    router.action("cs_country", choose_country)


async def consent_command(turn: Turn, incoming: Incoming) -> None:
    """/consent: each coordinated cohort's policy, with buttons to change or confirm it."""
    mine = await cohorts.memberships_of(turn.session, user_id=turn.person.id, role=Role.COORDINATOR)
    if not mine:
        await turn.say("consent.admin_only")
        return
    for membership in mine:
        await show_policy(turn, membership.cohort_id, membership.cohort_name)


async def show_policy(turn: Turn, cohort_id: int, name: str) -> None:
    """One cohort's policy card."""
    from bot.handlers.safety.consent import threshold_of  # consent imports much of storage

    row = await consent.policy_of(turn.session, cohort_id=cohort_id)
    age = await threshold_of(turn, cohort_id)
    other = Policy.PARENT if row.policy is Policy.SCHOOL else Policy.SCHOOL
    switch = turn.choice(f"consent.btn_to_{other.value}", "cs_policy", c=cohort_id, p=other.value)
    choices = [[switch]]
    if row.policy is Policy.SCHOOL and row.informed_at is None:
        choices.insert(0, [turn.choice("consent.btn_informed", "cs_informed", c=cohort_id)])
    if row.policy is Policy.SCHOOL and row.informed_at is not None:
        status = turn.text(
            "consent.informed_by",
            who=row.informed_by or "?",
            date=row.informed_at.strftime("%d-%m-%Y"),
        )
    elif row.policy is Policy.SCHOOL:
        status = turn.text("consent.informed_missing")
    else:
        status = ""
    default = turn.services.settings.default_country
    country = await safety.country_of(turn.session, cohort_id=cohort_id, default=default)
    for other_country in sorted(COUNTRIES):
        if other_country != country:
            label = turn.plain(f"consent.btn_country_{other_country.lower()}")
            choices.append([Choice(label, "cs_country", {"c": cohort_id, "k": other_country})])
    text = turn.text(f"consent.policy_{row.policy.value}", cohort=name, age=age)
    where = turn.text(f"consent.country_{country.lower()}")
    parts = [text, status, where]
    await turn.send_text("\n\n".join(p for p in parts if p), choices=choices)


async def choose_policy(turn: Turn, incoming: Incoming, button: Button) -> None:
    """Switch the cohort's policy; the card shows the new one."""
    cohort_id = int_arg(button.args, "c")
    name = await coordinates(turn, cohort_id)
    policy = button.args.get("p")
    if name is None or cohort_id is None or policy not in set(Policy):
        await turn.answer("fallback.stale_button", alert=True)
        return
    await consent.set_policy(turn.session, cohort_id=cohort_id, policy=Policy(policy))
    if incoming.message_id:
        await turn.clear_buttons(incoming.message_id)
    await show_policy(turn, cohort_id, name)


async def choose_country(turn: Turn, incoming: Incoming, button: Button) -> None:
    """The cohort's country: whose help lines its students see and its age threshold."""
    cohort_id = int_arg(button.args, "c")
    name = await coordinates(turn, cohort_id)
    country = button.args.get("k")
    if name is None or cohort_id is None or country not in COUNTRIES:
        await turn.answer("fallback.stale_button", alert=True)
        return
    await safety.set_country(turn.session, cohort_id=cohort_id, country=str(country))
    if incoming.message_id:
        await turn.clear_buttons(incoming.message_id)
    await show_policy(turn, cohort_id, name)


async def confirm_informed(turn: Turn, incoming: Incoming, button: Button) -> None:
    """The coordinator confirms once that parents were informed: who and when are kept."""
    cohort_id = int_arg(button.args, "c")
    name = await coordinates(turn, cohort_id)
    if name is None or cohort_id is None:
        await turn.answer("fallback.stale_button", alert=True)
        return
    await consent.confirm_informed(
        turn.session,
        cohort_id=cohort_id,
        by_id=turn.person.id,
        by_name=turn.person.first_name or "?",
        now=turn.now,
    )
    if incoming.message_id:
        await turn.clear_buttons(incoming.message_id)
    await show_policy(turn, cohort_id, name)
