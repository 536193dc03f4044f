"""The delivery pacer: one scheduler that owns Telegram's send budget.

Calls wait in one lane per chat, in the order they were made; lanes with work wait in one FIFO
per priority (interactive replies, then notices, then bulk). `take` hands out the next call that
may leave now and counts it at once in sliding windows: overall, per private chat and per group.
A lane exists only while it has calls or recent sends, so idle chats cost nothing.

Telegram counts a call when the request reaches it: some moment between leaving here and its
answer coming back, and how long that takes varies with the network and a busy machine. So a
call counts against Telegram's limits from when it is taken until a whole window after its
answer came back: whatever the delays, no window on Telegram's side can ever hold more calls
than the limit. The margin is then the real round trip, not a guess.
"""

from __future__ import annotations

import heapq
import itertools
import math
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from storage.outbox import BULK, Delivery

# Calls that Telegram does not count against the flood limits; they still keep their chat's order.
NOT_COUNTED = frozenset(
    {"answerCallbackQuery", "setMyCommands", "deleteMyCommands", "getChat", "getChatMember"}
)
FREE = -1  # the rank of a lane whose next call is not counted: it goes whenever it can
# Each window is this much longer than Telegram's, for clock granularity only: a call counts
# until its answer came back, which covers network and scheduling delays whatever they are.
MARGIN_SECONDS = 0.005
IN_FLIGHT = 16  # calls under way at once (the Bot API client's connection pool)
BULK_AHEAD_SECONDS = 3.0  # bulk calls held in memory: this many seconds of sending at the cap


@dataclass(frozen=True, slots=True)
class Window:
    """At most `limit` sends within any `seconds`.

    Telegram's limits count a call from when it is taken until `seconds` after its answer (it
    reached Telegram somewhere in between); a window that only spreads calls out (`answered`
    False) counts from when it was taken.
    """

    limit: int
    seconds: float
    answered: bool = True


