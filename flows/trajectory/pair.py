"""The pair aggregate: the contract is made (and revisited) across all trajectories of a match at
once, so what is on the table, agreed or confirmed is decided over every seat together."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from flows.trajectory.contract import (
    as_wording,
    confirm_revisit,
    contract_agreed,
    pledge_all,
    propose_item,
    revisit_due,
    same_choice,
)
from flows.trajectory.effects import (
    ContractAccepted,
    Effect,
    ItemAgreed,
    Outcome,
    Refused,
    Result,
    Say,
    ShowContract,
    ShowItemCards,
    Store,
    TellEveryone,
)
from flows.trajectory.machine import fire
from flows.trajectory.model import (
    CaptureError,
    ContractItemKey,
    Event,
    ItemVersion,
    Trajectory,
    Wording,
)
from flows.trajectory.presses import (
    ALREADY_DONE,
    OLD_CARD,
    confirm_press,
    refused_in_each,
    revisit_press,
)
from flows.trajectory.steps import Party, Step

KEYS = tuple(ContractItemKey)


@dataclass(frozen=True, slots=True)
class Seat:
    """One trajectory of a match: its snapshot, its coach and coachee, the id it goes by, and
    who observes it (in a triad)."""

    trajectory: Trajectory
    coach: int
    coachee: int
    ref: int
    observer: int | None = None

    def party(self, user_id: int) -> Party | None:
        """Coach or coachee of this trajectory; None for anyone else (an observer)."""
        if user_id == self.coach:
            return Party.COACH
        if user_id == self.coachee:
            return Party.COACHEE
        return None


def accept_contract(seats: Sequence[Seat], user_id: int, *, at: datetime) -> Result:
    """This person accepts the whole contract; the step moves on once everyone did."""
    making_now = [s for s in seats if s.trajectory.step is Step.CONTRACT]
    mine = _parts(making_now, user_id)
    if not mine:
        return OLD_CARD
    refused = refused_in_each(
        confirm_press(s.trajectory, Event.ACCEPT_CONTRACT, p) for s, p in mine
    )
    if refused is not None:
        return refused
    stored: dict[int, Trajectory] = {}
    for seat, party in mine:
        outcome = fire(seat.trajectory, Event.ACCEPT_CONTRACT, party, at=at)
        if outcome.refused:
            return Refused("trajectory.contract_not_ready")
        stored[seat.ref] = outcome.trajectory
    effects: list[Effect] = [Store(t, ref) for ref, t in stored.items()]
    after = [stored.get(s.ref, s.trajectory) for s in making_now]
    waiting = any(t.step is Step.CONTRACT for t in after)
    effects.append(Say("trajectory.contract_waiting") if waiting else ContractAccepted())
    return Outcome(tuple(effects))


def agree_to_all(
    seats: Sequence[Seat],
    user_id: int,
    defaults: Mapping[ContractItemKey, str | Wording],
    *,
    at: datetime,
) -> Result:
    """ "Agree to all" on the contract card: every open agreement as it is on the table (or
    the cohort's default where nobody proposed one yet, kept as the default rather than as
    this person's idea), and the contract accepted; once both partners did, it stands."""
    table = [s for s in seats if not s.trajectory.terminal and s.trajectory.step is Step.CONTRACT]
    mine = _parts(table, user_id)
    if not mine:
        return OLD_CARD
    refused = refused_in_each(
        confirm_press(s.trajectory, Event.ACCEPT_CONTRACT, p) for s, p in mine
    )
    if refused is not None:
        return refused
    wordings = {key: _on_table(table, key, defaults) for key in KEYS if not agreed(table, key)}
    stored: dict[int, Trajectory] = {}
    try:
        for seat, party in mine:
            trajectory = seat.trajectory
            for key, value in wordings.items():
                trajectory = propose_item(trajectory, key, value, by=party, at=at)
            stored[seat.ref] = _accept_or_pledge(trajectory, party, at=at)
    except CaptureError as error:  # a cohort's own default that cannot stand (no number)
        return Refused(_proposal_refusal(error))
    after = [replace(s, trajectory=stored.get(s.ref, s.trajectory)) for s in table]
    effects: list[Effect] = [Store(t, ref) for ref, t in stored.items()]
    if not making(after):
        effects.append(ContractAccepted())
    else:
        effects.extend((Say("trajectory.contract_all_waiting"), ShowItemCards(False, whole=True)))
    return Outcome(tuple(effects))


def accepted_by(seats: Sequence[Seat], user_id: int) -> bool:
    """Whether this person already accepted (agreed to all of) the contract being made."""
    mine = _parts([s for s in seats if s.trajectory.step is Step.CONTRACT], user_id)
    return bool(mine) and all(
        p in s.trajectory.confirmed_by(Event.ACCEPT_CONTRACT) for s, p in mine
    )


def _on_table(
    seats: Sequence[Seat], key: ContractItemKey, defaults: Mapping[ContractItemKey, str | Wording]
) -> Wording:
    """The wording to agree with: the one on the table, else the cohort's default."""
    on_table = latest_version(seats, key)
    if on_table is not None:
        return on_table[0].wording
    return replace(as_wording(defaults[key]), default=True)


def _accept_or_pledge(trajectory: Trajectory, party: Party, *, at: datetime) -> Trajectory:
    """Accept the contract when every agreement is made, else keep the pledge for later."""
    if not contract_agreed(trajectory.contract):
        return pledge_all(trajectory, by=party)
    outcome = fire(trajectory, Event.ACCEPT_CONTRACT, party, at=at)
    return outcome.trajectory


def agreements_still_work(seats: Sequence[Seat], user_id: int) -> Result:
    """At the half-way revisit this person says the agreements still work for them."""
    due = [s for s in seats if not s.trajectory.terminal and revisit_due(s.trajectory)]
    mine = _parts(due, user_id)
    if not mine or current_key(due) is not None:
        return OLD_CARD
    refused = refused_in_each(revisit_press(s.trajectory, p) for s, p in mine)
    if refused is not None:
        return refused
    stored = {s.ref: confirm_revisit(s.trajectory, by=p) for s, p in mine}
    effects: list[Effect] = [Store(t, ref) for ref, t in stored.items()]
    if any(revisit_due(stored.get(s.ref, s.trajectory)) for s in due):
        effects.append(Say("trajectory.contract_waiting"))
    else:
        effects.append(TellEveryone("trajectory.revisit_done"))
    return Outcome(tuple(effects))


def propose_wording(
    seats: Sequence[Seat],
    key: ContractItemKey,
    user_id: int,
    value: str | Wording,
    *,
    at: datetime,
) -> Result:
    """Put a wording on the table in every open trajectory where this person is a partner."""
    wording = as_wording(value)
    table = contract_open(seats)
    before = latest_version(table, key)
    agreeing = (
        before is not None and before[1] != user_id and same_choice(before[0].wording, wording)
    )
    try:
        stored = {
            s.ref: propose_item(s.trajectory, key, wording, by=p, at=at)
            for s, p in _parts(table, user_id)
        }
    except CaptureError as error:
        return Refused(_proposal_refusal(error))
    after = [replace(s, trajectory=stored.get(s.ref, s.trajectory)) for s in table]
    effects: list[Effect] = [Store(t, ref) for ref, t in stored.items()]
    whole = making(after)  # while making it, every card shows the whole contract
    if agreed(after, key):
        effects.append(ItemAgreed(key, wording.value, wording.option))
        if current_key(after) is not None:
            effects.append(ShowItemCards(everyone=True, whole=whole))
        else:
            effects.append(ShowContract("accept" if whole else "revisit"))
    elif agreeing:
        # Agreed with what was on the table: the others already hold a card showing it.
        effects.append(Say("trajectory.contract_waiting"))
    else:
        sent = Say("trajectory.contract_sent", {"value": wording.value})
        # While making it, the proposer gets the whole card back too: agreeing to all is a tap.
        effects.extend((sent, ShowItemCards(everyone=whole, whole=whole)))
    return Outcome(tuple(effects))


def _proposal_refusal(error: CaptureError) -> str:
    if "number" in error.detail or "conversations" in error.detail:
        return "trajectory.contract_needs_number"
    return "trajectory.contract_too_long"


def _parts(seats: Sequence[Seat], user_id: int) -> list[tuple[Seat, Party]]:
    """The seats where this person coaches or is coached, with their part in each."""
    found = ((seat, seat.party(user_id)) for seat in seats)
    return [(seat, party) for seat, party in found if party is not None]


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
    versions = [item.current.wording for item in items if item is not None and item.agreed]
    if not items or len(versions) < len(items):
        return False
    return all(same_choice(versions[0], version) for version in versions[1:])


def latest(seats: Sequence[Seat], key: ContractItemKey) -> tuple[str, int] | None:
    """The wording most recently put on the table (as its proposer read it), and who proposed
    it."""
    found = latest_version(seats, key)
    return None if found is None else (found[0].value, found[1])


def latest_version(seats: Sequence[Seat], key: ContractItemKey) -> tuple[ItemVersion, int] | None:
    """The version most recently put on the table, and who proposed it."""
    found: list[tuple[ItemVersion, Seat]] = []
    for seat in seats:
        item = seat.trajectory.contract.item(key)
        if item is not None:
            found.append((item.current, seat))
    if not found:
        return None
    newest = max(found, key=lambda entry: entry[0].at)[0]
    # Agreeing adds the same words in a trajectory that lacked them; the author is who came first.
    version, seat = min(
        (entry for entry in found if same_choice(entry[0].wording, newest.wording)),
        key=lambda e: e[0].at,
    )
    author = seat.coach if version.by is Party.COACH else seat.coachee
    return newest, author


def has_confirmed(seats: Sequence[Seat], key: ContractItemKey, user_id: int) -> bool:
    """Whether this person confirmed the latest wording in every trajectory they are part of."""
    on_table = latest_version(seats, key)
    if on_table is None:
        return False
    for seat in seats:
        party = seat.party(user_id)
        item = seat.trajectory.contract.item(key)
        if party is None:
            continue
        if item is None or party not in item.confirmed_by:
            return False
        if not same_choice(item.current.wording, on_table[0].wording):
            return False
    return True


def proposal_press(
    seats: Sequence[Seat], key: ContractItemKey, user_id: int, value: str | Wording
) -> Refused | None:
    """Proposing (or agreeing with) a wording one already stands behind changes nothing."""
    on_table = latest_version(seats, key)
    if on_table is None or not same_choice(on_table[0].wording, as_wording(value)):
        return None
    return ALREADY_DONE if has_confirmed(seats, key, user_id) else None
