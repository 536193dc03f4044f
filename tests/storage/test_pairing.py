"""Pairing storage on SQLite and PostgreSQL: the pool, private wishes, rounds and history."""

from __future__ import annotations

from datetime import timedelta

from flows.onboarding import Role
from flows.pairing import (
    Match,
    PastMatch,
    Proposal,
    Reason,
    ReasonKind,
    RoundMode,
    Unmatched,
    UnmatchedReason,
    Wants,
)
from storage import cohorts, matches, pairing, people
from storage.db import Database
from storage.models import utcnow
from storage.pairing_models import PoolStatus, RoundKind, RoundStatus

STUDENTS = {1: "Sanne", 2: "Bram", 3: "Noor", 4: "Daan"}


async def a_cohort(database: Database, *, coordinator: int | None = 9) -> int:
    """A cohort with four students and a coordinator; returns its id."""
    now = utcnow()
    async with database.transaction() as session:
        cohort = await cohorts.create_cohort(session, name="5B", created_by=None, now=now)
        members = {**STUDENTS, **({coordinator: "Ilse"} if coordinator else {})}
        for uid, name in members.items():
            user = await people.get_or_create_user(session, user_id=uid, now=now)
            await people.accept_privacy(session, user=user, first_name=name, username=None, now=now)
            role = Role.COORDINATOR if uid == coordinator else Role.STUDENT
            await cohorts.join_cohort(session, user_id=uid, cohort_id=cohort.id, role=role, now=now)
        return cohort.id


async def test_joining_pausing_and_leaving_the_pool(database: Database) -> None:
    cohort_id = await a_cohort(database)
    now = utcnow()
    async with database.transaction() as session:
        entry = await pairing.join_pool(
            session, cohort_id=cohort_id, user_id=1, language="en", now=now
        )
        entry.wants, entry.availability = Wants.BE_COACHED, ["tue-pm", "wed-am"]
        entry.paused_until = now + timedelta(days=7)
        await pairing.join_pool(session, cohort_id=cohort_id, user_id=2, language="nl", now=now)
        # A coordinator in the pool is not a student there: not a candidate.
        await pairing.join_pool(session, cohort_id=cohort_id, user_id=9, language="nl", now=now)
    async with database.transaction() as session:
        pool = await pairing.active_pool(session, cohort_id=cohort_id)
        assert [e.user_id for e in pool] == [1, 2]
        sanne = pool[0]
        assert (sanne.wants, sanne.availability, sanne.language) == (
            Wants.BE_COACHED,
            ["tue-pm", "wed-am"],
            "en",
        )
        assert pairing.is_paused(sanne, now) and not pairing.is_paused(sanne, now + timedelta(8))
        await pairing.leave_pool(session, entry=sanne, now=now)
    async with database.transaction() as session:
        assert [e.user_id for e in await pairing.active_pool(session, cohort_id=cohort_id)] == [2]
        again = await pairing.join_pool(
            session, cohort_id=cohort_id, user_id=1, language="nl", now=now
        )
        # Coming back keeps the profile but not the old pause.
        assert again.status is PoolStatus.ACTIVE and again.paused_until is None
        assert again.availability == ["tue-pm", "wed-am"]


async def test_do_not_pair_wishes_toggle_and_reach_only_the_algorithm(database: Database) -> None:
    await a_cohort(database)
    now = utcnow()
    async with database.transaction() as session:
        assert await pairing.toggle_do_not_pair(session, user_id=1, other_id=2, now=now)
        assert await pairing.toggle_do_not_pair(session, user_id=3, other_id=2, now=now)
        assert await pairing.toggle_do_not_pair(session, user_id=1, other_id=4, now=now)
        assert not await pairing.toggle_do_not_pair(session, user_id=1, other_id=4, now=now)
    async with database.sessions() as session:
        assert await pairing.do_not_pair_of(session, user_id=1) == {2}
        among = await pairing.do_not_pair_among(session, user_ids=[1, 2, 4])
        assert among == frozenset({frozenset({1, 2})})
    async with database.transaction() as session:
        await people.forget_user(session, user_id=2)
    async with database.sessions() as session:
        assert await pairing.do_not_pair_of(session, user_id=1) == set()


