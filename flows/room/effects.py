"""What a room command asks the transport layer to do: small effect records with text keys."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import TypeAlias

from flows.room import rules
from flows.room.model import CloseReason, ContributionKind, Room, TimerKind

Params: TypeAlias = Mapping[str, str | int]


class RoomAction(enum.StrEnum):
    """A button the transport can offer; its label is the text 'room.action.<value>'."""

    JOIN = "join"
    LEAVE = "leave"
    OPEN_ROLES = "open_roles"
    VOLUNTEER_CASE_HOLDER = "volunteer_case_holder"
    VOLUNTEER_FACILITATOR = "volunteer_facilitator"
    VOLUNTEER_TIMEKEEPER = "volunteer_timekeeper"
    START = "start"
    PASS = "pass"
    REVEAL = "reveal"
    NEXT = "next"
    BACK = "back"
    CONFIRM_BACK = "confirm_back"
    CANCEL_BACK = "cancel_back"
    PAUSE = "pause"
    RESUME = "resume"
    EXTEND = "extend"
    END = "end"
    CHOOSE_STEP = "choose_step"


@dataclass(frozen=True, slots=True)
class TextLine:
    """One line of text to render: a room text key (bot/texts/*/room.ftl) and its parameters."""

    key: str
    params: Params = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Announce:
    """Post a short message in the group."""

    key: str
    params: Params = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class UpdateStatus:
    """Edit the room's single status message (see status_view) instead of posting a new one."""


@dataclass(frozen=True, slots=True)
class PrivatePrompt:
    """Message one person privately, optionally with buttons (actions) or numbered choices.

    A private message is said in its reader's language, which may not be the room's: when the
    params name a step ("title"), step_index says which, so the title can be said in theirs.
    """

    user_id: int
    key: str
    params: Params = field(default_factory=dict)
    actions: tuple[RoomAction, ...] = ()
    choices: tuple[str, ...] = ()
    step_index: int | None = None

    def params_in(self, room: Room, language: str) -> Params:
        """The params for a reader of this language: the step's title said in it."""
        if self.step_index is None or "title" not in self.params:
            return self.params
        return {**self.params, "title": rules.step_title(room, self.step_index, language)}


@dataclass(frozen=True, slots=True)
class RevealedContribution:
    """One privately collected contribution, now shown to the group."""

    author_id: int
    author_name: str
    text: str


@dataclass(frozen=True, slots=True)
class Relay:
    """Show in the group a contribution someone sent privately for a step done in the open."""

    author_id: int
    author_name: str
    text: str


@dataclass(frozen=True, slots=True)
class Reveal:
    """Show the privately collected contributions of a step together in the group."""

    step_index: int
    step_title: str
    contributions: tuple[RevealedContribution, ...]

    def lines(self) -> tuple[TextLine, ...]:
        """The heading and one line per contribution."""
        heading = TextLine(
            "room.reveal.heading", {"title": self.step_title, "count": len(self.contributions)}
        )
        items = tuple(
            TextLine("room.reveal.item", {"name": c.author_name, "text": c.text})
            for c in self.contributions
        )
        return (heading, *items)


@dataclass(frozen=True, slots=True)
class ScheduleTimer:
    """(Re)schedule the room's one durable timer of this kind; it replaces a pending one."""

    kind: TimerKind
    at: datetime


@dataclass(frozen=True, slots=True)
class CancelTimers:
    """Drop the room's pending timers of these kinds."""

    kinds: tuple[TimerKind, ...] = tuple(TimerKind)


@dataclass(frozen=True, slots=True)
class SummaryItem:
    """One contribution in the case-holder's summary."""

    author_name: str
    text: str


@dataclass(frozen=True, slots=True)
class SummarySection:
    """All contributions of one kind, e.g. the questions."""

    kind: ContributionKind
    items: tuple[SummaryItem, ...]


@dataclass(frozen=True, slots=True)
class CaseSummary:
    """What the case-holder takes home: their case, the questions, ideas and their chosen step."""

    language: str
    protocol_title: str
    case_holder_id: int
    case_holder_name: str
    sections: tuple[SummarySection, ...]
    chosen_step: str | None
    closed_reason: CloseReason

    def lines(self) -> tuple[TextLine, ...]:
        """Title, a heading and items per section, the chosen step and a closing line."""
        lines = [TextLine("room.summary.title", {"protocol": self.protocol_title})]
        for section in self.sections:
            lines.append(TextLine(f"room.summary.section.{section.kind.value}"))
            lines.extend(
                TextLine("room.summary.item", {"name": item.author_name, "text": item.text})
                for item in section.items
            )
        if self.chosen_step:
            lines.append(TextLine("room.summary.chosen_step", {"text": self.chosen_step}))
        else:
            lines.append(TextLine("room.summary.no_chosen_step"))
        lines.append(TextLine("room.summary.closing"))
        return tuple(lines)


@dataclass(frozen=True, slots=True)
class PrivateSummary:
    """Send the case-holder their summary privately."""

    user_id: int
    summary: CaseSummary

    def in_language(self, room: Room, language: str) -> CaseSummary:
        """The summary for a case-holder who reads another language than the room's."""
        if language == self.summary.language:
            return self.summary
        title = rules.protocol_title(room, language)
        return replace(self.summary, language=language, protocol_title=title)


@dataclass(frozen=True, slots=True)
class TeacherReport:
    """Tell the teacher who took part and how long it took, never what was said."""

    teacher_id: int
    protocol_title: str
    duration_minutes: int
    participant_count: int
    participant_ids: tuple[int, ...]
    participant_names: tuple[str, ...]
    closed_reason: CloseReason

    def in_language(self, room: Room, language: str) -> TeacherReport:
        """The report with the protocol's title in the teacher's language."""
        return replace(self, protocol_title=rules.protocol_title(room, language))

    def lines(self) -> tuple[TextLine, ...]:
        """The report and why the room closed."""
        report = TextLine(
            "room.report.teacher",
            {
                "protocol": self.protocol_title,
                "minutes": self.duration_minutes,
                "count": self.participant_count,
                "names": ", ".join(self.participant_names),
            },
        )
        return (report, TextLine(f"room.report.reason.{self.closed_reason.value}"))


Effect: TypeAlias = (
    Announce
    | UpdateStatus
    | PrivatePrompt
    | Relay
    | Reveal
    | ScheduleTimer
    | CancelTimers
    | PrivateSummary
    | TeacherReport
)


@dataclass(frozen=True, slots=True)
class Outcome:
    """A command was accepted: the new room and what to do about it, in order."""

    room: Room
    effects: tuple[Effect, ...] = ()


@dataclass(frozen=True, slots=True)
class Refused:
    """A command was not accepted; the room is unchanged. Tell the actor why (a text key)."""

    reason_key: str
    params: Params = field(default_factory=dict)


Result: TypeAlias = Outcome | Refused
