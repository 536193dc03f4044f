"""A cohort abroad: its planned conversations in its own time zone, reminders held by its own
quiet hours (here a school that keeps its lunch break quiet)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from tgemulator import ScriptedUser

from bot.clock import FakeClock
from tests.e2e.support.conversation import edited_to
from tests.e2e.support.trajectory import greeted, pair_up, snapshots
from tests.e2e.support.world import World

MONDAY_8_UTC = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)  # 04:00 in Curaçao, 09:00 in Brussels
COHORT = "Curaçao 4"


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(MONDAY_8_UTC)


async def plan(planner: ScriptedUser, day: str, time: str) -> None:
    """Plan from the home card: a day, then a time."""
    await planner.press("📅 Plan een moment")
    card = await planner.expect("Wanneer is jullie volgende gesprek?")
    assert planner.buttons(card)[0] == "ma 2 mrt"
    await planner.press(day)
    times = await edited_to(planner, card.message_id, "hoe laat?")
    assert planner.buttons(times)[:4] == ["10:00", "12:30", "16:00", "19:30"]
    await planner.press(time)


async def test_a_cohort_abroad_plans_in_its_zone_and_its_quiet_hours_hold_a_reminder(
    world: World,
) -> None:
    (sanne, bram), ilse, match_id = await pair_up(
        world, ["Sanne", "Bram"], kind="one_way", cohort=COHORT
    )
    assert ilse is not None
    await ilse.send("/cohorttime")
    await ilse.expect("Curaçao 4: Europe/Brussels, stil van 21:00 tot 08:00")
    await ilse.send("/cohorttime America/Curaçao")
    await ilse.expect("De tijdzone America/Curaçao ken ik niet")
    await ilse.send("/cohorttime America/Curacao")
    await ilse.expect("Curaçao 4 gebruikt nu America/Curacao, stil van 21:00 tot 08:00")
    await greeted(sanne, bram)
    await sanne.send("/cohorttime Europe/Brussels")
    await sanne.expect("Alleen coördinatoren")
    await plan(sanne, "wo 4 mrt", "12:30")
    await sanne.expect("Gepland: wo 4 mrt, 12:30")
    await bram.expect("Sanne plande jullie volgende gesprek: wo 4 mrt, 12:30")
    [trajectory] = await snapshots(world, match_id)
    # 12:30 in Curaçao (UTC-4); in Brussels it would have been 11:30 UTC.
    assert trajectory.next_meeting == datetime(2026, 3, 4, 16, 30, tzinfo=UTC)

    await ilse.send("/cohorttime 12:00-14:00")  # the school keeps its lunch break quiet
    await ilse.expect("America/Curacao, stil van 12:00 tot 14:00")
    await ilse.send("/cohorttime 07:00-23:00")
    await ilse.expect("Met 07:00-23:00 als stille uren lukt het me niet")
    world.move_to(datetime(2026, 3, 3, 16, 30, tzinfo=UTC))  # Tuesday 12:30 in Curaçao
    await sanne.expect_silence(0.6)
    await bram.expect_silence(0.1)
    world.move_to(datetime(2026, 3, 3, 18, 0, tzinfo=UTC))  # Tuesday 14:00 in Curaçao
    for person in (sanne, bram):
        await person.expect("Morgen is jullie coachingsgesprek: wo 4 mrt, 12:30")


async def test_a_coordinator_of_two_cohorts_picks_the_one_abroad(world: World) -> None:
    _, ilse, _ = await pair_up(world, ["Noor", "Daan"], kind="one_way", cohort=COHORT)
    assert ilse is not None
    await ilse.send("/newcohort Bonaire 2")
    await ilse.expect("Bonaire 2")
    await ilse.expect("Bonaire 2")  # its invite links
    await ilse.send("/cohorttime America/Kralendijk 22:00-07:00")
    pick = await ilse.expect("Voor welke groep stel je dit in?")
    assert ilse.buttons(pick) == [COHORT, "Bonaire 2"]
    await ilse.press("Bonaire 2")
    await ilse.expect("Bonaire 2 gebruikt nu America/Kralendijk, stil van 22:00 tot 07:00")
    await ilse.send("/cohorttime")
    overview = await ilse.expect("/cohorttime Europe/Amsterdam 21:00-08:00")
    assert overview.text is not None and overview.text.endswith(
        "Curaçao 4: Europe/Brussels, stil van 21:00 tot 08:00\n"
        "Bonaire 2: America/Kralendijk, stil van 22:00 tot 07:00"
    )
    await ilse.send("/cohorttime Etc/GMT-3 Europe/Brussels")
    await ilse.expect("Zit je groep in een andere tijdzone")  # two zones: how it works