@dataclass(frozen=True, slots=True)
class PaceLimits:
    """The windows every send must fit: overall, per private chat and per group."""

    overall: tuple[Window, ...]
    private: tuple[Window, ...]
    group: tuple[Window, ...]

    @classmethod
    def telegram(cls, per_second: int = 30, margin: float = MARGIN_SECONDS) -> PaceLimits:
        """Telegram's limits under an overall cap, each window widened by the margin.

        Private chats: short bursts of three, about one a second over ten seconds. Groups:
        twenty a minute. Overall: the cap in any second, and a tenth of it in any tenth of a
        second counted from when calls leave, so a second's budget does not leave in one clump
        (which would keep a reply arriving just after it waiting for the next second).
        """
        return cls(
            overall=(
                Window(per_second, 1.0 + margin),
                Window(max(1, per_second // 10), 0.1, answered=False),
            ),
            private=(Window(3, 1.0 + margin), Window(10, 10.0 + margin)),
            group=(Window(20, 60.0 + margin),),
        )

    @property
    def per_second(self) -> float:
        """The sustained overall rate these windows allow."""
        return min(w.limit / w.seconds for w in self.overall)


class SlidingWindows:
    """Calls checked against several windows; amortised O(1) per call.

    `sent` holds when calls were taken (for windows that only spread calls out), `answered`
    when the answers came back (kept in order), and `open` counts calls whose answer is still
    out: for Telegram's windows those count as reaching Telegram at any moment.
    """

    def __init__(self, windows: Iterable[Window]) -> None:
        self.windows = tuple(windows)
        self.longest = max(w.seconds for w in self.windows)
        self.sent: deque[float] = deque()
        self.answered: deque[float] = deque()
        self.open = 0

    def wait(self, now: float) -> float:
        """Seconds until one more call fits every window (0: now; inf: after an answer)."""
        for times in (self.sent, self.answered):
            while times and times[0] <= now - self.longest:
                times.popleft()
        wait = 0.0
        for window in self.windows:
            times, counted = (self.answered, self.open) if window.answered else (self.sent, 0)
            over = len(times) + counted - window.limit  # how many must age out first
            if over < 0:
                continue
            if over >= len(times):
                return math.inf  # only an answer coming back makes room
            wait = max(wait, times[over] + window.seconds - now)
        return wait

    def record(self, now: float) -> None:
        """Count a call taken at `now`; it stays open until `answer`."""
        self.sent.append(now)
        self.open += 1

    def answer(self, now: float) -> None:
        """The answer to an open call came back at `now`: it counts a window from here."""
        self.open -= 1
        times = self.answered
        at = len(times)
        while at > 0 and times[at - 1] > now:  # answers come back nearly in order
            at -= 1
        times.insert(at, now)

    def quiet(self, now: float) -> bool:
        """Whether no call is under way or recent enough to matter any more."""
        if self.open:
            return False
        return all(
            not times or times[-1] <= now - self.longest for times in (self.sent, self.answered)
        )


class Lane:
    """One chat's calls in the order they were made, and its recent sends."""

    __slots__ = ("busy", "calls", "counted", "held_until", "queued_at", "sleeping", "windows")

    def __init__(self, windows: Iterable[Window]) -> None:
        self.calls: deque[Delivery] = deque()
        self.windows = SlidingWindows(windows)
        self.busy = False  # its first call is under way
        self.queued_at: int | None = None  # the priority FIFO it waits in, if any
        self.sleeping = False  # waits for a per-chat window or a flood wait
        self.held_until = 0.0
        self.counted = False  # its call under way counts against the limits

    def rank(self) -> int:
        """Where it queues: free for an uncounted call, else its most urgent call's priority."""
        if self.calls[0].method in NOT_COUNTED:
            return FREE
        return min(call.priority for call in self.calls)

    def add(self, delivery: Delivery) -> None:
        """Put a call behind the earlier ones (by id), never before the one under way."""
        calls = self.calls
        at = len(calls)
        while at > int(self.busy) and calls[at - 1].id > delivery.id:
            at -= 1
        calls.insert(at, delivery)


class Pacer:
    """Decides which call leaves next, and when, within every limit."""

    def __init__(
        self,
        limits: PaceLimits | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
        in_flight: int = IN_FLIGHT,
    ) -> None:
        self.limits = limits or PaceLimits.telegram()
        self.clock = clock
        self.max_in_flight = in_flight
        self.overall = SlidingWindows(self.limits.overall)
        self.lanes: dict[int, Lane] = {}
        self.ids: set[int] = set()
        self.in_flight = 0
        self.held_all_until = 0.0
        self._bulk = 0
        self._ready: dict[int, deque[int]] = {}
        self._sleepers: list[tuple[float, int, int]] = []
        self._order = itertools.count()

    # --- what comes in ---------------------------------------------------------------------

    def add(self, delivery: Delivery) -> bool:
        """Queue a call; False when it is queued already."""
        if delivery.id in self.ids:
            return False
        self.ids.add(delivery.id)
        self._bulk += delivery.priority >= BULK
        lane = self.lanes.get(delivery.chat_id)
        if lane is None:
            windows = self.limits.private if delivery.chat_id > 0 else self.limits.group
            lane = self.lanes[delivery.chat_id] = Lane(windows)
        lane.add(delivery)
        self._line_up(delivery.chat_id, lane)
        return True

    def bulk_room(self) -> int:
        """How many more bulk calls fit in memory (the rest waits in the outbox)."""
        ahead = math.ceil(self.limits.per_second * BULK_AHEAD_SECONDS)
        return max(0, ahead - self._bulk)

    # --- what goes out ---------------------------------------------------------------------

    def take(self) -> Delivery | float | None:
        """The next call to send now, its slot counted; else seconds to wait (None: until told)."""
        if self.in_flight >= self.max_in_flight:
            return None
        now = self.clock()
        self._wake_sleepers(now)
        waits = []
        overall = self._overall(now)
        for rank in sorted(rank for rank, queue in self._ready.items() if queue):
            if rank != FREE and overall > 0:
                waits.append(overall)
                break
            found = self._take_from(rank, now)
            if found is not None:
                return found
        if self._sleepers:  # including lanes that just went to sleep
            waits.append(self._sleepers[0][0] - now)
        wait = min(waits, default=math.inf)
        return None if math.isinf(wait) else wait  # inf: until an answer comes back

    def answered(self, delivery: Delivery) -> None:
        """The answer to the call under way came back (or it failed): its windows start now."""
        lane = self.lanes[delivery.chat_id]
        if lane.counted:
            now = self.clock()
            lane.counted = False
            lane.windows.answer(now)
            self.overall.answer(now)

    def done(self, delivery: Delivery) -> None:
        """The call under way is settled (sent, failed or left to the outbox)."""
        lane = self._returned(delivery)
        lane.calls.popleft()
        self._forget(delivery)
        self._line_up(delivery.chat_id, lane)

    def again(self, delivery: Delivery, *, after: float) -> None:
        """Try the call under way again first, not before `after` seconds (its chat waits)."""
        lane = self._returned(delivery)
        lane.calls[0] = delivery  # it may count one more attempt
        lane.held_until = max(lane.held_until, self.clock() + after)
        self._line_up(delivery.chat_id, lane)

    def hold(self, chat_id: int, seconds: float) -> None:
        """Send nothing to this chat for a while (Telegram asked for a flood wait)."""
        lane = self.lanes.get(chat_id)
        if lane is not None:
            lane.held_until = max(lane.held_until, self.clock() + seconds)

    def hold_all(self, seconds: float) -> None:
        """Send nothing counted for a while (Telegram's limit for the whole bot)."""
        self.held_all_until = max(self.held_all_until, self.clock() + seconds)

    def drop_chat(self, chat_id: int) -> None:
        """Forget the calls waiting for a chat (not the one under way)."""
        lane = self.lanes.get(chat_id)
        if lane is None:
            return
        keep = 1 if lane.busy else 0
        while len(lane.calls) > keep:
            self._forget(lane.calls.pop())

    def forget_quiet(self) -> None:
        """Drop lanes without calls whose sends are too old to matter, so memory stays flat."""
        now = self.clock()
        for chat_id in [c for c, lane in self.lanes.items() if self._idle(lane, now)]:
            del self.lanes[chat_id]

    # --- inside ----------------------------------------------------------------------------

    def _returned(self, delivery: Delivery) -> Lane:
        self.in_flight -= 1
        self.answered(delivery)  # when not told earlier: the answer is back by now
        lane = self.lanes[delivery.chat_id]
        lane.busy = False
        return lane

    def _take_from(self, rank: int, now: float) -> Delivery | None:
        queue = self._ready[rank]
        while queue:
            chat_id = queue.popleft()
            lane = self.lanes.get(chat_id)
            if lane is None or lane.queued_at != rank:
                continue  # it moved to a more urgent queue meanwhile
            lane.queued_at = None
            counted = lane.calls[0].method not in NOT_COUNTED
            wait = 0.0
            if counted:
                wait = max(lane.windows.wait(now), lane.held_until - now, self._overall(now))
            if wait > 0:
                self._sleep(chat_id, lane, now + wait)
                continue
            lane.busy = True
            self.in_flight += 1
            if counted:
                lane.windows.record(now)
                self.overall.record(now)
                lane.counted = True
            return lane.calls[0]
        return None

    def _overall(self, now: float) -> float:
        return max(self.overall.wait(now), self.held_all_until - now)

    def _line_up(self, chat_id: int, lane: Lane) -> None:
        """Queue a lane with work at its rank (at the back: chats take turns)."""
        if lane.busy or lane.sleeping or not lane.calls:
            return
        rank = lane.rank()
        if lane.queued_at is not None and lane.queued_at <= rank:
            return
        lane.queued_at = rank
        self._ready.setdefault(rank, deque()).append(chat_id)

    def _sleep(self, chat_id: int, lane: Lane, until: float) -> None:
        lane.sleeping = True
        heapq.heappush(self._sleepers, (until, next(self._order), chat_id))

    def _wake_sleepers(self, now: float) -> None:
        sleepers = self._sleepers
        while sleepers and sleepers[0][0] <= now:
            _, _, chat_id = heapq.heappop(sleepers)
            lane = self.lanes.get(chat_id)
            if lane is not None:
                lane.sleeping = False
                self._line_up(chat_id, lane)

    def _forget(self, delivery: Delivery) -> None:
        self.ids.discard(delivery.id)
        self._bulk -= delivery.priority >= BULK

    def _idle(self, lane: Lane, now: float) -> bool:
        return not lane.calls and not lane.sleeping and lane.windows.quiet(now)
