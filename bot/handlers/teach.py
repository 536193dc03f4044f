"""Issue 16: "ask my teacher" on the coach's card. The coach's teachers of that cohort hear who
asks and when, nothing else; the coach gets a kind confirmation; a second ask counts once."""

from __future__ import annotations

from bot.handlers.trajectory.core import day_label, moment_label, pair_of_button
from bot.runtime.incoming import Incoming
from bot.runtime.router import Router
from bot.runtime.turn import Turn
from flows.onboarding import Role
from flows.supervision import Answer, ask_teacher
from storage import cohorts, pairing, supervision
from storage.models import Button

ACTION = "teach_ask"  # the coach card's button (bot/handlers/trajectory/cards.py)


def register(router: Router) -> None:
    """Wire the button; it works once per card, and the flow counts repeated asks once."""
    router.action(ACTION, ask_my_teacher)


async def ask_my_teacher(turn: Turn, incoming: Incoming, button: Button) -> None:
    """Tell the coach's teachers that this coach asks for supervision, and when."""
    pair = await pair_of_button(turn, button)
    coach = turn.person
    if pair is None or not any(row.coach_id == coach.id for row in pair.rows):
        turn.refuse_press()
        await turn.answer("teach.ask_teacher_not_now")
        return
    cohort_id = pair.match.cohort_id
    teachers = await cohorts.members_with_role(turn.session, cohort_id=cohort_id, role=Role.TEACHER)
    contacts = await pairing.contacts(turn.session, user_ids=teachers)
    reachable = [c for c in contacts.values() if not c.unreachable]
    row = await supervision.last_ask(turn.session, cohort_id=cohort_id, user_id=coach.id)
    outcome = ask_teacher(
        teachers=len(reachable), last_ask=row.asked_at if row else None, now=turn.now
    )
    await turn.answer()
    if outcome.answer is Answer.NO_TEACHER:
        turn.refuse_press()  # nothing happened: the button may be tried again later
        # Teachers who blocked the bot are there, just out of reach: say so, not "none".
        await turn.say("teach.ask_teacher_unreachable" if teachers else "teach.ask_teacher_none")
        return
    if outcome.answer is Answer.KNOWN and outcome.since is not None:
        since = day_label(turn, outcome.since.astimezone(turn.time.zone).date())
        await turn.say("teach.ask_teacher_known", since=since)
        return
    await supervision.record_ask(
        turn.session, cohort_id=cohort_id, user_id=coach.id, row=row, now=turn.now
    )
    cohort = await cohorts.cohort_by_id(turn.session, cohort_id=cohort_id)
    for teacher in reachable:
        with turn.speaking(teacher.language):
            await turn.say(
                "teach.ask_teacher_notice",
                chat_id=teacher.id,
                name=coach.first_name or "?",
                cohort=cohort.name if cohort else "",
                moment=moment_label(turn, turn.now),
            )
    await turn.say("teach.ask_teacher_sent")
