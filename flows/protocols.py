"""Group-coaching protocols: loaded from TOML data files and validated."""

from __future__ import annotations

import enum
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any, NoReturn, TypeVar

from flows.onboarding import LANGUAGES as LANGUAGES  # protocols are written in these

PROTOCOLS_DIR = Path(__file__).parent / "protocols"
PROTOCOL_IDS = ("incident_method", "reflecting_team", "progress_round", "triad_practice")
MIN_MINUTES = 1
MAX_MINUTES = 60
MIN_GROUP = 2
MAX_GROUP = 40

_KEY = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
_TOP_FIELDS = frozenset(
    {"id", "language", "title", "description", "min_members", "case_holder", "steps"}
)
_STEP_FIELDS = frozenset(
    {"key", "title", "instruction", "who", "kind", "minutes", "collect_privately"}
)


class Who(enum.StrEnum):
    """Who contributes during a step."""

    CASE_HOLDER = "case_holder"
    EACH_IN_TURN = "each_in_turn"
    EVERYONE = "everyone"
    NOBODY_BUT_CASE_HOLDER_LISTENS = "nobody_but_case_holder_listens"
    FACILITATOR = "facilitator"


class StepKind(enum.StrEnum):
    """What kind of contribution a step asks for."""

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


# Private collection only makes sense when several people write at once.
_PRIVATE_WHO = frozenset({Who.EACH_IN_TURN, Who.EVERYONE, Who.NOBODY_BUT_CASE_HOLDER_LISTENS})
_CASE_HOLDER_WHO = frozenset({Who.CASE_HOLDER, Who.NOBODY_BUT_CASE_HOLDER_LISTENS})


class ProtocolError(ValueError):
    """A protocol or text file is invalid; the message names the file and, where known, the line."""


@dataclass(frozen=True, slots=True)
class Step:
    """One time-boxed step of a protocol."""

    key: str
    title: str
    instruction: str
    who: Who
    kind: StepKind
    minutes: int
    collect_privately: bool = False


@dataclass(frozen=True, slots=True)
class Protocol:
    """A group-coaching protocol in one language."""

    id: str
    language: str
    title: str
    description: str
    min_members: int
    case_holder: bool
    steps: tuple[Step, ...]

    @property
    def total_minutes(self) -> int:
        """The planned length of the whole session."""
        return sum(step.minutes for step in self.steps)

    def step(self, key: str) -> Step | None:
        """The step with this key, if the protocol has one."""
        return next((step for step in self.steps if step.key == key), None)


def load_protocol(protocol_id: str, language: str) -> Protocol:
    """The protocol with this id in this language; ProtocolError when unknown or invalid."""
    if protocol_id not in PROTOCOL_IDS:
        raise ProtocolError(f"unknown protocol '{protocol_id}'; known: {', '.join(PROTOCOL_IDS)}")
    if language not in LANGUAGES:
        raise ProtocolError(f"unknown language '{language}'; known: {', '.join(LANGUAGES)}")
    return _load_cached(protocol_id, language)


def list_protocols(language: str) -> tuple[Protocol, ...]:
    """All protocols in one language, in the order a teacher is offered them."""
    return tuple(load_protocol(protocol_id, language) for protocol_id in PROTOCOL_IDS)


def adjust_durations(protocol: Protocol, minutes_by_step: Mapping[str, int]) -> Protocol:
    """A copy with some steps' minutes changed; ValueError for unknown steps or out-of-range."""
    unknown = sorted(set(minutes_by_step) - {step.key for step in protocol.steps})
    if unknown:
        raise ValueError(f"protocol '{protocol.id}' has no step '{unknown[0]}'")
    for key, minutes in minutes_by_step.items():
        if not _valid_minutes(minutes):
            raise ValueError(
                f"step '{key}' must last {MIN_MINUTES} to {MAX_MINUTES} minutes, got {minutes}"
            )
    steps = tuple(
        replace(step, minutes=minutes_by_step.get(step.key, step.minutes))
        for step in protocol.steps
    )
    return replace(protocol, steps=steps)


