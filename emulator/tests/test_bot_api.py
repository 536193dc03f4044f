"""The Bot API surface, driven by python-telegram-bot and by raw HTTP as the bot would use it."""

from __future__ import annotations

import json

import aiohttp
import pytest
import telegram
from telegram import InlineKeyboardButton, InlineKeyboardMarkup
from telegram.constants import ParseMode
from telegram.error import BadRequest, InvalidToken

from tgemulator import sample_png
from tgemulator.emulator import TelegramEmulator


def message_of(update: telegram.Update) -> telegram.Message:
    """The update's message (the test fails when there is none)."""
    assert update.message is not None
    return update.message


def keyboard(*buttons: tuple[str, str]) -> InlineKeyboardMarkup:
    """One row of callback buttons."""
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(label, callback_data=data) for label, data in buttons]]
    )


async def test_get_me_through_ptb_and_raw_http(
    emulator: TelegramEmulator, bot: telegram.Bot
) -> None:
    me = await bot.get_me()
    async with (
        aiohttp.ClientSession() as session,
        session.get(f"{emulator.api_url}/getme") as response,
    ):
        raw = await response.json()

    assert me.id == emulator.bot_user.id
    assert me.username == "emulated_bot"
    assert me.is_bot
    assert raw["ok"] is True
    assert raw["result"]["first_name"] == "Emulated Bot"


async def test_wrong_token_and_unknown_method(emulator: TelegramEmulator) -> None:
    async with aiohttp.ClientSession() as session:
        async with session.post(f"{emulator.base_url}123:wrong/getMe") as response:
            unauthorized = (response.status, await response.json())
        async with session.post(f"{emulator.api_url}/sendPoll") as response:
            unknown = (response.status, await response.json())

    assert unauthorized == (
        401,
        {"ok": False, "error_code": 401, "description": "Unauthorized"},
    )
    assert unknown == (
        404,
        {"ok": False, "error_code": 404, "description": "Not Found: method not found"},
    )
    with pytest.raises(InvalidToken):
        async with telegram.Bot("123:wrong", base_url=emulator.base_url) as wrong:
            await wrong.get_me()


@pytest.mark.parametrize("encoding", ["json", "form", "query"])
async def test_parameters_arrive_in_every_encoding(
    emulator: TelegramEmulator, encoding: str
) -> None:
    user = emulator.add_user("Sanne")
    markup = {"inline_keyboard": [[{"text": "Ja", "callback_data": "yes"}]]}
    fields = {"chat_id": str(user.id), "text": "<i>Hoi</i>", "parse_mode": "HTML"}
    url = f"{emulator.api_url}/sendMessage"
    async with aiohttp.ClientSession() as session:
        if encoding == "json":
            request = session.post(url, json={**fields, "chat_id": user.id, "reply_markup": markup})
        elif encoding == "form":
            request = session.post(url, data={**fields, "reply_markup": json.dumps(markup)})
        else:
            request = session.get(url, params={**fields, "reply_markup": json.dumps(markup)})
        async with request as response:
            body = await response.json()

    assert body["ok"] is True, body
    assert body["result"]["text"] == "Hoi"
    assert body["result"]["entities"] == [{"type": "italic", "offset": 0, "length": 3}]
    assert emulator.bot_messages(user.id)[0].button_labels() == ["Ja"]


async def test_html_message_with_keyboard_then_press_gives_a_callback_query(
    emulator: TelegramEmulator, bot: telegram.Bot
) -> None:
    user = emulator.add_user("Noor")
    sent = await bot.send_message(
        user.id,
        "<b>Klaar</b> voor de sessie?",
        parse_mode=ParseMode.HTML,
        reply_markup=keyboard(("Ja", "session:yes"), ("Later", "session:later")),
    )

    query = emulator.press_button(user, sent.message_id, label="Later")
    updates = await bot.get_updates(timeout=1)

    stored = emulator.bot_messages(user.id)[0]
    assert stored.html == "<b>Klaar</b> voor de sessie?"
    assert stored.text == "Klaar voor de sessie?"
    callback = updates[0].callback_query
    assert len(updates) == 1
    assert callback is not None
    assert callback.data == "session:later"
    assert callback.id == query["id"]
    assert callback.from_user.id == user.id
    assert isinstance(callback.message, telegram.Message)
    assert callback.message.message_id == sent.message_id
    assert callback.message.text == "Klaar voor de sessie?"
    assert [q.data for q in emulator.unanswered_queries()] == ["session:later"]
    assert await callback.answer("Genoteerd")
    assert emulator.unanswered_queries() == []
    with pytest.raises(BadRequest, match=r"(?i)query is too old"):
        await callback.answer("nog eens")
    assert [answer.text for answer in emulator.callback_answers] == ["Genoteerd"]


