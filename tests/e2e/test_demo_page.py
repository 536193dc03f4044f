"""`peercoach demo` in a real browser: links, badges, reload, the column bar, phone size, language.

Each test drives the page as a visitor would and fails on what the page showed wrongly before.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from bot.demo.session import DemoSession, running_demo
from flows.trajectory import Trajectory
from flows.trajectory.steps import Step
from storage import pairing, trajectories
from storage.models import Cohort, Membership, User
from storage.room_models import RoomRow
from tests.e2e.support.world import eventually
from tests.e2e.test_demo import CHROMIUM, CHROMIUM_ARGS

# Generous: two cores serve five people running tests.
WAIT = 20_000
# Where the README's screenshots come from: DEMO_SCREENSHOTS=docs/demo pytest ... writes them.
SCREENSHOTS = os.environ.get("DEMO_SCREENSHOTS")


@pytest.fixture
async def demo() -> AsyncIterator[DemoSession]:
    async with running_demo(port=0) as session:
        yield session


class Browser:
    """One headless Chromium; pages it opens record console errors and uncaught exceptions."""

    def __init__(self, browser: Any) -> None:
        self.browser = browser
        self.errors: list[str] = []

    async def page(self, url: str, *, width: int = 1400, height: int = 800) -> Any:
        page = await self.browser.new_page(viewport={"width": width, "height": height})
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        await page.goto(url)
        await page.locator(".status[data-kind=live]").wait_for(state="attached", timeout=WAIT)
        return page


@pytest.fixture
async def browser() -> AsyncIterator[Browser]:
    if not CHROMIUM.exists():
        pytest.skip("no Chromium at /usr/bin/chromium (apt-get install chromium)")
    try:
        from playwright.async_api import async_playwright
    except ImportError:
        pytest.skip("the playwright package is not installed")
    async with async_playwright() as playwright:
        launched = await playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
        )
        opened = Browser(launched)
        try:
            yield opened
        finally:
            await launched.close()
    assert opened.errors == [], opened.errors


def column(page: Any, demo: DemoSession, name: str) -> Any:
    person = next(p for p in demo.world.personas if p.name == name)
    return page.locator(f'section[data-chat-id="{person.user_id}"]')


async def type_in(section: Any, text: str) -> None:
    box = section.get_by_role("textbox")
    await box.fill(text)
    await box.press("Enter")


async def cohorts_of(demo: DemoSession, user_id: int) -> dict[str, str]:
    async with demo.app.services.db.sessions() as session:
        rows = await session.execute(
            select(Cohort.name, Membership.role)
            .join(Membership, Membership.cohort_id == Cohort.id)
            .where(Membership.user_id == user_id)
        )
        return {name: role.value for name, role in rows.all()}


async def new_class(page: Any, demo: DemoSession, name: str) -> Any:
    """Carla makes a class on the page; returns her column once its links are shown."""
    carla = column(page, demo, "Carla")
    await type_in(carla, f"/newcohort {name}")
    await carla.locator(".message.bot", has_text="https://t.me/").wait_for(timeout=WAIT)
    return carla


async def test_an_invite_link_joins_the_person_whose_column_it_is_in(
    demo: DemoSession, browser: Browser
) -> None:
    page = await browser.page(demo.url)
    carla = await new_class(page, demo, "5C Proef")
    links = carla.locator("a.start-link")
    assert await links.count() == 4  # student, teacher, coordinator and confidant: all clickable
    teacher_link = carla.locator(".message.bot", has_text="https://t.me/").locator("a").nth(1)
    await teacher_link.click()
    await carla.locator(".message.bot", has_text="5C Proef").nth(1).wait_for(timeout=WAIT)
    carla_id = column_id(demo, "Carla")

    async def joined() -> bool:
        return (await cohorts_of(demo, carla_id)).get("5C Proef") == "teacher"

    await eventually(joined, seconds=20)
    # What she typed was /start CODE, as Telegram sends when a start link is opened.
    sent = [m.text or "" for m in demo.emulator.messages(carla_id)]
    assert any(text.startswith("/start ") for text in sent)


def column_id(demo: DemoSession, name: str) -> int:
    return next(p.user_id for p in demo.world.personas if p.name == name)


async def test_join_as_student_joins_the_newest_class_and_the_badge_follows(
    demo: DemoSession, browser: Browser
) -> None:
    lotte = await demo.add_persona(name="Lotte", role="new")
    page = await browser.page(demo.url)
    section = page.locator(f'section[data-chat-id="{lotte.user_id}"]')
    await section.locator(".badge", has_text="nieuw").wait_for(timeout=WAIT)
    await new_class(page, demo, "5C Proef")

    chip = section.get_by_role("button", name="Aanmelden bij 5C Proef")
    await chip.click(timeout=WAIT)
    await section.get_by_role("button", name="🇳🇱 Nederlands").click(timeout=WAIT)
    await section.get_by_role("button", name="Oké, en ik ben 16 of ouder 👍").click(timeout=WAIT)
    await section.locator(".badge", has_text="leerling").wait_for(timeout=WAIT)
    assert await cohorts_of(demo, lotte.user_id) == {"5C Proef": "student"}
    # Her "/" menu is now a student's.
    await section.locator("summary[aria-label=Opdrachten]").click()
    await section.locator(".command-name", has_text="/talk").wait_for(timeout=WAIT)


async def test_after_a_reload_every_chat_shows_its_newest_message(
    demo: DemoSession, browser: Browser
) -> None:
    page = await browser.page(demo.url, height=600)
    names = ("Carla", "Tom", "Sanne")
    for name in names:
        await type_in(column(page, demo, name), "/help")
        await type_in(column(page, demo, name), "/privacy")
    for name in names:
        await column(page, demo, name).locator(".message.bot").nth(1).wait_for(timeout=WAIT)
    await page.reload()
    await page.locator(".status[data-kind=live]").wait_for(state="attached", timeout=WAIT)
    for name in names:
        section = column(page, demo, name)
        await section.locator(".message.bot").nth(1).wait_for(timeout=WAIT)
        gap = await section.locator(".messages").evaluate(
            "list => list.scrollHeight - list.scrollTop - list.clientHeight"
        )
        overflow = await section.locator(".messages").evaluate(
            "list => list.scrollHeight - list.clientHeight"
        )
        assert overflow > 100, f"{name}'s chat should be longer than its column"
        assert gap < 4, f"{name}'s chat opened {gap}px above its newest message"


async def test_the_group_column_is_hinted_and_one_tap_away(
    demo: DemoSession, browser: Browser
) -> None:
    page = await browser.page(demo.url, width=1400)
    group = page.locator(f'section[data-chat-id="{demo.world.group_chat_id}"]')
    await group.wait_for(timeout=WAIT)
    assert not await in_view(page, group)
    more = page.locator("#more-columns")
    await more.wait_for(state="visible", timeout=WAIT)
    nav = page.get_by_role("navigation", name="Chats")
    await nav.get_by_role("button", name="Klas 4B").click()

    async def shown() -> bool:
        return await in_view(page, group)

    await eventually(shown, seconds=10)
    await more.wait_for(state="hidden", timeout=WAIT)
    # The hint also works on its own: back at the start, it brings the next hidden column.
    await page.locator("#chats").evaluate("chats => chats.scrollTo({left: 0})")
    await more.click(timeout=WAIT)


async def in_view(page: Any, section: Any) -> bool:
    box = await section.bounding_box()
    size = page.viewport_size
    return bool(box and box["x"] >= -1 and box["x"] + box["width"] <= size["width"] + 1)


TARGETS = "button, summary, select, input, textarea"


async def test_at_phone_size_forms_fit_and_targets_are_big_enough(
    demo: DemoSession, browser: Browser
) -> None:
    page = await browser.page(demo.url, width=390, height=844)
    await column(page, demo, "Carla").wait_for(timeout=WAIT)
    header = await page.locator("header.topbar").bounding_box()
    assert header is not None and header["height"] <= 64, header
    tools = page.locator("header.topbar").locator("summary, button")
    for index in range(await tools.count()):
        tool = await tools.nth(index).bounding_box()
        assert tool is not None and tool["x"] + tool["width"] <= 390, tool
    await page.locator("header summary").click()
    form = page.locator("#add-persona")
    await form.wait_for(state="visible", timeout=WAIT)
    box = await form.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390, box
    small = await page.evaluate(
        """selector => [...document.querySelectorAll(selector)]
            .filter(e => e.offsetParent !== null)
            .map(e => [e, e.getBoundingClientRect()])
            .filter(([, r]) => r.width > 0 && r.right > 0 && r.left < innerWidth && r.bottom > 0
                     && r.top < innerHeight)
            .filter(([, r]) => r.width < 44 || r.height < 44)
            .map(([e, r]) => `${e.tagName} ${e.className} "${e.textContent.trim().slice(0, 20)}"`
                             + ` ${Math.round(r.width)}x${Math.round(r.height)}`)""",
        TARGETS,
    )
    assert small == []
    if SCREENSHOTS:
        await page.screenshot(path=str(Path(SCREENSHOTS) / "demo-phone.png"))


async def test_the_language_toggle_switches_the_personas_too(
    demo: DemoSession, browser: Browser
) -> None:
    page = await browser.page(demo.url)
    await page.get_by_role("button", name="Switch this page to English").click()
    sanne = column_id(demo, "Sanne")

    async def english() -> bool:
        async with demo.app.services.db.sessions() as session:
            user = await session.get(User, sanne)
        return user is not None and user.language == "en"

    await eventually(english, seconds=20)
    section = column(page, demo, "Sanne")
    await type_in(section, "/help")
    await section.locator(".message.bot b", has_text="What can you do here?").wait_for(timeout=WAIT)
    await section.locator("summary[aria-label=Commands]").click()
    await section.locator(".command-description", has_text="journal").first.wait_for(timeout=WAIT)


async def test_the_sample_class_has_a_pool_and_a_pair_underway(demo: DemoSession) -> None:
    world = demo.world
    async with demo.app.services.db.sessions() as session:
        pool = await pairing.active_pool(session, cohort_id=world.cohort_id)
        (row,) = await trajectories.trajectories_of_user(session, user_id=column_id(demo, "Bram"))
    assert {entry.user_id for entry in pool} == {column_id(demo, "Noor"), column_id(demo, "Yusuf")}
    assert all(entry.about for entry in pool)
    assert row.coach_id == column_id(demo, "Sanne")
    trajectory = Trajectory.from_dict(row.snapshot)
    assert trajectory.step is Step.ROUTE
    assert trajectory.goal and "huiswerk" in trajectory.goal
    assert [scale.value for scale in trajectory.scales] == [4]
    # Bram's journal, asked from the page, shows what he wrote.
    bram = column_id(demo, "Bram")
    demo.emulator.send_text(bram, "/journal")

    async def journal_shown() -> bool:
        texts = [m.text or "" for m in demo.emulator.bot_messages(bram)]
        return any("huiswerk elke dag plannen" in text and "4" in text for text in texts)

    await eventually(journal_shown, seconds=20)


async def test_the_sample_class_has_a_finished_room_with_a_summary(demo: DemoSession) -> None:
    async with demo.app.services.db.sessions() as session:
        (row,) = (await session.scalars(select(RoomRow))).all()
    assert row.state == "closed" and row.closed_at is not None
    assert row.chat_id == demo.world.group_chat_id
    assert "verslag" not in str(row.snapshot)  # a closed room keeps no words

    async def summary_sent() -> bool:
        texts = [m.text or "" for m in demo.emulator.bot_messages(column_id(demo, "Yusuf"))]
        return any("Jouw samenvatting: Incidentmethode" in t and "Jouw stap:" in t for t in texts)

    await eventually(summary_sent, seconds=20)
    tom = [m.text or "" for m in demo.emulator.bot_messages(column_id(demo, "Tom"))]
    assert any("Groepssessie Incidentmethode" in text for text in tom)
    assert not any("verslag" in text for text in tom)  # the teacher never reads what was said
