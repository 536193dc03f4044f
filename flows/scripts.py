"""Coaching scripts: the prompts per step, role and language, loaded from TOML and validated.

The default scripts live in `flows/scripts/<language>/<section>.toml`. A coordinator's own
script is one TOML file whose top-level tables are those sections (`[goal.coach]`, ...); what
it leaves out comes from the defaults. Every problem is reported with the file and line.
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from flows.trajectory.model import (
    CoachRole,
    ContractItemKey,
    ReflectionQuestion,
    Step,
    TensionField,
)
from flows.trajectory.prompts import SCRIPT_PROMPTS

SCRIPT_LANGUAGES = ("nl", "en")
SCRIPTS_DIR = Path(__file__).resolve().parent / "scripts"
PROMPT_LIMIT = 1000  # one readable message, well under Telegram's 4096
LABEL_LIMIT = 40  # what still fits on an inline button on a phone
CUSTOM_SOURCE = "custom script"

KeyPath = tuple[str | int, ...]


# --- The shape every script must have ---------------------------------------------------


@dataclass(frozen=True)
class Text:
    """A non-empty string of at most `limit` characters."""

    limit: int = PROMPT_LIMIT
    kind: str = "text"


@dataclass(frozen=True)
class Texts:
    """A list of `low` to `high` strings, each checked like `item`."""

    item: Text
    low: int
    high: int
    noun: str


@dataclass(frozen=True)
class Table:
    """A TOML table with exactly these keys."""

    fields: Mapping[str, Text | Texts | Table]


Node = Text | Texts | Table

PROMPT = Text()
BUTTON = Text(LABEL_LIMIT, "button label")
QUESTIONS = Texts(PROMPT, 4, 8, "questions")

STEP_THEMES: Mapping[Step, tuple[str, ...]] = {
    Step.CONTACT: ("openers", "common_ground", "expectations", "learning", "confidentiality"),
    Step.GOAL: ("dream", "instead", "miracle", "scaling"),
    Step.ROUTE: ("start_situation", "stages", "alternatives", "first_step"),
    Step.PATH: ("better", "scaling", "steps_review", "obstacles", "role"),
    Step.CLOSING: ("review", "learning", "feedback", "compliment"),
}
# The coachee's capture prompts, from the capture table.
STEP_PROMPTS: Mapping[Step, tuple[str, ...]] = SCRIPT_PROMPTS
OBSERVED_STEPS = (Step.CONTACT, Step.CONTRACT, Step.GOAL, Step.ROUTE, Step.PATH, Step.CLOSING)


def _step_schema(step: Step) -> Table:
    themes = {key: Table({"title": BUTTON, "questions": QUESTIONS}) for key in STEP_THEMES[step]}
    return Table(
        {
            "coach": Table({"intro": PROMPT, "themes": Table(themes)}),
            "coachee": Table(
                {"intro": PROMPT, "prompts": Table(dict.fromkeys(STEP_PROMPTS[step], PROMPT))}
            ),
        }
    )


_CLICK = Table(
    {
        "question": PROMPT,
        "yes": BUTTON,
        "no": BUTTON,
        "waiting": PROMPT,
        "matched": PROMPT,
        "no_click": PROMPT,
    }
)
_CONTRACT = Table(
    {
        "coach": Table({"intro": PROMPT}),
        "coachee": Table({"intro": PROMPT}),
        "buttons": Table({"agree": BUTTON, "own_answer": BUTTON, "still_works": BUTTON}),
        "items": Table(
            {
                key.value: Table(
                    {"question": PROMPT, "suggestions": Texts(BUTTON, 2, 4, "suggestions")}
                )
                for key in ContractItemKey
            }
        ),
        "revisit": Table({"intro": PROMPT}),
        "closing": Table({"intro": PROMPT}),
    }
)
_REFLECTION = Table(
    {
        "intro": PROMPT,
        "roles": Table(
            {
                "prompt": PROMPT,
                **{r.value: Table({"name": BUTTON, "description": PROMPT}) for r in CoachRole},
            }
        ),
        "tensions": Table(
            {
                "prompt": PROMPT,
                **{f.value: Table({"left": BUTTON, "right": BUTTON}) for f in TensionField},
            }
        ),
        "questions": Table({"intro": PROMPT, **{q.value: PROMPT for q in ReflectionQuestion}}),
    }
)
_OBSERVER = Table(
    {
        "intro": PROMPT,
        "feedback_intro": PROMPT,
        "steps": Table({s.value: Texts(PROMPT, 3, 6, "prompts") for s in OBSERVED_STEPS}),
    }
)

SECTIONS: Mapping[str, Table] = {
    "contact": Table({**_step_schema(Step.CONTACT).fields, "click": _CLICK}),
    "contract": _CONTRACT,
    "goal": _step_schema(Step.GOAL),
    "route": _step_schema(Step.ROUTE),
    "path": _step_schema(Step.PATH),
    "closing": _step_schema(Step.CLOSING),
    "reflection": _REFLECTION,
    "observer": _OBSERVER,
}


# --- What code reads ----------------------------------------------------------------------


@dataclass(frozen=True)
class Theme:
    """A theme of suggested questions for the coach, with its button title."""

    key: str
    title: str
    questions: tuple[str, ...]


@dataclass(frozen=True)
class StepScript:
    """Everything said in one step: the coach's intro and themes, the coachee's prompts."""

    step: Step
    coach_intro: str
    themes: tuple[Theme, ...]
    coachee_intro: str
    prompts: Mapping[str, str]
    observer_prompts: tuple[str, ...]

    def prompt(self, key: str) -> str:
        """The coachee's capture prompt with this key."""
        return self.prompts[key]