async def test_press_button_explains_what_is_there(
    emulator: TelegramEmulator, bot: telegram.Bot
) -> None:
    user = emulator.add_user("Ilse")
    sent = await bot.send_message(user.id, "Kies", reply_markup=keyboard(("Ja", "y")))

    with pytest.raises(LookupError, match=r"no button with label 'Nee'.*\['Ja'\]"):
        emulator.press_button(user, sent.message_id, label="Nee")


async def test_telegram_limits_are_enforced(emulator: TelegramEmulator, bot: telegram.Bot) -> None:
    user = emulator.add_user("Daan")

    with pytest.raises(BadRequest, match=r"(?i)message is too long"):
        await bot.send_message(user.id, "a" * 4097)
    with pytest.raises(BadRequest, match=r"(?i)message text is empty"):
        await bot.send_message(user.id, "<b> </b>", parse_mode=ParseMode.HTML)
    with pytest.raises(BadRequest, match=r"(?i)BUTTON_DATA_INVALID"):
        await bot.send_message(user.id, "Kies", reply_markup=keyboard(("Ja", "x" * 65)))
    with pytest.raises(BadRequest, match=r"(?i)can't parse entities: Unsupported start tag"):
        await bot.send_message(user.id, "regel<br>regel", parse_mode=ParseMode.HTML)
    for label in ("<b>Ja</b>", "Tom &amp; Jerry", "Nee &#128075;"):
        with pytest.raises(BadRequest, match=r"(?i)button_text_html"):
            await bot.send_message(user.id, "Kies", reply_markup=keyboard((label, "y")))
    plain = await bot.send_message(user.id, "Kies", reply_markup=keyboard(("Tom & Jerry <3", "y")))
    assert plain.reply_markup is not None
    with pytest.raises(BadRequest, match=r"(?i)message caption is too long"):
        await bot.send_photo(
            user.id, sample_png(), caption="<b>" + "a" * 1025 + "</b>", parse_mode="HTML"
        )
    longest_caption = await bot.send_photo(user.id, sample_png(), caption="a" * 1024)
    assert len(longest_caption.caption or "") == 1024
    with pytest.raises(BadRequest, match=r"(?i)chat not found"):
        await bot.send_message(123, "Hallo")
    longest = await bot.send_message(user.id, "<b>" + "a" * 4096 + "</b>", parse_mode="HTML")
    assert len(longest.text or "") == 4096
    # Only what fits went out: the plain-labelled keyboard, the 1024 caption, the 4096 text.
    assert len(emulator.bot_messages(user.id)) == 3


async def test_edits_and_deletes(emulator: TelegramEmulator, bot: telegram.Bot) -> None:
    user = emulator.add_user("Mila")
    sent = await bot.send_message(user.id, "Stap 1", reply_markup=keyboard(("Verder", "next")))

    with pytest.raises(BadRequest, match=r"(?i)message is not modified: specified new message"):
        await bot.edit_message_text(
            "Stap 1", user.id, sent.message_id, reply_markup=keyboard(("Verder", "next"))
        )
    edited = await bot.edit_message_text("Stap 2", user.id, sent.message_id)
    with pytest.raises(BadRequest, match=r"(?i)message to edit not found"):
        await bot.edit_message_text("Stap 3", user.id, 999)
    assert await bot.delete_message(user.id, sent.message_id)
    with pytest.raises(BadRequest, match=r"(?i)message to delete not found"):
        await bot.delete_message(user.id, sent.message_id)

    stored = emulator.bot_messages(user.id)[0]
    assert isinstance(edited, telegram.Message)
    assert edited.text == "Stap 2"
    assert edited.reply_markup is None  # editMessageText without markup drops the keyboard
    assert (stored.text, stored.edit_count, stored.deleted) == ("Stap 2", 1, True)


