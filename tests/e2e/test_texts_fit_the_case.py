"""Every person gets the one text that fits their case: a young student waiting for a parent
(and one whose parent already said yes), staff joining (their own privacy notice), and a few
refusals and examples that must name the real problem (/cohorttime, /enddate, /newcohort)."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from tgemulator import ScriptedUser

from bot.clock import FakeClock
from flows.onboarding import Role
from tests.e2e.support.world import World

WAIT = 20.0  # the machine is shared: generous, never asserted
SIXTH_OF_DECEMBER = datetime(2026, 12, 6, 9, 0, tzinfo=UTC)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(SIXTH_OF_DECEMBER)


async def waiting_student(world: World, name: str, code: str) -> tuple[ScriptedUser, str]:
    """A student under 16 joins a parent-confirms cohort and gets the link for a parent."""
    student = world.person(name)
    await student.send(f"/start {code}")
    await student.expect("In welke taal", timeout=WAIT)
    await student.press("🇳🇱 Nederlands")
    await student.expect("we praten Nederlands", timeout=WAIT)
    await student.expect("privacy", timeout=WAIT)
    await student.press("Oké, en ik ben jonger dan 16")
    asked = await student.expect("Stuur deze link naar je ouder", timeout=WAIT)
    found = re.search(r"https://t\.me/\S+\?start=parent-[\w-]+", asked.text or "")
    assert found is not None
    return student, found.group(0)


def waiting_text(link: str) -> str:
    return (
        "Je wacht nog op het ja van je ouder voor 5B Peercoaching. ⏳ Daarna kun je echt "
        "beginnen, met /pool en de rest.\n\n"
        f"Stuur je ouder deze link gerust nog een keer:\n{link}\n\n"
        "Met /privacy lees je wat ik bewaar: bijna niets. Toch liever niet? "
        "Tik hieronder, dan vergeet ik je."
    )


PARENT_SAID_YES = (
    "Je ouder zei al ja! 🎉 Tik op ‘Verder met aanmelden’ om je aanmelding af te ronden. "
    "Daarna werkt alles, ook /pool."
)


async def test_a_waiting_student_hears_that_he_waits_and_then_that_his_parent_said_yes(
    world: World,
) -> None:
    codes = await world.cohort()
    cees, link = await waiting_student(world, "Cees", codes[Role.STUDENT])

    # Waiting: /pool, /help and plain text all get the one waiting answer, with the link.
    for asked in ("/pool", "/help", "hallo?"):
        await cees.send(asked)
        answer = await cees.expect(timeout=WAIT)
        assert answer.text == waiting_text(link), asked
        assert cees.buttons(answer) == ["Toch niet, vergeet me"]
        await cees.expect_silence(0.5)

    # The parent agrees; Cees has not tapped "Verder met aanmelden" yet.
    mum = world.person("Marieke")
    await mum.send(f"/start {link.split('start=')[1]}")
    await mum.expect("Uw kind wil meedoen", timeout=WAIT)
    await mum.press("✅ Ik ga akkoord")
    await mum.expect("Dank u wel", timeout=WAIT)
    await cees.expect("je ouder zei ja", timeout=WAIT)

    for asked in ("/help", "/pool", "/start"):
        await cees.send(asked)
        answer = await cees.expect(timeout=WAIT)
        assert answer.text == PARENT_SAID_YES, asked
        assert cees.buttons(answer) == ["Verder met aanmelden"]
        await cees.expect_silence(0.5)

    await cees.press("Verder met aanmelden")
    welcome = await cees.expect("Welkom bij", timeout=WAIT)
    assert "Cees" in (welcome.text or "")


async def test_a_parent_who_withdraws_before_the_student_finished_is_named(
    world: World,
) -> None:
    codes = await world.cohort()
    cees, link = await waiting_student(world, "Cees", codes[Role.STUDENT])
    dad = world.person("Karel")
    code = link.split("start=")[1]
    await dad.send(f"/start {code}")
    await dad.expect("Uw kind wil meedoen", timeout=WAIT)
    await dad.press("✅ Ik ga akkoord")
    await dad.expect("Dank u wel", timeout=WAIT)
    await cees.expect("je ouder zei ja", timeout=WAIT)
    await dad.send(f"/start {code}")
    await dad.expect("U gaf eerder toestemming", timeout=WAIT)
    await dad.press("Toestemming intrekken")
    await dad.expect("Uw toestemming is ingetrokken", timeout=WAIT)
    cees.skip_unread()

    await cees.send("/pool")
    answer = await cees.expect(timeout=WAIT)
    assert answer.text == (
        "Je ouder heeft de toestemming toch weer ingetrokken, dus meedoen kan nu niet. "
        "Praat er samen over: zegt je ouder via dezelfde link opnieuw ja, dan hoor je het "
        "meteen van mij."
    )
    await cees.expect_silence(0.5)
    await cees.press("Verder met aanmelden")  # the button from before the withdrawal
    await cees.expect_callback_answer(timeout=WAIT)
    await cees.expect_silence(0.5)


TEACHER_NOTICE = (
    "Eerst even over privacy 🔒\n\n"
    "Wat ik over jou bewaar: je Telegram-nummer, je voornaam, je taal, je groepen en je rol "
    "daarin.\n\n"
    "Wat je van leerlingen ziet: hoe ver ze zijn (stap, data, aantallen). Nooit wat ze met "
    "hun coachingspartner schrijven, tenzij een leerling dat zelf met je deelt.\n\n"
    "Stoppen: met /privacy download je je gegevens of laat je alles wissen.\n\n"
    "Is dat oké voor jou?"
)
COORDINATOR_NOTICE = (
    "First, a word about privacy 🔒\n\n"
    "What I keep about you: your Telegram number, your first name, your language, your groups "
    "and your role in them.\n\n"
    "What you see of students: who takes part, who is paired with whom and how far they are "
    "(step, dates, counts). Never what they write to each other, unless a student shares it "
    "with you.\n\n"
    "Stopping: with /privacy you download your data or have it all erased.\n\n"
    "Is that okay with you?"
)
CONFIDANT_NOTICE = (
    "Eerst even over privacy 🔒\n\n"
    "Wat ik over jou bewaar: je Telegram-nummer, je voornaam, je taal, je groepen en je rol "
    "daarin.\n\n"
    "Wat je van leerlingen ziet: alleen wie met je wil praten, uit welke groep en wanneer. "
    "Wat jullie elkaar schrijven, geef ik door en bewaar ik niet.\n\n"
    "Stoppen: met /privacy download je je gegevens of laat je alles wissen.\n\n"
    "Is dat oké voor jou?"
)


async def notice_for(person: ScriptedUser, code: str, language: str) -> str:
    await person.send(f"/start {code}")
    await person.expect(timeout=WAIT)
    await person.press(language)
    await person.expect(timeout=WAIT)
    notice = await person.expect(timeout=WAIT)
    return notice.text or ""


async def test_staff_get_a_privacy_notice_for_their_role(world: World) -> None:
    codes = await world.cohort()
    tom = world.person("Tom")
    assert await notice_for(tom, codes[Role.TEACHER], "🇳🇱 Nederlands") == TEACHER_NOTICE
    ilse = world.person("Ilse", language_code="en")
    assert await notice_for(ilse, codes[Role.COORDINATOR], "🇬🇧 English") == COORDINATOR_NOTICE
    await ilse.press("Okay, let's go 👍")
    await ilse.expect("Welcome to", timeout=WAIT)
    await ilse.send("/privacy")
    again = await ilse.expect(timeout=WAIT)
    assert again.text == COORDINATOR_NOTICE.removesuffix("\n\nIs that okay with you?")
    vera = world.person("Vera")
    assert await notice_for(vera, codes[Role.CONFIDANT], "🇳🇱 Nederlands") == CONFIDANT_NOTICE


async def test_refusals_and_examples_name_the_real_problem(world: World) -> None:
    codes = await world.cohort()
    ilse, sanne = world.person("Ilse"), world.person("Sanne")
    await world.join(ilse, codes[Role.COORDINATOR])
    await world.join(sanne, codes[Role.STUDENT])
    sanne.skip_unread()
    ilse.skip_unread()

    await sanne.send("/cohorttime Europe/Amsterdam")
    refused = await sanne.expect(timeout=WAIT)
    assert refused.text == (
        "Alleen coördinatoren stellen de tijdzone en de stille uren van een groep in. "
        "Vraag het gerust aan je coördinator."
    )

    await ilse.send("/enddate")
    usage = await ilse.expect(timeout=WAIT)
    assert usage.text == (
        "Stuur /enddate met de laatste dag van je groep, bijvoorbeeld /enddate 30-06-2027."
    )

    await ilse.send("/newcohort 6C Other <b>class</b> & co")
    rejected = await ilse.expect(timeout=WAIT)
    assert rejected.text == (
        "Deze tekens kunnen niet in een groepsnaam: < > /. Letters, cijfers, spaties en "
        ". ' & ( ) - mogen wel. Probeer je het nog eens?"
    )
    await ilse.send("/newcohort 6C Other class & co")
    await ilse.expect("6C Other class & co", timeout=WAIT)
