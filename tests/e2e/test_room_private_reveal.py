"""Privately collected contributions reach the group all at once, never one before the others."""

from __future__ import annotations

from tests.e2e.support.conversation import read_until
from tests.e2e.support.rooms import Classroom, classroom

SCORES = {"Bo": "6, better than last week", "Cas": "4 for now", "Dev": "8, almost there"}


def group_texts(room: Classroom) -> list[str]:
    """Everything the bot has posted in the group so far, edits included."""
    chat = room.world.emulator.chat(room.group.id)
    return [chat.messages[m].text or "" for m in chat.bot_message_ids]


async def test_in_a_progress_round_the_last_score_is_not_posted_before_the_reveal(
    database_url: str,
) -> None:
    async with classroom(database_url, language="English", code="en") as room:
        await room.member("teacher").send("/room")
        await room.said("This group now belongs to Klas 4B.")
        await room.press("teacher", "Progress round")
        await room.watcher.expect_edit("Progress round")
        await room.press("teacher", "✅ Open the session")
        await room.said("Mila is starting a group session: Progress round")
        for name in SCORES:
            await room.press(name, "🙋 I'm in")
        await room.status_shows("Participants (3): Bo, Cas, Dev")
        await room.press("teacher", "Choose roles")
        await room.said("Time for roles.")
        await room.press("teacher", "▶️ Begin")
        await room.said("Step 1 of 4: Your score")

        *first, (last, last_score) = SCORES.items()
        for name, score in first:
            await room.students[name].send(score)
            await read_until(room.students[name], "Got it, thank you!")
        await room.settled()
        assert not [t for t in group_texts(room) if any(s in t for s in SCORES.values())]

        await room.students[last].send(last_score)
        await room.said("Your score: here's what you sent (3)")
        await room.settled()
        showing = [t for t in group_texts(room) if any(s in t for s in SCORES.values())]
        assert len(showing) == 1, showing
        assert all(f"• {name}: {score}" in showing[0] for name, score in SCORES.items())
