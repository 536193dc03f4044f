"""Telegram's "/" menu fits each role and language, and a pasted invitation link works."""

from __future__ import annotations

from typing import Any

from flows.onboarding import Role
from tests.e2e.support.privacy import erase_in_telegram
from tests.e2e.support.world import World, eventually


def _menu(world: World, scope: str, language: str = "") -> list[str]:
    return [c["command"] for c in world.emulator.commands.get((scope, language), [])]


def _descriptions(world: World, scope: str) -> dict[str, Any]:
    return {c["command"]: c["description"] for c in world.emulator.commands.get((scope, ""), [])}


async def test_newcomers_see_the_students_menu_and_group_admins_see_room(world: World) -> None:
    assert "talk" in _menu(world, "all_private_chats", "nl")
    assert "newcohort" not in _menu(world, "all_private_chats", "en")
    assert _menu(world, "all_chat_administrators", "nl") == ["room", "breakout", "help"]
    # Group members who are not administrators see nothing they cannot use.
    assert ("default", "") not in world.emulator.commands


async def test_each_person_gets_the_menu_of_their_role_in_their_language(world: World) -> None:
    codes = await world.cohort("5B Peercoaching")
    noor, sanne = world.person("Noor"), world.person("Sanne")
    await world.join(noor, codes[Role.COORDINATOR])
    await world.join(sanne, codes[Role.STUDENT])

    async def both_menus_set() -> bool:
        return all(_menu(world, f"chat:{p.chat_id}") for p in (noor, sanne))

    await eventually(both_menus_set, seconds=15)
    coordinator = _menu(world, f"chat:{noor.chat_id}")
    assert {"newcohort", "links", "pair", "progress"} <= set(coordinator)
    assert "talk" not in coordinator
    student = _menu(world, f"chat:{sanne.chat_id}")
    assert "talk" in student and "newcohort" not in student
    assert _descriptions(world, f"chat:{sanne.chat_id}")["talk"] == "Je coachingsgesprek"

    # Joining as a teacher too: the menu grows with the new role.
    await noor.send(f"/start {codes[Role.TEACHER]}")
    await noor.expect("Welkom bij")

    async def room_added() -> bool:
        return "room" in _menu(world, f"chat:{noor.chat_id}")

    await eventually(room_added, seconds=15)

    # Switching to English: the menu speaks English too.
    await sanne.send("/settings")
    await sanne.expect()
    await sanne.press("🇬🇧 English")
    await sanne.expect("English")

    async def in_english() -> bool:
        return (
            _descriptions(world, f"chat:{sanne.chat_id}").get("talk")
            == "Your coaching conversation"
        )

    await eventually(in_english, seconds=15)

    # After erasure the chat falls back to the newcomers' menu.
    await erase_in_telegram(sanne)

    async def menu_gone() -> bool:
        return not _menu(world, f"chat:{sanne.chat_id}")

    await eventually(menu_gone, seconds=15)


async def test_a_pasted_invitation_link_joins_like_a_tapped_one(world: World) -> None:
    codes = await world.cohort("5B Peercoaching")
    sanne = world.person("Sanne")
    await sanne.send(f"https://t.me/{world.app.services.bot_username}?start={codes[Role.STUDENT]}")
    await sanne.expect("In welke taal")
    await sanne.press("🇳🇱 Nederlands")
    await sanne.expect("we praten Nederlands")
    await sanne.expect("Wie wat ziet")
    await sanne.press("Oké, en ik ben 16 of ouder 👍")
    welcome = await sanne.expect("Welkom bij")
    assert "5B Peercoaching" in welcome.text
