"""A pair that speaks two languages: Anna reads Dutch, Bram English. The agreements they pick
from the cards are kept as choices, so each reads them in their own language on every card and
in /contract, also after switching language; only words someone typed stay as typed. A small
step's day reaches the coach in the coach's language."""

from __future__ import annotations

import io
import json
import re
import zipfile
from dataclasses import replace
from datetime import UTC, date, datetime

import pytest
import pytest_asyncio

from bot.handlers.privacy.export import HTML_NAME, JSON_NAME
from flows.trajectory import (
    ContractItemKey,
    Party,
    Step,
    Trajectory,
    add_scale,
    add_stage,
    capture_goal,
    record_meeting,
)
from tests.e2e.support.conversation import press_when_shown, read_until
from tests.e2e.support.trajectory import (
    MatchJourney,
    greeted,
    pair_up,
    put_snapshots,
    snapshots,
)
from tests.e2e.support.world import World

DUTCH_VALUES = ("Dit semester", "gesprekken", "Elke week", "Op school", "Tot de kerstvakantie")
EARLIER = datetime(2026, 11, 20, 15, 0, tzinfo=UTC)
EN_DAY = re.compile(
    r"\((Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\)"
)


def without_dutch(text: str | None) -> str:
    """The text, after checking no Dutch agreement slipped into it."""
    found = [value for value in DUTCH_VALUES if value in (text or "")]
    assert not found, f"Dutch {found} in an English text: {text}"
    return text or ""


def on_the_route() -> Trajectory:
    """A goal, a scale and a stage behind them, no small step yet: the route asks for one."""
    trajectory = Trajectory(step=Step.GOAL, click_confirmed=True)
    trajectory = record_meeting(trajectory, held=True, at=EARLIER)
    trajectory = capture_goal(
        trajectory, "Rustiger worden voor toetsen", by=Party.COACHEE, at=EARLIER
    )
    trajectory = add_scale(trajectory, 4, by=Party.COACHEE, at=EARLIER)
    trajectory = replace(trajectory, step=Step.ROUTE)
    return add_stage(trajectory, "Elke dag even ademen", by=Party.COACHEE, at=EARLIER)


async def test_a_small_steps_day_reaches_the_coach_in_the_coachs_language(world: World) -> None:
    """Anna (Dutch) writes a small step and picks its day; Bram, her English coach, reads the
    day in English, while Anna's own route shows it in Dutch."""
    (bram, anna), _, match_id = await pair_up(
        world, ["Bram", "Anna"], kind="one_way", languages=["English", "Nederlands"]
    )
    await put_snapshots(world, match_id, on_the_route())
    await greeted(bram, anna)
    await bram.press("▶️ Start our conversation")
    await bram.expect("Where are you talking, Bram and Anna?")
    await bram.press("💬 Here in the chat")
    await bram.expect("Your conversation has started")
    await anna.expect("Jullie gesprek is begonnen")
    await bram.expect("For you as the coach")
    await bram.expect("The route · ")
    await anna.expect("Jouw logboek · De route")
    await bram.press("➡️ Let's go!")
    await bram.expect("I'm asking Anna")
    await anna.expect("kleine stap")
    await anna.send("Elke dag 10 min ademhalen")
    dates = await anna.expect("Wanneer wil je deze stap gezet hebben?")
    await anna.press(next(b for b in anna.buttons(dates) if b.startswith("Over een week")))
    await anna.expect("Staat in je logboek")
    route = await anna.expect("Jouw route")
    assert "Elke dag 10 min ademhalen" in (route.text or "")
    shared = await read_until(bram, "Anna wrote down · 🌱 Small step")
    text = shared.text or ""
    assert "Elke dag 10 min ademhalen (" in text, text
    assert EN_DAY.search(text), text  # e.g. "(Mon 7 Dec)", not "(ma 7 dec)"
    [trajectory] = await snapshots(world, match_id)
    assert trajectory.small_steps[-1].text == "Elke dag 10 min ademhalen"  # the day kept apart
    assert isinstance(trajectory.small_steps[-1].due, date)


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def journey(journey_world: World) -> MatchJourney:
    """Anna (Dutch) and Bram (English), a reciprocal pair; the stages go on one after another."""
    (anna, bram), _, match_id = await pair_up(
        journey_world, ["Anna", "Bram"], languages=["Nederlands", "English"]
    )
    return MatchJourney(journey_world, (anna, bram), match_id)


