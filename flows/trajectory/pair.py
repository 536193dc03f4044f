"""The pair aggregate: the contract is made (and revisited) across all trajectories of a match at
once, so what is on the table, agreed or confirmed is decided over every seat together."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from flows.trajectory.contract import revisit_due, same_wording
from flows.trajectory.effects import Refused
from flows.trajectory.model import ContractItemKey, ItemVersion, Party, Step, Trajectory
from flows.trajectory.presses import ALREADY_DONE

KEYS = tuple(ContractItemKey)


@dataclass(frozen=True, slots=True)
class Seat:
    """One trajectory of a match: its snapshot, its coach and coachee, and the id it goes by."""

    trajectory: Trajectory
    coach: int
    coachee: int
    ref: int

    def party(self, user_id: int) -> Party | None:
        """Coach or coachee of this trajectory; None for anyone else (an observer)."""
        if user_id == self.coach:
            return Party.COACH
        if user_id == self.coachee:
            return Party.COACHEE
        return None


def contract_open(seats: Sequence[Seat]) -> list[Seat]:
    """Trajectories whose contract is being made, or else revisited half-way."""
    live = [s for s in seats if not s.trajectory.terminal]
    making = [s for s in live if s.trajectory.step is Step.CONTRACT]
    return making or [s for s in live if revisit_due(s.trajectory)]


def making(seats: Sequence[Seat]) -> bool:
    """Whether any of these trajectories is still making its contract (not revisiting it)."""
    return any(s.trajectory.step is Step.CONTRACT for s in seats)


def current_key(seats: Sequence[Seat]) -> ContractItemKey | None:
    """The first agreement that is not yet the same and confirmed in every trajectory."""
    return next((key for key in KEYS if not agreed(seats, key)), None)


def agreed(seats: Sequence[Seat], key: ContractItemKey) -> bool:
    """Whether one wording of this agreement is confirmed by both in every trajectory."""
    items = [s.trajectory.contract.item(key) for s in seats]
    if any(item is None or not item.agreed for item in items):
        return False
    return len({item.value for item in items if item is not None}) == 1


def latest(seats: Sequence[Seat], key: ContractItemKey) -> tuple[str, int] | None:
    """The wording most recently put on the table, and who proposed it."""
    found: list[tuple[ItemVersion, Seat]] = []
    for seat in seats:
        item = seat.trajectory.contract.item(key)
        if item is not None:
            found.append((item.versions[-1], seat))
    if not found:
        return None
    newest = max(found, key=lambda entry: entry[0].at)[0].value
    # Agreeing adds the same words in a trajectory that lacked them; the author is who came first.
    version, seat = min(
        (entry for entry in found if same_wording(entry[0].value, newest)), key=lambda e: e[0].at
    )
    author = seat.coach if version.by is Party.COACH else seat.coachee
    return newest, author


def has_confirmed(seats: Sequence[Seat], key: ContractItemKey, user_id: int) -> bool:
    """Whether this person confirmed the latest wording in every trajectory they are part of."""
    on_table = latest(seats, key)
    if on_table is None:
        return False
    for seat in seats:
        party = seat.party(user_id)
        item = seat.trajectory.contract.item(key)
        if party is None:
            continue
        if item is None or item.value != on_table[0] or party not in item.confirmed_by:
            return False
    return True


def proposal_press(
    seats: Sequence[Seat], key: ContractItemKey, user_id: int, value: str
) -> Refused | None:
    """Proposing (or agreeing with) a wording one already stands behind changes nothing."""
    on_table = latest(seats, key)
    if on_table is None or not same_wording(on_table[0], value):
        return None
    return ALREADY_DONE if has_confirmed(seats, key, user_id) else None
