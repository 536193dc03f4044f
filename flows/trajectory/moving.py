"""Moving a trajectory from a card: on to the next step, back to the goal or route, confirming.
The machine decides; this says what it means for the people in it."""

from __future__ import annotations

from datetime import datetime

from flows.trajectory import machine
from flows.trajectory.effects import (
    AnnounceStep,
    Confirm,
    Confirmation,
    Outcome,
    Refused,
    Result,
    Say,
    Store,
)
from flows.trajectory.model import Event, Trajectory
from flows.trajectory.steps import Party

# Guards and refusals with a kind explanation of their own; others get a general one.
GUARDS = frozenset(
    {"contract_agreed", "goal_captured", "goal_scaled", "route_planned", "learning_captured"}
)
REFUSALS = frozenset({"wrong_step", "terminal", "not_your_role"})


def fire_from_card(trajectory: Trajectory, event: Event, party: Party, *, at: datetime) -> Result:
    """Fire an event for this partner: store the move, then wait for the other or announce."""
    outcome = machine.fire(trajectory, event, party, at=at)
    if outcome.refused:
        return Refused(refusal_key(outcome))
    if outcome.waiting:
        other = Party.COACHEE if party is Party.COACH else Party.COACH
        return Outcome((Store(outcome.trajectory), Say("trajectory.waiting_for", name_of=other)))
    if event is Event.REPLAN:  # re-planning opens the route as it stands, to change
        return Outcome((Store(outcome.trajectory), AnnounceStep(), Confirm(Confirmation.REPLAN)))
    return Outcome((Store(outcome.trajectory), AnnounceStep()))


def refusal_key(outcome: machine.Outcome) -> str:
    """The text key of the kind explanation why an event was not accepted."""
    if outcome.guard in GUARDS:
        return f"trajectory.refused_{outcome.guard}"
    if outcome.refusal is not None and outcome.refusal.value in REFUSALS:
        return f"trajectory.refused_{outcome.refusal.value}"
    return "trajectory.refused_other"
