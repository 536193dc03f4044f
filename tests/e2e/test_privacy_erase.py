"""Erasure that is complete: after a student erases, no table holds their id, name or words,
while their partner's own journal still works."""

from __future__ import annotations

from sqlalchemy import select

from bot.sandbox.driver import ScriptedUser
from storage.models import Match, MatchMember
from storage.trajectory_models import TrajectoryRow
from tests.e2e.test_privacy_support import (
    Traces,
    a_school,
    erase_in_telegram,
    fill_trajectories,
    no_pair,
    pool_and_pair,
    scan,
    settled,
)
from tests.e2e.test_room_support import next_containing, press_when_shown
from tests.e2e.world import World

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
    await next_containing(watcher, "This group now belongs to 5B Coaching.")
    await press_when_shown(watcher, "Progress round")
    await press_when_shown(watcher, "✅ Open the session")
    for name in ("Zoe", "Quinn"):
        await press_when_shown(in_group[name], "🙋 I'm in")
    await press_when_shown(watcher, "Choose roles")
    await press_when_shown(watcher, "▶️ Begin")
    await next_containing(watcher, "Step 1 of 4: Your score")
    await people["Zoe"].send("7, Zoe finally sleeps enough")
    await next_containing(people["Zoe"], "Got it, thank you!")
    return watcher


async def test_an_erased_student_leaves_no_trace_in_any_table(world: World) -> None:
    match_id, people = await a_match(world)
    zoe, quinn = people["Zoe"], people["Quinn"]
    group = await a_progress_round(world, people)
    await settled(world)
    zoe_traces = Traces(
        zoe.user.id,
        ["Zoezephyra", "zz_owl"],
        [*ZOE, "Zoe loves drawing comics", "7, Zoe finally sleeps enough"],
    )
    assert len(await scan(world, zoe_traces)) > 10  # the traces are there before

    await erase_in_telegram(zoe)  # in the middle of the room and of the trajectory
    gone = await next_containing(quinn, "Your coaching partner has stopped using PeerCoach")
    assert "Zoezephyra" not in (gone.text or "")
    await next_containing(group, "left")
    await quinn.send("4, Quinn is getting there")
    reveal = await next_containing(group, "Your score: here's what you sent (1)")
    assert "Zoe" not in (reveal.text or "")
    await settled(world)

    assert await scan(world, zoe_traces) == []
    # Quinn keeps their own words, and sees Zoe as a former partner.
    kept = "\n".join(await scan(world, Traces(quinn.user.id, ["Quinnbert"], QUINN)))
    assert all(text in kept for text in QUINN)
    await quinn.send("/journal")
    journal = await next_containing(quinn, "Your notebook")
    text = journal.text or ""
    assert "(your coach: a former partner)" in text
    assert QUINN[0] in text and QUINN[2] in text
    async with world.app.services.db.sessions() as session:
        match = await session.get(Match, match_id)
        rows = await session.scalars(
            select(TrajectoryRow).where(TrajectoryRow.match_id == match_id)
        )
        assert match is not None and match.status == "dissolved"
        pairs = {(r.coach_id, r.coachee_id) for r in rows.all()}
        assert pairs == {(0, quinn.user.id), (quinn.user.id, 0)}
