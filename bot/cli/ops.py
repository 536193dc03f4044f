"""`peercoach ops-link`: a one-time sign-in link to the operations view, for the IT contact.

Whoever runs the server may see how the bot is doing; the link opens only the operations
view (counts and times), never a cohort, a student or a form."""

from __future__ import annotations

import argparse
from typing import Any

from bot.settings import Settings
from flows.dashboard import LINK_VALID, Scope
from storage import dashboard
from storage.db import Database
from storage.migrate import upgrade_to_head
from storage.models import utcnow


def add_parser(commands: Any) -> None:
    """The `ops-link` subcommand."""
    commands.add_parser(
        "ops-link",
        help="print a one-time sign-in link to the operations view (for IT)",
        description="Print a sign-in link to the dashboard's operations view: delivery "
        "backlog, last update, errors per hour and database size, no personal data. "
        "It works once, for ten minutes; the session it starts opens nothing else. "
        "The link uses DASHBOARD_URL when set, else this machine's own web address.",
    )


async def ops_link(settings: Settings, args: argparse.Namespace) -> None:
    """Store a new operations-only link and print it."""
    print(await make_ops_link(settings))


async def make_ops_link(settings: Settings) -> str:
    """The lines to print: the link, how long it works and what it opens."""
    # Asked for here: the handlers' imports need not load for every other command.
    from bot.handlers.dashboard import SIGN_IN_PATH

    db = Database(settings.database_url)
    await upgrade_to_head(db)
    try:
        async with db.transaction() as session:
            token = await dashboard.create_link(
                session, user_id=None, scope=Scope.OPS, now=utcnow()
            )
    finally:
        await db.dispose()
    address = settings.dashboard_url or settings.local_url("")
    minutes = int(LINK_VALID.total_seconds() // 60)
    return (
        f"Sign-in link to the operations view (works once, for {minutes} minutes):\n"
        f"  {address}{SIGN_IN_PATH}?t={token}\n"
        "It shows the bot's backlog, errors and database size; no students, no groups."
    )
