"""The command line for privacy: export or erase someone on request, and a cohort's end date."""

from __future__ import annotations

import asyncio
from datetime import date
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncSession

from bot.clock import Clock, SystemClock
from bot.handlers.privacy.erase import erase_person
from bot.handlers.privacy.export import export_zip
from bot.i18n import Texts
from bot.runtime.turn import Turn
from bot.services import Services, make_bot
from bot.settings import Settings
from storage import cohorts, people, retention
from storage.db import Database
from storage.migrate import upgrade_to_head
from storage.models import utcnow

OFFLINE_TOKEN = "0:offline"  # replies go through the outbox; the running bot sends them


class RequestError(Exception):
    """A problem the operator can fix, said in one sentence."""


async def erase_on_request(settings: Settings, user_id: int, *, confirmed: bool) -> None:
    """Show who would be erased, ask (no transaction waits on the answer), erase in one go."""
    db = Database(settings.database_url)
    await upgrade_to_head(db)
    try:
        async with db.sessions() as session:
            who = await _describe(session, user_id)
        if who is None:
            raise RequestError(f"PeerCoach knows nothing about Telegram id {user_id}")
        print(f"About to erase {who}. Partners are told kindly; this cannot be undone.")
        if not confirmed:
            answer = await asyncio.to_thread(input, "Type 'erase' to go ahead: ")
            if answer.strip() != "erase":
                raise RequestError("nothing was erased")
        async with db.transaction() as session:
            await db.lock_conversation(session, f"user:{user_id}")
            await erase_person(_turn(settings, db, session), user_id)
    finally:
        await db.dispose()
    print(f"Erased everything about Telegram id {user_id}.")


async def export_on_request(settings: Settings, user_id: int, out: str | None) -> None:
    """Write the person's zip (the same one /privacy sends) to a file."""
    db = Database(settings.database_url)
    await upgrade_to_head(db)
    try:
        async with db.sessions() as session:
            data = await export_zip(_turn(settings, db, session), user_id)
    finally:
        await db.dispose()
    if data is None:
        raise RequestError(f"PeerCoach knows nothing about Telegram id {user_id}")
    path = Path(out or f"peercoach-{user_id}.zip")
    await asyncio.to_thread(path.write_bytes, data)
    print(f"Wrote {len(data)} bytes to {path}.")


async def set_cohort_end(
    settings: Settings, name: str, ends: str, *, clock: Clock | None = None
) -> None:
    """Give a cohort its end date, today or later; say when its content will be purged."""
    try:
        ends_on = date.fromisoformat(ends)
    except ValueError:
        raise RequestError(f"'{ends}' is not a date such as 2026-06-30") from None
    if ends_on < (clock or SystemClock()).now().astimezone(settings.zone).date():
        # The running bot would purge the cohort at once, with no warning: surely a typo.
        raise RequestError(f"{ends} has passed; give the cohort's last day, today or later")
    db = Database(settings.database_url)
    await upgrade_to_head(db)
    try:
        async with db.transaction() as session:
            cohort = await cohorts.cohort_by_name(session, name=" ".join(name.split()))
            if cohort is None:
                raise RequestError(f"there is no cohort named '{name}'; see: peercoach cohort list")
            purge_at = await retention.set_end(
                session,
                cohort=cohort,
                ends_on=ends_on,
                grace_days=settings.retention_grace_days,
                default_zone=settings.zone,
            )
    finally:
        await db.dispose()
    print(
        f"{cohort.name} ends on {ends_on.isoformat()}; its content will be purged on "
        f"{purge_at.date().isoformat()} (coordinators are warned two weeks before)."
    )


async def _describe(session: AsyncSession, user_id: int) -> str | None:
    """A line for the operator: the person's name and cohorts, or None when unknown."""
    user = await people.get_user(session, user_id=user_id)
    if user is None:
        return None
    groups = await cohorts.memberships_of(session, user_id=user_id)
    where = ", ".join(f"{m.cohort_name} ({m.role.value})" for m in groups) or "no cohort"
    return f"{user.first_name or 'someone without a name'} (Telegram id {user_id}; {where})"


def _turn(settings: Settings, db: Database, session: AsyncSession) -> Turn:
    """A turn for the command line; what it sends waits in the outbox for the running bot."""
    secret = settings.telegram_bot_token
    token = secret.get_secret_value() if secret is not None else OFFLINE_TOKEN
    services = Services(
        settings=settings,
        db=db,
        texts=Texts.load(),
        bot=make_bot(token, settings.telegram_api_base_url),
        clock=SystemClock(),
    )
    return Turn(services, session, utcnow(), chat_id=0, language=settings.default_language)
