"""Bad input end to end: each gets a short, friendly answer or is ignored on purpose."""

from __future__ import annotations

from sqlalchemy import func, select
from tgemulator import ScriptedUser

from flows.onboarding import Role
from storage.models import InboxUpdate, User
from tests.e2e.support.world import World


async def joined_student(world: World, name: str = "Sam") -> ScriptedUser:
    codes = await world.cohort()
    person = world.person(name)
    await world.join(person, codes[Role.STUDENT])
    return person


async def test_media_and_unexpected_text_get_a_kind_answer(world: World) -> None:
    sam = await joined_student(world)
    await sam.send_sticker()
    await sam.expect("alleen met tekst en knoppen")
    await sam.send_photo(caption="kijk")
    await sam.expect("alleen met tekst en knoppen")
    await sam.send_voice()
    await sam.expect("alleen met tekst en knoppen")
    await sam.send("hallo?")
    await sam.expect("verwacht nu geen tekst")
    await sam.send("/dansen")
    await sam.expect("commando ken ik niet")


async def test_edited_messages_are_answered_not_processed(world: World) -> None:
    sam = await joined_student(world)
    sent = await sam.send("/help")
    await sam.expect("Wat kun je hier doen?")
    world.emulator.edit_text(sam.user, sent["message_id"], "/newcohort Stiekem")
    await sam.expect("bericht hebt aangepast")


async def test_strangers_are_pointed_to_an_invite(world: World) -> None:
    stranger = world.person("Onbekend")
    await stranger.send("hoi")
    await stranger.expect("nog niet aangemeld")
    await stranger.send("/newcohort Hack")
    await stranger.expect("nog niet aangemeld")
    await stranger.send_sticker()
    await stranger.expect("alleen met tekst")
    async with world.app.services.db.sessions() as session:
        assert await session.get(User, stranger.user.id) is None


async def test_old_forged_and_foreign_buttons(world: World) -> None:
    codes = await world.cohort()
    eva = world.person("Eva")
    await eva.send(f"/start {codes[Role.STUDENT]}")
    choose = await eva.expect("In welke taal")
    await eva.press("🇳🇱 Nederlands")
    await eva.expect_callback_answer()
    await eva.expect("we praten Nederlands")
    await eva.expect("Is dat oké")

    # The language card lost its buttons; pressing its old data again does nothing harmful.
    old_data = world.emulator.chat(eva.chat_id).messages[choose.message_id]
    assert eva.buttons(old_data) == []
    await eva.press_data(choose.message_id, "forged-data-123")
    await eva.expect_callback_answer("werkt niet meer")
    await eva.press_data(choose.message_id, "x" * 64)
    await eva.expect_callback_answer("werkt niet meer")

    # Pressing consent twice yields one welcome.
    await eva.press("Oké, en ik ben 16 of ouder 👍")
    await eva.expect("Welkom bij")
    await eva.expect_silence(0.5)


async def test_a_10000_character_text_is_answered_and_the_bot_keeps_working(world: World) -> None:
    sam = await joined_student(world)
    huge = "Dit is een heel lang verhaal. " * 334  # about 10,000 characters
    # Telegram clients split a text over 4096 characters into several messages.
    for start in range(0, len(huge), 4096):
        await sam.send(huge[start : start + 4096])
    for _ in range(0, len(huge), 4096):
        await sam.expect("verwacht nu geen tekst")
    await sam.send("/help")
    await sam.expect("Wat kun je hier doen?")


async def test_every_update_is_processed_once_and_its_content_erased(world: World) -> None:
    sam = await joined_student(world)
    await sam.send("geheim verhaal")
    await sam.expect("verwacht nu geen tekst")
    async with world.app.services.db.sessions() as session:
        pending = await session.scalar(
            select(func.count()).select_from(InboxUpdate).where(InboxUpdate.status != "done")
        )
        kept = await session.scalar(
            select(func.count()).select_from(InboxUpdate).where(InboxUpdate.payload.is_not(None))
        )
    assert (pending, kept) == (0, 0)
