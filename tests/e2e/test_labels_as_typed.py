"""Names that look like HTML still make plain button labels (Telegram shows labels as typed)."""

from __future__ import annotations

from tests.e2e.support.pairing import a_class
from tests.e2e.support.world import World, every_press_answered


async def test_nopair_lists_classmates_whose_names_look_like_markup(world: World) -> None:
    klas = await a_class(world, ["Noor", "Tom &amp; Jo", "<b>Bo</b>"])
    noor = klas["Noor"]
    await noor.send("/nopair")
    listing = await noor.expect("Liever niet met")
    labels = noor.buttons(listing)
    assert len(labels) == 3 and labels[-1] == "✅ Klaar"
    assert "Tom ＆amp; Jo" in labels and "‹b>Bo‹/b>" in labels
    await noor.press("Tom ＆amp; Jo")
    await noor.expect_callback_answer()
    await every_press_answered(world)
