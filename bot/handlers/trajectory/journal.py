"""The coachee's journal (/journal, /goal, /steps): their own words, for them and their coach."""

from __future__ import annotations

from collections import Counter

from bot.handlers.trajectory.ask import send_steps, step_line
from bot.handlers.trajectory.cards import STEP_EMOJI
from bot.handlers.trajectory.chart import send_chart
from bot.handlers.trajectory.core import (
    Pair,
    day_label,
    latest_pair,
    local_day,
    scripts_for,
    step_name,
)
from bot.i18n import Html
from bot.runtime.incoming import Incoming
from bot.runtime.router import Router
from bot.runtime.turn import Turn
from flows.scripts import Scripts
from flows.trajectory import CoachRole, NoteTopic, Trajectory
from storage.trajectory_models import TrajectoryRow

# The sections of a journal that say so when nothing is in them yet.
EMPTY = ("goal", "scales", "stages", "steps", "notes", "meetings")


def register(router: Router) -> None:
    """Wire /journal, /goal and /steps."""
    router.command("journal", journal_command)
    router.command("goal", goal_command)
    router.command("steps", steps_command)


async def journal_command(turn: Turn, incoming: Incoming) -> None:
    """/journal: my own journal, and (as a coach) what my coachee captured."""
    pair = await latest_pair(turn)
    if pair is None:
        await turn.say("trajectory.no_match")
        return
    for row in pair.rows:
        if row.coachee_id == turn.chat_id:
            head = turn.text("trajectory.journal_mine", coach=pair.name(row.coach_id))
            body = await render_journal(turn, pair, row)
            await turn.send_text(f"{head}\n\n{body}")
            await send_chart(turn, pair, row, pair.member(turn.chat_id))
    for row in pair.rows:
        if row.coach_id == turn.chat_id and not pair.coaching(row):
            # The coachee's words were shared for the coaching: once it ended they are theirs.
            await turn.say("trajectory.journal_coachee_ended", name=pair.name(row.coachee_id))
        elif row.coach_id == turn.chat_id:
            head = turn.text("trajectory.journal_coachee", name=pair.name(row.coachee_id))
            style = await _coach_style(turn, pair, row)
            body = await render_journal(turn, pair, row)
            await turn.send_text(f"{head}\n\n{body}" + (f"\n\n{style}" if style else ""))
            await send_chart(turn, pair, row, pair.member(turn.chat_id))


async def render_journal(turn: Turn, pair: Pair, row: TrajectoryRow) -> str:
    """Goal, scale over time, stages, steps, notes and conversation dates, in that order."""
    snapshot = pair.snap(row)
    step = snapshot.step
    parts = [
        turn.text("trajectory.journal_step", emoji=STEP_EMOJI[step], step=step_name(turn, step))
    ]
    # Every section shows, an empty one saying what is not there yet: a blank looks broken.
    none = {k: turn.text(f"trajectory.journal_none_{k}") for k in EMPTY}
    parts.append(turn.text("trajectory.journal_goal", goal=snapshot.goal or none["goal"]))
    scales = " → ".join(
        f"{s.value} ({day_label(turn, local_day(turn, s.at))})" for s in snapshot.scales
    )
    parts.append(turn.text("trajectory.journal_scales", scales=scales or none["scales"]))
    stages = "\n".join(f"• {stage.text}" for stage in snapshot.stages)
    parts.append(turn.text("trajectory.journal_stages", stages=stages or none["stages"]))
    steps = "\n".join(step_line(turn, step_) for step_ in snapshot.small_steps)
    parts.append(
        turn.text("trajectory.journal_steps", steps=Html(steps) if steps else none["steps"])
    )
    notes = _notes(turn, snapshot, await scripts_for(turn, pair, turn.language))
    parts.append(
        turn.text("trajectory.journal_notes", notes=Html(notes) if notes else none["notes"])
    )
    dates = ", ".join(day_label(turn, local_day(turn, m.at)) for m in snapshot.meetings if m.held)
    parts.append(turn.text("trajectory.journal_meetings", dates=dates or none["meetings"]))
    planned = pair.state.next_meeting if pair.active and not snapshot.terminal else None
    if planned is not None:
        when = day_label(turn, local_day(turn, planned))
        parts.append(turn.text("trajectory.journal_next", when=when))
    return "\n\n".join(parts)


def _notes(turn: Turn, snapshot: Trajectory, scripts: Scripts) -> str:
    lines = []
    for note in snapshot.notes:
        if note.topic is NoteTopic("compliment"):
            continue  # compliments were given to the other; they are not the coachee's notes
        label = scripts.label(note.topic.value)
        lines.append(turn.text("trajectory.journal_note", label=label, text=note.text))
    return "\n".join(lines)


async def _coach_style(turn: Turn, pair: Pair, row: TrajectoryRow) -> str:
    """The roles the coach took, counted over their reflections (their style over time)."""
    reflections = pair.snap(row).reflections
    if not reflections:
        return ""
    roles = (await scripts_for(turn, pair, turn.language)).reflection.roles
    counted = Counter(reflection.role for reflection in reflections)
    listed = ", ".join(f"{roles[CoachRole(r)].name} ×{n}" for r, n in counted.most_common())
    return turn.text("trajectory.journal_style", roles=listed, count=len(reflections))


async def goal_command(turn: Turn, incoming: Incoming) -> None:
    """/goal: my goal and where I stand."""
    for pair, row in await _coached_in(turn):
        snapshot = pair.snap(row)
        if snapshot.goal is None:
            await turn.say("trajectory.goal_none")
        elif snapshot.scales:
            await turn.say(
                "trajectory.goal_now", goal=snapshot.goal, scale=snapshot.scales[-1].value
            )
        else:
            await turn.say("trajectory.goal_only", goal=snapshot.goal)


async def steps_command(turn: Turn, incoming: Incoming) -> None:
    """/steps: my small steps, to tick off, change or drop between conversations."""
    for pair, row in await _coached_in(turn):
        await send_steps(turn, pair, row, pair.member(turn.chat_id))


async def _coached_in(turn: Turn) -> list[tuple[Pair, TrajectoryRow]]:
    """The trajectories of this person's latest match they are coached in (none: say so)."""
    pair = await latest_pair(turn)
    found = [(pair, r) for r in pair.rows if r.coachee_id == turn.chat_id] if pair else []
    if not found:
        await turn.say("trajectory.no_match")
    return found
