"""`peercoach cohort country NAME NL|BE` (whose help lines a cohort's worry route shows) and
`peercoach cohort consent NAME school|parent` (how young students get consent)."""

from __future__ import annotations

import argparse
from typing import Any

from bot.settings import Settings
from flows.safety import COUNTRIES
from flows.safety.consent import Policy
from storage import cohorts, consent, safety
from storage.db import Database
from storage.migrate import upgrade_to_head
from storage.models import utcnow


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


def add_consent_parser(cohort_commands: Any) -> None:
    """The `cohort consent` subcommand."""
    parser = cohort_commands.add_parser(
        "consent",
        help="choose how a cohort's young students get consent",
        description="school: the school informed parents (confirm once with --informed-by); "
        "parent: a student under the age threshold gives a parent a link and waits for a yes "
        "(the default). The threshold follows the cohort's country (NL 16, BE 13) unless --age.",
    )
    parser.add_argument("name", help="the cohort's name")
    parser.add_argument("policy", choices=[p.value for p in Policy], help="school or parent")
    parser.add_argument("--age", type=int, choices=range(12, 19), help="the age threshold")
    parser.add_argument("--informed-by", help="who confirms that parents were informed")


async def set_consent(settings: Settings, args: argparse.Namespace) -> None:
    """Set a cohort's consent policy, threshold and the school's confirmation."""
    from bot.cli.main import CliError  # main imports this module: ask for it when running

    name = " ".join(args.name.split())
    policy = Policy(args.policy)
    if args.informed_by and policy is not Policy.SCHOOL:
        raise CliError("--informed-by goes with the policy 'school'")
    db = Database(settings.database_url)
    await upgrade_to_head(db)
    try:
        async with db.transaction() as session:
            cohort = await cohorts.cohort_by_name(session, name=name)
            if cohort is None:
                raise CliError(f"there is no cohort named '{name}' (see: peercoach cohort list)")
            await consent.set_policy(
                session, cohort_id=cohort.id, policy=policy, threshold=args.age
            )
            if args.informed_by:
                await consent.confirm_informed(
                    session,
                    cohort_id=cohort.id,
                    by_id=None,
                    by_name=args.informed_by,
                    now=utcnow(),
                )
    finally:
        await db.dispose()
    print(f"Cohort '{name}' now uses the consent policy '{policy.value}'.")
