"""`peercoach pair`: print a proposed round, export it as CSV, or import pairs made by hand.

The work lives in bot.handlers.pairing.csv, loaded only when the command runs, so that other
commands start quickly.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from bot.settings import Settings

MODES = ("reciprocal", "one_way")  # flows.pairing.RoundMode, spelled out to keep start-up light
EXIT_USAGE = 2  # as for every other operator error of `peercoach`


def add_parser(commands: Any) -> None:
    """The `pair` subcommand and its options."""
    pair = commands.add_parser(
        "pair",
        help="propose, export or import a pairing round",
        description="Pair the students in a cohort's pairing pool: print the proposal, write it "
        "to a CSV file, or create the pairs listed in a CSV file (columns: kind, person_1, "
        "person_2, person_3; a person is a name, 'Name (id)', an id or @username).",
    )
    pair.add_argument("--cohort", required=True, metavar="NAME", help="the cohort's name")
    action = pair.add_mutually_exclusive_group(required=True)
    action.add_argument(
        "--dry-run", action="store_true", help="print the proposed round; change nothing"
    )
    action.add_argument(
        "--export", metavar="FILE.csv", help="write the proposal (the open one from /pair, if any)"
    )
    action.add_argument(
        "--import",
        dest="import_file",
        metavar="FILE.csv",
        help="create the pairs in the file and tell everyone in the pool",
    )
    pair.add_argument(
        "--mode",
        choices=MODES,
        default=MODES[0],
        help="for a new proposal: partners coach each other (default) or one coaches one",
    )
    pair.add_argument("--seed", type=int, default=0, help="another seed breaks ties differently")


async def pair(settings: Settings, args: argparse.Namespace) -> None:
    """Run `peercoach pair`; a problem is printed (each bad row on its line) with exit code 2."""
    from bot.handlers.pairing import csv as pairing_csv

    try:
        await pairing_csv.run(settings, args)
    except pairing_csv.PairCliError as error:
        print(f"peercoach: {error}", file=sys.stderr)
        sys.exit(EXIT_USAGE)
