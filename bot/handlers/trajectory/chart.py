"""The coachee's scale over time as an image: after each new score and in /journal."""

from __future__ import annotations

import asyncio
from datetime import datetime

from bot.charts import Mark, Point, ScaleChart, render_scale
from bot.handlers.trajectory.core import Member, Pair, local_day
from bot.runtime.turn import Turn
from flows.trajectory import Event, Trajectory
from storage.trajectory_models import TrajectoryRow

# The moves a chart marks: going back to the goal, or planning the route anew.
MARKED = {Event.REVISE_GOAL: "goal", Event.REPLAN: "route"}
CAPTION_POINTS = 12  # the latest scores the caption reads out; the image shows them all
CAPTION_MARKS = 5
CAPTION_GOAL = 120  # characters of the goal in the caption (Telegram allows 1024 in all)


def may_see_chart(pair: Pair, row: TrajectoryRow, user_id: int) -> bool:
    """The coachee always sees their own chart; their coach only while coaching them."""
    if row.coachee_id == user_id:
        return True
    return row.coach_id == user_id and pair.coaching(row)


async def send_chart(turn: Turn, pair: Pair, row: TrajectoryRow, member: Member) -> None:
    """Send one member the chart of this trajectory's scale, if they may see it and it has one."""
    snapshot = pair.snap(row)
    if not snapshot.scales or not may_see_chart(pair, row, member.id):
        return
    own = member.id == row.coachee_id
    with turn.speaking(member.language):
        chart = _chart(turn, snapshot, own=own, name=pair.name(row.coachee_id))
        caption = _caption(turn, chart, own=own, name=pair.name(row.coachee_id))
    # Drawing takes a moment of CPU: off the event loop, so other turns go on meanwhile.
    image = await asyncio.to_thread(render_scale, chart)
    await turn.send_photo("scale.png", image, caption=caption, chat_id=member.id)


def _chart(turn: Turn, snapshot: Trajectory, *, own: bool, name: str) -> ScaleChart:
    points = [Point(s.at, s.value, _short_day(turn, s.at)) for s in snapshot.scales]
    labels = {kind: turn.plain(f"reflect.chart_mark_{kind}") for kind in MARKED.values()}
    marks = [
        Mark(move.at, MARKED[move.event], labels[MARKED[move.event]])
        for move in snapshot.moves
        if move.event in MARKED
    ]
    axis = turn.plain("reflect.chart_axis_mine" if own else "reflect.chart_axis_theirs", name=name)
    return ScaleChart(snapshot.goal or turn.plain("reflect.chart_no_goal"), points, marks, axis)


def _caption(turn: Turn, chart: ScaleChart, *, own: bool, name: str) -> str:
    """The chart in words (alt text): the goal, every score with its day, the moments marked."""
    shown = chart.points[-CAPTION_POINTS:]
    points = ", ".join(turn.plain("reflect.chart_point", value=p.value, day=p.label) for p in shown)
    if len(chart.points) > len(shown):
        points = "… " + points
    marks = "".join(
        "\n" + turn.text(f"reflect.chart_caption_mark_{m.kind}", day=_short_day(turn, m.at))
        for m in chart.marks[-CAPTION_MARKS:]
    )
    goal = chart.title if len(chart.title) <= CAPTION_GOAL else chart.title[:CAPTION_GOAL] + "…"
    key = "reflect.chart_caption_mine" if own else "reflect.chart_caption_theirs"
    return turn.text(key, name=name, goal=goal, count=len(chart.points), points=points) + marks


def _short_day(turn: Turn, moment: datetime) -> str:
    """A moment's date where the school is, as a chart's axis shows it: "15 jan"."""
    day = local_day(turn, moment)
    months = turn.text("trajectory.months").split(",")
    return f"{day.day} {months[day.month - 1]}"
