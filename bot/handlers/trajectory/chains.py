"""The cards that close a chain of captures: more stages, the goal, the route, the close."""

from __future__ import annotations

from bot.handlers.trajectory.ask import step_buttons, step_line
from bot.handlers.trajectory.cards import card_args
from bot.handlers.trajectory.core import Pair, tell, tell_text
from bot.i18n import Html
from bot.runtime.turn import Choice, Turn
from storage.trajectory_models import TrajectoryRow


async def more_stages(turn: Turn, pair: Pair, row: TrajectoryRow) -> None:
    """After a stage in the route: another one, or on to the first small step."""
    args = card_args(pair, row)
    await turn.say(
        "trajectory.more_stages",
        choices=[
            [turn.choice("trajectory.btn_more_stage", "tr_write", **args, k="stage", ch="route")],
            [turn.choice("trajectory.btn_to_steps", "tr_chain", **args, ch="route2")],
        ],
    )


async def send_goal_confirmation(turn: Turn, pair: Pair, row: TrajectoryRow) -> None:
    """Ask the coachee whether this is their goal, in their own words."""
    snapshot = pair.snap(row)
    args = card_args(pair, row)
    await tell(
        turn,
        pair.member(row.coachee_id),
        "trajectory.confirm_goal",
        goal=snapshot.goal or "",
        scale=snapshot.scales[-1].value if snapshot.scales else "",
        choices=lambda: [
            [turn.choice("trajectory.btn_confirm_goal", "tr_confirm", **args, e="confirm_goal")],
            [turn.choice("trajectory.btn_rewrite_goal", "tr_write", **args, k="goal", ch="goal")],
        ],
    )


async def send_route_confirmation(
    turn: Turn, pair: Pair, row: TrajectoryRow, *, to_change: bool = False
) -> None:
    """Show the coachee their route and ask whether they set off like this; `to_change`: the
    route as it stands after "re-plan", each open step with its buttons to change it."""
    snapshot = pair.snap(row)
    args = card_args(pair, row)
    active = [s for s in snapshot.small_steps if s.active]

    def render() -> str:
        stages = "\n".join(f"• {stage.text}" for stage in snapshot.stages)
        steps = "\n".join(step_line(turn, s) for s in active)
        if not to_change:
            return turn.text("trajectory.confirm_route", stages=stages, steps=Html(steps))
        return turn.text(
            "trajectory.replan_route",
            stages=stages or turn.text("trajectory.journal_none_stages"),
            steps=Html(steps) if steps else turn.text("trajectory.journal_none_steps"),
        )

    def choices() -> list[list[Choice]]:
        change = [step_buttons(row, s) for s in active] if to_change else []
        return [
            *change,
            [turn.choice("trajectory.btn_confirm_route", "tr_confirm", **args, e="confirm_route")],
            [
                turn.choice("trajectory.btn_more_stage", "tr_write", **args, k="stage", ch="route"),
                turn.choice(
                    "trajectory.btn_add_step", "tr_write", **args, k="small_step", ch="route2"
                ),
            ],
        ]

    await tell_text(turn, pair.member(row.coachee_id), render, choices=choices)


async def send_route_to_change(turn: Turn, pair: Pair, row: TrajectoryRow) -> None:
    """Re-planning: the coachee's route as it stands, with what they can change."""
    await send_route_confirmation(turn, pair, row, to_change=True)


async def send_close_cards(turn: Turn, pair: Pair, row: TrajectoryRow) -> None:
    """Everything is harvested: ask coach and coachee to close together."""
    args = card_args(pair, row)
    for uid in (row.coach_id, row.coachee_id):
        await tell(
            turn,
            pair.member(uid),
            "trajectory.confirm_close",
            choices=lambda: [
                [turn.choice("trajectory.btn_close", "tr_confirm", **args, e="close")],
                [turn.choice("trajectory.btn_not_yet", "tr_notyet")],
            ],
        )
