"""Joining: /start with an invite code, choosing a language, and the privacy notice."""

from __future__ import annotations

from bot.handlers.help import language_choices, show_help
from bot.handlers.menus import set_person_menu
from bot.handlers.safety import consent as age_consent
from bot.runtime.incoming import Incoming
from bot.runtime.router import Presser, Router
from bot.runtime.turn import Turn
from flows.onboarding import (
    LANGUAGES,
    InviteFacts,
    InviteProblem,
    Onboarding,
    Role,
    invite_problem,
    language_card_holds,
    preselected_language,
    privacy_notice_key,
    stage_after_language,
)
from flows.safety.consent import PARENT_PREFIX, AgeBand
from storage import cohorts, consent, people
from storage.models import Button, Invite


def register(router: Router) -> None:
    """Wire the joining steps."""
    router.command("start", start, before_joining=True)
    router.action("lang", choose_language, presser=Presser.JOINING)
    router.action("consent", give_consent, presser=Presser.JOINING)
    router.action("no_consent", refuse_consent, presser=Presser.JOINING)
    router.action("consent_go", continue_after_parent, presser=Presser.JOINING)
    router.action("band", band_of_member)


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
    if code and code.startswith(PARENT_PREFIX):  # a parent's link, passed on by a student
        await age_consent.parent_link_opened(turn, code.removeprefix(PARENT_PREFIX))
        return
    if await age_consent.show_waiting_again(turn):  # still waiting for a parent
        return
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
        if not await age_consent.band_first(turn, invite):  # a student link asks the age band
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
    await turn.say("language.choose", choices=language_choices(turn, s=Onboarding.LANGUAGE.value))


async def choose_language(turn: Turn, incoming: Incoming, button: Button) -> None:
    """A language button: remember it, then continue joining or confirm the change."""
    language = button.args.get("lang")
    user = turn.user
    if user is None or language not in LANGUAGES:
        await turn.answer("fallback.stale_button", alert=True)
        return
    if incoming.message_id:
        await turn.clear_buttons(incoming.message_id)
    if not language_card_holds(button.args.get("s"), user.onboarding):
        await turn.answer("fallback.already_done")  # an older card: the language was chosen
        return
    user.language = turn.language = language
    await turn.say("language.chosen")
    user.onboarding = stage_after_language(user.onboarding)
    if user.onboarding is Onboarding.PRIVACY:
        await show_consent_question(turn)
    elif turn.joined:
        await set_person_menu(turn)  # the menu speaks the new language too


async def show_consent_question(turn: Turn) -> None:
    """The privacy notice with the question to accept it (a student gives their age band)."""
    code = turn.user.pending_invite if turn.user else None
    invite = await cohorts.get_invite(turn.session, code=code) if code else None
    notice = privacy_notice_key([invite.role] if invite else [])  # staff get their own
    text = f"{turn.text(notice)}\n\n{turn.text('privacy.ask')}"
    await turn.send_text(text, choices=await age_consent.consent_choices(turn, invite))


async def give_consent(turn: Turn, incoming: Incoming, button: Button) -> None:
    """Accepting the notice: store the name, then join the cohort of the pending invite."""
    user = turn.user
    if user is None or user.onboarding is not Onboarding.PRIVACY or turn.sender is None:
        await turn.answer("fallback.stale_button", alert=True)
        return
    if incoming.message_id:
        await turn.clear_buttons(incoming.message_id)
    band = button.args.get("b")
    invite = await cohorts.get_invite(turn.session, code=user.pending_invite or "")
    student = invite is not None and invite.role is Role.STUDENT and band in set(AgeBand)
    if (
        student
        and invite is not None
        and invite_problem(invite.code, _facts(invite), turn.now) is None
        and await age_consent.at_joining(turn, invite, AgeBand(str(band)))
    ):
        return  # a young student waits for a parent: no name, no membership yet
    await _finish_joining(turn)


async def band_of_member(turn: Turn, incoming: Incoming, button: Button) -> None:
    """Someone who joined before answers their age band for a new cohort's student link."""
    code, band = str(button.args.get("i", "")), button.args.get("b")
    invite = await cohorts.get_invite(turn.session, code=code)
    problem = invite_problem(code, _facts(invite), turn.now)
    if invite is None or problem is not None or band not in set(AgeBand):
        await turn.say(f"start.{(problem or InviteProblem.UNKNOWN).value}")
        return
    if incoming.message_id:
        await turn.clear_buttons(incoming.message_id)
    if not await age_consent.at_joining(turn, invite, AgeBand(str(band))):
        await join_with_invite(turn, invite)


async def continue_after_parent(turn: Turn, incoming: Incoming, button: Button) -> None:
    """A young student whose parent agreed taps to continue: now they join."""
    user = turn.user
    agreed = user is not None and await consent.parent_agreed(turn.session, user_id=user.id)
    if user is None or user.onboarding is not Onboarding.PARENT or not agreed:
        await turn.answer("fallback.stale_button", alert=True)
        return
    if incoming.message_id:
        await turn.clear_buttons(incoming.message_id)
    await _finish_joining(turn)


async def _finish_joining(turn: Turn) -> None:
    """Store the name now that consent is complete, then join the pending invite's cohort."""
    user, sender = turn.person, turn.sender
    assert sender is not None  # a private chat's update always has a sender
    await people.accept_privacy(
        turn.session,
        user=user,
        first_name=sender.first_name,
        username=sender.username,
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
        await consent.forget_person(turn.session, user_id=turn.user.id)  # a waiting student's
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
