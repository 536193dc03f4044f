"""What stays of a room when someone in it has their data erased: the others' part only."""

from __future__ import annotations

from dataclasses import replace

from flows.room.model import Room


def forget_person(room: Room, user_id: int) -> Room:
    """The room without the person: not a member, no role, nothing they said, no name.

    For a room still open, let them leave first (member_left) so turns and roles move on;
    this only removes what remains. A teacher keeps no name; the room keeps their place.
    """
    mine = {user_id}
    return replace(
        room,
        teacher_id=0 if room.teacher_id == user_id else room.teacher_id,
        teacher_name="" if room.teacher_id == user_id else room.teacher_name,
        members=tuple(m for m in room.members if m.user_id != user_id),
        case_holder_id=_unless(room.case_holder_id, mine),
        facilitator_id=_unless(room.facilitator_id, mine),
        timekeeper_id=_unless(room.timekeeper_id, mine),
        turn_order=tuple(u for u in room.turn_order if u != user_id),
        turn_user_id=_unless(room.turn_user_id, mine),
        passes=tuple(p for p in room.passes if p.user_id != user_id),
        contributions=tuple(c for c in room.contributions if c.author_id != user_id),
        back_requested_by=_unless(room.back_requested_by, mine),
        history=tuple(
            replace(
                change,
                by=_unless(change.by, mine),
                left_turn_user_id=_unless(change.left_turn_user_id, mine),
            )
            for change in room.history
        ),
        chosen_step=None if room.case_holder_id == user_id else room.chosen_step,
    )


def _unless(value: int | None, gone: set[int]) -> int | None:
    return None if value in gone else value
