"""A talk between a student and their confidant, relayed through the bot and never stored.

Each side opens a line by pressing a button; from then on their free text goes to the other
side until /cancel, another line, or the talk closes. A talk's row holds only who and when.
"""

from __future__ import annotations

from bot.runtime.incoming import Incoming
from bot.runtime.render import short_date
from bot.runtime.router import Router
from bot.runtime.turn import Choice, Turn
from flows.onboarding import Role
from flows.safety import relay_partner
from storage import cohorts, safety
from storage.models import Button, User
from storage.safety_models import WorryTalk


def register(router: Router) -> None:
    """Wire the talk's buttons."""
    router.action("w_write", open_line, once=False)  # a line is opened again and again
    router.action("w_close", close_talk)


def write_choice(
    turn: Turn, talk_id: int, name: str, key: str = "safety.btn_write"
) -> list[Choice]:
    """The button that opens a line to the other side of a talk."""
    return [Choice(turn.plain(key, name=name), "w_write", {"t": talk_id})]


def close_choice(turn: Turn, talk_id: int) -> list[Choice]:
    """The confidant's button that ends a talk."""
    return [turn.choice("safety.btn_close", "w_close", t=talk_id)]


async def notify_confidant(turn: Turn, talk: WorryTalk) -> None:
    """Tell the confidant who would like to talk, from which cohort and when; nothing else."""
    confidant = await turn.session.get(User, talk.confidant_id)
    cohort = await cohorts.cohort_by_id(turn.session, cohort_id=talk.cohort_id)
    if confidant is None or cohort is None:
        return
    student = turn.person.first_name or "?"
    await turn.use_cohort_time(talk.cohort_id)
    local = talk.created_at.astimezone(turn.time.zone)
    with turn.speaking(confidant.language):
        when = f"{short_date(talk.created_at, turn.language, turn.time.zone)} {local:%H:%M}"
        choices = [
            write_choice(turn, talk.id, student, "safety.btn_answer"),
            close_choice(turn, talk.id),
        ]
        await turn.say(
            "safety.request",
            student=student,
            cohort=cohort.name,
            when=when,
            chat_id=confidant.id,
            choices=choices,
        )


async def _talk_for(turn: Turn, talk_id: object) -> tuple[WorryTalk, int] | None:
    """The open talk and the other side, when the presser is one of its two sides and the
    confidant still is one: someone who left the role hears nothing more (the talk closes)."""
    if not isinstance(talk_id, int):
        return None
    talk = await safety.talk_by_id(turn.session, talk_id=talk_id)
    if talk is None or talk.closed_at is not None:
        return None
    confidants = await cohorts.members_with_role(
        turn.session, cohort_id=talk.cohort_id, role=Role.CONFIDANT
    )
    if talk.confidant_id not in confidants:
        await safety.close_talk(turn.session, talk=talk, now=turn.now)
        return None
    other = relay_partner(talk.student_id, talk.confidant_id, turn.person.id)
    return (talk, other) if other is not None else None


async def end_talks_of(turn: Turn, user_id: int) -> None:
    """Before an erasure: open talks close, and the other side hears it (not why)."""
    for talk in await safety.open_talks_of(turn.session, user_id=user_id):
        await safety.close_talk(turn.session, talk=talk, now=turn.now)
        other = relay_partner(talk.student_id, talk.confidant_id, user_id)
        await _tell_closed(turn, talk, other, name=await _name(turn, user_id))


async def _tell_closed(turn: Turn, talk: WorryTalk, to: int | None, *, name: str) -> None:
    """Tell one side that the talk closed; a confidant is not pointed to /worried."""
    user = await turn.session.get(User, to) if to is not None else None
    if user is None:
        return
    key = "safety.closed_confidant" if user.id == talk.confidant_id else "safety.closed"
    with turn.speaking(user.language):
        await turn.say(key, name=name, chat_id=user.id)


