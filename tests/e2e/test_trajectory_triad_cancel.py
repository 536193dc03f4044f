"""/cancel in the middle of looking back keeps nothing half, but never takes the chance away: a
triad's observer (and a coach reflecting) can start again with one tap, and hears how."""

from __future__ import annotations

from tgemulator import ScriptedUser

from tests.e2e.support.conversation import expect_all, next_answer
from tests.e2e.support.trajectory import greeted, pair_up
from tests.e2e.support.world import World

CHAT = "💬 Hier in de chat"


async def _first_talk_ended(world: World) -> tuple[ScriptedUser, ScriptedUser, ScriptedUser]:
    """Anna coaches Bram in the chat with Dina observing, and ends the conversation."""
    (anna, bram, dina), _, _ = await pair_up(world, ["Anna", "Bram", "Dina"], kind="triad")
    await greeted(anna, bram, dina)
    await anna.press("▶️ Start ons gesprek")
    await anna.expect("Waar praten jullie")
    await anna.press(CHAT)
    await expect_all((anna, bram, dina), "Anna coacht, Bram is coachee")
    await anna.expect("Voor jou als coach")
    await anna.expect("Kennismaken")
    await bram.expect("Jouw logboek")
    await dina.expect("Jij bent de observator")
    await anna.press("⏹ Gesprek afronden")
    await expect_all((anna, bram, dina), "Het gesprek is afgerond")
    await expect_all((anna, bram, dina), "klikte het?")
    await anna.expect("Neem even tijd")
    await dina.expect("Je feedback gaat naar Anna")
    return anna, bram, dina


async def test_the_observer_cancels_her_feedback_and_starts_it_again(world: World) -> None:
    """Dina stops half way; the cancel says how to come back and her fresh start reaches Anna."""
    anna, _, dina = await _first_talk_ended(world)
    await dina.press("✍️ Feedback geven")
    await dina.expect("Vraag 1 van 5")
    await dina.send("Je begon heel rustig")
    await dina.expect("Vraag 2 van 5")
    await dina.send("/cancel")
    stopped = await dina.expect("Oké, gestopt.")
    assert stopped.text == (
        "Oké, gestopt. Je feedback is niet bewaard en Anna heeft nog niets gekregen. "
        "Wil je toch feedback geven? Tik hieronder, dan begin je opnieuw."
    )
    assert dina.buttons(stopped) == ["✍️ Feedback geven"]
    await dina.press("⏭ Overslaan")  # the half-way card is gone for good
    await next_answer(dina, "eerder moment")
    await anna.expect_silence(0.1)  # nothing half reached the coach

    await dina.press("✍️ Feedback geven")
    first = await dina.expect("Vraag 1 van 5")
    assert "Vraag 1 van 5" in (first.text or "")
    await dina.send("Je stelde open vragen")
    for number in range(2, 6):
        await dina.expect(f"Vraag {number} van 5")
        await dina.press("⏭ Overslaan")
    await dina.expect("Je feedback is naar Anna gestuurd")
    feedback = await anna.expect("Feedback van Dina")
    assert "Je stelde open vragen" in (feedback.text or "")
    assert "Je begon heel rustig" not in (feedback.text or "")


async def test_the_coach_cancels_looking_back_and_can_start_again(world: World) -> None:
    """Anna stops her look back at her role; the cancel offers the look back once more."""
    anna, _, _ = await _first_talk_ended(world)
    await anna.press("🪞 Even terugkijken")
    await anna.expect("rol")
    await anna.send("/cancel")
    stopped = await anna.expect("Oké, gestopt.")
    assert stopped.text == (
        "Oké, gestopt. Je terugblik is niet bewaard. "
        "Wil je toch even terugkijken? Tik hieronder, dan begin je opnieuw."
    )
    assert anna.buttons(stopped) == ["🪞 Even terugkijken"]
    await anna.press("🪞 Even terugkijken")
    await anna.expect("rol")


async def test_an_english_observer_hears_how_to_come_back(world: World) -> None:
    """The same in English."""
    (anna, bram, dina), _, _ = await pair_up(
        world, ["Anna", "Bram", "Dina"], kind="triad", language="English"
    )
    await greeted(anna, bram, dina)
    await anna.press("▶️ Start our conversation")
    await anna.expect("Where")
    await anna.press("💬 Here in the chat")
    await expect_all((anna, bram, dina), "Anna coaches, Bram is the coachee")
    await anna.expect("For you as the coach")
    await anna.expect()
    await bram.expect("Your notebook")
    await dina.expect("You're the observer")
    await anna.press("⏹ End the conversation")
    await expect_all((anna, bram, dina), "The conversation has ended")
    await expect_all((anna, bram, dina), "did it click?")
    await dina.expect("Your feedback goes to Anna")
    await dina.press("✍️ Give feedback")
    await dina.expect("Question 1 of 5")
    await dina.send("/cancel")
    stopped = await dina.expect("Okay, stopped.")
    assert stopped.text == (
        "Okay, stopped. Your feedback wasn't saved and Anna hasn't received anything. "
        "Still want to give it? Tap below to start again."
    )
    assert dina.buttons(stopped) == ["✍️ Give feedback"]
