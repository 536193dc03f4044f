"""Stuck? on the coach's card: in every conversation step the coach finds the six stuck moments,
reads the moves and the question for each, and can ask that question with one tap."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from tgemulator import ScriptedUser

from flows.stuck import Situation, load_stuck
from flows.trajectory import (
    Party,
    Step,
    Trajectory,
    add_scale,
    add_stage,
    add_step,
    capture_goal,
    record_meeting,
)
from tests.e2e.support.trajectory import begin_chat, greeted, pair_up, put_snapshots
from tests.e2e.support.world import World, eventually

EARLIER = datetime(2026, 1, 5, 10, 0, tzinfo=UTC)


def walked(step: Step) -> Trajectory:
    """A trajectory with a goal, a scale, a stage and a step behind it, now in `step`."""
    trajectory = record_meeting(
        Trajectory(step=Step.GOAL, click_confirmed=True), held=True, at=EARLIER
    )
    trajectory = capture_goal(trajectory, "Beter plannen", by=Party.COACHEE, at=EARLIER)
    trajectory = add_scale(trajectory, 4, by=Party.COACHEE, at=EARLIER)
    trajectory = Trajectory.from_dict({**trajectory.to_dict(), "step": Step.ROUTE.value})
    trajectory = add_stage(trajectory, "Een agenda kiezen", by=Party.COACHEE, at=EARLIER)
    due = date(2026, 1, 9)
    trajectory = add_step(trajectory, "Agenda kopen", due, by=Party.COACHEE, at=EARLIER)
    return Trajectory.from_dict({**trajectory.to_dict(), "step": step.value})


async def look_up(coach: ScriptedUser, situation: Situation, language: str) -> None:
    """Open the menu from the card, pick a situation, and read its moves and question."""
    help_ = load_stuck(language).situations[situation]
    await coach.press("🧭 Vastgelopen?" if language == "nl" else "🧭 Stuck?")
    menu = await coach.expect(load_stuck(language).intro)
    assert coach.buttons(menu) == [load_stuck(language).situations[s].label for s in Situation]
    await coach.press(help_.label)
    shown = await coach.expect(help_.label)
    text = shown.text or ""
    assert help_.sign in text and help_.question in text
    assert all(move in text for move in help_.moves)


@pytest.mark.parametrize("step", [Step.CONTACT, Step.GOAL, Step.ROUTE, Step.CLOSING])
async def test_stuck_helps_in_every_step(world: World, step: Step) -> None:
    """Whatever step the pair is in, the card's stuck button opens the same help."""
    (sanne, bram), _, match_id = await pair_up(world, ["Sanne", "Bram"], kind="one_way")
    if step is not Step.CONTACT:
        await put_snapshots(world, match_id, walked(step))
    await greeted(sanne, bram)
    await begin_chat(sanne, bram, mode="💬 Hier in de chat")
    await look_up(sanne, Situation.DONT_KNOW, "nl")
    await sanne.press("💬 Stel deze vraag")
    question = load_stuck("nl").situations[Situation.DONT_KNOW].question
    await bram.expect(f"Sanne vraagt: {question}")


async def test_on_the_way_every_situation_and_a_question_sent(world: World) -> None:
    """On the winding path the coach reads all six situations; one question goes to Bram."""
    (sanne, bram), _, match_id = await pair_up(world, ["Sanne", "Bram"], kind="one_way")
    await put_snapshots(world, match_id, walked(Step.PATH))
    await greeted(sanne, bram)
    await begin_chat(sanne, bram, mode="💬 Hier in de chat")
    for situation in Situation:
        await look_up(sanne, situation, "nl")
    await sanne.press("💬 Stel deze vraag")  # on the last help shown: someone upset
    upset = load_stuck("nl").situations[Situation.UPSET].question
    await bram.expect(f"Sanne vraagt: {upset}")

    async def answered() -> bool:  # the press's answer and Bram's message leave side by side
        return sanne.user.callback_answers[-1].text == "Verstuurd ✔️"

    await eventually(answered)
    await bram.expect_silence()


async def test_a_stuck_menu_of_an_ended_conversation_is_stale(world: World) -> None:
    """Once the conversation ends, the menu opened during it only says it is from before."""
    (sanne, bram), _, match_id = await pair_up(world, ["Sanne", "Bram"], kind="one_way")
    await put_snapshots(world, match_id, walked(Step.PATH))
    await greeted(sanne, bram)
    await begin_chat(sanne, bram, mode="💬 Hier in de chat")
    await sanne.press("🧭 Vastgelopen?")
    await sanne.expect(load_stuck("nl").intro)
    await sanne.press("⏹ Gesprek afronden")
    await sanne.expect("Het gesprek is afgerond")
    await bram.expect("Het gesprek is afgerond")
    await bram.expect("Wanneer is jullie volgende gesprek?")
    await sanne.expect("Neem even tijd")
    await sanne.expect("Wanneer is jullie volgende gesprek?")
    await sanne.press(load_stuck("nl").situations[Situation.QUIET].label)
    for _ in range(5):  # the end button's own answer may still come first
        stale = await sanne.expect_callback_answer(timeout=30)
        if stale.text:
            break
    assert stale.text == "Deze kaart hoort bij een eerder moment. Kijk even bij de nieuwste."
    assert stale.show_alert
    await sanne.expect_silence(1.0)
    await bram.expect_silence()


async def test_in_english_the_coach_reads_english_and_the_coachee_gets_english(
    world: World,
) -> None:
    """Emma coaches Liam in English: the help and the question sent are English."""
    (emma, liam), _, match_id = await pair_up(
        world, ["Emma", "Liam"], kind="one_way", language="English"
    )
    await put_snapshots(world, match_id, walked(Step.PATH))
    await greeted(emma, liam)
    await emma.press("▶️ Start our conversation")
    await emma.expect("Where are you talking")
    await emma.press("💬 Here in the chat")
    await emma.expect("Your conversation has started")
    await emma.expect("For you as the coach")
    await emma.expect("On the way")
    await liam.expect("Your conversation has started")
    await liam.expect("Your notebook")
    await look_up(emma, Situation.WANTS_ADVICE, "en")
    await emma.press("💬 Ask this question")
    question = load_stuck("en").situations[Situation.WANTS_ADVICE].question
    await liam.expect(f"Emma asks: {question}")
