"""A burst of reminders at Telegram's real limits while a student chats: nobody is left out."""

from __future__ import annotations

from sqlalchemy import func, select

from bot.runtime.pacer import PaceLimits
from bot.runtime.turn import Turn
from storage import timers
from storage.models import OutboxMessage, utcnow
from storage.timers import DueTimer
from tests.e2e.support.world import World, eventually, running_world

REMINDERS = 200
KIND = "burst_reminder"


async def remind(turn: Turn, timer: DueTimer) -> None:
    """A reminder as timers make them: one bulk message to one student."""
    await turn.send_text(f"Herinnering {timer.payload['n']}")


async def schedule_reminders(world: World, chat_ids: list[int]) -> None:
    """Every reminder due at the same moment."""
    world.app.dispatcher.timer_handlers[KIND] = remind
    now = utcnow()
    async with world.app.services.db.transaction() as session:
        for n, chat_id in enumerate(chat_ids):
            await timers.schedule(
                session, conversation=f"user:{chat_id}", kind=KIND, due_at=now, payload={"n": n}
            )
    world.app.dispatcher.wake()


async def test_reminders_all_arrive_once_and_a_chatting_student_is_answered(
    database_url: str,
) -> None:
    async with running_world(database_url, limits=PaceLimits.telegram()) as world:
        students = [world.person(f"Leerling {n}") for n in range(REMINDERS)]
        chatter = world.person("Kim")
        await schedule_reminders(world, [s.chat_id for s in students])

        delivered_when_answered = []
        for _ in range(3):
            await chatter.send("/help")
            await chatter.expect()
            delivered = sum(len(world.emulator.bot_messages(s.chat_id)) for s in students)
            delivered_when_answered.append(delivered)

        async def all_sent() -> bool:
            async with world.app.services.db.sessions() as session:
                query = select(func.count()).where(OutboxMessage.status == "sent")
                return (await session.scalar(query)) == REMINDERS + 3

        await eventually(all_sent, seconds=60)
        received = [[m.text for m in world.emulator.bot_messages(s.chat_id)] for s in students]
        assert received == [[f"Herinnering {n}"] for n in range(REMINDERS)]
        # Answered while the burst was still going out: replies do not queue behind it.
        assert delivered_when_answered[-1] < REMINDERS
