"""A student who lets the bot's prompts pass: after three in a row (and a day for the last one)
they are asked kindly whether a pause would help, once, and the coordinator sees who and since
when, never what. Any word or tap from the student in between starts the count again."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select
from tgemulator import ScriptedUser

from bot.clock import FakeClock
from flows.trajectory import Silence
from storage.trajectory_models import PairState
from tests.e2e.support.pairing import a_class, all_delivered, in_pool, matches_of
from tests.e2e.support.trajectory import (
    plan_first_slot,
)
from tests.e2e.support.world import World

MONDAY_10 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)  # 10:00 in Europe/Brussels
END_AND_REPAIR = "🔁 Koppeling beëindigen en opnieuw koppelen"


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(MONDAY_10)


async def paired(world: World) -> tuple[ScriptedUser, ScriptedUser, ScriptedUser]:
    """Sanne and Bram, in the pool and paired by their coordinator Ilse."""
    klas = await a_class(world, ["Sanne", "Bram"])
    sanne, bram, ilse = klas["Sanne"], klas["Bram"], klas.coordinator
    for person in (sanne, bram):
        await in_pool(world, person, slots=["tue-pm"])
    await ilse.send("/pair")
    await ilse.expect("Sanne ↔ Bram")
    await ilse.press("✅ Bevestigen")
    await ilse.expect("Bevestigd!")
    await all_delivered(world, [sanne, bram, ilse])
    return sanne, bram, ilse


async def a_met_question_bram_lets_pass(
    world: World, sanne: ScriptedUser, bram: ScriptedUser
) -> None:
    """Sanne plans the first free moment; the next day both are asked "did you meet?", and only
    Sanne answers (no, so she can plan again). The question reached Bram without him acting."""
    await sanne.send("/plan")
    await plan_first_slot(sanne, bram, "Gepland")
    world.later(timedelta(days=1))
    for person in (sanne, bram):
        await person.expect("Hebben jullie elkaar gesproken")
    await sanne.press("❌ Nee, het lukte niet")
    for person in (sanne, bram):
        await person.expect("Sanne gaf door dat het gesprek niet lukte")
        await person.expect("Wanneer is jullie volgende gesprek?")


async def silence_of(world: World, person: ScriptedUser) -> Silence:
    """What the match's shared state holds about this person's unanswered prompts."""
    async with world.app.services.db.sessions() as session:
        state = (await session.scalars(select(PairState))).one()
    stored = (state.silences or {}).get(str(person.user.id))
    return Silence.from_dict(stored) if stored else Silence()


async def test_three_unanswered_prompts_bring_a_kind_question_and_a_notice(world: World) -> None:
    sanne, bram, ilse = await paired(world)
    for _ in range(3):  # Tuesday, Wednesday, Thursday
        await a_met_question_bram_lets_pass(world, sanne, bram)
    await bram.expect_silence()  # the third question still gets a day
    await ilse.expect_silence(0.1)

    world.later(timedelta(days=1))  # Friday 6 March
    offer = await bram.expect("Zou een pauze je helpen?")
    assert bram.buttons(offer) == [
        "1 wk, tot 13-03-2026",
        "2 wk, tot 20-03-2026",
        "4 wk, tot 03-04-2026",
        "🙋 Ik ben er nog",
    ]
    notice = await ilse.expect("Even stil")
    text = notice.text or ""
    assert "Bram liet de laatste 3 berichtjes van de bot onbeantwoord, sinds 03-03-2026" in text
    assert "(gekoppeld met Sanne)" in text and "vroeg Bram vriendelijk" in text
    assert ilse.buttons(notice) == [END_AND_REPAIR, "💬 Ik neem eerst zelf contact op"]
    await sanne.expect_silence(0.1)  # the partner hears nothing of it

    await bram.press("1 wk, tot 13-03-2026")
    await bram.expect("je pauzeert tot 13-03-2026")
    paused = await ilse.expect("Bram pauzeert tot 13-03-2026")
    assert "geen nieuwe partner" in (paused.text or "")

    # A fourth prompt passes as well: asked once in a silence is enough.
    await a_met_question_bram_lets_pass(world, sanne, bram)
    world.later(timedelta(days=2))
    await bram.expect_silence()
    await ilse.expect_silence(0.1)
    assert await silence_of(world, bram) == Silence(
        count=4, since=datetime(2026, 3, 3, 9, 0, tzinfo=UTC), asked=True
    )

    # The coordinator ends the pairing from the notice; only Sanne is up for a new partner.
    await ilse.press(END_AND_REPAIR)
    for person in (sanne, bram):
        await person.expect("coördinator heeft jullie koppeling beëindigd")
    await bram.expect("Je koppeling is beëindigd")
    repair = await ilse.expect("Opnieuw koppelen")
    assert "• Sanne:" in (repair.text or "") and "Bram" not in (repair.text or "")
    assert [status for _, status, _ in await matches_of(world)] == ["dissolved"]


async def test_an_answer_in_between_starts_the_count_again(world: World) -> None:
    sanne, bram, ilse = await paired(world)
    await a_met_question_bram_lets_pass(world, sanne, bram)
    await bram.send("Sorry, het was even druk!")  # any word from Bram is a response
    await bram.expect()
    for _ in range(2):
        await a_met_question_bram_lets_pass(world, sanne, bram)
    world.later(timedelta(days=2))
    await bram.expect_silence()  # three prompts, but an answer in between: no question
    await ilse.expect_silence(0.1)
    assert await silence_of(world, bram) == Silence(
        count=2, since=datetime(2026, 3, 4, 9, 0, tzinfo=UTC)
    )

    # A third in a row now; "I'm still here" answers the kind question and ends the silence.
    await a_met_question_bram_lets_pass(world, sanne, bram)
    world.later(timedelta(days=1))
    await bram.expect("Zou een pauze je helpen?")
    notice = await ilse.expect("Even stil")
    assert "laatste 3 berichtjes van de bot onbeantwoord, sinds 04-03-2026" in (notice.text or "")
    await bram.press("🙋 Ik ben er nog")
    await bram.expect("Fijn dat je er nog bent")
    await ilse.expect("Bram laat weten er nog te zijn")
    assert await silence_of(world, bram) == Silence()
    await sanne.expect_silence(0.1)
