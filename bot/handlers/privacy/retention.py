"""Retention: coordinators are warned two weeks before a cohort's content is purged, may take
its metadata as CSV, and the purge itself runs as a timer."""

from __future__ import annotations

import csv
import io

from bot.handlers.pairing.notices import to_coordinators
from bot.runtime.dispatcher import TimerHandler
from bot.runtime.incoming import Incoming
from bot.runtime.render import short_date
from bot.runtime.router import Router
from bot.runtime.turn import Turn
from flows.onboarding import Role
from flows.privacy.retention import WARN_BEFORE
from storage import cohorts, retention, timers
from storage.models import Button

CSV_ACTION = "ret_csv"
CSV_COLUMNS = ("first_name", "role", "joined", "in_pairing_pool", "steps", "conversations")


def register(router: Router) -> None:
    """Wire the metadata button of the warning."""
    router.action(CSV_ACTION, send_metadata)


def timer_handlers() -> dict[str, TimerHandler]:
    """The warning two weeks before, and the purge."""
    return {retention.WARN_KIND: warn, retention.PURGE_KIND: purge}


async def warn(turn: Turn, timer: timers.DueTimer) -> None:
    """Tell the coordinators when the content goes, with a button for the metadata."""
    cohort = await cohorts.cohort_by_id(turn.session, cohort_id=timer.payload["cohort_id"])
    if cohort is None or cohort.purged_at is not None or cohort.ends_on is None:
        return
    purge_at = timer.due_at + WARN_BEFORE
    zone = turn.services.settings.zone
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
    for row in await retention.metadata(turn.session, cohort_id=cohort.cohort_id):
        joined = row.joined_at.astimezone(turn.services.settings.zone).date().isoformat()
        writer.writerow(
            (row.first_name, row.role, joined, row.in_pool, row.steps, row.conversations)
        )
    data = buffer.getvalue().encode("utf-8-sig")  # the BOM makes spreadsheets read UTF-8
    caption = turn.text("retention.csv_caption", cohort=cohort.cohort_name)
    await turn.send_document(f"{cohort.cohort_name}.csv", data, caption=caption)
