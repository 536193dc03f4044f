"""A name with HTML characters: shown as typed on buttons, escaped in the HTML of messages."""

from __future__ import annotations

from tests.e2e.support.trajectory import pair_up
from tests.e2e.support.world import World


async def test_a_partner_named_bo_heart_reads_as_typed_on_the_coach_buttons(world: World) -> None:
    (sanne, bo), _, _ = await pair_up(world, ["Sanne", "Bo <3"])
    intro = await sanne.expect("de andere keer Bo <3.")
    assert "de andere keer Bo &lt;3." in (intro.html or "")
    await sanne.expect("Jij coacht Bo <3: Kennismaken")
    await bo.expect("de andere keer Sanne.")
    await bo.expect("Sanne coacht jou: Kennismaken")

    await sanne.press("▶️ Start ons gesprek")
    who = await sanne.expect("Wie coacht er")
    assert sanne.buttons(who) == ["Ik coach Bo <3", "Bo <3 coacht mij"]
    await sanne.press("Ik coach Bo <3")
    mode = await sanne.expect("Waar praten jullie, Sanne en Bo <3?")
    assert "Sanne en Bo &lt;3?" in (mode.html or "")
