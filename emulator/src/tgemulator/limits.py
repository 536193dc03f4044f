"""Telegram's flood limits as sliding windows, and faults injected on request."""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

from tgemulator.params import ApiError

FAULT_KINDS = ("server_error", "flood", "client_error")
# Telegram's descriptions for the client errors a fault can answer with.
CLIENT_ERRORS = {
    400: "Bad Request: chat not found",
    401: "Unauthorized",
    404: "Not Found",
}

# Methods that send or edit: they count towards flood limits and match faults with method=None.
SENDING_METHODS = frozenset(
    {
        "sendmessage",
        "sendphoto",
        "senddocument",
        "sendvoice",
        "sendsticker",
        "copymessage",
        "forwardmessage",
        "editmessagetext",
        "editmessagecaption",
        "editmessagereplymarkup",
    }
)


class SlidingWindow:
    """At most `limit` events within any `seconds`-long window; amortised O(1) per check."""

    def __init__(self, limit: int, seconds: float) -> None:
        self.limit = limit
        self.seconds = seconds
        self._times: deque[float] = deque()

    def wait_needed(self, now: float) -> float:
        """Return how long until one more event fits (0 when it fits now)."""
        times = self._times
        while times and times[0] <= now - self.seconds:
            times.popleft()
        if len(times) < self.limit:
            return 0.0
        return times[len(times) - self.limit] + self.seconds - now

    def record(self, now: float) -> None:
        """Count one event at `now`."""
        self._times.append(now)


@dataclass(frozen=True)
class FloodSettings:
    """Flood limit configuration; the defaults are Telegram's published limits."""

    enabled: bool = True
    private_burst: int = 5
    private_window: float = 1.0
    group_limit: int = 20
    group_window: float = 60.0
    global_limit: int = 30
    global_window: float = 1.0


class FloodLimiter:
    """Checks and records sends per chat and overall, answering 429 like Telegram."""

    def __init__(self, settings: FloodSettings, clock: Callable[[], float]) -> None:
        self.settings = settings
        self.clock = clock
        self._global = SlidingWindow(settings.global_limit, settings.global_window)
        self._per_chat: dict[int, SlidingWindow] = {}
        self.refused = 0  # 429 answers given so far (benchmarks read it)

    def _chat_window(self, chat_id: int, is_group: bool) -> SlidingWindow:
        window = self._per_chat.get(chat_id)
        if window is None:
            settings = self.settings
            window = (
                SlidingWindow(settings.group_limit, settings.group_window)
                if is_group
                else SlidingWindow(settings.private_burst, settings.private_window)
            )
            self._per_chat[chat_id] = window
        return window

    def admit(self, chat_id: int, *, is_group: bool) -> None:
        """Count a send to this chat, or raise 429 with the whole seconds until it would fit."""
        if not self.settings.enabled:
            return
        now = self.clock()
        chat_window = self._chat_window(chat_id, is_group)
        wait = max(chat_window.wait_needed(now), self._global.wait_needed(now))
        if wait > 0:
            self.refused += 1
            raise flood_error(max(1, math.ceil(wait)))
        chat_window.record(now)
        self._global.record(now)


def flood_error(retry_after: int) -> ApiError:
    """Build Telegram's 429 answer."""
    return ApiError(
        429, f"Too Many Requests: retry after {retry_after}", {"retry_after": retry_after}
    )


@dataclass
class Fault:
    """A failure to answer instead of the next `count` matching requests."""

    method: str | None
    chat_id: int | None
    kind: str
    count: int = 1
    retry_after: int = 1
    status: int = 500

    def matches(self, method: str, chat_id: int | None) -> bool:
        """Tell whether a request to `method` for `chat_id` should fail."""
        if self.method is None:
            if method not in SENDING_METHODS:
                return False
        elif self.method.lower() != method:
            return False
        return self.chat_id is None or self.chat_id == chat_id

    def error(self) -> ApiError:
        """Build the answer this fault produces."""
        if self.kind == "flood":
            return flood_error(self.retry_after)
        if self.kind == "client_error":
            return ApiError(self.status, CLIENT_ERRORS[self.status])
        reason = "Bad Gateway" if self.status == 502 else "Internal Server Error"
        return ApiError(self.status, reason)


class FaultInjector:
    """Pending faults, consumed in the order they were injected."""

    def __init__(self) -> None:
        self._faults: list[Fault] = []

    def add(self, fault: Fault) -> None:
        """Queue a fault after validating it."""
        if fault.kind not in FAULT_KINDS:
            raise ValueError(f"unknown fault kind {fault.kind!r}; use one of {FAULT_KINDS}")
        if fault.count < 1:
            raise ValueError("fault count must be at least 1")
        if fault.kind == "server_error" and not 500 <= fault.status <= 599:
            raise ValueError("a server_error fault needs a 5xx status")
        if fault.kind == "client_error" and fault.status not in CLIENT_ERRORS:
            raise ValueError(f"a client_error fault needs one of {sorted(CLIENT_ERRORS)}")
        self._faults.append(fault)

    def take(self, method: str, chat_id: int | None) -> ApiError | None:
        """Consume and return the error of the first matching fault, if any."""
        if not self._faults:
            return None
        for fault in self._faults:
            if fault.matches(method, chat_id):
                fault.count -= 1
                if fault.count == 0:
                    self._faults.remove(fault)
                return fault.error()
        return None

    def pending(self) -> int:
        """Return how many faulty answers are still queued."""
        return sum(fault.count for fault in self._faults)
