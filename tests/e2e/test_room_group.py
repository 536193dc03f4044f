"""The group itself changes under a room: the bot removed, a supergroup upgrade, nobody ending."""

from __future__ import annotations

from tgemulator import ScriptedUser, chat_member

from storage import rooms
from tests.e2e.support.conversation import read_until
from tests.e2e.support.rooms import (
    classroom,
    running_incident,
)


async def test_removing_the_bot_closes_the_room_and_the_summary_still_arrives(
    database_url: str,
) -> None:
    async with classroom(database_url) as room:
        await running_incident(room)
        await room.reply("Ana", "Ik durf in de klas niets te zeggen.")
        await room.settled()
        room.world.emulator.remove_bot_from_group(room.group, room.teacher.user)

        summary = await read_until(room.students["Ana"], "Jouw samenvatting: Incidentmethode")
        assert "• Ana: Ik durf in de klas niets te zeggen." in (summary.text or "")
        report = await read_until(room.teacher, "Groepssessie Incidentmethode")
        assert "Ik ben uit de groep gehaald, dus de sessie is gestopt." in (report.text or "")
        await room.watcher.expect_silence()
        row = await room.room_row()
        assert (row.state, row.snapshot["closed_reason"]) == ("closed", "bot_removed")
        async with room.world.app.services.db.sessions() as session:
            chat = await rooms.get_chat(session, chat_id=room.group.id)
            assert chat is not None and chat.bot_removed_at is not None


async def test_a_room_follows_its_group_when_it_becomes_a_supergroup(database_url: str) -> None:
    async with classroom(database_url) as room:
        await running_incident(room)
        new_id = room.world.emulator.migrate_group(room.group)
        room.group = room.world.emulator.chat(new_id)
        room.in_group = {
            name: ScriptedUser(room.world.emulator, person.user, room.group)
            for name, person in room.in_group.items()
        }

        # A fresh status message in the supergroup, and replies to it count.
        status = await room.said("Stap 1/7: Casus kiezen")
        assert "⏭ Volgende stap" in status.button_labels()
        await room.reply("Ana", "Mijn stagebaas belt me steeds in het weekend.", to=status)
        await room.later(5)
        await room.said("Stap 2 van 7: Wat er gebeurde")
        await room.press("teacher", "Afsluiten")
        await room.said("Mila heeft de sessie afgesloten.")
        summary = await read_until(room.students["Ana"], "Jouw samenvatting")
        assert "Mijn stagebaas belt me steeds in het weekend." in (summary.text or "")
        row = await room.room_row()
        assert row.chat_id == new_id


async def test_a_room_left_running_closes_by_itself_and_still_summarises(
    database_url: str,
) -> None:
    async with classroom(database_url) as room:
        await running_incident(room)
        await room.reply("Ana", "Ik wil beter plannen.")
        await room.later(3 * 60)
        await room.said("Deze sessie stond al een tijdje stil, dus ik heb hem afgesloten.")
        summary = await read_until(room.students["Ana"], "Jouw samenvatting")
        assert "• Ana: Ik wil beter plannen." in (summary.text or "")
        report = await read_until(room.teacher, "Groepssessie Incidentmethode")
        assert "De sessie stond stil en is vanzelf afgesloten." in (report.text or "")


async def test_a_member_update_about_someone_leaving_moves_the_round_on(database_url: str) -> None:
    async with classroom(database_url) as room:
        await running_incident(room)
        await room.reply("Ana", "Ik wil beter plannen.")
        await room.press("teacher", "⏭ Volgende stap")
        await room.status_shows("Stap 2/7")  # a press on the card as it was counts once
        await room.press("teacher", "⏭ Volgende stap")
        await room.said("Bo mag beginnen.")
        # With the bot as admin, Telegram reports leavers as chat_member updates as well.
        emulator, bo = room.world.emulator, room.member("Bo").user
        emulator.queue_update(
            "chat_member",
            {
                "chat": room.group.to_api(),
                "from": bo.to_api(),
                "date": emulator.now(),
                "old_chat_member": chat_member(bo, "member"),
                "new_chat_member": chat_member(bo, "left"),
            },
        )
        await room.said("Bo is weggegaan. We gaan verder met elkaar.")
        await room.status_shows("👉 Aan de beurt: Cas", "Deelnemers (4): Ana, Cas, Dev, Eva")
