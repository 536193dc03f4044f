"""A coordinator gives the cohort its own coaching script: a file, checked with a clear message
naming the line at fault, then used on the coach's cards."""

from __future__ import annotations

from tests.e2e.support.trajectory import (
    begin_chat,
    greeted,
    pair_up,
)
from tests.e2e.support.world import World

GOOD = """# Our own openers for 5B
[contact.coach.themes.openers]
title = "IJsbreker"
questions = [
    "Welk liedje staat bij jou op repeat?",
    "Wie is jouw held?",
    "Wat at je vanochtend?",
    "Welke app gebruik je het meest?",
]
"""
WRONG = """[contact.coach.themes.openers]
title = "IJsbreker"
vragen = ["Wie is jouw held?"]
"""


async def test_a_coordinator_uploads_an_own_script(world: World) -> None:
    (sanne, bram), ilse, _ = await pair_up(world, ["Sanne", "Bram"], kind="one_way")
    assert ilse is not None
    await greeted(sanne, bram)

    await sanne.send("/script")
    await sanne.expect("Alleen coördinatoren")
    await ilse.send("/script")
    await ilse.expect("Eigen script voor 5B Peercoaching")
    await ilse.press("🇳🇱 Nederlands")
    await ilse.expect("Stuur me nu het script")
    await ilse.send("hier is het")
    await ilse.expect("als bestand")
    await ilse.send_document(WRONG.encode(), file_name="script.toml")
    problem = await ilse.expect("Het script klopt nog niet")
    assert "line 3" in (problem.text or "") and "vragen" in (problem.text or "")
    await ilse.send_document(GOOD.encode(), file_name="script.toml")
    await ilse.expect("Het script is opgeslagen")

    card = await begin_chat(sanne, bram, mode="🪑 Samen, in het echt")
    assert "Kennismaken · IJsbreker" in (card.text or "")
    assert "Welk liedje staat bij jou op repeat?" in (card.text or "")

    await ilse.send("/script")
    await ilse.expect("Eigen script")
    await ilse.press("🇳🇱 Nederlands")
    await ilse.expect("Stuur me nu het script")
    await ilse.press("↩️ Terug naar het standaardscript")
    await ilse.expect("gebruikt weer het standaardscript")
