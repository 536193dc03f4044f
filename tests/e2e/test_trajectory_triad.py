"""Three students in a triad go the whole way: Anna coaches Ben, Ben coaches Cas, Cas coaches
Anna. Coach, coachee and observer rotate per conversation; the observer watches with prompts,
stays out of the chat and gives feedback with the five questions; every trajectory goes from
contact through goal, route and path to a closing both partners confirm."""

from __future__ import annotations

from dataclasses import replace

import pytest
import pytest_asyncio
from sqlalchemy import select
from tgemulator import EmuMessage, ScriptedUser

from bot.handlers.trajectory.contract_cards import offer_revisit
from bot.handlers.trajectory.core import load_pair
from bot.runtime.turn import Turn
from flows.trajectory import (
    ContractItemKey,
    Event,
    NoteTopic,
    Party,
    ReflectionQuestion,
    Step,
    StepStatus,
    Trajectory,
    confirm_item,
    fire,
    propose_item,
    record_meeting,
)
from storage.models import Match, utcnow
from tests.e2e.support.conversation import expect_all
from tests.e2e.support.trajectory import (
    MatchJourney,
    begin_chat,
    goal_to_path,
    greeted,
    harvest,
    new_step,
    pair_up,
    plan_first_slot,
    put_snapshots,
    small_step,
    snapshots,
    write_goal,
)
from tests.e2e.support.world import World

CHAT = "💬 Hier in de chat"
FACE = "🪑 Samen, in het echt"


async def test_at_the_half_way_revisit_the_observer_reads_along_without_buttons(
    world: World,
) -> None:
    (anna, ben, cas), _, match_id = await pair_up(world, ["Anna", "Ben", "Cas"], kind="triad")
    await greeted(anna, ben, cas)
    # Anna coaches Ben (Cas observes): two of their four conversations took place since the
    # contract. The other two trajectories have not had one yet.
    not_yet = _four_agreed(held_since=0)
    await put_snapshots(world, match_id, _four_agreed(held_since=2), not_yet, not_yet)
    async with world.app.services.db.transaction() as session:
        turn = Turn(world.app.services, session, utcnow(), chat_id=anna.chat_id)
        pair = await load_pair(turn, match_id)
        assert pair is not None and await offer_revisit(turn, pair)
        handed = await world.app.delivery.claim(session)
    world.app.delivery.accept(handed)

    for person in (anna, ben, cas):
        await person.expect("Halverwege")
    for person in (anna, ben):
        summary = await person.expect("Jullie afspraken tot nu toe")
        assert "Klopt nog steeds" in person.buttons(summary)
    summary = await cas.expect("Jullie afspraken tot nu toe")
    assert "4 gesprekken" in (summary.text or "") and cas.buttons(summary) == []


def _four_agreed(*, held_since: int) -> Trajectory:
    """A trajectory on its path under a contract of four conversations, some held since."""
    trajectory = record_meeting(
        Trajectory(step=Step.CONTRACT, click_confirmed=True), held=True, at=utcnow()
    )
    for key in ContractItemKey:
        value = "4 gesprekken" if key is ContractItemKey.CONVERSATIONS else "Prima zo"
        trajectory = propose_item(trajectory, key, value, by=Party.COACH, at=utcnow())
        trajectory = confirm_item(trajectory, key, by=Party.COACHEE)
    for party in (Party.COACH, Party.COACHEE):
        trajectory = fire(trajectory, Event.ACCEPT_CONTRACT, party, at=utcnow()).trajectory
    for _ in range(held_since):
        trajectory = record_meeting(trajectory, held=True, at=utcnow())
    return replace(trajectory, step=Step.PATH)


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def journey(journey_world: World) -> MatchJourney:
    """Anna, Ben and Cas matched as a triad; the stages below go on one after another."""
    people, _, match_id = await pair_up(journey_world, ["Anna", "Ben", "Cas"], kind="triad")
    return MatchJourney(journey_world, tuple(people), match_id)


