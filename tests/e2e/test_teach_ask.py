"""'Ask my teacher' on the coach's card: the teachers hear who and when, the coach is thanked,
and pressing twice, or again on a later card, tells the teachers once."""

from __future__ import annotations

from sqlalchemy import select
from tgemulator import ScriptedUser

from flows.onboarding import Role
from storage import cohorts, pairing, people
from storage.models import utcnow
from storage.teach_models import SupervisionAsk
from tests.e2e.support.trajectory import begin_chat, greeted, pair_up
from tests.e2e.support.world import World, eventually

ASK = "🙋 Vraag mijn leerkracht"


async def _teacher(world: World, name: str, language: str) -> ScriptedUser:
    """A teacher of the pair's class, stored as joined (joining is tested in test_onboarding)."""
    teacher = world.person(name, language_code=language)
    now = utcnow()
    async with world.app.services.db.transaction() as session:
        cohort = await cohorts.cohort_by_name(session, name="5B Peercoaching")
        assert cohort is not None
        user = await people.get_or_create_user(session, user_id=teacher.user.id, now=now)
        user.language = language
        await people.accept_privacy(session, user=user, first_name=name, username=None, now=now)
        await cohorts.join_cohort(
            session, user_id=user.id, cohort_id=cohort.id, role=Role.TEACHER, now=now
        )
    return teacher


async def test_a_coach_asks_their_teachers_once_and_they_hear_only_who_and_when(
    world: World,
) -> None:
    (sanne, bram), _, _ = await pair_up(world, ["Sanne", "Bram"], kind="one_way")
    mila, emma = await _teacher(world, "Mila", "nl"), await _teacher(world, "Emma", "en")
    await greeted(sanne, bram)
    card = await begin_chat(sanne, bram, mode="💬 Hier in de chat")
    assert ASK in sanne.buttons(card)
    notebook = bram.emulator.last_bot_message(bram.chat_id)
    assert notebook is not None and ASK not in bram.buttons(notebook)  # for coaches only
    await bram.send("Ik wil minder stress voor toetsen")
    await sanne.expect("Ik wil minder stress voor toetsen", timeout=30)
    sanne.skip_unread()  # the answers to her earlier presses while the conversation began

    await sanne.press(ASK)
    await sanne.expect_callback_answer(timeout=30)
    await sanne.expect("Goed dat je het vraagt!", timeout=30)
    notice = await mila.expect("Sanne uit 5B Peercoaching", timeout=30)
    text = notice.text or ""
    assert "vraagt je om supervisie" in text
    assert "Bram" not in text and "toetsen" not in text  # who and when, nothing else
    english = await emma.expect("Sanne from 5B Peercoaching asks you for supervision", timeout=30)
    assert "Bram" not in (english.text or "")

    # A double tap on the same card: answered, and the teachers hear nothing more.
    await sanne.press(ASK)
    await sanne.expect_callback_answer("Dat is al geregeld", timeout=30)
    # A new card later on, asked again within the week: still counted once.
    await sanne.press("🔄 Andere vraag")
    await sanne.expect_callback_answer(timeout=30)
    await sanne.press(ASK)
    await sanne.expect("Je leerkracht weet het al sinds", timeout=30)
    await mila.expect_silence(1.0)
    await emma.expect_silence(0.1)
    async with world.app.services.db.sessions() as session:
        asks = list((await session.scalars(select(SupervisionAsk))).all())
    assert [(a.user_id,) for a in asks] == [(sanne.user.id,)]


async def test_teachers_who_blocked_the_bot_are_out_of_reach_not_missing(world: World) -> None:
    (sanne, bram), _, _ = await pair_up(world, ["Sanne", "Bram"], kind="one_way")
    mila = await _teacher(world, "Mila", "nl")
    world.emulator.block_bot(mila.user)

    async def mila_unreachable() -> bool:
        async with world.app.services.db.sessions() as session:
            contacts = await pairing.contacts(session, user_ids=[mila.user.id])
        return contacts[mila.user.id].unreachable

    await eventually(mila_unreachable, seconds=30)
    await greeted(sanne, bram)
    await begin_chat(sanne, bram, mode="💬 Hier in de chat")
    sanne.skip_unread()
    await sanne.press(ASK)
    await sanne.expect("Je leerkracht is via de bot nu niet te bereiken", timeout=30)
