"""What a breakout command asks the transport: class-group posts and per-group room effects."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime
from typing import TypeAlias

from flows.breakout.model import Breakout
from flows.room.effects import Effect as RoomEffect
from flows.room.effects import Params, Refused, TextLine


class BreakoutTimer(enum.StrEnum):
    """The one set of timers for all groups: the step's warning and end, and the consent wait."""

    WARNING = "warning"
    END = "end"
    CONSENT = "consent"


@dataclass(frozen=True, slots=True)
class UpdateCard:
    """Edit the breakout's one card in the class group (send it the first time)."""


@dataclass(frozen=True, slots=True)
class ClassPost:
    """Post one message in the class group: a heading and lines (breakout.* or room.* keys)."""

    lines: tuple[TextLine, ...]


@dataclass(frozen=True, slots=True)
class InGroup:
    """A room effect of one group, carried out in its members' private chats."""

    number: int
    effect: RoomEffect


@dataclass(frozen=True, slots=True)
class Note:
    """A private message to one person (a breakout.* key)."""

    user_id: int
    key: str
    params: Params = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class AskConsent:
    """Ask a group's case-giver whether a short summary may go to the class."""

    user_id: int
    number: int
    preview: tuple[TextLine, ...] = ()


@dataclass(frozen=True, slots=True)
class ScheduleTimer:
    """(Re)schedule the breakout's timer of this kind."""

    kind: BreakoutTimer
    at: datetime


@dataclass(frozen=True, slots=True)
class CancelTimers:
    """Drop the breakout's pending timers of these kinds."""

    kinds: tuple[BreakoutTimer, ...]


Effect: TypeAlias = (
    UpdateCard | ClassPost | InGroup | Note | AskConsent | ScheduleTimer | CancelTimers
)


@dataclass(frozen=True, slots=True)
class Outcome:
    """A command was accepted: the new breakout and what to do about it, in order."""

    breakout: Breakout
    effects: tuple[Effect, ...] = ()


Result: TypeAlias = Outcome | Refused
