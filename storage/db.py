"""The engine and transactions: one place that knows SQLite from PostgreSQL."""

from __future__ import annotations

import asyncio
import zlib
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from typing import Any

from sqlalchemy import event, make_url, text
from sqlalchemy.ext.asyncio import (
    AsyncConnection,
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.orm import Session

from storage import sqlite_inline

# unnest yields the ids in the array's order, and the locks are taken row by row in that order.
_LOCK_IN_ORDER = text(
    "SELECT count(pg_advisory_xact_lock(id)) FROM unnest(CAST(:ids AS BIGINT[])) AS t(id)"
)


class Database:
    """An async engine with a session factory and the locking rules of its backend."""

    def __init__(self, url: str, *, echo: bool = False) -> None:
        self.url = url
        self.is_sqlite = url.startswith("sqlite")
        self.engine: AsyncEngine = create_async_engine(url, echo=echo, **_engine_options(url))
        if self.is_sqlite:
            event.listen(self.engine.sync_engine, "connect", _sqlite_pragmas)
        self.sessions = async_sessionmaker(self.engine, expire_on_commit=False)
        # One statement that stands alone needs no BEGIN and COMMIT: two round trips fewer.
        self._autocommit = self.engine.execution_options(isolation_level="AUTOCOMMIT")
        # SQLite allows one writer; serialising in-process avoids "database is locked" under load.
        self._sqlite_writer = asyncio.Lock() if self.is_sqlite else None

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[AsyncSession]:
        """A session in one transaction: committed on success, rolled back on error."""
        if self._sqlite_writer is None:
            async with self.sessions() as session, session.begin():
                yield session
            return
        async with self._sqlite_writer, self.sessions() as session, session.begin():
            yield session

    @asynccontextmanager
    async def autocommit(self) -> AsyncIterator[AsyncConnection]:
        """A connection whose statements each commit by themselves (PostgreSQL); on SQLite, one
        transaction under the writer lock. For Core statements that stand alone: no ORM
        session, no BEGIN and COMMIT, so the cheapest way to the database."""
        if self._sqlite_writer is not None:
            async with self._sqlite_writer, self.engine.begin() as connection:
                yield connection
            return
        async with self._autocommit.connect() as connection:
            yield connection

    async def lock_conversation(self, session: AsyncSession, key: str) -> None:
        """Hold the conversation's lock until the transaction ends (across processes)."""
        await self.lock_conversations(session, [key])

    async def lock_conversations(self, session: AsyncSession, keys: Iterable[str]) -> None:
        """Hold several conversations' locks until the transaction ends, in one round trip.

        Taken in ascending order, so two processes locking overlapping sets cannot deadlock.
        """
        if self.is_sqlite:
            return  # one process, one writer: the in-process locks and the writer lock suffice
        ids = sorted({conversation_lock_id(key) for key in keys})
        await session.execute(_LOCK_IN_ORDER, {"ids": ids})

    async def dispose(self) -> None:
        """Close every pooled connection."""
        await self.engine.dispose()


# The pool may close a connection from the garbage collector's thread.
_SQLITE_CONNECT: dict[str, Any] = {"timeout": 30, "check_same_thread": False}


def conversation_lock_id(key: str) -> int:
    """A stable 63-bit number for a conversation key, for PostgreSQL advisory locks."""
    return zlib.crc32(key.encode()) | (len(key) << 32)


def _engine_options(url: str) -> dict[str, Any]:
    if url.startswith("sqlite"):
        path = make_url(url).database
        if path and path != ":memory:":
            # See storage/sqlite_inline.py: no worker thread per connection.
            return {"async_creator": sqlite_inline.connector(path, **_SQLITE_CONNECT)}
        return {"connect_args": _SQLITE_CONNECT}
    # No pool_pre_ping: it costs a round trip per checkout. A connection that died (a database
    # restart) fails one transaction, SQLAlchemy then drops the whole pool, and the loops and the
    # inbox retry that work (tests/e2e/test_durability.py kills every connection to prove it).
    return {"pool_size": 10, "max_overflow": 10}


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    # WAL lets readers go on while one writer commits; NORMAL is durable across process crashes.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def is_postgresql(session: Session | AsyncSession | AsyncConnection) -> bool:
    """Whether this session talks to PostgreSQL (row locks and upserts differ from SQLite)."""
    bind = session if isinstance(session, AsyncConnection) else session.get_bind()
    return bind.dialect.name == "postgresql"
