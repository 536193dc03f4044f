"""The invitation to look back after a conversation: the coach's reflection and a triad
observer's feedback (the looking back itself is in reflection.py)."""

from __future__ import annotations

from bot.handlers.trajectory.core import Member, Pair, scripts_for, tell
from bot.runtime.turn import Turn
from storage.trajectory_models import TrajectoryRow


async def offer_reflection(turn: Turn, pair: Pair, row: TrajectoryRow) -> None:
    """Invite the coach to look back on the conversation that just ended."""
    coach = pair.member(row.coach_id)
    scripts = await scripts_for(turn, pair, coach.language)
    button = ("trajectory.btn_reflect", "tr_reflect")
    intro = scripts.reflection.intro
    await _offer(turn, pair, row, coach, "trajectory.reflect_offer", button, intro=intro)


async def offer_observation(turn: Turn, pair: Pair, row: TrajectoryRow) -> None:
    """Invite a triad's observer to give the coach feedback."""
    if row.observer_id is None:
        return
    observer = pair.member(row.observer_id)
    scripts = await scripts_for(turn, pair, observer.language)
    intro = scripts.observer.feedback_intro
    button = ("trajectory.btn_observe", "tr_observe")
    coach = pair.name(row.coach_id)
    await _offer(
        turn, pair, row, observer, "trajectory.observe_offer", button, intro=intro, coach=coach
    )


async def _offer(
    turn: Turn,
    pair: Pair,
    row: TrajectoryRow,
    member: Member,
    key: str,
    button: tuple[str, str],
    **params: object,
) -> None:
    """Offer to look back on this trajectory's latest conversation now (the button), or later."""
    args = {"t": row.id, "n": pair.snap(row).conversation_count}
    label, action = button
    await tell(
        turn,
        member,
        key,
        choices=lambda: [
            [turn.choice(label, action, **args), turn.choice("trajectory.btn_later", "tr_later")]
        ],
        **params,
    )
