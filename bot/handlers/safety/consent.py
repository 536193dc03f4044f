"""Age-aware consent: the age band at joining, the parent link, withdrawal, the pool's check."""

from __future__ import annotations

from bot.runtime.incoming import Incoming
from bot.runtime.router import Presser, Router
from bot.runtime.turn import Choice, Turn
from flows.onboarding import Onboarding, Role, preselected_language
from flows.safety.consent import (
    PARENT_PREFIX,
    AgeBand,
    Path,
    join_path,
    link_problem,
    pool_block,
    threshold_for,
)
from storage import cohorts, consent, pairing, people, safety
from storage.consent_models import StudentConsent
from storage.models import Button, Invite, User
from storage.pairing_models import PoolStatus


def register(router: Router) -> None:
    """Wire the parent's buttons (a parent never joins) and the withdrawal."""
    router.action("pc_yes", parent_agrees, presser=Presser.ANYONE)
    router.action("pc_no", parent_declines, presser=Presser.ANYONE)
    router.action("pc_withdraw", parent_withdraws, presser=Presser.ANYONE)
    router.on_joining(waiting_note)  # /pool, text or an old button while waiting


async def threshold_of(turn: Turn, cohort_id: int) -> int:
    """The cohort's age threshold: its own, else its country's (16 NL, 13 BE)."""
    settings = await consent.policy_of(turn.session, cohort_id=cohort_id)
    default = turn.services.settings.default_country
    country = await safety.country_of(turn.session, cohort_id=cohort_id, default=default)
    return threshold_for(country, settings.age_threshold)


async def consent_choices(turn: Turn, invite: Invite | None) -> list[list[Choice]]:
    """The notice's buttons: a student accepts with their age band, anyone else just accepts."""
    decline = [turn.choice("privacy.decline", "no_consent")]
    if invite is None or invite.role is not Role.STUDENT:
        return [[turn.choice("privacy.accept", "consent"), decline[0]]]
    age = await threshold_of(turn, invite.cohort_id)
    return [
        [Choice(turn.plain("consent.accept_older", age=age), "consent", {"b": AgeBand.OLDER})],
        [Choice(turn.plain("consent.accept_young", age=age), "consent", {"b": AgeBand.YOUNG})],
        decline,
    ]


def parent_link(turn: Turn, code: str) -> str:
    """The deep link a young student passes on to a parent."""
    return f"https://t.me/{turn.services.bot_username}?start={PARENT_PREFIX}{code}"


async def band_first(turn: Turn, invite: Invite) -> bool:
    """A joined person with a new cohort's student link: ask their age band first (True)."""
    if invite.role is not Role.STUDENT:
        return False
    known = await consent.student_consent(
        turn.session, user_id=turn.person.id, cohort_id=invite.cohort_id
    )
    if known is not None and known.parent_code is None:
        return False  # answered before, and no parent is needed
    if known is not None and known.agreed_at is None:
        await show_waiting(turn, known)  # still waiting for a parent
        return True
    if known is not None:
        return False
    age = await threshold_of(turn, invite.cohort_id)
    args = {"i": invite.code}
    choices = [
        [Choice(turn.plain("consent.band_older", age=age), "band", {**args, "b": AgeBand.OLDER})],
        [Choice(turn.plain("consent.band_young", age=age), "band", {**args, "b": AgeBand.YOUNG})],
    ]
    await turn.say("consent.band_ask", choices=choices)
    return True


async def at_joining(turn: Turn, invite: Invite, band: AgeBand) -> bool:
    """Record a student's age band; True when they now wait for a parent instead of joining."""
    settings = await consent.policy_of(turn.session, cohort_id=invite.cohort_id)
    path = join_path(band, settings.policy)
    row = await consent.record_student(
        turn.session,
        user_id=turn.person.id,
        cohort_id=invite.cohort_id,
        band=band,
        policy=settings.policy,
        with_parent_link=path is Path.ASK_PARENT,
        now=turn.now,
    )
    if path is Path.JOIN:
        return False
    if turn.person.onboarding is not Onboarding.DONE:
        turn.person.onboarding = Onboarding.PARENT  # no name, no membership until a parent agrees
    await show_waiting(turn, row)
    return True


