"""The dance check's table under erasure and export: a person's taps go with them, the
partner's stay without their id, and the export holds one's own taps only."""

from __future__ import annotations

from sqlalchemy import select

from flows.privacy.export import export_document
from storage import export
from storage.dance_models import DanceCheck
from tests.e2e.support.conversation import read_until
from tests.e2e.support.privacy import (
    Traces,
    a_school,
    erase_in_telegram,
    fill_trajectories,
    paired,
    scan,
    settled,
)
from tests.e2e.support.world import World

ZOE = [f"Zoe's own words number {n}" for n in range(7)]
QUINN = [f"Quinn's own words number {n}" for n in range(7)]


async def dance_rows(world: World) -> list[tuple[int, int, str]]:
    async with world.app.services.db.sessions() as session:
        rows = await session.scalars(select(DanceCheck).order_by(DanceCheck.id))
        return [(r.user_id, r.partner_id, r.led) for r in rows.all()]


async def test_erasing_takes_ones_taps_and_leaves_the_partners_without_ones_id(
    world: World,
) -> None:
    school = await a_school(world, ["Zoezephyra", "Quinnbert"], usernames={})
    zoe, quinn = school.students["Zoezephyra"], school.students["Quinnbert"]
    match_id = await paired(world, school, ["Zoezephyra", "Quinnbert"])
    await fill_trajectories(world, match_id, {zoe.user.id: ZOE, quinn.user.id: QUINN})
    z, q = zoe.user.id, quinn.user.id
    assert sorted(await dance_rows(world)) == sorted(
        [(z, q, "other"), (q, z, "other"), (q, z, "other"), (z, q, "other")]
    )
    async with world.app.services.db.sessions() as session:
        facts = await export.person_facts(session, user_id=z, former="?")
        assert facts is not None
        document = export_document(facts, world.app.services.clock.now())
    assert [(d["conversation"], d["led"], d["rhythm"]) for d in document["dance_checks"]] == [
        (1, "other", "slow"),
        (1, "other", "slow"),
    ]

    await erase_in_telegram(zoe)
    await read_until(quinn, "Your coaching partner has stopped using PeerCoach")
    await settled(world)
    assert await scan(world, Traces(z, ["Zoezephyra"], ZOE)) == []
    assert await dance_rows(world) == [(q, 0, "other"), (q, 0, "other")]
