"""The confidentiality pledge: in every cohort, nothing is relayed between partners
until every member of the match (a triad's observer too) has promised."""

from __future__ import annotations

import enum
from collections.abc import Collection, Sequence


class Gate(enum.StrEnum):
    """What happens to a message a member writes to the others."""

    OPEN = "open"  # passed on
    ASK_WRITER = "ask_writer"  # the writer has not promised yet: show them the pledge
    DECLINED = "declined"  # the writer said no: remind them kindly how to change their mind
    WAIT = "wait"  # the writer promised; someone else has not yet


def gate(
    *,
    required: bool,
    writer: int,
    members: Sequence[int],
    agreed: Collection[int],
    declined: Collection[int],
) -> tuple[Gate, list[int]]:
    """Whether a message goes through, and who still has to promise (in the match's order)."""
    missing = [m for m in members if m not in agreed]
    if not required or not missing:
        return Gate.OPEN, []
    if writer in declined:
        return Gate.DECLINED, missing
    if writer not in agreed:
        return Gate.ASK_WRITER, missing
    return Gate.WAIT, missing
