"""The worry route's storage on SQLite and PostgreSQL: talks, lines and nudges hold who and
when only; export shows them to the person, erasure and the retention purge remove them."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select

from flows.onboarding import Role
from flows.privacy.export import export_document
from storage import cohorts, matches, people, retention, safety
from storage.db import Database
from storage.erasure import erase_person
from storage.export import person_facts
from storage.models import utcnow
from storage.safety_models import SafetyNudge, SafetyPledge, WorryLine, WorryTalk

STUDENT, CONFIDANT, OTHER = 11, 22, 33


async def _school(database: Database) -> int:
    now = utcnow()
    async with database.transaction() as session:
        cohort = await cohorts.create_cohort(session, name="4A", created_by=None, now=now)
        for user_id, name, role in (
            (STUDENT, "Sanne", Role.STUDENT),
            (CONFIDANT, "Anna", Role.CONFIDANT),
            (OTHER, "Bram", Role.STUDENT),
        ):
            user = await people.get_or_create_user(session, user_id=user_id, now=now)
            await people.accept_privacy(session, user=user, first_name=name, username=None, now=now)
            await cohorts.join_cohort(
                session, user_id=user_id, cohort_id=cohort.id, role=role, now=now
            )
        talk = await safety.start_talk(
            session, cohort_id=cohort.id, student_id=STUDENT, confidant_id=CONFIDANT, now=now
        )
        await safety.open_line(session, user_id=STUDENT, talk_id=talk.id, now=now)
        await safety.open_line(session, user_id=CONFIDANT, talk_id=talk.id, now=now)
        assert await safety.nudge_once(session, user_id=STUDENT, scope="match:1:1", now=now)
        assert not await safety.nudge_once(session, user_id=STUDENT, scope="match:1:1", now=now)
        assert await safety.nudge_once(session, user_id=STUDENT, scope="match:1:2", now=now)
        return cohort.id


async def _count(database: Database, table: type) -> int:
    async with database.sessions() as session:
        return int(await session.scalar(select(func.count()).select_from(table)) or 0)


async def test_confidants_country_and_a_talk_seen_from_both_sides(database: Database) -> None:
    cohort_id = await _school(database)
    async with database.transaction() as session:
        found = await safety.confidants_of(session, cohort_ids=[cohort_id])
        assert [(c.user_id, c.first_name, c.reachable) for c in found] == [(22, "Anna", True)]
        assert await safety.country_of(session, cohort_id=cohort_id, default="NL") == "NL"
        await safety.set_country(session, cohort_id=cohort_id, country="BE")
        assert await safety.country_of(session, cohort_id=cohort_id, default="NL") == "BE"
        mine = await person_facts(session, user_id=STUDENT, former="?")
        theirs = await person_facts(session, user_id=CONFIDANT, former="?")
        nobody = await person_facts(session, user_id=OTHER, former="?")
    assert mine is not None and theirs is not None and nobody is not None
    document = export_document(mine, utcnow())
    assert [(t["my_part"], t["with"]) for t in document["worry_talks"]] == [("asked", "Anna")]
    assert len(document["help_cards_shown"]) == 2
    assert [(t.asked, t.other) for t in theirs.worry_talks] == [(False, "Sanne")]
    assert not nobody.worry_talks and not nobody.help_cards_shown


async def test_closing_a_talk_closes_both_lines(database: Database) -> None:
    await _school(database)
    async with database.transaction() as session:
        talk = await safety.open_talk(session, student_id=STUDENT, confidant_id=CONFIDANT)
        assert talk is not None
        await safety.close_talk(session, talk=talk, now=utcnow())
    assert await _count(database, WorryLine) == 0
    async with database.sessions() as session:
        assert await safety.open_talk(session, student_id=STUDENT, confidant_id=CONFIDANT) is None


async def test_erasing_either_side_removes_the_talk_and_their_traces(database: Database) -> None:
    await _school(database)
    async with database.transaction() as session:
        await erase_person(session, user_id=CONFIDANT, now=utcnow())
    assert await _count(database, WorryTalk) == 0
    assert await _count(database, WorryLine) == 0  # the student's line to the talk went too
    assert await _count(database, SafetyNudge) == 2  # the student's own, kept for them
    async with database.transaction() as session:
        await erase_person(session, user_id=STUDENT, now=utcnow())
    assert await _count(database, SafetyNudge) == 0


async def test_the_retention_purge_removes_the_cohorts_talks(database: Database) -> None:
    cohort_id = await _school(database)
    async with database.transaction() as session:
        await retention.purge(session, cohort_id=cohort_id, now=utcnow() + timedelta(days=1))
    for table in (WorryTalk, WorryLine, SafetyNudge):
        assert await _count(database, table) == 0


async def test_pledges_are_exported_and_erased_with_the_person(database: Database) -> None:
    cohort_id = await _school(database)
    now = utcnow()
    async with database.transaction() as session:
        match = await matches.create_match(
            session, cohort_id=cohort_id, kind="reciprocal", members=[STUDENT, OTHER], now=now
        )
        row, first = await safety.pledge_shown(session, match_id=match.id, user_id=STUDENT, now=now)
        assert first
        row.agreed_at = now
        await safety.pledge_shown(session, match_id=match.id, user_id=OTHER, now=now)
        assert not (
            await safety.pledge_shown(session, match_id=match.id, user_id=STUDENT, now=now)
        )[1]
        facts = await person_facts(session, user_id=STUDENT, former="?")
    assert facts is not None
    assert export_document(facts, now)["pledges"] == [
        {"agreed_at": now.isoformat(), "declined_at": None}
    ]
    async with database.transaction() as session:
        await erase_person(session, user_id=STUDENT, now=now)
    async with database.sessions() as session:
        left = (await session.scalars(select(SafetyPledge))).all()
    assert [p.user_id for p in left] == [OTHER]
