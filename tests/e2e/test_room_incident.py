"""The incident method end to end: a teacher and five students in their class group."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
import pytest_asyncio
from sqlalchemy import select

from storage.models import InboxUpdate
from tests.e2e.support.conversation import press_when_shown, read_until
from tests.e2e.support.journey import Journey
from tests.e2e.support.rooms import (
    Classroom,
    classroom,
    gather,
    open_incident_room,
)

IDEAS = {
    "Bo": "Neem de bus ervoor.",
    "Cas": "Pak je tas de avond ervoor in.",
    "Dev": "Vertel je baas over de bus.",
    "Eva": "Fiets als het droog is.",
}


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def room(journey_database_url: str) -> AsyncIterator[Classroom]:
    """Mila's class group, joined the real way; the stages below go on one after another."""
    async with classroom(journey_database_url, real_joining=True) as room:
        yield room


@pytest.fixture(scope="module")
def journey(room: Classroom) -> Journey:
    """Everyone in the room, in their private chats and in the group."""
    return Journey(room.world, (room.teacher, *room.students.values(), *room.in_group.values()))


@pytest.mark.asyncio(loop_scope="module")
@pytest.mark.usefixtures("journey")
class TestAnIncidentMethodSessionFromTheFirstTapToTheSummary:
    """Seven steps of the incident method in one class group, each stage going on from the last."""

    async def test_1_the_teacher_opens_the_room_and_the_group_gathers(
        self, room: Classroom
    ) -> None:
        """The teacher opens the room with step 3 longer; five join and Ana brings a case."""
        card = await open_incident_room(room, longer=(3,))
        assert "Incidentmethode (samen 60 min)" in (card.text or "")
        assert "3. Vragen over de feiten: 20 min" in (card.text or "")
        await gather(room, "Incidentmethode")
        await room.press("teacher", "▶️ Beginnen")
        await room.said("We beginnen! Ana brengt de situatie in en Mila leidt het gesprek.")
        await room.said("Stap 1 van 7: Casus kiezen (5 min)")
        await room.status_shows("Stap 1/7: Casus kiezen", "⏳ Nog 5 min", "Antwoord op dit bericht")

    async def test_2_only_ana_tells_and_an_early_question_is_refused(self, room: Classroom) -> None:
        """1 and 2: only Ana tells; an early question is refused kindly and privately."""
        await room.reply("Bo", "Gaat het over school?")
        await room.students["Bo"].expect("Nu is Ana aan het woord")
        await room.reply("Ana", "Ik kom steeds te laat op mijn stage.")
        await room.later(4)
        await room.said("Nog één minuut voor ‘Casus kiezen’")
        await room.status_shows("⏳ Nog 1 min")
        await room.later(1)
        await room.said("Stap 2 van 7: Wat er gebeurde (5 min)")
        await room.reply("Ana", "De bus is vaak te laat en mijn baas zucht dan.")
        await room.later(3)
        await room.press("teacher", "⏭ Volgende stap")

    async def test_3_factual_questions_go_round_with_a_pass(self, room: Classroom) -> None:
        """3: factual questions in turn, by reply or privately, with passes."""
        await room.said("Stap 3 van 7: Vragen over de feiten (20 min)")
        await room.said("We gaan de kring rond: Bo, Cas, Dev, Eva. Bo mag beginnen.")
        await room.students["Bo"].expect("Jij bent aan de beurt bij ‘Vragen over de feiten’")
        await room.reply("Cas", "Hoe laat?")
        await room.students["Cas"].expect("Nu is Bo aan de beurt")
        await room.reply("Bo", "Welke bus neem je?")
        await room.status_shows("👉 Aan de beurt: Cas")
        await room.reply("Ana", "Die van 7:40.")
        await room.students["Cas"].expect("Jij bent aan de beurt")
        await room.students["Cas"].send("Sinds wanneer gebeurt dit?")
        await room.said("💬 Cas: Sinds wanneer gebeurt dit?")
        await room.students["Dev"].expect("Jij bent aan de beurt")
        await room.students["Dev"].press("Ik pas")
        await room.status_shows("👉 Aan de beurt: Eva")
        await room.reply("Eva", "Wat zegt je baas precies?")
        await room.status_shows("👉 Aan de beurt: Bo")
        await room.later(10)
        await room.press("teacher", "⏭ Volgende stap")

    async def test_4_everyone_thinks_along(self, room: Classroom) -> None:
        """4: everyone thinks along, Ana too."""
        await room.said("Stap 4 van 7: Samen ontrafelen (10 min)")
        await room.reply("Dev", "Misschien is de bus niet het echte probleem.")
        await room.reply("Ana", "Klopt, ik vertrek ook laat.")
        await room.later(6)
        await room.press("teacher", "⏭ Volgende stap")

    async def test_5_one_idea_each_while_ana_listens(self, room: Classroom) -> None:
        """5: one idea each while Ana listens."""
        await room.said("We gaan de kring rond: Bo, Cas, Dev, Eva. Bo mag beginnen.")
        await room.reply("Ana", "Wacht even!")
        await room.students["Ana"].expect("Jij luistert nu even")
        for name, idea in IDEAS.items():
            await room.reply(name, idea)
        await room.status_shows("👉 Aan de beurt: Bo")
        await room.later(8)
        await room.press("teacher", "⏭ Volgende stap")

    async def test_6_ana_picks_an_idea_privately(self, room: Classroom) -> None:
        """6: Ana picks Cas's idea privately."""
        await room.said("Stap 6 van 7: Jouw keuze (5 min)")
        choice = await read_until(room.students["Ana"], "Welk idee wil je uitproberen?")
        assert "2. Pak je tas de avond ervoor in." in (choice.text or "")
        await press_when_shown(room.students["Ana"], "2. Pak je tas de avond ervoor in.")
        await room.students["Ana"].expect("Genoteerd als jouw stap: Pak je tas de avond ervoor in.")
        await room.later(4)
        await room.press("teacher", "⏭ Volgende stap")

    async def test_7_looking_back_the_room_closes_by_itself(self, room: Classroom) -> None:
        """7: looking back; when time is up the room closes by itself as completed."""
        await room.said("Stap 7 van 7: Terugblik (5 min)")
        await room.reply("Bo", "Goede vragen vandaag.")
        await room.later(5)
        await room.said("Klaar! Jullie hebben 41 minuten met 5 mensen samen nagedacht.")
        await room.said("📝 Ana, ik stuur je privé een samenvatting")
        status = await room.status_shows("Afgelopen. Dank jullie wel!")
        assert status.button_labels() == []

    async def test_8_ana_gets_a_summary_in_her_own_words(self, room: Classroom) -> None:
        """The summary has her case, the questions, the ideas and her step; no answers."""
        summary = await read_until(room.students["Ana"], "Jouw samenvatting: Incidentmethode")
        text = summary.text or ""
        assert "Jouw situatie\n• Ana: Ik kom steeds te laat op mijn stage." in text
        assert "Vragen\n• Bo: Welke bus neem je?\n• Cas: Sinds wanneer gebeurt dit?" in text
        assert "Die van 7:40." not in text
        assert "• Dev: Misschien is de bus niet het echte probleem." in text
        assert "Ideeën\n• Bo: Neem de bus ervoor.\n• Cas: Pak je tas" in text
        assert "Jouw stap: Pak je tas de avond ervoor in." in text

    async def test_9_the_teacher_gets_a_report_without_what_was_said(self, room: Classroom) -> None:
        """Ana picked her step in time, so the teacher was never asked about her being quiet."""
        report = await read_until(room.teacher, "Groepssessie Incidentmethode", limit=1)
        assert "41 min, 5 deelnemers (Ana, Bo, Cas, Dev, Eva)" in (report.text or "")
        assert "Alle stappen zijn doorlopen." in (report.text or "")
        for idea in IDEAS.values():
            assert idea not in (report.text or "")

    async def test_10_the_group_has_one_status_and_the_database_no_words(
        self, room: Classroom
    ) -> None:
        """One status message, edited in place, and few messages in the group overall."""
        status = await room.status()
        group = room.world.emulator.chat(room.group.id)
        texts = [group.messages[m].text or "" for m in group.bot_message_ids]
        assert [t for t in texts if t.startswith("Incidentmethode\n")] == [status.text]
        assert status.edit_count > 20
        assert len(texts) <= 40

        row = await room.room_row()
        assert row.state == "closed"
        assert "stage" not in str(row.snapshot) and "bus" not in str(row.snapshot)
        async with room.world.app.services.db.sessions() as session:
            failed = await session.scalars(
                select(InboxUpdate).where(InboxUpdate.error.is_not(None))
            )
            assert failed.all() == []
