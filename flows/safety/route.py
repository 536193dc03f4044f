"""The worry route's rules: whom a student may bring in, and who a relayed line reaches."""

from __future__ import annotations

import enum
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Confidant:
    """A cohort's trusted adult as the route sees them."""

    user_id: int
    first_name: str
    cohort_id: int
    reachable: bool  # False: blocked the bot


class Offer(enum.StrEnum):
    """What the route can offer after the help lines."""

    NONE = "none"  # the cohort has no confidant (or none reachable): the help lines stay
    ONE = "one"
    CHOOSE = "choose"  # two or more: the student picks


def offer_for(confidants: list[Confidant], student_id: int) -> tuple[Offer, list[Confidant]]:
    """Which confidants to offer: reachable ones, never the student themself."""
    usable = [c for c in confidants if c.reachable and c.user_id != student_id]
    if not usable:
        return Offer.NONE, []
    return (Offer.ONE if len(usable) == 1 else Offer.CHOOSE), usable


def relay_partner(student_id: int, confidant_id: int, writer_id: int) -> int | None:
    """Who a message in a worry talk goes to; None for anyone outside that talk."""
    if writer_id == student_id:
        return confidant_id
    if writer_id == confidant_id:
        return student_id
    return None
