"""What a trajectory command asks the transport layer to do: small effect records with text keys."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, TypeAlias

from flows.trajectory.matching import ClickCheck
from flows.trajectory.model import CoachRole, ContractItemKey, SmallStep, Trajectory
from flows.trajectory.silence import Silence
from flows.trajectory.steps import Party

Params: TypeAlias = Mapping[str, str | int]


class Chain(enum.StrEnum):
    """A run of captures that ends in a confirmation: the goal, the route, the close."""

    NONE = ""
    GOAL = "goal"
    ROUTE = "route"  # stages first
    ROUTE_STEPS = "route2"  # then the small steps
    CLOSING = "closing"


class Confirmation(enum.StrEnum):
    """The card that closes a chain once everything is captured."""

    GOAL = "goal"
    ROUTE = "route"
    CLOSE = "close"
    REPLAN = "replan"  # the route as it stands, opened to change (re-planning from the path)


@dataclass(frozen=True, slots=True)
class Store:
    """Keep this new snapshot of the trajectory (of the one with id `ref`, for pair commands)."""

    trajectory: Trajectory
    ref: int | None = None


@dataclass(frozen=True, slots=True)
class Say:
    """Tell the person who acted, by text key; `name_of` puts that partner's name in {name}."""

    key: str
    params: Params = field(default_factory=dict)
    name_of: Party | None = None


@dataclass(frozen=True, slots=True)
class Share:
    """Tell a partner in this trajectory, in their language; `name` is the actor's partner's."""

    to: Party
    key: str
    params: Params = field(default_factory=dict)
    name_of: Party = Party.COACHEE  # whose first name goes into {name}
    label: str | None = None  # a capture's key for {label}, named in the partner's script
    role: CoachRole | None = None  # a coach role for {role}, named in the partner's script
    day: date | None = None  # a small step's day, added to {text} in the partner's language


@dataclass(frozen=True, slots=True)
class StopWaiting:
    """The answer is in: the actor's next text is not for this capture any more."""


@dataclass(frozen=True, slots=True)
class AwaitText:
    """Route the actor's next free text to this kind of answer, carrying this data."""

    kind: str
    data: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ShowDates:
    """Offer the day buttons for a small step (`action` is the button they answer)."""

    action: str


@dataclass(frozen=True, slots=True)
class Ask:
    """Ask the coachee for the next capture of a chain."""

    key: str
    chain: Chain
    skipped: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class OfferMoreStages:
    """After a stage: another one, or on to the small steps."""


@dataclass(frozen=True, slots=True)
class Confirm:
    """Everything of a chain is captured: show its confirmation card."""

    what: Confirmation


@dataclass(frozen=True, slots=True)
class TellEveryone:
    """Tell every member of the match, each in their language."""

    key: str


@dataclass(frozen=True, slots=True)
class ContractAccepted:
    """Everyone accepted the contract: celebrate, show where they are, plan the next talk."""


@dataclass(frozen=True, slots=True)
class ItemAgreed:
    """Everyone agreed on one wording of an agreement: tell every member (a suggestion,
    `option`, in their own language)."""

    key: ContractItemKey
    value: str
    option: int | None = None


@dataclass(frozen=True, slots=True)
class ShowItemCards:
    """The open agreement's card, to everyone or to everyone but the actor; `whole`: while the
    contract is being made, the card with every agreement on it (agree to all, change one)."""

    everyone: bool
    whole: bool = False


@dataclass(frozen=True, slots=True)
class ShowContract:
    """The whole contract to every member, with its accept or its revisit buttons."""

    buttons: str  # "accept" or "revisit"


@dataclass(frozen=True, slots=True)
class AnnounceStep:
    """The trajectory is in a new step: tell everyone in it and hand out the new cards."""


@dataclass(frozen=True, slots=True)
class ShowChart:
    """A new score: show the coachee their scale over time as a chart."""


@dataclass(frozen=True, slots=True)
class NudgeLater:
    """(Re)schedule the one gentle nudge of a small step after its date."""

    step: SmallStep


@dataclass(frozen=True, slots=True)
class Tell:
    """Tell one member of the match, in their language.

    `names` puts members' first names in params (param -> member id); `click` puts that line of
    the click script, in their language, in {text}; `moments` are written as a day and a time
    in the school's zone, the way the member's language says them."""

    to: int
    key: str
    params: Params = field(default_factory=dict)
    names: Mapping[str, int] = field(default_factory=dict)
    click: str | None = None
    moments: Mapping[str, datetime] = field(default_factory=dict)  # as day and time, for them
    name_lists: Mapping[str, tuple[int, ...]] = field(default_factory=dict)  # joined by " & "


@dataclass(frozen=True, slots=True)
class SayClick:
    """Tell the actor one line of the click script (by its field), in their language."""

    line: str


@dataclass(frozen=True, slots=True)
class KeepClick:
    """Store the click check as it now stands (None: no check runs); `done` once it clicked."""

    check: ClickCheck | None
    done: bool = False


