"""`peercoach erase`, `export` and `retention`: written requests and how long data is kept.

The work lives in bot.handlers.privacy.requests, loaded only when the command runs.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from bot.settings import Settings

EXIT_USAGE = 2  # as for every other operator error of `peercoach`


def add_parsers(commands: Any) -> None:
    """The `erase`, `export` and `retention` subcommands."""
    erase = commands.add_parser(
        "erase",
        help="erase everything about one person (a written request)",
        description="Erase everything PeerCoach keeps about one person, as /privacy does: "
        "running matches end kindly for the partner first. Asks for confirmation.",
    )
    erase.add_argument("--user", type=int, required=True, metavar="TELEGRAM_ID")
    erase.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    export = commands.add_parser(
        "export",
        help="write everything about one person to a zip file (a written request)",
        description="Write what PeerCoach keeps about one person, as /privacy does: a readable "
        "page in their language and a JSON file with its schema, in one zip file.",
    )
    export.add_argument("--user", type=int, required=True, metavar="TELEGRAM_ID")
    export.add_argument("--out", metavar="FILE", help="the zip file (default: peercoach-ID.zip)")
    ends = commands.add_parser(
        "retention",
        help="set the day a cohort ends (its content is purged after the grace period)",
        description="Set a cohort's end date. RETENTION_GRACE_DAYS later (90 by default) its "
        "content is purged and only anonymous counts stay; coordinators are warned two weeks "
        "before, with a button for the cohort's metadata as CSV.",
    )
    ends.add_argument("cohort", metavar="NAME", help="the cohort's name")
    ends.add_argument("--ends", required=True, metavar="YYYY-MM-DD", help="the cohort's last day")


async def erase(settings: Settings, args: argparse.Namespace) -> None:
    """Run `peercoach erase`."""
    from bot.handlers.privacy import requests as privacy_requests

    await _guarded(privacy_requests.erase_on_request(settings, args.user, confirmed=args.yes))


async def export(settings: Settings, args: argparse.Namespace) -> None:
    """Run `peercoach export`."""
    from bot.handlers.privacy import requests as privacy_requests

    await _guarded(privacy_requests.export_on_request(settings, args.user, args.out))


async def set_retention(settings: Settings, args: argparse.Namespace) -> None:
    """Run `peercoach retention`."""
    from bot.handlers.privacy import requests as privacy_requests

    await _guarded(privacy_requests.set_cohort_end(settings, args.cohort, args.ends))


async def _guarded(work: Any) -> None:
    from bot.handlers.privacy.requests import RequestError

    try:
        await work
    except RequestError as error:
        print(f"peercoach: {error}", file=sys.stderr)
        sys.exit(EXIT_USAGE)
