"""Rooms when things do not go to plan: refusals, silence, people leaving, stickers."""

from __future__ import annotations

from tgemulator import ScriptedUser

from flows.onboarding import Role
from tests.e2e.support.conversation import read_until
from tests.e2e.support.rooms import (
    classroom,
    open_incident_room,
    reply_with_sticker,
    running_incident,
)


async def test_only_the_cohorts_teachers_set_up_and_only_one_room_at_a_time(
    database_url: str,
) -> None:
    async with classroom(database_url) as room:
        world = room.world
        startgroup = f"https://t.me/{world.app.services.bot_username}?startgroup=room"
        await room.teacher.send("/help")
        assert startgroup in ((await room.teacher.expect("Wat kun je hier doen?")).text or "")
        await room.teacher.send("/room")
        assert startgroup in ((await room.teacher.expect("Groepssessies lopen")).text or "")
        await room.member("Bo").send("/room")
        await room.said("Een groepssessie starten kan alleen een docent.")

        # Kim is in the class group but never joined PeerCoach.
        kim = world.person("Kim")
        world.emulator.user_joins_group(room.group, kim.user)
        room.in_group["Kim"] = ScriptedUser(world.emulator, kim.user, room.group)
        await open_incident_room(room)
        await room.press("Kim", "🙋 Ik doe mee")
        hint = await room.said("Kim, doe je mee? Open dan eerst een privégesprek met mij")
        assert f"https://t.me/{world.app.services.bot_username}" in (hint.text or "")

        await room.member("teacher").send("/room")
        refusal = await room.said("In deze groep loopt al een sessie (Incidentmethode).")
        assert "Mila kan die afsluiten met de knop ‘Afsluiten’" in (refusal.text or "")

        # A teacher of another class cannot take over this group.
        other = await world.cohort("Klas 5A")
        joost = world.person("Joost")
        await world.join(joost, other[Role.TEACHER])
        world.emulator.user_joins_group(room.group, joost.user)
        room.in_group["Joost"] = ScriptedUser(world.emulator, joost.user, room.group)
        await room.member("Joost").send("/room")
        await room.said("Deze groep hoort bij Klas 4B. Alleen de docenten van die klas")


async def test_a_students_tap_on_the_teachers_card_leaves_it_working(database_url: str) -> None:
    async with classroom(database_url) as room:
        await room.member("teacher").send("/room")
        await room.said("Welke werkvorm")
        await room.press("Bo", "Incidentmethode")
        await room.member("Bo").expect_callback_answer("Deze knop is voor de docent.")
        await room.press("teacher", "Incidentmethode")
        await room.watcher.expect_edit("Incidentmethode (samen 55 min)")
        await room.press("Cas", "✅ Sessie openen")
        await room.member("Cas").expect_callback_answer("Deze knop is voor de docent.")
        await room.press("teacher", "✅ Sessie openen")
        await room.said("Wie doet er mee?")


async def test_silence_stickers_and_people_leaving_mid_session(database_url: str) -> None:
    async with classroom(database_url) as room:
        await running_incident(room)

        # Ana stays quiet: the teacher is asked privately and gives her more time.
        await room.later(2)
        await read_until(room.teacher, "Ana is nog stil bij ‘Casus kiezen’")
        await room.students["Ana"].expect("Geen haast.")
        await room.teacher.press("⏱ Meer tijd")
        await room.said("Mila geeft er 2 min bij. Nog 5 min voor deze stap.")
        reply_with_sticker(room, "Ana", await room.status())
        await room.students["Ana"].expect(
            "Stickers, foto's en spraakberichten kan ik niet bewaren."
        )
        await room.reply("Ana", "Ik kom steeds te laat.")
        await room.press("teacher", "⏭ Volgende stap")
        await room.status_shows("Stap 2/7")  # a press on the card as it was counts once
        await room.press("teacher", "⏭ Volgende stap")
        await room.said("Bo mag beginnen.")

        # Bo leaves the group during his turn: the round goes on with Cas.
        room.world.emulator.user_leaves_group(room.group, room.member("Bo").user)
        await room.said("Bo is weggegaan. We gaan verder met elkaar.")
        await room.status_shows("👉 Aan de beurt: Cas", "Deelnemers (4): Ana, Cas, Dev, Eva")

        # Ana leaves: the session pauses and the teacher decides; Ana still gets her summary.
        room.world.emulator.user_leaves_group(room.group, room.member("Ana").user)
        await room.said("Ana is weggegaan.")
        await room.status_shows("Even pauze.")
        await read_until(room.teacher, "Ana is uit de groep gegaan en de sessie staat op pauze.")
        await room.teacher.press("Afsluiten")
        await room.said("Mila heeft de sessie afgesloten.")
        summary = await read_until(room.students["Ana"], "Jouw samenvatting: Incidentmethode")
        assert "• Ana: Ik kom steeds te laat." in (summary.text or "")
        report = await read_until(room.teacher, "Groepssessie Incidentmethode")
        assert "De sessie is eerder afgesloten." in (report.text or "")
