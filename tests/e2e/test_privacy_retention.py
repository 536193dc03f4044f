"""Retention: a cohort's content is purged after its end date and the grace period, with a
warning and a metadata CSV for the coordinator two weeks before; inbox payloads never stay."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select

from bot.clock import Clock, FakeClock
from bot.handlers.privacy.requests import set_cohort_end
from flows.onboarding import Role
from storage import cohorts
from storage.models import Cohort, InboxUpdate, Match, Timer
from tests.e2e.support.conversation import press_when_shown, read_until
from tests.e2e.support.privacy import (
    Traces,
    a_school,
    fill_trajectories,
    paired,
    scan,
    settled,
)
from tests.e2e.support.world import World

T0 = datetime(2026, 6, 30, 8, 0, tzinfo=UTC)
ZOE = [f"Zoe wrote this for retention {n}" for n in range(7)]
QUINN = [f"Quinn wrote this for retention {n}" for n in range(7)]


@pytest.fixture
def clock() -> Clock:
    """Time moves when the test says so."""
    return FakeClock(T0)


async def test_a_cohort_is_purged_after_its_grace_period_keeping_only_counts(
    world: World,
) -> None:
    school = await a_school(world, ["Zoezephyra", "Quinnbert"], usernames={})
    zoe, quinn = school.students["Zoezephyra"], school.students["Quinnbert"]
    match_id = await paired(world, school, ["Zoezephyra", "Quinnbert"])
    await fill_trajectories(world, match_id, {zoe.user.id: ZOE, quinn.user.id: QUINN})
    await set_cohort_end(
        world.settings, "5B Coaching", "2026-06-30", clock=world.app.services.clock
    )
    purge_at = datetime(2026, 9, 28, tzinfo=world.settings.zone)  # 90 days after the end

    # Two weeks before, the coordinator is warned and takes the metadata.
    world.move_to(purge_at - timedelta(days=14))
    warning = await read_until(school.coordinator, "In two weeks, on 28 Sep 2026")
    assert "5B Coaching" in (warning.text or "")
    await press_when_shown(school.coordinator, "📄 Overview as CSV")
    sheet = await read_until(school.coordinator, "Overview of 5B Coaching")
    assert sheet.file is not None
    text = sheet.file.data.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert {(r["first_name"], r["role"]) for r in rows} == {
        ("Ilse", "coordinator"),
        ("Mila", "teacher"),
        ("Zoezephyra", "student"),
        ("Quinnbert", "student"),
    }
    assert {r["steps"] for r in rows if r["role"] == "student"} == {"path"}
    assert not [t for t in [*ZOE, *QUINN] if t in text]  # metadata, never content

    # At the purge only the cohort's name and anonymous counts stay.
    world.move_to(purge_at + timedelta(minutes=1))
    await read_until(school.coordinator, "The data of 5B Coaching has been erased")
    await settled(world)
    for person, words in ((zoe, ZOE), (quinn, QUINN)):
        name = person.user.first_name
        assert await scan(world, Traces(person.user.id, [name], words)) == []
    for staff in (school.coordinator, school.teacher):
        assert await scan(world, Traces(staff.user.id, [staff.user.first_name])) == []
    async with world.app.services.db.sessions() as session:
        cohort = await session.get(Cohort, school.cohort_id)
        assert cohort is not None and cohort.purged_at is not None
        assert cohort.counts == {
            "students": 2,
            "teachers": 1,
            "coordinators": 1,
            "matches_active": 1,
            "conversations": 0,
            "rooms": 0,
        }
        assert await session.scalar(select(Match.id)) is None


async def test_inbox_payloads_are_erased_once_processed(world: World) -> None:
    school = await a_school(world, ["Zoezephyra"], usernames={})
    zoe = school.students["Zoezephyra"]
    typed = ["Zoe types something private", "/help", "and one more secret line"]
    for text in typed:
        await zoe.send(text)
    await settled(world)
    async with world.app.services.db.sessions() as session:
        rows = (await session.scalars(select(InboxUpdate))).all()
    assert len(rows) >= len(typed)
    assert [(r.status, r.payload) for r in rows] == [("done", None)] * len(rows)
    assert await scan(world, Traces(None, [], [typed[0], typed[2]])) == []


async def test_a_coordinator_sets_the_last_day_in_telegram(world: World) -> None:
    school = await a_school(world, ["Zoezephyra"], usernames={})
    ilse, zoe = school.coordinator, school.students["Zoezephyra"]
    await zoe.send("/enddate 30-06-2026")
    await read_until(zoe, "Only coordinators can set a group's last day.")
    await ilse.send("/enddate end of June")
    await read_until(ilse, "for example /enddate 2026-06-30")
    await ilse.send("/enddate 2020-06-30")  # a typo for a date long gone: nothing is erased
    await read_until(ilse, "That day has already passed (30 Jun 2020). Nothing has changed")
    async with world.app.services.db.sessions() as session:
        cohort = await session.get(Cohort, school.cohort_id)
        assert cohort is not None and cohort.ends_on is None and cohort.purged_at is None
    assert await _timers(world) == []
    await ilse.send("/enddate 30-06-2026")
    done = await read_until(ilse, "5B Coaching ends on 30 Jun 2026.")
    assert "On 28 Sep 2026 I'll erase what the students wrote" in (done.text or "")
    async with world.app.services.db.transaction() as session:
        cohort = await session.get(Cohort, school.cohort_id)
        assert cohort is not None and cohort.ends_on == date(2026, 6, 30)
        # A second cohort: now Ilse picks which one.
        other = await cohorts.create_cohort(session, name="6A Coaching", created_by=None, now=T0)
        await cohorts.join_cohort(
            session, user_id=ilse.user.id, cohort_id=other.id, role=Role.COORDINATOR, now=T0
        )
    await ilse.send("/enddate 2027-01-31")
    await read_until(ilse, "Which group is that the last day of?")
    await press_when_shown(ilse, "6A Coaching")
    await read_until(ilse, "6A Coaching ends on 31 Jan 2027.")
    due = {t.name: t.due_at for t in await _timers(world)}
    assert due[f"retention:{other.id}:retention_purge"] == datetime(
        2027, 5, 1, tzinfo=world.settings.zone
    )


async def _timers(world: World) -> list[Timer]:
    async with world.app.services.db.sessions() as session:
        return list((await session.scalars(select(Timer))).all())
