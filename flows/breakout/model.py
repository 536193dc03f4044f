"""The breakout snapshot: one class group split into small groups, each running a room."""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from flows.room.model import Member, Room, decode_snapshot, encode_snapshot

SCHEMA_VERSION = 1
MIN_SIZE = 2
MAX_SIZE = 5


class BreakoutState(enum.StrEnum):
    """Gathering the class, groups running, asking the case-givers, or closed."""

    GATHERING = "gathering"
    RUNNING = "running"
    CONSENT = "consent"
    CLOSED = "closed"


class Consent(enum.StrEnum):
    """What a group's case-giver said about sharing a short summary with the class."""

    ASKED = "asked"
    YES = "yes"
    NO = "no"


@dataclasses.dataclass(frozen=True, slots=True)
class Group:
    """One small group: its number in the class and the room it runs in its members' chats."""

    number: int
    room: Room
    consent: Consent | None = None
    # The case-giver's chosen step, held only until they answer the consent question.
    share: str | None = None
    questions: int = 0
    ideas: int = 0

    @property
    def member_ids(self) -> tuple[int, ...]:
        """Everyone in the group, also those who left, in group order."""
        return tuple(m.user_id for m in self.room.members)


@dataclasses.dataclass(frozen=True, slots=True)
class Breakout:
    """Everything about one breakout session; commands return a new Breakout, never mutate."""

    chat_id: int
    teacher_id: int
    teacher_name: str
    protocol_id: str
    language: str
    group_size: int
    seed: int
    created_at: datetime
    state: BreakoutState = BreakoutState.GATHERING
    joined: tuple[Member, ...] = ()
    groups: tuple[Group, ...] = ()
    started_at: datetime | None = None
    consent_until: datetime | None = None
    closed_at: datetime | None = None

    @property
    def is_open(self) -> bool:
        """Whether the breakout has not closed yet."""
        return self.state is not BreakoutState.CLOSED

    def has_joined(self, user_id: int) -> bool:
        """Whether this person said they take part."""
        return any(m.user_id == user_id for m in self.joined)

    def group_of(self, user_id: int) -> Group | None:
        """The group this person is in, if any."""
        return next((g for g in self.groups if user_id in g.member_ids), None)

    def with_group(self, group: Group) -> Breakout:
        """The breakout with one group replaced (matched by number)."""
        groups = tuple(group if g.number == group.number else g for g in self.groups)
        return dataclasses.replace(self, groups=groups)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-able dict for storage, the group rooms encoded as rooms are."""
        encoded = encode_snapshot(self)
        assert isinstance(encoded, dict)
        return {"schema": SCHEMA_VERSION, **encoded}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Breakout:
        """The breakout stored by to_dict; ValueError when the data does not fit."""
        fields = dict(data)
        schema = fields.pop("schema", None)
        if schema != SCHEMA_VERSION:
            raise ValueError(f"breakout snapshot schema {schema!r} is not {SCHEMA_VERSION}")
        breakout = decode_snapshot(cls, fields)
        assert isinstance(breakout, Breakout)
        return breakout
