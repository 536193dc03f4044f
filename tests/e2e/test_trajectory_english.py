"""A one-way pair, in English, face to face, all the way to a closed match: the coach asks the
coachee to write things down, the coachee asks a role, the goal changes on the path."""

from __future__ import annotations

import pytest
import pytest_asyncio
from sqlalchemy import select
from tgemulator import EmuMessage, ScriptedUser

from flows.trajectory import CoachRole, NoteTopic, Step
from storage.models import Match
from tests.e2e.support.conversation import edited_to, read_until
from tests.e2e.support.trajectory import (
    MatchJourney,
    agree_to_all,
    pair_up,
    snapshots,
)
from tests.e2e.support.world import World


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def journey(journey_world: World) -> MatchJourney:
    """Emma coaches Liam one way, in English; the stages below go on one after another."""
    (emma, liam), _, match_id = await pair_up(
        journey_world, ["Emma", "Liam"], kind="one_way", language="English"
    )
    return MatchJourney(journey_world, (emma, liam), match_id)


@pytest.mark.asyncio(loop_scope="module")
class TestAOneWayPairFinishesInEnglish:
    """Three conversations from contact to the close, each stage going on from the last."""

    async def test_1_both_are_greeted_in_english(self, journey: MatchJourney) -> None:
        """Emma hears she coaches, Liam that he is coached."""
        emma, liam = journey.people
        await emma.expect("Emma is the coach and Liam the coachee")
        await emma.expect("You coach Liam: Getting to know each other")
        await liam.expect("How you work together")
        await liam.expect("Emma coaches you")

    async def test_2_contact_in_person_started_by_the_coachee(self, journey: MatchJourney) -> None:
        """Contact, in person: the coachee starts; the coach has Liam write down what he hopes."""
        emma, liam = journey.people
        await liam.press("▶️ Start our conversation")
        mode = await liam.expect("Where are you talking, Emma and Liam?")
        assert liam.buttons(mode) == ["💬 Here in the chat", "🪑 Together, in person"]
        await liam.press("🪑 Together, in person")
        await liam.expect("Your conversation has started")
        await liam.expect("Your notebook · Getting to know each other")
        await emma.expect("Emma coaches, Liam is the coachee")
        await emma.expect("For you as the coach")
        card = await emma.expect("Getting to know each other · ")
        await emma.press("⏭ Another topic")
        await edited_to(emma, card.message_id, "What we share")
        await emma.press("⏭ Another topic")
        await edited_to(emma, card.message_id, "What you are looking for")
        await emma.press("📝 Let Liam write it down")
        for _ in range(2):
            await emma.expect_callback_answer()  # the two topic changes, answered silently
        await emma.expect_callback_answer("I'm asking Liam")
        await liam.expect("What do you hope your coach will do for you?")
        await liam.send("Help me keep going when it gets hard")
        await liam.expect("It's in your notebook")
        await emma.expect("Liam wrote down · 🤞 What I hope\nHelp me keep going")
        await liam.press("⏹ End the conversation")
        for person in (emma, liam):
            await person.expect("The conversation has ended")
            await person.expect("did it click?")
        await emma.expect("Take a moment for yourself")

    async def test_3_the_click_check_and_the_contract(self, journey: MatchJourney) -> None:
        """Both say it clicks; Liam proposes, Emma agrees, both accept."""
        emma, liam = journey.people
        await emma.press("Yes, it clicks")
        await emma.expect("As soon as everyone has answered")
        await liam.press("Yes, it clicks")
        for person in (emma, liam):
            await person.expect("It clicks! On to your agreements.")
            await person.expect("say yes to all, or change one")
        taps = await agree_to_all(
            liam,
            emma,
            agree="✅ Agree to all",
            card="All agreements at a glance",
            waiting="As soon as everyone has",
            done="Your agreements are set",
        )
        assert taps == 2
        for person in (emma, liam):
            home = "You coach Liam: Your goal" if person is emma else "Emma coaches you"
            await person.expect(home)
            await person.expect("When is your next conversation?")

    async def test_4_the_goal_in_the_chat_worded_twice(self, journey: MatchJourney) -> None:
        """The goal, in the chat; the coachee words it twice before confirming."""
        emma, liam = journey.people
        card = await start(emma, liam, "💬 Here in the chat")
        assert "Your goal · The dream" in (card.text or "")
        await emma.press("➡️ On to the route")
        await emma.expect("I'm asking Liam")
        await liam.expect("Write your goal in your own words")
        await liam.send("Get a 7 for maths")
        await liam.expect("It's in your notebook")
        await liam.expect("Where are you now, from 0 to 10")
        await liam.press("3")
        await liam.expect("It's in your notebook")
        await liam.expect("📈 Your scores over time")
        await liam.expect("Is this your goal")
        await liam.press("✏️ Write it differently")
        await liam.expect("Write your goal in your own words")
        await liam.send("Understand maths well enough to get a 7")
        await liam.expect("It's in your notebook")
        await liam.expect("Where are you now")
        await liam.press("4")
        await liam.expect("It's in your notebook")
        await liam.expect("📈 Your scores over time")
        confirm = await liam.expect("Is this your goal")
        assert "Understand maths" in (confirm.text or "")
        await liam.press("✅ Yes, this is my goal")
        notebook = await liam.expect("New step: The route")  # one message for the coachee
        assert "Your notebook · The route" in (notebook.text or "")
        await read_until(emma, "The route · Where you are now", limit=20)

    async def test_5_the_route_with_two_stages_and_a_small_step(
        self, journey: MatchJourney
    ) -> None:
        """Two stages, a small step with a date, and Liam sets off."""
        emma, liam = journey.people
        await emma.press("➡️ Let's go!")
        await liam.expect("Name a stage")
        await liam.send("Ask my teacher what to practise")
        await liam.expect("It's in your notebook")
        await liam.expect("Another stage, or on to your first small step?")
        await liam.press("➕ Another stage")
        await liam.expect("Name a stage")
        await liam.send("Practise twice a week")
        await liam.expect("It's in your notebook")
        await liam.expect("Another stage, or on to your first small step?")
        await liam.press("➡️ On to my step")
        await liam.expect("What is your first small step")
        await liam.send("Email my teacher on Monday")
        dates = await liam.expect("When would you like to have taken this step?")
        assert liam.buttons(dates)[0].startswith("Tomorrow (")
        await liam.press(liam.buttons(dates)[1])
        await liam.expect("It's in your notebook")
        route = await liam.expect("Your route")
        assert "Practise twice a week" in (route.text or "")
        await liam.press("✅ Let's set off")
        await liam.expect("Your notebook · On the way")
        shared = await read_until(emma, "Liam wrote down · 🌱 Small step", limit=20)
        assert "Email my teacher on Monday (" in (shared.text or "")
        await read_until(emma, "On the way · What is better", limit=20)
        await emma.press("⏹ End the conversation")
        for person in (emma, liam):
            await person.expect("The conversation has ended")
            if person is emma:
                await person.expect("Take a moment for yourself")
            await person.expect("When is your next conversation?")

    async def test_6_on_the_path_a_role_then_back_to_the_goal(self, journey: MatchJourney) -> None:
        """On the path: a role asked, then back to the goal, which now leads straight back."""
        emma, liam = journey.people
        card = await start(emma, liam, "🪑 Together, in person")
        assert "On the way · What is better" in (card.text or "")
        await liam.press("🎭 My coach's role")
        roles = await liam.expect("Which role would you like your coach to take today?")
        assert "Challenger" in liam.buttons(roles)
        await liam.press("Challenger")
        await liam.expect("It's in your notebook")
        await emma.expect("Today Liam would like you to be mostly Challenger")
        await liam.press("↩️ Back to the goal")
        await liam.expect("Your notebook · Your goal")
        await emma.expect("New step: Your goal")
        await emma.expect("Your goal · The dream")
        await emma.press("➡️ On to the route")
        await liam.expect("Write your goal in your own words")
        await liam.send("Pass maths and enjoy it a bit more")
        await liam.expect("It's in your notebook")
        await liam.expect("Where are you now")
        await liam.press("6")
        await liam.expect("It's in your notebook")
        await liam.expect("📈 Your scores over time")
        await liam.expect("Is this your goal")
        await liam.press("✅ Yes, this is my goal")
        await liam.expect("Your notebook · On the way")
        await read_until(emma, "New step: On the way", limit=20)
        await emma.expect("On the way · What is better")

    async def test_7_wrapping_up_and_finishing_together(self, journey: MatchJourney) -> None:
        """The harvest with two skips, then both finish the coaching."""
        emma, liam = journey.people
        await emma.press("🏁 Wrap up")
        await emma.expect("New step: Wrapping up")
        await emma.expect("Wrapping up · Looking back")
        await liam.expect("Your notebook · Wrapping up")
        await emma.press("✅ Ready to finish")
        await liam.expect("Look back")
        await liam.send("I ask for help sooner")
        await liam.expect("It's in your notebook")
        await liam.expect("Where are you now")
        await liam.press("⏭ Skip")
        await liam.expect("What did you learn?")
        await liam.send("Small questions to my teacher help")
        await liam.expect("It's in your notebook")
        await liam.expect("What will you keep doing")
        await liam.send("Practising twice a week")
        await liam.expect("It's in your notebook")
        await liam.expect("What did your coach do that helped you?")
        await liam.press("⏭ Skip")
        await liam.expect("compliment")
        await liam.press("⏭ Skip")
        await liam.expect("Are you finishing the coaching together?")
        await read_until(emma, "Are you finishing the coaching together?", limit=20)
        await emma.press("✅ Yes, let's finish")
        await emma.expect("waiting for Liam")
        await liam.press("✅ Yes, let's finish")
        for person in (emma, liam):
            await person.expect("The conversation has ended")
            await person.expect("Your coaching is finished")
            await person.expect("That's it: great job!")
        await emma.expect("Take a moment for yourself")

    async def test_8_the_trajectory_is_stored_closed(self, journey: MatchJourney) -> None:
        """Three conversations, the last goal, the role asked for, the match closed."""
        [trajectory] = await snapshots(journey.world, journey.match_id)
        assert trajectory.step is Step.CLOSED and trajectory.conversation_count == 3
        assert [goal.text for goal in trajectory.goals][-1] == "Pass maths and enjoy it a bit more"
        assert trajectory.role_requests[0].role is CoachRole.CHALLENGER
        assert [n.text for n in trajectory.notes_about(NoteTopic.KEEP_DOING)] == [
            "Practising twice a week"
        ]
        async with journey.world.app.services.db.sessions() as session:
            match = (await session.scalars(select(Match).where(Match.id == journey.match_id))).one()
            assert match.status == "closed"

    async def test_9_after_the_close_the_commands_say_so(self, journey: MatchJourney) -> None:
        """The contract and goal stay readable; a new talk needs a new partner."""
        _, liam = journey.people
        await liam.send("/contract")
        await liam.expect("✅ Period:")
        await liam.expect("You closed these agreements together on")
        await liam.send("/goal")
        await liam.expect("Pass maths and enjoy it a bit more")
        await liam.send("/talk")
        await liam.expect("You don't have a coaching partner right now")


async def start(coach: ScriptedUser, coachee: ScriptedUser, mode: str) -> EmuMessage:
    """The coach starts the next conversation of a one-way pair: no questions, where they
    talked last time; one tap moves it when they talk elsewhere now. Returns the coach's card."""
    await coach.send("/talk")
    await coach.expect("Where you are")
    await coach.press("▶️ Start our conversation")
    begun = await coach.expect("Your conversation has started")
    await coachee.expect("Your conversation has started")
    await coach.expect("For you as the coach")
    card = await coach.expect()
    await coachee.expect("Your notebook")
    here = "in person" in (begun.text or "")
    switch = "💬 Here in the chat after all" if here else "🪑 In person after all"
    assert coach.buttons(begun) == [switch]  # one way: nobody to swap with, only where
    if here != ("in person" in mode):
        await coach.press(switch)
        for person in (coach, coachee):
            await person.expect("You're now talking")
    return card
