"""The `peercoach` command: run the bot, migrate, manage cohorts and invites, try the demo."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import signal
import sys
from collections.abc import Callable, Coroutine, Sequence
from typing import Any
from zoneinfo import ZoneInfo

from telegram.error import InvalidToken, TelegramError

from bot.cli import ops as ops_cli  # `peercoach ops-link` (issue 17)
from bot.cli import pairing as pairing_cli  # `peercoach pair` (issue 4)
from bot.cli import privacy as privacy_cli  # `peercoach erase`, `export`, `retention` (issue 14)
from bot.cli import safety as safety_cli  # `peercoach cohort country` (issue 13)
from bot.cli.startup import explain, missing_sqlite_folder
from bot.logs import configure_logging
from bot.runtime.render import deep_link, short_date
from bot.services import make_bot
from bot.settings import Settings, SettingsError, load_settings
from flows.onboarding import Role, valid_cohort_name
from flows.scheduling import QuietHours, is_known_zone
from storage import cohorts
from storage.db import Database
from storage.migrate import upgrade_to_head
from storage.models import utcnow

EXIT_USAGE = 2


class CliError(Exception):
    """A problem the operator can fix; printed as one sentence."""


def parser() -> argparse.ArgumentParser:
    """The command line: subcommands with their own --help."""
    main = argparse.ArgumentParser(
        prog="peercoach",
        description="PeerCoach: a Telegram bot with which students coach each other.",
        epilog="Settings come from the environment or a .env file; see the README.",
    )
    commands = main.add_subparsers(dest="command", required=True, metavar="COMMAND")
    commands.add_parser(
        "run",
        help="run the bot (applies migrations first)",
        description="Run the bot with polling, or a webhook if WEBHOOK_URL is set.",
    )
    commands.add_parser(
        "migrate",
        help="bring the database schema up to date",
        description="Apply the database migrations and exit.",
    )
    demo = commands.add_parser(
        "demo",
        help="try everything locally in a browser, no token needed",
        description="Start the bot against the built-in Telegram emulator "
        "and open a page where several people chat side by side.",
    )
    demo.add_argument("--port", type=int, default=8765, help="port of the page (default 8765)")
    demo.add_argument("--db", help="SQLite file to keep (default: a temporary one)")
    demo.add_argument("--no-browser", action="store_true", help="do not open a browser")

    health_check = commands.add_parser(
        "health",
        help="exit 0 when the running bot is alive (for Docker)",
        description="Ask the bot running on this machine (its /healthz, with the same "
        "settings) whether it is alive.",
    )
    health_check.add_argument(
        "--ready",
        action="store_true",
        help="ask /readyz instead: the database answers and Telegram was reached recently",
    )
    cohort = commands.add_parser(
        "cohort", help="create and list cohorts", description="Create and list cohorts."
    )
    cohort_commands = cohort.add_subparsers(dest="cohort_command", required=True, metavar="ACTION")
    create = cohort_commands.add_parser(
        "create",
        help="create a cohort and print its invite links",
        description="Create a cohort and print four invite links: "
        "students, teacher, coordinator and confidant.",
    )
    create.add_argument("name", help="the cohort's name, e.g. '5B Peer coaching'")
    create.add_argument(
        "--bot-username", help="the bot's @username (asked from Telegram if omitted)"
    )
    school_time = cohort_commands.add_parser(
        "set",
        help="give a cohort its own time zone and quiet hours",
        description="Give a cohort its own time zone and/or quiet hours (a school abroad); "
        "dates are shown and reminders held by them. Unset: TIMEZONE and QUIET_HOURS.",
    )
    school_time.add_argument("name", help="the cohort's name")
    school_time.add_argument("--timezone", help="a time zone such as Europe/Amsterdam")
    school_time.add_argument("--quiet", help="quiet hours such as 21:00-08:00 (no reminders)")
    safety_cli.add_parser(cohort_commands)  # issue 13
    safety_cli.add_consent_parser(cohort_commands)  # issue 13
    cohort_commands.add_parser(
        "list",
        help="list cohorts with their member counts",
        description="List cohorts with their member counts per role.",
    )

    invite = commands.add_parser(
        "invite", help="manage invite links", description="Manage invite links."
    )
    invite_commands = invite.add_subparsers(dest="invite_command", required=True, metavar="ACTION")
    revoke = invite_commands.add_parser(
        "revoke",
        help="make an invite link stop working",
        description="Revoke an invite code so its link stops working.",
    )
    revoke.add_argument("code", help="the code after ?start= in the link")

    # Pairing (issue 4): print, export or import a round.
    pairing_cli.add_parser(commands)
    # Privacy (issue 14): written requests to export or erase a person's data.
    privacy_cli.add_parsers(commands)
    # Operations (issue 17): the IT contact's sign-in link to the operations view only.
    ops_cli.add_parser(commands)
    return main


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point of the console script."""
    args = parser().parse_args(argv)
    try:
        if args.command == "demo":
            run_demo = _demo_entry()
            asyncio.run(run_demo(port=args.port, db_file=args.db, open_browser=not args.no_browser))
            return
        settings = load_settings()
        configure_logging(settings.log_level, _secrets(settings))
        action = ACTIONS[(args.command, _sub(args))]
        _run(action, settings, args)
    except (SettingsError, CliError) as error:
        print(f"peercoach: {error}", file=sys.stderr)
        sys.exit(EXIT_USAGE)
    except KeyboardInterrupt:
        pass


