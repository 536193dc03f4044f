"""Pairing peer coaches: propose a round, re-pair a few people, swap two people by hand."""

from flows.pairing.model import (
    Candidate,
    ClassPreference,
    Match,
    PairingError,
    PairingHistory,
    PairingRules,
    PastMatch,
    Proposal,
    Reason,
    ReasonKind,
    RoundMode,
    Unmatched,
    UnmatchedReason,
    Wants,
)
from flows.pairing.rounds import propose_round, repair, swap

__all__ = [
    "Candidate",
    "ClassPreference",
    "Match",
    "PairingError",
    "PairingHistory",
    "PairingRules",
    "PastMatch",
    "Proposal",
    "Reason",
    "ReasonKind",
    "RoundMode",
    "Unmatched",
    "UnmatchedReason",
    "Wants",
    "propose_round",
    "repair",
    "swap",
]
