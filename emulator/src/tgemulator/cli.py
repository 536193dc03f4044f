"""`python -m tgemulator` (or `tgemulator`): the emulator as a process of its own.

Run `tgemulator --port N --token T` and read the Bot API base URL from its first stdout line.
"""

from __future__ import annotations

import argparse
import asyncio
import signal
import sys
from collections.abc import Sequence

from tgemulator.emulator import TelegramEmulator
from tgemulator.state import DEFAULT_BOT_USERNAME, DEFAULT_TOKEN


def _parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Run the Telegram Bot API emulator.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--token", default=DEFAULT_TOKEN)
    parser.add_argument("--bot-username", default=DEFAULT_BOT_USERNAME)
    parser.add_argument("--no-flood-control", action="store_true", help="disable 429 limits")
    parser.add_argument(
        "--no-group-privacy", action="store_true", help="deliver every group message"
    )
    return parser.parse_args(argv)


async def _serve(args: argparse.Namespace) -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signal_number in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signal_number, stop.set)
    emulator = TelegramEmulator(
        args.token,
        bot_username=args.bot_username,
        host=args.host,
        port=args.port,
        flood_control=not args.no_flood_control,
        group_privacy=not args.no_group_privacy,
    )
    await emulator.start()
    try:
        print(emulator.base_url, flush=True)
        await stop.wait()
    finally:
        await emulator.stop()


def main(argv: Sequence[str] | None = None) -> int:
    """Run standalone until SIGTERM or SIGINT; the first stdout line is the base URL."""
    try:
        args = _parse_args(argv)
        asyncio.run(_serve(args))
    except ValueError as error:
        print(f"emulator: {error}", file=sys.stderr)
        return 2
    return 0
