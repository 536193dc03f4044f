"""Where a trajectory stands and who acts in it: the words every other module builds on."""

from __future__ import annotations

import enum


class Step(enum.StrEnum):
    """Where a trajectory stands; the states of the trajectory machine."""

    CONTACT = "contact"
    CONTRACT = "contract"
    GOAL = "goal"
    ROUTE = "route"
    PATH = "path"
    CLOSING = "closing"
    CLOSED = "closed"
    DISSOLVED = "dissolved"


TERMINAL_STEPS = frozenset({Step.CLOSED, Step.DISSOLVED})
ACTIVE_STEPS = tuple(step for step in Step if step not in TERMINAL_STEPS)


class Party(enum.StrEnum):
    """Who acts (coach, coachee, system) or who may fire an event (also both, any)."""

    COACH = "coach"
    COACHEE = "coachee"
    BOTH = "both"
    ANY = "any"
    SYSTEM = "system"


PARTNERS = frozenset({Party.COACH, Party.COACHEE})
