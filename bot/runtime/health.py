"""Is this process alive, is it ready: worker loops that keep turning, a database that answers,
a Bot API reached recently. `peercoach health` asks the running process over HTTP."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable

import aiohttp

log = logging.getLogger(__name__)

# A loop that has not come round for this long is stuck (the slowest, polling, comes round
# after its long poll: 25 s plus a backoff of at most 30 s).
STALE_SECONDS = 120.0
# The Bot API counts as reached when it answered this recently; otherwise /readyz asks it.
REACHED_WITHIN_SECONDS = 120.0
CHECK_TIMEOUT_SECONDS = 5.0
# While the Bot API stays unreachable, one log line per this many seconds.
LOG_EVERY_SECONDS = 60.0


class BotApiReach:
    """When the Bot API last answered; an outage is logged once a minute, not per attempt."""

    def __init__(self, monotonic: Callable[[], float] = time.monotonic) -> None:
        self._monotonic = monotonic
        self.last_answer: float | None = None
        self._down_since: float | None = None
        self._last_logged: float | None = None

    def answered(self) -> None:
        """Telegram answered a call (whatever it said)."""
        now = self._monotonic()
        if self._down_since is not None:
            log.warning("the Bot API answers again after %.0fs", now - self._down_since)
        self._down_since = self._last_logged = None
        self.last_answer = now

    def failed(self, error: Exception) -> None:
        """A call found no Telegram (network, time-out or a server error)."""
        now = self._monotonic()
        if self._down_since is None:
            self._down_since = now
        if self._last_logged is None or now - self._last_logged >= LOG_EVERY_SECONDS:
            self._last_logged = now
            log.warning(
                "the Bot API cannot be reached (%s) for %.0fs; retrying with backoff",
                error.__class__.__name__,
                now - self._down_since,
            )

    def recent(self, within: float = REACHED_WITHIN_SECONDS) -> bool:
        """Whether Telegram answered within the last `within` seconds."""
        return self.last_answer is not None and self._monotonic() - self.last_answer <= within


class Vitals:
    """The worker loops of this process and when each last came round."""

    def __init__(self, monotonic: Callable[[], float] = time.monotonic) -> None:
        self._monotonic = monotonic
        self._loops: dict[str, asyncio.Task[None]] = {}
        self._beats: dict[str, float] = {}

    def watch(self, task: asyncio.Task[None]) -> None:
        """Count a worker task among the loops that must stay alive."""
        self._loops[task.get_name()] = task

    def beat(self, name: str) -> None:
        """A loop came round (after work, idling or a failure)."""
        self._beats[name] = self._monotonic()

    def problem(self) -> str | None:
        """Why this process is not alive, or None."""
        for name, task in self._loops.items():
            if task.done():
                return f"the {name} loop has stopped"
        now = self._monotonic()
        for name, at in self._beats.items():
            if name in self._loops and now - at > STALE_SECONDS:
                return f"the {name} loop has not come round for {now - at:.0f}s"
        return None


async def readiness_problem(
    *,
    ping_database: Callable[[], Awaitable[None]],
    reach: BotApiReach,
    probe_api: Callable[[], Awaitable[object]],
) -> str | None:
    """Why this process cannot serve now (database or Bot API), or None."""
    try:
        async with asyncio.timeout(CHECK_TIMEOUT_SECONDS):
            await ping_database()
    except Exception as error:  # any failure means not ready; the class says which
        return f"the database does not answer ({error.__class__.__name__})"
    if reach.recent():
        return None
    try:
        async with asyncio.timeout(CHECK_TIMEOUT_SECONDS):
            await probe_api()
    except Exception as error:  # idem
        return f"the Bot API was not reached recently ({error.__class__.__name__})"
    return None


async def ask_running_bot(url: str) -> str | None:
    """What the running bot at `url` says is wrong, or None when it answers 200."""
    timeout = aiohttp.ClientTimeout(total=CHECK_TIMEOUT_SECONDS)
    try:
        async with aiohttp.ClientSession(timeout=timeout) as http, http.get(url) as response:
            body = (await response.text()).strip()
            return None if response.status == 200 else body or f"HTTP {response.status}"
    except (aiohttp.ClientError, TimeoutError):
        return f"no PeerCoach answers at {url}"
