"""Planning with buttons and durable timers on a fake clock: reminders the day before and an
hour before, "did you meet?", one gentle nudge for a step past its date, and quiet hours."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from tgemulator import ScriptedUser

from bot.clock import FakeClock
from flows.onboarding import Role
from flows.trajectory import Step, StepStatus, Trajectory
from tests.e2e.support.conversation import edited_to, next_answer
from tests.e2e.support.trajectory import (
    begin_chat,
    greeted,
    pair_up,
    put_snapshots,
    snapshots,
)
from tests.e2e.support.world import World

MONDAY_9 = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)  # 09:00 in Europe/Brussels


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(MONDAY_9)


async def plan(planner: ScriptedUser, day: str, time: str) -> None:
    """Plan from the home card: a day, then a time."""
    await planner.press("📅 Plan een moment")
    card = await planner.expect("Wanneer is jullie volgende gesprek?")
    assert planner.buttons(card)[0] == "ma 2 mrt"
    await planner.press(day)
    await edited_to(planner, card.message_id, "hoe laat?")
    await planner.press(time)


async def test_reminders_and_the_met_question(world: World) -> None:
    (sanne, bram), _, match_id = await pair_up(world, ["Sanne", "Bram"], kind="one_way")
    await greeted(sanne, bram)
    await plan(sanne, "wo 4 mrt", "10:00")
    await sanne.expect("Gepland: wo 4 mrt, 10:00")
    await bram.expect("Sanne plande jullie volgende gesprek: wo 4 mrt, 10:00")

    world.move_to(datetime(2026, 3, 3, 9, 0, tzinfo=UTC))  # Tuesday 10:00
    for person in (sanne, bram):
        await person.expect("Morgen is jullie coachingsgesprek: wo 4 mrt, 10:00")
    world.move_to(datetime(2026, 3, 4, 8, 0, tzinfo=UTC))  # Wednesday 09:00
    for person in (sanne, bram):
        await person.expect("Over een uur is jullie coachingsgesprek")
    world.move_to(datetime(2026, 3, 4, 10, 0, tzinfo=UTC))  # Wednesday 11:00
    for person in (sanne, bram):
        question = await person.expect("Hebben jullie elkaar gesproken (wo 4 mrt, 10:00)?")
        assert person.buttons(question) == ["✅ Ja", "❌ Nee, het lukte niet"]

    await bram.press("✅ Ja")
    for person in (sanne, bram):
        await person.expect("Bram gaf door dat jullie elkaar spraken")
        await person.expect("klikte het?")  # it was their first conversation
    await sanne.expect("Neem even tijd")
    await sanne.press("✅ Ja")
    await next_answer(sanne, "al beantwoord")
    [trajectory] = await snapshots(world, match_id)
    assert trajectory.conversation_count == 1 and trajectory.next_meeting is None


async def test_nothing_is_sent_in_quiet_hours(world: World) -> None:
    (sanne, bram), _, _ = await pair_up(world, ["Sanne", "Bram"], kind="one_way")
    await greeted(sanne, bram)
    await plan(sanne, "di 3 mrt", "19:30")
    await sanne.expect("Gepland")
    await bram.expect("Sanne plande")

    # The bot was away all day; it is back at 22:00, in the quiet hours.
    world.move_to(datetime(2026, 3, 3, 21, 0, tzinfo=UTC))
    await sanne.expect_silence(0.6)
    await bram.expect_silence(0.1)
    world.move_to(datetime(2026, 3, 4, 7, 0, tzinfo=UTC))  # Wednesday 08:00
    for person in (sanne, bram):
        await person.expect("Hebben jullie elkaar gesproken (di 3 mrt, 19:30)?")
    await sanne.expect_silence()  # reminders for a conversation in the past are not sent late


async def test_a_step_past_its_date_gets_one_gentle_nudge(world: World) -> None:
    (sanne, bram), _, match_id = await pair_up(world, ["Sanne", "Bram"], kind="one_way")
    await put_snapshots(world, match_id, Trajectory(step=Step.ROUTE, click_confirmed=True))
    await greeted(sanne, bram)
    await begin_chat(sanne, bram, mode="🪑 Samen, in het echt")
    await bram.press("🌱 Kleine stap")
    await bram.expect("Wat is je eerste kleine stap?")
    await bram.send("Mijn mentor mailen")
    dates = await bram.expect("Wanneer wil je deze stap gezet hebben?")
    assert bram.buttons(dates)[0] == "Morgen (di 3 mrt)"
    await bram.press("Morgen (di 3 mrt)")
    await bram.expect("Staat in je logboek")
    await sanne.expect("Mijn mentor mailen (di 3 mrt)")

    world.move_to(datetime(2026, 3, 4, 9, 0, tzinfo=UTC))  # Wednesday 10:00
    nudge = await bram.expect("Hoe ging het met je stap Mijn mentor mailen?")
    assert bram.buttons(nudge) == ["✅ Gelukt", "✏️ Aanpassen", "🗑 Laat vallen"]
    await sanne.expect_silence()
    await bram.press("✅ Gelukt")
    await bram.expect("Top, stap gezet: Mijn mentor mailen")
    await sanne.expect("Bram zette een stap: Mijn mentor mailen")
    world.move_to(datetime(2026, 3, 9, 9, 0, tzinfo=UTC))
    await bram.expect_silence()
    [trajectory] = await snapshots(world, match_id)
    assert trajectory.small_steps[0].status is StepStatus.DONE
    assert trajectory.small_steps[0].nudged


async def test_plan_needs_a_partner(world: World) -> None:
    codes = await world.cohort()
    kim = world.person("Kim")
    await world.join(kim, codes[Role.STUDENT])
    kim.skip_unread()
    await kim.send("/plan")
    await kim.expect("Je hebt nu geen coachingspartner")
