"""Breakouts meet awkward input: huge texts, stickers, photos, /help and /cancel mid-turn."""

from __future__ import annotations

from tgemulator import ScriptedUser

from tests.e2e.support.conversation import next_answer, press_when_shown, read_until
from tests.e2e.support.rooms import Classroom, classroom
from tests.e2e.support.world import every_press_answered
from tests.e2e.test_breakout_edges import SIX, stored

WORDS = {
    "nl": {
        "protocol": "Incidentmethode",
        "size": "Groepjes van 3",
        "card": "in groepjes van 3",
        "join": "🙋 Ik doe mee",
        "start": "👥 Groepjes maken",
        "formed": "De 2 groepjes zijn er!",
        "only": "Dat kan alleen Mila",
        "long": "2000 tekens",
        "sticker": "kan ik niet bewaren",
        "cancel": "Je groepje gaat gewoon door",
        "help": "Wat kun je hier doen?",
    },
    "en": {
        "protocol": "Incident method",
        "size": "Groups of 3",
        "card": "in groups of 3",
        "join": "🙋 I'm in",
        "start": "👥 Make groups",
        "formed": "Here are the 2 groups!",
        "only": "Only Mila",
        "long": "2000 characters",
        "sticker": "can't keep",
        "cancel": "Your group carries on",
        "help": "What can you do here?",
    },
}


async def groups_formed(
    room: Classroom, words: dict[str, str], names: tuple[str, ...] = SIX
) -> list[str]:
    """The teacher forms groups of three; the first group's members, the case-giver first."""
    await room.member("teacher").send("/breakout")
    await press_when_shown(room.watcher, words["protocol"])
    await press_when_shown(room.watcher, words["size"])
    await room.said(words["card"])
    for name in names:
        await room.member(name).press(words["join"])
    await room.settled()
    await room.member(names[0]).press(words["start"])
    await next_answer(room.member(names[0]), words["only"])
    await room.member("teacher").press(words["start"])
    await room.said(words["formed"])
    breakout = await stored(room)
    names = {p.user.id: n for n, p in room.students.items()}
    return [names[uid] for uid in breakout.groups[0].member_ids]


def texts(person: ScriptedUser) -> list[str]:
    """Everything the bot said in this person's private chat, oldest first."""
    return [m.text or "" for m in person.emulator.bot_messages(person.chat_id)]


async def awkward_input_is_answered_and_relays_go_on(room: Classroom, code: str) -> None:
    words = WORDS[code]
    giver, other, _ = await groups_formed(room, words)
    sender, reader = room.students[giver], room.students[other]
    await room.settled()
    before = len(texts(reader))

    # A huge text: the giver hears it is too long; nothing half reaches the group.
    await sender.send("&<b>" * 1024)
    await read_until(sender, words["long"])
    await sender.send_sticker()
    await read_until(sender, words["sticker"])
    await sender.send_photo()
    await read_until(sender, words["sticker"])
    await room.settled()
    assert texts(reader)[before:] == []

    # /cancel and /help mid-turn answer, and the group still goes on afterwards.
    await sender.send("/cancel")
    await read_until(sender, words["cancel"])
    await reader.send("/help")
    await read_until(reader, words["help"])
    tag_soup = "Ik & jij <3 </b> " * 100  # 1,700 characters with & and <, escaped in the relay
    await sender.send(tag_soup)
    relayed = await read_until(reader, f"{giver}: Ik & jij <3")
    assert (relayed.text or "").endswith(tag_soup.strip())
    assert all(len(text) <= 4096 for text in texts(reader))
    for answer in room.world.emulator.callback_answers:
        assert answer.text is None or len(answer.text) <= 200
    await every_press_answered(room.world)


async def test_awkward_input_during_a_breakout_in_dutch(database_url: str) -> None:
    async with classroom(database_url, names=SIX) as room:
        await awkward_input_is_answered_and_relays_go_on(room, "nl")


async def test_awkward_input_during_a_breakout_in_english(database_url: str) -> None:
    async with classroom(database_url, names=SIX, language="English", code="en") as room:
        await awkward_input_is_answered_and_relays_go_on(room, "en")


TRICKY = ("Zoë & <b>Jo</b>", "A&amp;B", "<3 Lou", "Ma\u00efa", "Bo", "&#128075; Cas")


async def test_names_with_markup_in_a_breakout_show_as_typed(database_url: str) -> None:
    async with classroom(database_url, names=TRICKY) as room:
        members = await groups_formed(room, WORDS["nl"], TRICKY)
        sender, reader = room.students[members[0]], room.students[members[1]]
        await room.settled()
        await sender.send("hoi <allemaal> & tot zo")
        relayed = await read_until(reader, "hoi <allemaal> & tot zo")
        assert (relayed.text or "").startswith(f"💬 {members[0]}: ")
        for name in TRICKY:
            chat = room.students[name]
            assert any(name in text for text in texts(chat)), name


async def test_a_member_who_blocked_the_bot_leaves_the_others_talking(database_url: str) -> None:
    async with classroom(database_url, names=SIX) as room:
        giver, blocker, third = await groups_formed(room, WORDS["nl"])
        await room.settled()
        room.world.emulator.block_bot(room.students[blocker].user)
        await room.students[giver].send("Eerste zin na het blokkeren.")
        await read_until(room.students[third], f"{giver}: Eerste zin na het blokkeren.")
        await room.settled()
        assert not any("Eerste zin" in text for text in texts(room.students[blocker]))
        await room.member("teacher").press("⏭ Volgende stap (alle groepjes)")
        await read_until(room.students[giver], "Stap 2 van 7", limit=20)
        await every_press_answered(room.world)


async def test_breakout_asked_privately_and_help_in_the_group(database_url: str) -> None:
    async with classroom(database_url, names=SIX) as room:
        await room.students["Ana"].send("/breakout")
        told = await room.students["Ana"].expect("Groepjes maakt je docent")
        assert "startgroup" not in (told.text or "")
        await room.teacher.send("/breakout")
        await room.teacher.expect("?startgroup=room")
        await room.member("Bo").send("/help")
        helped = await room.said("/breakout")
        assert "/room" in (helped.text or "")


async def test_someone_who_blocked_the_bot_is_asked_to_unblock_before_joining(
    database_url: str,
) -> None:
    async with classroom(database_url, names=SIX) as room:
        words = WORDS["nl"]
        ana = room.students["Ana"]
        room.world.emulator.block_bot(ana.user)
        await room.settled()
        await room.member("teacher").send("/breakout")
        await press_when_shown(room.watcher, words["protocol"])
        await press_when_shown(room.watcher, words["size"])
        await room.said(words["card"])
        await room.member("Ana").press(words["join"])
        refused = await room.member("Ana").expect_callback_answer("Deblokkeren")
        assert refused.show_alert
        room.world.emulator.unblock_bot(ana.user)
        await room.settled()
        for name in SIX:
            await room.member(name).press(words["join"])
        await room.settled()
        await room.member("teacher").press(words["start"])
        await room.said(words["formed"])
        joined = {uid for group in (await stored(room)).groups for uid in group.member_ids}
        assert ana.user.id in joined
        await read_until(ana, "Jij zit in groepje")
        await every_press_answered(room.world)
