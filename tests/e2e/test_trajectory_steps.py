"""Each conversation step as a conversation table: a one-way pair starts right in that step
and the coach and coachee go through it (who, action, argument, what the bot answers)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from tgemulator import ScriptedUser, run_conversation

from flows.trajectory import (
    NoteTopic,
    Party,
    Step,
    StepStatus,
    Trajectory,
    add_scale,
    add_stage,
    add_step,
    capture_goal,
    record_meeting,
)
from tests.e2e.support.trajectory import (
    begin_chat,
    greeted,
    pair_up,
    put_snapshots,
    snapshots,
)
from tests.e2e.support.world import World

EARLIER = datetime(2026, 1, 5, 10, 0, tzinfo=UTC)


async def start_in(world: World, step: Step) -> tuple[ScriptedUser, ScriptedUser, int]:
    """Sanne coaches Bram, in chat, starting in this step with a goal and route behind them."""
    (sanne, bram), _, match_id = await pair_up(world, ["Sanne", "Bram"], kind="one_way")
    walked = record_meeting(Trajectory(step=Step.GOAL, click_confirmed=True), held=True, at=EARLIER)
    walked = capture_goal(walked, "Beter plannen", by=Party.COACHEE, at=EARLIER)
    walked = add_scale(walked, 4, by=Party.COACHEE, at=EARLIER)
    walked = Trajectory.from_dict({**walked.to_dict(), "step": Step.ROUTE.value})
    walked = add_stage(walked, "Een agenda kiezen", by=Party.COACHEE, at=EARLIER)
    walked = add_step(walked, "Agenda kopen", date(2026, 1, 9), by=Party.COACHEE, at=EARLIER)
    await put_snapshots(world, match_id, Trajectory.from_dict({**walked.to_dict(), "step": step}))
    await greeted(sanne, bram)
    await begin_chat(sanne, bram, mode="💬 Hier in de chat")
    return sanne, bram, match_id


async def test_goal_step(world: World) -> None:
    (sanne, bram), _, match_id = await pair_up(world, ["Sanne", "Bram"], kind="one_way")
    await put_snapshots(world, match_id, Trajectory(step=Step.GOAL, click_confirmed=True))
    await greeted(sanne, bram)
    await begin_chat(sanne, bram, mode="💬 Hier in de chat")
    await run_conversation(
        sanne,
        [
            (bram, "press", "🌈 Mijn droom", "Waar droom je van"),
            (bram, "send", "Later dierenarts worden", "Staat in je logboek"),
            (sanne, "expect", None, "Mijn droom\nLater dierenarts worden"),
            (sanne, "press", "➡️ Op naar de route", "Ik vraag Bram"),
            (bram, "expect", None, "Schrijf je doel"),
            (bram, "send", "Elke dag een half uur biologie leren", "Staat in je logboek"),
            (sanne, "expect", None, "Mijn doel\nElke dag een half uur biologie"),
            (bram, "expect", None, "Waar sta je nu"),
            (bram, "press", "6", "Staat in je logboek"),
            (bram, "expect", None, "📈"),
            (sanne, "expect", None, "6 van de 10"),
            (bram, "expect", None, "Is dit jouw doel"),
            (bram, "press", "✅ Ja, dit is mijn doel", "Nieuwe stap: De route"),
            (sanne, "expect", None, "Nieuwe stap: De route"),
        ],
    )
    [trajectory] = await snapshots(world, match_id)
    assert trajectory.step is Step.ROUTE
    assert trajectory.notes_about(NoteTopic.DREAM)[0].text == "Later dierenarts worden"


async def test_path_step(world: World) -> None:
    sanne, bram, match_id = await start_in(world, Step.PATH)
    # begin_chat already read the card: "Onderweg · Wat gaat beter".
    await run_conversation(
        sanne,
        [
            (bram, "press", "✅ Mijn stappen", "Jouw kleine stappen"),
            (bram, "press", "✏️ 1", "Wat wil je aanpassen?"),
            (bram, "press", "✏️ De woorden", "Hoe luidt je stap nu?"),
            (bram, "send", "Een gratis agenda-app kiezen", "Aangepast: Een gratis agenda-app"),
            (sanne, "expect", None, "Bram paste een stap aan: Een gratis agenda-app kiezen"),
            (bram, "press", "🪨 Wat in de weg zat", "Wat zat je in de weg"),
            (bram, "send", "Ik vergat het steeds", "Staat in je logboek"),
            (sanne, "expect", None, "Wat in de weg zat\nIk vergat het steeds"),
            (bram, "press", "🌱 Volgende stap", "volgende kleine stap"),
            (bram, "send", "Een wekker zetten", "Wanneer wil je deze stap"),
        ],
    )
    dates = bram.emulator.last_bot_message(bram.chat_id)
    assert dates is not None
    await bram.press(bram.buttons(dates)[0])
    await bram.expect("Staat in je logboek")
    [trajectory] = await snapshots(world, match_id)
    assert [s.text for s in trajectory.small_steps] == [
        "Een gratis agenda-app kiezen",
        "Een wekker zetten",
    ]
    assert trajectory.small_steps[0].status is StepStatus.CHANGED


async def test_route_step_can_wind_back_to_the_goal(world: World) -> None:
    sanne, bram, match_id = await start_in(world, Step.ROUTE)
    await run_conversation(
        sanne,
        [
            (bram, "press", "🔀 Andere route", "andere weg naar je doel"),
            (bram, "send", "Samen met een vriendin plannen", "Staat in je logboek"),
            (sanne, "expect", None, "Andere route\nSamen met een vriendin plannen"),
            (sanne, "press", "↩️ Terug naar het doel", "Nieuwe stap: Je doel"),
            (bram, "expect", None, "Nieuwe stap: Je doel"),
            (sanne, "expect", None, "Je doel · De droom"),
        ],
    )
    [trajectory] = await snapshots(world, match_id)
    assert trajectory.step is Step.GOAL and trajectory.small_steps[0].status is StepStatus.OPEN


async def test_dropping_a_step_between_conversations(world: World) -> None:
    sanne, bram, match_id = await start_in(world, Step.PATH)
    await run_conversation(
        sanne,
        [
            (sanne, "press", "⏹ Gesprek afronden", None),
            (bram, "expect", None, "Het gesprek is afgerond"),
            (bram, "expect", None, "Wanneer is jullie volgende gesprek?"),
            (bram, "send", "Ben je er nog?", "Ik verwacht nu geen tekst"),  # nothing relayed
            (sanne, "expect", None, "Het gesprek is afgerond"),
            (sanne, "expect", None, "Neem even tijd"),
            (sanne, "expect", None, "Wanneer is jullie volgende gesprek?"),
            (sanne, "silence", None, None),
            (bram, "send", "/steps", "⬜ 1. Agenda kopen"),
            (bram, "press", "🗑 1", "deze stap laat je vallen: Agenda kopen"),
            (bram, "send", "/steps", "➖ 1. Agenda kopen"),
        ],
    )
    [trajectory] = await snapshots(world, match_id)
    assert trajectory.small_steps[0].status is StepStatus.DROPPED
