"""Room commands around the session: opening a room, joining, leaving and choosing roles."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime

from flows.protocols import MAX_MINUTES, MIN_MINUTES, ProtocolError, load_protocol
from flows.room import rules
from flows.room.effects import (
    Announce,
    Outcome,
    PrivatePrompt,
    Refused,
    Result,
    RoomAction,
    UpdateStatus,
)
from flows.room.machine import fire, steer
from flows.room.model import (
    ChangeReason,
    CloseReason,
    Member,
    Role,
    Room,
    RoomState,
    StepPlan,
)
from flows.room.session import (
    Draft,
    close,
    drop_step_timers,
    give_turn,
    move_to,
    require_aware,
    reveal_if_complete,
)

_ROLE_ANNOUNCEMENTS = {
    Role.CASE_HOLDER: "room.announce.role_case_holder",
    Role.FACILITATOR: "room.announce.role_facilitator",
    Role.TIMEKEEPER: "room.announce.role_timekeeper",
}


def refuse_second_room(existing: Room | None) -> Refused | None:
    """Why a group cannot open another room while one is open, naming who can end it."""
    if existing is None or not existing.is_open:
        return None
    return Refused(
        "room.refuse.already_open",
        {
            "protocol": rules.protocol_title(existing),
            "name": existing.name_of(rules.controller_id(existing)),
        },
    )


def create_room(
    *,
    chat_id: int,
    teacher_id: int,
    teacher_name: str,
    protocol_id: str,
    language: str,
    now: datetime,
    durations: Mapping[str, int] | None = None,
    existing: Room | None = None,
) -> Result:
    """A teacher opens a room in a group with a protocol and, if wanted, other step minutes."""
    require_aware(now)
    refused = refuse_second_room(existing)
    if refused is not None:
        return refused
    try:
        protocol = load_protocol(protocol_id, language)
    except ProtocolError:
        return Refused("room.refuse.unknown_protocol", {"protocol": protocol_id})
    steps = tuple(
        StepPlan(s.key, s.who, s.kind, s.minutes, s.collect_privately) for s in protocol.steps
    )
    for key, minutes in (durations or {}).items():
        adjusted = _with_minutes(steps, key, minutes)
        if isinstance(adjusted, Refused):
            return adjusted
        steps = adjusted
    room = Room(
        chat_id=chat_id,
        teacher_id=teacher_id,
        teacher_name=_clean_name(teacher_name),
        protocol_id=protocol.id,
        language=language,
        steps=steps,
        min_members=protocol.min_members,
        case_holder_needed=protocol.case_holder,
        created_at=now,
        last_activity_at=now,
        facilitator_id=teacher_id,
    )
    draft = Draft(room)
    draft.emit(
        Announce(
            "room.announce.created",
            {
                "protocol": protocol.title,
                "description": protocol.description,
                "teacher": room.teacher_name,
                "minutes": room.total_minutes,
            },
        ),
        UpdateStatus(),
    )
    return draft.outcome(now)


def set_duration(room: Room, actor_id: int, now: datetime, step_key: str, minutes: int) -> Result:
    """Before the start, the teacher or facilitator changes one step's minutes (1 to 60)."""
    require_aware(now)
    state = steer(room, "set_duration", actor_id)
    if isinstance(state, Refused):
        return state
    steps = _with_minutes(room.steps, step_key, minutes)
    if isinstance(steps, Refused):
        return steps
    draft = Draft(room)
    draft.set(steps=steps)
    index = next(i for i, step in enumerate(steps) if step.key == step_key)
    draft.emit(
        Announce(
            "room.announce.duration_changed",
            {"title": rules.step_title(room, index), "minutes": minutes},
        ),
        UpdateStatus(),
    )
    return draft.outcome(now)


def join(room: Room, actor_id: int, now: datetime, name: str) -> Result:
    """Someone presses join; late joiners take part from now on, also in the turn order."""
    require_aware(now)
    fired = fire(room, "join")
    if isinstance(fired, Refused):
        return fired
    member = room.member(actor_id)
    if member is not None and member.active:
        return Refused("room.refuse.already_member")
    draft = Draft(room)
    if member is None:
        draft.set(members=(*room.members, Member(actor_id, _clean_name(name), now)))
    else:
        back = replace(member, name=_clean_name(name), left_at=None)
        draft.set(members=tuple(back if m is member else m for m in room.members))
    if room.in_session and actor_id == room.case_holder_id:
        draft.emit(
            Announce("room.announce.case_holder_back", {"name": draft.room.name_of(actor_id)})
        )
    _add_to_round(draft, actor_id)
    draft.emit(UpdateStatus())
    return draft.outcome(now)


