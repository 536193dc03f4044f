"""Issue 13: the worry route from a running room. The button is on a student's private card,
never in the group; pressing it shows the help lines privately, and the room's step stays as
it was, so the student's score still counts afterwards."""

from __future__ import annotations

from tests.e2e.support.conversation import read_until
from tests.e2e.support.rooms import classroom

WORRIED = "🫶 I'm worried"


async def test_a_student_opens_the_worry_route_from_a_room_privately(database_url: str) -> None:
    async with classroom(database_url, language="English", code="en") as room:
        await room.member("teacher").send("/room")
        await room.said("This group now belongs to Klas 4B.")
        await room.press("teacher", "Progress round")
        await room.watcher.expect_edit("Progress round")
        await room.press("teacher", "✅ Open the session")
        await room.said("Mila is starting a group session: Progress round")
        for name in ("Bo", "Cas"):
            await room.press(name, "🙋 I'm in")
        await room.status_shows("Participants (2): Bo, Cas")
        await room.press("teacher", "Choose roles")
        await room.said("Time for roles.")
        await room.press("teacher", "▶️ Begin")
        await room.said("Step 1 of 4: Your score")

        bo = room.students["Bo"]
        card = await read_until(bo, "score")
        assert WORRIED in bo.buttons(card)
        await bo.press(WORRIED)
        lines = await read_until(bo, "You can reach these right now")
        assert "112" in (lines.text or "")

        await bo.send("6, better than last week")
        await read_until(bo, "Got it, thank you!")
        await room.settled()
        chat = room.world.emulator.chat(room.group.id)
        posted = [chat.messages[m] for m in chat.bot_message_ids]
        assert not [m for m in posted if "112" in (m.text or "")]
        assert not [m for m in posted if WORRIED in room.watcher.buttons(m)]
