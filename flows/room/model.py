"""The room snapshot: a frozen, JSON-able picture of one group-coaching session."""

from __future__ import annotations

import dataclasses
import enum
import types
from collections.abc import Callable, Mapping
from datetime import datetime
from functools import cache
from typing import Any, Union, get_args, get_origin, get_type_hints

from flows.protocols import StepKind, Who

SCHEMA_VERSION = 1


class RoomState(enum.StrEnum):
    """Where a room is in its life: gathering members, choosing roles, running, paused, closed."""

    GATHERING = "gathering"
    ROLES = "roles"
    RUNNING = "running"
    PAUSED = "paused"
    CLOSED = "closed"


class Role(enum.StrEnum):
    """What a member does in a room; everyone without another role is a peer."""

    CASE_HOLDER = "case_holder"
    FACILITATOR = "facilitator"
    TIMEKEEPER = "timekeeper"
    PEER = "peer"


class CloseReason(enum.StrEnum):
    """Why a room closed."""

    COMPLETED = "completed"
    ENDED = "ended"
    AUTO_CLOSED = "auto_closed"
    BOT_REMOVED = "bot_removed"
    EVERYONE_LEFT = "everyone_left"


class TimerKind(enum.StrEnum):
    """The durable timers a room asks for; at most one of each kind is pending."""

    WARNING = "warning"
    END = "end"
    CASE_HOLDER_SILENT = "case_holder_silent"
    AUTO_CLOSE = "auto_close"


class ChangeReason(enum.StrEnum):
    """Why the room moved to another step."""

    START = "start"
    NEXT = "next"
    TIME_UP = "time_up"
    EVERYONE_PASSED = "everyone_passed"
    BACK = "back"


class ContributionKind(enum.StrEnum):
    """What a contribution is: the step's kind, or the case-holder answering a question."""

    CASE = "case"
    QUESTION = "question"
    IDEA = "idea"
    AFFIRMATION = "affirmation"
    SCALE = "scale"
    REFLECTION = "reflection"
    PLAN = "plan"
    ANALYSIS = "analysis"
    EVALUATION = "evaluation"
    CHOICE = "choice"
    ANSWER = "answer"


@dataclasses.dataclass(frozen=True, slots=True)
class StepPlan:
    """One step as this room runs it: the protocol's step with the teacher's minutes."""

    key: str
    who: Who
    kind: StepKind
    minutes: int
    collect_privately: bool = False


@dataclasses.dataclass(frozen=True, slots=True)
class Member:
    """Someone who joined the room; join order is the order in Room.members."""

    user_id: int
    name: str
    joined_at: datetime
    left_at: datetime | None = None

    @property
    def active(self) -> bool:
        """Whether the member is still in the room."""
        return self.left_at is None


@dataclasses.dataclass(frozen=True, slots=True)
class Contribution:
    """One text someone gave during a step; hidden until a private collection is revealed."""

    step_index: int
    author_id: int
    kind: ContributionKind
    text: str
    at: datetime
    hidden: bool = False


@dataclasses.dataclass(frozen=True, slots=True)
class Pass:
    """Someone let their turn (or a private round) go by."""

    step_index: int
    user_id: int
    at: datetime


@dataclasses.dataclass(frozen=True, slots=True)
class StepChange:
    """A move between steps, with what the left step still had, so going back can restore it."""

    at: datetime
    from_index: int | None
    to_index: int
    by: int | None
    reason: ChangeReason
    left_remaining_seconds: int | None = None
    left_turn_user_id: int | None = None


@dataclasses.dataclass(frozen=True, slots=True)
class TimerDue:
    """A timer the room expects; a firing that does not match one of these is stale."""

    kind: TimerKind
    at: datetime


