"""The input for the room's single status message: what is going on, whose turn, time left."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from flows.protocols import Who
from flows.room import rules
from flows.room.effects import RoomAction, TextLine
from flows.room.model import Room, RoomState

_ACTIONS = {
    RoomState.GATHERING: (RoomAction.JOIN, RoomAction.LEAVE, RoomAction.OPEN_ROLES, RoomAction.END),
    RoomState.ROLES: (
        RoomAction.JOIN,
        RoomAction.VOLUNTEER_CASE_HOLDER,
        RoomAction.VOLUNTEER_TIMEKEEPER,
        RoomAction.START,
        RoomAction.END,
    ),
    RoomState.RUNNING: (
        RoomAction.NEXT,
        RoomAction.BACK,
        RoomAction.PAUSE,
        RoomAction.EXTEND,
        RoomAction.END,
    ),
    RoomState.PAUSED: (RoomAction.RESUME, RoomAction.EXTEND, RoomAction.END),
    RoomState.CLOSED: (),
}


@dataclass(frozen=True, slots=True)
class StatusView:
    """Everything the status message shows; the bot layer turns it into text with status_lines."""

    state: RoomState
    protocol_title: str
    step_number: int | None
    step_count: int
    step_title: str | None
    who: Who | None
    collect_privately: bool
    whose_turn: int | None
    whose_turn_name: str | None
    minutes_left: int | None
    handed_in_count: int
    expected_count: int
    member_names: tuple[str, ...]
    case_holder_name: str | None
    facilitator_name: str | None
    timekeeper_name: str | None
    total_minutes: int
    actions: tuple[RoomAction, ...]


def status_view(room: Room, now: datetime) -> StatusView:
    """The status of a room at a moment."""
    in_session = room.in_session
    plan = room.step if in_session else None
    remaining = rules.remaining_seconds(room, now)
    expected = rules.present_in_order(room) if plan and plan.collect_privately else ()
    turn = room.turn_user_id if plan and rules.takes_turns(plan) else None
    return StatusView(
        state=room.state,
        protocol_title=rules.protocol_title(room),
        step_number=room.step_index + 1 if in_session else None,
        step_count=len(room.steps),
        step_title=rules.step_title(room) if plan else None,
        who=plan.who if plan else None,
        collect_privately=bool(plan and plan.collect_privately),
        whose_turn=turn,
        whose_turn_name=room.name_of(turn) if turn is not None else None,
        minutes_left=rules.whole_minutes(remaining) if remaining is not None else None,
        handed_in_count=len(rules.handed_in(room) & set(expected)),
        expected_count=len(expected),
        member_names=tuple(room.name_of(u) for u in room.active_ids),
        case_holder_name=_name(room, room.case_holder_id),
        facilitator_name=_name(room, room.facilitator_id),
        timekeeper_name=_name(room, room.timekeeper_id),
        total_minutes=room.total_minutes,
        actions=_actions(room),
    )


def status_lines(view: StatusView) -> tuple[TextLine, ...]:
    """The status message as text keys with parameters, one per line."""
    lines = [TextLine("room.status.title", {"protocol": view.protocol_title})]
    lines.append(TextLine(f"room.status.{view.state.value}", {"minutes": view.total_minutes}))
    if view.step_number is not None:
        lines.append(
            TextLine(
                "room.status.step",
                {
                    "number": view.step_number,
                    "count": view.step_count,
                    "title": view.step_title or "",
                },
            )
        )
    if view.who is not None:
        lines.append(TextLine(f"room.who.{view.who.value}"))
    if view.whose_turn_name is not None:
        lines.append(TextLine("room.status.turn", {"name": view.whose_turn_name}))
    if view.collect_privately:
        lines.append(
            TextLine(
                "room.status.handed_in",
                {"count": view.handed_in_count, "expected": view.expected_count},
            )
        )
    if view.minutes_left is not None and view.state is RoomState.RUNNING:
        lines.append(TextLine("room.status.time_left", {"minutes": view.minutes_left}))
    if view.minutes_left is not None and view.state is RoomState.PAUSED:
        lines.append(TextLine("room.status.paused_left", {"minutes": view.minutes_left}))
    if view.state is not RoomState.CLOSED:
        lines.extend(_role_lines(view))
        lines.append(
            TextLine(
                "room.status.members",
                {"count": len(view.member_names), "names": ", ".join(view.member_names)},
            )
        )
    return tuple(lines)


def _role_lines(view: StatusView) -> list[TextLine]:
    roles = (
        ("room.status.case_holder", view.case_holder_name),
        ("room.status.facilitator", view.facilitator_name),
        ("room.status.timekeeper", view.timekeeper_name),
    )
    return [TextLine(key, {"name": name}) for key, name in roles if name is not None]


def _name(room: Room, user_id: int | None) -> str | None:
    return room.name_of(user_id) if user_id is not None else None


def _actions(room: Room) -> tuple[RoomAction, ...]:
    actions = _ACTIONS[room.state]
    if room.state is RoomState.ROLES and not room.case_holder_needed:
        actions = tuple(a for a in actions if a is not RoomAction.VOLUNTEER_CASE_HOLDER)
    if room.state is RoomState.RUNNING:
        plan = room.step
        if rules.takes_turns(plan) or plan.collect_privately:
            actions = (RoomAction.PASS, *actions)
        if plan.collect_privately and rules.hidden_contributions(room):
            actions = (RoomAction.REVEAL, *actions)
        if room.step_index == 0:
            actions = tuple(a for a in actions if a is not RoomAction.BACK)
    return actions
