"""Pairing rounds from the dashboard: a coordinator ends the running round (the pairs hear it
kindly, once), then proposes the next one, which comes to Telegram to confirm; no repeats.
And the printable invitation sheet with a QR code per role."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator

import aiohttp
import pytest
from sqlalchemy import select
from tgemulator import EmuMessage, ScriptedUser

from bot.dashboard.invites import qr_svg
from flows.onboarding import Role
from storage import cohorts, people
from storage.models import Invite, Match
from tests.e2e.support.pairing import a_class, in_pool, matches_of
from tests.e2e.support.world import World, eventually

LINK = re.compile(r"(http://\S+/dashboard/signin\?t=[A-Za-z0-9_-]+)")
NAMES = ["Sanne", "Bram", "Noor", "Daan"]


@pytest.fixture
async def http() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as client:
        yield client


async def read_until(person: ScriptedUser, contains: str, *, limit: int = 12) -> EmuMessage:
    """The person's next bot message with this text, skipping others (generous waits)."""
    seen = []
    for _ in range(limit):
        message = await person.expect(timeout=30)
        if contains in (message.text or ""):
            return message
        seen.append(message.text)
    raise AssertionError(f"{person.user.first_name} never got {contains!r}; got {seen}")


async def signed_in(http: aiohttp.ClientSession, person: ScriptedUser) -> tuple[str, str]:
    """Sign in through /dashboard; the cohort page's address and its HTML."""
    await person.send("/dashboard")
    answer = await read_until(person, "dashboard")
    link = LINK.search(answer.text or "")
    assert link
    async with http.get(link.group(1)) as page:
        form = await page.text()
    fields = dict(re.findall(r'name="(t|csrf)" value="([^"]+)"', form))
    base = link.group(1).split("/dashboard/")[0]
    async with http.post(f"{base}/dashboard/signin", data=fields) as index:
        path = re.search(r'href="(/dashboard/cohort/\d+)"', await index.text())
    assert path
    url = base + path.group(1)
    async with http.get(url) as response:
        return url, await response.text()


def form_fields(page: str, action: str) -> dict[str, str]:
    """The hidden fields of the page's form that posts to this action."""
    form = page.split(f'action="{action}"', 1)[1].split("</form>", 1)[0]
    return dict(re.findall(r'type="hidden" name="(\w+)" value="([^"]*)"', form))


async def confirm_in_telegram(ilse: ScriptedUser, title: str) -> None:
    await read_until(ilse, title)
    await ilse.press("✅ Bevestigen")
    await read_until(ilse, "Bevestigd!")


async def test_end_the_round_and_start_the_next_from_the_page(
    world: World, http: aiohttp.ClientSession
) -> None:
    klas = await a_class(world, NAMES)
    for name in NAMES:
        await in_pool(world, klas[name])
    ilse = klas.coordinator
    await ilse.send("/pair")
    await confirm_in_telegram(ilse, "Voorstel ronde 1")
    first = {frozenset(m) for _, _, m in await matches_of(world)}
    assert len(first) == 2
    for name in NAMES:
        await read_until(klas[name], "Je coachingspartner")

    url, page = await signed_in(http, ilse)
    path = url.split("://", 1)[1].split("/", 1)[1]
    assert "Ronde 1 · " in page and "2 gemaakt: 0 afgerond, 0 gestopt, 2 lopen nog" in page
    end = form_fields(page, f"/{path}/rounds/end")
    assert end["round"] == "1" and end["csrf"]
    # The choice is explicit: two labelled radio buttons, neither chosen beforehand.
    for value in ("keep", "close"):
        assert f'type="radio" id="ending-{value}" name="ending" value="{value}" required>' in page
        assert f'<label for="ending-{value}">' in page
    assert "checked" not in page.split(f'action="/{path}/rounds/end"')[1].split("</form>")[0]
    assert "Koppels houden:" in page and "Trajecten afsluiten:" in page

    # Without a choice, with a made-up one, or without the page's CSRF token: nothing happens.
    for form in (end, {**end, "ending": "dissolve"}, {**end, "csrf": "forged", "ending": "close"}):
        async with http.post(f"{url}/rounds/end", data=form) as response:
            assert response.status == 403
    async with http.post(f"{url}/rounds/end", data={**end, "ending": "close"}) as response:
        assert response.status == 200 and "Gedaan: de koppels krijgen nu een bericht" in (
            await response.text()
        )
    for name in NAMES:
        told = await read_until(klas[name], "Je coördinator heeft deze coachingronde afgesloten")
        partner = next(
            n
            for n in NAMES
            if n != name and frozenset((klas[n].user.id, klas[name].user.id)) in first
        )
        assert partner in (told.text or "")
    summary = await read_until(ilse, "Ronde 1 van 5B Peercoaching is afgerond")
    assert "De trajecten van 2 koppels zijn afgesloten" in (summary.text or "")

    async def all_finished() -> bool:
        async with world.app.services.db.sessions() as session:
            rows = (await session.scalars(select(Match))).all()
        return all(m.status == "closed" and m.dissolved_reason is None for m in rows)

    await eventually(all_finished, seconds=30)

    # The same form again (a double click, a second tab): asked once, answered once.
    async with http.post(f"{url}/rounds/end", data={**end, "ending": "keep"}) as response:
        assert "Dat had je al gevraagd" in await response.text()
    for person in (ilse, *klas.students.values()):
        await person.expect_silence(2)

    # The next round: proposed from the page, confirmed in Telegram, with new partners only.
    async with http.get(url) as response:
        page = await response.text()
    assert "2 gemaakt: 2 afgerond, 0 gestopt, 0 lopen nog · trajecten afgesloten" in page
    nxt = form_fields(page, f"/{path}/rounds/next")
    async with http.post(f"{url}/rounds/next", data=nxt) as response:
        assert "Het voorstel voor de volgende ronde" in await response.text()
    await confirm_in_telegram(ilse, "Voorstel ronde 2")
    second = {frozenset(m) for _, status, m in await matches_of(world) if status == "active"}
    assert len(second) == 2 and not second & first
    async with http.get(url) as response:
        page = await response.text()
    assert "Ronde 2 · " in page and "2 gemaakt: 0 afgerond, 0 gestopt, 2 lopen nog" in page


