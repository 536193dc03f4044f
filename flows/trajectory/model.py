"""The vocabulary and the frozen snapshot of one peer-coaching trajectory."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime

from flows.trajectory.codec import from_dict, to_dict
from flows.trajectory.prompts import NoteTopic

# Step and Party live in steps.py (prompts.py needs them before the model); named here too.
from flows.trajectory.steps import ACTIVE_STEPS as ACTIVE_STEPS
from flows.trajectory.steps import PARTNERS as PARTNERS
from flows.trajectory.steps import TERMINAL_STEPS as TERMINAL_STEPS
from flows.trajectory.steps import Party as Party
from flows.trajectory.steps import Step as Step


class Event(enum.StrEnum):
    """Everything that can move a trajectory from one step to another."""

    FINISH_CONTACT = "finish_contact"
    ACCEPT_CONTRACT = "accept_contract"
    CONFIRM_GOAL = "confirm_goal"
    CONFIRM_ROUTE = "confirm_route"
    REVISE_GOAL = "revise_goal"
    REPLAN = "replan"
    START_CLOSING = "start_closing"
    RESUME_PATH = "resume_path"
    CLOSE = "close"
    FINISH_ROUND = "finish_round"  # the coordinator closed the round: a finished trajectory
    LEAVE = "leave"
    DISSOLVE = "dissolve"


class DissolvedReason(enum.StrEnum):
    """Why a trajectory ended early; never says which partner caused it."""

    NO_CLICK = "no_click"
    PARTNER_LEFT = "partner_left"
    UNREACHABLE = "unreachable"
    COORDINATOR_ENDED = "coordinator_ended"
    ROUND_ENDED = "round_ended"  # the coordinator ended the round for every pair (dashboard)


class Refusal(enum.StrEnum):
    """Why an event or a capture was not accepted; the bot turns each into a kind message."""

    UNKNOWN_EVENT = "unknown_event"
    TERMINAL = "terminal"
    WRONG_STEP = "wrong_step"
    NOT_YOUR_ROLE = "not_your_role"
    GUARD_FAILED = "guard_failed"
    INVALID = "invalid"
    NOT_FOUND = "not_found"
    ALREADY_DONE = "already_done"


class CaptureError(ValueError):
    """A capture that cannot be stored; `refusal` says why, `detail` says what."""

    def __init__(self, refusal: Refusal, detail: str) -> None:
        super().__init__(f"{refusal.value}: {detail}")
        self.refusal = refusal
        self.detail = detail


class StepStatus(enum.StrEnum):
    """What became of a small step."""

    OPEN = "open"
    DONE = "done"
    DROPPED = "dropped"
    CHANGED = "changed"


ACTIVE_STEP_STATUSES = frozenset({StepStatus.OPEN, StepStatus.CHANGED})


class CoachRole(enum.StrEnum):
    """The six roles a coach can take in a conversation."""

    SUPPORTER = "supporter"
    CHALLENGER = "challenger"
    SOUNDING_BOARD = "sounding_board"
    EXPERT = "expert"
    ROUTE_GUIDE = "route_guide"
    SAFETY_NET = "safety_net"


class TensionField(enum.StrEnum):
    """The seven tension fields a coach places themself on after a conversation."""

    GOAL_PROCESS = "goal_process"
    SERVICE_ENCOUNTER = "service_encounter"
    GUIDING_LEADING = "guiding_leading"
    LEARNING_PERFORMING = "learning_performing"
    AUTONOMOUS_PRESCRIBED = "autonomous_prescribed"
    NARROW_BROAD = "narrow_broad"
    INDIVIDUAL_ORGANISATION = "individual_organisation"


TENSION_SCALE = range(1, 6)  # a five-position slider: 1 = left pole, 3 = in between, 5 = right pole


class ReflectionQuestion(enum.StrEnum):
    """The five reflection questions for a coach or an observer."""

    RECOGNISED = "recognised"
    SURPRISED = "surprised"
    IRRITATED = "irritated"
    SEE_DIFFERENTLY = "see_differently"
    TAKE_AWAY = "take_away"


class ContractItemKey(enum.StrEnum):
    """The agreements of a coaching contract, in the order they are discussed."""

    PERIOD = "period"
    CONVERSATIONS = "conversations"
    RHYTHM = "rhythm"
    CHANNEL = "channel"
    CONFIDENTIALITY = "confidentiality"
    COACH_SCOPE = "coach_scope"
    FEEDBACK = "feedback"
    NO_SHOW = "no_show"


@dataclass(frozen=True, slots=True)
class Entry:
    """One captured text with who wrote it and when."""

    text: str
    by: Party
    at: datetime


@dataclass(frozen=True, slots=True)
class Note:
    """A captured answer to one of the script's prompts."""

    topic: NoteTopic
    text: str
    by: Party
    at: datetime


@dataclass(frozen=True, slots=True)
class Scale:
    """Where the coachee placed themself on 0 to 10, and when."""

    value: int
    at: datetime


@dataclass(frozen=True, slots=True)
class StepChange:
    """A status change of a small step, with the wording and due date it had after the change."""

    status: StepStatus
    text: str
    due: date
    at: datetime


@dataclass(frozen=True, slots=True)
class SmallStep:
    """A small step within the coachee's reach, with its date and its full history."""

    number: int
    text: str
    due: date
    status: StepStatus
    added_at: datetime
    changes: tuple[StepChange, ...] = ()
    nudged: bool = False

    @property
    def active(self) -> bool:
        """Whether the step still has to be taken."""
        return self.status in ACTIVE_STEP_STATUSES


