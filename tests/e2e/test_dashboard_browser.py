"""The dashboard in headless Chromium: students write known sentences through the real bot, a
coordinator signs in with the link from /dashboard, the funnel matches the database, and no
sentence a student wrote appears on any page, in the chart or in the CSV.

Screenshots at phone and desktop size go to test-output/dashboard/ (or $TEST_OUTPUT_DIR).
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from tgemulator import EmuMessage, ScriptedUser

from flows.onboarding import Role
from storage import cohorts, pairing, people
from storage.models import Match, MatchMember, Membership, utcnow
from storage.pairing_models import PoolEntry, PoolStatus
from tests.e2e.support.pairing import in_pool, matches_of
from tests.e2e.support.trajectory import begin_chat, goal_to_path, greeted, pair_up
from tests.e2e.support.world import World

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"]
OUTPUT = Path(os.environ.get("TEST_OUTPUT_DIR", Path(__file__).parents[2] / "test-output"))
LINK = re.compile(r"(http://\S+/dashboard/signin\?t=[A-Za-z0-9_-]+)")
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}

# What students write: none of it may reach a teacher's or coordinator's screen.
GOAL = "Ik wil rustiger worden voor de wiskundetoets"
STAGE = "Elke avond tien sommen oefenen"
SMALL_STEP = "Morgen de oude toets opnieuw maken"
RELAYED = "Thuis is het soms lastig, hou dat voor jezelf"
ABOUT = "Ik hou van paarden en tekenen"
INTERESTS = "Manga lezen en skateboarden"
SENTENCES = (GOAL, STAGE, SMALL_STEP, RELAYED, ABOUT, INTERESTS)
# A word of each that no page text has, so even a shortened or quoted piece would show.
WORDS = ("wiskundetoets", "sommen", "oude toets", "lastig", "paarden", "skateboarden")


async def read_until(person: ScriptedUser, contains: str, *, limit: int = 12) -> EmuMessage:
    """The person's next bot message with this text, skipping others (generous waits)."""
    seen = []
    for _ in range(limit):
        message = await person.expect(timeout=30)
        if contains in (message.text or ""):
            return message
        seen.append(message.text)
    raise AssertionError(f"{person.user.first_name} never got {contains!r}; got {seen}")


def _browser_or_skip() -> Any:
    if not CHROMIUM.exists():
        pytest.skip("no Chromium at /usr/bin/chromium (apt-get install chromium)")
    try:
        from playwright.async_api import async_playwright
    except ImportError:
        pytest.skip("the playwright package is not installed")
    return async_playwright


async def more_students(world: World, cohort: str) -> None:
    """Noor waits in the pool with a profile she wrote, Finn waits too; Daan paused."""
    now = world.app.services.clock.now()
    async with world.app.services.db.transaction() as session:
        found = await cohorts.cohort_by_name(session, name=cohort)
        assert found is not None
        for uid, name in ((7001, "Noor"), (7002, "Daan"), (7003, "Finn")):
            user = await people.get_or_create_user(session, user_id=uid, now=now)
            await people.accept_privacy(session, user=user, first_name=name, username=None, now=now)
            await cohorts.join_cohort(
                session, user_id=uid, cohort_id=found.id, role=Role.STUDENT, now=now
            )
        noor = await pairing.join_pool(
            session, cohort_id=found.id, user_id=7001, language="nl", now=now
        )
        noor.about, noor.interests = ABOUT, INTERESTS
        daan = await pairing.join_pool(
            session, cohort_id=found.id, user_id=7002, language="nl", now=now
        )
        daan.paused_until = utcnow().replace(year=utcnow().year + 1)
        await pairing.join_pool(session, cohort_id=found.id, user_id=7003, language="nl", now=now)


async def propose_next(page: Any, ilse: ScriptedUser, number: int) -> None:
    """Propose the next round from the page and confirm it in Telegram."""
    await page.get_by_role("button", name="Volgende ronde voorstellen").click()
    await page.get_by_role("status").wait_for(timeout=15000)
    await read_until(ilse, f"Voorstel ronde {number}")
    await ilse.press("✅ Bevestigen")
    await read_until(ilse, "Bevestigd!")


