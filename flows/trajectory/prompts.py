"""The capture table: every coaching prompt of the coachee once, and all that follows from it.

Adding a prompt is one `Prompt` here plus its texts in each language's step file: the prompt
and, where the key is new, its label. The scripts' schema (`STEP_PROMPTS`, `STEP_LABELS`), the
coachee's notebook, the coach's "have it written down" buttons, the note rules and `NoteTopic`
are all read from this table."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass

from flows.trajectory.steps import Party, Step


class Takes(enum.StrEnum):
    """How the answer to a prompt is taken and kept."""

    NOTE = "note"  # free text, kept as a note with the prompt's key as its topic
    GOAL = "goal"  # free text, the goal in the coachee's words
    STAGE = "stage"  # free text, a stage on the route
    SCALE = "scale"  # a number from 0 to 10, with buttons
    SMALL_STEP = "small_step"  # free text, then a day with buttons
    STEP_DATE = "step_date"  # the day of a small step (asked with SMALL_STEP, no button of its own)
    STEPS_REVIEW = "steps_review"  # the small steps so far, each with buttons; nothing typed
    ROLE = "role"  # one of the coach roles, with buttons


@dataclass(frozen=True, slots=True)
class Prompt:
    """One prompt of one step: how it is answered, who answers, which coach theme asks for it."""

    step: Step
    key: str
    takes: Takes = Takes.NOTE
    theme: str | None = None  # the coach's theme that offers "have it written down"
    by: Party = Party.COACHEE  # ANY: the coach may write one too
    also_kept_in: tuple[Step, ...] = ()  # later steps that still accept it, unprompted
    needed_to_close: bool = False  # the closing questions may be skipped, except these


CAPTURES: tuple[Prompt, ...] = (
    Prompt(Step.CONTACT, "reason"),
    Prompt(Step.CONTACT, "expectation", theme="expectations"),
    Prompt(Step.CONTACT, "helps_learning", theme="learning"),
    Prompt(Step.GOAL, "dream", theme="dream"),
    Prompt(Step.GOAL, "instead", theme="miracle"),
    Prompt(Step.GOAL, "goal", Takes.GOAL, theme="instead"),
    Prompt(Step.GOAL, "scale", Takes.SCALE, theme="scaling"),
    Prompt(Step.ROUTE, "start_situation", theme="start_situation"),
    Prompt(Step.ROUTE, "stage", Takes.STAGE, theme="stages"),
    Prompt(Step.ROUTE, "small_step", Takes.SMALL_STEP, theme="first_step"),
    Prompt(
        Step.ROUTE,
        "alternative_route",
        theme="alternatives",
        by=Party.ANY,
        also_kept_in=(Step.PATH,),
    ),
    Prompt(Step.ROUTE, "small_step_date", Takes.STEP_DATE),
    Prompt(Step.PATH, "better", theme="better"),
    Prompt(Step.PATH, "scale", Takes.SCALE, theme="scaling"),
    Prompt(Step.PATH, "steps_review", Takes.STEPS_REVIEW, theme="steps_review"),
    Prompt(Step.PATH, "obstacle", theme="obstacles"),
    Prompt(Step.PATH, "next_step", Takes.SMALL_STEP),
    Prompt(Step.PATH, "role", Takes.ROLE, theme="role"),
    Prompt(Step.CLOSING, "review", theme="review"),
    Prompt(Step.CLOSING, "scale", Takes.SCALE),
    Prompt(Step.CLOSING, "learned", theme="learning", needed_to_close=True),
    Prompt(Step.CLOSING, "keep_doing"),
    Prompt(Step.CLOSING, "feedback", theme="feedback"),
    Prompt(Step.CLOSING, "compliment", theme="compliment", by=Party.ANY),
)

CONVERSATION_STEPS = (Step.CONTACT, Step.GOAL, Step.ROUTE, Step.PATH, Step.CLOSING)
# Taken along with another prompt, so not a button of its own.
_UNLISTED = frozenset({Takes.STEP_DATE})


def prompts_of(step: Step) -> tuple[Prompt, ...]:
    """The prompts of one step, in the table's order."""
    return tuple(prompt for prompt in CAPTURES if prompt.step is step)


