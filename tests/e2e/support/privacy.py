"""Shared steps for the privacy tests: a student who leaves traces everywhere, and a scan of
every table and column of the database for those traces.

The test_privacy_* files import from here.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from sqlalchemy import MetaData, select
from tgemulator import ScriptedUser

from bot.handlers.trajectory import start_match
from bot.runtime.turn import Turn
from flows.dance import Answer
from flows.onboarding import Role
from flows.trajectory import (
    CoachRole,
    Contract,
    ContractItem,
    ContractItemKey,
    Entry,
    Note,
    NoteTopic,
    Party,
    ReflectionQuestion,
    Scale,
    SmallStep,
    Step,
    StepStatus,
    Trajectory,
)
from flows.trajectory.model import ItemVersion, Reflection
from storage import cohorts, dance, matches, pairing, people
from storage.models import InboxUpdate, Match, MatchMember, OutboxMessage
from storage.trajectory_models import TrajectoryRow
from tests.e2e.support.conversation import press_when_shown, read_until
from tests.e2e.support.pairing import join_pool, promised
from tests.e2e.support.world import World, eventually


@dataclass
class Traces:
    """Everything that identifies one person: ids, names and every text they typed."""

    user_id: int | None  # None: look for the names and texts only
    names: list[str]
    texts: list[str] = field(default_factory=list)

    def found_in(self, value: str) -> list[str]:
        """Which of the traces a stored value contains."""
        hits = [text for text in [*self.names, *self.texts] if text in value]
        if self.user_id is not None and re.search(rf"(?<!\d){self.user_id}(?!\d)", value):
            hits.append(str(self.user_id))
        return hits


async def scan(world: World, traces: Traces) -> list[str]:
    """Every table.column (reflected from the database, not listed by hand) holding a trace."""
    engine = world.app.services.db.engine
    schema = MetaData()
    async with engine.connect() as connection:
        await connection.run_sync(lambda sync: schema.reflect(sync))
        assert len(schema.tables) >= 20, sorted(schema.tables)  # really the whole schema
        found = []
        for table in schema.tables.values():
            for row in (await connection.execute(select(table))).mappings():
                for column, value in row.items():
                    for hit in traces.found_in(_as_text(value)):
                        found.append(f"{table.name}.{column}: {hit!r}")
    return found


def _as_text(value: Any) -> str:
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return "" if value is None else str(value)


async def settled(world: World) -> None:
    """Wait until every update is processed and every reply sent."""
    await world.emulator.wait_updates_drained()

    async def quiet() -> bool:
        async with world.app.services.db.sessions() as session:
            inbox = await session.scalars(select(InboxUpdate.status))
            outbox = await session.scalars(select(OutboxMessage.status))
            return "pending" not in [*inbox.all(), *outbox.all()]

    await eventually(quiet, seconds=10)


@dataclass
class School:
    """A cohort in English with a coordinator, a teacher and students who joined."""

    coordinator: ScriptedUser
    teacher: ScriptedUser
    students: dict[str, ScriptedUser]
    cohort_id: int


async def a_school(world: World, names: list[str], *, usernames: dict[str, str]) -> School:
    """Everyone joined straight in the database (joining is tested in test_onboarding)."""
    emulator = world.emulator
    made: dict[str, ScriptedUser] = {}
    for name in ["Ilse", "Mila", *names]:
        user = emulator.add_user(name, username=usernames.get(name), language_code="en")
        made[name] = ScriptedUser(emulator, user)
    now = world.app.services.clock.now()
    async with world.app.services.db.transaction() as session:
        boss = made["Ilse"].user.id
        cohort = await cohorts.create_cohort(session, name="5B Coaching", created_by=boss, now=now)
        roles = {"Ilse": Role.COORDINATOR, "Mila": Role.TEACHER}
        for name, person in made.items():
            user = await people.get_or_create_user(session, user_id=person.user.id, now=now)
            user.language = "en"
            await people.accept_privacy(
                session, user=user, first_name=name, username=usernames.get(name), now=now
            )
            role = roles.get(name, Role.STUDENT)
            await cohorts.join_cohort(
                session, user_id=user.id, cohort_id=cohort.id, role=role, now=now
            )
        cohort_id = cohort.id
    students = {name: made[name] for name in names}
    return School(made["Ilse"], made["Mila"], students, cohort_id)


async def pool_and_pair(world: World, school: School, about: dict[str, str]) -> None:
    """Students opt in (typing their profile), the coordinator previews and confirms a round."""
    for name, words in about.items():
        person = school.students[name]
        await join_pool(person, slots=["Tue pm"], about=words, interests="chess", english=True)
    await school.coordinator.send("/pair")
    await school.coordinator.expect("Proposal for round 1")
    await school.coordinator.press("✅ Confirm")
    await school.coordinator.expect("Confirmed!")
    for name in about:
        await read_until(school.students[name], "How you work together")


async def no_pair(world: World, person: ScriptedUser, other: ScriptedUser) -> None:
    """A private wish not to be paired with someone (the /nopair list)."""
    async with world.app.services.db.transaction() as session:
        await pairing.toggle_do_not_pair(
            session,
            user_id=person.user.id,
            other_id=other.user.id,
            now=world.app.services.clock.now(),
        )


async def fill_trajectories(world: World, match_id: int, words: dict[int, list[str]]) -> None:
    """Give both trajectories of a match a goal, scales, steps, notes, a contract, a reflection,
    and both people's dance check about its first conversation.

    words[user_id] lists what each person wrote, in the order used below; what someone writes
    as a coachee lands in their own trajectory, what they write as a coach in the other one.
    """
    now = world.app.services.clock.now()
    async with world.app.services.db.transaction() as session:
        rows = await session.scalars(
            select(TrajectoryRow).where(TrajectoryRow.match_id == match_id)
        )
        for row in rows.all():
            mine, coach = words[row.coachee_id], words[row.coach_id]
            snapshot = Trajectory(
                step=Step.PATH,
                click_confirmed=True,
                goals=(Entry(mine[0], Party.COACHEE, now),),
                scales=(Scale(4, now), Scale(6, now + timedelta(days=7))),
                small_steps=(
                    SmallStep(1, mine[1], (now + timedelta(days=3)).date(), StepStatus.OPEN, now),
                ),
                notes=(
                    Note(NoteTopic.DREAM, mine[2], Party.COACHEE, now),
                    Note(NoteTopic.COMPLIMENT, coach[3], Party.COACH, now),
                ),
                contract=Contract(
                    items=(
                        ContractItem(
                            ContractItemKey.RHYTHM,
                            (ItemVersion(coach[4], Party.COACH, now),),
                            frozenset({Party.COACH, Party.COACHEE}),
                        ),
                        ContractItem(
                            ContractItemKey.CHANNEL,
                            (ItemVersion(mine[5], Party.COACHEE, now),),
                            frozenset({Party.COACH, Party.COACHEE}),
                        ),
                    ),
                    accepted_at_conversation=1,
                ),
                reflections=(
                    Reflection(
                        1,
                        CoachRole.SUPPORTER,
                        {},
                        {ReflectionQuestion.TAKE_AWAY: coach[6]},
                        now,
                    ),
                ),
            )
            row.snapshot, row.step = snapshot.to_dict(), Step.PATH.value
            for person, partner in ((row.coach_id, row.coachee_id), (row.coachee_id, row.coach_id)):
                answer = Answer(person, partner, "other", "slow", "partly")
                await dance.keep(
                    session,
                    match_id=match_id,
                    trajectory_id=row.id,
                    conversation=1,
                    answer=answer,
                    now=now,
                )


async def paired(world: World, school: School, names: list[str]) -> int:
    """Students matched directly (as a confirmed round would) and started; the match id."""
    async with world.app.services.db.transaction() as session:
        ids = [school.students[name].user.id for name in names]
        now = world.app.services.clock.now()
        await promised(session, cohort_id=school.cohort_id, user_ids=ids, now=now)
        match = await matches.create_match(
            session, cohort_id=school.cohort_id, kind="reciprocal", members=ids, now=now
        )
        turn = Turn(world.app.services, session, world.app.services.clock.now(), chat_id=0)
        await start_match(turn, match.id)
        match_id = match.id
    world.app.delivery.wake()
    for name in names:
        await read_until(school.students[name], "How you work together")
    return match_id


ERASE_EN = ("a word about privacy", "🗑 Erase my data", "Yes, erase it all", "has been erased")
ERASE_NL = ("Eerst even over privacy", "🗑 Wis mijn gegevens", "Ja, wis alles", "is gewist")


async def erase_in_telegram(person: ScriptedUser, labels: tuple[str, ...] = ERASE_EN) -> None:
    """/privacy, erase, yes: the person is told it is done."""
    notice, erase, yes, done = labels
    await person.send("/privacy")
    await read_until(person, notice)
    await press_when_shown(person, erase)
    await press_when_shown(person, yes)
    await read_until(person, done)


ZOE = [
    "Zoe wants to hand in homework on time",
    "Zoe plans Monday evenings for maths",
    "Zoe dreams of a calm school week",
    "Zoe thinks you listen really well",
    "Zoe suggests meeting every Tuesday",
    "Zoe prefers to talk in the chat",
    "Zoe learned to ask one question at a time",
]
QUINN = [
    "Quinn wants to speak up in class",
    "Quinn raises a hand once each lesson",
    "Quinn dreams of giving a talk without nerves",
    "Quinn admires how honest you are",
    "Quinn proposes a talk every two weeks",
    "Quinn likes face to face best",
    "Quinn noticed that silence is fine",
]


async def a_match(world: World) -> tuple[int, dict[str, ScriptedUser]]:
    """Zoe and Quinn are paired in a real round; Wes stays on Zoe's private no-pair list."""
    names = ["Zoezephyra", "Quinnbert", "Wesleyan"]
    school = await a_school(world, names, usernames={"Zoezephyra": "zz_owl"})
    zoe, quinn = school.students["Zoezephyra"], school.students["Quinnbert"]
    await no_pair(world, zoe, school.students["Wesleyan"])
    await pool_and_pair(
        world, school, {"Zoezephyra": "Zoe loves drawing comics", "Quinnbert": "Quinn runs"}
    )
    async with world.app.services.db.sessions() as session:
        match_id = await session.scalar(
            select(Match.id).join(MatchMember).where(MatchMember.user_id == zoe.user.id)
        )
    assert match_id is not None
    words = {zoe.user.id: ZOE, quinn.user.id: QUINN}
    await fill_trajectories(world, match_id, words)
    return match_id, {"Zoe": zoe, "Quinn": quinn, "teacher": school.teacher}


async def a_progress_round(world: World, people: dict[str, ScriptedUser]) -> ScriptedUser:
    """The teacher runs a progress round in a class group; Zoe sends her score privately."""
    emulator = world.emulator
    group = emulator.add_group("5B", [p.user for p in people.values()])
    emulator.add_bot_to_group(group, people["teacher"].user)
    in_group = {name: ScriptedUser(emulator, p.user, group) for name, p in people.items()}
    watcher = in_group["teacher"]
    await watcher.expect("PeerCoach")
    await watcher.send("/room")
    await read_until(watcher, "This group now belongs to 5B Coaching.")
    await press_when_shown(watcher, "Progress round")
    await press_when_shown(watcher, "✅ Open the session")
    for name in ("Zoe", "Quinn"):
        await press_when_shown(in_group[name], "🙋 I'm in")
    await press_when_shown(watcher, "Choose roles")
    await press_when_shown(watcher, "▶️ Begin")
    await read_until(watcher, "Step 1 of 4: Your score")
    await people["Zoe"].send("7, Zoe finally sleeps enough")
    await read_until(people["Zoe"], "Got it, thank you!")
    return watcher