@pytest.mark.asyncio(loop_scope="module")
class TestATriadRotatesThroughTheWholeTrajectory:
    """Seven conversations in rotation, each stage going on from the last."""

    async def test_1_the_three_are_greeted_with_the_rotation(self, journey: MatchJourney) -> None:
        """Everyone hears they are three; the home card shows who coaches whom."""
        anna, ben, cas = journey.people
        for person in (anna, ben, cas):
            await person.expect("Jullie zijn met z'n drieën: jij,")
        home = await anna.expect("Waar jullie staan")
        for line in ("Jij coacht Ben", "Cas coacht jou", "Ben coacht Cas"):
            assert line in (home.text or "")
        await ben.expect("Waar jullie staan")
        await cas.expect("Waar jullie staan")

    async def test_2_conversation_1_anna_coaches_ben_in_the_chat(
        self, journey: MatchJourney
    ) -> None:
        """Anna coaches Ben, Cas observes (no who-question: the rotation decides)."""
        anna, ben, cas = journey.people
        await anna.press("▶️ Start ons gesprek")
        await anna.expect("Waar praten jullie, Anna en Ben?")
        await anna.press(CHAT)
        begun = await expect_all((anna, ben, cas), "Anna coacht, Ben is coachee")
        assert "stuur ik door naar Ben en Cas" in (begun[0].text or "")
        assert "stuur ik door naar Anna en Cas" in (begun[1].text or "")
        assert "Anna en Ben praten hier in de chat en jij leest mee" in (begun[2].text or "")
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
            await person.expect("Het gesprek is afgerond. Goed gedaan, alle drie!")
            await person.expect("klikte het?")
        await anna.expect("Neem even tijd")
        await cas.expect("Je feedback gaat naar Anna")
        feedback = await give_feedback(
            cas, anna, ["Je stelde rustige vragen", None, None, None, "Meer doorvragen"]
        )
        assert "Je stelde rustige vragen" in (feedback.text or "")
        assert "Meer doorvragen" in (feedback.text or "")

    async def test_3_the_click_check_and_the_contract_need_all_three(
        self, journey: MatchJourney
    ) -> None:
        """The click check and the contract need all three."""
        anna, ben, cas = journey.people
        for person in (anna, ben):
            await person.press("Ja, het klikt")
            await person.expect("Zodra iedereen heeft geantwoord")
        await cas.press("Ja, het klikt")
        await expect_all((anna, ben, cas), "Het klikt! Op naar jullie afspraken.")
        await expect_all((anna, ben, cas), "zeg ja tegen alles, of pas er eentje aan")
        await expect_all((anna, ben, cas), "Alle afspraken op een rij")
        await anna.press("✅ Akkoord met alles")
        await anna.expect("Zodra iedereen akkoord is")
        await expect_all((ben, cas), "Anna is al akkoord met alles")
        await ben.press("✅ Akkoord met alles")
        await ben.expect("Zodra iedereen akkoord is")
        mine = await anna.expect("Jij bent akkoord met alles")
        assert anna.buttons(mine) == ["✏️ Eén aanpassen"]
        last = await cas.expect("Anna & Ben zijn al akkoord met alles")
        assert cas.buttons(last) == ["✅ Akkoord met alles", "✏️ Eén aanpassen"]
        await cas.press("✅ Akkoord met alles")
        await expect_all((anna, ben, cas), "Jullie afspraken staan")
        await expect_all((anna, ben, cas), "Waar jullie staan")
        await expect_all((anna, ben, cas), "Wanneer is jullie volgende gesprek?")

        # Cas plans the next conversation for all three.
        await cas.send("/plan")
        time = await plan_first_slot(cas, ben, "Gepland")
        planned = await anna.expect("Cas plande jullie volgende gesprek")
        assert time in (planned.text or "")

    async def test_4_conversation_2_ben_coaches_cas_face_to_face(
        self, journey: MatchJourney
    ) -> None:
        """Ben coaches Cas face to face, Anna observes; only the coach sees captures."""
        anna, ben, cas = journey.people
        card = await talk(ben, cas, anna, mode=FACE)
        assert "Je doel · De droom" in (card.text or "")
        await cas.send("Dit hoeft niemand te lezen")
        await cas.expect("in het echt, dus ik stuur niets door")
        await goal_to_path(
            ben,
            cas,
            goal="Rustiger worden voor presentaties",
            scale=3,
            stage="Oefenen voor een klein publiek",
            step="Mijn spreekbeurt oefenen voor de spiegel",
            observer=anna,
        )
        await anna.expect_silence(0.1)  # the observer heard of each step, never what Cas wrote
        await end_talk(ben, cas, anna)
        feedback = await give_feedback(
            anna,
            ben,
            [
                "Je liet Cas zelf het doel kiezen",
                "Hoe snel het ging",
                "Soms praatte je door Cas heen",
                "Een doel mag klein beginnen",
                "Stiltes laten vallen",
            ],
        )
        assert (feedback.text or "").count("\n\n") == 5  # a heading and all five answers
        await ben.press("Nu niet")
        await ben.expect("een andere keer")

    async def test_5_cas_ticks_off_his_step_between_conversations(
        self, journey: MatchJourney
    ) -> None:
        """Between conversations Cas ticks off his step; Ben hears of it, Anna does not."""
        anna, ben, cas = journey.people
        await cas.send("/steps")
        await cas.expect("Jouw kleine stappen")
        await cas.press("✅ 1")
        await cas.expect("Top, stap gezet: Mijn spreekbeurt oefenen")
        await ben.expect("Cas zette een stap")
        await anna.expect_silence(0.1)

    async def test_6_conversation_3_cas_coaches_anna_in_the_chat(
        self, journey: MatchJourney
    ) -> None:
        """Conversation 3 rotates on: Cas coaches Anna in the chat, Ben observes and stays quiet."""
        anna, ben, cas = journey.people
        await talk(cas, anna, ben, mode=CHAT)
        await cas.press("💬 Stel deze vraag")
        for person in (anna, ben):
            await person.expect("Cas vraagt: ")
        await anna.send("Ik wil fitter worden")
        await cas.expect("Anna: Ik wil fitter worden")
        await ben.expect("Anna: Ik wil fitter worden")
        await ben.send("Goed plan!")
        await ben.expect("kijk je mee zonder mee te praten")
        await goal_to_path(
            cas,
            anna,
            goal="Meer bewegen naast school",
            scale=3,
            stage="Een sport uitkiezen",
            step="Een proefles boeken",
            observer=ben,
        )
        await end_talk(cas, anna, ben)
        await ben.press("Nu niet")  # observing is an offer, not a duty
        await ben.expect("een andere keer")

    async def test_7_conversation_4_anna_coaches_ben_again(self, journey: MatchJourney) -> None:
        """Conversation 4 comes back to Anna coaching Ben, with Cas observing again."""
        anna, ben, cas = journey.people
        await talk(anna, ben, cas, mode=FACE)
        await goal_to_path(
            anna,
            ben,
            goal="Niet meer alles op het laatste moment doen",
            scale=5,
            stage="Een planning voor de toetsweek",
            step="Vandaag één taak afmaken",
            observer=cas,
        )
        await end_talk(anna, ben, cas)

    async def test_8_conversation_5_ben_and_cas_plan_the_route_once_more(
        self, journey: MatchJourney
    ) -> None:
        """Conversation 5: Ben coaches Cas; what goes better, then the route once more."""
        anna, ben, cas = journey.people
        await talk(ben, cas, anna, mode=CHAT)
        await cas.press("✨ Wat beter gaat")
        await cas.expect("Wat gaat er beter")
        await cas.send("Ik durf vaker iets te zeggen")
        await cas.expect("Staat in je logboek")
        await ben.expect("Cas schreef op · ✨ Wat beter gaat\nIk durf vaker iets te zeggen")
        await ben.press("🗺 Route opnieuw")
        await new_step(ben, cas, "De route", "Waar je nu staat", anna)
        route = await cas.expect("Jouw route, zoals hij nu is")  # re-planning opens it
        assert "nog geen kleine stappen" in (route.text or "")
        await ben.press("➡️ Op weg!")
        await ben.expect("Ik vraag Cas")
        await small_step(ben, cas, "Een vraag stellen in de les", days=3)  # the stage still stands
        await cas.expect("Jouw route")
        await cas.press("✅ Zo ga ik op weg")
        await new_step(ben, cas, "Onderweg", "Wat gaat beter", anna)
        await ben.press("🏁 Afronden")
        await new_step(ben, cas, "Afronden", "Terugkijken", anna)
        await harvest(
            ben,
            cas,
            review="Presentaties voelen minder eng",
            scale=7,
            learned="Oefenen helpt echt",
            keep="Vooraf hardop oefenen",
            feedback="Je vroeg goed door",
            compliment="Je bleef rustig als ik twijfelde",
        )
        await close_together(ben, cas, anna)
        await end_talk(ben, cas, anna, ended=False)
        await anna.press("Nu niet")
        await anna.expect("een andere keer")

    async def test_9_conversation_6_anna_winds_back_to_her_goal(
        self, journey: MatchJourney
    ) -> None:
        """Conversation 6: Cas coaches Anna; Anna winds back to her goal herself."""
        anna, ben, cas = journey.people
        await anna.send("/talk")
        home = await anna.expect("Waar jullie staan")
        assert "🎉 Ben coacht Cas: Afgerond" in (home.text or "")
        await talk(cas, anna, ben, mode=FACE)
        await anna.press("↩️ Terug naar het doel")
        await new_step(cas, anna, "Je doel", "De droom", ben)
        await write_goal(cas, anna, "Twee keer per week sporten", scale=4)
        # The route still stands, so the new goal leads straight back onto the path.
        await new_step(cas, anna, "Onderweg", "Wat gaat beter", ben)
        await cas.press("🏁 Afronden")
        await new_step(cas, anna, "Afronden", "Terugkijken", ben)
        await harvest(
            cas,
            anna,
            review="Ik sport nu elke dinsdag",
            scale=6,
            learned="Kleine stappen zijn genoeg",
            keep=None,
            feedback="Je liet me zelf kiezen",
            compliment="Je was altijd op tijd",
        )
        await close_together(cas, anna, ben)
        await end_talk(cas, anna, ben, ended=False)

    async def test_10_conversation_7_closes_the_triad(self, journey: MatchJourney) -> None:
        """Conversation 7: Anna coaches Ben, the last open trajectory; its close ends the triad."""
        anna, ben, cas = journey.people
        await talk(anna, ben, cas, mode=CHAT)
        await ben.press("✨ Wat beter gaat")
        await ben.expect("Wat gaat er beter")
        await ben.send("Ik begin eerder aan toetsen")
        await ben.expect("Staat in je logboek")
        await anna.expect("Ik begin eerder aan toetsen")
        await anna.press("🏁 Afronden")
        await new_step(anna, ben, "Afronden", "Terugkijken", cas)
        await harvest(
            anna,
            ben,
            review="Mijn toetsweek was rustig",
            scale=7,
            learned="Dat ik meer kan dan ik dacht",
            keep="Elke zondag plannen",
            feedback="Goede vragen",
            compliment="Je nam me serieus",
        )
        await close_together(anna, ben, cas)
        await expect_all((anna, ben, cas), "Jullie afspraken zijn afgesloten")
        await anna.expect("Neem even tijd")
        # The observer's feedback still reaches Anna after the triad has closed.
        await cas.expect("Je feedback gaat naar Anna")
        feedback = await give_feedback(cas, anna, ["Je rondde het mooi af", None, None, None, None])
        assert "Je rondde het mooi af" in (feedback.text or "")
        for person in (anna, ben, cas):
            await person.expect_silence(0.1)  # no planning: the triad is done
        await ben.send("/talk")
        await ben.expect("Je hebt nu geen coachingspartner")

    async def test_11_every_trajectory_is_stored_closed_as_it_was_walked(
        self, journey: MatchJourney
    ) -> None:
        """Each trajectory's route through the steps, its notes and the observers' feedback."""
        trajectories = await snapshots(journey.world, journey.match_id)
        assert all(t.step is Step.CLOSED and t.contract.closed_at for t in trajectories)
        walked = [" ".join(move.dest.value for move in t.moves) for t in trajectories]
        assert walked == [
            "contract goal route path closing closed",
            # Ben and Cas re-planned the route
            "contract goal route path route path closing closed",
            "contract goal route path goal path closing closed",  # Anna went back to her goal
        ]
        anna_ben, ben_cas, cas_anna = trajectories
        assert [t.conversation_count for t in trajectories] == [3, 2, 2]  # seven in the rotation
        assert anna_ben.goal == "Niet meer alles op het laatste moment doen"
        assert [s.value for s in anna_ben.scales] == [5, 7]
        assert [s.text for s in anna_ben.stages] == ["Een planning voor de toetsweek"]
        assert [(s.text, s.status) for s in anna_ben.small_steps] == [
            ("Vandaag één taak afmaken", StepStatus.OPEN)
        ]
        assert ben_cas.goal == "Rustiger worden voor presentaties"
        assert [(s.text, s.status) for s in ben_cas.small_steps] == [
            ("Mijn spreekbeurt oefenen voor de spiegel", StepStatus.DONE),
            ("Een vraag stellen in de les", StepStatus.OPEN),
        ]
        assert ben_cas.notes_about(NoteTopic.BETTER)[0].text == "Ik durf vaker iets te zeggen"
        assert [g.text for g in cas_anna.goals] == [
            "Meer bewegen naast school",
            "Twee keer per week sporten",
        ]
        assert [s.value for s in cas_anna.scales] == [3, 4, 6]
        assert not cas_anna.notes_about(NoteTopic.KEEP_DOING)  # Anna skipped that one
        assert {t.notes_about(NoteTopic.LEARNED)[0].text for t in trajectories} == {
            "Dat ik meer kan dan ik dacht",
            "Oefenen helpt echt",
            "Kleine stappen zijn genoeg",
        }
        # Feedback from the observers: Cas twice on Anna (first and last), Anna once on Ben.
        assert [o.conversation for o in anna_ben.observations] == [1, 3]
        assert set(anna_ben.observations[0].answers) == {
            ReflectionQuestion.RECOGNISED,
            ReflectionQuestion.TAKE_AWAY,
        }
        assert len(ben_cas.observations[0].answers) == 5
        assert not cas_anna.observations  # Ben chose not now
        async with journey.world.app.services.db.sessions() as session:
            match = (await session.scalars(select(Match).where(Match.id == journey.match_id))).one()
            assert match.status == "closed"