def leave(room: Room, actor_id: int, now: datetime) -> Result:
    """A member presses leave."""
    require_aware(now)
    fired = fire(room, "leave")
    if isinstance(fired, Refused):
        return fired
    if not room.is_active_member(actor_id):
        return Refused("room.refuse.not_member")
    draft = Draft(room)
    _remove(draft, actor_id, now)
    return draft.outcome(now)


def member_left(room: Room, user_id: int, now: datetime) -> Result:
    """Telegram says someone left the group: same as leaving, and nothing if they were no member."""
    require_aware(now)
    gone_facilitator = user_id == room.facilitator_id
    if not room.is_open or not (room.is_active_member(user_id) or gone_facilitator):
        return Outcome(room)
    draft = Draft(room)
    _remove(draft, user_id, now)
    return draft.outcome(now)


def volunteer(room: Room, actor_id: int, now: datetime, role: Role) -> Result:
    """A member offers to take a free role (or PEER to give theirs back)."""
    require_aware(now)
    fired = fire(room, "choose_role")
    if isinstance(fired, Refused):
        return fired
    if not room.is_active_member(actor_id):
        return Refused("room.refuse.not_member")
    refused_role = _role_refusal(room, actor_id, role)
    if refused_role is not None:
        return refused_role
    holder = _holder(room, role)
    if role is not Role.PEER and holder is not None and holder != actor_id:
        return Refused("room.refuse.role_taken", {"name": room.name_of(holder)})
    return _give_role(room, actor_id, role, now)


def assign_role(room: Room, actor_id: int, now: datetime, user_id: int, role: Role) -> Result:
    """The teacher gives a member a role (the facilitator role also to themself)."""
    require_aware(now)
    fired = fire(room, "choose_role")
    if isinstance(fired, Refused):
        return fired
    if actor_id != room.teacher_id:
        return Refused("room.refuse.only_teacher", {"name": room.teacher_name})
    teacher_facilitates = role is Role.FACILITATOR and user_id == room.teacher_id
    if not (room.is_active_member(user_id) or teacher_facilitates):
        return Refused("room.refuse.not_a_member", {"name": room.name_of(user_id)})
    refused_role = _role_refusal(room, user_id, role)
    if refused_role is not None:
        return refused_role
    return _give_role(room, user_id, role, now)


def open_roles(room: Room, actor_id: int, now: datetime) -> Result:
    """The facilitator closes the gathering: time to choose the roles."""
    require_aware(now)
    state = steer(room, "open_roles", actor_id)
    if isinstance(state, Refused):
        return state
    draft = Draft(room)
    draft.set(state=state)
    key = (
        "room.announce.roles_open"
        if room.case_holder_needed
        else "room.announce.roles_open_no_case"
    )
    draft.emit(Announce(key), UpdateStatus())
    return draft.outcome(now)


def start(room: Room, actor_id: int, now: datetime) -> Result:
    """The facilitator starts the protocol at its first step."""
    require_aware(now)
    state = steer(room, "start", actor_id)
    if isinstance(state, Refused):
        return state
    draft = Draft(room)
    draft.set(state=state, started_at=now)
    facilitator = room.name_of(room.facilitator_id)
    if room.case_holder_needed:
        params = {"case_holder": room.name_of(room.case_holder_id), "facilitator": facilitator}
        draft.emit(Announce("room.announce.started", params))
    else:
        draft.emit(Announce("room.announce.started_no_case", {"facilitator": facilitator}))
    move_to(draft, 0, now, ChangeReason.START, actor_id)
    return draft.outcome(now)


def _with_minutes(
    steps: tuple[StepPlan, ...], key: str, minutes: int
) -> tuple[StepPlan, ...] | Refused:
    if key not in {step.key for step in steps}:
        return Refused("room.refuse.unknown_step", {"step": key})
    if isinstance(minutes, bool) or not MIN_MINUTES <= minutes <= MAX_MINUTES:
        return Refused("room.refuse.bad_duration", {"min": MIN_MINUTES, "max": MAX_MINUTES})
    return tuple(replace(s, minutes=minutes) if s.key == key else s for s in steps)


