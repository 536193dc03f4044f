"""The longest texts and captions Telegram lets a person send, full of & and <, reach the
partner whole during a chat conversation, with the sender's name in front."""

from __future__ import annotations

import asyncio

from tests.e2e.support.trajectory import begin_chat, greeted, pair_up
from tests.e2e.support.world import World


async def test_a_4096_character_text_and_a_1024_character_caption_arrive_whole(
    world: World,
) -> None:
    (sanne, bram), _, _ = await pair_up(world, ["Sanne", "Bram"])
    await greeted(sanne, bram)
    await sanne.send("/talk")
    await sanne.expect("Jij coacht Bram")
    await sanne.press("▶️ Start ons gesprek")
    await sanne.expect("Wie coacht er")
    await sanne.press("Ik coach Bram")
    await sanne.expect("Waar praten jullie")
    await begin_chat(sanne, bram, mode="💬 Hier in de chat")
    await asyncio.sleep(0.5)
    before = len(world.emulator.bot_messages(bram.chat_id))

    longest = "Tom & Jerry <3 " * 273 + "<"  # 4,096 characters
    assert len(longest) == 4096
    await sanne.send(longest)
    first = await bram.expect("Sanne: Tom & Jerry <3")
    parts = [first]
    while sum(len(p.text or "") for p in parts) < 4096:
        parts.append(await bram.expect())
    received = "".join(" ".join(p.text or "" for p in parts).split())
    assert received == "".join(f"💬 Sanne: {longest}".split())
    assert all(len(p.text or "") <= 4096 for p in parts)

    caption = "&" * 1024
    await sanne.send_photo(caption=caption)
    photo = await bram.expect("Sanne")
    assert photo.kind == "photo" and len(photo.text or "") <= 1024
    # With the name in front it would not fit: the whole caption follows as a text.
    follow = [await bram.expect("Sanne: &&&")]
    while sum((m.text or "").count("&") for m in follow) < 1024:  # escaped, it takes two parts
        follow.append(await bram.expect("&&&"))
    assert sum((m.text or "").count("&") for m in follow) == 1024
    assert len(world.emulator.bot_messages(bram.chat_id)) > before

    await sanne.send_photo(caption="Mijn planning & ik")
    short = await bram.expect("Sanne: Mijn planning & ik")
    assert short.kind == "photo"
