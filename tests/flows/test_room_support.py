"""A driver for room tests: a controllable clock, five students, and what each person would read."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from bot.i18n import Html, shared_texts
from flows.room import (
    ROOM_TEXT_KEYS,
    Announce,
    CaseSummary,
    Effect,
    Outcome,
    PrivatePrompt,
    PrivateSummary,
    Refused,
    Relay,
    Result,
    Reveal,
    Role,
    Room,
    RoomState,
    TeacherReport,
    TextLine,
    TimerKind,
    create_room,
    join,
    open_roles,
    start,
    status_lines,
    status_view,
    timer_fired,
    volunteer,
)

T0 = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)
TEACHER = 100
ANA, BO, CAS, DEV, EVA = 1, 2, 3, 4, 5
STUDENTS = {ANA: "Ana", BO: "Bo", CAS: "Cas", DEV: "Dev", EVA: "Eva"}


def render(language: str, key: str, params: Any) -> str:
    """A text as the bot would show it (without HTML escaping, which is the bot's job)."""
    assert key in ROOM_TEXT_KEYS, f"unregistered text key {key}"
    assert set(params) == ROOM_TEXT_KEYS[key], f"{key} got params {sorted(params)}"
    unescaped = {name: Html(v) if isinstance(v, str) else v for name, v in params.items()}
    return shared_texts().get(language, key, **unescaped)


def render_lines(language: str, lines: tuple[TextLine, ...]) -> str:
    """Several text lines as one message."""
    return "\n".join(render(language, line.key, line.params) for line in lines)


@dataclass
class Scene:
    """One room driven step by step, with every effect checked and rendered."""

    room: Room
    now: datetime
    group: list[str] = field(default_factory=list)
    private: dict[int, list[str]] = field(default_factory=dict)
    prompts: list[PrivatePrompt] = field(default_factory=list)
    summaries: list[PrivateSummary] = field(default_factory=list)
    reports: list[TeacherReport] = field(default_factory=list)
    reveals: list[Reveal] = field(default_factory=list)
    effects: list[Effect] = field(default_factory=list)

    @classmethod
    def open(
        cls,
        protocol: str = "incident_method",
        language: str = "en",
        durations: dict[str, int] | None = None,
    ) -> Scene:
        """The teacher opens a room."""
        result = create_room(
            chat_id=-100,
            teacher_id=TEACHER,
            teacher_name="Ms Mila",
            protocol_id=protocol,
            language=language,
            now=T0,
            durations=durations,
        )
        assert isinstance(result, Outcome), result
        scene = cls(room=result.room, now=T0)
        scene._take(result)
        return scene

    @classmethod
    def running(
        cls,
        protocol: str = "incident_method",
        language: str = "en",
        case_holder: int | None = ANA,
        durations: dict[str, int] | None = None,
    ) -> Scene:
        """Five students joined (Ana first), roles chosen, the first step started."""
        scene = cls.open(protocol, language, durations)
        for user, name in STUDENTS.items():
            scene.ok(join, user, name)
        scene.ok(open_roles, TEACHER)
        if case_holder is not None:
            scene.ok(volunteer, case_holder, Role.CASE_HOLDER)
        scene.ok(volunteer, EVA, Role.TIMEKEEPER)
        scene.ok(start, TEACHER)
        return scene

    @property
    def language(self) -> str:
        """The room's language."""
        return self.room.language

    def ok(self, command: Callable[..., Result], actor: int, *args: Any, **kw: Any) -> Outcome:
        """Run a person's command and insist it was accepted."""
        result = command(self.room, actor, self.now, *args, **kw)
        assert isinstance(result, Outcome), f"{command.__name__} refused: {result}"
        self._take(result)
        return result

    def refused(self, command: Callable[..., Result], actor: int, *args: Any, **kw: Any) -> Refused:
        """Run a person's command and insist it was refused without changing the room."""
        result = command(self.room, actor, self.now, *args, **kw)
        assert isinstance(result, Refused), f"{command.__name__} was accepted"
        render(self.language, result.reason_key, result.params)
        return result

    def system(self, command: Callable[..., Result], *args: Any) -> Outcome:
        """Run a command that comes from Telegram or a timer (no actor)."""
        result = command(self.room, *args)
        assert isinstance(result, Outcome), result
        self._take(result)
        return result

    def wait(self, minutes: float = 0, seconds: float = 0) -> None:
        """Let time pass without anything happening."""
        self.now += timedelta(minutes=minutes, seconds=seconds)

    def fire(self, kind: TimerKind) -> Outcome:
        """Move the clock to the timer's due time and let it fire."""
        due = self.room.timer_at(kind)
        assert due is not None, f"no {kind} timer pending"
        self.now = max(self.now, due)
        return self.system(timer_fired, self.now, kind)

    def time_up(self) -> Outcome:
        """Let the current step run out: the warning, then the end."""
        if self.room.timer_at(TimerKind.WARNING) is not None:
            self.fire(TimerKind.WARNING)
        return self.fire(TimerKind.END)

    def last_group(self) -> str:
        """The last message the group saw."""
        return self.group[-1]

    def status(self) -> str:
        """The status message as the group sees it now."""
        return render_lines(self.language, status_lines(status_view(self.room, self.now)))

    def summary_text(self) -> str:
        """The case-holder's summary as they read it."""
        assert len(self.summaries) == 1
        summary: CaseSummary = self.summaries[0].summary
        return render_lines(summary.language, summary.lines())

    def _take(self, outcome: Outcome) -> None:
        restored = Room.from_dict(json.loads(json.dumps(outcome.room.to_dict())))
        assert restored == outcome.room
        self._check_timers(outcome.room)
        self.room = outcome.room
        self.effects.extend(outcome.effects)
        for effect in outcome.effects:
            self._show(effect)

    def _show(self, effect: Effect) -> None:
        lang = self.language
        if isinstance(effect, Announce):
            self.group.append(render(lang, effect.key, effect.params))
        elif isinstance(effect, PrivatePrompt):
            self.prompts.append(effect)
            text = render(lang, effect.key, effect.params)
            self.private.setdefault(effect.user_id, []).append(text)
            for action in effect.actions:
                render(lang, f"room.action.{action.value}", {})
        elif isinstance(effect, Relay):
            self.group.append(f"{effect.author_name}: {effect.text}")
        elif isinstance(effect, Reveal):
            self.reveals.append(effect)
            self.group.append(render_lines(lang, effect.lines()))
        elif isinstance(effect, PrivateSummary):
            self.summaries.append(effect)
            render_lines(lang, effect.summary.lines())
        elif isinstance(effect, TeacherReport):
            self.reports.append(effect)
            self.private.setdefault(effect.teacher_id, []).append(
                render_lines(lang, effect.lines())
            )

    def _check_timers(self, room: Room) -> None:
        if room.state is RoomState.CLOSED:
            assert room.timers == ()
            return
        assert room.timer_at(TimerKind.AUTO_CLOSE) is not None
        if room.state is RoomState.RUNNING:
            assert room.timer_at(TimerKind.END) == room.deadline
        else:
            assert room.timer_at(TimerKind.END) is None
