"""Breakouts end to end: a class of nine in its group splits into three triads relayed privately."""

from __future__ import annotations

from collections.abc import AsyncIterator
from itertools import combinations

import pytest
import pytest_asyncio
from sqlalchemy import func, select
from tgemulator import EmuMessage, ScriptedUser

from bot.handlers.privacy.erase import erase_person
from bot.runtime.turn import Turn
from flows.breakout import Breakout, BreakoutState
from flows.privacy.export import export_document
from storage import pairing
from storage.breakout_models import BreakoutMember, BreakoutRow
from storage.export import person_facts
from storage.models import SentMessage
from tests.e2e.support.conversation import press_when_shown, read_until
from tests.e2e.support.privacy import Traces, scan
from tests.e2e.support.rooms import T0, Classroom, classroom
from tests.e2e.support.world import eventually

NINE = ("Ana", "Bo", "Cas", "Dev", "Eva", "Fay", "Gus", "Hal", "Ivy")
# Telegram lets a bot post at most 20 messages a minute in one group.
GROUP_LIMIT_PER_MINUTE = 20


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def room(journey_database_url: str) -> AsyncIterator[Classroom]:
    """Mila's class group of nine; Ana asked not to be paired with Bo."""
    async with classroom(journey_database_url, names=NINE) as room:
        async with room.world.app.services.db.transaction() as session:
            ana, bo = room.students["Ana"].user.id, room.students["Bo"].user.id
            await pairing.toggle_do_not_pair(session, user_id=ana, other_id=bo, now=T0)
        yield room


async def stored(room: Classroom) -> Breakout:
    """The latest breakout as stored."""
    async with room.world.app.services.db.sessions() as session:
        row = (await session.scalars(select(BreakoutRow).order_by(BreakoutRow.id.desc()))).first()
    assert row is not None
    return Breakout.from_dict(row.snapshot)


async def groups(room: Classroom) -> list[list[str]]:
    """The groups by first name, in group order (the case-giver first)."""
    names = {person.user.id: name for name, person in room.students.items()}
    return [[names[uid] for uid in g.member_ids] for g in (await stored(room)).groups]


async def card_shows(room: Classroom, part: str) -> EmuMessage:
    """Wait until the breakout's one card in the class group shows a text; return it."""
    found: list[EmuMessage] = []

    async def shows() -> bool:
        async with room.world.app.services.db.sessions() as session:
            rows = await session.scalars(
                select(SentMessage).where(SentMessage.name.like("breakout:%:card"))
            )
            sent = [row for row in rows.all() if row.chat_id == room.group.id]
        if not sent:
            return False
        message = room.world.emulator.chat(room.group.id).messages[sent[-1].message_id]
        found[:] = [message]
        return part in (message.text or "")

    try:
        await eventually(shows)
    except AssertionError:
        seen = found[0].text if found else None
        raise AssertionError(f"the card never showed {part!r}: {seen!r}") from None
    return found[0]


def private_texts(person: ScriptedUser) -> list[str]:
    """Every bot message in this person's private chat so far."""
    chat = person.chat
    return [chat.messages[m].text or "" for m in chat.bot_message_ids]


def group_posts(room: Classroom) -> list[tuple[int, str]]:
    """Every bot message in the class group: (date, text)."""
    chat = room.world.emulator.chat(room.group.id)
    return [(chat.messages[m].date, chat.messages[m].text or "") for m in chat.bot_message_ids]


