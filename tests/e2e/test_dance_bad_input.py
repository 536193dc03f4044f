"""The dance check meets awkward input: double taps, /cancel and a sticker mid-card, a forged
press of the partner's button, and a partner who blocked the bot."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from tgemulator import EmuMessage

from bot.clock import FakeClock
from flows.dance import DANCE_DELAY
from flows.trajectory import Step
from storage.dance_models import DanceCheck
from tests.e2e.support.conversation import edited_to, read_until
from tests.e2e.support.trajectory import begin_chat, greeted, pair_up, put_snapshots
from tests.e2e.support.world import World, every_press_answered
from tests.e2e.test_grow_dance import MONDAY_10, end_conversation, start_in_english
from tests.e2e.test_reflect_log import walked


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(MONDAY_10)


def data_of(message: EmuMessage, label: str) -> str:
    """The callback data behind a button."""
    for row in (message.reply_markup or {}).get("inline_keyboard", []):
        for button in row:
            if button["text"] == label:
                return str(button["callback_data"])
    raise AssertionError(f"no button {label!r}")


async def test_double_taps_cancel_forgery_and_a_blocked_partner(world: World) -> None:
    (sanne, bram), _, match_id = await pair_up(world, ["Sanne", "Bram"], kind="one_way")
    await put_snapshots(world, match_id, walked(Step.PATH))
    await greeted(sanne, bram)
    await begin_chat(sanne, bram, mode="💬 Hier in de chat")
    await end_conversation(sanne, bram)

    world.later(DANCE_DELAY)
    card = await bram.expect("Hoe ging jullie dans?")
    sanne_card = await sanne.expect("Hoe ging jullie dans?")
    first = data_of(card, "Sanne")
    sanne_me = data_of(sanne_card, "Ik")

    # Bram double taps his first answer.
    await bram.press("Sanne")
    await edited_to(bram, card.message_id, "2/3")
    await bram.press_data(card.message_id, first)
    await bram.expect_callback_answer()

    # /cancel and a sticker in the middle: friendly answers, the card still works.
    await bram.send("/cancel")
    await bram.expect("/help")
    await bram.send_sticker()
    await bram.expect()
    # Sanne's own button data pressed on Bram's card does not answer for her.
    await bram.press_data(card.message_id, sanne_me)
    await bram.expect_callback_answer()
    await bram.press("Precies goed")
    await edited_to(bram, card.message_id, "3/3")
    await bram.press("Een beetje")
    await edited_to(bram, card.message_id, "Dank je!")
    await bram.press_data(card.message_id, first)
    await bram.expect_callback_answer()

    # Sanne blocks the bot with her card unanswered: Bram hears it, his answers stay.
    world.emulator.block_bot(sanne.user)
    await bram.expect("Ik kan Sanne niet meer bereiken")
    async with world.app.services.db.sessions() as session:
        rows = (await session.scalars(select(DanceCheck))).all()
    assert [(r.user_id, r.led, r.rhythm, r.heard) for r in rows] == [
        (bram.user.id, "other", "right", "partly")
    ]
    answers = [a for a in world.emulator.callback_answers if a.user_id == bram.user.id]
    assert len({a.callback_query_id for a in answers}) == len(answers)
    await bram.expect_silence(0.5)
    await every_press_answered(world)


async def test_in_english_help_mid_card_and_a_triple_tap_keep_one_answer(world: World) -> None:
    (emma, liam), _, match_id = await pair_up(
        world, ["Emma", "Liam"], kind="one_way", language="English"
    )
    await put_snapshots(world, match_id, walked(Step.PATH))
    await greeted(emma, liam)
    await start_in_english(emma, liam, first=True)
    await emma.press("⏹ End the conversation")
    await liam.expect("The conversation has ended")
    world.later(DANCE_DELAY)
    card = await read_until(liam, "How did your dance go?")
    together = data_of(card, "Together")
    await liam.press("Together")
    await liam.press_data(card.message_id, together)
    await liam.press_data(card.message_id, together)
    await edited_to(liam, card.message_id, "2/3")
    await liam.send("/help")
    await read_until(liam, "What can you do here?")
    await liam.send("x" * 4096)
    await liam.expect()
    await liam.press("Just right")
    await edited_to(liam, card.message_id, "3/3")
    await liam.press("Yes")
    await edited_to(liam, card.message_id, "Thanks!")
    async with world.app.services.db.sessions() as session:
        rows = (await session.scalars(select(DanceCheck))).all()
    assert [(r.user_id, r.led, r.rhythm, r.heard) for r in rows] == [
        (liam.user.id, "together", "right", "yes")
    ]
    await every_press_answered(world)