async def show_waiting(turn: Turn, row: StudentConsent) -> None:
    """Tell a waiting student what to pass on to a parent, and that /help still works."""
    cohort = await cohorts.cohort_by_id(turn.session, cohort_id=row.cohort_id)
    await turn.say(
        "consent.ask_parent",
        cohort=cohort.name if cohort else "",
        link=parent_link(turn, row.parent_code or ""),
        choices=[[turn.choice("consent.stop", "no_consent")]],
    )


async def show_waiting_again(turn: Turn) -> bool:
    """A waiting student's /start: the parent link again, or the step that fits now that a
    parent answered (False: not waiting)."""
    return await _while_waiting(turn, again=True)


async def waiting_note(turn: Turn, incoming: Incoming | None = None) -> bool:
    """A waiting student's /help, /pool, text or old button: one answer that fits their case,
    the wait with what they can do meanwhile, or the parent's yes (False: not waiting)."""
    return await _while_waiting(turn, again=False)


async def _while_waiting(turn: Turn, *, again: bool) -> bool:
    user = turn.user
    if user is None or user.onboarding is not Onboarding.PARENT:
        return False
    row = await consent.waiting_of(turn.session, user_id=user.id)
    if row is not None and again:
        await show_waiting(turn, row)
    elif row is not None:
        cohort = await cohorts.cohort_by_id(turn.session, cohort_id=row.cohort_id)
        await turn.say(
            "consent.waiting_help",
            cohort=cohort.name if cohort else "",
            link=parent_link(turn, row.parent_code or ""),
            choices=[[turn.choice("consent.stop", "no_consent")]],
        )
    elif await consent.parent_agreed(turn.session, user_id=user.id):
        go = turn.choice("consent.btn_continue", "consent_go")
        await turn.say("consent.yes_waits_for_you", choices=[[go]])
    else:  # the parent agreed and withdrew before the student finished joining
        await turn.say("consent.waiting_withdrawn")
    return True


async def may_join_pool(turn: Turn, cohort_id: int) -> bool:
    """True when consent lets the student into the pool; otherwise they are told why, kindly."""
    row = await consent.student_consent(turn.session, user_id=turn.person.id, cohort_id=cohort_id)
    settings = await consent.policy_of(turn.session, cohort_id=cohort_id)
    block = pool_block(consent.facts(row), school_confirmed=settings.informed_at is not None)
    if block is None:
        return True
    turn.refuse_press()
    await turn.answer()
    await turn.say(f"consent.pool_{block.value}")
    return False


# --- The parent's side ------------------------------------------------------------------------


async def _speak_as_opener(turn: Turn) -> None:
    if turn.user is None or not turn.user.language:
        code = turn.sender.language_code if turn.sender else None
        turn.language = preselected_language(code, turn.services.settings.default_language)


async def _checked(turn: Turn, code: str) -> StudentConsent | None:
    """The consent behind a parent link, if this opener may answer it (else told why)."""
    row = await consent.by_code(turn.session, code=code)
    in_cohort = row is not None and await consent.in_cohort(
        turn.session, user_id=turn.chat_id, cohort_id=row.cohort_id
    )
    problem = link_problem(
        found=row is not None,
        opener_id=turn.chat_id,
        student_id=row.user_id if row else 0,
        opener_in_cohort=in_cohort,
        agreed_by=row.parent_chat_id if row else None,
    )
    if problem is not None:
        await turn.say(f"consent.link_{problem.value}")
        return None
    return row


async def parent_link_opened(turn: Turn, code: str) -> None:
    """/start parent-CODE: the notice for a parent with agree/decline, or withdraw if agreed."""
    await _speak_as_opener(turn)
    row = await _checked(turn, code)
    if row is None:
        return
    cohort = await cohorts.cohort_by_id(turn.session, cohort_id=row.cohort_id)
    name = cohort.name if cohort else ""
    if row.agreed_at is not None and row.withdrawn_at is None:
        withdraw = turn.choice("consent.btn_withdraw", "pc_withdraw", code=code)
        await turn.say("consent.parent_agreed_before", cohort=name, choices=[[withdraw]])
        return
    agree = turn.choice("consent.btn_agree", "pc_yes", code=code)
    rows = [[agree]]
    if row.agreed_at is None:  # a parent who withdrew may agree again; no refusal to repeat
        rows.append([turn.choice("consent.btn_decline", "pc_no", code=code)])
    await turn.say("consent.parent_notice", cohort=name, choices=rows)