async def test_a_teacher_sees_rounds_but_cannot_end_them(
    world: World, http: aiohttp.ClientSession
) -> None:
    klas = await a_class(world, NAMES[:2])
    tom = world.person("Tom")
    async with world.app.services.db.transaction() as session:
        cohort = await cohorts.cohort_by_name(session, name="5B Peercoaching")
        assert cohort is not None
        user = await people.get_or_create_user(
            session, user_id=tom.user.id, now=world.app.services.clock.now()
        )
        user.language = "nl"
        await people.accept_privacy(
            session, user=user, first_name="Tom", username=None, now=world.app.services.clock.now()
        )
        await cohorts.join_cohort(
            session,
            user_id=tom.user.id,
            cohort_id=cohort.id,
            role=Role.TEACHER,
            now=world.app.services.clock.now(),
        )
    del klas
    url, page = await signed_in(http, tom)
    assert "Alleen coördinatoren beëindigen en starten rondes." in page
    assert "/rounds/" not in page
    csrf = re.search(r'name="csrf" value="([^"]+)"', page)
    assert csrf
    form = {"csrf": csrf.group(1), "round": "0", "ending": "close"}
    for what in ("end", "next"):
        async with http.post(f"{url}/rounds/{what}", data=form) as response:
            assert response.status == 403
            assert 'data-refusal="not_yours"' in await response.text()
    async with http.get(f"{url}/invites") as response:
        assert response.status == 403  # invitations are the coordinators' to hand out


async def test_the_invitation_sheet_shows_a_qr_code_per_working_link(
    world: World, http: aiohttp.ClientSession
) -> None:
    klas = await a_class(world, ["Sanne"])
    ilse = klas.coordinator
    url, page = await signed_in(http, ilse)
    path = "/" + url.split("://", 1)[1].split("/", 1)[1]
    assert f'href="{path}/invites"' in page
    async with http.get(f"{url}/invites") as response:
        sheet = await response.text()
    # a_class makes no invites: nothing works yet, and the sheet offers to make them.
    roles = len(Role)  # students, teachers, coordinators and confidants
    assert sheet.count('data-role="') == roles and "<svg" not in sheet
    assert sheet.count("Er is nu geen werkende link voor deze rol.") == roles
    csrf = re.search(r'name="csrf" value="([^"]+)"', sheet)
    assert csrf
    async with http.post(f"{url}/invites", data={"csrf": "forged"}) as response:
        assert response.status == 403
    async with http.post(f"{url}/invites", data={"csrf": csrf.group(1)}) as response:
        sheet = await response.text()
    links = re.findall(r'<a href="(https://t\.me/[^"]+)"', sheet)
    assert len(links) == roles and sheet.count("<svg") == roles
    async with world.app.services.db.sessions() as session:
        stored = {i.code for i in (await session.scalars(select(Invite))).all()}
    assert {link.rsplit("=", 1)[1] for link in links} == stored
    # Each QR code is the code of its link (drawn again here the same way).
    for link in links:
        assert qr_svg(link) in sheet
    assert "Nieuwe links maken" not in sheet  # every role has a working link now

    # A teacher link works once: used, its card says so and a new one can be made.
    async with world.app.services.db.transaction() as session:
        for invite in (await session.scalars(select(Invite))).all():
            if invite.role is Role.TEACHER:
                invite.uses = 1
    async with http.get(f"{url}/invites") as response:
        sheet = await response.text()
    assert sheet.count("<svg") == roles - 1 and "Nieuwe links maken" in sheet