@dataclass(frozen=True, slots=True)
class AskClick:
    """Ask every member privately, with yes and no buttons, whether it clicks."""


@dataclass(frozen=True, slots=True)
class StartContract:
    """It clicked: open the contract for everyone."""


@dataclass(frozen=True, slots=True)
class WindDown:
    """The match ends: stop its conversation, plan, timers and awaited answers, then end it."""

    status: str  # "dissolved" or "closed"
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class AskRepair:
    """Tell the coordinators, confidentially, who waits for a new partner and why."""

    waiting: tuple[int, ...]
    reason: str


@dataclass(frozen=True, slots=True)
class ScheduleTimer:
    """(Re)schedule a durable timer; a named one replaces the pending timer of that name."""

    kind: str
    at: datetime
    payload: Mapping[str, Any]
    conversation: str
    name: str | None = None


@dataclass(frozen=True, slots=True)
class CancelTimer:
    """Drop the pending timer of this name, if there is one."""

    name: str


@dataclass(frozen=True, slots=True)
class KeepMeeting:
    """The match's next conversation is now planned at this moment (None: none planned)."""

    at: datetime | None


@dataclass(frozen=True, slots=True)
class KeepSilence:
    """Store how many prompts in a row this member let pass."""

    user_id: int
    silence: Silence


@dataclass(frozen=True, slots=True)
class ShowPlanned:
    """The planner sees the planned time; everyone else hears who planned it; all get the
    calendar button."""

    planner: int
    at: datetime


@dataclass(frozen=True, slots=True)
class AskMet:
    """Ask a member whether the planned conversation took place (`at` as the timer carried it)."""

    to: int
    when: datetime
    at: str


@dataclass(frozen=True, slots=True)
class NudgeCard:
    """The one gentle question to the coachee about a small step past its date, with buttons."""

    ref: int
    step: SmallStep


@dataclass(frozen=True, slots=True)
class KeepTalk:
    """The conversation under way is now this trajectory's, in this mode (None: none is)."""

    ref: int | None
    mode: str | None = None


@dataclass(frozen=True, slots=True)
class Begin:
    """A conversation opens: it is counted, nothing awaited stays, everyone hears how, and each
    gets the card of their role."""

    ref: int
    mode: str
    swap: int | None = None  # the other direction one tap can swap to (a two-way pair)
    counted: bool = True  # False when a swap restarts the same conversation the other way
    remembered: bool = False  # started without asking: where they talk can change in a tap


@dataclass(frozen=True, slots=True)
class ShowNow:
    """Show the actor what holds now: their card in the conversation, or how to go on."""


@dataclass(frozen=True, slots=True)
class Toast:
    """Answer the pressed button with a short notice."""

    key: str


@dataclass(frozen=True, slots=True)
class AskMode:
    """Ask the actor how this trajectory's conversation takes place: chat or face to face."""

    ref: int


@dataclass(frozen=True, slots=True)
class AskWho:
    """Ask the actor whose conversation it is, one button per trajectory."""

    refs: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class AfterCare:
    """Invite reflection on a conversation that ended (and the observer's feedback)."""

    ref: int


@dataclass(frozen=True, slots=True)
class OfferRevisit:
    """Half of the agreed conversations took place: show everyone the agreements again."""


@dataclass(frozen=True, slots=True)
class ShowHome:
    """The home card of this member: where each of their trajectories stands, how to go on."""

    to: int


@dataclass(frozen=True, slots=True)
class ShowPlanCard:
    """The day buttons to plan the next conversation, to this member."""

    to: int


Effect: TypeAlias = (
    Store
    | Say
    | Share
    | StopWaiting
    | AwaitText
    | ShowDates
    | Ask
    | OfferMoreStages
    | Confirm
    | NudgeLater
    | ShowChart
    | TellEveryone
    | ContractAccepted
    | ItemAgreed
    | ShowItemCards
    | ShowContract
    | AnnounceStep
    | Tell
    | SayClick
    | KeepClick
    | AskClick
    | StartContract
    | WindDown
    | AskRepair
    | ScheduleTimer
    | CancelTimer
    | KeepMeeting
    | KeepSilence
    | ShowPlanned
    | AskMet
    | NudgeCard
    | KeepTalk
    | Begin
    | ShowNow
    | Toast
    | AskMode
    | AskWho
    | AfterCare
    | OfferRevisit
    | ShowPlanCard
    | ShowHome
)


@dataclass(frozen=True, slots=True)
class Outcome:
    """A command was accepted: what to do about it, in order."""

    effects: tuple[Effect, ...] = ()


@dataclass(frozen=True, slots=True)
class Refused:
    """A command was not accepted; nothing is stored. Tell the actor why (a text key)."""

    reason_key: str
    params: Params = field(default_factory=dict)
    stop_waiting: bool = False  # give up the capture too, rather than let them try again
    on_button: bool = False  # answer the pressed button (a toast), not with a message


Result: TypeAlias = Outcome | Refused
