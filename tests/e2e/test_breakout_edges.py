"""Breakouts at the edges: who may press what, and people erasing their data mid-breakout."""

from __future__ import annotations

from sqlalchemy import select

from bot.handlers.privacy.erase import erase_person
from bot.runtime.turn import Turn
from flows.breakout import Breakout, BreakoutState
from storage.breakout_models import BreakoutRow
from tests.e2e.support.conversation import (
    edited_to,
    next_answer,
    press_when_shown,
    read_until,
)
from tests.e2e.support.rooms import Classroom, classroom

SIX = ("Ana", "Bo", "Cas", "Dev", "Eva", "Fay")


async def stored(room: Classroom) -> Breakout:
    """The latest breakout as stored."""
    async with room.world.app.services.db.sessions() as session:
        row = (await session.scalars(select(BreakoutRow).order_by(BreakoutRow.id.desc()))).first()
    assert row is not None
    return Breakout.from_dict(row.snapshot)


async def erase(room: Classroom, user_id: int) -> None:
    """An erasure as the bot runs one: its own transaction, under the person's lock."""
    db = room.world.app.services.db
    async with db.transaction() as session:
        await db.lock_conversation(session, f"user:{user_id}")
        now = room.world.app.services.clock.now()
        await erase_person(Turn(room.world.app.services, session, now, chat_id=user_id), user_id)
    room.world.app.delivery.wake()


async def test_only_the_teacher_forms_groups_and_erasures_leave_the_groups_going(
    database_url: str,
) -> None:
    async with classroom(database_url, names=SIX) as room:
        # Opened by mistake: only the teacher calls it off, and a new one can start.
        await room.member("teacher").send("/breakout")
        await press_when_shown(room.watcher, "Incidentmethode")
        await press_when_shown(room.watcher, "Groepjes van 3")
        card = await room.said("in groepjes van 3")
        await room.member("Bo").press("✖️ Toch niet")
        await next_answer(room.member("Bo"), "Dat kan alleen Mila")
        await room.member("teacher").press("✖️ Toch niet")
        await edited_to(room.watcher, card.message_id, "gaat deze keer niet door")
        await room.settled()
        await room.member("teacher").send("/breakout")
        await press_when_shown(room.watcher, "Incidentmethode")
        await press_when_shown(room.watcher, "Groepjes van 3")
        await room.said("in groepjes van 3")
        await room.member("Ana").press("🙋 Ik doe mee")
        await room.member("Ana").press("🙋 Ik doe mee")
        await next_answer(room.member("Ana"), "Je doet al mee!")
        await room.member("Bo").press("👥 Groepjes maken")
        await next_answer(room.member("Bo"), "Dat kan alleen Mila")
        await room.member("teacher").press("👥 Groepjes maken")
        await next_answer(room.member("teacher"), "te weinig mensen voor groepjes van 3")
        for name in SIX[1:]:
            await room.member(name).press("🙋 Ik doe mee")
        await room.settled()
        await room.member("teacher").press("👥 Groepjes maken")
        await room.said("De 2 groepjes zijn er!")
        breakout = await stored(room)
        names = {p.user.id: n for n, p in room.students.items()}
        giver, leaver, stayer = (names[uid] for uid in breakout.groups[0].member_ids)

        # A member erases mid-breakout: the group hears it and goes on with two.
        await erase(room, room.students[leaver].user.id)
        await read_until(room.students[stayer], f"{leaver} is weggegaan", limit=20)
        await room.students[giver].send("Nu met z'n tweeën.")
        await read_until(room.students[stayer], f"{giver}: Nu met z'n tweeën.")
        assert len((await stored(room)).groups[0].room.active_ids) == 2

        # The teacher erases: every group ends, and the case-givers are still asked.
        await erase(room, room.teacher.user.id)
        await room.said("Ik vraag nog even aan de 2 inbrengers")
        await read_until(room.students[giver], "Mag ik de klas een kort verslagje", limit=20)
        after = await stored(room)
        assert after.state is BreakoutState.CONSENT
        assert (after.teacher_id, after.teacher_name) == (0, "")