def steps_taking(takes: Takes) -> tuple[Step, ...]:
    """The steps in which answers of this kind are taken."""
    return tuple(dict.fromkeys(prompt.step for prompt in CAPTURES if prompt.takes is takes))


def prompt(step: Step, key: str) -> Prompt | None:
    """The prompt with this key in this step, if there is one."""
    return next((p for p in prompts_of(step) if p.key == key), None)


def takes_of(key: str) -> Takes | None:
    """How the answer to a prompt key is taken, wherever it is asked."""
    return next((p.takes for p in CAPTURES if p.key == key), None)


def awaited_kind(key: str) -> str:
    """The kind of awaited input that takes the typed answer to a prompt."""
    takes = takes_of(key)
    if takes is Takes.NOTE:
        return f"note:{key}"
    if takes is Takes.SMALL_STEP:
        return "step_text"
    return key


# Every script prompt per step: what a coaching script must say to the coachee.
SCRIPT_PROMPTS: Mapping[Step, tuple[str, ...]] = {
    step: tuple(p.key for p in prompts_of(step)) for step in CONVERSATION_STEPS
}

# The label of each key, in the step file where the key is first asked (scale: in goal).
STEP_LABELS: Mapping[Step, tuple[str, ...]] = {
    step: tuple(
        p.key
        for p in prompts_of(step)
        if p.takes not in _UNLISTED and next(q for q in CAPTURES if q.key == p.key) is p
    )
    for step in CONVERSATION_STEPS
}

# The coachee's notebook: what they can write down in each step, in the table's order.
NOTEBOOK: Mapping[Step, tuple[str, ...]] = {
    step: tuple(p.key for p in prompts_of(step) if p.takes not in _UNLISTED)
    for step in CONVERSATION_STEPS
}

# What the coach may ask the coachee to write down while a theme is on the card.
THEME_CAPTURES: Mapping[Step, Mapping[str, str]] = {
    step: {p.theme: p.key for p in prompts_of(step) if p.theme is not None}
    for step in CONVERSATION_STEPS
}

# Prompts that can be asked for at all (by a notebook button or by the coach).
WRITABLE = frozenset(
    {key for keys in NOTEBOOK.values() for key in keys}
    | {key for themes in THEME_CAPTURES.values() for key in themes.values()}
)

# The closing questions a coachee may pass over.
SKIPPABLE = frozenset(
    p.key for p in prompts_of(Step.CLOSING) if not p.needed_to_close and p.takes not in _UNLISTED
)

_NOTES = tuple(dict.fromkeys(p.key for p in CAPTURES if p.takes is Takes.NOTE))

# Free-text answers of the coachee (and compliments of both), named like script prompts.
NoteTopic = enum.StrEnum(  # type: ignore[misc]  # members come from the table, not literals
    "NoteTopic", {key.upper(): key for key in _NOTES}, module=__name__
)


# The notes a trajectory cannot close without (what the coachee learned).
NEEDED_TO_CLOSE = tuple(NoteTopic(p.key) for p in CAPTURES if p.needed_to_close)


def _note_rule(key: str) -> tuple[tuple[Step, ...], Party]:
    found = [p for p in CAPTURES if p.key == key]
    steps = tuple(dict.fromkeys(s for p in found for s in (p.step, *p.also_kept_in)))
    return steps, found[0].by


# Where each kind of note is asked for and who answers it: the coachee owns goal and work,
# only alternative routes (a coach may suggest one) and compliments come from both.
NOTE_RULES: Mapping[NoteTopic, tuple[tuple[Step, ...], Party]] = {
    NoteTopic(key): _note_rule(key) for key in _NOTES
}
