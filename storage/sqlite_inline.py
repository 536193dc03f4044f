"""aiosqlite without its thread: each SQLite call runs at once, in the event loop's thread.

aiosqlite hands every call (execute, fetch, commit) to a worker thread and waits for the
answer: three thread hops per statement, which cost far more CPU than SQLite itself spends on
this bot's small statements against a local file. The bot has one writer at a time (the
Database's writer lock) and WAL lets reads go on beside it, so a call does not wait on another
connection of this process; another process (a CLI command) may hold the write lock for a
moment, and then the loop waits that moment, up to the busy timeout.
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Callable
from typing import Any

import aiosqlite

Job = tuple[asyncio.Future[Any] | None, Callable[[], Any]]


class _RunNow:
    """Stands in for aiosqlite's queue to its thread: runs each job as it is put."""

    def put_nowait(self, job: Job) -> None:
        """Run the job and settle its future (awaiting a settled future does not suspend)."""
        future, function = job
        try:
            result = function()
        except BaseException as error:  # handed to whoever awaits, as aiosqlite's thread does
            if future is not None:
                future.set_exception(error)
            return
        if future is not None:
            future.set_result(result)


class InlineConnection(aiosqlite.Connection):
    """An aiosqlite connection whose calls run in the caller's thread."""

    def __init__(self, connector: Callable[[], sqlite3.Connection]) -> None:
        super().__init__(connector, iter_chunk_size=64)
        self._tx = _RunNow()  # type: ignore[assignment]  # the queue's one method it uses

    def __await__(self) -> Any:
        return self._connect().__await__()  # no thread to start


def connector(path: str, **options: Any) -> Callable[[], InlineConnection]:
    """What create_async_engine's async_creator calls for a new connection to this file."""

    def connect() -> InlineConnection:
        return InlineConnection(lambda: sqlite3.connect(path, **options))

    return connect
