"""Shared steps for the trajectory conversation tests: pairing people directly, reading cards.

This module holds no tests itself; the test_trajectory_* files import from it.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.handlers.trajectory import start_match
from bot.sandbox.driver import ScriptedUser
from bot.sandbox.emulator_models import EmuMessage
from bot.turn import Turn
from flows.onboarding import Role
from flows.trajectory import Trajectory
from storage import cohorts, matches, trajectories
from storage.models import utcnow
from tests.e2e.world import World, eventually


async def pair_up(
    world: World,
    names: Sequence[str],
    *,
    kind: str = "reciprocal",
    language: str = "Nederlands",
    cohort: str = "5B Peercoaching",
    coordinator: str | None = "Ilse",
) -> tuple[list[ScriptedUser], ScriptedUser | None, int]:
    """Students who joined one cohort, matched directly (as pairing would) and started."""
    codes = await world.cohort(cohort)
    code = "en" if language == "English" else "nl"
    people = [world.person(name, language_code=code) for name in names]
    for person in people:
        await world.join(person, codes[Role.STUDENT], language=language)
    boss = world.person(coordinator, language_code=code) if coordinator else None
    if boss is not None:
        await world.join(boss, codes[Role.COORDINATOR], language=language)
    for person in [*people, *([boss] if boss else [])]:
        person.skip_unread()  # joining is tested elsewhere; its edits would confuse expect_edit
    async with world.app.services.db.transaction() as session:
        found = await cohorts.cohort_by_name(session, name=cohort)
        assert found is not None
        match = await matches.create_match(
            session,
            cohort_id=found.id,
            kind=kind,
            members=[p.user.id for p in people],
            now=utcnow(),
        )
        turn = Turn(world.app.services, session, world.app.services.clock.now(), chat_id=0)
        await start_match(turn, match.id)
        match_id = match.id
    world.app.delivery.wake()
    return people, boss, match_id


async def snapshots(world: World, match_id: int) -> list[Trajectory]:
    """The stored snapshots of a match, in position order."""
    async with world.app.services.db.sessions() as session:
        rows = await trajectories.trajectories_of_match(session, match_id=match_id)
        return [Trajectory.from_dict(row.snapshot) for row in rows]


async def expect_all(people: Sequence[ScriptedUser], contains: str) -> list[EmuMessage]:
    """Everyone gets a message containing this text next."""
    return [await person.expect(contains) for person in people]


async def read_until(person: ScriptedUser, contains: str, *, limit: int = 20) -> EmuMessage:
    """Skip the person's messages until one contains this text (for long after-care bursts)."""
    for _ in range(limit):
        message = await person.expect()
        if contains in (message.text or ""):
            return message
    raise AssertionError(f"{person.user.first_name} never got a message with {contains!r}")


async def settle_contract(
    proposer: ScriptedUser, agreer: ScriptedUser, *, agree: str, of: str
) -> list[str]:
    """Walk the eight agreements: the proposer taps the first suggestion, the other agrees.

    `of` is how the card counts ("van 8" / "of 8"); returns the agreed wordings.
    """
    agreed = []
    for number in range(1, 9):
        card = await proposer.expect(f"{number} {of}")
        await agreer.expect(f"{number} {of}")
        choice = proposer.buttons(card)[0]
        await proposer.press(choice)
        await proposer.expect(choice)
        proposal = await agreer.expect(choice)
        assert agree in agreer.buttons(proposal)
        await agreer.press(agree)
        await proposer.expect(choice)
        await agreer.expect(choice)
        agreed.append(choice)
    return agreed


async def edited_to(person: ScriptedUser, message_id: int, contains: str) -> EmuMessage:
    """Wait until a bot message in this person's chat was edited to contain this text."""
    message = person.chat.messages[message_id]

    async def changed() -> bool:
        return contains in (message.text or "")

    await eventually(changed)
    return message


async def plan_first_slot(planner: ScriptedUser, other: ScriptedUser, planned: str) -> str:
    """Pick the first offered day and time on the planner's newest plan card."""
    card = await planner.expect()
    await planner.press(planner.buttons(card)[0])
    times = await edited_to(planner, card.message_id, ":")
    time = planner.buttons(times)[0]
    await planner.press(time)
    await planner.expect(planned)
    await other.expect(time)
    return time


async def begin_chat(coach: ScriptedUser, coachee: ScriptedUser, *, mode: str) -> EmuMessage:
    """The coach starts a conversation from the home card (with the who-question of a
    reciprocal pair) in Dutch; returns the coach's prompt card."""
    await coach.press("▶️ Start ons gesprek")
    who = await coach.expect()
    if "Wie coacht" in (who.text or ""):
        await coach.press(f"Ik coach {coachee.user.first_name}")
        await coach.expect("Waar praten jullie")
    await coach.press(mode)
    await coach.expect("Jullie gesprek is begonnen")
    await coach.expect("Voor jou als coach")
    card = await coach.expect("Vraag 1 van")
    await coachee.expect("Jullie gesprek is begonnen")
    await coachee.expect("Jouw logboek")
    return card


async def put_snapshots(world: World, match_id: int, *snapshot: Trajectory) -> None:
    """Set a match's trajectories to given snapshots (to start a test further along the way)."""
    async with world.app.services.db.transaction() as session:
        rows = await trajectories.trajectories_of_match(session, match_id=match_id)
        for row, trajectory in zip(rows, snapshot, strict=False):
            trajectories.store_snapshot(
                row, snapshot=trajectory.to_dict(), step=trajectory.step.value, now=utcnow()
            )
        state = await trajectories.pair_state(session, match_id=match_id, now=utcnow())
        state.click_done = True


async def greeted(*people: ScriptedUser) -> None:
    """Read each person's pairing greeting and first home card."""
    for person in people:
        await person.expect("🤝")
        await person.expect("📍")


async def toast(person: ScriptedUser, contains: str, *, limit: int = 10) -> None:
    """Skip silent button answers until one says this (a toast or an alert)."""
    for _ in range(limit):
        answer = await person.expect_callback_answer()
        if contains in (answer.text or ""):
            return
    raise AssertionError(f"{person.user.first_name} never saw a toast with {contains!r}")
