"""The one-card contract and the swap on the started card, tapped twice and by both at once:
each counts once, and the callbacks are all answered."""

from __future__ import annotations

import asyncio

from tgemulator import ScriptedUser

from flows.trajectory import Step
from tests.e2e.support.conversation import read_until
from tests.e2e.support.trajectory import greeted, pair_up, snapshots
from tests.e2e.support.world import World, every_press_answered
from tests.e2e.test_pairing_rounds_end import press_now
from tests.e2e.test_trajectory_taps import AGREE_ALL, Taps, end_talk, first_question


def said(person: ScriptedUser, part: str) -> int:
    """How many bot messages in this person's chat contain a text."""
    return sum(part in (m.text or "") for m in person.emulator.bot_messages(person.chat_id))


async def test_agree_to_all_and_the_swap_count_once(world: World) -> None:
    (sanne, bram), _, match_id = await pair_up(world, ["Sanne", "Bram"])
    await greeted(sanne, bram)
    taps = Taps()
    await sanne.send("/talk")
    await sanne.expect("Jij coacht Bram")
    await sanne.press("▶️ Start ons gesprek")
    await sanne.expect("Wie coacht er")
    await sanne.press("Ik coach Bram")
    await sanne.expect("Waar praten jullie")
    await sanne.press("💬 Hier in de chat")
    for person in (sanne, bram):
        await person.expect("Sanne coacht, Bram is coachee")
    await first_question(taps, sanne, bram)
    await end_talk(sanne, bram)
    for person in (bram, sanne):
        await read_until(person, "klikte het?")
    await bram.press("Ja, het klikt")
    await sanne.press("Ja, het klikt")
    for person in (sanne, bram):
        await read_until(person, "Alle afspraken op een rij")

    # Bram double taps "agree to all"; Sanne too, a moment later: the contract is agreed once.
    press_now(bram, AGREE_ALL)
    press_now(bram, AGREE_ALL)
    await read_until(sanne, "Bram is al akkoord met alles")
    press_now(sanne, AGREE_ALL)
    press_now(sanne, AGREE_ALL)
    for person in (sanne, bram):
        await read_until(person, "Jullie afspraken staan")
        await read_until(person, "Wanneer is jullie volgende gesprek")
    assert said(bram, "Jullie afspraken staan") == said(sanne, "Jullie afspraken staan") == 1
    assert said(sanne, "Bram is al akkoord met alles") == 1
    assert all(t.step is Step.GOAL for t in await snapshots(world, match_id))

    # The next start: both press the swap at once, Bram twice; it swaps once.
    await bram.send("/talk")
    await bram.expect("Waar jullie staan")
    await bram.press("▶️ Start ons gesprek")
    for person in (bram, sanne):
        await read_until(person, "Jullie gesprek is begonnen")
    press_now(bram, "🔄 Wissel: Sanne coacht")
    press_now(bram, "🔄 Wissel: Sanne coacht")
    press_now(sanne, "🔄 Wissel: Sanne coacht")
    for person in (sanne, bram):
        begun = await read_until(person, "Sanne coacht, Bram is coachee")
        assert person.buttons(begun)[0] != "🔄 Wissel: Sanne coacht"
    await read_until(sanne, "Voor jou als coach")
    await asyncio.sleep(1.0)  # a second swap, if any, would have said so by now
    started = [m.text or "" for m in world.emulator.bot_messages(sanne.chat_id)]
    begun = [t for t in started if "Jullie gesprek is begonnen" in t]
    # The first conversation, this one as Bram started it, and one swap: not swapped back.
    assert len(begun) == 3 and "Sanne coacht, Bram is coachee" in begun[-1]
    await every_press_answered(world)