@pytest.mark.asyncio(loop_scope="module")
class TestBreakoutsOfAClassOfNine:
    """Each stage goes on from the last, in one class group."""

    async def test_1_the_teacher_starts_breakouts_and_three_triads_are_formed(
        self, room: Classroom
    ) -> None:
        """/breakout, incident method in groups of 3; nine join; three triads, names only."""
        await room.member("teacher").send("/breakout")
        await room.said("hoort nu bij Klas 4B")
        await room.said("Met welke werkvorm")
        await room.press("teacher", "Incidentmethode")
        await room.watcher.expect_edit("Hoe groot worden de groepjes?")
        await room.press("teacher", "Groepjes van 3")
        await room.said("Incidentmethode in groepjes van 3")
        for name in NINE:
            await room.member(name).press("🙋 Ik doe mee")
        await card_shows(room, "Doen mee (9): Ana, Bo")
        await room.press("teacher", "👥 Groepjes maken")
        post = await room.said("De 3 groepjes zijn er!")
        text = post.text or ""
        formed = await groups(room)
        assert sorted(len(g) for g in formed) == [3, 3, 3]
        assert sorted(n for g in formed for n in g) == sorted(NINE)
        for number, members in enumerate(formed, 1):
            assert f"Groepje {number}: {', '.join(members)}" in text
        # The do-not-pair wish holds: Ana and Bo are not together.
        assert not any({"Ana", "Bo"} <= set(g) for g in formed)
        for members in formed:
            for name in members:
                card = await read_until(room.students[name], "Jij zit in groepje")
                assert ", ".join(members) in (card.text or "")
                assert f"{members[0]} brengt een situatie in" in (card.text or "")

    async def test_2_messages_are_relayed_only_within_a_triad(self, room: Classroom) -> None:
        """Each case-giver tells their situation privately; only their own triad reads it."""
        formed = await groups(room)
        for members in formed:
            await room.students[members[0]].send(f"Situatie van {members[0]}")
        await room.settled()
        for members in formed:
            line = f"{members[0]}: Situatie van {members[0]}"
            for name in NINE:
                got = any(line in text for text in private_texts(room.students[name]))
                assert got == (name in members[1:]), (name, line)
        # A classmate writing out of turn is told kindly, and nothing is passed on.
        listener = formed[0][1]
        await room.students[listener].send("Mag ik al iets vragen?")
        await read_until(room.students[listener], f"Nu is {formed[0][0]} aan het woord")
        await room.settled()
        assert not any(
            "Mag ik al iets vragen?" in text
            for name in NINE
            for text in private_texts(room.students[name])
        )

    async def test_3_time_boxes_advance_together(self, room: Classroom) -> None:
        """One timer set: after five minutes every group is at step 2; the teacher moves all on."""
        await room.later(5)
        for name in NINE:
            await read_until(room.students[name], "Stap 2 van 7: Wat er gebeurde", limit=20)
        breakout = await stored(room)
        assert {g.room.step_index for g in breakout.groups} == {1}
        assert len({g.room.deadline for g in breakout.groups}) == 1
        await room.later(1)
        await room.press("teacher", "⏭ Volgende stap (alle groepjes)")
        for name in NINE:
            await read_until(room.students[name], "Stap 3 van 7: Vragen over de feiten", limit=20)
        breakout = await stored(room)
        assert {g.room.step_index for g in breakout.groups} == {2}
        assert len({g.room.deadline for g in breakout.groups}) == 1
        await card_shows(room, "Allemaal bij stap 3 van 7: Vragen over de feiten")

    async def test_4_ideas_and_a_chosen_step_in_the_first_triad(self, room: Classroom) -> None:
        """Steps go on for all; in triad 1 an idea is given and its case-giver picks it."""
        formed = await groups(room)
        giver, first, second = formed[0]
        for _ in range(2):  # to step 5: one idea each, in turn
            await room.later(1)
            await room.press("teacher", "⏭ Volgende stap (alle groepjes)")
        await read_until(room.students[first], "Stap 5 van 7", limit=30)
        turn = await read_until(room.students[first], "Jij bent aan de beurt", limit=10)
        assert "Typ je bijdrage hier" in (turn.text or "")
        assert turn.button_labels()[0] == "Ik pas"
        assert any("zorgen" in label.lower() for label in turn.button_labels()), (
            turn.button_labels()
        )
        await room.students[first].send("Zet twee wekkers.")
        await read_until(room.students[second], f"{first}: Zet twee wekkers.", limit=10)
        await room.later(1)
        await room.press("teacher", "⏭ Volgende stap (alle groepjes)")
        await read_until(room.students[giver], "Welk idee wil je uitproberen?", limit=20)
        await press_when_shown(room.students[giver], "1. Zet twee wekkers.")
        await read_until(room.students[giver], "Genoteerd als jouw stap: Zet twee wekkers.")

    async def test_5_case_givers_are_asked_and_the_class_waits(self, room: Classroom) -> None:
        """Wrapping up closes every triad; each case-giver gets a summary and the question."""
        await room.later(1)
        await room.press("teacher", "⏹ Afronden")
        await room.said("Ik vraag nog even aan de 3 inbrengers")
        formed = await groups(room)
        asks = []
        for members in formed:
            ask = await read_until(room.students[members[0]], "Mag ik de klas een kort verslagje")
            asks.append(ask.text or "")
            assert f"Situatie van {members[0]}" not in asks[-1]
        # Each case-giver sees exactly what the class would read, before they decide.
        assert f"Groepje 1 ({', '.join(formed[0])}): 0 vragen en 1 idee." in asks[0]
        assert "Stap die de inbrenger gaat proberen: Zet twee wekkers." in asks[0]
        assert f"Groepje 2 ({', '.join(formed[1])}): 0 vragen en 0 ideeën." in asks[1]
        await press_when_shown(room.students[formed[0][0]], "✅ Ja, dat mag")
        await read_until(room.students[formed[0][0]], "ik deel het kort met de klas")
        await press_when_shown(room.students[formed[1][0]], "🤫 Nee, liever niet")
        await read_until(room.students[formed[1][0]], "het blijft in jullie groepje")
        await room.settled()
        # Triad 3 has not answered: nothing reaches the class yet.
        assert not any("Zo ging het" in text for _, text in group_posts(room))

    async def test_6_only_consented_summaries_come_back_in_one_message(
        self, room: Classroom
    ) -> None:
        """Unanswered is no: after the wait one class message, triad 1 shared, 2 and 3 kept."""
        await room.later(10)
        summary = await room.said("Zo ging het in de 3 groepjes")
        text = summary.text or ""
        formed = await groups(room)
        assert f"Groepje 1 ({', '.join(formed[0])}): 0 vragen en 1 idee." in text
        assert "Stap die de inbrenger gaat proberen: Zet twee wekkers." in text
        assert f"Groepje 2 ({', '.join(formed[1])}): dat blijft in het groepje" in text
        assert f"Groepje 3 ({', '.join(formed[2])}): dat blijft in het groepje" in text
        for members in formed:
            assert f"Situatie van {members[0]}" not in text
        card = await card_shows(room, "klaar! Dank jullie wel")
        assert card.button_labels() == []
        report = await read_until(room.teacher, "Groepjes met Incidentmethode", limit=20)
        assert "3 groepjes, 9 leerlingen" in (report.text or "")
        assert "Kort verslagje gedeeld met de klas: 1 van de 3." in (report.text or "")
        assert "Zet twee wekkers." not in (report.text or "")

    async def test_7_the_class_group_got_few_messages_and_nothing_was_kept(
        self, room: Classroom
    ) -> None:
        """Within Telegram's 20 a minute per group; no texts stored and nobody left routed."""
        posts = group_posts(room)
        dates = sorted(date for date, _ in posts)
        busiest = max(sum(1 for d in dates if start <= d < start + 60) for start in dates)
        assert busiest <= GROUP_LIMIT_PER_MINUTE
        assert len(posts) <= 8, [text for _, text in posts]
        breakout = await stored(room)
        assert breakout.state is BreakoutState.CLOSED
        assert all(g.share is None for g in breakout.groups)
        assert all(c.text == "" for g in breakout.groups for c in g.room.contributions)
        assert all(g.room.chosen_step is None for g in breakout.groups)

        async def nobody_routed() -> bool:
            async with room.world.app.services.db.sessions() as session:
                count = await session.scalar(select(func.count()).select_from(BreakoutMember))
            return count == 0

        await eventually(nobody_routed)
        pairs = {frozenset(p) for g in await groups(room) for p in combinations(g, 2)}
        assert frozenset({"Ana", "Bo"}) not in pairs

    async def test_8_export_shows_the_group_and_erasure_leaves_no_trace(
        self, room: Classroom
    ) -> None:
        """A member's export lists their breakout group; after erasure nothing of them is left."""
        formed = await groups(room)
        gone = room.students[formed[1][0]]
        db = room.world.app.services.db
        async with db.sessions() as session:
            facts = await person_facts(session, user_id=gone.user.id, former="-")
        assert facts is not None
        document = export_document(facts, room.world.app.services.clock.now())
        (mine,) = [r for r in document["rooms"] if r["protocol"] == "Incidentmethode"]
        assert mine["roles"] == ["case_holder"]
        assert mine["my_contributions"] == []  # the group's room closed: no texts kept
        async with db.transaction() as session:
            await db.lock_conversation(session, f"user:{gone.user.id}")
            now = room.world.app.services.clock.now()
            turn = Turn(room.world.app.services, session, now, chat_id=gone.user.id)
            await erase_person(turn, gone.user.id)
        await room.settled()
        traces = Traces(gone.user.id, [], [f"Situatie van {formed[1][0]}"])
        assert await scan(room.world, traces) == []
        breakout = await stored(room)
        assert formed[1][0] not in [m.name for g in breakout.groups for m in g.room.members]
        assert formed[1][0] not in [m.name for m in breakout.joined]
        assert len(breakout.groups[1].room.members) == 2  # the others' part stays
