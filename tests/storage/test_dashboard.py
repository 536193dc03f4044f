"""Dashboard storage on SQLite and PostgreSQL: links and sessions, and a cohort's numbers."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from flows.dashboard import Funnel, Holder, Reason, Refusal, Scope, needs_attention
from flows.onboarding import Role
from flows.pairing import Proposal, RoundMode
from flows.pairing.ending import RoundEnding
from flows.trajectory.silence import Silence
from storage import (
    cohorts,
    dashboard,
    erasure,
    matches,
    operations,
    pairing,
    pairing_rounds,
    people,
    trajectories,
)
from storage.dashboard_models import DashboardSession
from storage.db import Database
from storage.models import InboxUpdate, Match, OutboxMessage, User, utcnow
from storage.pairing_models import PairingRound, RoundKind, RoundStatus
from storage.trajectory_models import PairState

STAFF_9 = Holder(9, Scope.STAFF)
STUDENTS = {1: "Sanne", 2: "Bram", 3: "Noor", 4: "Daan", 5: "Eva", 6: "Finn"}


async def a_busy_cohort(database: Database) -> int:
    """A cohort in every state the funnel and the attention list tell apart; returns its id."""
    now = utcnow()
    async with database.transaction() as session:
        cohort = await cohorts.create_cohort(session, name="5B", created_by=None, now=now)
        invites = await cohorts.create_cohort_invites(session, cohort_id=cohort.id, now=now)
        other = await cohorts.create_cohort(session, name="6A", created_by=None, now=now)
        members = {**STUDENTS, 8: "Tom", 9: "Ilse", 30: "Elsewhere"}
        for uid, name in members.items():
            user = await people.get_or_create_user(session, user_id=uid, now=now)
            await people.accept_privacy(session, user=user, first_name=name, username=None, now=now)
            role = {8: Role.TEACHER, 9: Role.COORDINATOR}.get(uid, Role.STUDENT)
            where = other.id if uid == 30 else cohort.id
            await cohorts.join_cohort(session, user_id=uid, cohort_id=where, role=role, now=now)
        # Opened the student link, has not agreed yet.
        opener = await people.get_or_create_user(session, user_id=20, now=now)
        opener.pending_invite = invites[Role.STUDENT].code
        for uid in (1, 2, 3, 4, 5, 30):
            where = other.id if uid == 30 else cohort.id
            entry = await pairing.join_pool(
                session, cohort_id=where, user_id=uid, language="nl", now=now - timedelta(days=3)
            )
            if uid == 5:
                entry.paused_until = now + timedelta(days=7)
        # Sanne and Bram coach each other; Sanne let the bot's prompts pass for ten days.
        active = await matches.create_match(
            session, cohort_id=cohort.id, kind="reciprocal", members=[1, 2], now=now
        )
        for position, (coach, coachee) in enumerate(((1, 2), (2, 1))):
            await trajectories.create_trajectory(
                session,
                match_id=active.id,
                position=position,
                coach_id=coach,
                coachee_id=coachee,
                observer_id=None,
                step="goal",
                snapshot={
                    "goal": "never shown",
                    "meetings": [
                        {"at": (now - timedelta(days=9)).isoformat(), "held": True},
                        {"at": (now - timedelta(days=2)).isoformat(), "held": position == 0},
                    ],
                },
                now=now,
            )
        silent = Silence(count=3, since=now - timedelta(days=10)).to_dict()
        session.add(PairState(match_id=active.id, silences={"1": silent}, updated_at=now))
        # Noor and Finn had no click; then Noor finished a trajectory with Daan.
        no_click = await matches.create_match(
            session,
            cohort_id=cohort.id,
            kind="reciprocal",
            members=[3, 6],
            now=now - timedelta(days=20),
        )
        no_click.status, no_click.dissolved_reason = "dissolved", "no_click"
        no_click.ended_at = now - timedelta(days=15)
        done = await matches.create_match(
            session,
            cohort_id=cohort.id,
            kind="reciprocal",
            members=[3, 4],
            now=now - timedelta(days=14),
        )
        done.status, done.ended_at = "closed", now - timedelta(days=1)
        return cohort.id


async def test_the_funnel_counts_every_stage(database: Database) -> None:
    cohort_id = await a_busy_cohort(database)
    async with database.sessions() as session:
        funnel = await dashboard.funnel(session, cohort_id=cohort_id)
    assert funnel == Funnel(
        invited=7,
        joined=6,
        consented=6,
        in_pool=5,
        paired=2,
        steps={"goal": 2},
        closed=1,
        dissolved=1,
    )


async def test_who_needs_attention_and_why(database: Database) -> None:
    cohort_id = await a_busy_cohort(database)
    now = utcnow()
    async with database.sessions() as session:
        facts = await dashboard.student_facts(session, cohort_id=cohort_id)
    found = {a.first_name: [r for r, _ in a.reasons] for a in needs_attention(facts, now)}
    assert found == {
        # The second trajectory (Bram coaches Sanne) says their last talk did not happen.
        "Sanne": [Reason.SILENT, Reason.NOT_MET],
        "Bram": [Reason.NOT_MET],
        "Noor": [Reason.WAITING],
        "Daan": [Reason.WAITING],
        "Eva": [Reason.PAUSED],
        "Finn": [Reason.NO_CLICK],
    }


async def test_activity_dates_and_the_csv_rows(database: Database) -> None:
    cohort_id = await a_busy_cohort(database)
    async with database.sessions() as session:
        dates = await dashboard.activity_dates(session, cohort_id=cohort_id)
        rows = await dashboard.people_rows(session, cohort_id=cohort_id)
    assert (len(dates.joined), len(dates.paired), len(dates.ended)) == (6, 3, 2)
    by_name = {row.first_name: row for row in rows}
    assert set(by_name) == {*STUDENTS.values(), "Tom", "Ilse"}
    assert by_name["Sanne"].steps == ["coach:goal", "coachee:goal"]
    assert (by_name["Ilse"].role, by_name["Finn"].in_pool) == ("coordinator", False)


async def test_staff_see_their_cohorts_only(database: Database) -> None:
    cohort_id = await a_busy_cohort(database)
    async with database.sessions() as session:
        assert [c.name for c in await dashboard.staff_cohorts(session, user_id=9)] == ["5B"]
        assert [c.role for c in await dashboard.staff_cohorts(session, user_id=8)] == [Role.TEACHER]
        assert await dashboard.staff_cohorts(session, user_id=1) == []
        assert await dashboard.may_see(session, user_id=9, cohort_id=cohort_id)
        assert not await dashboard.may_see(session, user_id=9, cohort_id=cohort_id + 1)
        assert not await dashboard.may_see(session, user_id=1, cohort_id=cohort_id)


async def test_an_operations_link_and_session_hold_no_person(database: Database) -> None:
    now = utcnow()
    ops = Holder(None, Scope.OPS)
    async with database.transaction() as session:
        token = await dashboard.create_link(session, user_id=None, scope=Scope.OPS, now=now)
        with pytest.raises(ValueError):  # a staff link must name its person, ops never does
            await dashboard.create_link(session, user_id=None, now=now)
        with pytest.raises(ValueError):
            await dashboard.create_link(session, user_id=9, scope=Scope.OPS, now=now)
    async with database.transaction() as session:
        assert await dashboard.redeem_link(session, token=token, now=now) == (ops, None)
        assert await dashboard.redeem_link(session, token=token, now=now) == (None, Refusal.USED)
        cookie = await dashboard.create_session(session, holder=ops, now=now)
    async with database.transaction() as session:
        assert await dashboard.session_holder(session, token=cookie, now=now) == ops
        assert await dashboard.session_user(session, token=cookie, now=now) is None  # no staff
        stored = (await session.scalars(select(DashboardSession))).all()
        assert [(row.user_id, row.scope) for row in stored] == [(None, "ops")]
        await dashboard.end_session(session, token=cookie)
    async with database.transaction() as session:
        assert await dashboard.session_holder(session, token=cookie, now=now) is None


async def test_a_link_works_once_and_a_session_until_sign_out(database: Database) -> None:
    now = utcnow()
    async with database.transaction() as session:
        session.add(User(id=9, first_name="Ilse"))
        token = await dashboard.create_link(session, user_id=9, now=now)
        old = await dashboard.create_link(session, user_id=9, now=now - timedelta(minutes=11))
    async with database.transaction() as session:
        assert await dashboard.redeem_link(session, token=token, now=now) == (STAFF_9, None)
    async with database.transaction() as session:
        assert await dashboard.redeem_link(session, token=token, now=now) == (None, Refusal.USED)
        assert await dashboard.redeem_link(session, token=old, now=now) == (
            None,
            Refusal.EXPIRED,
        )
        assert await dashboard.redeem_link(session, token="forged", now=now) == (
            None,
            Refusal.UNKNOWN,
        )
        cookie = await dashboard.create_session(session, holder=STAFF_9, now=now)
    async with database.transaction() as session:
        assert await dashboard.session_user(session, token=cookie, now=now) == 9
        assert await dashboard.session_user(session, token=token, now=now) is None
        assert (
            await dashboard.session_user(session, token=cookie, now=now + timedelta(hours=9))
            is None
        )
        await dashboard.end_session(session, token=cookie)
    async with database.transaction() as session:
        assert await dashboard.session_user(session, token=cookie, now=now) is None
        fresh = await dashboard.create_link(session, user_id=9, now=now)
        kept = await dashboard.create_session(session, holder=STAFF_9, now=now)
    # Erasure takes the person's links and sessions with them.
    async with database.transaction() as session:
        await erasure.erase_person(session, user_id=9, now=now)
    async with database.transaction() as session:
        assert await dashboard.session_user(session, token=kept, now=now) is None
        assert await dashboard.redeem_link(session, token=fresh, now=now) == (
            None,
            Refusal.UNKNOWN,
        )


async def test_a_job_is_asked_once_per_name(database: Database) -> None:
    now = utcnow()
    job = {"conversation": "user:9", "kind": "dash_end_round", "payload": {"cohort_id": 1}}
    async with database.transaction() as session:
        assert await dashboard.ask_once(session, name="dashboard:end:1:1", now=now, **job)
        assert not await dashboard.ask_once(session, name="dashboard:end:1:1", now=now, **job)
        assert await dashboard.ask_once(session, name="dashboard:end:1:2", now=now, **job)
    async with database.transaction() as session:
        assert not await dashboard.ask_once(session, name="dashboard:end:1:2", now=now, **job)


async def test_rounds_count_what_became_of_their_matches_and_end_once(
    database: Database,
) -> None:
    cohort_id = await a_busy_cohort(database)
    now = utcnow()

    async def confirmed(session: AsyncSession, number: int) -> PairingRound:
        row = await pairing.create_round(
            session,
            cohort_id=cohort_id,
            kind=RoundKind.ROUND,
            number=number,
            mode=RoundMode.RECIPROCAL,
            proposal=Proposal((), ()),
            created_by=9,
            now=now,
        )
        pairing.close_round(row, RoundStatus.CONFIRMED, now=now)
        return row

    async with database.transaction() as session:
        assert await pairing_rounds.round_facts(session, cohort_id=cohort_id) == []
        assert await pairing_rounds.open_round(session, cohort_id=cohort_id) is None
        row = await pairing.create_round(
            session,
            cohort_id=cohort_id,
            kind=RoundKind.ROUND,
            number=1,
            mode=RoundMode.RECIPROCAL,
            proposal=Proposal((), ()),
            created_by=9,
            now=now,
        )
        assert await dashboard.has_draft(session, cohort_id=cohort_id)
        assert await pairing_rounds.open_round(session, cohort_id=cohort_id) is None  # a draft
        pairing.close_round(row, RoundStatus.CONFIRMED, now=now)
        found = await session.scalars(select(Match.id).where(Match.cohort_id == cohort_id))
        for match_id in found.all():
            await pairing.link_match(session, round_id=row.id, match_id=match_id)
    async with database.transaction() as session:
        assert not await dashboard.has_draft(session, cohort_id=cohort_id)
        assert await dashboard.active_pairs(session, cohort_id=cohort_id) == 1
        [fact] = await pairing_rounds.round_facts(session, cohort_id=cohort_id)
        assert (fact.number, fact.kind, fact.made) == (1, "round", 3)
        assert (fact.running, fact.finished, fact.dissolved) == (1, 1, 1)
        assert fact.confirmed_at is not None and fact.ended_at is None and fact.ending is None
        running = await pairing_rounds.open_round(session, cohort_id=cohort_id)
        assert running is not None and running.number == 1
        pairing_rounds.mark_ended(running, RoundEnding.KEEP, now=now)
    async with database.transaction() as session:
        assert await pairing_rounds.open_round(session, cohort_id=cohort_id) is None
        [fact] = await pairing_rounds.round_facts(session, cohort_id=cohort_id)
        assert fact.ended_at is not None and fact.ending is RoundEnding.KEEP
        # Round 2 nobody ended: confirming round 3 ends it first, its pairs kept.
        second = await confirmed(session, 2)
        assert await pairing_rounds.open_round(session, cohort_id=cohort_id) is second
        await pairing_rounds.end_earlier_rounds(session, cohort_id=cohort_id, now=now)
        assert second.ended_at is not None and second.ending is RoundEnding.KEEP
        assert await pairing_rounds.open_round(session, cohort_id=cohort_id) is None


async def test_operations_count_backlogs_and_failures_per_hour(database: Database) -> None:
    now = utcnow().replace(minute=30)
    async with database.transaction() as session:
        session.add_all(
            [
                InboxUpdate(update_id=1, status="done", received_at=now - timedelta(hours=1)),
                InboxUpdate(update_id=2, status="failed", received_at=now - timedelta(hours=1)),
                InboxUpdate(update_id=3, status="failed", received_at=now - timedelta(days=2)),
                InboxUpdate(update_id=4, status="pending", received_at=now),
                OutboxMessage(chat_id=5, method="sendMessage", payload={}, created_at=now),
                OutboxMessage(
                    chat_id=5,
                    method="sendMessage",
                    payload={},
                    status="failed",
                    created_at=now - timedelta(hours=1),
                ),
            ]
        )
    async with database.sessions() as session:
        ops = await operations.operations(session, now=now)
    hour = (now - timedelta(hours=1)).replace(minute=0, second=0, microsecond=0)
    assert (ops.outbox_pending, ops.updates_pending) == (1, 1)
    assert ops.oldest_pending == now and ops.last_update == now
    assert ops.failed_updates == {hour: 1} and ops.failed_sends == {hour: 1}
    assert ops.database_bytes is not None and ops.database_bytes > 0
