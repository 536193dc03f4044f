"""The room lifecycle as one transition table, with pure named guards and a Mermaid diagram."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from transitions import Machine

from flows.diagram import DiagramSpec, render
from flows.room.effects import Refused
from flows.room.model import Room, RoomState
from flows.room.rules import is_controller

GATHERING, ROLES, RUNNING, PAUSED, CLOSED = (
    RoomState.GATHERING,
    RoomState.ROLES,
    RoomState.RUNNING,
    RoomState.PAUSED,
    RoomState.CLOSED,
)
OPEN = [GATHERING, ROLES, RUNNING, PAUSED]
IN_SESSION = [RUNNING, PAUSED]
# Events that prepare a session; refused with "already started" once it runs.
SETUP_EVENTS = frozenset({"open_roles", "start", "set_duration"})


def enough_members(room: Room) -> bool:
    """At least the protocol's minimum number of members is present."""
    return len(room.active_ids) >= room.min_members


def case_holder_chosen(room: Room) -> bool:
    """A present case-holder, when the protocol needs one."""
    return not room.case_holder_needed or room.is_active_member(room.case_holder_id)


def facilitator_present(room: Room) -> bool:
    """Someone steers: the teacher or a present member."""
    facilitator = room.facilitator_id
    return facilitator is not None and (
        facilitator == room.teacher_id or room.is_active_member(facilitator)
    )


def has_next_step(room: Room) -> bool:
    """The current step is not the last one."""
    return room.step_index + 1 < len(room.steps)


def on_last_step(room: Room) -> bool:
    """The current step is the last one."""
    return not has_next_step(room)


def has_previous_step(room: Room) -> bool:
    """There is a step to go back to."""
    return room.step_index > 0


GUARDS: dict[str, Callable[[Room], bool]] = {
    guard.__name__: guard
    for guard in (
        enough_members,
        case_holder_chosen,
        facilitator_present,
        has_next_step,
        on_last_step,
        has_previous_step,
    )
}


def _transition(
    trigger: str, source: list[RoomState] | RoomState, dest: RoomState | None, *guards: str
) -> dict[str, Any]:
    # dest None is an internal transition: the event is allowed but the state stays.
    return {"trigger": trigger, "source": source, "dest": dest, "conditions": list(guards)}


TRANSITIONS: tuple[dict[str, Any], ...] = (
    _transition("join", OPEN, None),
    _transition("leave", OPEN, None),
    _transition("set_duration", [GATHERING, ROLES], None),
    _transition("open_roles", GATHERING, ROLES, "enough_members"),
    _transition("choose_role", [ROLES, RUNNING, PAUSED], None),
    _transition(
        "start", ROLES, RUNNING, "enough_members", "case_holder_chosen", "facilitator_present"
    ),
    _transition("contribute", RUNNING, None),
    _transition("pass_turn", RUNNING, None),
    _transition("reveal", RUNNING, None),
    _transition("warn", RUNNING, None),
    _transition("ask_facilitator", RUNNING, None),
    _transition("advance", RUNNING, None, "has_next_step"),
    _transition("finish", RUNNING, CLOSED, "on_last_step"),
    _transition("request_back", RUNNING, None, "has_previous_step"),
    _transition("go_back", RUNNING, None, "has_previous_step"),
    _transition("cancel_back", RUNNING, None),
    _transition("pause", RUNNING, PAUSED),
    _transition("resume", PAUSED, RUNNING),
    _transition("extend", IN_SESSION, None),
    _transition("choose_step", IN_SESSION, None),
    _transition("close", OPEN, CLOSED),
)


class _RoomModel:
    """What the machine sees: the lifecycle state, and the snapshot for the guards."""

    def __init__(self, room: Room) -> None:
        self.room = room
        self.state = room.state

    def __getattr__(self, name: str) -> Callable[[], bool]:
        # The machine resolves guard names on the model; each is a pure function of the room.
        guard = GUARDS.get(name)
        if guard is None:
            raise AttributeError(name)
        return lambda: guard(self.room)


MACHINE = Machine(
    model=None,
    states=RoomState,
    transitions=list(TRANSITIONS),
    initial=GATHERING,
    auto_transitions=False,
)


def allowed_in(room: Room, event: str) -> bool:
    """Whether the event exists from the room's current state (guards aside)."""
    return allowed_in_state(room.state, event)


