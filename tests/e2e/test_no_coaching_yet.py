"""The newest commands asked too early or by the wrong role: /portfolio, /log and /rounds for
a student with no coaching yet, a teacher, and someone who never joined; Dutch and English."""

from __future__ import annotations

from flows.onboarding import Role
from tests.e2e.support.world import World


async def test_portfolio_log_and_rounds_before_any_coaching(world: World) -> None:
    codes = await world.cohort()
    eva, kim, lies = (
        world.person("Eva"),
        world.person("Kim", language_code="en"),
        world.person("Lies"),
    )
    await world.join(eva, codes[Role.STUDENT])
    await world.join(kim, codes[Role.STUDENT], language="English")
    await world.join(lies, codes[Role.TEACHER])

    await eva.send("/portfolio")
    await eva.expect("Je portfolio vult zich zodra je zelf iemand coacht")
    await kim.send("/portfolio")
    await kim.expect("Your portfolio fills up once you coach someone yourself")
    await lies.send("/portfolio")
    await lies.expect("Je portfolio vult zich")
    for person in (eva, kim, lies):
        await person.send("/log")
        answer = await person.expect()
        assert answer.kind == "text" and answer.text
        await person.send("/rounds")
        refused = await person.expect()
        assert "coördinatoren" in (refused.text or "") or "coordinators" in (refused.text or "")
    assert [m.kind for m in world.emulator.bot_messages(eva.chat_id)].count("document") == 0

    stranger = world.person("Nina")
    await stranger.send("/portfolio")
    assert (await stranger.expect()).text
    await stranger.send("/rounds")
    assert (await stranger.expect()).text
