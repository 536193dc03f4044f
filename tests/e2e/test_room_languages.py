"""One language per message: the group hears the room's language, each person privately their own.

Mila opened the room in Dutch; Ana (who brings the case) and Bo speak English. What the bot
says in the group stays Dutch; what it says to Ana or Bo alone (a refusal, a turn prompt and its
buttons, the summary) is English from the first word to the last button.
"""

from __future__ import annotations

from tgemulator import EmuMessage

from tests.e2e.support.conversation import read_until
from tests.e2e.support.rooms import Classroom, classroom, running_incident

ENGLISH = {"Ana": "en", "Bo": "en"}


def rows(message: EmuMessage) -> list[list[str]]:
    """A message's button labels, row by row."""
    return [[str(button.get("text")) for button in row] for row in message.button_rows()]


async def to_step_3(room: Classroom) -> None:
    """Ana tells her case in steps 1 and 2; the teacher moves on to the factual questions."""
    await room.reply("Ana", "I keep being late for my internship.")
    await room.press("teacher", "⏭ Volgende stap")
    await room.said("Stap 2 van 7: Wat er gebeurde (5 min)")
    await room.status_shows("Stap 2/7")  # the card's new buttons, not the used ones
    await room.press("teacher", "⏭ Volgende stap")
    await room.said("Stap 3 van 7: Vragen over de feiten (15 min)")
    await room.said("We gaan de kring rond: Bo, Cas, Dev, Eva. Bo mag beginnen.")
    await room.status_shows("Stap 3/7", "👉 Aan de beurt: Bo")


async def test_a_turn_prompt_is_wholly_in_the_students_own_language(database_url: str) -> None:
    """Bo (English) gets his turn in English with English buttons; Cas (Dutch) in Dutch."""
    async with classroom(database_url, speaks=ENGLISH) as room:
        await running_incident(room)
        await to_step_3(room)

        bo = await read_until(room.students["Bo"], "your turn")
        text = bo.text or ""
        assert text.startswith("It's your turn for ‘Questions about the facts’."), text
        assert "Or simply send it to me here." in text
        assert "Jij" not in text and "Vragen over de feiten" not in text
        assert rows(bo) == [["I pass"], ["🫶 I'm worried"]]

        await room.students["Bo"].send("Which bus do you take?")
        await room.said("💬 Bo: Which bus do you take?")
        cas = await read_until(room.students["Cas"], "aan de beurt")
        assert (cas.text or "").startswith("Jij bent aan de beurt bij ‘Vragen over de feiten’.")
        assert "Je mag het ook gewoon hier sturen." in (cas.text or "")
        assert rows(cas) == [["Ik pas"], ["🫶 Ik maak me zorgen"]]
        # The group itself carries on in Dutch.
        await room.status_shows("👉 Aan de beurt: Cas", "Stap 3/7: Vragen over de feiten")


async def test_a_private_refusal_speaks_the_language_of_the_one_refused(
    database_url: str,
) -> None:
    """Bo (English) replies in the group too early: he is told privately, in English."""
    async with classroom(database_url, speaks=ENGLISH) as room:
        await running_incident(room)
        await room.reply("Bo", "Is it about school?")
        refused = await read_until(room.students["Bo"], "Ana")
        assert refused.text == "Ana has the floor right now. Your moment is coming."
        await room.reply("Cas", "Gaat het over school?")
        refused = await read_until(room.students["Cas"], "Ana")
        assert refused.text == "Nu is Ana aan het woord. Jouw moment komt zo."


async def test_the_summary_goes_to_the_case_holder_in_her_language_the_report_in_the_teachers(
    database_url: str,
) -> None:
    """Ana's summary is English, protocol title included; Mila's report stays Dutch."""
    async with classroom(database_url, speaks=ENGLISH) as room:
        await running_incident(room)
        await to_step_3(room)
        await room.press("teacher", "Afsluiten")
        await room.said("Mila heeft de sessie afgesloten.")

        summary = await read_until(room.students["Ana"], "summary")
        text = summary.text or ""
        assert text.startswith("📝 Your summary: Incident method"), text
        assert "Your situation\n• Ana: I keep being late for my internship." in text
        assert "Incidentmethode" not in text and "Jouw" not in text

        report = await read_until(room.teacher, "Groepssessie")
        assert (report.text or "").startswith("📋 Groepssessie Incidentmethode:")
        assert "De sessie is eerder afgesloten." in (report.text or "")