def state_refusal(room: Room, event: str) -> Refused | None:
    """Why an event cannot happen in the room's state, or None when it can."""
    if allowed_in(room, event):
        return None
    if room.state is CLOSED:
        return Refused("room.refuse.closed")
    if room.state is PAUSED and allowed_in_state(RUNNING, event):
        return Refused("room.refuse.paused")
    if room.state in (RUNNING, PAUSED) and event in SETUP_EVENTS:
        return Refused("room.refuse.already_started")
    if room.state is GATHERING and event == "start":
        return Refused("room.refuse.roles_first")
    if room.state in (GATHERING, ROLES):
        return Refused("room.refuse.not_started")
    return Refused("room.refuse.not_now")


def allowed_in_state(state: RoomState, event: str) -> bool:
    """Whether the event exists from a given state."""
    return bool(MACHINE.events[event].transitions.get(state.name))


def fire(room: Room, event: str) -> RoomState | Refused:
    """Run an event on the machine: the state after it, or why it was refused."""
    refused = state_refusal(room, event)
    if refused is not None:
        return refused
    model = _RoomModel(room)
    if MACHINE.events[event].trigger(model):
        return RoomState(model.state)
    return _guard_refusal(room, event)


def controls(room: Room, actor_id: int) -> Refused | None:
    """Refusal unless the actor is the facilitator or the teacher."""
    if is_controller(room, actor_id):
        return None
    return Refused("room.refuse.only_facilitator", {"name": room.name_of(room.facilitator_id)})


def steer(room: Room, event: str, actor_id: int) -> RoomState | Refused:
    """For steering commands: the state first (most telling), then the actor, then the guards."""
    refused = state_refusal(room, event) or controls(room, actor_id)
    return refused if refused is not None else fire(room, event)


def _guard_refusal(room: Room, event: str) -> Refused:
    transition = MACHINE.events[event].transitions[room.state.name][0]
    failed = next(name for name in _guard_names(transition) if not GUARDS[name](room))
    if failed == "enough_members":
        return Refused(
            "room.refuse.not_enough_members",
            {"min": room.min_members, "count": len(room.active_ids)},
        )
    return Refused(GUARD_REFUSALS.get(failed, "room.refuse.not_now"))


# Guards a person can run into; advance/finish are chosen by the code, never refused to anyone.
GUARD_REFUSALS: dict[str, str] = {
    "case_holder_chosen": "room.refuse.need_case_holder",
    "facilitator_present": "room.refuse.need_facilitator",
    "has_previous_step": "room.refuse.first_step",
}


def _guard_names(transition: Any) -> list[str]:
    # The table names every guard by string (see TRANSITIONS), never by callable.
    return [str(condition.func) for condition in transition.conditions]


# Who may fire each event, for the diagram.
EVENT_NOTES = {
    "join": "anyone",
    "leave": "member",
    "set_duration": "facilitator",
    "open_roles": "facilitator",
    "choose_role": "member or teacher",
    "start": "facilitator",
    "contribute": "invited by the step",
    "pass_turn": "turn holder",
    "reveal": "facilitator",
    "warn": "timer",
    "ask_facilitator": "timer",
    "advance": "facilitator or timer",
    "finish": "facilitator or timer",
    "request_back": "facilitator",
    "go_back": "facilitator",
    "cancel_back": "facilitator",
    "pause": "facilitator or system",
    "resume": "facilitator",
    "extend": "facilitator or timekeeper",
    "choose_step": "case-holder",
    "close": "facilitator or system",
}

DIAGRAM = DiagramSpec(
    title="Group-coaching room",
    path="flows/room.md",
    machine=MACHINE,
    intro=(
        "Each arrow reads `event (who may fire it) if guards`. *Facilitator* includes the\n"
        "teacher; *timer* is a durable time box (end of step, warning, silent case-holder);\n"
        "*system* is auto-close, the bot being removed, everyone leaving, or (for pause) the\n"
        "case-holder leaving. Protocol steps are data (`flows/protocols/<lang>/*.toml`), not\n"
        "states: the step index, turns and time boxes live in the room snapshot, and\n"
        "`advance` / `go_back` move between steps inside *running*."
    ),
    event_notes=EVENT_NOTES,
)


def room_markdown() -> str:
    """The content of flows/room.md, as `python -m flows.diagram` writes it."""
    return render(DIAGRAM)