async def open_line(turn: Turn, incoming: Incoming, button: Button) -> None:
    """ "Write to" / "Answer": this person's next texts go to the other side of the talk."""
    found = await _talk_for(turn, button.args.get("t"))
    if found is None:
        await turn.answer("safety.talk_over", alert=True)
        return
    talk, other = found
    await safety.open_line(turn.session, user_id=turn.person.id, talk_id=talk.id, now=turn.now)
    if turn.person.id == talk.confidant_id and talk.answered_at is None:
        talk.answered_at = turn.now
    await turn.say("safety.line_open", name=await _name(turn, other))


async def close_talk(turn: Turn, incoming: Incoming, button: Button) -> None:
    """The confidant (or the student) closes the talk; both are told, both lines close."""
    found = await _talk_for(turn, button.args.get("t"))
    if found is None:
        await turn.answer("safety.talk_over", alert=True)
        return
    talk, other = found
    await safety.close_talk(turn.session, talk=talk, now=turn.now)
    await _tell_closed(turn, talk, turn.person.id, name=await _name(turn, other))
    await _tell_closed(turn, talk, other, name=turn.person.first_name or "?")


async def relay_line(turn: Turn, incoming: Incoming) -> bool:
    """Free text on an open line: passed on to the other side as written, never stored."""
    line = await safety.line_of(turn.session, user_id=turn.person.id)
    if line is None:
        return False
    found = await _talk_for(turn, line.talk_id)
    if found is None:
        await safety.close_line(turn.session, user_id=turn.person.id)
        await turn.say("safety.talk_over")
        return True
    talk, other = found
    recipient = await turn.session.get(User, other)
    if recipient is None:  # gone: never let a worry fall through to a coaching partner
        await safety.close_line(turn.session, user_id=turn.person.id)
        await turn.say("safety.talk_over")
        return True
    if recipient.unreachable_at is not None:  # blocked the bot: say so rather than drop it
        await turn.say("safety.unreachable", name=recipient.first_name or "?")
        return True
    writer = turn.person.first_name or "?"
    with turn.speaking(recipient.language):
        if turn.person.id == talk.confidant_id:
            talk.answered_at = talk.answered_at or turn.now
            await turn.say(
                "safety.from_confidant",
                name=writer,
                text=incoming.text,
                chat_id=other,
                choices=[write_choice(turn, talk.id, writer, "safety.btn_answer")],
            )
        else:
            # The confidant may have a line open to another student: it closes, so their next
            # words cannot reach the wrong student; the answer button here opens this one.
            their_line = await safety.line_of(turn.session, user_id=other)
            if their_line is not None and their_line.talk_id != talk.id:
                await safety.close_line(turn.session, user_id=other)
            cohort = await cohorts.cohort_by_id(turn.session, cohort_id=talk.cohort_id)
            await turn.say(
                "safety.from_student",
                name=writer,
                cohort=cohort.name if cohort else "",
                text=incoming.text,
                chat_id=other,
                choices=[
                    write_choice(turn, talk.id, writer, "safety.btn_answer"),
                    close_choice(turn, talk.id),
                ],
            )
    if turn.person.id == talk.confidant_id:  # with several talks, say where it went
        await turn.say("safety.sent_to", name=recipient.first_name or "?")
    return True


async def refuse_media(turn: Turn, incoming: Incoming) -> bool:
    """A photo or file on a line is not passed on (nor to a partner by mistake)."""
    if await safety.line_of(turn.session, user_id=turn.person.id) is None:
        return False
    await turn.say("safety.text_only")
    return True


async def cancel_line(turn: Turn) -> bool:
    """/cancel: the person's text no longer goes to the talk (the talk itself stays open)."""
    if turn.user is None:
        return False
    return await safety.close_line(turn.session, user_id=turn.user.id)


async def _name(turn: Turn, user_id: int) -> str:
    user = await turn.session.get(User, user_id)
    return (user.first_name if user else None) or "?"