def _demo_entry() -> Callable[..., Coroutine[Any, Any, None]]:
    """The demo, loaded only when asked for; it needs the emulator of the `demo` extra."""
    try:
        from bot.demo.session import run_demo
    except ModuleNotFoundError as error:
        if error.name != "tgemulator":
            raise
        raise CliError(
            "the demo needs the Telegram emulator: pip install -e ./emulator (or run make demo)"
        ) from None
    return run_demo


def _run(action: Action, settings: Settings, args: argparse.Namespace) -> None:
    """Run a command; a failure the operator can fix becomes one sentence (see startup.py)."""
    if args.command != "health" and (reason := missing_sqlite_folder(settings.database_url)):
        raise CliError(reason)  # before connecting: aiosqlite would leave a thread behind
    try:
        asyncio.run(action(settings, args))
    except Exception as error:
        reason = explain(error, settings)
        if reason is None:
            raise
        raise CliError(reason) from None


def _sub(args: argparse.Namespace) -> str:
    return str(getattr(args, "cohort_command", None) or getattr(args, "invite_command", None) or "")


def _secrets(settings: Settings) -> list[str]:
    values = [settings.telegram_bot_token, settings.webhook_secret]
    return [v.get_secret_value() for v in values if v is not None]


async def run_bot(settings: Settings, args: argparse.Namespace) -> None:
    """Run until SIGINT or SIGTERM, then stop cleanly."""
    from bot.app import PeerCoach

    app = PeerCoach(settings)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError):
            loop.add_signal_handler(signum, stop.set)
    try:
        await app.start()
    except BaseException:
        await app.stop()  # close what did start, so the one sentence is all that is printed
        raise
    # What exists now (modules, mappers, compiled statements) lives as long as the process.
    # Frozen, the full collections skip it: otherwise each one pauses replies for ~100 ms.
    gc.freeze()
    stopping = asyncio.ensure_future(stop.wait())
    rejected = asyncio.ensure_future(app.delivery.token_rejected.wait())
    await asyncio.wait({stopping, rejected}, return_when=asyncio.FIRST_COMPLETED)
    stopping.cancel()
    rejected.cancel()
    await app.stop()
    if app.delivery.token_rejected.is_set():
        raise InvalidToken  # said in one sentence, as at start-up (bot/cli/startup.py)


async def health(settings: Settings, args: argparse.Namespace) -> None:
    """Exit 1 with the reason when the bot running here is not alive (or not ready)."""
    from bot.runtime.health import ask_running_bot

    reason = await ask_running_bot(settings.local_url("/readyz" if args.ready else "/healthz"))
    if reason is not None:
        print(f"peercoach: unhealthy: {reason}", file=sys.stderr)
        sys.exit(1)
    print("ready" if args.ready else "healthy")


async def migrate(settings: Settings, args: argparse.Namespace) -> None:
    """Apply migrations."""
    db = Database(settings.database_url)
    await upgrade_to_head(db)
    await db.dispose()
    print("The database is up to date.")


async def create_cohort(settings: Settings, args: argparse.Namespace) -> None:
    """Create a cohort and print its four invite links."""
    name = " ".join(args.name.split())
    if not valid_cohort_name(name):
        raise CliError("a cohort name has 2 to 80 characters and starts with a letter or digit")
    username = args.bot_username or await _bot_username(settings)
    db = Database(settings.database_url)
    await upgrade_to_head(db)
    try:
        async with db.transaction() as session:
            now = utcnow()
            cohort = await cohorts.create_cohort(session, name=name, created_by=None, now=now)
            invites = await cohorts.create_cohort_invites(session, cohort_id=cohort.id, now=now)
    except cohorts.CohortExists:
        raise CliError(f"a cohort named '{name}' exists already") from None
    finally:
        await db.dispose()
    print(f"Cohort '{name}' created. Invite links:")
    for role in Role:
        invite = invites[role]
        uses = "one person" if invite.max_uses == 1 else "anyone with the link"
        until = short_date(invite.expires_at, "en", settings.zone)
        print(f"  {role.value:<12} {deep_link(username, invite.code)}  ({uses}, until {until})")


