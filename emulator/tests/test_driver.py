"""Scripted users against a tiny polling bot: conversations, buttons, and clear failures."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator

import pytest
import telegram
from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from tgemulator.driver import ScriptedUser, run_conversation
from tgemulator.emulator import TelegramEmulator, running_emulator


async def answer(bot: telegram.Bot, update: telegram.Update) -> None:
    """A small stand-in bot: greets, offers buttons, reacts to presses and media."""
    if update.callback_query is not None:
        query = update.callback_query
        await query.answer("Top!")
        await query.edit_message_text(f"Je koos: {query.data}")
        await bot.send_message(query.from_user.id, "Wat wil je vandaag bereiken?")
        return
    message = update.message
    if message is None:
        return
    if message.text == "/start":
        buttons = [
            [InlineKeyboardButton(label, callback_data=label.lower()) for label in ("Ja", "Nee")]
        ]
        await message.reply_text(
            "Welkom! Zullen we beginnen?", reply_markup=InlineKeyboardMarkup(buttons)
        )
    elif message.text == "stil":
        return
    elif message.sticker is not None:
        await message.reply_text("Mooie sticker!")
    elif message.voice is not None:
        await message.reply_text("Ik heb je spraakbericht gehoord.")
    elif message.photo:
        await message.reply_text("Dank je voor de foto.")
    elif message.text:
        await message.reply_text(f"Je schreef: {message.text}")


@pytest.fixture
async def emulator() -> AsyncIterator[TelegramEmulator]:
    """Without flood limits: the stand-in bot does not queue its replies like the real one."""
    async with running_emulator(flood_control=False) as started:
        yield started


@pytest.fixture
async def responder(emulator: TelegramEmulator, bot: telegram.Bot) -> AsyncIterator[None]:
    async def loop() -> None:
        offset = None
        while True:
            for update in await bot.get_updates(offset=offset, timeout=5, read_timeout=10):
                offset = update.update_id + 1
                await answer(bot, update)

    task = asyncio.create_task(loop())
    yield
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task


async def test_a_conversation_reads_like_a_chat(
    emulator: TelegramEmulator, responder: None
) -> None:
    sanne = ScriptedUser(emulator, emulator.add_user("Sanne"))

    await sanne.send("/start")
    welcome = await sanne.expect("Zullen we beginnen?")
    await sanne.press("Ja")
    await sanne.expect_callback_answer("Top")
    edited = await sanne.expect_edit("Je koos: ja")
    await sanne.expect("Wat wil je vandaag bereiken?")
    await sanne.send("stil")
    await sanne.expect_silence(0.2)

    assert ScriptedUser.buttons(welcome) == []  # the edit removed the keyboard
    assert edited.message_id == welcome.message_id


async def test_conversation_table_with_media(emulator: TelegramEmulator, responder: None) -> None:
    daan = ScriptedUser(emulator, emulator.add_user("Daan"))

    checked = await run_conversation(
        daan,
        [
            ("send", "/start", "Welkom"),
            ("press", "Nee", None),
            ("answer", None, "Top"),
            ("expect_edit", None, "Je koos: nee"),
            ("expect", None, "bereiken"),
            ("sticker", None, "Mooie sticker"),
            ("voice", None, "spraakbericht"),
            ("photo", "kijk", "foto"),
            ("send", "stil", None),
            ("silence", "0.2", None),
        ],
    )

    assert [message.text for message in checked][-3:] == [
        "Mooie sticker!",
        "Ik heb je spraakbericht gehoord.",
        "Dank je voor de foto.",
    ]


async def test_two_people_in_one_table(emulator: TelegramEmulator, responder: None) -> None:
    coach = ScriptedUser(emulator, emulator.add_user("Coach"))
    coachee = ScriptedUser(emulator, emulator.add_user("Coachee"))

    await run_conversation(
        coach,
        [
            ("send", "hallo", "Je schreef: hallo"),
            (coachee, "send", "hoi", "Je schreef: hoi"),
            ("silence", "0.1", None),
        ],
    )


async def test_failures_say_what_arrived(emulator: TelegramEmulator, responder: None) -> None:
    mila = ScriptedUser(emulator, emulator.add_user("Mila"))

    await mila.send("eerste")
    with pytest.raises(
        AssertionError, match=r"containing 'tweede' but got #2 'Je schreef: eerste'"
    ):
        await mila.expect("tweede")
    with pytest.raises(AssertionError, match=r"no button 'Verder'"):
        await mila.press("Verder")
    with pytest.raises(AssertionError, match=r"no new bot message .* within 0.2s"):
        await mila.expect(timeout=0.2)
    await mila.send("nog een")
    with pytest.raises(AssertionError, match=r"expected silence .* 'Je schreef: nog een'"):
        await mila.expect_silence(0.3)
    with pytest.raises(AssertionError, match=r"step 1 .*containing 'iets anders'"):
        await run_conversation(mila, [("send", "derde", "iets anders")])
