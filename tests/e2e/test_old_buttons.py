"""Old buttons meet a newer moment: a button on a card that something later replaced answers
on the button that it is no longer needed, and the question open now stays open."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select
from tgemulator import EmuMessage, ScriptedUser

from flows.onboarding import Role
from flows.trajectory import Event, Move, Party, Step, Trajectory
from storage.consent_models import StudentPledge
from storage.models import utcnow
from storage.pairing_models import PoolEntry, PoolStatus
from tests.e2e.support.conversation import next_answer, read_until
from tests.e2e.support.pairing import DUTCH, a_class
from tests.e2e.support.trajectory import begin_chat, greeted, pair_up, put_snapshots, snapshots
from tests.e2e.support.world import World

EARLIER_MOMENT = "Deze kaart hoort bij een eerder moment"
NO_LONGER_WORKS = "Deze knop werkt niet meer"
ALREADY_DONE = "Nog een keer tikken hoeft niet"
PROMISE = "🤝 Ik beloof het"


def press_on(person: ScriptedUser, card: EmuMessage, label: str) -> None:
    """Press a button on this card, even when a newer card has the same button."""
    person.emulator.press_button(person.user, card.message_id, chat=person.chat, label=label)


async def test_an_old_never_mind_leaves_the_open_question_open(world: World) -> None:
    """Bram writes his goal, then opens the scale; the goal prompt's "never mind", pressed now,
    cancels nothing: the scale still takes his number."""
    (sanne, bram), _, match_id = await pair_up(world, ["Sanne", "Bram"], kind="one_way")
    await put_snapshots(world, match_id, Trajectory(step=Step.GOAL, click_confirmed=True))
    await greeted(sanne, bram)
    await begin_chat(sanne, bram, mode="💬 Hier in de chat")
    await bram.press("🎯 Mijn doel")
    prompt = await bram.expect("Schrijf je doel in je eigen woorden")
    assert bram.buttons(prompt) == ["✖️ Laat maar"]
    await bram.send("Elke week mijn huiswerk plannen")
    await bram.expect("Staat in je logboek")
    await bram.press("📊 Mijn cijfer")
    await read_until(bram, "van 0 tot 10")
    bram.skip_unread()

    press_on(bram, prompt, "✖️ Laat maar")
    await next_answer(bram, EARLIER_MOMENT)
    await bram.press("6")
    await bram.expect("Staat in je logboek")
    [trajectory] = await snapshots(world, match_id)
    assert trajectory.goal is not None and [s.value for s in trajectory.scales] == [6]


async def test_an_old_skip_does_not_reopen_a_finished_profile(world: World) -> None:
    """Ana answers both profile questions by typing; the "skip" under the first one, pressed
    afterwards, asks nothing again and her next text is not taken as her interests."""
    group = await a_class(world, ["Ana"])
    ana = group["Ana"]
    await ana.send("/pool")
    await ana.expect("🤝")
    await ana.press("🙋 Ik doe mee")
    await ana.expect("Fijn dat je meedoet")
    await ana.expect()
    await ana.press(DUTCH["both"])
    await ana.expect()
    await ana.press(DUTCH["done"])
    await ana.expect()
    await ana.press(DUTCH["language"])
    about = await ana.expect("Vertel in één zin iets over jezelf")
    await ana.send("Ik speel graag basketbal")
    await ana.expect("Waar ben je graag mee bezig?")
    await ana.send("Muziek en tekenen")
    await ana.expect("Top, je profiel staat klaar!")
    await ana.expect("Muziek en tekenen")
    ana.skip_unread()

    press_on(ana, about, DUTCH["skip"])
    await next_answer(ana, NO_LONGER_WORKS)
    await ana.expect_silence(0.5)
    await ana.send("Hoe laat is het?")
    await ana.expect()  # not taken as an answer: the bot's word for text it does not wait for
    async with world.app.services.db.sessions() as session:
        entry = (await session.scalars(select(PoolEntry))).one()
    assert (entry.about, entry.interests, entry.awaiting) == (
        "Ik speel graag basketbal",
        "Muziek en tekenen",
        None,
    )


async def test_a_double_tapped_join_asks_for_the_promise_once(world: World) -> None:
    """Joining the pool before the promise: a double tap of "count me in" brings one promise
    card; the invitation's buttons are used up with it."""
    codes = await world.cohort()
    daan = world.person("Daan")
    await world.join(daan, codes[Role.STUDENT])
    daan.skip_unread()
    await daan.send("/pool")
    invite = await daan.expect("🤝")
    for _ in range(2):  # both presses are queued before the bot answers either
        press_on(daan, invite, "🙋 Ik doe mee")
    card = await daan.expect("Voordat je gekoppeld wordt: onze belofte")
    await next_answer(daan, ALREADY_DONE)
    await daan.expect_silence(0.5)
    assert daan.buttons(card) == [PROMISE, "🙅 Liever niet"]
    assert daan.buttons(invite) == []
    await daan.press(PROMISE)
    await daan.expect("Dank je voor je belofte")
    await daan.expect("Fijn dat je meedoet")
    await daan.expect()  # the first profile question
    await daan.expect_silence(0.5)


