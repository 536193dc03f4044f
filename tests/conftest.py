"""Shared fixtures: databases (SQLite always, PostgreSQL when TEST_DATABASE_URL is set)."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from hypothesis import settings
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from bot.settings import async_database_url
from storage.db import Database
from storage.migrate import upgrade_to_head

# No deadlines: property tests check behaviour, never timing (CI machines are shared).
settings.register_profile("peercoach", deadline=None, derandomize=bool(os.environ.get("CI")))
settings.load_profile("peercoach")

POSTGRES_URL = os.environ.get("TEST_DATABASE_URL")
BACKENDS = ["sqlite", *(["postgresql"] if POSTGRES_URL else [])]


async def reset_postgres(url: str) -> None:
    """Start from an empty schema, so each test sees only its own rows."""
    engine = create_async_engine(url)
    async with engine.begin() as connection:
        await connection.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
        await connection.execute(text("CREATE SCHEMA public"))
    await engine.dispose()


async def fresh_database_url(backend: str, tmp_path: Path) -> str:
    """A URL to an empty database of the given backend."""
    if backend == "sqlite":
        return f"sqlite+aiosqlite:///{tmp_path / 'peercoach.sqlite3'}"
    assert POSTGRES_URL is not None
    url = async_database_url(POSTGRES_URL)
    await reset_postgres(url)
    return url


@pytest.fixture(params=BACKENDS)
async def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty database on every configured backend."""
    return await fresh_database_url(request.param, tmp_path)


@pytest.fixture
async def database(database_url: str) -> AsyncIterator[Database]:
    """A migrated database, disposed after the test."""
    db = Database(database_url)
    await upgrade_to_head(db)
    yield db
    await db.dispose()