# --- Steps of the story that repeat ----------------------------------------------------------


async def talk(
    coach: ScriptedUser, coachee: ScriptedUser, observer: ScriptedUser, *, mode: str
) -> EmuMessage:
    """The coach the rotation names opens /talk and starts; returns the coach's first card."""
    await coach.send("/talk")
    await coach.expect("Waar jullie staan")
    return await begin_chat(coach, coachee, mode=mode, observer=observer)


async def end_talk(
    coach: ScriptedUser, coachee: ScriptedUser, observer: ScriptedUser, *, ended: bool = True
) -> None:
    """The coach ends the conversation (unless closing it already did): the coach may reflect,
    the observer may give feedback, and all three are asked to plan the next one."""
    if ended:
        await coach.press("⏹ Gesprek afronden")
        await expect_all((coach, coachee, observer), "Het gesprek is afgerond")
    await coach.expect("Neem even tijd")
    await observer.expect(f"Je feedback gaat naar {coach.user.first_name}")
    await expect_all((coach, coachee, observer), "Wanneer is jullie volgende gesprek?")


async def give_feedback(
    observer: ScriptedUser, coach: ScriptedUser, answers: list[str | None]
) -> EmuMessage:
    """The observer answers the five questions (None skips one); returns what the coach gets."""
    await observer.press("✍️ Feedback geven")
    for number, answer in enumerate(answers, start=1):
        await observer.expect(f"Vraag {number} van 5")
        if answer is None:
            await observer.press("⏭ Overslaan")
        else:
            await observer.send(answer)
    await observer.expect(f"Je feedback is naar {coach.user.first_name} gestuurd")
    return await coach.expect(f"Feedback van {observer.user.first_name}")


async def close_together(
    coach: ScriptedUser, coachee: ScriptedUser, observer: ScriptedUser
) -> None:
    """The coachee confirms the close, then the coach; the observer has no say, but hears it."""
    await coachee.press("✅ Ja, we ronden af")
    await coachee.expect(f"wachten op {coach.user.first_name}")
    await coach.press("✅ Ja, we ronden af")
    await expect_all((coach, coachee, observer), "Het gesprek is afgerond")
    await expect_all((coach, coachee), "Jullie coaching is afgerond")
    names = f"{coach.user.first_name} en {coachee.user.first_name}"
    await observer.expect(f"De coaching van {names} is afgerond")
