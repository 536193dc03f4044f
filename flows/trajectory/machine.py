"""The trajectory machine: transitions declared as data, pure guards, and `fire`."""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from transitions import Machine

from flows.diagram import DiagramSpec
from flows.trajectory import contract as contracting
from flows.trajectory.checks import require_aware
from flows.trajectory.model import Confirmation, DissolvedReason, Event, Move, Refusal, Trajectory
from flows.trajectory.prompts import NEEDED_TO_CLOSE
from flows.trajectory.steps import ACTIVE_STEPS, PARTNERS, Party, Step

Guard = Callable[[Trajectory], bool]


def click_confirmed(trajectory: Trajectory) -> bool:
    """Everyone in the match privately said there is a click."""
    return trajectory.click_confirmed


def contract_agreed(trajectory: Trajectory) -> bool:
    """Every contract item is proposed and confirmed by both partners."""
    return contracting.contract_agreed(trajectory.contract)


def goal_captured(trajectory: Trajectory) -> bool:
    """The coachee stated the goal in their own words."""
    return bool(trajectory.goals)


def goal_scaled(trajectory: Trajectory) -> bool:
    """The coachee placed themself on the 0 to 10 scale at least once."""
    return bool(trajectory.scales)


def route_planned(trajectory: Trajectory) -> bool:
    """The route has a stage and a small step still to take."""
    return bool(trajectory.stages) and any(step.active for step in trajectory.small_steps)


def learning_captured(trajectory: Trajectory) -> bool:
    """The coachee said what they learned, so the trajectory can close with a harvest."""
    return all(trajectory.notes_about(topic) for topic in NEEDED_TO_CLOSE)


@dataclass(frozen=True, slots=True)
class TransitionSpec:
    """One row of the transition table: event, sources, destination, who fires it, guards."""

    event: Event
    sources: tuple[Step, ...]
    dest: Step
    party: Party
    guards: tuple[Guard, ...] = ()
    unless: tuple[Guard, ...] = ()

    def config(self) -> dict[str, Any]:
        """This row in the form `transitions.Machine` takes."""
        return {
            "trigger": self.event.value,
            "source": list(self.sources),
            "dest": self.dest,
            "conditions": list(self.guards),
            "unless": list(self.unless),
        }


TRANSITIONS: tuple[TransitionSpec, ...] = (
    TransitionSpec(
        Event.FINISH_CONTACT, (Step.CONTACT,), Step.CONTRACT, Party.BOTH, (click_confirmed,)
    ),
    TransitionSpec(
        Event.ACCEPT_CONTRACT, (Step.CONTRACT,), Step.GOAL, Party.BOTH, (contract_agreed,)
    ),
    # A goal confirmed again after a detour goes straight back to the path when the route
    # still stands; the first time (or without a route) it leads to planning the route.
    TransitionSpec(
        Event.CONFIRM_GOAL,
        (Step.GOAL,),
        Step.PATH,
        Party.COACHEE,
        (goal_captured, goal_scaled, route_planned),
    ),
    TransitionSpec(
        Event.CONFIRM_GOAL,
        (Step.GOAL,),
        Step.ROUTE,
        Party.COACHEE,
        (goal_captured, goal_scaled),
        unless=(route_planned,),
    ),
    TransitionSpec(Event.CONFIRM_ROUTE, (Step.ROUTE,), Step.PATH, Party.COACHEE, (route_planned,)),
    TransitionSpec(Event.REVISE_GOAL, (Step.ROUTE, Step.PATH), Step.GOAL, Party.ANY),
    TransitionSpec(Event.REPLAN, (Step.PATH,), Step.ROUTE, Party.ANY),
    TransitionSpec(Event.START_CLOSING, (Step.PATH,), Step.CLOSING, Party.ANY),
    TransitionSpec(Event.RESUME_PATH, (Step.CLOSING,), Step.PATH, Party.ANY),
    TransitionSpec(Event.CLOSE, (Step.CLOSING,), Step.CLOSED, Party.BOTH, (learning_captured,)),
    TransitionSpec(Event.FINISH_ROUND, ACTIVE_STEPS, Step.CLOSED, Party.SYSTEM),
    TransitionSpec(Event.LEAVE, ACTIVE_STEPS, Step.DISSOLVED, Party.ANY),
    TransitionSpec(Event.DISSOLVE, ACTIVE_STEPS, Step.DISSOLVED, Party.SYSTEM),
)

PARTY_OF: Mapping[Event, Party] = {spec.event: spec.party for spec in TRANSITIONS}

# The one machine for all trajectories. It never holds a model: `fire` hands it a throwaway
# object carrying only the current step, so no per-request machine and no add_model reset.
MACHINE = Machine(
    model=None,
    states=Step,
    transitions=[spec.config() for spec in TRANSITIONS],
    initial=Step.CONTACT,
    auto_transitions=False,
    send_event=False,
    name="trajectory",
)

_PARTY_NOTES = {
    Party.COACH: "coach",
    Party.COACHEE: "coachee",
    Party.BOTH: "both confirm",
    Party.ANY: "coach or coachee",
    Party.SYSTEM: "system",
}

DIAGRAM = DiagramSpec(
    title="Coaching trajectory",
    path="flows/trajectory.md",
    machine=MACHINE,
    intro=(
        "Each arrow reads `event (who may fire it) if guards`. *both confirm* means the coach\n"
        "and the coachee each confirm before the step changes; *system* covers the coordinator\n"
        "ending a pair or closing a round, a failed click check and an unreachable partner."
    ),
    event_notes={event.value: _PARTY_NOTES[party] for event, party in PARTY_OF.items()},
)


class Result(enum.StrEnum):
    """The three answers `fire` can give."""

    MOVED = "moved"
    WAITING_FOR_PARTNER = "waiting_for_partner"
    REFUSED = "refused"


