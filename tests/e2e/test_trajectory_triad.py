"""Three students in a triad: coach, coachee and observer rotate per conversation; the observer
watches with prompts, stays out of the chat and gives feedback with the five questions."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from flows.trajectory import ReflectionQuestion, Step
from tests.e2e.test_trajectory_support import pair_up, snapshots
from tests.e2e.world import World, running_world


@pytest.fixture
async def world(database_url: str) -> AsyncIterator[World]:
    async with running_world(database_url) as running:
        yield running


async def test_a_triad_rotates_and_the_observer_gives_feedback(world: World) -> None:
    (anna, ben, cas), _, match_id = await pair_up(world, ["Anna", "Ben", "Cas"], kind="triad")
    for person in (anna, ben, cas):
        await person.expect("Jullie zijn met z'n drieën: jij,")
    home = await anna.expect("Waar jullie staan")
    for line in ("Jij coacht Ben", "Cas coacht jou", "Ben coacht Cas"):
        assert line in (home.text or "")
    await ben.expect("Waar jullie staan")
    await cas.expect("Waar jullie staan")

    # Conversation 1: Anna coaches Ben, Cas observes (no who-question: the rotation decides).
    await anna.press("▶️ Start ons gesprek")
    await anna.expect("Waar praten jullie, Anna en Ben?")
    await anna.press("💬 Hier in de chat")
    for person in (anna, ben, cas):
        begun = await person.expect("Anna coacht, Ben is coachee")
    assert "Anna, Ben" in (begun.text or "")  # Cas reads who the messages go to
    await anna.expect("Voor jou als coach")
    await anna.expect("Kennismaken · Luchtig beginnen")
    await ben.expect("Jouw logboek · Kennismaken")
    observer = await cas.expect("Jij bent de observator")
    assert "Anna coacht Ben" in (observer.text or "") and "•" in (observer.text or "")

    await anna.press("💬 Stel deze vraag")
    await ben.expect("Anna vraagt: Hoe is je dag tot nu toe?")
    await cas.expect("Anna vraagt: Hoe is je dag tot nu toe?")
    await ben.send("Prima, beetje moe")
    await anna.expect("Ben: Prima, beetje moe")
    await cas.expect("Ben: Prima, beetje moe")
    await cas.send("Mag ik ook wat zeggen?")
    await cas.expect("kijk je mee zonder mee te praten")
    await anna.expect_silence(0.1)

    await anna.press("⏹ Gesprek afronden")
    for person in (anna, ben, cas):
        await person.expect("Het gesprek is afgerond")
        await person.expect("klikte het?")
    await anna.expect("Neem even tijd")
    await cas.expect("Je feedback gaat naar Anna")
    await cas.press("✍️ Feedback geven")
    await cas.expect("Vraag 1 van 5")
    await cas.send("Je stelde rustige vragen")
    await cas.expect("Vraag 2 van 5")
    await cas.press("⏭ Overslaan")
    for number in (3, 4):
        await cas.expect(f"Vraag {number} van 5")
        await cas.press("⏭ Overslaan")
    await cas.expect("Vraag 5 van 5")
    await cas.send("Meer doorvragen")
    await cas.expect("Je feedback is naar Anna gestuurd")
    feedback = await anna.expect("Feedback van Cas")
    assert "Je stelde rustige vragen" in (feedback.text or "") and "Meer doorvragen" in (
        feedback.text or ""
    )

    # The click check and the contract need all three.
    for person in (anna, ben):
        await person.press("Ja, het klikt")
        await person.expect("wachten nog")
    await cas.press("Ja, het klikt")
    for person in (anna, ben, cas):
        await person.expect("Het klikt bij jullie allemaal")
        await person.expect("Kies een voorstel")
    for number in range(1, 9):
        card = await anna.expect(f"Afspraak {number} van 8")
        await ben.expect(f"Afspraak {number} van 8")
        await cas.expect(f"Afspraak {number} van 8")
        choice = anna.buttons(card)[0]
        await anna.press(choice)
        await anna.expect("Je voorstel is doorgegeven")
        for person in (ben, cas):
            await person.expect(f"Anna stelt voor: {choice}")
        await ben.press("Akkoord")
        await ben.expect("Zodra iedereen akkoord is")
        await cas.press("Akkoord")
        for person in (anna, ben, cas):
            await person.expect("Afgesproken · ")
    for person in (anna, ben, cas):
        await person.expect("Alle afspraken zijn rond")
    for person in (anna, ben):
        await person.press("✅ Zo spreken we het af")
        await person.expect("Zodra iedereen akkoord is")
    await cas.press("✅ Zo spreken we het af")
    for person in (anna, ben, cas):
        await person.expect("Jullie afspraken staan")
        await person.expect("Waar jullie staan")
        await person.expect("Wanneer is jullie volgende gesprek?")

    # Conversation 2 rotates: Ben coaches Cas, Anna observes; only the coach sees the captures.
    await ben.send("/talk")
    await ben.expect("Waar jullie staan")
    await ben.press("▶️ Start ons gesprek")
    await ben.expect("Waar praten jullie, Ben en Cas?")
    await ben.press("🪑 Samen, in het echt")
    for person in (anna, ben, cas):
        await person.expect("Ben coacht, Cas is coachee. Stap: Je doel.")
    await ben.expect("Voor jou als coach")
    await ben.expect("Je doel · De droom")
    await cas.expect("Jouw logboek · Je doel")
    await anna.expect("Jij bent de observator")
    await ben.press("➡️ Op naar de route")
    await cas.expect("Schrijf je doel")
    await cas.send("Rustiger worden voor presentaties")
    await cas.expect("Staat in je logboek")
    await ben.expect("Ik vraag Cas")
    await ben.expect("Rustiger worden voor presentaties")
    await anna.expect_silence(0.2)

    first, second, third = await snapshots(world, match_id)
    assert first.step is Step.CONTRACT or first.step is Step.GOAL
    assert first.conversation_count == 1
    assert set(first.observations[0].answers) == {
        ReflectionQuestion.RECOGNISED,
        ReflectionQuestion.TAKE_AWAY,
    }
    assert second.goal == "Rustiger worden voor presentaties"
    assert third.goal is None and third.step is Step.GOAL
