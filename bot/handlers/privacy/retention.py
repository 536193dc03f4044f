"""Retention: a coordinator sets a cohort's last day (/enddate), is warned two weeks before its
content is purged, may take its metadata as CSV, and the purge itself runs as a timer."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime, time

from bot.handlers.pairing.notices import to_coordinators
from bot.runtime.handler_types import TimerHandler
from bot.runtime.incoming import Incoming
from bot.runtime.render import short_date
from bot.runtime.router import Router
from bot.runtime.turn import Choice, Turn
from flows.onboarding import Role
from flows.privacy.retention import WARN_BEFORE, example_end_year, parse_end_date
from storage import cohorts, retention, timers
from storage.models import Button

CSV_ACTION, END_ACTION = "ret_csv", "ret_end"
CSV_COLUMNS = ("first_name", "role", "joined", "in_pairing_pool", "steps", "conversations")


def register(router: Router) -> None:
    """Wire /enddate and the metadata button of the warning."""
    router.command("enddate", end_date_command)
    router.action(END_ACTION, end_date_for_cohort)
    router.action(CSV_ACTION, send_metadata)


async def end_date_command(turn: Turn, incoming: Incoming) -> None:
    """/enddate DATE: a coordinator sets their cohort's last day (picking one if several)."""
    mine = await cohorts.memberships_of(turn.session, user_id=turn.chat_id, role=Role.COORDINATOR)
    ends_on = parse_end_date(incoming.args)
    if not mine:
        await turn.say("retention.not_allowed")
    elif ends_on is None:
        await turn.say("retention.usage", year=str(example_end_year(turn.now.date())))
    elif len(mine) == 1:
        await _set_end(turn, mine[0].cohort_id, ends_on)
    else:
        day = ends_on.isoformat()
        rows = [[Choice(m.cohort_name, END_ACTION, {"c": m.cohort_id, "d": day})] for m in mine]
        await turn.say("retention.pick", choices=rows)


async def end_date_for_cohort(turn: Turn, incoming: Incoming, button: Button) -> None:
    """The cohort picked for /enddate, checked again: roles can change after a button is sent."""
    mine = await cohorts.memberships_of(turn.session, user_id=turn.chat_id, role=Role.COORDINATOR)
    cohort_id, ends_on = button.args.get("c"), parse_end_date(str(button.args.get("d", "")))
    if ends_on is None or cohort_id not in {m.cohort_id for m in mine}:
        await turn.answer("retention.not_allowed", alert=True)
        return
    if incoming.message_id:
        await turn.clear_buttons(incoming.message_id)
    await _set_end(turn, cohort_id, ends_on)


async def _set_end(turn: Turn, cohort_id: int, ends_on: date) -> None:
    cohort = await cohorts.cohort_by_id(turn.session, cohort_id=cohort_id)
    if cohort is None:
        return
    await turn.use_cohort_time(cohort_id)  # the dates shown where the school is, as the purge
    zone = turn.time.zone
    ends = short_date(datetime.combine(ends_on, time(12), zone), turn.language, zone)
    if ends_on < turn.now.astimezone(zone).date():
        # A last day in the past would purge the group at once: surely a typo, and not undoable.
        await turn.say("retention.past", ends=ends)
        return
    settings = turn.services.settings
    purge_at = await retention.set_end(
        turn.session,
        cohort=cohort,
        ends_on=ends_on,
        grace_days=settings.retention_grace_days,
        default_zone=settings.zone,
    )
    await turn.say(
        "retention.end_set",
        cohort=cohort.name,
        ends=ends,
        purge=short_date(purge_at, turn.language, zone),
    )


def timer_handlers() -> dict[str, TimerHandler]:
    """The warning two weeks before, and the purge."""
    return {retention.WARN_KIND: warn, retention.PURGE_KIND: purge}


async def warn(turn: Turn, timer: timers.DueTimer) -> None:
    """Tell the coordinators when the content goes, with a button for the metadata."""
    cohort = await cohorts.cohort_by_id(turn.session, cohort_id=timer.payload["cohort_id"])
    if cohort is None or cohort.purged_at is not None or cohort.ends_on is None:
        return
    purge_at = timer.due_at + WARN_BEFORE
    await turn.use_cohort_time(cohort.id)
    zone = turn.time.zone
    await to_coordinators(
        turn,
        cohort.id,
        lambda: turn.text(
            "retention.warning",
            cohort=cohort.name,
            date=short_date(purge_at, turn.language, zone),
        ),
        lambda: [[turn.choice("retention.btn_csv", CSV_ACTION, c=cohort.id)]],
    )


async def purge(turn: Turn, timer: timers.DueTimer) -> None:
    """Purge the content; the coordinators hear it is done (before they may go themselves)."""
    cohort = await cohorts.cohort_by_id(turn.session, cohort_id=timer.payload["cohort_id"])
    if cohort is None or cohort.purged_at is not None:
        return
    name = cohort.name
    await to_coordinators(turn, cohort.id, lambda: turn.text("retention.purged", cohort=name))
    await retention.purge(turn.session, cohort_id=cohort.id, now=turn.now)


async def send_metadata(turn: Turn, incoming: Incoming, button: Button) -> None:
    """The cohort's metadata as CSV for its coordinator: names, roles, steps; no content."""
    cohort_id = button.args.get("c")
    mine = await cohorts.memberships_of(turn.session, user_id=turn.chat_id, role=Role.COORDINATOR)
    cohort = next((m for m in mine if m.cohort_id == cohort_id), None)
    if cohort is None:
        await turn.answer("retention.not_yours", alert=True)
        return
    await turn.answer()
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    await turn.use_cohort_time(cohort.cohort_id)
    for row in await retention.metadata(turn.session, cohort_id=cohort.cohort_id):
        joined = row.joined_at.astimezone(turn.time.zone).date().isoformat()
        writer.writerow(
            (row.first_name, row.role, joined, row.in_pool, row.steps, row.conversations)
        )
    data = buffer.getvalue().encode("utf-8-sig")  # the BOM makes spreadsheets read UTF-8
    caption = turn.text("retention.csv_caption", cohort=cohort.cohort_name)
    await turn.send_document(f"{cohort.cohort_name}.csv", data, caption=caption)