async def _bot_username(settings: Settings) -> str:
    bot = make_bot(settings.token(), settings.telegram_api_base_url)
    try:
        async with bot:
            return bot.username
    except TelegramError as error:
        raise CliError(
            f"could not ask Telegram for the bot's username ({error}); pass --bot-username"
        ) from None


async def list_cohorts(settings: Settings, args: argparse.Namespace) -> None:
    """Print cohorts and their member counts."""
    db = Database(settings.database_url)
    await upgrade_to_head(db)
    async with db.sessions() as session:
        summaries = await cohorts.list_cohorts(session)
    await db.dispose()
    if not summaries:
        print("No cohorts yet. Create one with: peercoach cohort create NAME")
        return
    print(
        f"{'name':<32} {'students':>8} {'teachers':>8} {'coordinators':>12}  created     "
        "time zone and quiet hours"
    )
    for summary in summaries:
        counts = summary.counts
        zone = summary.timezone or settings.timezone
        quiet = summary.quiet_hours or settings.quiet_hours
        print(
            f"{summary.name:<32} {counts.get(Role.STUDENT, 0):>8} "
            f"{counts.get(Role.TEACHER, 0):>8} {counts.get(Role.COORDINATOR, 0):>12}  "
            f"{summary.created_at.astimezone(ZoneInfo(zone)):%Y-%m-%d}  {zone} {quiet}"
        )


async def set_school_time(settings: Settings, args: argparse.Namespace) -> None:
    """Give a cohort its own time zone and/or quiet hours."""
    if args.timezone is None and args.quiet is None:
        raise CliError("say what to set: --timezone ZONE, --quiet HH:MM-HH:MM, or both")
    zone = _known_zone(args.timezone) if args.timezone is not None else None
    try:
        quiet = QuietHours.parse(args.quiet) if args.quiet is not None else None
    except ValueError as error:
        raise CliError(str(error)) from None
    name = " ".join(args.name.split())
    db = Database(settings.database_url)
    await upgrade_to_head(db)
    try:
        async with db.transaction() as session:
            cohort = await cohorts.cohort_by_name(session, name=name)
            if cohort is None:
                raise CliError(f"there is no cohort named '{name}' (see: peercoach cohort list)")
            await cohorts.set_school_time(session, cohort=cohort, timezone=zone, quiet=quiet)
            now = await cohorts.school_time(
                session, cohort_id=cohort.id, default=settings.school_time
            )
    finally:
        await db.dispose()
    print(f"Cohort '{name}' now uses the time zone {now.tz} and the quiet hours {now.quiet}.")


def _known_zone(name: str) -> str:
    """The name of a time zone zoneinfo knows, or a sentence saying it is unknown."""
    if not is_known_zone(name):
        raise CliError(
            f"'{name}' is not a time zone we know: use a name such as Europe/Amsterdam "
            "or America/Curacao"
        )
    return name


async def revoke_invite(settings: Settings, args: argparse.Namespace) -> None:
    """Revoke an invite code."""
    db = Database(settings.database_url)
    await upgrade_to_head(db)
    try:
        async with db.transaction() as session:
            found = await cohorts.revoke_invite(session, code=args.code, now=utcnow())
    finally:
        await db.dispose()
    if not found:
        raise CliError(f"there is no invite with code '{args.code}'")
    print("The invite is revoked; its link no longer works.")


Action = Callable[[Settings, argparse.Namespace], Coroutine[Any, Any, None]]
ACTIONS: dict[tuple[str, str], Action] = {
    ("run", ""): run_bot,
    ("migrate", ""): migrate,
    ("health", ""): health,
    ("cohort", "create"): create_cohort,
    ("cohort", "list"): list_cohorts,
    ("cohort", "set"): set_school_time,
    ("cohort", "country"): safety_cli.set_country,  # issue 13
    ("cohort", "consent"): safety_cli.set_consent,  # issue 13
    ("invite", "revoke"): revoke_invite,
    ("pair", ""): pairing_cli.pair,  # issue 4
    ("erase", ""): privacy_cli.erase,  # issue 14
    ("export", ""): privacy_cli.export,  # issue 14
    ("retention", ""): privacy_cli.set_retention,  # issue 14
    ("ops-link", ""): ops_cli.ops_link,  # issue 17
}