def validate_all() -> None:
    """Load every file in every language and check that the languages agree; for start-up."""
    first, *others = LANGUAGES
    for other in others:
        for protocol_id in PROTOCOL_IDS:
            _check_same_shape(load_protocol(protocol_id, first), load_protocol(protocol_id, other))


def parse_protocol(source: str, *, path: str, protocol_id: str, language: str) -> Protocol:
    """Parse and validate one protocol file's text; errors name the path and line."""
    data = _parse_toml(source, path)
    check = _Checker(source, path)
    check.fields(data, _TOP_FIELDS, required=_TOP_FIELDS, step=None)
    check.expect(data["id"] == protocol_id, "id", None, f"must be '{protocol_id}'")
    check.expect(data["language"] == language, "language", None, f"must be '{language}'")
    raw_steps = data["steps"]
    if not isinstance(raw_steps, list) or not raw_steps:
        check.fail("steps", None, "needs at least one [[steps]] table")
    steps = tuple(_parse_step(raw, index, check) for index, raw in enumerate(raw_steps))
    protocol = Protocol(
        id=protocol_id,
        language=language,
        title=check.text(data, "title", None),
        description=check.text(data, "description", None),
        min_members=check.whole_number(data, "min_members", None, MIN_GROUP, MAX_GROUP),
        case_holder=check.flag(data, "case_holder", None),
        steps=steps,
    )
    _check_steps_fit(protocol, check)
    return protocol


def _parse_step(raw: object, index: int, check: _Checker) -> Step:
    if not isinstance(raw, dict):
        check.fail("steps", None, "steps must be [[steps]] tables")
    check.fields(raw, _STEP_FIELDS, required=_STEP_FIELDS - {"collect_privately"}, step=index)
    key = raw["key"]
    check.expect(
        isinstance(key, str) and bool(_KEY.match(key)),
        "key",
        index,
        "must be lower-case letters, digits and _ (at most 40)",
    )
    who = check.choice(Who, raw, "who", index)
    private = check.flag(raw, "collect_privately", index) if "collect_privately" in raw else False
    check.expect(
        not private or who in _PRIVATE_WHO,
        "collect_privately",
        index,
        f"only steps where several people write can be collected privately, not '{who}'",
    )
    return Step(
        key=str(key),
        title=check.text(raw, "title", index),
        instruction=check.text(raw, "instruction", index),
        who=who,
        kind=check.choice(StepKind, raw, "kind", index),
        minutes=check.whole_number(raw, "minutes", index, MIN_MINUTES, MAX_MINUTES),
        collect_privately=private,
    )


def _check_steps_fit(protocol: Protocol, check: _Checker) -> None:
    """Unique step keys, and case-holder steps only where the protocol has a case-holder."""
    keys = [step.key for step in protocol.steps]
    for index, key in enumerate(keys):
        check.expect(keys.index(key) == index, "key", index, f"step key '{key}' is used twice")
    if not protocol.case_holder:
        for index, step in enumerate(protocol.steps):
            check.expect(
                step.who not in _CASE_HOLDER_WHO,
                "who",
                index,
                f"'{step.who}' needs a case-holder but case_holder = false",
            )
        return
    check.expect(
        any(s.who is Who.CASE_HOLDER and s.kind is StepKind.CASE for s in protocol.steps),
        "case_holder",
        None,
        "a protocol with a case-holder needs a step where the case-holder tells the case",
    )


_E = TypeVar("_E", bound=enum.StrEnum)


