"""A pause with an end date: the student skips a round, hears why, and is back afterwards; the
coordinator can then pair just them. Leaving the pool and /partner without a partner."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.clock import FakeClock
from tests.e2e.support.pairing import a_class, in_pool, matches_of
from tests.e2e.support.world import World

MONDAY = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(MONDAY)


async def test_a_pause_ends_and_the_coordinator_can_pair_just_them(world: World) -> None:
    klas = await a_class(world, ["Sanne", "Bram", "Noor"])
    for name in ("Sanne", "Bram", "Noor"):
        await in_pool(world, klas[name], slots=["tue-pm"])
    noor, ilse = klas["Noor"], klas.coordinator
    await noor.send("/pool")
    await noor.expect("je doet mee ✅")
    await noor.press("⏸ Even pauzeren")
    choices = noor.buttons(await noor.expect("Tot wanneer wil je pauzeren?"))
    assert choices == [
        "1 wk, tot 09-03-2026",
        "2 wk, tot 16-03-2026",
        "4 wk, tot 30-03-2026",
        "Toch niet",
    ]
    await noor.press("1 wk, tot 09-03-2026")
    await noor.expect("je pauzeert tot 09-03-2026")
    await noor.send("/pool")
    card = await noor.expect("Jouw plek")
    assert "je pauzeert tot 09-03-2026" in (card.text or "")
    assert "▶️ Weer meedoen" in noor.buttons(card)

    await ilse.send("/pair")
    preview = await ilse.expect("Voorstel ronde 1")
    assert "• Noor: pauzeert tot 09-03-2026" in (preview.text or "")
    await ilse.press("✅ Bevestigen")
    await ilse.expect("Bevestigd!")
    skipped = await noor.expect("nieuwe koppelronde")
    assert "pauzeert tot 09-03-2026, dus deze keer sla je over" in (skipped.text or "")

    world.later(timedelta(days=7, hours=1))
    await noor.expect("Je pauze is voorbij")
    notice = await ilse.expect("Nieuwe partner nodig")
    assert "Noor: de pauze is voorbij" in (notice.text or "")
    await ilse.press("🔁 Nu opnieuw koppelen")
    repair = await ilse.expect("Opnieuw koppelen")
    assert "• Noor: wie past, heeft al een partner" in (repair.text or "")
    assert len(await matches_of(world)) == 1


async def test_leaving_the_pool_and_asking_about_a_partner_without_one(world: World) -> None:
    klas = await a_class(world, ["Sanne"])
    sanne = klas["Sanne"]
    await sanne.send("/partner")
    await sanne.expect("Je hebt nu geen coachingspartner")
    await in_pool(world, sanne, slots=["mon-am"])
    await sanne.send("/pool")
    await sanne.expect("Jouw plek")
    await sanne.press("🚪 Uit de pool stappen")
    await sanne.expect("Wil je echt uit de koppelpool stappen?")
    await sanne.press("Nee, ik blijf")
    await sanne.expect("er verandert niets")
    await sanne.send("/pool")
    await sanne.expect("Jouw plek")
    await sanne.press("🚪 Uit de pool stappen")
    await sanne.expect("Wil je echt")
    await sanne.press("Ja, ik stap uit")
    await sanne.expect("Je bent uit de koppelpool gestapt")
    await klas.coordinator.send("/pair")
    await klas.coordinator.expect("Er staat nog niemand in de koppelpool")
    # Coming back is always possible, and again only by choice.
    await sanne.send("/pool")
    invite = await sanne.expect("Koppelpool van 5B Peercoaching")
    assert sanne.buttons(invite) == ["🙋 Ik doe mee", "Nu even niet"]
