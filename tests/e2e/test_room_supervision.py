"""Supervision for peer coaches end to end, in Dutch: a coach brings a moment from her own coaching
(the protocol reminds her to keep the coachee out), the team works on it solution-focused."""

from __future__ import annotations

from tests.e2e.support.conversation import read_until
from tests.e2e.support.rooms import Classroom, classroom, gather

QUESTIONS = {
    "Bo": "Wat deed je vlak voor de stilte?",
    "Cas": "Wat wilde je op dat moment bereiken?",
    "Dev": "Hoe voelde de stilte voor jou?",
    "Eva": "Wat zou je nu anders vragen?",
}


async def open_supervision(room: Classroom) -> None:
    """The teacher links the group and opens a supervision room; Ana brings, Eva keeps time."""
    await room.member("teacher").send("/room")
    await room.said("hoort nu bij Klas 4B")
    await room.said("Welke werkvorm")
    await room.press("teacher", "Supervisie voor coaches")
    await room.watcher.expect_edit("Supervisie voor coaches (samen 30 min)")
    await room.press("teacher", "✅ Sessie openen")
    opened = await room.said("start een groepssessie")
    assert "zonder de naam of de woorden van hun coachee" in (opened.text or "")
    await room.said("Wie doet er mee?")
    await gather(room, "Supervisie voor coaches")


async def test_coaches_work_on_a_moment_from_their_coaching_without_the_coachee(
    database_url: str,
) -> None:
    async with classroom(database_url) as room:
        await open_supervision(room)
        await room.press("teacher", "▶️ Beginnen")
        first = await room.said("Stap 1 van 6: Jouw moment (5 min)")
        assert "noem je coachee niet bij naam en citeer niet wat die zei" in (first.text or "")

        # 1 and 2: Ana tells her moment and what already worked, in her own words.
        await room.reply("Bo", "Wie was je coachee?")
        await room.students["Bo"].expect("Nu is Ana aan het woord")
        await room.reply("Ana", "Ik gaf meteen advies toen het stil werd.")
        await room.press("teacher", "⏭ Volgende stap")
        await room.said("Stap 2 van 6: Wat al werkte (4 min)")
        await room.reply("Ana", "Mijn eerste vraag over het doel werkte wel.")
        await room.status_shows("Stap 2/6")
        await room.press("teacher", "⏭ Volgende stap")

        # 3: one question each for the coach, privately, shown together.
        await room.said("Stap 3 van 6: Eén vraag aan de coach (6 min)")
        for name, question in QUESTIONS.items():
            await room.students[name].expect("Stuur hier je bijdrage voor ‘Eén vraag aan de coach’")
            await room.students[name].send(question)
            await room.students[name].expect("Ontvangen, dank je!")
        reveal = await room.said("dit hebben jullie gestuurd (4)")
        for name, question in QUESTIONS.items():
            assert f"• {name}: {question}" in (reveal.text or "")
        await room.reply("Ana", "Ik wilde dat het gesprek niet vastliep.", to=reveal)
        await room.press("teacher", "⏭ Volgende stap")

        # 4 and 5: the team appreciates and thinks out loud, Ana listens.
        await room.said("Stap 4 van 6: Wat we sterk vinden (3 min)")
        await room.reply("Cas", "Knap dat je zelf merkt wanneer je gaat helpen.")
        await room.reply("Ana", "Dank je!")
        await room.students["Ana"].expect("Jij luistert nu even")
        await room.status_shows("Stap 4/6")
        await room.press("teacher", "⏭ Volgende stap")
        await room.said("Stap 5 van 6: Hardop meedenken (8 min)")
        await room.reply("Dev", "Misschien kan ze de stilte tot tien laten duren.")
        await room.status_shows("Stap 5/6")
        await room.press("teacher", "⏭ Volgende stap")

        # 6: Ana picks her own next step as a coach; the session ends with her summary.
        await room.said("Stap 6 van 6: Jouw volgende stap (4 min)")
        await room.reply("Ana", "Volgende keer tel ik tot tien voor ik iets zeg.")
        await room.status_shows("Stap 6/6")
        await room.later(4)
        summary = await read_until(
            room.students["Ana"], "Jouw samenvatting: Supervisie voor coaches"
        )
        text = summary.text or ""
        assert "• Ana: Ik gaf meteen advies toen het stil werd." in text
        assert "• Cas: Knap dat je zelf merkt wanneer je gaat helpen." in text
        assert "• Dev: Misschien kan ze de stilte tot tien laten duren." in text
        assert "Volgende keer tel ik tot tien voor ik iets zeg." in text
        report = await read_until(room.teacher, "Groepssessie Supervisie voor coaches")
        assert "Alle stappen zijn doorlopen." in (report.text or "")
        assert "advies" not in (report.text or "") and "tien" not in (report.text or "")
