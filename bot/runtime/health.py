"""Liveness for containers: the bot touches a heartbeat file; `peercoach health` reads it."""

from __future__ import annotations

import asyncio
import tempfile
import time
from pathlib import Path

from sqlalchemy import text

from storage.db import Database

HEARTBEAT = Path(tempfile.gettempdir()) / "peercoach.heartbeat"
BEAT_SECONDS = 30
STALE_SECONDS = 3 * BEAT_SECONDS


async def beat_forever(path: Path = HEARTBEAT) -> None:
    """Touch the heartbeat file while the bot's event loop is alive."""
    while True:
        await asyncio.to_thread(path.touch)
        await asyncio.sleep(BEAT_SECONDS)


def heartbeat_age(path: Path) -> float | None:
    """Seconds since the last heartbeat, or None when there never was one."""
    return time.time() - path.stat().st_mtime if path.exists() else None


async def problem(database_url: str, path: Path = HEARTBEAT) -> str | None:
    """What is wrong with the running bot, or None when it is healthy."""
    age = heartbeat_age(path)
    if age is None:
        return "the bot has not started (no heartbeat yet)"
    if age > STALE_SECONDS:
        return f"the bot's last heartbeat was {age:.0f}s ago"
    db = Database(database_url)
    try:
        async with db.sessions() as session:
            await session.execute(text("SELECT 1"))
    except Exception as error:  # any failure means unhealthy; the message says which
        return f"the database does not answer ({error.__class__.__name__})"
    finally:
        await db.dispose()
    return None
