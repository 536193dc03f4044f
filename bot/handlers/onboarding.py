"""Joining: /start with an invite code, choosing a language, and the privacy notice."""

from __future__ import annotations

from bot.handlers.help import language_choices, show_help
from bot.handlers.menus import set_person_menu
from bot.runtime.incoming import Incoming
from bot.runtime.router import Presser, Router
from bot.runtime.turn import Turn
from flows.onboarding import (
    LANGUAGES,
    InviteFacts,
    InviteProblem,
    Onboarding,
    invite_problem,
    preselected_language,
    stage_after_language,
)
from storage import cohorts, people
from storage.models import Button, Invite


def register(router: Router) -> None:
    """Wire the joining steps."""
    router.command("start", start, before_joining=True)
    router.action("lang", choose_language, presser=Presser.JOINING)
    router.action("consent", give_consent, presser=Presser.JOINING)
    router.action("no_consent", refuse_consent, presser=Presser.JOINING)


def _facts(invite: Invite | None) -> InviteFacts | None:
    if invite is None:
        return None
    return InviteFacts(
        role=invite.role,
        cohort_id=invite.cohort_id,
        expires_at=invite.expires_at,
        revoked=invite.revoked_at is not None,
        uses=invite.uses,
        max_uses=invite.max_uses,
    )


async def start(turn: Turn, incoming: Incoming) -> None:
    """/start CODE: check the invite, then join (or begin onboarding for a newcomer)."""
    code = incoming.args
    invite = await cohorts.get_invite(turn.session, code=code) if code else None
    joined = turn.joined
    if joined and invite is not None and await _already_member(turn, invite):
        return
    problem = invite_problem(code, _facts(invite), turn.now)
    if problem is InviteProblem.MISSING and joined:
        await show_help(turn)
    elif problem is not None:
        await turn.say(f"start.{problem.value}")
    elif joined and invite is not None:
        await join_with_invite(turn, invite)
    else:
        await _begin_onboarding(turn, code)


async def _begin_onboarding(turn: Turn, code: str) -> None:
    user = turn.user or await people.get_or_create_user(
        turn.session, user_id=turn.chat_id, now=turn.now
    )
    user.pending_invite = code
    turn.user = user
    if user.onboarding is Onboarding.PRIVACY and user.language:
        await show_consent_question(turn)
        return
    sender_language = turn.sender.language_code if turn.sender else None
    turn.language = preselected_language(sender_language, turn.services.settings.default_language)
    await ask_language(turn)


async def ask_language(turn: Turn) -> None:
    """Offer both languages, the current one first."""
    await turn.say("language.choose", choices=language_choices(turn))


async def choose_language(turn: Turn, incoming: Incoming, button: Button) -> None:
    """A language button: remember it, then continue joining or confirm the change."""
    language = button.args.get("lang")
    user = turn.user
    if user is None or language not in LANGUAGES:
        await turn.answer("fallback.stale_button", alert=True)
        return
    user.language = turn.language = language
    if incoming.message_id:
        await turn.clear_buttons(incoming.message_id)
    await turn.say("language.chosen")
    user.onboarding = stage_after_language(user.onboarding)
    if user.onboarding is Onboarding.PRIVACY:
        await show_consent_question(turn)
    elif turn.joined:
        await set_person_menu(turn)  # the menu speaks the new language too


async def show_consent_question(turn: Turn) -> None:
    """The privacy notice with the question to accept it."""
    text = f"{turn.text('privacy.notice')}\n\n{turn.text('privacy.ask')}"
    await turn.send_text(
        text,
        choices=[
            [turn.choice("privacy.accept", "consent"), turn.choice("privacy.decline", "no_consent")]
        ],
    )


async def give_consent(turn: Turn, incoming: Incoming, button: Button) -> None:
    """Accepting the notice: store the name, then join the cohort of the pending invite."""
    user = turn.user
    if user is None or user.onboarding is not Onboarding.PRIVACY or turn.sender is None:
        await turn.answer("fallback.stale_button", alert=True)
        return
    if incoming.message_id:
        await turn.clear_buttons(incoming.message_id)
    await people.accept_privacy(
        turn.session,
        user=user,
        first_name=turn.sender.first_name,
        username=turn.sender.username,
        now=turn.now,
    )
    code, user.pending_invite = user.pending_invite, None
    invite = await cohorts.get_invite(turn.session, code=code) if code else None
    problem = invite_problem(code, _facts(invite), turn.now)
    if problem is not None or invite is None:
        await turn.say(f"start.{(problem or InviteProblem.UNKNOWN).value}")
        return
    await join_with_invite(turn, invite)


async def refuse_consent(turn: Turn, incoming: Incoming, button: Button) -> None:
    """Declining the notice: keep nothing at all."""
    if turn.user is not None and turn.user.onboarding is not Onboarding.DONE:
        await people.forget_user(turn.session, user_id=turn.user.id)
        turn.user = None
    if incoming.message_id:
        await turn.clear_buttons(incoming.message_id)
    await turn.say("privacy.declined")


async def _already_member(turn: Turn, invite: Invite) -> bool:
    for membership in await cohorts.memberships_of(turn.session, user_id=turn.person.id):
        if membership.cohort_id == invite.cohort_id and membership.role is invite.role:
            await turn.say(
                "start.already_member",
                cohort=membership.cohort_name,
                role=turn.text(f"role.{membership.role.value}"),
            )
            return True
    return False


async def join_with_invite(turn: Turn, invite: Invite) -> None:
    """Join the invite's cohort with its role and welcome the person for that role."""
    await cohorts.join_cohort(
        turn.session,
        user_id=turn.person.id,
        cohort_id=invite.cohort_id,
        role=invite.role,
        now=turn.now,
    )
    await cohorts.use_invite(turn.session, invite=invite)
    await set_person_menu(turn)
    cohort = await cohorts.cohort_by_id(turn.session, cohort_id=invite.cohort_id)
    await turn.say(
        f"welcome.{invite.role.value}",
        cohort=cohort.name if cohort else "",
        name=turn.person.first_name or "",
    )