async def test_an_old_promise_after_promising_changes_nothing(world: World) -> None:
    """Daan first says no, then promises on a new card from /pool; the "promise after all" of
    his no, tapped mid-questionnaire, is answered as done and sends nothing."""
    codes = await world.cohort()
    daan = world.person("Daan")
    await world.join(daan, codes[Role.STUDENT])
    daan.skip_unread()
    await daan.send("/pool")
    await daan.expect("🤝")
    await daan.press("🙋 Ik doe mee")
    await daan.expect("Voordat je gekoppeld wordt: onze belofte")
    await daan.press("🙅 Liever niet")
    declined = await daan.expect("Zonder de belofte koppel ik je nog niet")
    await daan.send("/pool")
    await daan.expect("🤝")
    await daan.press("🙋 Ik doe mee")
    await daan.expect("Voordat je gekoppeld wordt: onze belofte")
    await daan.press(PROMISE)
    await daan.expect("Dank je voor je belofte")
    await daan.expect("Fijn dat je meedoet")
    await daan.expect()  # the first profile question
    daan.skip_unread()

    press_on(daan, declined, "🤝 Toch beloven")
    await next_answer(daan, ALREADY_DONE)
    await daan.expect_silence(0.5)
    async with world.app.services.db.sessions() as session:
        entry = (await session.scalars(select(PoolEntry))).one()
    assert entry.status is PoolStatus.ACTIVE and entry.about is None


async def test_an_older_promise_card_is_done_once_a_newer_one_was_answered(world: World) -> None:
    """Two promise cards from /pool twice: after the promise on the newer one, both buttons of
    the older one are answered as done; nothing is sent and the promise stands."""
    codes = await world.cohort()
    daan = world.person("Daan")
    await world.join(daan, codes[Role.STUDENT])
    daan.skip_unread()
    cards = []
    for _ in range(2):
        await daan.send("/pool")
        await daan.expect("🤝")
        await daan.press("🙋 Ik doe mee")
        cards.append(await daan.expect("Voordat je gekoppeld wordt: onze belofte"))
    older, newer = cards
    press_on(daan, newer, PROMISE)
    await daan.expect("Dank je voor je belofte")
    await daan.expect("Fijn dat je meedoet")
    await daan.expect()  # the first profile question
    daan.skip_unread()

    press_on(daan, older, "🙅 Liever niet")
    await next_answer(daan, ALREADY_DONE)
    await daan.expect_silence(0.5)
    async with world.app.services.db.sessions() as session:
        pledge = (await session.scalars(select(StudentPledge))).one()
    assert pledge.agreed_at is not None and pledge.declined_at is None


async def test_an_older_language_card_does_not_send_the_privacy_notice_again(
    world: World,
) -> None:
    """Mia taps her invitation twice and gets two language cards; once she chose on the newer
    one, the older one is done: no second confirmation, no second privacy notice."""
    codes = await world.cohort()
    mia = world.person("Mia")
    cards = []
    for _ in range(2):
        await mia.send(f"/start {codes[Role.STUDENT]}")
        cards.append(await mia.expect("In welke taal"))
    older, newer = cards
    press_on(mia, newer, "🇳🇱 Nederlands")
    await mia.expect("we praten Nederlands")
    notice = await mia.expect("Wie wat ziet")
    mia.skip_unread()

    press_on(mia, older, "🇬🇧 English")
    await next_answer(mia, ALREADY_DONE)
    await mia.expect_silence(0.5)
    assert mia.buttons(older) == []
    await mia.press(mia.buttons(notice)[0])
    await mia.expect("Welkom bij")


async def test_a_start_button_after_the_pair_was_dissolved_says_the_coaching_ended(
    world: World,
) -> None:
    """Bram blocks the bot and the pair is dissolved; Sanne's old "start" button says that this
    coaching ended, not that a newer card is waiting."""
    (sanne, bram), _, _ = await pair_up(world, ["Sanne", "Bram"])
    await greeted(sanne, bram)
    world.emulator.block_bot(bram.user)
    await sanne.expect("Ik kan Bram niet meer bereiken")
    sanne.skip_unread()

    await sanne.press("▶️ Start ons gesprek")
    answer = await sanne.expect_callback_answer("Deze coaching is afgelopen")
    assert EARLIER_MOMENT not in (answer.text or "")
    await sanne.expect_silence(0.5)


async def test_an_old_skip_in_the_closing_leaves_the_open_question_open(world: World) -> None:
    """Bram answers the look back by typing; its skip button, pressed while the scale is open,
    skips nothing: the scale still takes his number."""
    (sanne, bram), _, match_id = await pair_up(world, ["Sanne", "Bram"], kind="one_way")
    entered = utcnow() - timedelta(hours=1)
    move = Move(Event.START_CLOSING, Step.PATH, Step.CLOSING, Party.COACH, entered)
    await put_snapshots(
        world, match_id, Trajectory(step=Step.CLOSING, click_confirmed=True, moves=(move,))
    )
    await greeted(sanne, bram)
    await begin_chat(sanne, bram, mode="💬 Hier in de chat")
    await sanne.press("✅ Klaar om af te sluiten")
    review = await bram.expect("Kijk terug")
    assert bram.buttons(review) == ["⏭ Overslaan"]
    await bram.send("Het ging steeds beter")
    await bram.expect("Staat in je logboek")
    await bram.expect("van 0 tot 10")
    bram.skip_unread()

    press_on(bram, review, "⏭ Overslaan")
    await next_answer(bram, EARLIER_MOMENT)
    await bram.press("7")
    await bram.expect("Staat in je logboek")
    [trajectory] = await snapshots(world, match_id)
    assert [s.value for s in trajectory.scales] == [7]
