"""The IT contact's operations-only access: `peercoach ops-link` run as the operator does, its
link signed into with an HTTP client, the one page it opens and everything it is refused."""

from __future__ import annotations

import asyncio
import logging
import os
import re
import sys
from collections.abc import AsyncIterator
from datetime import timedelta
from http.cookies import SimpleCookie

import aiohttp
import pytest
from sqlalchemy import select

from flows.dashboard import Scope
from storage import cohorts, dashboard
from storage.dashboard_models import DashboardLink, DashboardSession
from storage.models import Timer, utcnow
from tests.e2e.support.pairing import a_class
from tests.e2e.support.world import World
from tests.e2e.test_dashboard import refusal_of, sign_in

LINK = re.compile(r"(http://\S+/dashboard/signin\?t=([A-Za-z0-9_-]+))")


@pytest.fixture
async def http() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as client:
        yield client


async def run_ops_link(world: World) -> str:
    """`peercoach ops-link` in its own process, against the running bot's database."""
    settings = world.app.services.settings
    env = {
        **os.environ,
        "DATABASE_URL": settings.database_url,
        "DASHBOARD_URL": world.app.services.web_url,
    }
    env.pop("TELEGRAM_BOT_TOKEN", None)
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-c",
        "from bot.cli.main import main; main()",
        "ops-link",
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    out, err = await asyncio.wait_for(process.communicate(), timeout=60)
    assert process.returncode == 0, err.decode()
    return out.decode()


async def test_the_it_contact_sees_operations_and_nothing_else(
    world: World, http: aiohttp.ClientSession, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    group = await a_class(world, ["Sanne", "Bram"], coordinator="Ilse")
    await group["Sanne"].send("Een zin die nergens anders hoort")
    await group["Sanne"].expect(timeout=30)

    printed = await run_ops_link(world)
    found = LINK.search(printed)
    assert found, printed
    link, token = found.groups()
    base = link.split("/dashboard/")[0]
    assert "works once, for 10 minutes" in printed

    # The sign-in page speaks the bot's default language (Dutch): no person, no language.
    async with http.get(link, headers={"Accept-Language": "en"}) as page:
        assert page.status == 200 and '<html lang="nl">' in await page.text()
    signed = await sign_in(http, link)
    assert signed.status == 303 and signed.headers["Location"] == "/dashboard/"
    cookie = next(v for v in signed.headers.getall("Set-Cookie") if v.startswith("pc_dashboard="))
    morsel = SimpleCookie(cookie)["pc_dashboard"]
    assert morsel["httponly"] and morsel["samesite"] == "Strict" and morsel["path"] == "/dashboard"
    # The session belongs to no one: no user id is stored, only its scope and hashes.
    async with world.app.services.db.sessions() as session:
        rows = (await session.execute(select(DashboardSession))).scalars().all()
        links = (await session.execute(select(DashboardLink))).scalars().all()
    assert [(r.user_id, r.scope) for r in rows] == [(None, Scope.OPS.value)]
    assert [(r.user_id, r.scope) for r in links] == [(None, Scope.OPS.value)]
    assert token not in {rows[0].token_hash, links[0].token_hash}
    assert morsel.value != rows[0].token_hash

    # The index offers the operations view and nothing else.
    async with http.get(f"{base}/dashboard/") as response:
        index = await response.text()
        assert response.status == 200
    assert 'href="/dashboard/operations"' in index and "/dashboard/cohort/" not in index
    assert "5B Peercoaching" not in index
    assert "alleen hoe de bot werkt" in index

    async with http.get(f"{base}/dashboard/operations") as response:
        page = await response.text()
        assert response.status == 200
    assert re.search(r'data-ops="last_update">\d\d-\d\d-\d{4} \d\d:\d\d<', page), page
    assert re.search(r'data-ops="database">\d+\.\d MB<', page)
    for private in ("Sanne", "Bram", "Ilse", "Een zin die nergens", "5B Peercoaching"):
        assert private not in page

    # Every cohort page, its chart and CSV, the invite sheet and every form: refused.
    async with world.app.services.db.sessions() as session:
        found_cohort = await cohorts.cohort_by_name(session, name="5B Peercoaching")
    assert found_cohort is not None
    cohort_id = found_cohort.id
    csrf_found = re.search(r'name="csrf" value="([^"]+)"', index)
    assert csrf_found
    csrf = csrf_found.group(1)
    for tail in ("", "/activity.svg", "/export.csv", "/invites"):
        async with http.get(f"{base}/dashboard/cohort/{cohort_id}{tail}") as response:
            assert response.status == 403 and await refusal_of(response) == "not_yours", tail
    forms = {
        "/rounds/end": {"csrf": csrf, "round": "1", "ending": "keep"},
        "/rounds/next": {"csrf": csrf, "round": "1"},
        "/invites": {"csrf": csrf},
    }
    for tail, data in forms.items():
        async with http.post(f"{base}/dashboard/cohort/{cohort_id}{tail}", data=data) as response:
            assert response.status == 403 and await refusal_of(response) == "not_yours", tail
    async with world.app.services.db.sessions() as session:
        asked = await session.scalars(select(Timer.name).where(Timer.name.like("dashboard:%")))
        assert [name for name in asked.all() if not name.startswith("dashboard:digest")] == []

    # The printed link again: used up. An operations link past its ten minutes: expired.
    async with http.get(link) as response:
        assert response.status == 410 and await refusal_of(response) == "used"
    async with world.app.services.db.transaction() as session:
        old = await dashboard.create_link(
            session, user_id=None, scope=Scope.OPS, now=utcnow() - timedelta(minutes=11)
        )
    async with http.get(f"{base}/dashboard/signin?t={old}") as response:
        assert response.status == 410 and await refusal_of(response) == "expired"

    # Signing out needs the page's CSRF token, as for staff; then the cookie opens nothing.
    async with http.post(f"{base}/dashboard/signout", data={"csrf": csrf}) as response:
        assert response.status == 200
    async with http.get(f"{base}/dashboard/operations") as response:
        assert response.status == 401 and await refusal_of(response) == "no_session"

    assert "IT contact (operations only) signed in" in caplog.text
    assert token not in caplog.text and old not in caplog.text and morsel.value not in caplog.text