@dataclass(frozen=True, slots=True)
class Outcome:
    """What firing an event did: the snapshot to store and, when refused, why."""

    result: Result
    trajectory: Trajectory
    refusal: Refusal | None = None
    guard: str | None = None

    @property
    def moved(self) -> bool:
        """Whether the step changed."""
        return self.result is Result.MOVED

    @property
    def waiting(self) -> bool:
        """Whether the first of two confirmations was recorded."""
        return self.result is Result.WAITING_FOR_PARTNER

    @property
    def refused(self) -> bool:
        """Whether nothing changed because the event was not allowed."""
        return self.result is Result.REFUSED


class _Model:
    """The throwaway object the machine moves: nothing but the current step."""

    __slots__ = ("state",)

    def __init__(self, state: Step) -> None:
        self.state = state


def fire(
    trajectory: Trajectory,
    event: Event | str,
    actor: Party,
    *,
    at: datetime,
    reason: DissolvedReason | None = None,
) -> Outcome:
    """Try an event on a snapshot on behalf of the coach, the coachee or the system.

    `reason` is required for `dissolve` and not accepted for any other event.
    """
    require_aware(at)
    actor = Party(actor)  # a plain "coach" from a callback payload works too
    if actor not in (Party.COACH, Party.COACHEE, Party.SYSTEM):
        raise ValueError(f"an event is fired by the coach, the coachee or the system, not {actor}")
    try:
        event = Event(event)
    except ValueError:
        return _refuse(trajectory, Refusal.UNKNOWN_EVENT)
    _check_reason(event, reason)
    if trajectory.terminal:
        return _refuse(trajectory, Refusal.TERMINAL)
    candidates = _candidates(event, trajectory.step)
    if not candidates:
        return _refuse(trajectory, Refusal.WRONG_STEP)
    party = PARTY_OF[event]
    if not may_fire(party, actor):
        return _refuse(trajectory, Refusal.NOT_YOUR_ROLE)
    if party is Party.BOTH and trajectory.confirmed_by(event) | {actor} != PARTNERS:
        return _first_confirmation(trajectory, event, actor, candidates)
    model = _Model(trajectory.step)
    if not MACHINE.events[event.value].trigger(model, trajectory):
        return _refuse(trajectory, Refusal.GUARD_FAILED, _failing_guard(candidates, trajectory))
    return Outcome(Result.MOVED, _arrive(trajectory, event, actor, model.state, at, reason))


def may_fire(party: Party, actor: Party) -> bool:
    """Whether an actor may fire an event that names this party."""
    if party in (Party.BOTH, Party.ANY):
        return actor in PARTNERS
    return actor is party


def available_events(trajectory: Trajectory, actor: Party) -> tuple[Event, ...]:
    """Events this actor may fire from the current step (guards not yet checked)."""
    if trajectory.terminal:
        return ()
    events = dict.fromkeys(
        spec.event
        for spec in TRANSITIONS
        if trajectory.step in spec.sources and may_fire(spec.party, actor)
    )
    return tuple(events)


def _candidates(event: Event, step: Step) -> tuple[TransitionSpec, ...]:
    return tuple(spec for spec in TRANSITIONS if spec.event is event and step in spec.sources)


def _failing_guard(candidates: tuple[TransitionSpec, ...], trajectory: Trajectory) -> str | None:
    # Mirrors the machine: a row applies unless one of its `unless` guards holds, and the
    # first applicable row names the first of its guards that fails.
    for spec in candidates:
        if any(guard(trajectory) for guard in spec.unless):
            continue
        for guard in spec.guards:
            if not guard(trajectory):
                return guard.__name__
        return None
    return None


def _first_confirmation(
    trajectory: Trajectory, event: Event, actor: Party, candidates: tuple[TransitionSpec, ...]
) -> Outcome:
    failing = _failing_guard(candidates, trajectory)
    if failing is not None:
        return _refuse(trajectory, Refusal.GUARD_FAILED, failing)
    if actor not in trajectory.confirmed_by(event):
        confirmations = (*trajectory.confirmations, Confirmation(event, actor))
        trajectory = replace(trajectory, confirmations=confirmations)
    return Outcome(Result.WAITING_FOR_PARTNER, trajectory)


def _arrive(
    trajectory: Trajectory,
    event: Event,
    actor: Party,
    dest: Step,
    at: datetime,
    reason: DissolvedReason | None,
) -> Trajectory:
    move = Move(event, trajectory.step, dest, actor, at)
    moved = replace(trajectory, step=dest, confirmations=(), moves=(*trajectory.moves, move))
    contract = moved.contract
    if event is Event.ACCEPT_CONTRACT:
        accepted = replace(contract, accepted_at_conversation=moved.conversation_count)
        return replace(moved, contract=accepted)
    if event in (Event.CLOSE, Event.FINISH_ROUND):
        return replace(moved, contract=replace(contract, closed_at=at), next_meeting=None)
    if event is Event.LEAVE:
        return replace(moved, dissolved_reason=DissolvedReason.PARTNER_LEFT, next_meeting=None)
    if event is Event.DISSOLVE:
        return replace(moved, dissolved_reason=reason, next_meeting=None)
    return moved


def _check_reason(event: Event, reason: DissolvedReason | None) -> None:
    if event is Event.DISSOLVE and reason is None:
        raise ValueError("dissolve needs a reason")
    if event is not Event.DISSOLVE and reason is not None:
        raise ValueError(f"{event.value} takes no reason")


def _refuse(trajectory: Trajectory, refusal: Refusal, guard: str | None = None) -> Outcome:
    return Outcome(Result.REFUSED, trajectory, refusal, guard)
