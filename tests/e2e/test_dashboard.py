"""The staff dashboard through the real bot: /dashboard, the sign-in link with an HTTP client,
the refusals, the cookie and the headers; the numbers on the page against the database."""

from __future__ import annotations

import logging
import re
from collections.abc import AsyncIterator
from datetime import timedelta
from http.cookies import SimpleCookie

import aiohttp
import pytest
from sqlalchemy import select

from flows.onboarding import Role
from storage import cohorts, dashboard
from storage.dashboard_models import DashboardLink, DashboardSession
from storage.models import utcnow
from tests.e2e.support.pairing import a_class, in_pool
from tests.e2e.support.world import World, running_world

LINK = re.compile(r"(http://\S+/dashboard/signin\?t=[A-Za-z0-9_-]+)")


@pytest.fixture
async def http() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as client:
        yield client


async def sign_in_link(world: World, person: object) -> str:
    """Send /dashboard as this person and read the link from the bot's answer."""
    await person.send("/dashboard")  # type: ignore[attr-defined]
    answer = await person.expect("dashboard", timeout=30)  # type: ignore[attr-defined]
    found = LINK.search(answer.text or "")
    assert found, answer.text
    return found.group(1)


async def sign_in(http: aiohttp.ClientSession, link: str) -> aiohttp.ClientResponse:
    """Open the link, then press the page's sign-in button, as a browser does."""
    async with http.get(link) as page:
        assert page.status == 200, await page.text()
        form = await page.text()
    csrf = re.search(r'name="csrf" value="([^"]+)"', form)
    token = re.search(r'name="t" value="([^"]+)"', form)
    assert csrf and token
    base = link.split("/dashboard/")[0]
    async with http.post(
        f"{base}/dashboard/signin",
        data={"t": token.group(1), "csrf": csrf.group(1)},
        allow_redirects=False,
    ) as response:
        await response.read()
        return response


async def refusal_of(response: aiohttp.ClientResponse) -> str | None:
    found = re.search(r'data-refusal="(\w+)"', await response.text())
    return found.group(1) if found else None