@dataclass(frozen=True, slots=True)
class Meeting:
    """The answer to "did you meet?" after a planned conversation."""

    at: datetime
    held: bool


@dataclass(frozen=True, slots=True)
class RoleRequest:
    """The role the coachee asked the coach to take in one conversation."""

    conversation: int
    role: CoachRole
    at: datetime


@dataclass(frozen=True, slots=True)
class Reflection:
    """The coach's reflection after one conversation: role, tension sliders, five questions."""

    conversation: int
    role: CoachRole
    tensions: Mapping[TensionField, int]
    answers: Mapping[ReflectionQuestion, str]
    at: datetime


@dataclass(frozen=True, slots=True)
class Observation:
    """An observer's feedback on one conversation of a triad, along the five questions."""

    conversation: int
    answers: Mapping[ReflectionQuestion, str]
    at: datetime


@dataclass(frozen=True, slots=True)
class Confirmation:
    """One partner's half of a two-party confirmation that is still waiting for the other."""

    event: Event
    party: Party


@dataclass(frozen=True, slots=True)
class Move:
    """A transition that happened: which event, from where to where, fired by whom."""

    event: Event
    source: Step
    dest: Step
    by: Party
    at: datetime


@dataclass(frozen=True, slots=True)
class Wording:
    """What someone puts on the table for an agreement: their own words, or one of the script's
    suggestions (`option`, its number), which every reader sees in their own language; `value`
    is then the suggestion as the proposer read it. `default`: the cohort's default, agreed to
    with "agree to all" rather than proposed by someone."""

    value: str
    option: int | None = None
    default: bool = False


@dataclass(frozen=True, slots=True)
class ItemVersion:
    """One proposed wording of a contract item (see Wording for `option` and `default`)."""

    value: str
    by: Party
    at: datetime
    option: int | None = None
    default: bool = False

    @property
    def wording(self) -> Wording:
        """What this version put on the table, without who and when."""
        return Wording(self.value, self.option, self.default)


@dataclass(frozen=True, slots=True)
class ContractItem:
    """A contract agreement: every version proposed and who confirmed the latest one."""

    key: ContractItemKey
    versions: tuple[ItemVersion, ...]
    confirmed_by: frozenset[Party]

    @property
    def value(self) -> str:
        """The wording currently on the table (as its proposer read it)."""
        return self.versions[-1].value

    @property
    def current(self) -> ItemVersion:
        """The version currently on the table."""
        return self.versions[-1]

    @property
    def agreed(self) -> bool:
        """Whether both partners confirmed the current wording."""
        return self.confirmed_by == PARTNERS


@dataclass(frozen=True, slots=True)
class Contract:
    """The working agreements: items, acceptance, the half-way revisit and the closing."""

    items: tuple[ContractItem, ...] = ()
    accepted_at_conversation: int | None = None
    revisit_confirmed_by: frozenset[Party] = frozenset()
    revisited_at_conversation: int | None = None
    closed_at: datetime | None = None

    def item(self, key: ContractItemKey) -> ContractItem | None:
        """The item with this key, if anyone proposed it yet."""
        return next((item for item in self.items if item.key is key), None)


@dataclass(frozen=True, slots=True)
class Trajectory:
    """An immutable snapshot of one coach-and-coachee trajectory; every change makes a new one."""

    step: Step = Step.CONTACT
    confirmations: tuple[Confirmation, ...] = ()
    click_confirmed: bool = False
    next_meeting: datetime | None = None
    meetings: tuple[Meeting, ...] = ()
    contract: Contract = field(default_factory=Contract)
    goals: tuple[Entry, ...] = ()
    scales: tuple[Scale, ...] = ()
    stages: tuple[Entry, ...] = ()
    small_steps: tuple[SmallStep, ...] = ()
    notes: tuple[Note, ...] = ()
    role_requests: tuple[RoleRequest, ...] = ()
    reflections: tuple[Reflection, ...] = ()
    observations: tuple[Observation, ...] = ()
    moves: tuple[Move, ...] = ()
    dissolved_reason: DissolvedReason | None = None

    @property
    def terminal(self) -> bool:
        """Whether the trajectory has ended (closed or dissolved)."""
        return self.step in TERMINAL_STEPS

    @property
    def conversation_count(self) -> int:
        """How many conversations actually took place."""
        return sum(1 for meeting in self.meetings if meeting.held)

    @property
    def goal(self) -> str | None:
        """The goal in the coachee's latest words, if stated yet."""
        return self.goals[-1].text if self.goals else None

    def confirmed_by(self, event: Event) -> frozenset[Party]:
        """Which partners already confirmed this two-party event."""
        return frozenset(c.party for c in self.confirmations if c.event is event)

    def notes_about(self, topic: NoteTopic) -> tuple[Note, ...]:
        """Every captured answer on one topic, oldest first."""
        return tuple(note for note in self.notes if note.topic is topic)

    def small_step(self, number: int) -> SmallStep | None:
        """The small step with this number, if it exists."""
        return next((step for step in self.small_steps if step.number == number), None)

    def to_dict(self) -> dict[str, object]:
        """A plain JSON-able dict for storage."""
        return to_dict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> Trajectory:
        """Rebuild a snapshot from `to_dict` output; raises ValueError on a malformed dict."""
        return from_dict(cls, data)
