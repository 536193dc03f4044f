"""/rounds meets awkward input: students asking, double taps, forged data, a blocked partner."""

from __future__ import annotations

import asyncio

from tgemulator import ScriptedUser

from flows.pairing import Wants
from tests.e2e.support.pairing import a_class, in_pool, matches_of
from tests.e2e.support.world import World, every_press_answered
from tests.e2e.test_pairing_rounds_end import confirm_preview, press_now, read_until


def said(person: ScriptedUser, part: str) -> int:
    """How many bot messages in this person's chat contain a text."""
    return sum(part in (m.text or "") for m in person.emulator.bot_messages(person.chat_id))


async def test_rounds_by_a_student_twice_tapped_forged_and_with_a_blocked_partner(
    world: World,
) -> None:
    klas = await a_class(world, ["Sanne", "Yusuf"], english=["Yusuf"])
    ilse, sanne, yusuf = klas.coordinator, klas["Sanne"], klas["Yusuf"]
    await in_pool(world, sanne, wants=Wants.COACH)
    await in_pool(world, yusuf, wants=Wants.BE_COACHED)

    # Students (Dutch and English) get a friendly no, nothing else.
    await sanne.send("/rounds")
    await sanne.expect("Koppelen doen coördinatoren")
    await yusuf.send("/rounds")
    await yusuf.expect("Pairing is done by coordinators")

    await ilse.send("/rounds")
    await ilse.expect("Koppelrondes van 5B Peercoaching")
    await ilse.press("Ronde 1 starten")
    await confirm_preview(ilse, 1)
    await read_until(sanne, "Je coachingspartner")
    await read_until(yusuf, "Your coaching partner")

    # Ilse ends the round keeping pairs, with a double tap, just as Yusuf blocks the bot.
    await ilse.send("/rounds")
    await ilse.expect("Nu loopt ronde 1")
    await ilse.press("Ronde 1 afronden")
    choice = await ilse.expect("Ronde 1 afronden")
    world.emulator.block_bot(yusuf.user)
    press_now(ilse, "🤝 Koppels houden")
    press_now(ilse, "🤝 Koppels houden")
    await read_until(sanne, "Ik kan Yusuf niet meer bereiken")
    await read_until(ilse, "Ronde 1 van 5B Peercoaching is afgerond")
    await read_until(ilse, "Koppelrondes van 5B Peercoaching")
    await asyncio.sleep(1.5)  # a second ending, if any, would have said so by now
    assert said(ilse, "Ronde 1 van 5B Peercoaching is afgerond") == 1
    # The block and the round's end are handled side by side: Sanne hears that Yusuf is out
    # of reach, and at most once that the round ended (in either order; see the report).
    assert said(sanne, "coachen gewoon samen door") <= 1
    assert said(sanne, "Ik kan Yusuf niet meer bereiken") == 1
    statuses = [status for _, status, _ in await matches_of(world)]

    # A forged press on the old choice card changes nothing and is answered.
    await ilse.press_data(choice.message_id, "rd_endo:forged")
    await ilse.expect_callback_answer()
    await asyncio.sleep(0.5)
    assert said(ilse, "Ronde 1 van 5B Peercoaching is afgerond") == 1
    assert [status for _, status, _ in await matches_of(world)] == statuses
    answers = [a for a in world.emulator.callback_answers if a.user_id == ilse.user.id]
    assert len({a.callback_query_id for a in answers}) == len(answers)
    await every_press_answered(world)


async def test_closing_a_round_reaches_the_partner_who_did_not_block(world: World) -> None:
    klas = await a_class(world, ["Sanne", "Yusuf"], english=["Yusuf"])
    ilse, sanne, yusuf = klas.coordinator, klas["Sanne"], klas["Yusuf"]
    await in_pool(world, sanne, wants=Wants.COACH)
    await in_pool(world, yusuf, wants=Wants.BE_COACHED)
    await ilse.send("/rounds")
    await ilse.expect("Koppelrondes van 5B Peercoaching")
    await ilse.press("Ronde 1 starten")
    await confirm_preview(ilse, 1)
    await read_until(sanne, "Je coachingspartner")
    await read_until(yusuf, "Your coaching partner")

    await ilse.send("/rounds")
    await ilse.expect("Nu loopt ronde 1")
    await ilse.press("Ronde 1 afronden")
    await ilse.expect("Ronde 1 afronden")
    world.emulator.block_bot(yusuf.user)
    await ilse.press("🏁 Trajecten afsluiten")
    await read_until(ilse, "Ronde 1 van 5B Peercoaching is afgerond")
    await asyncio.sleep(1.0)
    sanne_heard = [m.text or "" for m in world.emulator.bot_messages(sanne.chat_id)]
    assert any(
        "coördinator heeft deze coachingronde afgesloten" in t or "niet meer bereiken" in t
        for t in sanne_heard
    )
    assert not [m for m in world.emulator.bot_messages(yusuf.chat_id) if "closed" in (m.text or "")]
    await every_press_answered(world)
