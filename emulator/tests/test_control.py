"""The control API, the event stream for observers, and the standalone emulator process."""

from __future__ import annotations

import asyncio
import base64
import json
import sys
from pathlib import Path
from typing import Any

import aiohttp
import telegram

from tgemulator.emulator import TelegramEmulator, running_emulator
from tgemulator.media import sample_png


async def control(
    session: aiohttp.ClientSession, emulator: TelegramEmulator, path: str, body: Any = None
) -> tuple[int, dict[str, Any]]:
    """Call the control API (POST with a body, GET without) and return status and JSON."""
    url = f"{emulator.control_url}/{path}"
    request = session.get(url) if body is None else session.post(url, json=body)
    async with request as response:
        return response.status, await response.json()


async def test_control_api_builds_a_world_and_shows_both_directions(
    emulator: TelegramEmulator, bot: telegram.Bot
) -> None:
    async with aiohttp.ClientSession() as session:
        _, created = await control(session, emulator, "users", {"first_name": "Amira"})
        amira = created["user"]["id"]
        _, group = await control(
            session, emulator, "groups", {"title": "Duo", "member_ids": [amira]}
        )
        group_id = group["chat"]["id"]
        await control(session, emulator, f"groups/{group_id}/add_bot", {"by": amira})
        await control(session, emulator, "send", {"user_id": amira, "text": "/start"})
        reply = await bot.send_message(
            amira,
            "Welkom!",
            reply_markup=telegram.InlineKeyboardMarkup(
                [[telegram.InlineKeyboardButton("Start", callback_data="go")]]
            ),
        )
        press_status, pressed = await control(
            session,
            emulator,
            "press",
            {"user_id": amira, "message_id": reply.message_id, "label": "Start"},
        )
        missing_status, missing = await control(
            session,
            emulator,
            "press",
            {"user_id": amira, "message_id": reply.message_id, "label": "Stop"},
        )
        bad_status, bad = await control(session, emulator, "send", {"user_id": amira})
        _, state = await control(session, emulator, "state")

    private = next(chat for chat in state["chats"] if chat["id"] == amira)
    assert [(m["from_bot"], m["text"]) for m in private["messages"]] == [
        (False, "/start"),
        (True, "Welkom!"),
    ]
    assert private["messages"][1]["reply_markup"]["inline_keyboard"][0][0]["text"] == "Start"
    assert press_status == 200
    assert pressed["callback_query"]["data"] == "go"
    assert missing_status == 404
    assert "no button with label 'Stop'" in missing["error"]
    assert (bad_status, bad["error"]) == (400, "missing field 'text'")
    assert any(chat["id"] == group_id and chat["bot_status"] == "member" for chat in state["chats"])


async def test_control_photo_faults_block_and_file_download(
    emulator: TelegramEmulator, bot: telegram.Bot
) -> None:
    user = emulator.add_user("Bo")
    picture = sample_png(2, 3)
    async with aiohttp.ClientSession() as session:
        _, sent = await control(
            session,
            emulator,
            "photo",
            {
                "user_id": user.id,
                "caption": "mijn tekening",
                "data_base64": base64.b64encode(picture).decode(),
            },
        )
        file_id = sent["message"]["photo"][-1]["file_id"]
        async with session.get(f"{emulator.control_url}/files/{file_id}") as response:
            downloaded = (response.content_type, await response.read())
        _, fault = await control(
            session, emulator, "faults", {"method": "sendMessage", "kind": "server_error"}
        )
        await control(session, emulator, "block", {"user_id": user.id})

    assert downloaded == ("image/png", picture)
    assert sent["message"]["photo"][-1]["width"] == 2
    assert fault == {"ok": True, "pending": 1}
    assert user.blocked_bot


async def test_event_stream_delivers_message_events(
    emulator: TelegramEmulator, bot: telegram.Bot
) -> None:
    user = emulator.add_user("Luuk")
    events: list[dict[str, Any]] = []
    async with (
        aiohttp.ClientSession() as session,
        session.get(f"{emulator.control_url}/events") as stream,
    ):
        assert stream.headers["Content-Type"].startswith("text/event-stream")
        await stream.content.readline()  # the ": connected" comment
        emulator.send_text(user, "Hallo coach")
        await bot.send_message(user.id, "<b>Hoi</b> Luuk", parse_mode="HTML")
        while len(events) < 2:
            line = await asyncio.wait_for(stream.content.readline(), 5)
            if line.startswith(b"data: "):
                events.append(json.loads(line[len(b"data: ") :]))

    assert [(event["type"], event["message"]["text"]) for event in events] == [
        ("user_message", "Hallo coach"),
        ("message", "Hoi Luuk"),
    ]
    assert events[1]["message"]["html"] == "<b>Hoi</b> Luuk"
    assert events[1]["chat_id"] == user.id


async def test_event_stream_sends_keep_alive_comments() -> None:
    async with (
        running_emulator(sse_keepalive=0.05) as emulator,
        aiohttp.ClientSession() as session,
        session.get(f"{emulator.control_url}/events") as stream,
    ):
        first = await asyncio.wait_for(stream.content.readline(), 5)
        await stream.content.readline()
        second = await asyncio.wait_for(stream.content.readline(), 5)

    assert (first, second) == (b": connected\n", b": keep-alive\n")


async def test_subscribe_sees_edits_deletes_and_callback_answers(
    emulator: TelegramEmulator, bot: telegram.Bot
) -> None:
    user = emulator.add_user("Nina")
    events = emulator.subscribe()
    sent = await bot.send_message(
        user.id,
        "Kies",
        reply_markup=telegram.InlineKeyboardMarkup(
            [[telegram.InlineKeyboardButton("A", callback_data="a")]]
        ),
    )
    query = emulator.press_button(user, sent.message_id, label="A")
    await bot.answer_callback_query(query["id"], "Gekozen", show_alert=True)
    await bot.edit_message_text("Gekozen: A", user.id, sent.message_id)
    await bot.delete_message(user.id, sent.message_id)
    emulator.unsubscribe(events)

    kinds = []
    while not events.empty():
        kinds.append(events.get_nowait()["type"])
    assert kinds == ["message", "press", "callback_answer", "edit", "delete"]
    assert emulator.callback_answers[0].show_alert


async def test_standalone_process_serves_until_terminated(tmp_path: Path) -> None:
    # Run from an empty folder: the installed package, not the source tree, must serve.
    token = "4242:StandaloneTestToken"
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "tgemulator",
        "--port",
        "0",
        "--token",
        token,
        stdout=asyncio.subprocess.PIPE,
        cwd=tmp_path,
    )
    try:
        assert process.stdout is not None
        base_url = (await asyncio.wait_for(process.stdout.readline(), 20)).decode().strip()
        async with telegram.Bot(token, base_url=base_url) as bot:
            me = await bot.get_me()
    finally:
        process.terminate()
        exit_code = await asyncio.wait_for(process.wait(), 10)

    assert base_url.startswith("http://127.0.0.1:") and base_url.endswith("/bot")
    assert me.id == 4242
    assert exit_code == 0
