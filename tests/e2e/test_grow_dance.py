"""The dance check: a little after a conversation the coach and the coachee each answer three
taps privately; when the pair starts the next conversation both see the two answers side by
side with a question to open with. Staff never see any of it (progress, dashboard, CSV)."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from datetime import UTC, datetime

import aiohttp
import pytest
from sqlalchemy import select
from tgemulator import EmuMessage, ScriptedUser

from bot.clock import FakeClock
from flows.dance import DANCE_DELAY
from flows.trajectory import Step
from storage.dance_models import DanceCheck
from tests.e2e.support.conversation import edited_to
from tests.e2e.support.trajectory import begin_chat, greeted, pair_up, put_snapshots
from tests.e2e.support.world import World
from tests.e2e.test_dashboard import sign_in, sign_in_link
from tests.e2e.test_reflect_log import walked

MONDAY_10 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)  # 10:00 in Amsterdam, outside quiet hours


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(MONDAY_10)


@pytest.fixture
async def http() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as client:
        yield client


async def tap_three(person: ScriptedUser, card: EmuMessage, taps: tuple[str, str, str]) -> None:
    """Answer the dance card: each tap turns the same card into the next question."""
    assert "1/3 · Wie leidde het gesprek?" in (card.text or "")
    for number, label in enumerate(taps, start=1):
        if number > 1:
            await edited_to(person, card.message_id, f"{number}/3")
        await person.press(label)
    await edited_to(person, card.message_id, "Dank je!")


async def end_conversation(coach: ScriptedUser, coachee: ScriptedUser) -> None:
    """The coach ends the conversation; both read what follows (no dance card yet)."""
    await coach.press("⏹ Gesprek afronden")
    await coachee.expect("Het gesprek is afgerond")
    await coachee.expect("Wanneer is jullie volgende gesprek?")
    await coach.expect("Het gesprek is afgerond")
    await coach.expect("Neem even tijd")
    await coach.expect("Wanneer is jullie volgende gesprek?")


async def next_start(coach: ScriptedUser, coachee: ScriptedUser) -> None:
    """The next conversation, from /talk's home card."""
    await coach.send("/talk")
    await coach.expect("Waar jullie staan")
    await begin_chat(coach, coachee, mode="💬 Hier in de chat")


