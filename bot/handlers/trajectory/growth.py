"""The coach's growth in /log as an image: roles and tension-field places over conversations."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping, Sequence

from bot.growth_chart import Field, GrowthChart, render_growth
from bot.runtime.turn import Turn
from flows.scripts import Poles
from flows.trajectory import CoachRole, Reflection, TensionField

CAPTION_ROLES = 15  # the latest roles the caption reads out; the image shows them all


async def send_growth(
    turn: Turn,
    reflections: Sequence[Reflection],
    roles: Mapping[str, str],
    poles: Mapping[TensionField, Poles],
) -> None:
    """Send the coach their growth chart: their reflections numbered in the order they came."""
    if not reflections:
        return
    numbered = list(enumerate(reflections, start=1))
    fields = [
        Field(
            field.value,
            poles[field].left,
            poles[field].right,
            {n: r.tensions[field] for n, r in numbered if field in r.tensions},
        )
        for field in TensionField
    ]
    chart = GrowthChart(
        title=turn.plain("reflect.growth_title"),
        roles_title=turn.plain("reflect.growth_roles"),
        role_names=[(role.value, roles[role.value]) for role in CoachRole],
        roles={n: r.role.value for n, r in numbered},
        fields=fields,
        fields_title=turn.plain("reflect.growth_fields"),
        axis=turn.plain("reflect.growth_axis"),
    )
    shown = numbered[-CAPTION_ROLES:]
    listed = ", ".join(
        turn.plain("reflect.growth_role", number=n, role=roles[r.role.value]) for n, r in shown
    )
    caption = turn.text("reflect.growth_caption", count=len(numbered), roles=listed)
    # Drawing takes a moment of CPU: off the event loop, so other turns go on meanwhile.
    image = await asyncio.to_thread(render_growth, chart)
    await turn.send_photo("growth.png", image, caption=caption)
