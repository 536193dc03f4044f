"""Coaching scripts: the prompts per step, role and language, loaded from TOML and validated.

The default scripts live in `flows/scripts/<language>/<section>.toml`. A coordinator's own
script is one TOML file whose top-level tables are those sections (`[goal.coach]`, ...); what
it leaves out comes from the defaults. Pydantic models check the shape; every problem is
reported with the file and line.
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Annotated, Any

from pydantic import Field, StringConstraints, create_model

from flows.datafile import DataModel, Problem, TomlSyntaxError, check, parse_toml
from flows.trajectory.model import (
    CoachRole,
    ContractItemKey,
    ItemVersion,
    ReflectionQuestion,
    TensionField,
    Trajectory,
    Wording,
)
from flows.trajectory.prompts import SCRIPT_PROMPTS, STEP_LABELS
from flows.trajectory.steps import Step

SCRIPT_LANGUAGES = ("nl", "en")
SCRIPTS_DIR = Path(__file__).resolve().parent / "scripts"
PROMPT_LIMIT = 1000  # one readable message, well under Telegram's 4096
LABEL_LIMIT = 40  # what still fits on an inline button on a phone
CUSTOM_SOURCE = "custom script"

# --- The shape every script must have ---------------------------------------------------

Prompt = Annotated[
    str,
    StringConstraints(strict=True, strip_whitespace=True, min_length=1, max_length=PROMPT_LIMIT),
]
Label = Annotated[
    str,
    StringConstraints(strict=True, strip_whitespace=True, min_length=1, max_length=LABEL_LIMIT),
]

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


class ThemeData(DataModel):
    """A theme in a file: its button title and four to eight questions."""

    title: Label
    questions: Annotated[tuple[Prompt, ...], Field(min_length=4, max_length=8)]


class IntroData(DataModel):
    """A table that only holds an intro."""

    intro: Prompt


class ClickData(DataModel):
    """The click question after the first conversation."""

    question: Prompt
    yes: Label
    no: Label
    waiting: Prompt
    matched: Prompt
    no_click: Prompt


class ContractButtonsData(DataModel):
    """The buttons under every contract question."""

    agree: Label
    own_answer: Label
    still_works: Label


class ContractItemData(DataModel):
    """One agreement: its question and two to four suggested answers."""

    question: Prompt
    suggestions: Annotated[tuple[Label, ...], Field(min_length=2, max_length=4)]


class RoleData(DataModel):
    """A coach role's button name and description."""

    name: Label
    description: Prompt


class PolesData(DataModel):
    """The two pole labels of a tension field."""

    left: Label
    right: Label


def _model(name: str, /, **fields: object) -> type[DataModel]:
    """A model with exactly these required fields, each of the given type."""
    definitions: dict[str, Any] = {key: (kind, ...) for key, kind in fields.items()}
    return create_model(name, __base__=DataModel, **definitions)


def _step_section(step: Step, **extra: object) -> type[DataModel]:
    """A step's file: the coach's intro and themes, the coachee's prompts and labels."""
    name = step.value.title()
    themes = _model(f"{name}Themes", **dict.fromkeys(STEP_THEMES[step], ThemeData))
    prompts = _model(f"{name}Prompts", **dict.fromkeys(STEP_PROMPTS[step], Prompt))
    labels = _model(f"{name}Labels", **dict.fromkeys(STEP_LABELS[step], Label))
    coach = _model(f"{name}Coach", intro=Prompt, themes=themes)
    coachee = _model(f"{name}Coachee", intro=Prompt, prompts=prompts, labels=labels)
    return _model(f"{name}Section", coach=coach, coachee=coachee, **extra)


def _keyed(values: Iterable[enum.StrEnum], kind: object) -> dict[str, object]:
    """One field of the same type per enum member."""
    return {value.value: kind for value in values}