async def test_user_media_download_and_bot_uploads(
    emulator: TelegramEmulator, bot: telegram.Bot
) -> None:
    user = emulator.add_user("Finn")
    emulator.send_voice(user, b"OggS-voice-bytes", duration=3)
    emulator.send_photo(user, caption="mijn schets")
    voice_update, photo_update = await bot.get_updates(timeout=1)

    voice = message_of(voice_update).voice
    assert voice is not None
    voice_file = await voice.get_file()
    photo = message_of(photo_update).photo[-1]
    sent = await bot.send_photo(user.id, photo.file_id, caption="<i>Mooi</i>", parse_mode="HTML")
    uploaded = await bot.send_document(user.id, b"Reflectie", filename="reflectie.txt")

    assert bytes(await voice_file.download_as_bytearray()) == b"OggS-voice-bytes"
    assert emulator.messages(user.id)[0].media["voice"]["duration"] == 3
    assert message_of(photo_update).caption == "mijn schets"
    assert (photo.width, photo.height) == (4, 4)
    assert sent.caption == "Mooi"
    assert sent.photo[-1].file_unique_id == photo.file_unique_id
    assert uploaded.document is not None
    assert uploaded.document.file_name == "reflectie.txt"
    document = await uploaded.document.get_file()
    assert bytes(await document.download_as_bytearray()) == b"Reflectie"


async def test_copy_and_forward_a_users_message(
    emulator: TelegramEmulator, bot: telegram.Bot
) -> None:
    coach = emulator.add_user("Lotte")
    coachee = emulator.add_user("Bram")
    original = emulator.send_sticker(coachee, emoji="🎉")

    copied = await bot.copy_message(coach.id, coachee.id, original["message_id"])
    forwarded = await bot.forward_message(coach.id, coachee.id, original["message_id"])

    copy, forward = emulator.bot_messages(coach.id)
    assert copy.message_id == copied.message_id
    assert copy.kind == "sticker"
    assert copy.media["sticker"]["emoji"] == "🎉"
    assert isinstance(forwarded.forward_origin, telegram.MessageOriginUser)
    assert forwarded.forward_origin.sender_user.id == coachee.id
    assert forward.kind == "sticker"


async def test_commands_per_scope_and_language(
    emulator: TelegramEmulator, bot: telegram.Bot
) -> None:
    user = emulator.add_user("Yara")
    await bot.set_my_commands([("start", "Beginnen")], language_code="nl")
    await bot.set_my_commands(
        [("pauze", "Even pauzeren")], scope=telegram.BotCommandScopeChat(user.id)
    )

    assert [c.command for c in await bot.get_my_commands(language_code="nl")] == ["start"]
    assert await bot.get_my_commands() == ()
    assert emulator.commands[(f"chat:{user.id}", "")] == [
        {"command": "pauze", "description": "Even pauzeren"}
    ]
    with pytest.raises(BadRequest, match=r"(?i)BOT_COMMAND_INVALID"):
        await bot.set_my_commands([("Start", "Hoofdletter")])
    assert await bot.delete_my_commands(language_code="nl")
    assert await bot.get_my_commands(language_code="nl") == ()


async def test_group_membership_queries(emulator: TelegramEmulator, bot: telegram.Bot) -> None:
    anna = emulator.add_user("Anna")
    joris = emulator.add_user("Joris")
    group = emulator.add_group("Coachgroep 3B", [anna, joris])
    emulator.add_bot_to_group(group, anna, as_admin=True)

    chat = await bot.get_chat(group.id)
    bot_member = await bot.get_chat_member(group.id, emulator.bot_user.id)
    joris_member = await bot.get_chat_member(group.id, joris.id)
    admins = await bot.get_chat_administrators(group.id)
    await bot.send_chat_action(group.id, "typing")
    assert await bot.leave_chat(group.id)

    assert chat.title == "Coachgroep 3B"
    assert bot_member.status == "administrator"
    assert joris_member.status == "member"
    assert {admin.user.id for admin in admins} == {anna.id, emulator.bot_user.id}
    assert emulator.last_chat_action[group.id] == "typing"
    assert emulator.messages(group.id)[0].extra["new_chat_members"][0]["id"] == bot.id
    with pytest.raises(
        telegram.error.Forbidden, match=r"(?i)bot is not a member of the group chat"
    ):
        await bot.send_message(group.id, "Hallo")
