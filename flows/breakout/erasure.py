"""What stays of a breakout when someone in it has their data erased: the others' part only."""

from __future__ import annotations

from dataclasses import replace

from flows.breakout.model import Breakout
from flows.room.erasure import forget_person as room_without


def forget_person(breakout: Breakout, user_id: int) -> Breakout:
    """The breakout without the person: not joined, out of their group's room, no name."""
    teacher = breakout.teacher_id == user_id
    return replace(
        breakout,
        teacher_id=0 if teacher else breakout.teacher_id,
        teacher_name="" if teacher else breakout.teacher_name,
        joined=tuple(m for m in breakout.joined if m.user_id != user_id),
        groups=tuple(
            replace(
                g,
                room=room_without(g.room, user_id),
                share=None if g.room.case_holder_id == user_id else g.share,
            )
            for g in breakout.groups
        ),
    )