_CONTRACT = _model(
    "ContractSection",
    **dict.fromkeys(("coach", "coachee", "revisit", "closing"), IntroData),
    buttons=ContractButtonsData,
    items=_model("ContractItems", **_keyed(ContractItemKey, ContractItemData)),
)
_REFLECTION = _model(
    "ReflectionSection",
    intro=Prompt,
    roles=_model("Roles", prompt=Prompt, **_keyed(CoachRole, RoleData)),
    tensions=_model("Tensions", prompt=Prompt, **_keyed(TensionField, PolesData)),
    questions=_model("ReflectionQuestions", intro=Prompt, **_keyed(ReflectionQuestion, Prompt)),
)
_OBSERVER = _model(
    "ObserverSection",
    intro=Prompt,
    feedback_intro=Prompt,
    steps=_model(
        "ObservedSteps",
        **_keyed(OBSERVED_STEPS, Annotated[tuple[Prompt, ...], Field(min_length=3, max_length=6)]),
    ),
)
SECTIONS: Mapping[str, type[DataModel]] = {
    "contact": _step_section(Step.CONTACT, click=ClickData),
    "contract": _CONTRACT,
    "goal": _step_section(Step.GOAL),
    "route": _step_section(Step.ROUTE),
    "path": _step_section(Step.PATH),
    "closing": _step_section(Step.CLOSING),
    "reflection": _REFLECTION,
    "observer": _OBSERVER,
}
# A coordinator's own script holds every section in one file.
ScriptFile = _model("ScriptFile", **SECTIONS)


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

    def read(self, wording: Wording | ItemVersion) -> str:
        """An agreement as a reader of this script reads it: a suggestion in this script's
        words, own words as typed (and a suggestion this script lacks as its proposer read it)."""
        if wording.option is not None and 0 <= wording.option < len(self.suggestions):
            return self.suggestions[wording.option]
        return wording.value


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

    def as_read(self, trajectory: Trajectory) -> Trajectory:
        """The trajectory with every agreement picked from the cards in this script's words."""
        items = tuple(
            replace(item, versions=tuple(self._read(item.key, v) for v in item.versions))
            for item in trajectory.contract.items
        )
        return replace(trajectory, contract=replace(trajectory.contract, items=items))

    def _read(self, key: ContractItemKey, version: ItemVersion) -> ItemVersion:
        return replace(version, value=self.items[key].read(version))


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
    labels: Mapping[str, str]  # every capture's name on buttons and in the notebook

    def step(self, step: Step) -> StepScript:
        """The script of a conversation step (contact, goal, route, path or closing)."""
        return self.steps[step]

    def label(self, key: str) -> str:
        """The name of a capture (a prompt key) on buttons and in the notebook."""
        return self.labels[key]


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
    # What the script leaves out comes from the (valid) defaults, so every problem found in
    # the merged document sits in the coordinator's text.
    merged = _merge(_default_sections(language), data)
    valid, problems = check(ScriptFile, merged, text)
    if valid is None:
        raise ScriptError([_problem(CUSTOM_SOURCE, problem) for problem in problems])
    return _build(language, valid.model_dump())


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
    """Every section file of one language, validated; one ScriptError lists all problems."""
    sections: dict[str, Any] = {}
    problems: list[ScriptProblem] = []
    for name, model in SECTIONS.items():
        file = root / language / f"{name}.toml"
        source = f"{language}/{name}.toml"
        if not file.is_file():
            problems.append(ScriptProblem(source, None, f"file not found in {root / language}"))
            continue
        text = file.read_text(encoding="utf-8")
        try:
            valid, found = check(model, _parse(text, source), text)
        except ScriptError as error:
            problems.extend(error.problems)
            continue
        problems.extend(_problem(source, problem) for problem in found)
        if valid is not None:
            sections[name] = valid.model_dump()
    if problems:
        raise ScriptError(problems)
    return sections


def _parse(text: str, source: str) -> dict[str, Any]:
    try:
        return parse_toml(text)
    except TomlSyntaxError as error:
        raise ScriptError([ScriptProblem(source, error.line, str(error))]) from None


def _problem(source: str, problem: Problem) -> ScriptProblem:
    *keys, last = problem.loc
    if isinstance(last, int):
        where = f"item {last + 1} of {'.'.join(map(str, keys))}"
    else:
        where = ".".join(map(str, problem.loc))
    return ScriptProblem(source, problem.line, f"{where}: {problem.message}")


def _merge(base: Mapping[str, Any], override: Mapping[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(base.get(key), dict):
            merged[key] = _merge(base[key], value)
        else:
            merged[key] = value  # texts and lists are replaced as a whole
    return merged


# --- Building the typed scripts -----------------------------------------------------------


def _build(language: str, sections: Mapping[str, Any]) -> Scripts:
    """The typed scripts from validated sections (stripped texts, lists as tuples)."""
    observer = sections["observer"]
    prompts = {step: observer["steps"][step.value] for step in OBSERVED_STEPS}
    steps = {step: _step_script(step, sections[step.value], prompts[step]) for step in STEP_THEMES}
    return Scripts(
        language=language,
        steps=steps,
        contract=_contract_script(sections["contract"], prompts[Step.CONTRACT]),
        click=ClickScript(**sections["contact"]["click"]),
        reflection=_reflection_script(sections["reflection"]),
        observer=ObserverScript(
            intro=observer["intro"], feedback_intro=observer["feedback_intro"], prompts=prompts
        ),
        labels={
            key: label
            for step in STEP_THEMES
            for key, label in sections[step.value]["coachee"]["labels"].items()
        },
    )


def _step_script(step: Step, data: Mapping[str, Any], observer: tuple[str, ...]) -> StepScript:
    themes = data["coach"]["themes"]
    return StepScript(
        step=step,
        coach_intro=data["coach"]["intro"],
        themes=tuple(
            Theme(key, themes[key]["title"], themes[key]["questions"]) for key in STEP_THEMES[step]
        ),
        coachee_intro=data["coachee"]["intro"],
        prompts=dict(data["coachee"]["prompts"]),
        observer_prompts=observer,
    )


def _contract_script(data: Mapping[str, Any], observer: tuple[str, ...]) -> ContractScript:
    items = {
        key: ContractItemScript(
            key, data["items"][key.value]["question"], data["items"][key.value]["suggestions"]
        )
        for key in ContractItemKey
    }
    return ContractScript(
        coach_intro=data["coach"]["intro"],
        coachee_intro=data["coachee"]["intro"],
        agree=data["buttons"]["agree"],
        own_answer=data["buttons"]["own_answer"],
        still_works=data["buttons"]["still_works"],
        items=items,
        revisit_intro=data["revisit"]["intro"],
        closing_intro=data["closing"]["intro"],
        observer_prompts=observer,
    )


def _reflection_script(data: Mapping[str, Any]) -> ReflectionScript:
    roles, tensions, questions = data["roles"], data["tensions"], data["questions"]
    return ReflectionScript(
        intro=data["intro"],
        role_prompt=roles["prompt"],
        roles={role: RoleText(**roles[role.value]) for role in CoachRole},
        tension_prompt=tensions["prompt"],
        tensions={field: Poles(**tensions[field.value]) for field in TensionField},
        questions_intro=questions["intro"],
        questions={question: questions[question.value] for question in ReflectionQuestion},
    )
