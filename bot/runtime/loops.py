"""Worker loops that outlive transient faults: a database restart must not stop the bot."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable

log = logging.getLogger(__name__)

MAX_BACKOFF_SECONDS = 30.0


async def run_forever(
    name: str,
    once: Callable[[], Awaitable[float]],
    wake: asyncio.Event,
    *,
    beat: Callable[[str], None] | None = None,
) -> None:
    """Run `once` until cancelled; it returns how long to idle unless woken earlier.

    An exception is logged and retried with exponential backoff instead of ending the loop.
    `beat` hears of every round, so a health check can tell a stuck loop from a live one.
    """
    failures = 0
    while True:
        if beat is not None:
            beat(name)
        wake.clear()
        try:
            idle = await once()
            failures = 0
        except Exception:
            failures += 1
            delay = min(MAX_BACKOFF_SECONDS, 2.0 ** (failures - 1))
            log.exception("%s failed; trying again in %.0fs", name, delay)
            await asyncio.sleep(delay)
            continue
        if idle > 0:
            with contextlib.suppress(TimeoutError):
                # asyncio.timeout, not wait_for: on 3.11 wait_for can swallow a cancel.
                async with asyncio.timeout(idle):
                    await wake.wait()
