"""Migrations and models agree: a migrated database needs no further change."""

from __future__ import annotations

import importlib.util
from datetime import UTC, datetime
from types import ModuleType
from typing import Any

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.operations import Operations
from sqlalchemy.engine import Connection

from flows.trajectory import ContractItemKey, Party, Step, Trajectory, propose_item
from storage import cohorts, matches, people, trajectories
from storage.db import Database
from storage.migrate import MIGRATIONS
from storage.schema import Base


async def test_migrated_schema_matches_the_models(database: Database) -> None:
    def differences(connection: Connection) -> list[Any]:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        return list(compare_metadata(context, Base.metadata))

    async with database.engine.connect() as connection:
        assert await connection.run_sync(differences) == []


def _contract_choices() -> ModuleType:
    path = MIGRATIONS / "versions" / "0019_contract_choices.py"
    spec = importlib.util.spec_from_file_location("contract_choices", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


async def test_agreements_kept_as_words_become_choices(database: Database) -> None:
    """Rows from before: a default suggestion kept as Dutch or English words becomes the
    suggestion's number (read in each reader's language); own words stay as they were, and a
    cohort with a script of its own keeps its words."""
    at = datetime(2026, 11, 2, 9, 30, tzinfo=UTC)
    trajectory = Trajectory(step=Step.CONTRACT, click_confirmed=True)
    worded = {
        ContractItemKey.PERIOD: "dit  Semester",
        ContractItemKey.RHYTHM: "Every other week",
        ContractItemKey.CHANNEL: "Bij mij thuis",
    }
    for key, words in worded.items():
        trajectory = propose_item(trajectory, key, words, by=Party.COACH, at=at)
    old = trajectory.to_dict()
    for item in old["contract"]["items"]:  # type: ignore[index]
        for version in item["versions"]:
            del version["option"], version["default"]  # as rows were written before
    ids = []
    async with database.transaction() as session:
        for name, own_script in (("4H", False), ("5V", True)):
            cohort = await cohorts.create_cohort(session, name=name, created_by=None, now=at)
            for user_id in (21, 22):
                await people.get_or_create_user(session, user_id=user_id, now=at)
            match = await matches.create_match(
                session, cohort_id=cohort.id, kind="one_way", members=[21, 22], now=at
            )
            if own_script:
                await trajectories.save_script(
                    session, cohort_id=cohort.id, language="nl", text="x", uploaded_by=None, now=at
                )
            row = await trajectories.create_trajectory(
                session,
                match_id=match.id,
                position=0,
                coach_id=21,
                coachee_id=22,
                observer_id=None,
                step="contract",
                snapshot=old,
                now=at,
            )
            ids.append(row.id)
    migration = _contract_choices()

    def upgrade(connection: Connection) -> None:
        with Operations.context(MigrationContext.configure(connection)):
            migration.upgrade()

    async with database.engine.begin() as connection:
        await connection.run_sync(upgrade)
    async with database.sessions() as session:
        plain, own = [await trajectories.get_trajectory(session, trajectory_id=i) for i in ids]
        assert plain is not None and own is not None
        contract = Trajectory.from_dict(plain.snapshot).contract
        options = {item.key: item.current.option for item in contract.items}
        assert options == {
            ContractItemKey.PERIOD: 0,
            ContractItemKey.RHYTHM: 1,
            ContractItemKey.CHANNEL: None,
        }
        assert contract.item(ContractItemKey.PERIOD).value == "dit  Semester"  # type: ignore[union-attr]
        kept = Trajectory.from_dict(own.snapshot).contract
        assert all(item.current.option is None for item in kept.items)
