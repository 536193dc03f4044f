"""`peercoach demo`: the page, the seeded cohort, live chats, a real browser pressing a button."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from sqlalchemy import select

from bot.demo.session import DemoSession, running_demo
from storage.models import Membership, User
from tests.e2e.support.world import eventually

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture
async def demo() -> AsyncIterator[DemoSession]:
    async with running_demo(port=0) as session:
        yield session


@pytest.fixture
async def http() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as client:
        yield client


async def get_json(http: aiohttp.ClientSession, url: str) -> Any:
    async with http.get(url) as response:
        assert response.status == 200, await response.text()
        return await response.json()


async def post_json(http: aiohttp.ClientSession, url: str, body: dict[str, Any]) -> Any:
    async with http.post(url, json=body) as response:
        return await response.json()


def persona_id(info: dict[str, Any], name: str) -> int:
    return int(next(p["user_id"] for p in info["personas"] if p["name"] == name))


def bot_texts(demo: DemoSession, chat_id: int) -> list[str]:
    return [m.text or "" for m in demo.emulator.bot_messages(chat_id)]


async def test_page_and_seeded_cohort(demo: DemoSession, http: aiohttp.ClientSession) -> None:
    async with http.get(demo.url) as response:
        page = await response.text()
    assert response.status == 200 and "/static/demo.js" in page
    async with http.get(f"{demo.url}static/demo.css") as response:
        assert response.status == 200

    info = await get_json(http, f"{demo.url}demo/api/info")
    assert info["cohort"] == "Demo 4B"
    roles = {p["name"]: p["role"] for p in info["personas"]}
    assert roles == {
        "Carla": "coordinator",
        "Tom": "teacher",
        "Sanne": "student",
        "Bram": "student",
        "Noor": "student",
        "Yusuf": "student",
    }
    state = await get_json(http, f"{demo.url}sandbox/api/state")
    group = next(chat for chat in state["chats"] if chat["type"] != "private")
    assert group["title"] == "Klas 4B" and group["bot_status"] == "member"
    members = {int(user_id) for user_id in group["members"]}
    assert members == {persona_id(info, n) for n in ("Tom", "Sanne", "Bram", "Noor", "Yusuf")}

    async with demo.app.services.db.sessions() as session:
        joined = (await session.scalars(select(Membership.user_id))).all()
        sanne = await session.get(User, persona_id(info, "Sanne"))
    assert len(joined) == 6
    assert sanne is not None and sanne.first_name == "Sanne" and sanne.language == "nl"


async def test_student_gets_student_help(demo: DemoSession, http: aiohttp.ClientSession) -> None:
    info = await get_json(http, f"{demo.url}demo/api/info")
    sanne = persona_id(info, "Sanne")
    sent = await post_json(http, f"{demo.url}sandbox/api/send", {"user_id": sanne, "text": "/help"})
    assert sent["ok"]

    async def help_arrived() -> bool:
        return any("Demo 4B (leerling)" in text for text in bot_texts(demo, sanne))

    await eventually(help_arrived)
    assert "/settings" in bot_texts(demo, sanne)[-1]


async def test_added_persona_joins_and_reset_starts_over(
    demo: DemoSession, http: aiohttp.ClientSession
) -> None:
    added = await post_json(
        http, f"{demo.url}demo/api/personas", {"name": "Lotte", "role": "student"}
    )
    assert added["ok"] and added["persona"]["role"] == "student"
    lotte = added["persona"]["user_id"]
    info = await get_json(http, f"{demo.url}demo/api/info")
    assert "Lotte" in [p["name"] for p in info["personas"]]
    async with demo.app.services.db.sessions() as session:
        assert await session.scalar(select(Membership.role).where(Membership.user_id == lotte))
    refused = await post_json(http, f"{demo.url}demo/api/personas", {"name": "X", "role": "boss"})
    assert not refused["ok"] and "role" in refused["error"]

    reset = await post_json(http, f"{demo.url}demo/api/reset", {})
    assert reset["generation"] == 1

    async def restarted() -> bool:
        try:
            fresh = await get_json(http, f"{demo.url}demo/api/info")
        except (aiohttp.ClientError, AssertionError):
            return False
        return bool(fresh["generation"] == 1)

    await eventually(restarted, seconds=10)
    fresh = await get_json(http, f"{demo.url}demo/api/info")
    assert [p["name"] for p in fresh["personas"]] == [
        "Carla",
        "Tom",
        "Sanne",
        "Bram",
        "Noor",
        "Yusuf",
    ]
    # A fresh start: only the sample pair's home cards and last week's room summary and
    # report, nothing of what was done before.
    underway = {persona_id(fresh, name) for name in ("Sanne", "Bram", "Yusuf", "Tom")}

    async def only_home_cards() -> bool:
        state = await get_json(http, f"{demo.url}sandbox/api/state")
        counts = {
            int(c["id"]): len(c["messages"]) for c in state["chats"] if c["type"] == "private"
        }
        return {chat: n for chat, n in counts.items() if n} == dict.fromkeys(underway, 1)

    await eventually(only_home_cards, seconds=10)


def _browser_or_skip() -> Any:
    if not CHROMIUM.exists():
        pytest.skip("no Chromium at /usr/bin/chromium (apt-get install chromium)")
    try:
        from playwright.async_api import async_playwright
    except ImportError:
        pytest.skip("the playwright package is not installed")
    return async_playwright


def forged_bot_message(chat_id: int, html: str, keyboard: list[list[dict[str, str]]]) -> Any:
    """An observer event carrying HTML no real bot message could have, to test the page."""
    return {
        "type": "message",
        "chat_id": chat_id,
        "message": {
            "chat_id": chat_id,
            "message_id": 999,
            "date": 0,
            "from_bot": True,
            "sender": {"id": 1, "name": "PeerCoach"},
            "kind": "text",
            "text": "forged",
            "html": html,
            "reply_markup": {"inline_keyboard": keyboard},
            "reply_to_message_id": None,
            "file_id": None,
            "service": {},
            "edit_count": 0,
            "deleted": False,
            "silent": False,
        },
    }


async def test_student_presses_a_button_in_the_browser(demo: DemoSession, tmp_path: Path) -> None:
    async_playwright = _browser_or_skip()
    sanne = next(p for p in demo.world.personas if p.name == "Sanne")
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
        )
        try:
            page = await browser.new_page(viewport={"width": 1400, "height": 800})
            await page.goto(demo.url)
            column = page.locator(f'section[data-chat-id="{sanne.user_id}"]')
            await column.locator(".chat-title", has_text="Sanne").wait_for(timeout=5000)
            await column.locator(".badge", has_text="leerling").wait_for(timeout=5000)
            await page.locator(".status[data-kind=live]").wait_for(timeout=5000)
            typing = column.get_by_role("textbox")

            await typing.fill("/settings")
            await typing.press("Enter")
            await column.get_by_role("button", name="🇬🇧 English").click(timeout=5000)
            reply = column.locator(".message.bot", has_text="Great, we'll talk in English")
            await reply.wait_for(timeout=5000)
            # The answered card loses its buttons, as in Telegram, without an "edited" mark.
            assert await column.locator(".key", has_text="English").count() == 0
            assert await column.locator(".edited").count() == 0

            # What people type shows literally; the bot's own formatting is rendered.
            await typing.fill("<i>hoi</i>")
            await typing.press("Enter")
            await typing.fill("/help")
            await typing.press("Enter")
            await column.locator(".message.bot b", has_text="What can you do here?").wait_for(
                timeout=5000
            )
            own = column.locator(".message.own .text", has_text="<i>hoi</i>")
            assert await own.locator("i").count() == 0

            # Anything outside Telegram's tags never reaches the page as markup.
            demo.emulator.publish(
                forged_bot_message(
                    sanne.user_id,
                    '<b onclick="window.hacked=1">bold</b> <a href="javascript:alert(1)">bad</a>'
                    '<img src=x onerror="window.hacked=2"><script>window.hacked=3</script>',
                    [[{"text": "risky", "url": "javascript:alert(1)"}]],
                )
            )
            forged = column.locator('[data-message-id="999"]')
            await forged.wait_for(timeout=5000)
            assert await forged.locator("b").get_attribute("onclick") is None
            assert await forged.locator("a, img, script").count() == 0
            assert await page.evaluate("window.hacked") is None
            await page.screenshot(path=str(tmp_path / "demo.png"))
        finally:
            await browser.close()
    # What the page showed is what the bot stored.
    async with demo.app.services.db.sessions() as session:
        stored = await session.get(User, sanne.user_id)
    assert stored is not None and stored.language == "en"