async def counted(world: World) -> dict[str, int]:
    """The funnel's numbers, counted here in SQL of its own."""
    async with world.app.services.db.sessions() as session:
        students = select(Membership.user_id).where(Membership.role == Role.STUDENT)
        joined = await session.scalar(select(func.count()).select_from(students.subquery()))
        in_pool = await session.scalar(
            select(func.count()).where(
                PoolEntry.status == PoolStatus.ACTIVE, PoolEntry.user_id.in_(students)
            )
        )
        paired = await session.scalar(
            select(func.count())
            .select_from(MatchMember)
            .join(Match, Match.id == MatchMember.match_id)
            .where(Match.status == "active")
        )
    return {"joined": joined or 0, "in_pool": in_pool or 0, "paired": paired or 0}


async def test_a_coordinator_sees_numbers_and_never_content(world: World) -> None:
    async_playwright = _browser_or_skip()
    (sanne, bram), ilse, match_id = await pair_up(world, ["Sanne", "Bram"], kind="one_way")
    assert ilse is not None
    await more_students(world, "5B Peercoaching")
    for student in (sanne, bram):
        await in_pool(world, student)
    from flows.trajectory import Step, Trajectory
    from tests.e2e.support.trajectory import put_snapshots

    await put_snapshots(world, match_id, Trajectory(step=Step.GOAL, click_confirmed=True))
    await greeted(sanne, bram)
    # Bram writes his goal, a stage and a small step; then tells Sanne something private.
    await begin_chat(sanne, bram, mode="💬 Hier in de chat")
    await goal_to_path(sanne, bram, goal=GOAL, scale=4, stage=STAGE, step=SMALL_STEP)
    await bram.send(RELAYED)
    await sanne.expect(RELAYED, timeout=30)

    await ilse.send("/dashboard")
    answer = await ilse.expect("dashboard", timeout=30)
    link = LINK.search(answer.text or "")
    assert link, answer.text
    expected = await counted(world)
    assert expected == {"joined": 5, "in_pool": 5, "paired": 2}

    out = OUTPUT / "dashboard"
    out.mkdir(parents=True, exist_ok=True)
    seen: dict[str, str] = {}
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
        )
        try:
            context = await browser.new_context(viewport=PHONE)
            page = await context.new_page()
            await page.goto(link.group(1))
            seen["signin"] = await page.content()
            await page.screenshot(path=str(out / "signin-phone.png"), full_page=True)
            await page.get_by_role("button", name="Aanmelden").click()
            await page.get_by_role("heading", name="Jouw groepen").wait_for(timeout=15000)
            seen["index"] = await page.content()

            # By keyboard: Tab to the cohort's link and open it with Enter.
            for _ in range(6):
                await page.keyboard.press("Tab")
                focused = await page.evaluate("document.activeElement.textContent")
                if focused == "5B Peercoaching":
                    break
            assert focused == "5B Peercoaching"
            await page.keyboard.press("Enter")
            await page.get_by_role("heading", name="5B Peercoaching").wait_for(timeout=15000)
            assert await page.get_attribute("html", "lang") == "nl"

            for key, number in expected.items():
                cell = page.locator(f'td[data-funnel="{key}"]')
                assert await cell.inner_text() == str(number), key
            assert await page.locator('td[data-funnel="step_route"]').inner_text() == "0"
            assert await page.locator('td[data-funnel="step_path"]').inner_text() == "1"
            attention = page.locator("ul.attention li")
            texts = await attention.all_inner_texts()
            assert any(t.startswith("Noor: wacht op een partner sinds") for t in texts), texts
            assert any(t.startswith("Daan: pauzeert tot") for t in texts), texts
            assert any(t.startswith("Finn: wacht op een partner sinds") for t in texts), texts
            assert not any(t.startswith(("Sanne", "Bram")) for t in texts), texts
            chart = page.get_by_role("img", name=re.compile("Staafdiagram"))
            await chart.wait_for(timeout=15000)
            # The chart is drawn in a worker thread: on a busy machine it may still be loading.
            loaded = "img => img.complete || new Promise(done => img.onload = () => done(true))"
            await chart.evaluate(loaded)
            assert await chart.evaluate("img => img.naturalWidth > 0")

            seen["cohort"] = await page.content()
            await page.screenshot(path=str(out / "cohort-phone.png"), full_page=True)
            await page.set_viewport_size(DESKTOP)
            await page.screenshot(path=str(out / "cohort-desktop.png"), full_page=True)
            base = page.url
            for name in ("activity.svg", "export.csv"):
                response = await context.request.get(f"{base}/{name}")
                assert response.ok, name
                seen[name] = (await response.body()).decode("utf-8-sig")
            rows = seen["export.csv"].splitlines()
            assert rows[0] == "first_name,role,joined,in_pairing_pool,steps,attention"
            assert any(r.startswith("Noor,student,") and r.endswith(",waiting") for r in rows)

            # Round 1 from the page: Noor and Finn are paired, Sanne and Bram coach on.
            await page.set_viewport_size(PHONE)
            assert await page.get_by_role("radio").count() == 0  # no round runs yet
            await propose_next(page, ilse, 1)
            for student in (sanne, bram):
                await read_until(student, "Voor jou verandert er niets")
            await page.goto(base)
            rounds = await page.locator("ul.rounds li").all_inner_texts()
            assert rounds[0].startswith("Ronde 1 · "), rounds
            assert "1 gemaakt: 0 afgerond, 0 gestopt, 1 lopen nog" in rounds[0], rounds

            # Ending it: the button alone is refused by the browser (a choice is required);
            # choose "close" through its label, then the button.
            ending = page.get_by_role("group", name=re.compile("de 2 koppels die nu lopen"))
            assert await ending.get_by_role("radio").count() == 2
            await page.get_by_role("button", name="Ronde 1 beëindigen").click()
            assert await page.get_by_role("status").count() == 0
            await page.get_by_label(re.compile("Trajecten afsluiten")).check()
            await page.get_by_role("button", name="Ronde 1 beëindigen").click()
            status = page.get_by_role("status")
            await status.wait_for(timeout=15000)
            assert "de koppels krijgen nu een bericht" in await status.inner_text()
            seen["ended"] = await page.content()
            await page.screenshot(path=str(out / "round-ended-phone.png"), full_page=True)
            for student in (sanne, bram):
                await read_until(student, "Je coördinator heeft deze coachingronde afgesloten")
            await read_until(ilse, "Ronde 1 van 5B Peercoaching is afgerond")

            # The next round: proposed from the page, confirmed in Telegram, no repeat.
            await page.goto(base)
            await propose_next(page, ilse, 2)
            await page.goto(base)
            rounds = await page.locator("ul.rounds li").all_inner_texts()
            assert "trajecten afgesloten" in rounds[0], rounds
            assert rounds[1].startswith("Ronde 2 · "), rounds
            assert "2 gemaakt: 0 afgerond, 0 gestopt, 2 lopen nog" in rounds[1], rounds
            seen["next"] = await page.content()
            await page.set_viewport_size(DESKTOP)
            await page.screenshot(path=str(out / "next-round-desktop.png"), full_page=True)

            # The invitation sheet: a QR code per working link, labelled for screen readers.
            await page.goto(f"{base}/invites")
            qr = page.get_by_role("img", name=re.compile("QR-code van de uitnodiging als leerling"))
            await qr.wait_for(timeout=15000)
            seen["invites"] = await page.content()
            await page.screenshot(path=str(out / "invites-desktop.png"), full_page=True)

            # A page of another cohort and a reused link: refusal pages, also screenshotted.
            await page.goto(link.group(1))
            await page.locator('[data-refusal="used"]').wait_for(timeout=15000)
            seen["used"] = await page.content()
            await page.screenshot(path=str(out / "refused-desktop.png"))
            forged = link.group(1).rsplit("=", 1)[0] + "=made-up-token"
            await page.goto(forged)
            await page.locator('[data-refusal="unknown"]').wait_for(timeout=15000)
            # A browser without the session cookie (a copied page address): not signed in.
            stranger = await browser.new_context(viewport=PHONE)
            other = await stranger.new_page()
            await other.goto(base)
            await other.locator('[data-refusal="no_session"]').wait_for(timeout=15000)
            await other.screenshot(path=str(out / "no-session-phone.png"))
        finally:
            await browser.close()

    for where, content in seen.items():
        for sentence in SENTENCES:
            assert sentence not in content, f"{sentence!r} reached the dashboard ({where})"
        for word in WORDS:
            assert word not in content.lower(), f"{word!r} reached the dashboard ({where})"
    active = [set(m) for _, status, m in await matches_of(world) if status == "active"]
    assert len(active) == 2, active
    assert not any({sanne.user.id, bram.user.id} <= m or {7001, 7003} <= m for m in active)
    names = ("signin-phone", "cohort-phone", "cohort-desktop", "round-ended-phone")
    for name in (*names, "next-round-desktop", "invites-desktop", "refused-desktop"):
        assert (out / f"{name}.png").stat().st_size > 1000
