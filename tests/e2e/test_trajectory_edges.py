"""Edge cases of a trajectory: no click, cards from an earlier moment, /cancel mid-capture,
both partners pressing at once, a partner who blocks the bot or leaves, a coordinator ending."""

from __future__ import annotations

import asyncio

from sqlalchemy import select

from bot.handlers.trajectory import dissolve_match
from bot.runtime.turn import Turn
from flows.trajectory import DissolvedReason, Step, Trajectory
from storage.models import Match
from storage.trajectory_models import PairState
from tests.e2e.support.conversation import next_answer
from tests.e2e.support.trajectory import (
    begin_chat,
    greeted,
    pair_up,
    put_snapshots,
    snapshots,
)
from tests.e2e.support.world import World


async def _match(world: World, match_id: int) -> Match:
    async with world.app.services.db.sessions() as session:
        return (await session.scalars(select(Match).where(Match.id == match_id))).one()


async def test_no_click_parts_the_pair_without_saying_who(world: World) -> None:
    (sanne, bram), ilse, match_id = await pair_up(world, ["Sanne", "Bram"])
    assert ilse is not None
    await greeted(sanne, bram)
    await begin_chat(sanne, bram, mode="💬 Hier in de chat")
    await bram.press("⏹ Gesprek afronden")
    for person in (sanne, bram):
        await person.expect("Het gesprek is afgerond")
        await person.expect("klikte het?")
    await sanne.expect("Neem even tijd")

    await bram.press("Liever niet verder")
    await bram.expect("Zodra iedereen heeft geantwoord")
    async with world.app.services.db.sessions() as session:
        state = await session.get(PairState, match_id)
        assert state is not None and state.click is not None
        assert set(state.click) == {"format", "members", "answered", "no_count"}
    await sanne.press("Ja, het klikt")
    told = [await person.expect("klikte het niet helemaal") for person in (sanne, bram)]
    assert told[0].text == told[1].text  # the same kind words for both: no blame, no hint
    notice = await ilse.expect("Nieuwe partner nodig")
    assert all(name in (notice.text or "") for name in ("Sanne", "Bram", "het klikte niet"))
    assert (await _match(world, match_id)).status == "dissolved"
    assert {t.dissolved_reason for t in await snapshots(world, match_id)} == {
        DissolvedReason.NO_CLICK
    }
    await sanne.send("Hallo?")
    await sanne.expect("Ik verwacht nu geen tekst")
    await bram.send("/talk")
    await bram.expect("Je hebt nu geen coachingspartner")


async def test_an_old_card_gives_the_current_one_and_text_gets_a_kind_reask(world: World) -> None:
    (sanne, bram), _, match_id = await pair_up(world, ["Sanne", "Bram"], kind="one_way")
    await put_snapshots(world, match_id, Trajectory(step=Step.GOAL, click_confirmed=True))
    await greeted(sanne, bram)
    goal_card = await begin_chat(sanne, bram, mode="🪑 Samen, in het echt")
    assert "Je doel" in (goal_card.text or "")
    await sanne.press("➡️ Op naar de route")
    await sanne.expect("Ik vraag Bram")
    await bram.expect("Schrijf je doel")
    await bram.send("Minder uitstellen")
    await bram.expect("Staat in je logboek")
    await bram.expect("Waar sta je nu")
    await bram.send("ik denk een 5")
    await bram.expect("tik op een van de knoppen")
    await bram.expect("Waar sta je nu")
    await bram.press("5")
    await bram.expect("Staat in je logboek")
    await bram.expect("📈")
    await bram.expect("Is dit jouw doel")
    await bram.press("✅ Ja, dit is mijn doel")
    await sanne.expect("Mijn doel")
    await sanne.expect("5 van de 10")
    await sanne.expect("Nieuwe stap: De route")
    await sanne.expect("De route ·")

    world.emulator.press_button(
        sanne.user, goal_card.message_id, chat=sanne.chat, label="🔄 Andere vraag"
    )
    await next_answer(sanne, "eerder moment")
    again = await sanne.expect("De route ·")
    assert "➡️ Op weg!" in sanne.buttons(again)
    [trajectory] = await snapshots(world, match_id)
    assert trajectory.step is Step.ROUTE and trajectory.scales[-1].value == 5