def _role_refusal(room: Room, user_id: int, role: Role) -> Refused | None:
    """Roles that cannot change: the case-holder is fixed once the session runs."""
    if role is Role.CASE_HOLDER and not room.case_holder_needed:
        return Refused("room.refuse.no_case_holder_here")
    changes_case = role is Role.CASE_HOLDER or user_id == room.case_holder_id
    if room.in_session and changes_case:
        return Refused("room.refuse.case_holder_fixed")
    return None


def _holder(room: Room, role: Role) -> int | None:
    if role is Role.CASE_HOLDER:
        return room.case_holder_id
    if role is Role.FACILITATOR:
        return room.facilitator_id
    if role is Role.TIMEKEEPER:
        return room.timekeeper_id
    return None


def _give_role(room: Room, user_id: int, role: Role, now: datetime) -> Result:
    """One role each: taking one drops the old; a leaving student facilitator hands back."""
    draft = Draft(room)
    _drop_roles(draft, user_id)
    if role is Role.CASE_HOLDER:
        draft.set(case_holder_id=user_id)
    elif role is Role.FACILITATOR:
        draft.set(facilitator_id=user_id)
    elif role is Role.TIMEKEEPER:
        draft.set(timekeeper_id=user_id)
    if role in _ROLE_ANNOUNCEMENTS:
        draft.emit(Announce(_ROLE_ANNOUNCEMENTS[role], {"name": room.name_of(user_id)}))
    draft.emit(UpdateStatus())
    return draft.outcome(now)


def _drop_roles(draft: Draft, user_id: int) -> None:
    room = draft.room
    if room.case_holder_id == user_id:
        draft.set(case_holder_id=None)
    if room.timekeeper_id == user_id:
        draft.set(timekeeper_id=None)
    if room.facilitator_id == user_id:
        fallback = room.teacher_id if user_id != room.teacher_id else None
        draft.set(facilitator_id=fallback)


def _add_to_round(draft: Draft, user_id: int) -> None:
    """A late joiner gets a turn in a round that is going on."""
    room = draft.room
    if room.state is not RoomState.RUNNING and room.state is not RoomState.PAUSED:
        return
    if not rules.takes_turns(room.step) or user_id == room.case_holder_id:
        return
    if user_id not in room.turn_order:
        draft.set(turn_order=(*room.turn_order, user_id))
    if draft.room.turn_user_id is None and room.state is RoomState.RUNNING:
        give_turn(draft, user_id)


def _remove(draft: Draft, user_id: int, now: datetime) -> None:
    """Someone is gone: their roles, their turn and a waiting reveal move on without them."""
    room = draft.room
    name = room.name_of(user_id)
    member = room.member(user_id)
    if member is not None:
        gone = replace(member, left_at=now)
        draft.set(members=tuple(gone if m is member else m for m in room.members))
    if not room.in_session:
        _drop_roles(draft, user_id)
        draft.emit(UpdateStatus())
        return
    if not draft.room.active_ids:
        close(draft, now, CloseReason.EVERYONE_LEFT, None)
        return
    if user_id == room.case_holder_id:
        _case_holder_gone(draft, name, now)
    elif user_id == room.facilitator_id:
        _drop_roles(draft, user_id)
        new = draft.room.facilitator_id
        draft.emit(
            Announce(
                "room.announce.facilitator_left", {"name": name, "new": draft.room.name_of(new)}
            )
            if new is not None
            else Announce("room.announce.facilitator_gone", {"name": name})
        )
    else:
        _drop_roles(draft, user_id)
        draft.emit(Announce("room.announce.member_left", {"name": name}))
    if rules.takes_turns(room.step) and room.turn_user_id == user_id:
        give_turn(draft, rules.next_in_turn(draft.room, user_id))
    if room.step.collect_privately:
        reveal_if_complete(draft)
    draft.emit(UpdateStatus())


def _case_holder_gone(draft: Draft, name: str, now: datetime) -> None:
    """Without the case-holder the session waits: pause and ask the facilitator what to do."""
    state = fire(draft.room, "pause")
    if not isinstance(state, Refused):
        remaining = rules.remaining_seconds(draft.room, now)
        draft.set(state=state, paused_remaining_seconds=remaining, deadline=None)
        drop_step_timers(draft)
    draft.emit(Announce("room.announce.case_holder_left", {"name": name}))
    draft.emit(
        PrivatePrompt(
            rules.controller_id(draft.room),
            "room.prompt.case_holder_left",
            {"name": name},
            actions=(RoomAction.RESUME, RoomAction.END),
        )
    )


def _clean_name(name: str) -> str:
    cleaned = " ".join(name.split())[: rules.MAX_NAME_LENGTH]
    return cleaned or "?"