@pytest.mark.asyncio(loop_scope="module")
class TestAgreementsReadInEachOnesLanguage:
    """Anna and Bram make their agreements, each reading them in their own language."""

    async def test_1_contact_and_the_click(self, journey: MatchJourney) -> None:
        """A first conversation in the chat; both say it clicks and get the whole contract, each
        in their own language."""
        anna, bram = journey.people
        await greeted(anna, bram)
        await anna.press("▶️ Start ons gesprek")
        await anna.expect("Wie coacht er")
        await anna.press("Ik coach Bram")
        await anna.expect("Waar praten jullie")
        await anna.press("💬 Hier in de chat")
        await anna.expect("Jullie gesprek is begonnen")
        await bram.expect("Your conversation has started")
        await anna.expect("Voor jou als coach")
        await anna.expect("Kennismaken · ")
        await bram.expect("Your notebook")
        await anna.press("⏹ Gesprek afronden")
        await read_until(anna, "klikte het?")
        await read_until(bram, "did it click?")
        await bram.press("Yes, it clicks")
        await bram.expect("As soon as everyone has answered")
        await anna.press("Ja, het klikt")
        await read_until(anna, "zeg ja tegen alles, of pas er eentje aan")
        await read_until(bram, "say yes to all, or change one")
        mine = await anna.expect("Alle afspraken op een rij")
        assert "Periode: Dit semester" in (mine.text or ""), mine.text
        theirs = await bram.expect("All agreements at a glance")
        text = without_dutch(theirs.text)
        assert "Period: This term" in text and "4 conversations" in text, text

    async def test_2_the_defaults_anna_agreed_to_read_in_english(
        self, journey: MatchJourney
    ) -> None:
        """Anna agrees to all: Bram's card shows the same defaults in English, as the defaults
        they are (nobody's idea), and the one-agreement card has no second "This term"."""
        anna, bram = journey.people
        await anna.press("✅ Akkoord met alles")
        await anna.expect("Zodra iedereen akkoord is")
        card = await bram.expect("All agreements at a glance")
        text = without_dutch(card.text)
        assert "Period: This term" in text and "Number of conversations: 4 conversations" in text
        assert "idea" not in text, text  # a default is nobody's idea
        assert "Anna already agreed to all of it" in text, text
        await bram.press("✏️ Change one")
        await bram.expect("Which agreement would you like to change?")
        await bram.press("Period")
        item = await bram.expect("Agreement 1 of 8")
        text = without_dutch(item.text)
        assert "This term" in text and "Anna is happy with it" in text, text
        assert "suggests" not in text, text
        buttons = bram.buttons(item)
        assert buttons[0] == "Agreed" and "This term" not in buttons, buttons
        assert "Until the winter break" in buttons, buttons

    async def test_3_a_change_reads_in_each_language(self, journey: MatchJourney) -> None:
        """Bram picks another period on his English card; Anna reads it in Dutch as his idea."""
        anna, bram = journey.people
        await bram.press("Until the winter break")
        await bram.expect("Your suggestion has been passed on: Until the winter break")
        again = await bram.expect("All agreements at a glance")
        without_dutch(again.text)
        card = await anna.expect("Alle afspraken op een rij")
        text = card.text or ""
        assert "Periode: Tot de kerstvakantie (voorstel van Bram)" in text, text
        assert "Until the winter break" not in text and "This term" not in text, text
        await anna.press("✅ Akkoord met alles")
        await anna.expect("Zodra iedereen akkoord is")
        last = await bram.expect("All agreements at a glance")
        assert "Anna already agreed to all of it" in without_dutch(last.text)
        await bram.press("✅ Agree to all")
        await read_until(anna, "Jullie afspraken staan")
        await read_until(bram, "Your agreements are set")
        await read_until(anna, "Wanneer is jullie volgende gesprek?")
        await read_until(bram, "When is your next conversation?")
        anna.skip_unread()
        bram.skip_unread()
        # Kept as the cards' choices, not as the words of whoever tapped first.
        for trajectory in await snapshots(journey.world, journey.match_id):
            period = trajectory.contract.item(ContractItemKey.PERIOD)
            rhythm = trajectory.contract.item(ContractItemKey.RHYTHM)
            assert period is not None and period.current.option == 1
            assert rhythm is not None and rhythm.current.option == 0 and rhythm.current.default

    async def test_4_contract_in_each_language(self, journey: MatchJourney) -> None:
        """/contract: Bram reads every agreement in English, Anna in Dutch."""
        anna, bram = journey.people
        await bram.send("/contract")
        summary = await bram.expect("Your agreements")
        text = without_dutch(summary.text)
        assert "✅ Period: Until the winter break" in text, text
        assert "✅ How often: Every week" in text and "✅ Where: At school" in text, text
        await anna.send("/contract")
        summary = await anna.expect("Jullie afspraken")
        text = summary.text or ""
        assert "✅ Periode: Tot de kerstvakantie" in text, text
        assert "✅ Hoe vaak: Elke week" in text and "✅ Waar: Op school" in text, text

    async def test_5_after_switching_to_english_anna_reads_english(
        self, journey: MatchJourney
    ) -> None:
        """Anna switches to English: her /contract reads in English too."""
        anna, _ = journey.people
        anna.skip_unread()
        await anna.send("/settings")
        await read_until(anna, "Wil je wisselen?")
        await anna.press("🇬🇧 English")
        await read_until(anna, "English")
        anna.skip_unread()
        await anna.send("/contract")
        summary = await anna.expect("Your agreements")
        text = without_dutch(summary.text)
        assert "✅ Period: Until the winter break" in text, text
        assert "✅ Number of conversations: 4 conversations" in text, text
        assert "✅ How often: Every week" in text and "✅ Where: At school" in text, text

    async def test_6_her_data_names_the_agreements_she_picked_in_english(
        self, journey: MatchJourney
    ) -> None:
        """Anna downloads her data: the defaults she agreed to read in English now."""
        anna, _ = journey.people
        await anna.send("/privacy")
        await read_until(anna, "a word about privacy")
        await press_when_shown(anna, "📦 Download my data")
        message = await read_until(anna, "Everything I keep about you")
        assert message.file is not None
        with zipfile.ZipFile(io.BytesIO(message.file.data)) as archive:
            document = json.loads(archive.read(JSON_NAME).decode("utf-8"))
            page = archive.read(HTML_NAME).decode("utf-8")
        words = [c["text"] for t in document["trajectories"] for c in t["contract"]]
        assert "This term" in words and "Every week" in words, words
        without_dutch(" ".join(words) + page)
