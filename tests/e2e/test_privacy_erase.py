"""Erasure that is complete: after a student erases, no table holds their id, name or words,
while their partner's own journal still works."""

from __future__ import annotations

from sqlalchemy import select

from storage.models import Match
from storage.trajectory_models import TrajectoryRow
from tests.e2e.support.conversation import read_until
from tests.e2e.support.privacy import (
    QUINN,
    ZOE,
    Traces,
    a_match,
    a_progress_round,
    erase_in_telegram,
    scan,
    settled,
)
from tests.e2e.support.world import World


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
    gone = await read_until(quinn, "Your coaching partner has stopped using PeerCoach")
    assert "Zoezephyra" not in (gone.text or "")
    await read_until(group, "left")
    await quinn.send("4, Quinn is getting there")
    reveal = await read_until(group, "Your score: here's what you sent (1)")
    assert "Zoe" not in (reveal.text or "")
    await settled(world)

    assert await scan(world, zoe_traces) == []
    # Quinn keeps their own words, and sees Zoe as a former partner.
    kept = "\n".join(await scan(world, Traces(quinn.user.id, ["Quinnbert"], QUINN)))
    assert all(text in kept for text in QUINN)
    await quinn.send("/journal")
    journal = await read_until(quinn, "Your notebook")
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
