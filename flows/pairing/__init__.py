"""Pairing peer coaches: propose a round, re-pair a few people, swap two people by hand."""

from flows.pairing.history import MEMBER_ERASED, keeps_apart
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
    "MEMBER_ERASED",
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
    "keeps_apart",
    "propose_round",
    "repair",
    "swap",
]