@dataclass(frozen=True)
class ClickScript:
    """The private click question after the first conversation and its answers."""

    question: str
    yes: str
    no: str
    waiting: str
    matched: str
    no_click: str


@dataclass(frozen=True)
class ContractItemScript:
    """One agreement: the question and the suggested answers shown as buttons."""

    key: ContractItemKey
    question: str
    suggestions: tuple[str, ...]


@dataclass(frozen=True)
class ContractScript:
    """The contract step: intros, one question per item, the revisit and the closing."""

    coach_intro: str
    coachee_intro: str
    agree: str
    own_answer: str
    still_works: str
    items: Mapping[ContractItemKey, ContractItemScript]
    revisit_intro: str
    closing_intro: str
    observer_prompts: tuple[str, ...]


@dataclass(frozen=True)
class RoleText:
    """A coach role's button name and one-line description."""

    name: str
    description: str


@dataclass(frozen=True)
class Poles:
    """The two pole labels of a tension field slider."""

    left: str
    right: str


@dataclass(frozen=True)
class ReflectionScript:
    """The coach's reflection after a conversation: role, tension sliders, five questions."""

    intro: str
    role_prompt: str
    roles: Mapping[CoachRole, RoleText]
    tension_prompt: str
    tensions: Mapping[TensionField, Poles]
    questions_intro: str
    questions: Mapping[ReflectionQuestion, str]


@dataclass(frozen=True)
class ObserverScript:
    """What a triad's observer reads: an intro, what to watch per step, how to give feedback."""

    intro: str
    feedback_intro: str
    prompts: Mapping[Step, tuple[str, ...]]


@dataclass(frozen=True)
class Scripts:
    """All scripts of one language (default or a cohort's own)."""

    language: str
    steps: Mapping[Step, StepScript]
    contract: ContractScript
    click: ClickScript
    reflection: ReflectionScript
    observer: ObserverScript

    def step(self, step: Step) -> StepScript:
        """The script of a conversation step (contact, goal, route, path or closing)."""
        return self.steps[step]


# --- Errors ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ScriptProblem:
    """One thing wrong in a script, where it is, in words a coordinator understands."""

    source: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = self.source if self.line is None else f"{self.source}, line {self.line}"
        return f"{where}: {self.message}"


class ScriptError(ValueError):
    """A script that cannot be used; the message lists every problem with its line."""

    def __init__(self, problems: list[ScriptProblem]) -> None:
        ordered = sorted(problems, key=lambda p: (p.source, p.line or 0))
        super().__init__("\n".join(str(problem) for problem in ordered))
        self.problems = tuple(ordered)


