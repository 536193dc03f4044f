"""The status card promises only what works in the step; private contributions are acknowledged.

Design: in the group one replies to the bot (privacy mode lets the bot hear nothing else).
Privately the bot takes a contribution only when it asked that person for one (their turn, a
private collection, a nudge); the card says "send it to me privately" only in steps that collect
privately, and the turn holder's own prompt says they may write there. A reply in the group is
seen by everyone and gets no extra message (a group takes 20 a minute); a private contribution
that goes to the group is acknowledged privately, and one that stays hidden is counted.
"""

from __future__ import annotations

from tests.e2e.support.conversation import read_until
from tests.e2e.support.rooms import Classroom, classroom, running_incident

REPLY_HINT = "💬 Antwoord op dit bericht om iets in te brengen."


async def replied_in_group(room: Classroom, name: str, text: str) -> None:
    """Someone replies to the status card."""
    status = await room.status()
    await room.member(name).send(text, reply_to_message_id=status.message_id)


async def test_a_group_reply_adds_no_message_and_the_card_promises_no_private_chat(
    database_url: str,
) -> None:
    """Steps 1 to 4 of the incident method: what the card says, and what answers whom."""
    async with classroom(database_url) as room:
        await running_incident(room)
        # Step 1, the case-holder's: the card asks for a reply, it does not offer private chat.
        status = await room.status_shows("Stap 1/7: Casus kiezen", REPLY_HINT)
        assert "privé" not in (status.text or "")

        await replied_in_group(room, "Ana", "Ik kom steeds te laat op mijn stage.")

        # Writing privately was never promised here: nothing reaches the group.
        await room.students["Ana"].send("Nog iets: mijn baas zucht dan.")
        await room.students["Ana"].expect("Ik verwacht nu geen tekst")

        await room.press("teacher", "⏭ Volgende stap")
        await room.said("Stap 2 van 7: Wat er gebeurde (5 min)")
        await room.status_shows("Stap 2/7")  # the card's new buttons, not the used ones
        await room.press("teacher", "⏭ Volgende stap")
        await room.said("Stap 3 van 7: Vragen over de feiten (15 min)")
        # Step 3 goes round: the card asks for replies; Bo, whose turn it is, may write here.
        status = await room.status_shows("👉 Aan de beurt: Bo", REPLY_HINT)
        assert "privé" not in (status.text or "")
        await read_until(room.students["Bo"], "Je mag het ook gewoon hier sturen.")
        await room.students["Bo"].send("Welke bus neem je?")
        await room.said("💬 Bo: Welke bus neem je?")
        shared = await room.students["Bo"].expect()
        assert shared.text == "✅ Staat in de groep, dank je!"

        await replied_in_group(room, "Cas", "Sinds wanneer gebeurt dit?")

        await room.status_shows("👉 Aan de beurt: Dev")
        await room.press("teacher", "⏭ Volgende stap")
        await room.said("Stap 4 van 7: Samen ontrafelen (10 min)")
        await replied_in_group(room, "Dev", "Misschien is de bus het probleem niet.")
        await room.settled()
        group = room.world.emulator.chat(room.group.id)
        texts = [group.messages[m].text or "" for m in group.bot_message_ids]
        assert not [t for t in texts if "mijn baas zucht" in t]
        replies = [group.messages[m] for m in group.bot_message_ids]
        assert not [m for m in replies if m.reply_to and not m.reply_to.from_bot]


async def test_a_step_that_collects_privately_says_so_on_the_card(database_url: str) -> None:
    """A progress round's score is sent privately: the card says that, not 'reply here'."""
    async with classroom(database_url) as room:
        await room.member("teacher").send("/room")
        await room.said("hoort nu bij Klas 4B")
        await room.press("teacher", "Voortgangsronde")
        await room.watcher.expect_edit("Voortgangsronde")
        await room.press("teacher", "✅ Sessie openen")
        await room.said("start een groepssessie")
        for name in ("Bo", "Cas", "Dev"):
            await room.press(name, "🙋 Ik doe mee")
        await room.status_shows("Deelnemers (3): Bo, Cas, Dev")
        await room.press("teacher", "Rollen kiezen")
        await room.press("teacher", "▶️ Beginnen")
        await room.said("Stap 1 van 4: Jouw cijfer")
        status = await room.status_shows("✉️ Stuur je bijdrage privé naar mij.")
        assert REPLY_HINT not in (status.text or "")

        await read_until(room.students["Bo"], "Stuur hier je bijdrage")
        await room.students["Bo"].send("7, het gaat beter")
        await read_until(room.students["Bo"], "Ontvangen, dank je!")
        await room.status_shows("✉️ Binnen: 1 van 3")
        await room.settled()
        await room.press("teacher", "⏭ Volgende stap")
        await room.said("Stap 2 van 4: Wat gaat al beter")
        await room.status_shows("👉 Aan de beurt: Bo", REPLY_HINT)
