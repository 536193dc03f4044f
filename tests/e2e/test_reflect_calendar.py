"""A planned conversation in the student's own calendar: an .ics file that a calendar library
reads, with the time in the cohort's zone, and a re-planned time replacing the first."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar
from tgemulator import EmuMessage, ScriptedUser

from bot.clock import FakeClock
from tests.e2e.support.conversation import edited_to
from tests.e2e.support.trajectory import greeted, pair_up, snapshots
from tests.e2e.support.world import World

MONDAY_8_UTC = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
COHORT = "Curaçao 4"


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(MONDAY_8_UTC)


async def plan(planner: ScriptedUser, day: str, time: str, *, again: bool = False) -> None:
    """Plan from the home card (or /plan): a day, then a time."""
    if again:
        await planner.send("/plan")
    else:
        await planner.press("📅 Plan een moment")
    card = await planner.expect("Wanneer is jullie volgende gesprek?")
    await planner.press(day)
    await edited_to(planner, card.message_id, "hoe laat?")
    await planner.press(time)


def event_of(message: EmuMessage) -> tuple[Calendar, Any]:
    """The calendar in a document message, and its one event."""
    assert message.kind == "document" and message.file is not None
    assert message.file.file_name == "peercoach.ics"
    calendar = Calendar.from_ical(message.file.data)
    [event] = calendar.walk("VEVENT")
    return calendar, event


async def test_the_file_has_the_cohorts_time_and_a_new_plan_replaces_it(world: World) -> None:
    """Curaçao plans 12:30 local; the .ics says 12:30 America/Curacao; re-planned, it moves."""
    (sanne, bram), ilse, match_id = await pair_up(
        world, ["Sanne", "Bram"], kind="one_way", cohort=COHORT
    )
    assert ilse is not None
    await ilse.send("/cohorttime America/Curacao")
    await ilse.expect("Curaçao 4 gebruikt nu America/Curacao")
    await greeted(sanne, bram)
    await plan(sanne, "wo 4 mrt", "12:30")
    planned = await sanne.expect("Gepland: wo 4 mrt, 12:30")
    assert sanne.buttons(planned) == ["📆 Zet in mijn agenda"]
    told = await bram.expect("Sanne plande jullie volgende gesprek: wo 4 mrt, 12:30")
    assert bram.buttons(told) == ["📆 Zet in mijn agenda"]

    await bram.press("📆 Zet in mijn agenda")
    document = await bram.expect("Open dit bestand om jullie gesprek van wo 4 mrt, 12:30")
    calendar, event = event_of(document)
    start = event.decoded("dtstart")
    assert start.tzinfo == ZoneInfo("America/Curacao") or str(start.tzinfo) == "America/Curacao"
    assert (start.hour, start.minute) == (12, 30)
    [trajectory] = await snapshots(world, match_id)
    assert start == trajectory.next_meeting  # the stored moment, 16:30 UTC
    assert event.decoded("dtend") - start == timedelta(minutes=30)
    assert str(event.get("summary")) == "Coachingsgesprek met Sanne"
    assert [tz["tzid"] for tz in calendar.walk("VTIMEZONE")] == ["America/Curacao"]
    first_uid = str(event.get("uid"))
    first_sequence = int(event.get("sequence"))

    world.move_to(MONDAY_8_UTC + timedelta(hours=1))
    await plan(sanne, "do 5 mrt", "16:00", again=True)
    await sanne.expect("Gepland: do 5 mrt, 16:00")
    await bram.expect("Sanne plande jullie volgende gesprek: do 5 mrt, 16:00")
    await bram.press("📆 Zet in mijn agenda")  # the newest button, under the new time
    _, moved = event_of(await bram.expect("do 5 mrt, 16:00"))
    assert str(moved.get("uid")) == first_uid
    assert int(moved.get("sequence")) > first_sequence
    new_start = moved.decoded("dtstart")
    assert (new_start.day, new_start.hour) == (5, 16)

    world.move_to(datetime(2026, 3, 6, 12, 0, tzinfo=UTC))  # after the conversation
    for person in (sanne, bram):
        person.skip_unread()
    await bram.press("📆 Zet in mijn agenda")
    for _ in range(10):
        answer = await bram.expect_callback_answer(timeout=30)
        if answer.text:
            break
    assert answer.text == "Er staat nu geen gesprek gepland. Plan er een met /plan."


async def test_in_english_the_planner_adds_it_too(world: World) -> None:
    """An English pair in the default zone: the planner's own button, English words."""
    (emma, liam), _, match_id = await pair_up(
        world, ["Emma", "Liam"], kind="one_way", language="English"
    )
    await greeted(emma, liam)
    await emma.press("📅 Plan a moment")
    card = await emma.expect("When is your next conversation?")
    await emma.press(emma.buttons(card)[2])
    times = await edited_to(emma, card.message_id, ":")
    time = emma.buttons(times)[0]
    await emma.press(time)
    await emma.expect("Planned:")
    await emma.press("📆 Add to my calendar")
    document = await emma.expect("Open this file to put your conversation on")
    _, event = event_of(document)
    assert str(event.get("summary")) == "Coaching conversation with Liam"
    start = event.decoded("dtstart")
    assert str(start.tzinfo) == "Europe/Brussels" and f"{start:%H:%M}" == time
    [trajectory] = await snapshots(world, match_id)
    assert start == trajectory.next_meeting