def a_proposal() -> Proposal:
    match = Match(
        members=(1, 2),
        coach_of=((1, 2), (2, 1)),
        reasons=(
            Reason(ReasonKind.LOCKED),
            Reason(ReasonKind.SHARED_AVAILABILITY, slots=("tue-pm",)),
            Reason(ReasonKind.REPEAT_PAIR, people=(1, 2)),
        ),
        score=120,
        locked=True,
    )
    triad = Match(
        members=(3, 4, 5),
        coach_of=((3, 4), (4, 5), (5, 3)),
        reasons=(),
        score=7,
        joined_as_third=5,
    )
    return Proposal((match, triad), (Unmatched(6, UnmatchedReason.PAUSED),))


def test_a_proposal_survives_json() -> None:
    proposal = a_proposal()
    assert pairing.proposal_from_json(pairing.proposal_to_json(proposal)) == proposal


async def test_rounds_drafts_numbers_and_history(database: Database) -> None:
    cohort_id = await a_cohort(database)
    now = utcnow()
    async with database.transaction() as session:
        first = await pairing.create_round(
            session,
            cohort_id=cohort_id,
            kind=RoundKind.ROUND,
            number=1,
            mode=RoundMode.ONE_WAY,
            proposal=a_proposal(),
            created_by=9,
            now=now,
        )
        assert await pairing.last_round_number(session, cohort_id=cohort_id) == 0
        one_way = await matches.create_match(
            session, cohort_id=cohort_id, kind="one_way", members=[1, 2], now=now
        )
        await pairing.link_match(session, round_id=first.id, match_id=one_way.id)
        pairing.close_round(first, RoundStatus.CONFIRMED, now=now)
        # A match made outside pairing counts as the latest round.
        outside = await matches.create_match(
            session, cohort_id=cohort_id, kind="reciprocal", members=[3, 4], now=now
        )
        await matches.end_match(
            session, match=outside, status="dissolved", reason="no_click", now=now
        )
    async with database.transaction() as session:
        assert await pairing.draft_round(session, cohort_id=cohort_id) is None
        draft = await pairing.create_round(
            session,
            cohort_id=cohort_id,
            kind=RoundKind.ROUND,
            number=2,
            mode=RoundMode.RECIPROCAL,
            proposal=Proposal((), ()),
            created_by=9,
            now=now,
        )
        version = draft.version
        pairing.save_proposal(draft, a_proposal(), now=now)
        assert draft.version == version + 1
    async with database.transaction() as session:
        found = await pairing.draft_round(session, cohort_id=cohort_id)
        assert found is not None and found.id == draft.id
        locked = await pairing.lock_round(session, round_id=draft.id)
        assert locked is not None
        assert pairing.proposal_from_json(locked.proposal) == a_proposal()
        assert await pairing.last_round_number(session, cohort_id=cohort_id) == 1
        assert await pairing.has_confirmed_round(session, cohort_id=cohort_id)
        history = await pairing.pairing_history(session, cohort_id=cohort_id)
        assert set(history.past_matches) == {
            PastMatch(1, frozenset({1, 2})),
            PastMatch(1, frozenset({3, 4})),
        }
        assert history.round_being_paired() == 2
        assert dict(history.times_given) == {1: 1, 3: 1, 4: 1}
        assert dict(history.times_received) == {2: 1, 3: 1, 4: 1}
        assert await pairing.active_members(session, cohort_id=cohort_id) == {one_way.id: [1, 2]}
        assert await pairing.dissolved_pairs(session, cohort_id=cohort_id, user_ids=[3]) == {
            frozenset({3, 4})
        }
        assert await pairing.dissolved_pairs(session, cohort_id=cohort_id, user_ids=[1]) == set()


async def test_contacts_and_profile_answers(database: Database) -> None:
    cohort_id = await a_cohort(database)
    now = utcnow()
    async with database.transaction() as session:
        entry = await pairing.join_pool(
            session, cohort_id=cohort_id, user_id=3, language="nl", now=now
        )
        entry.awaiting, entry.awaiting_since = "about", now
        await people.mark_unreachable(session, user_id=4, now=now)
    async with database.transaction() as session:
        waiting = await pairing.awaiting_entry(session, user_id=3)
        assert waiting is not None and waiting.awaiting == "about"
        await pairing.stop_awaiting(session, user_ids=[3])
    async with database.sessions() as session:
        assert await pairing.awaiting_entry(session, user_id=3) is None
        found = await pairing.contacts(session, user_ids=[3, 4])
        assert (found[3].name, found[3].unreachable, found[4].unreachable) == ("Noor", False, True)
        assert await pairing.cohort_students(session, cohort_ids=[cohort_id]) == [1, 2, 3, 4]