async def parent_agrees(turn: Turn, incoming: Incoming, button: Button) -> None:
    """A parent agrees: the student may join (or, after a withdrawal, take part again)."""
    await _speak_as_opener(turn)
    row = await _checked(turn, str(button.args.get("code", "")))
    if row is None or (row.agreed_at is not None and row.withdrawn_at is None):
        await turn.answer("fallback.stale_button", alert=True)
        return
    await turn.answer()
    if incoming.message_id:
        await turn.clear_buttons(incoming.message_id)
    row.agreed_at, row.withdrawn_at, row.parent_chat_id = turn.now, None, turn.chat_id
    await turn.say("consent.parent_thanks")
    student = await turn.session.get(User, row.user_id)
    if student is None:
        return
    with turn.speaking(student.language):
        if student.onboarding is Onboarding.PARENT:
            go = turn.choice("consent.btn_continue", "consent_go")
            await turn.say("consent.student_yes", chat_id=student.id, choices=[[go]])
        elif not await consent.in_cohort(turn.session, user_id=student.id, cohort_id=row.cohort_id):
            # Joined elsewhere before: their name is kept already, so they join right now.
            await cohorts.join_cohort(
                turn.session,
                user_id=student.id,
                cohort_id=row.cohort_id,
                role=Role.STUDENT,
                now=turn.now,
            )
            cohort = await cohorts.cohort_by_id(turn.session, cohort_id=row.cohort_id)
            name = cohort.name if cohort else ""
            await turn.say("consent.student_yes_joined", chat_id=student.id, cohort=name)
        else:
            await turn.say("consent.student_yes_again", chat_id=student.id)


async def parent_declines(turn: Turn, incoming: Incoming, button: Button) -> None:
    """A parent says no: the waiting student is forgotten and told kindly."""
    await _speak_as_opener(turn)
    row = await _checked(turn, str(button.args.get("code", "")))
    if row is None or row.agreed_at is not None:
        await turn.answer("fallback.stale_button", alert=True)
        return
    await turn.answer()
    if incoming.message_id:
        await turn.clear_buttons(incoming.message_id)
    await turn.say("consent.parent_declined")
    student_id = row.user_id
    student = await turn.session.get(User, student_id)
    if student is None:
        return
    with turn.speaking(student.language):
        await turn.say("consent.student_no", chat_id=student_id)
    if student.onboarding is not Onboarding.DONE:
        await consent.forget_person(turn.session, user_id=student_id)
        await people.forget_user(turn.session, user_id=student_id)


async def parent_withdraws(turn: Turn, incoming: Incoming, button: Button) -> None:
    """A parent withdraws: the student leaves the pool, is paused and is offered erasure."""
    await _speak_as_opener(turn)
    row = await _checked(turn, str(button.args.get("code", "")))
    if row is None or row.agreed_at is None or row.withdrawn_at is not None:
        await turn.answer("fallback.stale_button", alert=True)
        return
    await turn.answer()
    if incoming.message_id:
        await turn.clear_buttons(incoming.message_id)
    row.withdrawn_at = turn.now
    entry = await pairing.pool_entry(turn.session, cohort_id=row.cohort_id, user_id=row.user_id)
    if entry is not None and entry.status is PoolStatus.ACTIVE:
        await pairing.leave_pool(turn.session, entry=entry, now=turn.now)
    await turn.say("consent.parent_withdrew")
    student = await turn.session.get(User, row.user_id)
    if student is None:
        return
    with turn.speaking(student.language):
        erase = turn.choice("privacy.forget", "forget")
        await turn.say("consent.student_withdrawn", chat_id=student.id, choices=[[erase]])
