"""What stays of a trajectory when one of its people has their data erased.

The partner keeps their own words; everything the erased person wrote, and everything about
them (a coachee's goal, scale and steps), goes. Dates and steps stay so the partner's history
still reads as a history.
"""

from __future__ import annotations

from dataclasses import replace

from flows.trajectory.model import Contract, ContractItem, Party, Trajectory


def forget_party(trajectory: Trajectory, party: Party) -> Trajectory:
    """The trajectory without the words of the coach or the coachee, who is being erased."""
    kept = replace(
        trajectory,
        goals=tuple(entry for entry in trajectory.goals if entry.by is not party),
        stages=tuple(entry for entry in trajectory.stages if entry.by is not party),
        notes=tuple(note for note in trajectory.notes if note.by is not party),
        contract=_contract_without(trajectory.contract, party),
    )
    if party is Party.COACHEE:
        # The scale, the small steps and the roles asked for are the coachee's own.
        return replace(kept, goals=(), scales=(), small_steps=(), role_requests=())
    # The reflections are the coach's own.
    return replace(kept, reflections=())


def forget_observer(trajectory: Trajectory) -> Trajectory:
    """The trajectory without the feedback of a triad's observer, who is being erased."""
    return replace(trajectory, observations=())


def _contract_without(contract: Contract, party: Party) -> Contract:
    """Each agreement keeps only the wordings the partner proposed (none left: the item goes)."""
    items: list[ContractItem] = []
    for item in contract.items:
        versions = tuple(version for version in item.versions if version.by is not party)
        if versions:
            items.append(replace(item, versions=versions, confirmed_by=item.confirmed_by - {party}))
    return replace(contract, items=tuple(items))
