"""Telling everyone in a trajectory that it is in a new step, with the new cards."""

from __future__ import annotations

from bot.handlers.trajectory.cards import (
    STEP_EMOJI,
    send_coach_card,
    send_home,
    send_notebook,
    send_observer_card,
)
from bot.handlers.trajectory.core import Pair, scripts_for, step_name
from bot.runtime.turn import Turn
from flows.trajectory import Party, Step
from storage.trajectory_models import TrajectoryRow


async def announce(turn: Turn, pair: Pair, row: TrajectoryRow) -> None:
    """A new step: tell coach, coachee and observer, and hand out the new cards (a closed
    trajectory is told by the ending rules instead)."""
    step = Step(row.step)
    talking = pair.talking is row
    for uid, party in ((row.coach_id, Party.COACH), (row.coachee_id, Party.COACHEE)):
        if talking and party is Party.COACHEE:
            continue  # the coachee's new notebook says it: one message, not two
        member = pair.member(uid)
        script = (await scripts_for(turn, pair, member.language)).step(step)
        intro = script.coach_intro if party is Party.COACH else script.coachee_intro
        with turn.speaking(member.language):
            await turn.say(
                "trajectory.new_step",
                chat_id=uid,
                emoji=STEP_EMOJI[step],
                step=step_name(turn, step),
                intro=intro,
            )
    if talking:
        await send_coach_card(turn, pair, row)
        await send_notebook(turn, pair, row, intro=True, new_step=True)
        await send_observer_card(turn, pair, row)
        return
    for uid in (row.coach_id, row.coachee_id):
        await send_home(turn, pair, pair.member(uid))
