"""Issue 13, staff see metadata only: /progress and the dashboard's cohort page count how often
the worry route was opened in the cohort, a number with no names, and nothing else of it."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator

import aiohttp
import pytest

from flows.onboarding import Role
from storage import cohorts
from storage.models import utcnow
from tests.e2e.support.trajectory import greeted, pair_up
from tests.e2e.support.world import World
from tests.e2e.test_dashboard import sign_in, sign_in_link

WAIT = 30.0


@pytest.fixture
async def http() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as client:
        yield client


async def test_staff_see_how_often_the_route_was_opened_never_by_whom(
    world: World, http: aiohttp.ClientSession
) -> None:
    (sanne, bram), ilse, _ = await pair_up(world, ["Sanne", "Bram"])
    assert ilse is not None
    async with world.app.services.db.transaction() as session:
        found = await cohorts.cohort_by_name(session, name="5B Peercoaching")
        assert found is not None
        invite = await cohorts.create_invite(
            session, cohort_id=found.id, role=Role.TEACHER, now=utcnow()
        )
    tom = world.person("Tom")
    await world.join(tom, invite.code)
    tom.skip_unread()
    await greeted(sanne, bram)

    await tom.send("/progress")
    before = await tom.expect("5B Peercoaching", timeout=WAIT)
    assert "Zorgroute" not in (before.text or "")  # nothing opened yet, nothing said

    for _ in range(2):  # a student who opens the route twice counts twice: nobody is kept
        await sanne.send("/worried")
        await sanne.expect("Hier kun je nu meteen terecht", timeout=WAIT)
    await bram.send("/worried")
    await bram.expect("Hier kun je nu meteen terecht", timeout=WAIT)

    await tom.send("/progress")
    after = await tom.expect("5B Peercoaching", timeout=WAIT)
    line = next(li for li in (after.text or "").splitlines() if "Zorgroute" in li)
    assert "3 keer" in line and "Sanne" not in line and "Bram" not in line

    ilse.skip_unread()
    link = await sign_in_link(world, ilse)
    assert (await sign_in(http, link)).status == 303
    base = link.split("/dashboard/")[0]
    async with http.get(f"{base}/dashboard/") as response:
        index = await response.text()
    path = re.search(r'href="(/dashboard/cohort/\d+)"', index)
    assert path is not None
    async with http.get(f"{base}{path.group(1)}") as response:
        page = await response.text()
    section = page.split('<section aria-labelledby="worries">')[1].split("</section>")[0]
    assert 'data-worries="3"' in section
    assert "Sanne" not in section and "Bram" not in section
    await tom.expect_silence(0.3)  # the teacher was told nothing when it happened