@dataclasses.dataclass(frozen=True, slots=True)
class Room:
    """Everything about one room at one moment; commands return a new Room, never mutate."""

    chat_id: int
    teacher_id: int
    teacher_name: str
    protocol_id: str
    language: str
    steps: tuple[StepPlan, ...]
    min_members: int
    case_holder_needed: bool
    created_at: datetime
    last_activity_at: datetime
    state: RoomState = RoomState.GATHERING
    members: tuple[Member, ...] = ()
    case_holder_id: int | None = None
    facilitator_id: int | None = None
    timekeeper_id: int | None = None
    step_index: int = 0
    turn_order: tuple[int, ...] = ()
    turn_user_id: int | None = None
    consecutive_passes: int = 0
    passes: tuple[Pass, ...] = ()
    contributions: tuple[Contribution, ...] = ()
    started_at: datetime | None = None
    step_started_at: datetime | None = None
    deadline: datetime | None = None
    paused_remaining_seconds: int | None = None
    silence_asked: bool = False
    back_requested_by: int | None = None
    back_requested_at: datetime | None = None
    timers: tuple[TimerDue, ...] = ()
    history: tuple[StepChange, ...] = ()
    chosen_step: str | None = None
    closed_at: datetime | None = None
    closed_reason: CloseReason | None = None

    @property
    def step(self) -> StepPlan:
        """The current step (the first one before the room starts)."""
        return self.steps[self.step_index]

    @property
    def is_open(self) -> bool:
        """Whether the room has not closed yet."""
        return self.state is not RoomState.CLOSED

    @property
    def in_session(self) -> bool:
        """Whether the protocol is under way (running or paused)."""
        return self.state in (RoomState.RUNNING, RoomState.PAUSED)

    @property
    def total_minutes(self) -> int:
        """The planned length of all steps together."""
        return sum(step.minutes for step in self.steps)

    def member(self, user_id: int) -> Member | None:
        """The member with this id, also when they left."""
        return next((m for m in self.members if m.user_id == user_id), None)

    def is_active_member(self, user_id: int | None) -> bool:
        """Whether this person joined and is still in the room."""
        member = self.member(user_id) if user_id is not None else None
        return member is not None and member.active

    @property
    def active_ids(self) -> tuple[int, ...]:
        """Present members in join order."""
        return tuple(m.user_id for m in self.members if m.active)

    def name_of(self, user_id: int | None) -> str:
        """The name to show for someone: their member name, or the teacher's."""
        member = self.member(user_id) if user_id is not None else None
        if member is not None:
            return member.name
        return self.teacher_name if user_id == self.teacher_id else "?"

    def timer_at(self, kind: TimerKind) -> datetime | None:
        """When the pending timer of this kind is due, if there is one."""
        return next((t.at for t in self.timers if t.kind is kind), None)

    def contributions_in(self, step_index: int) -> tuple[Contribution, ...]:
        """The contributions given during one step, in order."""
        return tuple(c for c in self.contributions if c.step_index == step_index)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-able dict (datetimes as ISO text, enums as values) for storage."""
        encoded = encode_snapshot(self)
        assert isinstance(encoded, dict)
        return {"schema": SCHEMA_VERSION, **encoded}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Room:
        """The room stored by to_dict; ValueError when the data does not fit."""
        fields = dict(data)
        schema = fields.pop("schema", None)
        if schema != SCHEMA_VERSION:
            raise ValueError(f"room snapshot schema {schema!r} is not {SCHEMA_VERSION}")
        room = decode_snapshot(cls, fields)
        assert isinstance(room, Room)
        return room


def encode_snapshot(value: object) -> object:
    """A JSON-able form of a snapshot value (dataclasses as dicts, enums and datetimes as text)."""
    if value is None or type(value) in (int, str, bool):
        return value
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, tuple):
        return [encode_snapshot(item) for item in value]
    cls: Any = type(value)
    return {name: encode_snapshot(getattr(value, name)) for name in _field_names(cls)}


@cache
def _field_names(cls: Any) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


def decode_snapshot(hint: Any, raw: object) -> object:
    """Rebuild a value of the annotated type from its JSON form, strictly."""
    return _decoder(hint)(raw)


Decoder = Callable[[object], object]


@cache
def _decoder(hint: Any) -> Decoder:
    """A decoder per type, worked out once: snapshots are decoded on every update."""
    origin = get_origin(hint)
    if origin in (Union, types.UnionType):
        options = [arg for arg in get_args(hint) if arg is not type(None)]
        return _optional(_decoder(options[0]), len(options) < len(get_args(hint)))
    if origin is tuple:
        return _tuple_of(_decoder(get_args(hint)[0]))
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        return _dataclass_decoder(hint)
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return hint
    if hint is datetime:
        return _timestamp
    if hint in (int, str, bool):
        return _exactly(hint)
    raise TypeError(f"no decoder for {hint}")


def _optional(inner: Decoder, nullable: bool) -> Decoder:
    def decode(raw: object) -> object:
        return None if raw is None and nullable else inner(raw)

    return decode


def _tuple_of(item: Decoder) -> Decoder:
    def decode(raw: object) -> object:
        if not isinstance(raw, list | tuple):
            raise ValueError(f"expected a list, got {raw!r}")
        return tuple(item(value) for value in raw)

    return decode


def _exactly(kind: type) -> Decoder:
    def decode(raw: object) -> object:
        if type(raw) is not kind:
            raise ValueError(f"expected {kind.__name__}, got {raw!r}")
        return raw

    return decode


def _timestamp(raw: object) -> object:
    if not isinstance(raw, str):
        raise ValueError(f"expected an ISO timestamp, got {raw!r}")
    moment = datetime.fromisoformat(raw)
    if moment.tzinfo is None:
        raise ValueError(f"timestamp {raw!r} has no timezone")
    return moment


def _dataclass_decoder(cls: type) -> Decoder:
    fields = {name: _decoder(hint) for name, hint in get_type_hints(cls).items()}

    def decode(raw: object) -> object:
        if not isinstance(raw, Mapping):
            raise ValueError(f"expected an object for {cls.__name__}, got {raw!r}")
        unknown = set(raw) - set(fields)
        if unknown:
            raise ValueError(f"{cls.__name__} has no field {sorted(unknown)[0]!r}")
        # Missing fields fall back to their defaults, so older snapshots still load.
        return cls(**{name: fields[name](value) for name, value in raw.items()})

    return decode