# --- Loading ------------------------------------------------------------------------------


def load_scripts(language: str, path: Path | None = None) -> Scripts:
    """The scripts of a language from `path` (a folder with one subfolder per language).

    Without a path the shipped scripts are used and cached after the first load.
    """
    _require_language(language)
    if path is None:
        return _default_scripts(language)
    return _build(language, _load_sections(path, language))


def load_custom_script(text: str, language: str) -> Scripts:
    """A cohort's own script: one TOML text, checked strictly, completed from the defaults."""
    _require_language(language)
    data = _parse(text, CUSTOM_SOURCE)
    if not data:
        raise ScriptError([ScriptProblem(CUSTOM_SOURCE, None, "the script is empty")])
    lines = KeyLines(text)
    problems: list[ScriptProblem] = []
    _check(data, Table(SECTIONS), (), _Report(CUSTOM_SOURCE, lines, problems), partial=True)
    if problems:
        raise ScriptError(problems)
    defaults = _default_sections(language)
    merged = {name: _merge(defaults[name], data.get(name, {})) for name in SECTIONS}
    return _build(language, merged)


@functools.cache
def _default_scripts(language: str) -> Scripts:
    return _build(language, _default_sections(language))


@functools.cache
def _default_sections(language: str) -> dict[str, Any]:
    return _load_sections(SCRIPTS_DIR, language)


def _require_language(language: str) -> None:
    if language not in SCRIPT_LANGUAGES:
        raise ValueError(f"no scripts in {language!r}; choose one of {', '.join(SCRIPT_LANGUAGES)}")


def _load_sections(root: Path, language: str) -> dict[str, Any]:
    sections: dict[str, Any] = {}
    problems: list[ScriptProblem] = []
    for name, schema in SECTIONS.items():
        file = root / language / f"{name}.toml"
        source = f"{language}/{name}.toml"
        if not file.is_file():
            problems.append(ScriptProblem(source, None, f"file not found in {root / language}"))
            continue
        text = file.read_text(encoding="utf-8")
        try:
            data = _parse(text, source)
        except ScriptError as error:
            problems.extend(error.problems)
            continue
        _check(data, schema, (), _Report(source, KeyLines(text), problems), partial=False)
        sections[name] = data
    if problems:
        raise ScriptError(problems)
    return sections


# tomllib (Python 3.11) only gives the position inside its message.
_DECODE_POSITION = re.compile(r"\s*\(at (?:line (\d+), column \d+|end of document)\)\s*$")