async def test_cancel_mid_capture_keeps_nothing_half(world: World) -> None:
    (sanne, bram), _, match_id = await pair_up(world, ["Sanne", "Bram"], kind="one_way")
    await put_snapshots(world, match_id, Trajectory(step=Step.ROUTE, click_confirmed=True))
    await greeted(sanne, bram)
    await begin_chat(sanne, bram, mode="💬 Hier in de chat")
    await bram.press("🌱 Kleine stap")
    await bram.expect("Wat is je eerste kleine stap?")
    await bram.send("Elke dag tien minuten lezen")
    dates = await bram.expect("Wanneer wil je deze stap gezet hebben?")
    await bram.send("/cancel")
    await bram.expect("Er is niets half bewaard")
    await bram.press(bram.buttons(dates)[0])
    await next_answer(bram, "eerder moment")
    await bram.send("Zullen we morgen verder praten?")
    await sanne.expect("Bram: Zullen we morgen verder praten?")  # back to plain chat
    await bram.send("/cancel")
    await bram.expect("Er loopt nu niets om te stoppen")
    [trajectory] = await snapshots(world, match_id)
    assert trajectory.small_steps == ()


async def test_both_ending_at_once_ends_the_conversation_once(world: World) -> None:
    (sanne, bram), _, match_id = await pair_up(world, ["Sanne", "Bram"], kind="one_way")
    await greeted(sanne, bram)
    await begin_chat(sanne, bram, mode="💬 Hier in de chat")
    await asyncio.gather(sanne.press("⏹ Gesprek afronden"), bram.press("⏹ Gesprek afronden"))
    for person in (sanne, bram):
        await person.expect("Het gesprek is afgerond")
        await person.expect("klikte het?")
    await sanne.expect("Neem even tijd")
    await sanne.expect_silence()
    await bram.expect_silence()
    [trajectory] = await snapshots(world, match_id)
    assert trajectory.conversation_count == 1


async def test_a_partner_who_blocks_the_bot_is_handled_kindly(world: World) -> None:
    (sanne, bram), ilse, match_id = await pair_up(world, ["Sanne", "Bram"])
    assert ilse is not None
    await greeted(sanne, bram)
    world.emulator.block_bot(bram.user)
    await sanne.expect("Ik kan Bram niet meer bereiken")
    notice = await ilse.expect("Nieuwe partner nodig")
    assert "Sanne" in (notice.text or "") and "Bram" not in (notice.text or "")
    assert (await _match(world, match_id)).dissolved_reason == "unreachable"


async def test_leaving_tells_the_partner_and_the_coordinator(world: World) -> None:
    (sanne, bram), ilse, match_id = await pair_up(world, ["Sanne", "Bram"])
    assert ilse is not None
    await greeted(sanne, bram)
    await bram.send("/leave")
    await bram.expect("Wil je echt stoppen")
    await bram.press("Nee, ik ga door")
    await bram.expect("jullie gaan door")
    await bram.send("/leave")
    await bram.expect("Wil je echt stoppen")
    await bram.press("Ja, ik stop")
    await bram.expect("je bent gestopt")
    await sanne.expect("Bram stopt met de coaching. Dat ligt niet aan jou!")
    notice = await ilse.expect("Nieuwe partner nodig")
    assert "Sanne" in (notice.text or "") and "de partner is gestopt" in (notice.text or "")
    assert (await _match(world, match_id)).status == "dissolved"


async def test_a_coordinator_can_end_a_match_without_blame(world: World) -> None:
    (sanne, bram), ilse, match_id = await pair_up(world, ["Sanne", "Bram"])
    assert ilse is not None
    await greeted(sanne, bram)
    async with world.app.services.db.transaction() as session:
        turn = Turn(world.app.services, session, world.app.services.clock.now(), chat_id=0)
        await dissolve_match(turn, match_id, "coordinator_ended")
    world.app.delivery.wake()
    for person in (sanne, bram):
        await person.expect("Niemand heeft iets fout gedaan")
    await ilse.expect_silence()
    assert (await _match(world, match_id)).status == "dissolved"


async def test_staff_see_progress_but_never_what_was_written(world: World) -> None:
    (sanne, bram), ilse, _ = await pair_up(world, ["Sanne", "Bram"], kind="one_way")
    assert ilse is not None
    await greeted(sanne, bram)
    await begin_chat(sanne, bram, mode="💬 Hier in de chat")
    await bram.press("🙋 Waarom een coach")
    await bram.expect("Waarom wil je een coach?")
    await bram.send("Ik ben vaak bang voor toetsen")
    await bram.expect("Staat in je logboek")
    await bram.send("Dit is een geheim tussen ons")
    await sanne.expect("Ik ben vaak bang voor toetsen")
    await sanne.expect("Dit is een geheim tussen ons")
    await sanne.press("⏹ Gesprek afronden")
    await sanne.expect("Het gesprek is afgerond")

    await ilse.send("/progress")
    overview = await ilse.expect("Voortgang in 5B Peercoaching")
    text = overview.text or ""
    assert "Sanne → Bram: Kennismaken · gesprekken: 1 · open stappen: 0" in text
    assert "toetsen" not in text and "geheim" not in text
    await bram.expect("Het gesprek is afgerond")
    await bram.expect("klikte het?")
    await bram.send("/progress")
    await bram.expect("voor leerkrachten en coördinatoren")
