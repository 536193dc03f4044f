"""A burst of reminders due at once while a few students chat, through the emulator (issue 12).

Prints the delivered rate against the cap, 429 answers, whether every reminder arrived exactly
once, the chatting students' reply latencies and the bot's peak memory, on SQLite and
PostgreSQL. Checks nothing: targets print as met/missed.

Run: python bench/bench_burst.py [--quick]
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import math
import shutil
import sys
import tempfile
import time
from collections import deque
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

# Run as a script: bench/ is on the path already (for common); the project root is not.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench_pipeline import BOT_CODE, Traffic, prepare_database
from common import (
    MB,
    WatchedProcess,
    percentile,
    postgres_problem,
    postgres_url,
    python_command,
    reset_postgres,
    table,
    write_json,
)
from sqlalchemy import func, select
from tgemulator import EmuUser, TelegramEmulator, running_emulator

from bot.settings import async_database_url
from storage import outbox
from storage.db import Database
from storage.models import OutboxMessage, utcnow

CAP = 30
CHATTERS = 5
CHAT_RATE = 1.0  # updates per second from the chatting students together
RATE_TARGET = 0.95
P99_TARGET_MS = 1000.0
RSS_TARGET_MB = 150.0
FULL_LOOK_EVERY = 40  # watching rounds (of 50 ms) between looks at every missing reminder
SETTLE_SECONDS = 120.0  # beyond the expected duration, before giving up on missing reminders


@dataclass
class Figures:
    """What one backend measured."""

    backend: str
    reminders: int
    delivered: int
    duplicates: int
    recorded_sent: int
    seconds: float
    refused_429: int
    chats: int
    unanswered: int
    p50_ms: float
    p99_ms: float
    peak_rss_mb: float

    @property
    def rate(self) -> float:
        """Reminders per second from the first to the last one delivered."""
        return self.delivered / self.seconds if self.seconds > 0 else math.nan

    @property
    def all_rate(self) -> float:
        """Every message per second meanwhile: reminders and the answers to the students."""
        answers = self.chats - self.unanswered
        return (self.delivered + answers) / self.seconds if self.seconds > 0 else math.nan


async def queue_reminders(url: str, users: Sequence[EmuUser]) -> None:
    """Every reminder due now, as timers leave them in the outbox."""
    db = Database(async_database_url(url))
    try:
        async with db.transaction() as session:
            now = utcnow()
            for user in users:
                text = f"Herinnering voor {user.first_name}: morgen om 10:00 jullie gesprek."
                await outbox.enqueue(
                    session,
                    chat_id=user.id,
                    method="sendMessage",
                    payload={"chat_id": user.id, "text": text},
                    now=now,
                    priority=outbox.BULK,
                )
    finally:
        await db.dispose()


async def count_sent(url: str) -> int:
    """Reminders the bot recorded as sent."""
    db = Database(async_database_url(url))
    try:
        async with db.sessions() as session:
            query = select(func.count()).where(
                OutboxMessage.status == "sent", OutboxMessage.priority == outbox.BULK
            )
            return int(await session.scalar(query) or 0)
    finally:
        await db.dispose()


class BurstBench:
    """One emulator per backend: reminders at once, students chatting meanwhile."""

    def __init__(self, reminders: int) -> None:
        self.reminders = reminders
        self.results: list[Figures] = []
        self.notes: list[str] = []
        self.workdir = Path(tempfile.mkdtemp(prefix="peercoach-burst-"))

    async def run(self) -> None:
        """Measure SQLite, then PostgreSQL when it answers."""
        backends = ["sqlite"]
        problem = await postgres_problem(postgres_url())
        if problem is None:
            backends.append("postgresql")
        else:
            self.notes.append(f"PostgreSQL skipped: {postgres_url()} is unreachable ({problem})")
        for backend in backends:
            async with running_emulator(global_per_second=CAP) as emulator:
                self.results.append(await self._measure(emulator, backend))
                print(f"  {backend}: {_describe(self.results[-1])}", flush=True)

    async def _measure(self, emulator: TelegramEmulator, backend: str) -> Figures:
        chatters = [emulator.add_user(f"Leerling {n}") for n in range(CHATTERS)]
        recipients = [emulator.add_user(f"Student {n}") for n in range(self.reminders)]
        url = await self._fresh_database(backend, chatters)
        env = {
            "TELEGRAM_BOT_TOKEN": emulator.token,
            "TELEGRAM_API_BASE_URL": emulator.base_url,
            "DATABASE_URL": url,
            "DELIVERY_MAX_PER_SECOND": str(CAP),
            "LOG_LEVEL": "WARNING",
            "HTTP_PORT": "0",  # probes and metrics on any free port: runs may share a machine
        }
        process = WatchedProcess(f"peercoach on {backend}", python_command(BOT_CODE), env)
        await process.start()
        try:
            traffic = Traffic(emulator, chatters)
            await traffic.first_reply(process)
            refused_before = emulator.flood.refused
            await queue_reminders(url, recipients)
            chatting = asyncio.ensure_future(self._chat_until_done(traffic, emulator, recipients))
            first, last = await self._watch(emulator, recipients, process)
            latencies = await chatting
            recorded = await count_sent(url)
        finally:
            await process.stop()
        received = [emulator.bot_message_count(user.id) for user in recipients]
        answered = [latency for latency in latencies if latency is not None]
        return Figures(
            backend=backend,
            reminders=self.reminders,
            delivered=sum(1 for n in received if n >= 1),
            duplicates=sum(n - 1 for n in received if n > 1),
            recorded_sent=recorded,
            seconds=last - first,
            refused_429=emulator.flood.refused - refused_before,
            chats=len(latencies),
            unanswered=len(latencies) - len(answered),
            p50_ms=percentile(answered, 50),
            p99_ms=percentile(answered, 99),
            peak_rss_mb=process.peak_rss / MB,
        )

    async def _watch(
        self, emulator: TelegramEmulator, recipients: Sequence[EmuUser], process: WatchedProcess
    ) -> tuple[float, float]:
        """Wait until every reminder arrived; return when the first and the last one did.

        Reminders leave roughly in the order they were queued, so this looks at the oldest
        missing ones first: the emulator shares this process and must not be kept busy.
        """
        first = last = math.nan
        deadline = time.monotonic() + self.reminders / CAP + SETTLE_SECONDS
        waiting = deque(recipients)
        for round_number in itertools.count():
            if not waiting or time.monotonic() > deadline:
                break
            process.check_alive()
            before = len(waiting)
            while waiting and emulator.bot_message_count(waiting[0].id):
                waiting.popleft()
            if round_number % FULL_LOOK_EVERY == 0:  # any that arrived out of order
                waiting = deque(u for u in waiting if not emulator.bot_message_count(u.id))
            if len(waiting) < before:
                last = time.monotonic()
                first = last if math.isnan(first) else first
            await asyncio.sleep(0.05)
        return first, last

    async def _chat_until_done(
        self, traffic: Traffic, emulator: TelegramEmulator, recipients: Sequence[EmuUser]
    ) -> list[float | None]:
        """Students write at CHAT_RATE until the last reminder arrived."""
        pending = []
        deadline = time.monotonic() + self.reminders / CAP + SETTLE_SECONDS
        last_ones = recipients[-50:]
        while time.monotonic() < deadline and not all(
            emulator.bot_message_count(user.id) for user in last_ones
        ):
            pending.append(traffic.send())
            await asyncio.sleep(1 / CHAT_RATE)
        return list(await asyncio.gather(*pending))

    async def _fresh_database(self, backend: str, chatters: Sequence[EmuUser]) -> str:
        if backend == "sqlite":
            url = f"sqlite:///{self.workdir / 'peercoach.sqlite3'}"
        else:
            url = postgres_url()
            await reset_postgres(url)
        await prepare_database(url, chatters)
        return url

    def report(self) -> dict[str, Any]:
        """Print the table and the targets; return everything for JSON."""
        print()
        headers = (
            "backend",
            "reminders",
            "delivered",
            "twice+",
            "recorded",
            "msg/s",
            "all msg/s",
            "of cap",
            "429s",
            "chats",
            "unanswered",
            "p50 ms",
            "p99 ms",
            "RSS MB",
        )
        rows = [
            [
                f.backend,
                f.reminders,
                f.delivered,
                f.duplicates,
                f.recorded_sent,
                f.rate,
                f.all_rate,
                f"{100 * f.all_rate / CAP:.0f}%",
                f.refused_429,
                f.chats,
                f.unanswered,
                f.p50_ms,
                f.p99_ms,
                f.peak_rss_mb,
            ]
            for f in self.results
        ]
        print(table(headers, rows))
        for f in self.results:
            exactly_once = f.delivered == f.reminders and f.duplicates == 0
            exactly_once = exactly_once and f.recorded_sent == f.reminders
            print(
                f"target: >= {RATE_TARGET * CAP:.1f} msg/s ({RATE_TARGET:.0%} of {CAP}/s): "
                f"{_met(f.all_rate >= RATE_TARGET * CAP)} ({f.backend}: {f.all_rate:.1f}/s "
                f"in all, {f.rate:.1f}/s reminders)"
            )
            print(f"target: zero 429s: {_met(f.refused_429 == 0)} ({f.backend}: {f.refused_429})")
            print(f"target: every reminder exactly once: {_met(exactly_once)} ({f.backend})")
            p99_met = f.unanswered == 0 and f.p99_ms < P99_TARGET_MS
            print(
                f"target: interactive p99 < {P99_TARGET_MS:.0f} ms, none unanswered: "
                f"{_met(p99_met)} ({f.backend}: p99 {f.p99_ms:.0f} ms, "
                f"{f.unanswered} unanswered)"
            )
            print(
                f"target: peak RSS < {RSS_TARGET_MB:.0f} MB: "
                f"{_met(f.peak_rss_mb < RSS_TARGET_MB)} ({f.backend}: {f.peak_rss_mb:.0f} MB)"
            )
        for note in self.notes:
            print(f"note: {note}")
        return {
            "cap": CAP,
            "reminders": self.reminders,
            "results": [
                {**asdict(f), "rate": f.rate, "all_rate": f.all_rate} for f in self.results
            ],
            "notes": self.notes,
        }


def _met(ok: bool) -> str:
    return "met" if ok else "missed"


def _describe(f: Figures) -> str:
    return (
        f"{f.delivered}/{f.reminders} reminders at {f.rate:.1f}/s, {f.refused_429} 429s, "
        f"chat p99 {f.p99_ms:.0f} ms ({f.unanswered} unanswered), peak {f.peak_rss_mb:.0f} MB"
    )


def main(argv: Sequence[str] | None = None) -> None:
    """Run, print, and write bench/results/burst.json."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="300 reminders instead of 5,000 (CI)")
    args = parser.parse_args(argv)
    reminders = 300 if args.quick else 5000
    print(
        f"burst: {reminders} reminders due at once in the outbox, {CHATTERS} students chatting "
        f"at {CHAT_RATE:.0f} update/s together; cap {CAP} msg/s (bot and emulator).",
        flush=True,
    )
    bench = BurstBench(reminders)
    try:
        asyncio.run(bench.run())
    finally:
        shutil.rmtree(bench.workdir, ignore_errors=True)
    path = write_json("burst", bench.report())
    print(f"results: {path.relative_to(Path(__file__).resolve().parents[1])}")


if __name__ == "__main__":
    main()
