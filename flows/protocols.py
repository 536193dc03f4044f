"""Group-coaching protocols: loaded from TOML data files, checked by pydantic."""

from __future__ import annotations

import enum
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Annotated, Any

from pydantic import AfterValidator, Field, StrictBool, StrictInt, StrictStr, StringConstraints
from pydantic_core import PydanticCustomError

from flows.datafile import (
    DataModel,
    Loc,
    Problem,
    TomlSyntaxError,
    check,
    key_lines,
    line_of,
    parse_toml,
)
from flows.onboarding import LANGUAGES as LANGUAGES  # protocols are written in these

PROTOCOLS_DIR = Path(__file__).parent / "protocols"
PROTOCOL_IDS = (
    "incident_method",
    "reflecting_team",
    "progress_round",
    "triad_practice",
    "supervision",
)
MIN_MINUTES = 1
MAX_MINUTES = 60
MIN_GROUP = 2
MAX_GROUP = 40

_KEY = re.compile(r"^[a-z][a-z0-9_]{0,39}$")


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


Text = Annotated[str, StringConstraints(strict=True, strip_whitespace=True, min_length=1)]


def _step_key(key: str) -> str:
    if not _KEY.match(key):
        raise PydanticCustomError(
            "step_key", "must be lower-case letters, digits and _ (at most 40)"
        )
    return key


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


class StepData(DataModel):
    """One [[steps]] table as written in a protocol file."""

    key: Annotated[str, StringConstraints(strict=True), AfterValidator(_step_key)]
    title: Text
    instruction: Text
    who: Who
    kind: StepKind
    minutes: Annotated[StrictInt, Field(ge=MIN_MINUTES, le=MAX_MINUTES)]
    collect_privately: StrictBool = False


class ProtocolData(DataModel):
    """A protocol file as written; `_rules` adds what one field alone cannot say."""

    id: StrictStr
    language: StrictStr
    title: Text
    description: Text
    min_members: Annotated[StrictInt, Field(ge=MIN_GROUP, le=MAX_GROUP)]
    case_holder: StrictBool
    steps: Annotated[tuple[StepData, ...], Field(min_length=1)]


def parse_protocol(source: str, *, path: str, protocol_id: str, language: str) -> Protocol:
    """Parse and validate one protocol file's text; errors name the path and line."""
    valid, problems = check(ProtocolData, _parse_toml(source, path), source)
    if not isinstance(valid, ProtocolData):
        raise _error(path, problems)
    lines = key_lines(source)
    broken = [
        Problem(loc, line_of(lines, loc), message)
        for loc, message in _rules(valid, protocol_id, language)
    ]
    if broken:
        raise _error(path, broken)
    steps = tuple(Step(**step.model_dump()) for step in valid.steps)
    return Protocol(**valid.model_dump(exclude={"steps"}), steps=steps)


def _rules(data: ProtocolData, protocol_id: str, language: str) -> Iterator[tuple[Loc, str]]:
    """The file's own id and language, unique step keys, who may write privately, the case."""
    if data.id != protocol_id:
        yield ("id",), f"must be '{protocol_id}'"
    if data.language != language:
        yield ("language",), f"must be '{language}'"
    keys = [step.key for step in data.steps]
    for index, step in enumerate(data.steps):
        if keys.index(step.key) != index:
            yield ("steps", index, "key"), f"step key '{step.key}' is used twice"
        if step.collect_privately and step.who not in _PRIVATE_WHO:
            yield (
                ("steps", index, "collect_privately"),
                "only steps where several people write can be collected privately, "
                f"not '{step.who}'",
            )
        if not data.case_holder and step.who in _CASE_HOLDER_WHO:
            yield (
                ("steps", index, "who"),
                f"'{step.who}' needs a case-holder but case_holder = false",
            )
    tells_case = any(s.who is Who.CASE_HOLDER and s.kind is StepKind.CASE for s in data.steps)
    if data.case_holder and not tells_case:
        yield (
            ("case_holder",),
            "a protocol with a case-holder needs a step where the case-holder tells the case",
        )


def _error(path: str, problems: list[Problem]) -> ProtocolError:
    """One error listing every problem as 'path:line: step N: field: message'."""
    ordered = sorted(problems, key=lambda problem: problem.line or 0)
    return ProtocolError("\n".join(_describe(path, problem) for problem in ordered))


def _describe(path: str, problem: Problem) -> str:
    where = f"{path}:{problem.line}" if problem.line else path
    loc, scope = problem.loc, ""
    index = loc[1] if loc[:1] == ("steps",) and len(loc) > 1 else None
    if isinstance(index, int):
        loc, scope = loc[2:], f"step {index + 1}: "
    field = f"{'.'.join(map(str, loc))}: " if loc else ""
    return f"{where}: {scope}{field}{problem.message}"


def _parse_toml(source: str, path: str) -> dict[str, Any]:
    try:
        return parse_toml(source)
    except TomlSyntaxError as error:
        where = f"{path}:{error.line}" if error.line else path
        raise ProtocolError(f"{where}: {error}") from None


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
