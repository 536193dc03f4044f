"""The coaching contract: items proposed, adjusted and confirmed by both, revisited half-way."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime

from flows.trajectory.checks import clean_text, require_aware, require_party, require_step
from flows.trajectory.model import (
    CaptureError,
    Confirmation,
    Contract,
    ContractItem,
    ContractItemKey,
    Event,
    ItemVersion,
    Refusal,
    Trajectory,
    Wording,
)
from flows.trajectory.steps import PARTNERS, Party, Step

ITEM_LIMIT = 300
MAX_CONVERSATIONS = 30
REVISIT_STEPS = frozenset({Step.GOAL, Step.ROUTE, Step.PATH})
_NUMBER = re.compile(r"\d+")


def propose_item(
    trajectory: Trajectory,
    key: ContractItemKey,
    value: str | Wording,
    *,
    by: Party,
    at: datetime,
) -> Trajectory:
    """Propose or adjust an agreement; only the proposer counts as confirmed afterwards.

    Proposing exactly the wording already on the table counts as confirming it, so tapping
    the same suggestion as your partner simply agrees (in whichever language each reads it).
    """
    require_aware(at)
    require_party(by, Party.ANY)
    _require_editable(trajectory)
    proposal = as_wording(value)
    wording = clean_text(proposal.value, ITEM_LIMIT)
    if key is ContractItemKey.CONVERSATIONS:
        _parse_conversations(wording)
    current = trajectory.contract.item(key)
    if current is not None and same_choice(current.current.wording, proposal):
        return confirm_item(trajectory, key, by=by)
    version = ItemVersion(wording, by, at, proposal.option, proposal.default)
    versions = (*current.versions, version) if current else (version,)
    item = ContractItem(key, versions, frozenset({by}))
    return _after_edit(trajectory, _with_item(trajectory.contract, item), by)


def confirm_item(trajectory: Trajectory, key: ContractItemKey, *, by: Party) -> Trajectory:
    """Confirm the current wording of an item; confirming twice changes nothing."""
    require_party(by, Party.ANY)
    _require_editable(trajectory)
    current = trajectory.contract.item(key)
    if current is None:
        raise CaptureError(Refusal.NOT_FOUND, f"nobody proposed {key.value} yet")
    if by in current.confirmed_by:
        return trajectory
    item = replace(current, confirmed_by=current.confirmed_by | {by})
    return replace(trajectory, contract=_with_item(trajectory.contract, item))


def pledge_all(trajectory: Trajectory, *, by: Party) -> Trajectory:
    """Agreeing to all before the other did: kept as this partner's half of accepting the
    contract, so the other's "agree to all" settles it (a later change voids it again)."""
    require_party(by, Party.ANY)
    require_step(trajectory, (Step.CONTRACT,))
    if by in trajectory.confirmed_by(Event.ACCEPT_CONTRACT):
        return trajectory
    pledge = Confirmation(Event.ACCEPT_CONTRACT, by)
    return replace(trajectory, confirmations=(*trajectory.confirmations, pledge))


def contract_agreed(contract: Contract) -> bool:
    """Whether every agreement is on the table and confirmed by both partners."""
    agreed = {item.key for item in contract.items if item.agreed}
    return agreed == set(ContractItemKey)


def agreed_conversations(contract: Contract) -> int | None:
    """The number of conversations in the contract, once someone proposed one."""
    item = contract.item(ContractItemKey.CONVERSATIONS)
    return None if item is None else _parse_conversations(item.value)


def conversations_since_contract(trajectory: Trajectory) -> int:
    """How many conversations took place since the contract was accepted."""
    accepted = trajectory.contract.accepted_at_conversation
    return 0 if accepted is None else trajectory.conversation_count - accepted


def revisit_due(trajectory: Trajectory) -> bool:
    """Whether half of the agreed conversations took place and the revisit has not happened."""
    contract = trajectory.contract
    total = agreed_conversations(contract)
    if trajectory.step not in REVISIT_STEPS or total is None:
        return False
    if contract.accepted_at_conversation is None or contract.revisited_at_conversation is not None:
        return False
    half = (total + 1) // 2
    return conversations_since_contract(trajectory) >= half


def confirm_revisit(trajectory: Trajectory, *, by: Party) -> Trajectory:
    """One partner says the (possibly adjusted) agreements still work; both close the revisit."""
    require_party(by, Party.ANY)
    if not revisit_due(trajectory):
        raise CaptureError(Refusal.WRONG_STEP, "no contract revisit is due")
    if not contract_agreed(trajectory.contract):
        raise CaptureError(Refusal.GUARD_FAILED, "every item needs both confirmations first")
    contract = trajectory.contract
    confirmed = contract.revisit_confirmed_by | {by}
    if confirmed == PARTNERS:
        done = replace(
            contract,
            revisit_confirmed_by=frozenset(),
            revisited_at_conversation=trajectory.conversation_count,
        )
        return replace(trajectory, contract=done)
    return replace(trajectory, contract=replace(contract, revisit_confirmed_by=confirmed))


def closing_due(trajectory: Trajectory) -> bool:
    """Whether all agreed conversations took place, so it is time to suggest closing."""
    total = agreed_conversations(trajectory.contract)
    if trajectory.step is not Step.PATH or total is None:
        return False
    return conversations_since_contract(trajectory) >= total


def _require_editable(trajectory: Trajectory) -> None:
    if trajectory.step is Step.CONTRACT or revisit_due(trajectory):
        return
    require_step(trajectory, (Step.CONTRACT,))


def _parse_conversations(value: str) -> int:
    match = _NUMBER.search(value)
    if match is None:
        raise CaptureError(Refusal.INVALID, "the number of conversations needs a number")
    number = int(match.group())
    if not 1 <= number <= MAX_CONVERSATIONS:
        raise CaptureError(Refusal.INVALID, f"choose 1 to {MAX_CONVERSATIONS} conversations")
    return number


def same_wording(left: str, right: str) -> bool:
    """The same wording, case and spaces aside."""
    return " ".join(left.casefold().split()) == " ".join(right.casefold().split())


def same_choice(left: Wording, right: Wording) -> bool:
    """The same agreement: the same suggestion (whatever language it was read in), or else the
    same wording, case and spaces aside."""
    if left.option is not None and right.option is not None:
        return left.option == right.option
    return same_wording(left.value, right.value)


def as_wording(value: str | Wording) -> Wording:
    """Own words as a wording; a wording as it is."""
    return value if isinstance(value, Wording) else Wording(value)


def _with_item(contract: Contract, item: ContractItem) -> Contract:
    others = tuple(existing for existing in contract.items if existing.key is not item.key)
    ordered = sorted((*others, item), key=lambda i: list(ContractItemKey).index(i.key))
    return replace(contract, items=tuple(ordered))


def _after_edit(trajectory: Trajectory, contract: Contract, by: Party) -> Trajectory:
    # A changed agreement voids half-given consent: whoever else already confirmed the contract
    # (or the revisit) must see the new wording and confirm again. The one who changed it
    # stands behind the whole, their change included.
    pending = tuple(
        c for c in trajectory.confirmations if c.event is not Event.ACCEPT_CONTRACT or c.party is by
    )
    return replace(
        trajectory,
        contract=replace(contract, revisit_confirmed_by=frozenset()),
        confirmations=pending,
    )
