"""User-side actions of the emulated world and the updates the bot receives for them."""

from __future__ import annotations

import asyncio

import pytest
import telegram
from telegram.error import Forbidden

from tgemulator.emulator import TelegramEmulator


def describe(update: telegram.Update) -> str:
    """Summarise a membership-related update."""
    if update.my_chat_member is not None:
        return f"bot status: {update.my_chat_member.new_chat_member.status}"
    assert update.message is not None
    if update.message.left_chat_member is not None:
        return f"left: {update.message.left_chat_member.first_name}"
    return f"joined: {update.message.new_chat_members[0].first_name}"


async def test_user_edit_reaches_the_bot_as_edited_message(
    emulator: TelegramEmulator, bot: telegram.Bot
) -> None:
    user = emulator.add_user("Roos", last_name="de Vries", username="roos")
    sent = emulator.send_text(user, "Ik wil beter plannen")
    emulator.edit_text(user, sent["message_id"], "Ik wil beter leren plannen")

    original, edit = await bot.get_updates(timeout=1)

    assert edit.edited_message is not None
    assert edit.edited_message.text == "Ik wil beter leren plannen"
    assert edit.edited_message.edit_date is not None
    assert original.message is not None
    assert original.message.from_user is not None
    assert original.message.from_user.full_name == "Roos de Vries"
    assert original.message.from_user.language_code == "nl"


async def test_forged_callback_data_reaches_the_bot(
    emulator: TelegramEmulator, bot: telegram.Bot
) -> None:
    user = emulator.add_user("Omar")
    sent = await bot.send_message(user.id, "Alleen tekst, geen knoppen")

    emulator.forge_callback(user, sent.message_id, "pair:999:accept")
    (update,) = await bot.get_updates(timeout=1)

    assert update.callback_query is not None
    assert update.callback_query.data == "pair:999:accept"
    assert await update.callback_query.answer()


async def test_leaving_and_removal_from_groups(
    emulator: TelegramEmulator, bot: telegram.Bot
) -> None:
    creator = emulator.add_user("Fleur")
    member = emulator.add_user("Sem")
    group = emulator.add_group("Projectgroep", [creator, member])
    emulator.add_bot_to_group(group, creator)
    emulator.user_leaves_group(group, member)
    emulator.remove_bot_from_group(group, creator)

    updates = await bot.get_updates(timeout=1)

    assert [describe(update) for update in updates] == [
        "bot status: member",
        "joined: Emulated Bot",
        "left: Sem",
        "bot status: left",
    ]
    with pytest.raises(Forbidden, match="bot is not a member of the group chat"):
        await bot.send_message(group.id, "Nog iemand?")
    with pytest.raises(ValueError, match="Sem is not a member"):
        emulator.send_text(member, "ik ben weg", chat=group)


async def test_a_user_who_never_started_the_bot_cannot_be_messaged(
    emulator: TelegramEmulator, bot: telegram.Bot
) -> None:
    stranger = emulator.add_user("Vera", started_bot=False)

    with pytest.raises(Forbidden, match="bot can't initiate conversation with a user"):
        await bot.send_message(stranger.id, "Hoi!")
    emulator.send_text(stranger, "/start")
    await bot.send_message(stranger.id, "Welkom!")

    assert [m.text for m in emulator.bot_messages(stranger.id)] == ["Welkom!"]


async def test_wait_for_wakes_on_changes_in_one_chat(
    emulator: TelegramEmulator, bot: telegram.Bot
) -> None:
    user = emulator.add_user("Hugo")
    waiter = asyncio.create_task(
        emulator.wait_for(lambda: emulator.bot_message_count(user.id) > 0, 5, chat_id=user.id)
    )
    await asyncio.sleep(0.05)
    assert not waiter.done()

    await bot.send_message(user.id, "Daar ben ik")
    await asyncio.wait_for(waiter, 5)

    last = emulator.last_bot_message(user.id)
    assert last is not None
    assert last.text == "Daar ben ik"
    with pytest.raises(TimeoutError):
        await emulator.wait_for(lambda: False, 0.05)
