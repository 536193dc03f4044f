"""/dashboard: a teacher or coordinator gets a one-time sign-in link to the staff dashboard.

The dashboard's round buttons do their work here, as timers in the coordinator's own
conversation: the dispatcher runs them with the usual locks, in one transaction.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession

from bot.handlers.pairing.ending import end_round as ending_round
from bot.handlers.pairing.ending import tell_coordinator
from bot.handlers.pairing.notices import to_coordinators
from bot.handlers.pairing.rounds import start_next
from bot.i18n import Html
from bot.runtime.handler_types import TimerHandler
from bot.runtime.incoming import Incoming
from bot.runtime.render import short_date
from bot.runtime.router import Router
from bot.runtime.turn import Turn
from bot.services import Services
from flows.dashboard import LINK_VALID, Attention, Funnel, needs_attention, next_digest
from flows.pairing.ending import RoundEnding
from storage import cohorts, dashboard, timers

SIGN_IN_PATH = "/dashboard/signin"
END_ROUND, NEXT_ROUND = "dash_end_round", "dash_next_round"
DIGEST, DIGEST_NAME = "dash_digest", "dashboard:digest"
DIGEST_NAMES = 25  # more names than this in a chat message: the page lists them all


def register(router: Router) -> None:
    """Wire /dashboard."""
    router.command("dashboard", dashboard_command)


def timer_handlers() -> dict[str, TimerHandler]:
    """What the dashboard's round buttons ask for, and the weekly digest."""
    return {END_ROUND: end_round, NEXT_ROUND: next_round, DIGEST: weekly_digest}


async def dashboard_command(turn: Turn, incoming: Incoming) -> None:
    """Staff get a link that works once for ten minutes; students a friendly no."""
    mine = await dashboard.staff_cohorts(turn.session, user_id=turn.person.id)
    if not mine:
        await turn.say("dashboard.not_allowed")
        return
    token = await dashboard.create_link(turn.session, user_id=turn.person.id, now=turn.now)
    settings = turn.services.settings
    base = settings.dashboard_url or turn.services.web_url or settings.local_url("")
    await turn.say(
        "dashboard.link",
        url=f"{base}{SIGN_IN_PATH}?t={token}",
        minutes=int(LINK_VALID.total_seconds() // 60),
    )


async def _coordinated(turn: Turn, timer: timers.DueTimer) -> int | None:
    """The cohort of the job, if the person still coordinates it (roles change)."""
    cohort_id = int(timer.payload["cohort_id"])
    if turn.user is None:
        return None
    if not await dashboard.is_coordinator(turn.session, user_id=turn.user.id, cohort_id=cohort_id):
        return None
    return cohort_id


async def end_round(turn: Turn, timer: timers.DueTimer) -> None:
    """End the round the page showed, keeping or closing its pairs as the coordinator chose."""
    cohort_id = await _coordinated(turn, timer)
    cohort = await cohorts.cohort_by_id(turn.session, cohort_id=cohort_id) if cohort_id else None
    if cohort_id is None or cohort is None:
        return
    try:
        ending = RoundEnding(str(timer.payload.get("ending")))
    except ValueError:
        return  # the form always sends a choice; an old job without one ends nothing
    ended = await ending_round(turn, cohort_id, int(timer.payload["round"]), ending, cohort.name)
    await tell_coordinator(turn, ended, ending, cohort.name)


async def next_round(turn: Turn, timer: timers.DueTimer) -> None:
    """A proposal for the next round, shown in the coordinator's chat to adjust and confirm."""
    cohort_id = await _coordinated(turn, timer)
    if cohort_id is not None:
        await start_next(turn, cohort_id)


async def plan_digest(services: Services) -> None:
    """At start: the weekly digest is on the calendar (once, whichever process comes first)."""
    if not services.settings.weekly_digest:
        return
    async with services.db.transaction() as session:
        await _plan(session, services.clock.now(), services.settings.zone)


async def _plan(session: AsyncSession, now: datetime, zone: ZoneInfo) -> None:
    await dashboard.keep_planned(
        session,
        name=DIGEST_NAME,
        conversation="system:digest",
        kind=DIGEST,
        due_at=next_digest(now, zone),
    )


async def weekly_digest(turn: Turn, timer: timers.DueTimer) -> None:
    """Monday morning: each cohort's coordinators get its numbers and who needs attention."""
    if not turn.services.settings.weekly_digest:
        return  # switched off since it was planned: it stops here
    for cohort_id, name in await dashboard.digest_cohorts(turn.session):
        funnel = await dashboard.funnel(turn.session, cohort_id=cohort_id)
        facts = await dashboard.student_facts(turn.session, cohort_id=cohort_id)
        attention = needs_attention(facts, turn.now)
        await turn.use_cohort_time(cohort_id)
        await to_coordinators(
            turn,
            cohort_id,
            lambda: _digest(turn, name, funnel, attention),  # noqa: B023
        )
    # Next week's: the same timer moved on (a moved timer is not marked fired after this).
    await timers.schedule(
        turn.session,
        conversation=timer.conversation,
        kind=DIGEST,
        due_at=next_digest(turn.now, turn.services.settings.zone),
        name=DIGEST_NAME,
    )


def _digest(turn: Turn, cohort: str, funnel: Funnel, attention: list[Attention]) -> str:
    """The digest in the turn's language: numbers, then first names with reasons."""
    zone = turn.time.zone
    lines = [
        turn.text(
            "dashboard.digest_line",
            name=person.first_name,
            reasons="; ".join(
                turn.plain(
                    f"dashboard.web.reason.{reason.value}",
                    date=short_date(when, turn.language, zone) if when else "",
                )
                for reason, when in person.reasons
            ),
        )
        for person in attention[:DIGEST_NAMES]
    ]
    if len(attention) > DIGEST_NAMES:
        lines.append(turn.text("dashboard.digest_more", count=len(attention) - DIGEST_NAMES))
    who = "\n".join(lines) if lines else turn.text("dashboard.digest_nobody")
    return turn.text(
        "dashboard.digest",
        cohort=cohort,
        joined=funnel.joined,
        in_pool=funnel.in_pool,
        paired=funnel.paired,
        closed=funnel.closed,
        dissolved=funnel.dissolved,
        attention=Html(who),
    )
