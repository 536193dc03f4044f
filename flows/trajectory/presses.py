"""Whether a pressed card still applies. A card remembers the step or version it was made for;
a card from an earlier moment, or a second press of the same button, changes nothing and is
answered on the button instead."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from datetime import datetime

from flows.trajectory.contract import revisit_due
from flows.trajectory.effects import Refused
from flows.trajectory.model import Event, SmallStep, Trajectory
from flows.trajectory.steps import Party

ALREADY_DONE = Refused("trajectory.already_done", on_button=True)
OLD_CARD = Refused("trajectory.stale", on_button=True)


def made_for(trajectory: Trajectory, card_step: object) -> Refused | None:
    """A card made in another step than the trajectory's current one is old."""
    return None if card_step == trajectory.step.value else OLD_CARD


def refused_in_each(refusals: Iterable[Refused | None]) -> Refused | None:
    """A press that acts in several trajectories is refused only when refused in each."""
    found = list(refusals)
    if not found or any(refused is None for refused in found):
        return None
    return found[0]


def step_version(step: SmallStep) -> int:
    """How often a small step changed: its buttons carry it, so each works once."""
    return len(step.changes)


def small_step_press(trajectory: Trajectory, number: int, seen: object) -> Refused | None:
    """Ticking off, changing or dropping a small step from a list that still shows it as it is."""
    step = trajectory.small_step(number)
    if step is None or seen is None:
        return None  # the command itself says why nothing changed; old cards carry no version
    return None if seen == step_version(step) else ALREADY_DONE


def confirm_press(trajectory: Trajectory, event: Event, party: Party) -> Refused | None:
    """A two-party confirmation (the contract, the close) this partner already gave."""
    return ALREADY_DONE if party in trajectory.confirmed_by(event) else None


def revisit_press(trajectory: Trajectory, party: Party) -> Refused | None:
    """'The agreements still work', said before by this partner in this revisit."""
    if not revisit_due(trajectory):
        return OLD_CARD
    return ALREADY_DONE if party in trajectory.contract.revisit_confirmed_by else None


def plan_press(planned: datetime | None, when: datetime) -> Refused | None:
    """A time picked again that is already the planned one (picking another re-plans)."""
    return ALREADY_DONE if planned == when else None


def start_press(
    awaiting: tuple[object, ...] | None, starting: tuple[object, ...]
) -> Refused | None:
    """Starting what this person is already in the middle of (a reflection) changes nothing."""
    return ALREADY_DONE if awaiting == starting else None


def choice_press(made: Collection[str], choice: str) -> Refused | None:
    """A choice made before in the same run of questions (a second tap) changes nothing."""
    return ALREADY_DONE if choice in made else None
