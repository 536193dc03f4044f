"""Joining a cohort end to end: invite links, language, consent, welcome and help per role."""

from __future__ import annotations

from sqlalchemy import select

from flows.onboarding import Role
from storage.models import Membership, User
from tests.e2e.support.world import World


async def test_student_joins_in_dutch(world: World) -> None:
    codes = await world.cohort("5B Peercoaching")
    sanne = world.person("Sanne", language_code="nl")

    await sanne.send(f"/start {codes[Role.STUDENT]}")
    choose = await sanne.expect("In welke taal")
    assert sanne.buttons(choose) == ["🇳🇱 Nederlands", "🇬🇧 English"]

    await sanne.press("🇳🇱 Nederlands")
    await sanne.expect("we praten Nederlands")
    notice = await sanne.expect("Wie wat ziet")
    assert "nooit wat je schrijft" in notice.text
    async with world.app.services.db.sessions() as session:
        user = await session.get(User, sanne.user.id)
        assert user is not None and user.first_name is None  # nothing personal before consent

    await sanne.press("Oké, en ik ben 16 of ouder 👍")
    welcome = await sanne.expect("Welkom bij")
    assert "5B Peercoaching" in welcome.text and "Sanne" in welcome.text
    assert "leerling" in welcome.text

    await sanne.send("/help")
    help_text = await sanne.expect("Wat kun je hier doen?")
    assert "5B Peercoaching (leerling)" in help_text.text
    assert "/newcohort" not in help_text.text

    async with world.app.services.db.sessions() as session:
        member = (await session.scalars(select(Membership))).one()
        assert (member.user_id, member.role) == (sanne.user.id, Role.STUDENT)


async def test_english_is_preselected_and_teacher_help_fits_the_role(world: World) -> None:
    codes = await world.cohort("Year 10")
    tom = world.person("Tom", language_code="en-GB")

    await tom.send(f"/start {codes[Role.TEACHER]}")
    choose = await tom.expect("Which language")
    assert tom.buttons(choose)[0] == "🇬🇧 English"
    await tom.press("🇬🇧 English")
    await tom.expect("we'll talk in English")
    await tom.expect("What you see of students")
    await tom.press("Okay, let's go 👍")
    welcome = await tom.expect("Welcome to")
    assert "as a teacher" in welcome.text

    await tom.send("/help")
    assert "Year 10 (teacher)" in (await tom.expect("What can you do here?")).text


async def test_bad_links_are_explained(world: World) -> None:
    codes = await world.cohort()
    lena = world.person("Lena")

    await lena.send("/start")
    await lena.expect("uitnodigingslink nodig")
    await lena.send("/start nonsense-code")
    await lena.expect("herken ik niet")

    teacher_code = codes[Role.TEACHER]
    first = world.person("Juf Ans")
    await world.join(first, teacher_code)
    await lena.send(f"/start {teacher_code}")
    await lena.expect("al gebruikt")

    async with world.app.services.db.sessions() as session:
        assert await session.get(User, lena.user.id) is None  # refused links store nothing


async def test_declining_the_notice_keeps_nothing(world: World) -> None:
    codes = await world.cohort()
    noor = world.person("Noor")
    await noor.send(f"/start {codes[Role.STUDENT]}")
    await noor.expect()
    await noor.press("🇳🇱 Nederlands")
    await noor.expect()
    await noor.expect("Is dat oké voor jou?")
    await noor.press("Liever niet")
    await noor.expect("niets over je bewaard")
    async with world.app.services.db.sessions() as session:
        assert await session.get(User, noor.user.id) is None


async def test_coordinator_creates_a_cohort_in_telegram(world: World) -> None:
    codes = await world.cohort("Coaching 2026")
    ilse = world.person("Ilse")
    await world.join(ilse, codes[Role.COORDINATOR])

    await ilse.send("/newcohort")
    await ilse.expect("Geef de nieuwe groep een naam")
    await ilse.send("/newcohort 6A Mentoraat")
    await ilse.expect("staat klaar")
    links = await ilse.expect("Voor leerlingen")
    assert links.text.count(f"https://t.me/{world.app.services.bot_username}?start=") == 4
    await ilse.send("/newcohort 6A Mentoraat")
    await ilse.expect("Er is al een groep")

    student_link = links.text.split("?start=")[1].split()[0]
    bram = world.person("Bram")
    await world.join(bram, student_link)
    await bram.send("/help")
    assert "6A Mentoraat (leerling)" in (await bram.expect()).text


async def test_students_cannot_create_cohorts(world: World) -> None:
    codes = await world.cohort()
    kim = world.person("Kim")
    await world.join(kim, codes[Role.STUDENT])
    await kim.send("/newcohort Mijn eigen groep")
    await kim.expect("Alleen coördinatoren")
