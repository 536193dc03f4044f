"""A practice conversation with a scripted coachee from start to end (Dutch), one stopped halfway
(English), the teacher who sees only who practised, and a class that practises before pairing."""

from __future__ import annotations

from tgemulator import ScriptedUser

from flows.onboarding import Role
from storage import cohorts, people
from storage.models import utcnow
from tests.e2e.support.world import World


async def _class(world: World) -> tuple[ScriptedUser, ScriptedUser, ScriptedUser]:
    """A teacher and two students of one class, stored as joined (joining is tested elsewhere)."""
    mila, sanne = world.person("Mila"), world.person("Sanne")
    liam = world.person("Liam", language_code="en")
    now = utcnow()
    async with world.app.services.db.transaction() as session:
        cohort = await cohorts.create_cohort(
            session, name="5B Peercoaching", created_by=None, now=now
        )
        for person, role, language in (
            (mila, Role.TEACHER, "nl"),
            (sanne, Role.STUDENT, "nl"),
            (liam, Role.STUDENT, "en"),
        ):
            user = await people.get_or_create_user(session, user_id=person.user.id, now=now)
            user.language = language
            await people.accept_privacy(
                session, user=user, first_name=person.user.first_name, username=None, now=now
            )
            await cohorts.join_cohort(
                session, user_id=user.id, cohort_id=cohort.id, role=role, now=now
            )
    return mila, sanne, liam


async def test_a_coach_practises_all_steps_and_the_teacher_sees_a_tick(world: World) -> None:
    mila, sanne, liam = await _class(world)

    await sanne.send("/practice")
    intro = await sanne.expect("Oefenen met coachen", timeout=30)
    assert sanne.buttons(intro) == [
        "📚 Toetsstress · Noa (15)",
        "⚽ Een sportdoel · Sem (14)",
        "🏫 Nieuw in de klas · Lina (13)",
    ]
    await sanne.press("📚 Toetsstress · Noa (15)")
    await sanne.expect("Je oefent met Noa (15). Noa zit in de vierde klas.", timeout=30)
    card = await sanne.expect("Oefengesprek · Kennismaken (stap 1 van 4)", timeout=30)
    assert sanne.buttons(card) == [
        "💬 Stel deze vraag",
        "🔄 Andere vraag",
        "⏭ Volgende stap",
        "⏹ Stoppen met oefenen",
    ]
    sanne.skip_unread()
    await sanne.press("💬 Stel deze vraag")
    reply = await sanne.expect("Noa: Hoi! Ik ben wel een beetje zenuwachtig", timeout=30)
    assert (reply.text or "").startswith("💬 ")  # the question asked, above the answer
    await sanne.expect("Kennismaken (stap 1 van 4)", timeout=30)
    # A second tap on the card that was answered already changes nothing.
    world.emulator.press_button(
        sanne.user, card.message_id, chat=sanne.chat, label="💬 Stel deze vraag"
    )
    await sanne.expect_callback_answer(timeout=30)
    await sanne.expect_callback_answer("Dat is al geregeld", timeout=30)
    await sanne.expect_silence(0.5)
    # Typing instead of tapping: a kind pointer to the buttons, and the card again.
    await sanne.send("Hoe gaat het met je?")
    await sanne.expect("stel je vragen met de knoppen", timeout=30)
    await sanne.expect("Kennismaken (stap 1 van 4)", timeout=30)

    await sanne.press("⏭ Volgende stap")
    await sanne.expect("Je doel (stap 2 van 4)", timeout=30)
    for answer in ("zonder dat mijn hoofd leeg wordt", "Nu zou ik mezelf een 4 geven", "Bij een 6"):
        await sanne.press("💬 Stel deze vraag")
        await sanne.expect(answer, timeout=30)
        if answer == "Bij een 6":
            await sanne.expect("Noa heeft in deze stap alles verteld", timeout=30)
        await sanne.expect("Je doel (stap 2 van 4)", timeout=30)
    await sanne.press("⏭ Volgende stap")
    await sanne.expect("De route (stap 3 van 4)", timeout=30)
    await sanne.press("🔄 Andere vraag")
    await sanne.expect("De route (stap 3 van 4)", timeout=30)
    await sanne.press("⏭ Volgende stap")
    closing = await sanne.expect("Afronden (stap 4 van 4)", timeout=30)
    assert "🏁 Oefening afronden" in sanne.buttons(closing)
    await sanne.press("🏁 Oefening afronden")
    await sanne.expect("Goed geoefend!", timeout=30)

    # Liam practises in English but stops halfway: no tick for him.
    await liam.send("/practice")
    await liam.expect("Practise coaching", timeout=30)
    await liam.press("🏫 New in class · Lina (13)")
    await liam.expect("You're practising with Lina (13).", timeout=30)
    await liam.expect("Practice · Getting to know each other (step 1 of 4)", timeout=30)
    await liam.press("💬 Ask this question")
    await liam.expect("Lina: Hi. I'm Lina.", timeout=30)
    await liam.expect("(step 1 of 4)", timeout=30)
    await liam.press("⏹ Stop practising")
    await liam.expect("You've stopped practising.", timeout=30)

    await mila.send("/progress")
    overview = await mila.expect("Voortgang in 5B Peercoaching", timeout=30)
    text = overview.text or ""
    assert "🎓 Geoefend (1): Sanne" in text
    assert "Liam" not in text and "Noa" not in text and "zenuwachtig" not in text
    await mila.send("/practice")
    await mila.expect("Oefenen is voor leerlingen", timeout=30)

    # Mila asks her class to practise before pairing: Liam must practise first, Sanne may join.
    await mila.press("🎓 Eerst oefenen, dan koppelen")
    ruled = await mila.expect_edit("Eerst oefenen staat aan", timeout=30)
    assert "🎓 Oefenen niet meer verplicht" in mila.buttons(ruled)
    await liam.send("/pool")
    await liam.expect("5B Peercoaching", timeout=30)
    await liam.press("🙋 Count me in")
    await liam.expect("Your class practises a little before you're paired.", timeout=30)
    await sanne.send("/pool")
    await sanne.expect("5B Peercoaching", timeout=30)
    await sanne.press("🙋 Ik doe mee")
    await sanne.expect("Voordat je gekoppeld wordt: onze belofte", timeout=30)  # issue 13
    await sanne.press("🤝 Ik beloof het")
    await sanne.expect("Dank je voor je belofte", timeout=30)
    await sanne.expect("Fijn dat je meedoet in 5B Peercoaching!", timeout=30)
    # Turned off again, Liam may join without a practice.
    await mila.press("🎓 Oefenen niet meer verplicht")
    await mila.expect_edit("Voortgang in 5B Peercoaching", timeout=30)
    await liam.press("🙋 Count me in")
    await liam.expect("Before you're paired: our promise", timeout=30)  # issue 13
    await liam.press("🤝 I promise")
    await liam.expect("Thanks for your promise", timeout=30)
    await liam.expect("Great to have you in 5B Peercoaching!", timeout=30)
