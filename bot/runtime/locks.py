"""One writer per conversation inside this process: a queue per key, in the order work arrived."""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager


class KeyedLocks:
    """Conversation locks that are taken in the order they were asked for.

    Work that needs several conversations joins every queue at once, before it waits: so
    nobody overtakes work that came earlier in any of its conversations, and no two can wait
    for each other (a plain lock per key, taken one after another, allows both).
    """

    def __init__(self) -> None:
        # Per key, the tickets of whoever holds or waits for it, first in line first.
        self._queues: dict[str, deque[asyncio.Future[None]]] = {}

    @asynccontextmanager
    async def hold(self, key: str) -> AsyncIterator[None]:
        """Hold the lock of one conversation."""
        async with self.hold_all([key]):
            yield

    @asynccontextmanager
    async def hold_all(self, keys: Iterable[str]) -> AsyncIterator[None]:
        """Hold the locks of several conversations at once."""
        ticket: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        mine = set(keys)
        ahead = []
        for key in mine:  # no await in between: joining every queue is one step
            queue = self._queues.setdefault(key, deque())
            if queue:
                ahead.append(queue[-1])
            queue.append(ticket)
        try:
            if ahead:
                await asyncio.wait(ahead)  # (unlike awaiting them, never cancels the others')
            yield
        finally:
            for key in mine:
                queue = self._queues[key]
                queue.remove(ticket)
                if not queue:
                    del self._queues[key]
            _resolve_after(ticket, [f for f in ahead if not f.done()])

    def __len__(self) -> int:
        return len(self._queues)


def _resolve_after(ticket: asyncio.Future[None], ahead: list[asyncio.Future[None]]) -> None:
    """Let those behind go once everyone ahead is done too (this one may have been cancelled)."""
    if not ahead:
        ticket.set_result(None)
        return
    left = len(ahead)

    def one_done(_: asyncio.Future[None]) -> None:
        nonlocal left
        left -= 1
        if left == 0:
            ticket.set_result(None)

    for future in ahead:
        future.add_done_callback(one_done)