def _parse(text: str, source: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        match = _DECODE_POSITION.search(message)
        if match is None:
            problem = ScriptProblem(source, None, f"not valid TOML: {message}")
        else:
            line = int(match.group(1)) if match.group(1) else text.count("\n") + 1
            problem = ScriptProblem(source, line, f"not valid TOML: {message[: match.start()]}")
        raise ScriptError([problem]) from None


def _merge(base: Mapping[str, Any], override: Mapping[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(base.get(key), dict):
            merged[key] = _merge(base[key], value)
        else:
            merged[key] = value  # texts and lists are replaced as a whole
    return merged


# --- Checking -----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Report:
    source: str
    lines: KeyLines
    problems: list[ScriptProblem]

    def add(self, path: KeyPath, message: str) -> None:
        self.problems.append(ScriptProblem(self.source, self.lines.line_of(path), message))


def _check(value: object, node: Node, path: KeyPath, report: _Report, *, partial: bool) -> None:
    if isinstance(node, Table):
        _check_table(value, node, path, report, partial=partial)
    elif isinstance(node, Texts):
        _check_texts(value, node, path, report)
    else:
        _check_text(value, node, path, report)


def _check_table(
    value: object, node: Table, path: KeyPath, report: _Report, *, partial: bool
) -> None:
    if not isinstance(value, dict):
        report.add(path, f"{_name(path)} should be a table, found {_kind(value)}")
        return
    for key in value:
        if key not in node.fields:
            expected = ", ".join(node.fields)
            report.add(
                (*path, key), f"unknown key {_name((*path, key))}; expected one of: {expected}"
            )
    for key, child in node.fields.items():
        if key in value:
            _check(value[key], child, (*path, key), report, partial=partial)
        elif not partial:
            where = f"table [{_dotted(path)}]" if path else "the file"
            report.add(path, f"{where} is missing {key!r}")


def _check_texts(value: object, node: Texts, path: KeyPath, report: _Report) -> None:
    if not isinstance(value, list):
        report.add(path, f"{_name(path)} should be a list of texts, found {_kind(value)}")
        return
    if not node.low <= len(value) <= node.high:
        count = f"{node.low} to {node.high} {node.noun}"
        report.add(path, f"{_name(path)} needs {count}, found {len(value)}")
    for index, item in enumerate(value):
        _check_text(item, node.item, (*path, index), report)


def _check_text(value: object, node: Text, path: KeyPath, report: _Report) -> None:
    if not isinstance(value, str):
        report.add(path, f"{_name(path)} should be {node.kind} in quotes, found {_kind(value)}")
    elif not value.strip():
        report.add(path, f"{_name(path)} is empty")
    elif len(value.strip()) > node.limit:
        size = len(value.strip())
        report.add(path, f"{_name(path)} is {size} characters; a {node.kind} fits {node.limit}")


def _name(path: KeyPath) -> str:
    *keys, last = path
    if isinstance(last, int):
        return f"item {last + 1} of {_dotted(tuple(keys))!r}"
    return repr(_dotted(path))


def _dotted(path: KeyPath) -> str:
    return ".".join(str(key) for key in path)


def _kind(value: object) -> str:
    kinds = {
        str: "text",
        list: "a list",
        dict: "a table",
        bool: "true/false",
        int: "a number",
        float: "a number",
    }
    return kinds.get(type(value), f"a {type(value).__name__}")


# --- Finding lines ------------------------------------------------------------------------


_HEADER = re.compile(r"\[\[?\s*([^\]]+?)\s*\]\]?")


class KeyLines:
    """The line of every table header, key and list item in a TOML text, by key path.

    tomllib only reports lines for syntax errors; this small scanner recovers where a
    valid-but-wrong key sits, so a coordinator is pointed to the right line.
    """

    def __init__(self, text: str) -> None:
        self._lines: dict[KeyPath, int] = {}
        self._scan(text)

    def line_of(self, path: KeyPath) -> int | None:
        """The line of this path, or of its closest enclosing table or key that exists."""
        for size in range(len(path), 0, -1):
            line = self._lines.get(path[:size])
            if line is not None:
                return line
        return None

    def _record(self, path: KeyPath, line: int) -> None:
        for size in range(1, len(path) + 1):
            self._lines.setdefault(path[:size], line)

    def _scan(self, text: str) -> None:
        table: KeyPath = ()
        key: KeyPath | None = None
        depth, index, line, i = 0, -1, 1, 0
        statement_start = True
        while i < len(text):
            char = text[i]
            if char == "\n":
                line += 1
                i += 1
                statement_start = statement_start or depth == 0
            elif char in " \t\r":
                i += 1
            elif char == "#":
                i = _line_end(text, i)
            elif statement_start and depth == 0:
                statement_start = False
                end = _line_end(text, i)
                header = _HEADER.match(text, i) if char == "[" else None
                if header:
                    table = _split_key(header.group(1))
                    self._record(table, line)
                    i = end
                    continue
                equals = _find_equals(text, i, end)
                if equals < 0:
                    i = end
                    continue
                key = (*table, *_split_key(text[i:equals]))
                self._record(key, line)
                i = equals + 1
            elif char in "\"'":
                if depth == 1 and key is not None:
                    index += 1
                    self._lines.setdefault((*key, index), line)
                i, line = _skip_string(text, i, line)
            else:
                if char in "[{":
                    depth += 1
                    index = -1 if depth == 1 else index
                elif char in "]}":
                    depth = max(0, depth - 1)
                i += 1


def _line_end(text: str, start: int) -> int:
    end = text.find("\n", start)
    return len(text) if end < 0 else end


def _find_equals(text: str, start: int, end: int) -> int:
    quote = ""
    for position in range(start, end):
        char = text[position]
        if quote:
            quote = "" if char == quote else quote
        elif char in "\"'":
            quote = char
        elif char == "=":
            return position
    return -1


def _split_key(raw: str) -> tuple[str, ...]:
    return tuple(part.strip().strip("\"'") for part in raw.split("."))


def _skip_string(text: str, start: int, line: int) -> tuple[int, int]:
    quote = text[start]
    if text.startswith(quote * 3, start):
        close = text.find(quote * 3, start + 3)
        end = len(text) if close < 0 else close + 3
        while text.startswith(quote, end) and end < len(text):
            end += 1  # up to two quotes may sit right before the closing delimiter
        return end, line + text.count("\n", start, end)
    position = start + 1
    while position < len(text) and text[position] not in (quote, "\n"):
        position += 2 if quote == '"' and text[position] == "\\" else 1
    return position + 1, line


# --- Building the typed scripts -----------------------------------------------------------


def _build(language: str, sections: Mapping[str, Any]) -> Scripts:
    observer = sections["observer"]
    prompts = {step: _texts(observer["steps"][step.value]) for step in OBSERVED_STEPS}
    steps = {step: _step_script(step, sections[step.value], prompts[step]) for step in STEP_THEMES}
    return Scripts(
        language=language,
        steps=steps,
        contract=_contract_script(sections["contract"], prompts[Step.CONTRACT]),
        click=ClickScript(
            **{key: _clean(value) for key, value in sections["contact"]["click"].items()}
        ),
        reflection=_reflection_script(sections["reflection"]),
        observer=ObserverScript(
            intro=_clean(observer["intro"]),
            feedback_intro=_clean(observer["feedback_intro"]),
            prompts=prompts,
        ),
    )


def _step_script(step: Step, data: Mapping[str, Any], observer: tuple[str, ...]) -> StepScript:
    themes = data["coach"]["themes"]
    return StepScript(
        step=step,
        coach_intro=_clean(data["coach"]["intro"]),
        themes=tuple(
            Theme(key, _clean(themes[key]["title"]), _texts(themes[key]["questions"]))
            for key in STEP_THEMES[step]
        ),
        coachee_intro=_clean(data["coachee"]["intro"]),
        prompts={key: _clean(text) for key, text in data["coachee"]["prompts"].items()},
        observer_prompts=observer,
    )


def _contract_script(data: Mapping[str, Any], observer: tuple[str, ...]) -> ContractScript:
    items = {
        key: ContractItemScript(
            key,
            _clean(data["items"][key.value]["question"]),
            _texts(data["items"][key.value]["suggestions"]),
        )
        for key in ContractItemKey
    }
    return ContractScript(
        coach_intro=_clean(data["coach"]["intro"]),
        coachee_intro=_clean(data["coachee"]["intro"]),
        agree=_clean(data["buttons"]["agree"]),
        own_answer=_clean(data["buttons"]["own_answer"]),
        still_works=_clean(data["buttons"]["still_works"]),
        items=items,
        revisit_intro=_clean(data["revisit"]["intro"]),
        closing_intro=_clean(data["closing"]["intro"]),
        observer_prompts=observer,
    )


def _reflection_script(data: Mapping[str, Any]) -> ReflectionScript:
    roles, tensions, questions = data["roles"], data["tensions"], data["questions"]
    return ReflectionScript(
        intro=_clean(data["intro"]),
        role_prompt=_clean(roles["prompt"]),
        roles={role: _role_text(roles[role.value]) for role in CoachRole},
        tension_prompt=_clean(tensions["prompt"]),
        tensions={field: _poles(tensions[field.value]) for field in TensionField},
        questions_intro=_clean(questions["intro"]),
        questions={question: _clean(questions[question.value]) for question in ReflectionQuestion},
    )


def _role_text(data: Mapping[str, str]) -> RoleText:
    return RoleText(_clean(data["name"]), _clean(data["description"]))


def _poles(data: Mapping[str, str]) -> Poles:
    return Poles(_clean(data["left"]), _clean(data["right"]))


def _clean(text: str) -> str:
    return text.strip()


def _texts(items: list[str]) -> tuple[str, ...]:
    return tuple(_clean(item) for item in items)
