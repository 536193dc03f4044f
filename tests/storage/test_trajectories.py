"""Trajectory storage on every backend: snapshots, shared pair state, awaited input, scripts."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from flows.trajectory import (
    Party,
    Step,
    Trajectory,
    add_step,
    record_meeting,
)
from storage import cohorts, matches, people, trajectories
from storage.db import Database
from storage.models import Match

NOW = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)


async def _match(db: Database, members: list[int], kind: str = "reciprocal") -> tuple[int, int]:
    async with db.transaction() as session:
        cohort = await cohorts.create_cohort(session, name="4H", created_by=None, now=NOW)
        for user_id in members:
            await people.get_or_create_user(session, user_id=user_id, now=NOW)
        match = await matches.create_match(
            session, cohort_id=cohort.id, kind=kind, members=members, now=NOW
        )
        return cohort.id, match.id


async def test_a_snapshot_survives_a_round_trip_with_its_step(database: Database) -> None:
    _, match_id = await _match(database, [11, 12])
    walked = record_meeting(Trajectory(), held=True, at=NOW)
    async with database.transaction() as session:
        row = await trajectories.create_trajectory(
            session,
            match_id=match_id,
            position=0,
            coach_id=11,
            coachee_id=12,
            observer_id=None,
            step=Step.CONTACT.value,
            snapshot=Trajectory().to_dict(),
            now=NOW,
        )
        row.theme, row.question = 2, 3
        trajectories.store_snapshot(row, snapshot=walked.to_dict(), step="contact", now=NOW)
    async with database.sessions() as session:
        [stored] = await trajectories.trajectories_of_match(session, match_id=match_id)
        assert Trajectory.from_dict(stored.snapshot) == walked
        assert (stored.theme, stored.question) == (2, 3)  # same step: the card keeps its place
        trajectories.store_snapshot(stored, snapshot=walked.to_dict(), step="contract", now=NOW)
        assert (stored.step, stored.theme, stored.question) == ("contract", 0, 0)
        mine = await trajectories.trajectories_of_user(session, user_id=12)
        assert [r.id for r in mine] == [stored.id]
        assert await trajectories.trajectories_of_user(session, user_id=99) == []


async def test_the_pair_state_is_made_once(database: Database) -> None:
    _, match_id = await _match(database, [21, 22])
    async with database.transaction() as session:
        state = await trajectories.pair_state(session, match_id=match_id, now=NOW)
        state.conversations, state.next_meeting = 2, NOW + timedelta(days=1)
    async with database.transaction() as session:
        again = await trajectories.pair_state(session, match_id=match_id, now=NOW)
        assert again.conversations == 2 and again.next_meeting == NOW + timedelta(days=1)
        assert again.click is None and again.talking_id is None


async def test_awaited_input_is_replaced_and_cleared(database: Database) -> None:
    async with database.transaction() as session:
        await trajectories.set_input(
            session, user_id=31, kind="goal", trajectory_id=None, data={"chain": "goal"}, now=NOW
        )
        await trajectories.set_input(
            session, user_id=31, kind="scale", trajectory_id=None, data={}, now=NOW
        )
    async with database.transaction() as session:
        waiting = await trajectories.get_input(session, user_id=31)
        assert waiting is not None and (waiting.kind, waiting.data) == ("scale", {})
        assert await trajectories.clear_input(session, user_id=31) is True
        assert await trajectories.clear_input(session, user_id=31) is False
        assert await trajectories.get_input(session, user_id=31) is None


async def test_a_cohort_script_is_stored_per_language(database: Database) -> None:
    cohort_id, _ = await _match(database, [41, 42])
    async with database.transaction() as session:
        await trajectories.save_script(
            session, cohort_id=cohort_id, language="nl", text="a", uploaded_by=41, now=NOW
        )
        await trajectories.save_script(
            session, cohort_id=cohort_id, language="nl", text="b", uploaded_by=41, now=NOW
        )
    async with database.transaction() as session:
        assert await trajectories.get_script(session, cohort_id=cohort_id, language="nl") == "b"
        assert await trajectories.get_script(session, cohort_id=cohort_id, language="en") is None
        assert await trajectories.delete_script(session, cohort_id=cohort_id, language="nl")
        assert await trajectories.get_script(session, cohort_id=cohort_id, language="nl") is None


async def test_staff_progress_holds_counts_and_dates_but_no_words(database: Database) -> None:
    cohort_id, match_id = await _match(database, [51, 52], kind="one_way")
    secret = "Ik wil minder bang zijn voor toetsen"
    walked = record_meeting(Trajectory(step=Step.ROUTE), held=True, at=NOW)
    walked = add_step(walked, secret, date(2026, 3, 9), by=Party.COACHEE, at=NOW)
    async with database.transaction() as session:
        await trajectories.create_trajectory(
            session,
            match_id=match_id,
            position=0,
            coach_id=51,
            coachee_id=52,
            observer_id=None,
            step=walked.step.value,
            snapshot=walked.to_dict(),
            now=NOW,
        )
        state = await trajectories.pair_state(session, match_id=match_id, now=NOW)
        state.next_meeting = NOW + timedelta(days=7)
    async with database.sessions() as session:
        [progress] = await trajectories.cohort_progress(session, cohort_id=cohort_id)
    assert (progress.step, progress.conversations, progress.open_steps) == ("route", 1, 1)
    assert (progress.match_status, progress.done_steps, progress.silent_prompts) == ("active", 0, 0)
    assert progress.next_meeting == NOW + timedelta(days=7)
    assert progress.last_activity == NOW
    assert secret not in repr(progress)


async def test_trajectories_go_when_their_match_is_deleted(database: Database) -> None:
    _, match_id = await _match(database, [61, 62])
    async with database.transaction() as session:
        row = await trajectories.create_trajectory(
            session,
            match_id=match_id,
            position=0,
            coach_id=61,
            coachee_id=62,
            observer_id=None,
            step="contact",
            snapshot=Trajectory().to_dict(),
            now=NOW,
        )
        await trajectories.set_input(
            session, user_id=62, kind="goal", trajectory_id=row.id, data={}, now=NOW
        )
    async with database.transaction() as session:
        match = await session.get(Match, match_id)
        await session.delete(match)
    async with database.sessions() as session:
        assert await trajectories.trajectories_of_match(session, match_id=match_id) == []
        assert await trajectories.get_input(session, user_id=62) is None


async def test_a_pair_is_loaded_at_once_with_its_members_in_order(database: Database) -> None:
    _, match_id = await _match(database, [21, 22, 23], kind="triad")
    async with database.transaction() as session:
        for position, (coach, coachee) in enumerate(((21, 22), (22, 23))):
            await trajectories.create_trajectory(
                session,
                match_id=match_id,
                position=position,
                coach_id=coach,
                coachee_id=coachee,
                observer_id=None,
                step=Step.CONTACT.value,
                snapshot=Trajectory().to_dict(),
                now=NOW,
            )
    async with database.transaction() as session:
        loaded = await trajectories.lock_pair(session, match_id=match_id, now=NOW)
        assert loaded is not None and loaded.match.id == match_id
        assert [user_id for user_id, _ in loaded.members] == [21, 22, 23]
        assert all(user is not None and user.id == uid for uid, user in loaded.members)
        assert [(r.coach_id, r.coachee_id) for r in loaded.rows] == [(21, 22), (22, 23)]
        assert loaded.state.match_id == match_id
        assert await trajectories.lock_pair(session, match_id=999, now=NOW) is None