class _Checker:
    """Reads typed fields and raises ProtocolError naming the file and the line of the problem."""

    def __init__(self, source: str, path: str) -> None:
        self.lines = source.splitlines()
        self.path = path

    def expect(self, condition: bool, field: str, step: int | None, message: str) -> None:
        """Fail with the message unless the condition holds."""
        if not condition:
            self.fail(field, step, message)

    def fields(
        self,
        table: Mapping[str, Any],
        allowed: frozenset[str],
        *,
        required: frozenset[str],
        step: int | None,
    ) -> None:
        """No unknown fields (typos) and every required one present."""
        for field in sorted(set(table) - allowed):
            self.fail(field, step, "unknown field")
        for field in sorted(required - set(table)):
            self.fail(field, step, "missing")

    def text(self, table: Mapping[str, Any], field: str, step: int | None) -> str:
        """A non-empty text field, stripped."""
        value = table.get(field)
        if not isinstance(value, str) or not value.strip():
            self.fail(field, step, "must be a non-empty text")
        return str(value).strip()

    def flag(self, table: Mapping[str, Any], field: str, step: int | None) -> bool:
        """A true/false field."""
        value = table.get(field)
        if not isinstance(value, bool):
            self.fail(field, step, "must be true or false")
        return bool(value)

    def whole_number(
        self, table: Mapping[str, Any], field: str, step: int | None, low: int, high: int
    ) -> int:
        """A whole number within bounds."""
        value = table.get(field)
        if not isinstance(value, int) or not _int_between(value, low, high):
            self.fail(field, step, f"must be a whole number from {low} to {high}, got {value!r}")
        return value

    def choice(self, enum_type: type[_E], table: Mapping[str, Any], field: str, step: int) -> _E:
        """One of an enum's values."""
        value = table.get(field)
        allowed = [member.value for member in enum_type]
        if value not in allowed:
            self.fail(field, step, f"must be one of {', '.join(allowed)}, got {value!r}")
        return enum_type(value)

    def fail(self, field: str, step: int | None, message: str) -> NoReturn:
        """Raise the error with 'path:line: step N: field: message'."""
        line = self._line_of(field, step)
        where = f"{self.path}:{line}" if line else self.path
        scope = f"step {step + 1}: " if step is not None else ""
        raise ProtocolError(f"{where}: {scope}{field}: {message}")

    def _line_of(self, field: str, step: int | None) -> int | None:
        """The 1-based line of a field, searched inside the step's [[steps]] table if given."""
        headers = [i for i, text in enumerate(self.lines) if text.strip() == "[[steps]]"]
        start, end = 0, headers[0] if headers else len(self.lines)
        if step is not None and step < len(headers):
            start = headers[step]
            end = headers[step + 1] if step + 1 < len(headers) else len(self.lines)
        pattern = re.compile(rf"^\s*{re.escape(field)}\s*=")
        for number in range(start, end):
            if pattern.match(self.lines[number]):
                return number + 1
        return start + 1 if step is not None and headers else None


def _parse_toml(source: str, path: str) -> dict[str, Any]:
    try:
        return tomllib.loads(source)
    except tomllib.TOMLDecodeError as error:
        # tomllib's message already says "(at line N, column M)".
        raise ProtocolError(f"{path}: {error}") from error


def _check_same_shape(first: Protocol, other: Protocol) -> None:
    shape = [(s.key, s.who, s.kind, s.minutes, s.collect_privately) for s in first.steps]
    other_shape = [(s.key, s.who, s.kind, s.minutes, s.collect_privately) for s in other.steps]
    same = shape == other_shape and (first.min_members, first.case_holder) == (
        other.min_members,
        other.case_holder,
    )
    if not same:
        raise ProtocolError(
            f"{_protocol_path(other.id, other.language)}: steps differ from "
            f"{_protocol_path(first.id, first.language)} (keys, who, kind, minutes and "
            "collect_privately must match)"
        )


def _protocol_path(protocol_id: str, language: str) -> Path:
    return PROTOCOLS_DIR / language / f"{protocol_id}.toml"


@cache
def _load_cached(protocol_id: str, language: str) -> Protocol:
    path = _protocol_path(protocol_id, language)
    return parse_protocol(
        path.read_text("utf-8"), path=str(path), protocol_id=protocol_id, language=language
    )


def _int_between(value: object, low: int, high: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


def _valid_minutes(value: object) -> bool:
    return _int_between(value, MIN_MINUTES, MAX_MINUTES)
