"""The one check pairing asks of practice: a class may want a practice before opting in."""

from __future__ import annotations

from bot.runtime.turn import Turn
from flows.practice import may_join_pool
from storage import practice


async def may_join(turn: Turn, cohort_id: int) -> bool:
    """True when the student may join the pool; otherwise they are told kindly how to get there,
    and the button they pressed stays usable for after their practice."""
    required = await practice.required(turn.session, cohort_id=cohort_id)
    practised = await practice.has_practised(turn.session, user_id=turn.person.id)
    if may_join_pool(required=required, practised=practised):
        return True
    turn.refuse_press()
    await turn.answer()
    await turn.say("practice.first")
    return False
