"""Exactly once: a double tap on a button that changes the trajectory changes it once; the
second tap is answered on the button ("already done") and nobody hears about it twice."""

from __future__ import annotations

from datetime import date, timedelta

from tgemulator import EmuMessage, ScriptedUser

from flows.trajectory import (
    ContractItemKey,
    Event,
    Move,
    NoteTopic,
    Party,
    Step,
    StepStatus,
    Trajectory,
    add_note,
    add_scale,
    add_step,
    confirm_item,
    propose_item,
)
from storage.models import utcnow
from tests.e2e.support.conversation import edited_to, next_answer, read_until
from tests.e2e.support.trajectory import (
    begin_chat,
    greeted,
    pair_up,
    put_snapshots,
    snapshots,
)
from tests.e2e.support.world import World

ALREADY_DONE = "Nog een keer tikken hoeft niet"


def double_tap(world: World, person: ScriptedUser, card: EmuMessage, label: str) -> None:
    """Two presses of one button, both sent before the bot answers the first."""
    for _ in range(2):
        world.emulator.press_button(person.user, card.message_id, chat=person.chat, label=label)


def agreed_contract() -> Trajectory:
    """A trajectory whose eight agreements both partners confirmed, to be accepted now."""
    trajectory = Trajectory(step=Step.CONTRACT, click_confirmed=True)
    for key in ContractItemKey:
        value = "4 gesprekken" if key is ContractItemKey.CONVERSATIONS else "Zo doen we het"
        trajectory = propose_item(trajectory, key, value, by=Party.COACH, at=utcnow())
        trajectory = confirm_item(trajectory, key, by=Party.COACHEE)
    return trajectory


async def test_a_small_step_ticked_off_twice_is_done_once(world: World) -> None:
    (sanne, bram), _, match_id = await pair_up(world, ["Sanne", "Bram"], kind="one_way")
    path = Trajectory(step=Step.PATH, click_confirmed=True)
    path = add_step(path, "Agenda kopen", date(2030, 1, 7), by=Party.COACHEE, at=utcnow())
    await put_snapshots(world, match_id, path)
    await greeted(sanne, bram)
    await bram.send("/steps")
    card = await bram.expect("Jouw kleine stappen")
    double_tap(world, bram, card, "✅ 1")
    await bram.expect("Top, stap gezet: Agenda kopen")
    await next_answer(bram, ALREADY_DONE)
    await sanne.expect("Bram zette een stap")
    await bram.expect_silence()
    await sanne.expect_silence()
    [trajectory] = await snapshots(world, match_id)
    [step] = trajectory.small_steps
    assert step.status is StepStatus.DONE and len(step.changes) == 1


async def test_accepting_the_contract_twice_counts_once(world: World) -> None:
    (sanne, bram), _, match_id = await pair_up(world, ["Sanne", "Bram"], kind="one_way")
    await put_snapshots(world, match_id, agreed_contract())
    await greeted(sanne, bram)
    await bram.send("/contract")
    await bram.expect("Periode")
    card = await bram.expect("Alle afspraken zijn rond")
    double_tap(world, bram, card, "✅ Zo spreken we het af")
    await bram.expect("Zodra iedereen akkoord is")
    await next_answer(bram, ALREADY_DONE)
    await bram.expect_silence()
    await sanne.expect_silence()
    [trajectory] = await snapshots(world, match_id)
    assert trajectory.step is Step.CONTRACT
    assert trajectory.confirmed_by(Event.ACCEPT_CONTRACT) == {Party.COACHEE}


async def test_a_suggestion_tapped_twice_is_proposed_once(world: World) -> None:
    (sanne, bram), _, match_id = await pair_up(world, ["Sanne", "Bram"], kind="one_way")
    await put_snapshots(world, match_id, Trajectory(step=Step.CONTRACT, click_confirmed=True))
    await greeted(sanne, bram)
    await bram.send("/contract")
    await bram.expect("Jullie afspraken")
    await bram.expect("Alle afspraken op een rij")
    await bram.press("✏️ Eén aanpassen")
    await bram.expect("Welke afspraak wil je aanpassen?")
    await bram.press("Periode")
    card = await bram.expect("1 van 8")
    choice = bram.buttons(card)[1]
    double_tap(world, bram, card, choice)
    await bram.expect(f"Je voorstel is doorgegeven: {choice}")
    await next_answer(bram, ALREADY_DONE)
    await bram.expect("Alle afspraken op een rij")
    await sanne.expect(f"Periode: {choice} (voorstel van Bram)")
    await sanne.expect_silence()
    [trajectory] = await snapshots(world, match_id)
    item = trajectory.contract.item(ContractItemKey.PERIOD)
    assert item is not None and len(item.versions) == 1 and item.confirmed_by == {Party.COACHEE}


