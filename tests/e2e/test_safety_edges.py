"""The worry route at its edges: before joining, a confidant with two talks at once, and a
confidant who erases their data in the middle of a talk."""

from __future__ import annotations

from tgemulator import ScriptedUser

from flows.onboarding import Role
from tests.e2e.support.privacy import erase_in_telegram
from tests.e2e.support.world import World
from tests.e2e.test_safety_route import a_class, joins_as


async def asks_anna(student: ScriptedUser, anna: ScriptedUser) -> None:
    """/worried, about myself, let Anna know; Anna hears who would like to talk."""
    await student.send("/worried")
    await student.expect("Waar maak je je zorgen over?")
    await student.press("🙋 Over mezelf")
    await student.expect("Zal ik Anna laten weten dat je wilt praten?")
    await student.press("💬 Ja, laat Anna het weten")
    await student.expect("Anna weet nu dat je wilt praten")
    await anna.expect(f"{student.user.first_name} uit 5B Peercoaching wil graag met je praten")


async def test_before_joining_worried_shows_the_help_lines(world: World) -> None:
    stranger = world.person("Kim")
    await stranger.send("/worried")
    lines = await stranger.expect("113 Zelfmoordpreventie")
    assert "0800-0113" in (lines.text or "") and "/worried" in (lines.text or "")


async def test_a_confidant_answering_two_students_never_writes_to_the_wrong_one(
    world: World,
) -> None:
    sanne, bram, _ilse, _tom = await a_class(world)
    anna = await joins_as(world, "Anna", Role.CONFIDANT)
    await asks_anna(bram, anna)
    await anna.press("↩️ Antwoord Bram")
    await anna.expect("Wat je nu typt, gaat naar Bram")
    await asks_anna(sanne, anna)  # while Anna's line still leads to Bram
    await sanne.press("✍️ Schrijf Anna")
    await sanne.expect("Wat je nu typt, gaat naar Anna")
    await sanne.send("Mag ik morgen even langskomen?")
    await anna.expect("Sanne (5B Peercoaching): Mag ik morgen even langskomen?")
    # Sanne's message closed Anna's line to Bram: her next words reach nobody by mistake.
    await anna.send("Ja hoor, kom maar!")
    await anna.expect()
    await bram.expect_silence(0.5)
    await anna.press("↩️ Antwoord Sanne")
    await anna.expect("Wat je nu typt, gaat naar Sanne")
    await anna.send("Ja hoor, kom maar!")
    await anna.expect("✓ Doorgestuurd naar Sanne")
    await sanne.expect("Anna (vertrouwenspersoon): Ja hoor, kom maar!")


async def test_a_confidant_who_erases_closes_the_talk_and_the_student_hears_it(
    world: World,
) -> None:
    _sanne, bram, _ilse, _tom = await a_class(world)
    anna = await joins_as(world, "Anna", Role.CONFIDANT)
    await asks_anna(bram, anna)
    await bram.press("✍️ Schrijf Anna")
    await bram.expect("Wat je nu typt, gaat naar Anna")
    await erase_in_telegram(
        anna, ("Eerst even over privacy", "🗑 Wis mijn gegevens", "Ja, wis alles", "is gewist")
    )
    await bram.expect("Het gesprek met Anna is afgesloten")
