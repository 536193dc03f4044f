"""/cohorttime for coordinators: a cohort's own time zone and quiet hours (a school abroad)."""

from __future__ import annotations

from collections.abc import Mapping

from bot.i18n import Html
from bot.runtime.incoming import Incoming
from bot.runtime.router import Router
from bot.runtime.turn import Choice, Turn
from flows.onboarding import Role
from flows.scheduling import QuietHours, is_known_zone
from storage import cohorts
from storage.models import Button

ACTION = "cohort_time"


def register(router: Router) -> None:
    """Wire /cohorttime and its cohort buttons."""
    router.command("cohorttime", cohort_time_command)
    router.action(ACTION, cohort_time_for)


async def cohort_time_command(turn: Turn, incoming: Incoming) -> None:
    """/cohorttime [ZONE] [HH:MM-HH:MM]: show the current ones, or set them."""
    mine = await _coordinated(turn)
    if not mine:
        await turn.say("cohort.time_not_allowed")
        return
    words = incoming.args.split()
    if not words:
        lines = [await _line(turn, membership) for membership in mine]
        await turn.say("cohort.time_usage", current=Html("\n".join(lines)))  # escaped per line
        return
    problem = _problem(words)
    if problem is not None:
        key, params = problem
        await turn.send_text(turn.text(key, **params))
        return
    zones, spans = _split(words)
    args = {"z": next(iter(zones), None), "q": next(iter(spans), None)}
    if len(mine) == 1:
        await _set(turn, mine[0].cohort_id, mine[0].cohort_name, args)
        return
    rows = [[Choice(m.cohort_name, ACTION, {"c": m.cohort_id, **args})] for m in mine]
    await turn.say("cohort.time_pick", choices=rows)


async def cohort_time_for(turn: Turn, incoming: Incoming, button: Button) -> None:
    """The cohort picked, checked again: roles can change after a button is sent."""
    mine = {m.cohort_id: m.cohort_name for m in await _coordinated(turn)}
    cohort_id = button.args.get("c")
    if cohort_id not in mine:
        await turn.answer("cohort.time_not_allowed", alert=True)
        return
    if incoming.message_id:
        await turn.clear_buttons(incoming.message_id)
    await _set(turn, cohort_id, mine[cohort_id], button.args)


async def _set(turn: Turn, cohort_id: int, name: str, args: Mapping[str, object]) -> None:
    cohort = await cohorts.cohort_by_id(turn.session, cohort_id=cohort_id)
    zone, span = args.get("z"), args.get("q")
    if cohort is None:
        return  # removed meanwhile: nothing left to set
    await cohorts.set_school_time(
        turn.session,
        cohort=cohort,
        timezone=zone if isinstance(zone, str) and is_known_zone(zone) else None,
        quiet=_quiet_hours(span) if isinstance(span, str) else None,
    )
    await turn.use_cohort_time(cohort_id)
    await turn.send_text(_described(turn, "cohort.time_set", name))


async def _line(turn: Turn, membership: cohorts.MembershipView) -> str:
    await turn.use_cohort_time(membership.cohort_id)
    return _described(turn, "cohort.time_current", membership.cohort_name)


def _described(turn: Turn, key: str, name: str) -> str:
    """A text about a cohort's zone and quiet hours (those the turn uses now)."""
    time, quiet = turn.time, turn.time.quiet
    return turn.text(
        key, name=name, zone=time.tz, start=f"{quiet.start:%H:%M}", end=f"{quiet.end:%H:%M}"
    )


async def _coordinated(turn: Turn) -> list[cohorts.MembershipView]:
    if turn.user is None:
        return []
    return await cohorts.memberships_of(turn.session, user_id=turn.user.id, role=Role.COORDINATOR)


def _split(words: list[str]) -> tuple[list[str], list[str]]:
    """The words that name a time zone, and those that look like quiet hours (21:00-08:00)."""
    zones = [word for word in words if is_known_zone(word)]
    return zones, [word for word in words if word not in zones and ":" in word]


def _problem(words: list[str]) -> tuple[str, dict[str, str]] | None:
    """What is wrong with the command's words, as a text key and its parameters, or None."""
    zones, spans = _split(words)
    unknown = [word for word in words if word not in zones and word not in spans]
    if unknown:
        return "cohort.time_bad_zone", {"zone": unknown[0]}
    if len(zones) > 1 or len(spans) > 1:
        return "cohort.time_usage", {"current": ""}
    if spans and _quiet_hours(spans[0]) is None:
        return "cohort.time_bad_quiet", {"quiet": spans[0]}
    return None


def _quiet_hours(text: str) -> QuietHours | None:
    try:
        return QuietHours.parse(text)
    except ValueError:
        return None