async def test_sign_in_once_and_every_refusal(
    world: World, http: aiohttp.ClientSession, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    group = await a_class(world, ["Sanne", "Bram"], coordinator="Ilse")
    await in_pool(world, group["Sanne"])
    other = await world.cohort("6A Elders")  # a cohort Ilse has nothing to do with
    del other

    # A student gets a friendly no and no link.
    await group["Bram"].send("/dashboard")
    refused = await group["Bram"].expect("docenten en coördinatoren", timeout=30)
    assert "http" not in (refused.text or "")

    link = await sign_in_link(world, group.coordinator)
    token = link.rsplit("=", 1)[1]
    base = link.split("/dashboard/")[0]

    # Before signing in: no session.
    async with http.get(f"{base}/dashboard/") as response:
        assert response.status == 401 and await refusal_of(response) == "no_session"

    signed = await sign_in(http, link)
    assert signed.status == 303 and signed.headers["Location"] == "/dashboard/"
    cookie = next(v for v in signed.headers.getall("Set-Cookie") if v.startswith("pc_dashboard="))
    morsel = SimpleCookie(cookie)["pc_dashboard"]
    assert morsel["httponly"] and morsel["samesite"] == "Strict" and not morsel["secure"]
    assert morsel["path"] == "/dashboard"
    # Only a hash of the link and of the cookie is stored.
    async with world.app.services.db.sessions() as session:
        assert await dashboard.session_user(session, token=morsel.value, now=utcnow())
        links = await session.scalars(select(DashboardLink.token_hash))
        sessions = await session.scalars(select(DashboardSession.token_hash))
        hashes = {*links.all(), *sessions.all()}
    assert token not in hashes and morsel.value not in hashes and len(hashes) == 2

    async with http.get(f"{base}/dashboard/") as response:
        index = await response.text()
        assert response.status == 200
        assert "default-src 'none'" in response.headers["Content-Security-Policy"]
        assert response.headers["X-Frame-Options"] == "DENY"
    assert "5B Peercoaching" in index and "6A Elders" not in index
    cohort_path = re.search(r'href="(/dashboard/cohort/\d+)"', index)
    assert cohort_path
    async with http.get(f"{base}{cohort_path.group(1)}") as response:
        page = await response.text()
        assert response.status == 200
    assert re.search(r'data-funnel="joined">2<', page)
    assert re.search(r'data-funnel="in_pool">1<', page)
    assert "Sanne" in page  # waiting for a partner

    # The same link again, in this browser or forwarded to another: used up.
    async with http.get(link) as response:
        assert response.status == 410 and await refusal_of(response) == "used"
    async with aiohttp.ClientSession() as forwarded:
        jar = {"pc_signin": "x" * 32}
        async with forwarded.post(
            f"{base}/dashboard/signin", data={"t": token, "csrf": "x" * 32}, cookies=jar
        ) as response:
            assert response.status == 410 and await refusal_of(response) == "used"
        async with forwarded.get(f"{base}{cohort_path.group(1)}") as response:
            assert response.status == 401  # no session came with the forwarded link

    # A forged link, and one past its ten minutes.
    async with http.get(f"{base}/dashboard/signin?t=not-a-real-token") as response:
        assert response.status == 403 and await refusal_of(response) == "unknown"
    async with world.app.services.db.transaction() as session:
        old = await dashboard.create_link(
            session, user_id=group.coordinator.user.id, now=utcnow() - timedelta(minutes=11)
        )
    async with http.get(f"{base}/dashboard/signin?t={old}") as response:
        assert response.status == 410 and await refusal_of(response) == "expired"

    # Another cohort's page, even its chart and CSV.
    async with world.app.services.db.sessions() as session:
        elders = await cohorts.cohort_by_name(session, name="6A Elders")
    assert elders is not None
    for tail in ("", "/activity.svg", "/export.csv"):
        async with http.get(f"{base}/dashboard/cohort/{elders.id}{tail}") as response:
            assert response.status == 403 and await refusal_of(response) == "not_yours"

    # Signing out needs the page's CSRF token; afterwards the cookie opens nothing.
    async with http.post(f"{base}/dashboard/signout", data={"csrf": "wrong"}) as response:
        assert response.status == 403 and await refusal_of(response) == "form"
    csrf = re.search(r'name="csrf" value="([^"]+)"', index)
    assert csrf
    async with http.post(f"{base}/dashboard/signout", data={"csrf": csrf.group(1)}) as response:
        assert response.status == 200
    async with http.get(f"{base}/dashboard/") as response:
        assert response.status == 401

    # The log names refusals, never a token.
    assert "expired" in caplog.text and "not_yours" in caplog.text
    assert token not in caplog.text and old not in caplog.text


async def test_a_teacher_signs_in_in_english_but_sees_no_operations(
    world: World, http: aiohttp.ClientSession
) -> None:
    codes = await world.cohort("3C Mentoraat")
    teacher = world.person("Tom", language_code="en")
    await world.join(teacher, codes[Role.TEACHER], language="English")
    teacher.skip_unread()
    link = await sign_in_link(world, teacher)
    assert (await sign_in(http, link)).status == 303
    base = link.split("/dashboard/")[0]
    async with http.get(base + "/dashboard/") as response:
        index = await response.text()
    assert '<html lang="en">' in index and "Your groups" in index and "3C Mentoraat" in index
    assert "/dashboard/operations" not in index
    async with http.get(base + "/dashboard/operations") as response:
        assert response.status == 403


async def test_the_operations_view_has_numbers_and_no_people(
    world: World, http: aiohttp.ClientSession
) -> None:
    group = await a_class(world, ["Sanne"], coordinator="Ilse")
    await group["Sanne"].send("Een zin die nergens anders hoort")
    await group["Sanne"].expect(timeout=30)
    link = await sign_in_link(world, group.coordinator)
    await sign_in(http, link)
    base = link.split("/dashboard/")[0]
    async with http.get(base + "/dashboard/") as response:
        assert 'href="/dashboard/operations"' in await response.text()
    async with http.get(base + "/dashboard/operations") as response:
        page = await response.text()
        assert response.status == 200
    assert re.search(r'data-ops="last_update">\d\d-\d\d-\d{4} \d\d:\d\d<', page), page
    assert re.search(r'data-ops="database">\d+\.\d MB<', page)
    assert "Geen fouten in de laatste 24 uur." in page
    for private in ("Sanne", "Ilse", "Een zin die nergens"):
        assert private not in page


async def test_behind_https_the_link_uses_the_public_address_and_the_cookie_is_secure(
    database_url: str,
) -> None:
    async with running_world(database_url, dashboard_url="https://dash.school.nl/") as world:
        group = await a_class(world, ["Sanne"], coordinator="Ilse")
        await group.coordinator.send("/dashboard")
        answer = await group.coordinator.expect("dashboard", timeout=30)
        found = re.search(
            r"https://dash\.school\.nl(/dashboard/signin\?t=[\w-]+)", answer.text or ""
        )
        assert found, answer.text
        # The proxy in front would pass this on; here the test goes to the server itself.
        local = world.app.services.web_url + found.group(1)
        # A client keeps Secure cookies for https only, so this one hands the cookie back itself.
        async with aiohttp.ClientSession() as http:
            async with http.get(local) as page:
                form = await page.text()
                pre = SimpleCookie(page.headers["Set-Cookie"])["pc_signin"]
            assert pre["secure"] and pre["httponly"] and pre["samesite"] == "Strict"
            fields = dict(re.findall(r'name="(t|csrf)" value="([^"]+)"', form))
            async with http.post(
                local.split("?")[0],
                data=fields,
                headers={"Cookie": f"pc_signin={pre.value}"},
                allow_redirects=False,
            ) as signed:
                assert signed.status == 303
                cookie = next(
                    v for v in signed.headers.getall("Set-Cookie") if "pc_dashboard=" in v
                )
        morsel = SimpleCookie(cookie)["pc_dashboard"]
        assert morsel["secure"] and morsel["httponly"] and morsel["samesite"] == "Strict"
