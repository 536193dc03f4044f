"""Shared steps for the trajectory conversation tests: pairing people directly, reading cards.

The test_trajectory_* files import from it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from tgemulator import EmuMessage, ScriptedUser

from bot.handlers.trajectory import start_match
from bot.runtime.turn import Turn
from flows.onboarding import Role
from flows.trajectory import Trajectory
from storage import cohorts, matches, trajectories
from storage.models import utcnow
from tests.e2e.support.conversation import edited_to
from tests.e2e.support.journey import Journey
from tests.e2e.support.pairing import promised
from tests.e2e.support.world import World


@dataclass
class MatchJourney(Journey):
    """A journey of people matched together; the match tells where their trajectories are."""

    match_id: int


async def pair_up(
    world: World,
    names: Sequence[str],
    *,
    kind: str = "reciprocal",
    language: str = "Nederlands",
    cohort: str = "5B Peercoaching",
    coordinator: str | None = "Ilse",
    pledged: bool = True,
    languages: Sequence[str] | None = None,
) -> tuple[list[ScriptedUser], ScriptedUser | None, int]:
    """Students who joined one cohort, matched directly (as pairing would) and started; they
    made the pledge as the pool asks (`pledged=False`: a match made outside the pool).
    `languages`: each student's own, in the order of `names` (else all speak `language`)."""
    codes = await world.cohort(cohort)
    code = "en" if language == "English" else "nl"
    spoken = list(languages) if languages is not None else [language] * len(names)
    people = [
        world.person(name, language_code="en" if own == "English" else "nl")
        for name, own in zip(names, spoken, strict=True)
    ]
    for person, own in zip(people, spoken, strict=True):
        await world.join(person, codes[Role.STUDENT], language=own)
    boss = world.person(coordinator, language_code=code) if coordinator else None
    if boss is not None:
        await world.join(boss, codes[Role.COORDINATOR], language=language)
    for person in [*people, *([boss] if boss else [])]:
        person.skip_unread()  # joining is tested elsewhere; its edits would confuse expect_edit
    async with world.app.services.db.transaction() as session:
        found = await cohorts.cohort_by_name(session, name=cohort)
        assert found is not None
        ids = [p.user.id for p in people]
        if pledged:
            await promised(session, cohort_id=found.id, user_ids=ids, now=utcnow())
        match = await matches.create_match(
            session, cohort_id=found.id, kind=kind, members=ids, now=utcnow()
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


async def agree_to_all(
    first: ScriptedUser,
    second: ScriptedUser,
    *,
    agree: str = "✅ Akkoord met alles",
    card: str = "Alle afspraken op een rij",
    waiting: str = "Zodra iedereen akkoord is",
    done: str = "Jullie afspraken staan",
) -> int:
    """Both read every agreement on one card and each agrees to all: the contract stands.

    Returns the taps it took (one per partner).
    """
    for person in (first, second):
        whole = await person.expect(card)
        assert person.buttons(whole)[0] == agree, person.buttons(whole)
    await first.press(agree)
    await first.expect(waiting)
    again = await second.expect(card)
    assert first.user.first_name in (again.text or "")  # who already agreed to all
    await second.press(agree)
    for person in (first, second):
        await person.expect(done)
    return 2


async def plan_first_slot(planner: ScriptedUser, other: ScriptedUser, planned: str) -> str:
    """Pick the first offered day and time on the planner's newest plan card."""
    # Generous: with several processes a reply may wait for another's claim to pass.
    card = await planner.expect(timeout=30)
    await planner.press(planner.buttons(card)[0])
    times = await edited_to(planner, card.message_id, ":", seconds=30)
    time = planner.buttons(times)[0]
    await planner.press(time)
    await planner.expect(planned, timeout=30)
    await other.expect(time, timeout=30)
    return time


async def begin_chat(
    coach: ScriptedUser,
    coachee: ScriptedUser,
    *,
    mode: str,
    observer: ScriptedUser | None = None,
) -> EmuMessage:
    """The coach starts a conversation from the home card in Dutch: the first time with the
    who-question of a reciprocal pair and the where-question; later it starts where the pair
    left off, and the coach swaps who coaches or where with a tap when it differs. A triad's
    observer gets the prompts. Returns the coach's card."""
    roles = f"{coach.user.first_name} coacht, {coachee.user.first_name} is coachee"
    await coach.press("▶️ Start ons gesprek")
    who = await coach.expect()
    if "Jullie gesprek is begonnen" in (who.text or ""):
        return await started_again(coach, coachee, who, mode=mode, observer=observer)
    if "Wie coacht" in (who.text or ""):
        await coach.press(f"Ik coach {coachee.user.first_name}")
        await coach.expect("Waar praten jullie")
    else:
        assert f"{coach.user.first_name} en {coachee.user.first_name}?" in (who.text or "")
    await coach.press(mode)
    for person in (coach, coachee, *([observer] if observer else [])):
        begun = await person.expect("Jullie gesprek is begonnen")
        assert roles in (begun.text or ""), begun.text
    return await _cards_read(coach, coachee, observer)


async def _cards_read(
    coach: ScriptedUser, coachee: ScriptedUser, observer: ScriptedUser | None
) -> EmuMessage:
    """Everyone reads the card of their role; returns the coach's."""
    await coach.expect("Voor jou als coach")
    card = await coach.expect("Vraag 1 van")
    await coachee.expect("Jouw logboek")
    if observer is not None:
        await watches(observer, coach, coachee)
    return card


SWAP = "🔄 Wissel: {name} coacht"
WHERE = {
    "💬 Hier in de chat": "💬 Toch hier in de chat",
    "🪑 Samen, in het echt": "🪑 Toch in het echt",
}
HOW = {"💬 Hier in de chat": "Wat je hier typt", "🪑 Samen, in het echt": "in het echt"}


async def started_again(
    coach: ScriptedUser,
    coachee: ScriptedUser,
    begun: EmuMessage,
    *,
    mode: str,
    observer: ScriptedUser | None = None,
) -> EmuMessage:
    """A later conversation began without asking (the coach read `begun`): when it was the
    other's turn to coach, the coach swaps with one tap; when they talk elsewhere this time,
    one tap moves it. Everyone read their card; returns the coach's."""
    roles = f"{coach.user.first_name} coacht, {coachee.user.first_name} is coachee"
    if roles not in (begun.text or ""):  # the other's turn: the coach swaps it
        other = await coachee.expect("Jullie gesprek is begonnen")
        if observer is not None:
            await observer.expect("Jullie gesprek is begonnen")
            await observer.expect("Jij bent de observator")
        await coach.expect("Jouw logboek")
        await coachee.expect("Voor jou als coach")
        await coachee.expect("Vraag 1 van")
        assert coachee.user.first_name in (other.text or "")
        await coach.press(SWAP.format(name=coach.user.first_name))
        begun = await coach.expect("Jullie gesprek is begonnen")
        assert roles in (begun.text or ""), begun.text
    for person in (coachee, *([observer] if observer else [])):
        seen = await person.expect("Jullie gesprek is begonnen")
        assert roles in (seen.text or ""), seen.text
    card = await _cards_read(coach, coachee, observer)
    if HOW[mode] not in (begun.text or ""):
        await coach.press(WHERE[mode])
        for person in (coach, coachee, *([observer] if observer else [])):
            await person.expect("Jullie praten nu")
    return card


async def watches(observer: ScriptedUser, coach: ScriptedUser, coachee: ScriptedUser) -> str:
    """A triad's observer gets what to look for in this step; returns the step's name."""
    card = await observer.expect("Jij bent de observator")
    text = card.text or ""
    pair = f"{coach.user.first_name} coacht {coachee.user.first_name}. Stap: "
    assert pair in text and "\n• " in text, text
    # The observer watches: nothing to write, only the worry route (issue 13).
    assert observer.buttons(card) == ["🫶 Ik maak me zorgen"]
    return text.split(pair)[1].split(".")[0]


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


async def new_step(
    coach: ScriptedUser,
    coachee: ScriptedUser,
    step: str,
    theme: str,
    observer: ScriptedUser | None = None,
) -> None:
    """The trajectory moved on mid-conversation: coach and coachee hear it and get their new
    cards (the coach's on this theme); a triad's observer gets the step's prompts."""
    await coach.expect(f"Nieuwe stap: {step}")
    await coach.expect(f"{step} · {theme}")
    notebook = await coachee.expect(f"Nieuwe stap: {step}")  # one message, the notebook with it
    assert f"Jouw logboek · {step}" in (notebook.text or ""), notebook.text
    if observer is not None:
        assert await watches(observer, coach, coachee) == step


async def small_step(coach: ScriptedUser, coachee: ScriptedUser, text: str, *, days: int) -> None:
    """The coachee, asked for a small step, writes it and picks its date; the coach sees it."""
    await coachee.expect("kleine stap")
    await coachee.send(text)
    dates = await coachee.expect("Wanneer wil je deze stap gezet hebben?")
    labels = {1: "Morgen", 3: "Over 3 dagen", 7: "Over een week", 14: "Over 2 weken"}
    await coachee.press(next(b for b in coachee.buttons(dates) if b.startswith(labels[days])))
    await coachee.expect("Staat in je logboek")
    await coach.expect(f"Kleine stap\n{text} (")


async def goal_to_path(
    coach: ScriptedUser,
    coachee: ScriptedUser,
    *,
    goal: str,
    scale: int,
    stage: str,
    step: str,
    observer: ScriptedUser | None = None,
) -> None:
    """On the goal card: the coach moves on and the coachee writes goal and scale, confirms,
    plans a stage and a dated small step, and sets off. The coach sees every capture."""
    name = coachee.user.first_name
    await write_goal(coach, coachee, goal, scale)
    await new_step(coach, coachee, "De route", "Waar je nu staat", observer)

    await coach.press("➡️ Op weg!")
    await coach.expect(f"Ik vraag {name}")
    await coachee.expect("Noem een etappe")
    await coachee.send(stage)
    await coachee.expect("Staat in je logboek")
    await coach.expect(f"Etappe\n{stage}")
    await coachee.expect("Nog een etappe erbij")
    await coachee.press("➡️ Naar mijn stap")
    await small_step(coach, coachee, step, days=7)
    route = await coachee.expect("Jouw route")
    assert stage in (route.text or "") and step in (route.text or "")
    await coachee.press("✅ Zo ga ik op weg")
    await new_step(coach, coachee, "Onderweg", "Wat gaat beter", observer)


async def write_goal(coach: ScriptedUser, coachee: ScriptedUser, goal: str, scale: int) -> None:
    """On the goal card the coach moves on; the coachee writes goal and scale and confirms."""
    await coach.press("➡️ Op naar de route")
    await coach.expect(f"Ik vraag {coachee.user.first_name}")
    await coachee.expect("Schrijf je doel in je eigen woorden")
    await coachee.send(goal)
    await coachee.expect("Staat in je logboek")
    await coach.expect(f"Mijn doel\n{goal}")
    await coachee.expect("Waar sta je nu, van 0 tot 10?")
    await give_scale(coach, coachee, scale)
    confirm = await coachee.expect("Is dit jouw doel")
    assert goal in (confirm.text or "")
    await coachee.press("✅ Ja, dit is mijn doel")


async def give_scale(coach: ScriptedUser, coachee: ScriptedUser, scale: int) -> None:
    """The coachee presses a number on the scale; the coach reads it."""
    await coachee.press(str(scale))
    await coachee.expect("Staat in je logboek")
    chart = await coachee.expect("📈 Jouw cijfers door de tijd")
    assert chart.kind == "photo"
    await coach.expect(f"{coachee.user.first_name} geeft zichzelf nu een {scale} van de 10")


async def harvest(
    coach: ScriptedUser,
    coachee: ScriptedUser,
    *,
    review: str,
    scale: int,
    learned: str,
    keep: str | None,
    feedback: str,
    compliment: str,
) -> None:
    """On the closing card the coach finishes: the coachee looks back in their own words (the
    coach reads along) until both are asked to close together. `keep=None` skips that one."""
    name = coachee.user.first_name
    await coach.press("✅ Klaar om af te sluiten")
    await coach.expect(f"Ik vraag {name}")
    await coachee.expect("Kijk terug")
    await coachee.send(review)
    await coachee.expect("Staat in je logboek")
    await coach.expect(f"{name} schreef op · 🔭 Terugblik\n{review}")
    await coachee.expect("van 0 tot 10")
    await give_scale(coach, coachee, scale)
    written = [("Wat heb je geleerd", "🎓 Wat ik leerde", learned)]
    written += [("Wat blijf je doen", "🔁 Wat ik blijf doen", keep)]
    written += [("Wat deed je coach", "🗣 Feedback voor mijn coach", feedback)]
    for prompt, label, text in written:
        await coachee.expect(prompt)
        if text is None:
            await coachee.press("⏭ Overslaan")
            continue
        await coachee.send(text)
        await coachee.expect("Staat in je logboek")
        await coach.expect(f"{label}\n{text}")
    await coachee.expect("Geef de ander een compliment")
    await coachee.send(compliment)
    await coachee.expect("Staat in je logboek")
    await coach.expect(f"{name} geeft je een compliment:\n{compliment}")
    for person in (coachee, coach):
        card = await person.expect("Ronden jullie de coaching samen af?")
        assert person.buttons(card) == ["✅ Ja, we ronden af", "↩️ Nog niet"]