async def test_agree_to_all_tapped_twice_agrees_once(world: World) -> None:
    (sanne, bram), _, match_id = await pair_up(world, ["Sanne", "Bram"], kind="one_way")
    await put_snapshots(world, match_id, Trajectory(step=Step.CONTRACT, click_confirmed=True))
    await greeted(sanne, bram)
    await bram.send("/contract")
    await bram.expect("Jullie afspraken")
    card = await bram.expect("Alle afspraken op een rij")
    double_tap(world, bram, card, "✅ Akkoord met alles")
    await bram.expect("Zodra iedereen akkoord is")
    await next_answer(bram, ALREADY_DONE)
    await sanne.expect("Bram is al akkoord met alles")
    await sanne.expect_silence()
    await bram.expect_silence()
    [trajectory] = await snapshots(world, match_id)
    assert trajectory.step is Step.CONTRACT
    assert trajectory.confirmed_by(Event.ACCEPT_CONTRACT) == {Party.COACHEE}
    assert all(item.versions[-1].by is Party.COACHEE for item in trajectory.contract.items)
    assert len(trajectory.contract.items) == 8


async def test_a_time_picked_twice_is_planned_and_announced_once(world: World) -> None:
    (sanne, bram), _, match_id = await pair_up(world, ["Sanne", "Bram"], kind="one_way")
    await put_snapshots(world, match_id, Trajectory(step=Step.GOAL, click_confirmed=True))
    await greeted(sanne, bram)
    await sanne.send("/plan")
    card = await sanne.expect()
    await sanne.press(sanne.buttons(card)[0])
    times = await edited_to(sanne, card.message_id, ":")
    time = sanne.buttons(times)[0]
    double_tap(world, sanne, times, time)
    await sanne.expect("Gepland")
    await next_answer(sanne, ALREADY_DONE)  # the times card works once (router)
    await bram.expect(time)
    await sanne.expect_silence()
    await bram.expect_silence()
    [trajectory] = await snapshots(world, match_id)
    assert trajectory.next_meeting is not None


async def test_a_reflection_started_twice_and_a_role_tapped_twice_ask_on_once(world: World) -> None:
    (sanne, bram), _, _ = await pair_up(world, ["Sanne", "Bram"], kind="one_way")
    await greeted(sanne, bram)
    await begin_chat(sanne, bram, mode="💬 Hier in de chat")
    await sanne.press("⏹ Gesprek afronden")
    offer = await read_until(sanne, "Neem even tijd")
    double_tap(world, sanne, offer, "🪞 Even terugkijken")
    roles = await sanne.expect("Welke rol")
    await next_answer(sanne, ALREADY_DONE)
    await sanne.expect_silence()
    double_tap(world, sanne, roles, sanne.buttons(roles)[0])
    await sanne.expect("1/7")
    await next_answer(sanne, ALREADY_DONE)
    await sanne.expect_silence()


def harvested() -> Trajectory:
    """A trajectory in its closing step with every closing question answered."""
    entered = utcnow() - timedelta(hours=1)
    move = Move(Event.START_CLOSING, Step.PATH, Step.CLOSING, Party.COACH, entered)
    closing = Trajectory(step=Step.CLOSING, click_confirmed=True, moves=(move,))
    closing = add_scale(closing, 8, by=Party.COACHEE, at=utcnow())
    for key in ("review", "learned", "keep_doing", "feedback", "compliment"):
        closing = add_note(closing, NoteTopic(key), "Veel", by=Party.COACHEE, at=utcnow())
    return closing


async def test_closing_confirmed_twice_by_the_coach_waits_for_the_coachee_once(
    world: World,
) -> None:
    (sanne, bram), _, match_id = await pair_up(world, ["Sanne", "Bram"], kind="one_way")
    await put_snapshots(world, match_id, harvested())
    await greeted(sanne, bram)
    await begin_chat(sanne, bram, mode="💬 Hier in de chat")
    await sanne.press("✅ Klaar om af te sluiten")
    card = await read_until(sanne, "Ronden jullie de coaching samen af?")
    await read_until(bram, "Ronden jullie de coaching samen af?")
    double_tap(world, sanne, card, "✅ Ja, we ronden af")
    await sanne.expect("Nu nog even wachten op Bram")
    await next_answer(sanne, ALREADY_DONE)
    await sanne.expect_silence()
    await bram.expect_silence()
    [trajectory] = await snapshots(world, match_id)
    assert trajectory.step is Step.CLOSING
    assert trajectory.confirmed_by(Event.CLOSE) == {Party.COACH}
