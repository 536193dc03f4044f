"""Telegram's sending limits as token buckets: per chat, per group, and overall with priority."""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Limits:
    """Bucket sizes and refill rates (messages per second).

    A bucket of capacity C refilled at r per second sends at most C + r*W in any window W,
    so the rates leave room for the burst: groups 3 + 17/60*60 = 20 per minute, private chats
    3 + 1 = 4 per second, overall 3 + 27 = 30 per second.
    """

    private_burst: int = 3
    private_rate: float = 1.0
    group_burst: int = 3
    group_rate: float = 17 / 60
    overall_burst: int = 3
    overall_rate: float = 27.0

    @classmethod
    def with_overall(cls, per_second: int) -> Limits:
        """Telegram's per-chat limits with another overall cap (burst included)."""
        return cls(overall_burst=3, overall_rate=float(per_second - 3))


class TokenBucket:
    """A classic token bucket on the monotonic clock."""

    def __init__(self, capacity: float, rate: float) -> None:
        self.capacity = capacity
        self.rate = rate
        self.tokens = capacity
        self.updated = time.monotonic()

    def take(self) -> float:
        """Take a token and return 0, or return how long to wait for one (taking nothing)."""
        now = time.monotonic()
        self.tokens = min(self.capacity, self.tokens + (now - self.updated) * self.rate)
        self.updated = now
        if self.tokens >= 1:
            self.tokens -= 1
            return 0.0
        return (1 - self.tokens) / self.rate

    def full(self) -> bool:
        """Whether the bucket has refilled completely (so it can be forgotten)."""
        elapsed = time.monotonic() - self.updated
        return self.tokens + elapsed * self.rate >= self.capacity


class RateLimiter:
    """Waits until a message may go to a chat; interactive messages go before bulk ones."""

    def __init__(self, limits: Limits | None = None) -> None:
        self.limits = limits or Limits()
        self.overall = TokenBucket(self.limits.overall_burst, self.limits.overall_rate)
        self.chats: dict[int, TokenBucket] = {}
        self.interactive_waiting = 0

    def _bucket(self, chat_id: int) -> TokenBucket:
        bucket = self.chats.get(chat_id)
        if bucket is None:
            limits = self.limits
            bucket = (
                TokenBucket(limits.private_burst, limits.private_rate)
                if chat_id > 0
                else TokenBucket(limits.group_burst, limits.group_rate)
            )
            self.chats[chat_id] = bucket
        return bucket

    async def acquire(self, chat_id: int, *, interactive: bool) -> None:
        """Wait for the chat's turn, then for an overall slot."""
        chat = self._bucket(chat_id)
        while (wait := chat.take()) > 0:  # noqa: ASYNC110  (sleeps exactly until a token)
            await asyncio.sleep(wait)
        if interactive:
            self.interactive_waiting += 1
        try:
            while True:
                if not interactive and self.interactive_waiting:
                    await asyncio.sleep(1 / self.limits.overall_rate)
                    continue
                wait = self.overall.take()
                if wait == 0:
                    return
                await asyncio.sleep(wait)
        finally:
            if interactive:
                self.interactive_waiting -= 1

    def forget_idle(self) -> None:
        """Drop buckets of chats that are quiet again, so memory stays flat."""
        for chat_id in [c for c, bucket in self.chats.items() if bucket.full()]:
            del self.chats[chat_id]
