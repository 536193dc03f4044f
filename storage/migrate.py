"""Apply Alembic migrations from code, so `peercoach run` and the tests share one path."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import text
from sqlalchemy.engine import Connection

from storage.db import Database

MIGRATIONS = Path(__file__).parent / "migrations"
# Any fixed number works: every PeerCoach process asks for the same one before migrating.
MIGRATION_LOCK_ID = 0x5EE2C0AC4


def alembic_config(url: str) -> Config:
    """An Alembic configuration pointing at our migrations and the given database."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", url)
    return config


async def upgrade_to_head(database: Database) -> None:
    """Bring the database schema up to date; processes starting together take turns."""
    config = alembic_config(database.url)

    def run(connection: Connection) -> None:
        if connection.dialect.name == "postgresql":
            # Held until this transaction ends: the others wait here, then find nothing to do.
            connection.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": MIGRATION_LOCK_ID})
        config.attributes["connection"] = connection
        command.upgrade(config, "heads")  # features may add parallel branches

    async with database.engine.begin() as connection:
        await connection.run_sync(run)
