"""A reciprocal pair, in Dutch, through the whole trajectory of one coach and coachee:
contact with chat relay, click check, contract, goal, route, the winding path, revisit, closing."""

from __future__ import annotations

import pytest
import pytest_asyncio
from tgemulator import EmuMessage, ScriptedUser

from flows.trajectory import NoteTopic, Party, Step, StepStatus, Trajectory
from tests.e2e.support.conversation import edited_to, read_until
from tests.e2e.support.privacy import ERASE_NL, Traces, erase_in_telegram, scan, settled
from tests.e2e.support.trajectory import (
    MatchJourney,
    pair_up,
    plan_first_slot,
    snapshots,
    started_again,
)
from tests.e2e.support.world import World


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def journey(journey_world: World) -> MatchJourney:
    """Sanne and Bram, matched as a reciprocal pair; the stages below go on one after another."""
    (sanne, bram), _, match_id = await pair_up(journey_world, ["Sanne", "Bram"])
    return MatchJourney(journey_world, (sanne, bram), match_id)


@pytest.mark.asyncio(loop_scope="module")
class TestAPairGoesTheWholeWayInDutch:
    """Sanne coaches Bram from the first hello to the closing; each stage goes on from the last."""

    async def test_1_both_are_greeted_with_their_roles(self, journey: MatchJourney) -> None:
        """Each hears who coaches whom and gets a home card."""
        sanne, bram = journey.people
        await sanne.expect("de ene keer ben jij de coach, de andere keer Bram")
        home = await sanne.expect("Jij coacht Bram: Kennismaken")
        assert sanne.buttons(home) == ["▶️ Start ons gesprek", "📅 Plan een moment"]
        await bram.expect("de andere keer Sanne")
        await bram.expect("Sanne coacht jou: Kennismaken")

    async def test_2_contact_in_the_chat(self, journey: MatchJourney) -> None:
        """Contact in the chat: script questions, the chat relayed, a note kept."""
        sanne, bram = journey.people
        await sanne.press("▶️ Start ons gesprek")
        await sanne.expect("Wie coacht er")
        await sanne.press("Ik coach Bram")
        await sanne.expect("Waar praten jullie")
        await sanne.press("💬 Hier in de chat")
        await sanne.expect("Jullie gesprek is begonnen")
        await sanne.expect("Voor jou als coach")
        card = await sanne.expect("Kennismaken · Luchtig beginnen")
        assert sanne.buttons(card) == [
            "💬 Stel deze vraag",
            "🔄 Andere vraag",
            "⏭ Ander onderwerp",
            "🧭 Vastgelopen?",
            "🙋 Vraag mijn leerkracht",
            "⏹ Gesprek afronden",
            "🫶 Ik maak me zorgen",
        ]
        await bram.expect("Sanne coacht, Bram is coachee")
        notebook = await bram.expect("Jouw logboek · Kennismaken")
        assert "🙋 Waarom een coach" in bram.buttons(notebook)

        await sanne.press("💬 Stel deze vraag")
        await bram.expect("Sanne vraagt: Hoe is je dag tot nu toe?")
        await bram.send("Goed hoor, net gym gehad!")
        await sanne.expect("Bram: Goed hoor, net gym gehad!")
        await sanne.send("Haha, lekker. Wat doe je graag?")
        await bram.expect("Sanne: Haha, lekker.")
        await bram.send_photo(caption="mijn rooster")
        photo = await sanne.expect("Bram: mijn rooster")
        assert photo.kind == "photo"
        await bram.send_sticker()
        await bram.expect("kan ik niet doorgeven")
        await sanne.press("🔄 Andere vraag")
        await edited_to(sanne, card.message_id, "Wat deed je deze week waar je blij van werd?")

        await bram.press("🙋 Waarom een coach")
        await bram.expect("Waarom wil je een coach?")
        await bram.send("Ik wil beter leren plannen")
        await bram.expect("Staat in je logboek")
        await sanne.expect("Bram schreef op · 🙋 Waarom een coach\nIk wil beter leren plannen")

        await sanne.press("⏹ Gesprek afronden")
        for person in (sanne, bram):
            await person.expect("Het gesprek is afgerond")
            await person.expect("klikte het?")
        await sanne.expect("Neem even tijd voor jezelf")
        await sanne.press("Nu niet")
        await sanne.expect("een andere keer")

    async def test_3_the_click_check_and_the_contract(self, journey: MatchJourney) -> None:
        """Private click answers, then the contract and a planned moment."""
        sanne, bram = journey.people
        await bram.press("Ja, het klikt")
        await bram.expect("Zodra iedereen heeft geantwoord")
        await sanne.press("Ja, het klikt")
        for person in (sanne, bram):
            await person.expect("Het klikt! Op naar jullie afspraken.")
            await person.expect("zeg ja tegen alles, of pas er eentje aan")
        # Sanne changes one agreement (its own card, as before); then both agree to all.
        for person in (sanne, bram):
            card = await person.expect("Alle afspraken op een rij")
            assert "Periode: Dit semester" in (card.text or ""), card.text
        await sanne.press("✏️ Eén aanpassen")
        await sanne.expect("Welke afspraak wil je aanpassen?")
        await sanne.press("Hoe vaak")
        item = await sanne.expect("Afspraak 3 van 8")
        choice = sanne.buttons(item)[1]
        await sanne.press(choice)
        await sanne.expect(f"Je voorstel is doorgegeven: {choice}")
        await sanne.expect("Alle afspraken op een rij")
        whole = await bram.expect(f"Hoe vaak: {choice} (voorstel van Sanne)")
        assert bram.buttons(whole) == ["✅ Akkoord met alles", "✏️ Eén aanpassen"]
        await bram.press("✅ Akkoord met alles")
        await bram.expect("Zodra iedereen akkoord is")
        await sanne.expect("Bram is al akkoord met alles")
        await sanne.press("✅ Akkoord met alles")
        for person in (sanne, bram):
            await person.expect("Jullie afspraken staan")
            await person.expect("Je doel")
        await sanne.expect("Wanneer is jullie volgende gesprek?")
        await bram.expect("Wanneer is jullie volgende gesprek?")
        bram.skip_unread()
        sanne.skip_unread()
        await sanne.send("/contract")
        summary = await sanne.expect("✅ Aantal gesprekken: 4 gesprekken")
        assert f"✅ Hoe vaak: {choice}" in (summary.text or "")
        await sanne.expect("Deze afspraken gelden")
        await sanne.send("/plan")
        time = await plan_first_slot(sanne, bram, "Gepland")
        assert ":" in time

    async def test_4_the_goal_face_to_face(self, journey: MatchJourney) -> None:
        """The coach proposes to move on; the coachee writes and confirms the goal."""
        sanne, bram = journey.people
        await sanne.send("/talk")
        await sanne.expect("Waar jullie staan")
        # Remembered: no questions. It is Bram's turn to coach, in the chat as last time;
        # Sanne swaps who coaches with one tap, and where with another.
        await sanne.press("▶️ Start ons gesprek")
        begun = await sanne.expect("Bram coacht, Sanne is coachee")
        assert sanne.buttons(begun) == ["🔄 Wissel: Sanne coacht", "🪑 Toch in het echt"]
        await bram.expect("Bram coacht, Sanne is coachee")
        await sanne.expect("Jouw logboek · Je doel")
        await bram.expect("Voor jou als coach")
        await bram.expect("Je doel · De droom")
        await sanne.press("🔄 Wissel: Sanne coacht")
        for person in (sanne, bram):
            begun = await person.expect("Sanne coacht, Bram is coachee")
            assert person.buttons(begun) == ["🔄 Wissel: Bram coacht", "🪑 Toch in het echt"]
        await sanne.expect("Voor jou als coach")
        await sanne.expect("Je doel · De droom")
        await bram.expect("Jouw logboek · Je doel")
        await sanne.press("🪑 Toch in het echt")
        for person in (sanne, bram):
            await person.expect("Jullie praten nu in het echt")
        await bram.send("Dit zou ik niet moeten doorsturen")
        await bram.expect("in het echt, dus ik stuur niets door")

        await sanne.press("➡️ Op naar de route")
        await sanne.expect("Ik vraag Bram om het vast te leggen")
        await bram.expect("Schrijf je doel in je eigen woorden")
        await bram.send("x" * 300)
        await bram.expect("één of twee zinnen")
        await bram.send("Elke week mijn huiswerk plannen en op tijd af hebben")
        await bram.expect("Staat in je logboek")
        await sanne.expect("Mijn doel\nElke week mijn huiswerk plannen")
        scale = await bram.expect("Waar sta je nu, van 0 tot 10?")
        assert bram.buttons(scale) == [str(n) for n in range(11)]
        await bram.send("vier")
        await bram.expect("tik op een van de knoppen")
        await bram.expect("Waar sta je nu")
        await bram.press("4")
        await bram.expect("Staat in je logboek")
        await bram.expect("📈 Jouw cijfers door de tijd")
        await sanne.expect("geeft zichzelf nu een 4 van de 10")
        confirm = await bram.expect("Is dit jouw doel")
        assert "Elke week mijn huiswerk plannen" in (confirm.text or "")
        await bram.press("✅ Ja, dit is mijn doel")
        await sanne.expect("Nieuwe stap: De route")
        await sanne.expect("De route · Waar je nu staat")
        await bram.expect("Jouw logboek · De route")

    async def test_5_the_route_and_setting_off(self, journey: MatchJourney) -> None:
        """A stage and a small step with a date, then the coachee sets off."""
        sanne, bram = journey.people
        await sanne.press("➡️ Op weg!")
        await sanne.expect("Ik vraag Bram")
        await bram.expect("Noem een etappe")
        await bram.send("Een planner kiezen die bij me past")
        await bram.expect("Staat in je logboek")
        await sanne.expect("Etappe\nEen planner kiezen")
        await bram.expect("Nog een etappe erbij")
        await bram.press("➡️ Naar mijn stap")
        await bram.expect("Wat is je eerste kleine stap?")
        await bram.send("Zondag mijn week plannen")
        dates = await bram.expect("Wanneer wil je deze stap gezet hebben?")
        await bram.press(bram.buttons(dates)[2])
        await bram.expect("Staat in je logboek")
        await sanne.expect("Zondag mijn week plannen")
        route = await bram.expect("Jouw route")
        assert "Een planner kiezen" in (route.text or "")
        await bram.press("✅ Zo ga ik op weg")
        await sanne.expect("Nieuwe stap: Onderweg")
        path_card = await sanne.expect("Onderweg · Wat gaat beter")
        assert "🗺 Route opnieuw" in sanne.buttons(path_card)
        await bram.expect("Jouw logboek · Onderweg")
        await sanne.press("⏹ Gesprek afronden")
        await sanne.expect("Het gesprek is afgerond")
        await sanne.expect("Neem even tijd")
        await sanne.expect("Wanneer is jullie volgende gesprek?")
        await bram.expect("Het gesprek is afgerond")
        await bram.expect("Wanneer is jullie volgende gesprek?")

    async def test_6_between_conversations_the_journal_and_a_step(
        self, journey: MatchJourney
    ) -> None:
        """The journals, the goal's scale and ticking off a small step."""
        sanne, bram = journey.people
        await bram.send("/journal")
        journal = await bram.expect("Jouw logboek")
        text = journal.text or ""
        assert "Elke week mijn huiswerk plannen" in text and "Een planner kiezen" in text
        assert "⬜ 1. Zondag mijn week plannen" in text
        await bram.expect("📈 Jouw cijfers door de tijd")
        await bram.expect("Logboek van Sanne (jij bent de coach)")
        await sanne.send("/journal")
        await sanne.expect("Jouw logboek (je coach: Bram)")
        assert "Zondag mijn week plannen" in ((await sanne.expect("Logboek van Bram")).text or "")
        await sanne.expect("📈 Cijfers van Bram door de tijd")  # her coachee's, while coaching
        await bram.send("/goal")
        await bram.expect("Je staat op 4 van de 10")
        await bram.send("/steps")
        await bram.expect("Jouw kleine stappen")
        await bram.press("✅ 1")
        await bram.expect("Top, stap gezet: Zondag mijn week plannen")
        await sanne.expect("Bram zette een stap")

    async def test_7_the_winding_path_and_the_half_way_revisit(self, journey: MatchJourney) -> None:
        """The route is re-planned, then the contract is revisited half-way."""
        sanne, bram = journey.people
        card = await start_chat(sanne, bram)
        assert "Onderweg · Wat gaat beter" in (card.text or "")
        await bram.press("✨ Wat beter gaat")
        await bram.expect("Wat gaat er beter")
        await bram.send("Ik begin eerder aan mijn huiswerk")
        await bram.expect("Staat in je logboek")
        await sanne.expect("Ik begin eerder aan mijn huiswerk")
        await sanne.press("🗺 Route opnieuw")
        await sanne.expect("Nieuwe stap: De route")
        await sanne.expect("De route ·")
        await bram.expect("Jouw logboek · De route")
        # Re-planning opens Bram's route as it stands: the stage, and no open step any more.
        route = await bram.expect("Jouw route, zoals hij nu is")
        assert "Een planner kiezen" in (route.text or "")
        assert "nog geen kleine stappen" in (route.text or "")
        assert bram.buttons(route)[0] == "✅ Zo ga ik op weg"
        await bram.press(bram.buttons(route)[2])  # a new small step, right from the route
        await bram.expect("Wat is je eerste kleine stap?")
        await bram.send("Elke avond mijn tas inpakken")
        dates = await bram.expect("Wanneer")
        await bram.press(bram.buttons(dates)[0])
        await bram.expect("Staat in je logboek")
        await bram.expect("Jouw route")
        await bram.press("✅ Zo ga ik op weg")
        await sanne.expect("Elke avond mijn tas inpakken")
        await sanne.expect("Nieuwe stap: Onderweg")
        await sanne.expect("Onderweg ·")
        await bram.expect("Jouw logboek · Onderweg")
        await sanne.press("⏹ Gesprek afronden")
        for person in (sanne, bram):
            await person.expect("Het gesprek is afgerond")
        await sanne.expect("Neem even tijd")
        for person in (sanne, bram):
            await person.expect("Halverwege")
            await person.expect("Jullie afspraken tot nu toe")
            await person.expect("Wanneer is jullie volgende gesprek?")
        await sanne.press("Klopt nog steeds")
        await sanne.expect("Zodra iedereen akkoord is")
        await bram.press("Klopt nog steeds")
        await sanne.expect("blijven staan")
        await bram.expect("blijven staan")

    async def test_8_closing_with_the_harvest_and_a_reflection(self, journey: MatchJourney) -> None:
        """The harvest in the coachee's words, both close, the coach reflects."""
        sanne, bram = journey.people
        card = await start_chat(sanne, bram)
        assert "Onderweg ·" in (card.text or "")
        await sanne.press("🏁 Afronden")
        await sanne.expect("Nieuwe stap: Afronden")
        await sanne.expect("Afronden · Terugkijken")
        await bram.expect("Jouw logboek · Afronden")
        await sanne.press("✅ Klaar om af te sluiten")
        await sanne.expect("Ik vraag Bram")
        await bram.expect("Kijk terug")
        await bram.send("Ik plan nu elke week")
        await bram.expect("Staat in je logboek")
        await bram.expect("van 0 tot 10")
        await bram.press("8")
        await bram.expect("Staat in je logboek")
        await bram.expect("📈 Jouw cijfers door de tijd")
        await bram.expect("Wat heb je geleerd")
        await bram.send("Dat kleine stappen werken")
        await bram.expect("Staat in je logboek")
        keep = await bram.expect("Wat blijf je doen")
        assert "⏭ Overslaan" in bram.buttons(keep)
        await bram.press("⏭ Overslaan")
        await bram.expect("Wat deed je coach")
        await bram.send("Goede vragen stellen")
        await bram.expect("Staat in je logboek")
        await bram.expect("compliment")
        await bram.send("Je luistert heel goed")
        await bram.expect("Staat in je logboek")
        await sanne.expect("Bram schreef op · 🔭 Terugblik")
        await bram.expect("Ronden jullie de coaching samen af?")
        await sanne.expect("Bram geeft zichzelf nu een 8 van de 10")
        await sanne.expect("Wat ik leerde\nDat kleine stappen werken")
        await sanne.expect("Goede vragen stellen")
        await sanne.expect("Bram geeft je een compliment:\nJe luistert heel goed")
        await sanne.expect("Ronden jullie de coaching samen af?")
        await bram.press("✅ Ja, we ronden af")
        await bram.expect("wachten op Sanne")
        await sanne.press("✅ Ja, we ronden af")
        for person in (sanne, bram):
            await person.expect("Het gesprek is afgerond")
        # Sanne coaching Bram closed; Bram coaching Sanne goes on, and both hear it.
        await sanne.expect("De andere kant loopt gewoon door: Bram blijft jou coachen")
        await bram.expect("De andere kant loopt gewoon door: jij blijft Sanne coachen")
        await sanne.expect("Neem even tijd")
        for person in (sanne, bram):  # Bram coaching Sanne goes on, so they plan on
            await person.expect("Wanneer is jullie volgende gesprek?")
        await sanne.press("🪞 Even terugkijken")
        roles = await sanne.expect("Welke rol")
        assert len(sanne.buttons(roles)) == 6
        await sanne.press(sanne.buttons(roles)[0])
        for number in range(1, 8):
            field = await sanne.expect(f"{number}/7")
            assert sanne.buttons(field) == ["1", "2", "3", "4", "5"]
            await sanne.press("3" if number % 2 else "4")
        await sanne.expect("Vraag 1 van 5")
        await sanne.send("heel lang " * 201)  # over the limit: refused whole, never cut
        assert "2000" in (await sanne.expect("wat korter")).text
        await sanne.send("Hoe Bram zelf met ideeën kwam")
        await sanne.expect("Vraag 2 van 5")
        await sanne.press("⏭ Overslaan")
        for number in range(3, 6):
            await sanne.expect(f"Vraag {number} van 5")
            await sanne.send(f"Antwoord {number}")
        await sanne.expect("Je reflectie staat in je coachlogboek")

    async def test_9_the_stored_trajectories_tell_the_whole_story(
        self, journey: MatchJourney
    ) -> None:
        """Four conversations, two scales, a step done, what was learned, one reflection."""
        first, second = await snapshots(journey.world, journey.match_id)
        assert first.step is Step.CLOSED and first.contract.closed_at is not None
        assert first.conversation_count == 4
        assert [s.value for s in first.scales] == [4, 8]
        assert [s.status for s in first.small_steps] == [StepStatus.DONE, StepStatus.OPEN]
        assert first.notes_about(NoteTopic.LEARNED)[0].text == "Dat kleine stappen werken"
        assert not first.notes_about(NoteTopic.KEEP_DOING)
        assert second.step is Step.GOAL  # Bram coaching Sanne goes on at its own pace
        reflection = first.reflections[0]
        assert reflection.conversation == 4 and len(reflection.tensions) == 7
        assert len(reflection.answers) == 4  # one question was skipped

    async def test_10_bram_erases_and_nothing_he_typed_is_left(self, journey: MatchJourney) -> None:
        """After the whole way, Bram erases: no table keeps his id or a word he typed, while
        Sanne's own notebook still works."""
        sanne, bram = journey.people
        first, second = await snapshots(journey.world, journey.match_id)
        typed = [*typed_by(first, Party.COACHEE), *typed_by(second, Party.COACH)]
        assert len(typed) >= 5
        # Not his first name: Sanne's own reflection says "Bram" and stays hers.
        traces = Traces(bram.user.id, [], typed)
        assert await scan(journey.world, traces)

        await erase_in_telegram(bram, ERASE_NL)
        await read_until(sanne, "gestopt met PeerCoach")
        await settled(journey.world)
        assert await scan(journey.world, traces) == []
        await sanne.send("/journal")
        journal = (await read_until(sanne, "Jouw logboek")).text or ""
        assert "(je coach: een vroegere partner)" in journal and "Bram" not in journal


def typed_by(trajectory: Trajectory, party: Party) -> list[str]:
    """Every text a party of the trajectory typed that the trajectory keeps."""
    texts = [e.text for e in (*trajectory.goals, *trajectory.stages) if e.by is party]
    texts += [n.text for n in trajectory.notes if n.by is party]
    texts += [v.value for i in trajectory.contract.items for v in i.versions if v.by is party]
    if party is Party.COACHEE:
        texts += [s.text for s in trajectory.small_steps]
    if party is Party.COACH:
        texts += [a for r in trajectory.reflections for a in r.answers.values()]
    return texts


async def start_chat(coach: ScriptedUser, coachee: ScriptedUser) -> EmuMessage:
    """The coach starts a chat conversation coaching the other: where they left off, with one
    swap tap when it was the other's turn."""
    await coach.send("/talk")
    await coach.expect("Waar jullie staan")
    await coach.press("▶️ Start ons gesprek")
    begun = await coach.expect("Jullie gesprek is begonnen")
    return await started_again(coach, coachee, begun, mode="💬 Hier in de chat")