async def test_both_answers_come_back_side_by_side_at_the_next_start(
    world: World, http: aiohttp.ClientSession
) -> None:
    """Sanne and Bram tap after their talk; at the next start both read both answers."""
    (sanne, bram), ilse, match_id = await pair_up(world, ["Sanne", "Bram"], kind="one_way")
    assert ilse is not None
    await put_snapshots(world, match_id, walked(Step.PATH))
    await greeted(sanne, bram)
    await begin_chat(sanne, bram, mode="💬 Hier in de chat")
    await end_conversation(sanne, bram)
    await sanne.expect_silence(0.5)  # asked a little later, not among the after-care cards

    world.later(DANCE_DELAY)
    card = await bram.expect("Hoe ging jullie dans?")
    assert bram.buttons(card) == ["Ik", "Sanne", "Samen"]  # "the other" by name
    assert "Alleen jij en Sanne zien jullie antwoorden" in (card.text or "")
    await tap_three(sanne, await sanne.expect("Hoe ging jullie dans?"), ("Ik", "Te snel", "Ja"))
    await tap_three(bram, card, ("Sanne", "Precies goed", "Een beetje"))

    async with world.app.services.db.sessions() as session:
        rows = (await session.scalars(select(DanceCheck).order_by(DanceCheck.id))).all()
    assert [(r.user_id, r.led, r.rhythm, r.heard) for r in rows] == [
        (sanne.user.id, "me", "fast", "yes"),
        (bram.user.id, "other", "right", "partly"),
    ]
    assert all(r.shown_at is None for r in rows)

    # Staff: /progress, the dashboard's cohort page, its chart and its CSV hold none of it.
    await ilse.send("/progress")
    staff_seen = [(await ilse.expect()).text or ""]
    link = await sign_in_link(world, ilse)
    await sign_in(http, link)
    base = link.split("/dashboard/")[0]
    async with http.get(f"{base}/dashboard/") as response:
        index = await response.text()
    cohort_path = re.search(r'href="(/dashboard/cohort/\d+)"', index)
    assert cohort_path
    for tail in ("", "/activity.svg", "/export.csv"):
        async with http.get(f"{base}{cohort_path.group(1)}{tail}") as response:
            assert response.status == 200
            staff_seen.append(await response.text())
    assert "Sanne,student" in staff_seen[3] and "Sanne → Bram" in staff_seen[0]  # the pair is there
    for output in staff_seen:
        for word in ("dans", "Te snel", "te snel", "een beetje", "Tempo", "💃", "partly"):
            assert word not in output

    await next_start(sanne, bram)
    for person in (sanne, bram):
        opener = await person.expect("Jullie dans van vorige keer")
        text = opener.text or ""
        assert "Wie leidde: Sanne: Sanne · Bram: Sanne" in text
        assert "Tempo: Sanne: te snel · Bram: precies goed" in text
        assert "Gehoord: Sanne: ja · Bram: een beetje" in text
        assert "Niet iedereen voelde zich helemaal gehoord." in text  # the opening question
    async with world.app.services.db.sessions() as session:
        rows = (await session.scalars(select(DanceCheck))).all()
    assert all(r.shown_at is not None for r in rows)

    await end_conversation(sanne, bram)
    await next_start(sanne, bram)  # before the next dance check
    await sanne.expect_silence(0.5)  # nothing new answered: no opener this time
    await bram.expect_silence(0.5)


async def start_in_english(coach: ScriptedUser, coachee: ScriptedUser, *, first: bool) -> None:
    """The coach starts from /talk's home card in English; both read the opening messages.

    The first time the bot asks where they talk; later it starts where they left off."""
    await coach.send("/talk")
    await coach.expect("Where you are")
    await coach.press("▶️ Start our conversation")
    if first:
        await coach.expect("Where are you talking")
        await coach.press("💬 Here in the chat")
    for person in (coach, coachee):
        await person.expect("Your conversation has started")
    await coach.expect("For you as the coach")
    await coach.expect()
    await coachee.expect("Your notebook")


async def test_in_english_the_same_picture_opens_with_what_to_keep(world: World) -> None:
    """Emma and Liam both say they led together at a pace that suited them."""
    (emma, liam), _, match_id = await pair_up(
        world, ["Emma", "Liam"], kind="one_way", language="English"
    )
    await put_snapshots(world, match_id, walked(Step.PATH))
    await greeted(emma, liam)
    await start_in_english(emma, liam, first=True)
    await emma.press("⏹ End the conversation")
    await liam.expect("The conversation has ended")
    await liam.expect("When is your next conversation?")
    await emma.expect("The conversation has ended")
    await emma.expect("Take a moment")
    await emma.expect("When is your next conversation?")
    world.later(DANCE_DELAY)
    for person in (emma, liam):
        card = await person.expect("How did your dance go?")
        other = "Liam" if person is emma else "Emma"
        assert person.buttons(card) == ["Me", other, "Together"]
        for number, label in enumerate(("Together", "Just right", "Yes"), start=1):
            if number > 1:
                await edited_to(person, card.message_id, f"{number}/3")
            await person.press(label)
        await edited_to(person, card.message_id, "Thanks!")
    await start_in_english(emma, liam, first=False)
    for person in (emma, liam):
        text = (await person.expect("Your dance last time")).text or ""
        assert "Who led: Emma: together · Liam: together" in text
        assert "Pace: Emma: just right · Liam: just right" in text
        assert "what did you do well that you want to keep?" in text
