"""`peercoach cohort country NAME NL|BE` (whose help lines a cohort's worry route shows) and
`peercoach cohort pledge NAME on|off` (the confidentiality pledge before partners chat)."""

from __future__ import annotations

import argparse
from typing import Any

from bot.settings import Settings
from flows.safety import COUNTRIES
from storage import cohorts, safety
from storage.db import Database
from storage.migrate import upgrade_to_head


def add_parser(cohort_commands: Any) -> None:
    """The `cohort country` subcommand."""
    country = cohort_commands.add_parser(
        "country",
        help="set the country whose help lines a cohort's students see",
        description="Set the country whose national help lines the worry route shows to a "
        "cohort's students (unset: DEFAULT_COUNTRY).",
    )
    country.add_argument("name", help="the cohort's name")
    country.add_argument("country", type=str.upper, choices=sorted(COUNTRIES), help="NL or BE")


async def set_country(settings: Settings, args: argparse.Namespace) -> None:
    """Give a cohort its country."""
    from bot.cli.main import CliError  # main imports this module: ask for it when running

    name = " ".join(args.name.split())
    db = Database(settings.database_url)
    await upgrade_to_head(db)
    try:
        async with db.transaction() as session:
            cohort = await cohorts.cohort_by_name(session, name=name)
            if cohort is None:
                raise CliError(f"there is no cohort named '{name}' (see: peercoach cohort list)")
            await safety.set_country(session, cohort_id=cohort.id, country=args.country)
    finally:
        await db.dispose()
    print(f"Cohort '{name}' now shows the help lines of {args.country}.")


def add_pledge_parser(cohort_commands: Any) -> None:
    """The `cohort pledge` subcommand."""
    pledge = cohort_commands.add_parser(
        "pledge",
        help="ask a cohort's partners to promise confidentiality before they chat",
        description="On: nothing is relayed between partners until every member of the match "
        "has agreed to the confidentiality pledge. Off (the default): no pledge is asked.",
    )
    pledge.add_argument("name", help="the cohort's name")
    pledge.add_argument("switch", choices=["on", "off"], help="on or off")


async def set_pledge(settings: Settings, args: argparse.Namespace) -> None:
    """Switch the pledge on or off for a cohort."""
    from bot.cli.main import CliError  # main imports this module: ask for it when running

    name = " ".join(args.name.split())
    db = Database(settings.database_url)
    await upgrade_to_head(db)
    try:
        async with db.transaction() as session:
            cohort = await cohorts.cohort_by_name(session, name=name)
            if cohort is None:
                raise CliError(f"there is no cohort named '{name}' (see: peercoach cohort list)")
            await safety.set_pledge(session, cohort_id=cohort.id, required=args.switch == "on")
    finally:
        await db.dispose()
    print(f"Cohort '{name}' {'asks' if args.switch == 'on' else 'no longer asks'} for the pledge.")
