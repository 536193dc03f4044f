"""The demo's guided tour: each story completes when the page plays it and when done by hand."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import select

from bot.demo.session import DemoSession
from flows.trajectory import Trajectory
from flows.trajectory.steps import Step
from storage import trajectories
from storage.models import Match, MatchMember
from tests.e2e.test_demo_page import (
    SCREENSHOTS,
    WAIT,
    Browser,
    browser,
    column,
    column_id,
    demo,
    type_in,
)

__all__ = ["browser", "demo"]  # fixtures, used by name


async def partners_of(demo: DemoSession, name: str) -> set[int]:
    """Everyone who shares an active match with this persona."""
    user_id = column_id(demo, name)
    async with demo.app.services.db.sessions() as session:
        matches = select(MatchMember.match_id).where(MatchMember.user_id == user_id)
        rows = await session.scalars(
            select(MatchMember.user_id)
            .join(Match, Match.id == MatchMember.match_id)
            .where(MatchMember.match_id.in_(matches), Match.status == "active")
        )
        return set(rows.all()) - {user_id}


async def open_story(page: Any, title: str) -> Any:
    tour = page.get_by_role("complementary", name="Welkom in de PeerCoach-zandbak")
    await tour.get_by_role("button", name=title).click(timeout=WAIT)
    return page.locator("#tour")


async def test_the_page_plays_the_pairing_story(demo: DemoSession, browser: Browser) -> None:
    page = await browser.page(f"{demo.url}?tour-speed=fast")
    if SCREENSHOTS:
        await column(page, demo, "Sanne").locator(".message.bot").wait_for(timeout=WAIT)
        await page.screenshot(path=str(Path(SCREENSHOTS) / "demo-tour.png"))
    tour = await open_story(page, "Een coördinator koppelt de klas")
    await tour.locator(".tour-progress", has_text="Stap 1 van 3").wait_for(timeout=WAIT)
    # The step shows where: Carla's column and her message box are highlighted.
    await column(page, demo, "Carla").and_(page.locator(".tour-column")).wait_for(timeout=WAIT)
    await column(page, demo, "Carla").locator("textarea.tour-target").wait_for(timeout=WAIT)
    await tour.get_by_role("button", name="▶ Speel af").click()
    await tour.locator(".tour-done", has_text="Klaar!").wait_for(timeout=60_000)
    assert await partners_of(demo, "Noor") == {column_id(demo, "Yusuf")}
    noor = column(page, demo, "Noor")
    await noor.locator(".message.bot", has_text="Je coachingspartner: Yusuf").wait_for(timeout=WAIT)
    assert await page.locator(".tour-column, .tour-target").count() == 0


async def test_the_pairing_story_done_by_hand(demo: DemoSession, browser: Browser) -> None:
    page = await browser.page(demo.url)
    tour = await open_story(page, "Een coördinator koppelt de klas")
    carla = column(page, demo, "Carla")
    await type_in(carla, "/pair")
    await tour.locator(".tour-progress", has_text="Stap 2 van 3").wait_for(timeout=WAIT)
    # The button to tap is highlighted once the bot shows it; tapping it moves the tour on.
    confirm = carla.locator("button.key.tour-target", has_text="✅ Bevestigen")
    await confirm.click(timeout=WAIT)
    await tour.locator(".tour-progress", has_text="Stap 3 van 3").wait_for(timeout=WAIT)
    await column(page, demo, "Noor").and_(page.locator(".tour-column")).wait_for(timeout=WAIT)
    await tour.get_by_role("button", name="Verder").click()
    await tour.locator(".tour-done").wait_for(timeout=WAIT)
    assert await partners_of(demo, "Yusuf") == {column_id(demo, "Noor")}


async def test_the_tour_can_be_left_at_any_time_and_stays_closed(
    demo: DemoSession, browser: Browser
) -> None:
    page = await browser.page(demo.url)
    tour = await open_story(page, "Een coördinator koppelt de klas")
    await tour.locator(".tour-progress").wait_for(timeout=WAIT)
    await page.keyboard.press("Escape")
    await tour.wait_for(state="hidden", timeout=WAIT)
    assert await page.locator(".tour-column, .tour-target").count() == 0
    await page.reload()
    await page.locator(".status[data-kind=live]").wait_for(state="attached", timeout=WAIT)
    assert await tour.is_hidden()
    # The header button brings it back, in English once the page speaks English.
    await page.get_by_role("button", name="Switch this page to English").click()
    await page.get_by_role("button", name="Tour").click()
    await page.get_by_role("button", name="A coordinator pairs the class").wait_for(timeout=WAIT)


async def test_the_page_plays_two_students_coaching_each_other(
    demo: DemoSession, browser: Browser
) -> None:
    page = await browser.page(f"{demo.url}?tour-speed=fast")
    tour = await open_story(page, "Twee leerlingen coachen elkaar")
    await tour.get_by_role("button", name="▶ Speel af").click()
    await tour.locator(".tour-done", has_text="Klaar!").wait_for(timeout=180_000)
    yusuf = column_id(demo, "Yusuf")
    async with demo.app.services.db.sessions() as session:
        rows = await trajectories.trajectories_of_user(session, user_id=yusuf)
    coached = next(Trajectory.from_dict(r.snapshot) for r in rows if r.coachee_id == yusuf)
    assert coached.step is Step.ROUTE
    assert coached.goal == "Ik wil rustig een presentatie van vijf minuten kunnen geven"
    assert [scale.value for scale in coached.scales] == [3]
    assert len(coached.contract.items) == 8
    noor = column(page, demo, "Noor")
    await noor.locator(".message.bot", has_text="Nieuwe stap: De route").wait_for(timeout=WAIT)
    if SCREENSHOTS:
        await page.screenshot(path=str(Path(SCREENSHOTS) / "demo-coaching.png"))


async def test_the_page_plays_a_teacher_running_a_room(demo: DemoSession, browser: Browser) -> None:
    page = await browser.page(f"{demo.url}?tour-speed=fast")
    tour = await open_story(page, "Een docent leidt een intervisie in de klasgroep")
    await tour.get_by_role("button", name="▶ Speel af").click()
    await tour.locator(".tour-done", has_text="Klaar!").wait_for(timeout=180_000)
    sanne = column(page, demo, "Sanne")
    summary = sanne.locator(".message.bot", has_text="Jouw samenvatting")
    await summary.wait_for(timeout=WAIT)
    text = await summary.inner_text()
    assert "Als ik in de les een beurt krijg, klap ik dicht." in text
    assert "Bij welke vakken gebeurt het?" in text
    assert "Jouw stap: Schrijf vooraf één zin op die je kunt zeggen." in text
    # The teacher hears how it went, never what was said.
    tom_texts = [m.text or "" for m in demo.emulator.bot_messages(column_id(demo, "Tom"))]
    assert any("Incidentmethode" in t for t in tom_texts)
    assert not any("klap ik dicht" in t for t in tom_texts)
    if SCREENSHOTS:
        group = page.locator(f'section[data-chat-id="{demo.world.group_chat_id}"]')
        await group.scroll_into_view_if_needed()
        await page.screenshot(path=str(Path(SCREENSHOTS) / "demo-room.png"))


async def follow_by_hand(page: Any, tour: Any) -> None:
    """Do what each step asks, as a visitor: pick who acts, tap what is highlighted, write in
    one's own words where the step asks for text, read on where there is only something to see.

    Each kind of thing is done once per step; then the visitor waits for the bot (a class
    group gets at most twenty messages a minute, so that may take a while).
    """
    for _ in range(300):
        if await tour.locator(".tour-done").count():
            return
        progress = await tour.locator(".tour-progress").inner_text(timeout=WAIT)
        done: list[str] = []
        while True:
            target = page.locator(".tour-target")
            tag = await target.evaluate("node => node.tagName") if await target.count() else None
            if tag is None or tag in done:
                break
            done.append(tag)
            if tag == "SELECT":
                person = await tour.locator(".tour-where").get_attribute("data-as")
                await target.select_option(label=person)
            elif tag == "TEXTAREA":
                await target.fill(await text_for(tour))
                await target.press("Enter")
            else:
                await target.click()
            await page.wait_for_timeout(150)
        if not done:
            next_button = tour.get_by_role("button", name="Verder")
            if await next_button.count():
                await next_button.click()
        await page.wait_for_function(
            """([before, done]) => {
                const now = document.querySelector('#tour .tour-progress');
                const target = document.querySelector('.tour-target');
                return !now || now.textContent !== before
                    || (target !== null && !done.includes(target.tagName))
                    || document.querySelector('#tour .tour-next') !== null;
            }""",
            arg=[progress, done],
            timeout=120_000,
        )
    raise AssertionError("the tour never finished")


async def text_for(tour: Any) -> str:
    """In one's own words where the step gives an example; the command a step names."""
    if await tour.locator(".tour-example").count():
        return "Zelf geschreven, in mijn woorden."
    words = (await tour.locator(".tour-text").inner_text()).split()
    return next(word.strip(".,") for word in words if word.startswith("/"))


async def test_two_students_coaching_done_by_hand(demo: DemoSession, browser: Browser) -> None:
    page = await browser.page(demo.url)
    tour = await open_story(page, "Twee leerlingen coachen elkaar")
    await follow_by_hand(page, tour)
    yusuf = column_id(demo, "Yusuf")
    async with demo.app.services.db.sessions() as session:
        rows = await trajectories.trajectories_of_user(session, user_id=yusuf)
    coached = next(Trajectory.from_dict(r.snapshot) for r in rows if r.coachee_id == yusuf)
    assert coached.goal == "Zelf geschreven, in mijn woorden."


async def test_a_teacher_running_a_room_done_by_hand(demo: DemoSession, browser: Browser) -> None:
    page = await browser.page(demo.url)
    tour = await open_story(page, "Een docent leidt een intervisie in de klasgroep")
    await follow_by_hand(page, tour)
    summary = column(page, demo, "Sanne").locator(".message.bot", has_text="Jouw samenvatting")
    assert "Zelf geschreven, in mijn woorden." in await summary.inner_text(timeout=WAIT)
