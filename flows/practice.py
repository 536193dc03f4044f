"""A practice conversation before the first real coaching: a scripted coachee (data files in
`flows/coachees/{language}/`) answers the coach's questions through cards like the real ones.

The coach walks four steps (contact, goal, route, closing). Asking the card's question brings
the character's next reply for that step; when the step's replies run out, the coachee has said
all they will and the coach moves on. Finishing the last step counts as having practised.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Annotated

from pydantic import Field, StrictInt, StrictStr, StringConstraints

from flows.datafile import DataModel, TomlSyntaxError, check, parse_toml
from flows.onboarding import LANGUAGES
from flows.trajectory.steps import Step

COACHEES_DIR = Path(__file__).parent / "coachees"
CHARACTER_IDS = ("exam_stress", "sports_goal", "new_class")
PRACTICE_STEPS = (Step.CONTACT, Step.GOAL, Step.ROUTE, Step.CLOSING)

Text = Annotated[str, StringConstraints(strict=True, strip_whitespace=True, min_length=1)]
Replies = Annotated[tuple[Annotated[Text, Field(max_length=400)], ...], Field(min_length=2)]


class CharacterError(ValueError):
    """A character file is missing or invalid; the message names the file."""


class RepliesData(DataModel):
    """The character's replies per practice step, in the order the coach gets them."""

    contact: Replies
    goal: Replies
    route: Replies
    closing: Replies


class CharacterData(DataModel):
    """A character file as written."""

    id: StrictStr
    language: StrictStr
    name: Annotated[Text, Field(max_length=32)]
    age: Annotated[StrictInt, Field(ge=12, le=25)]
    topic: Annotated[Text, Field(max_length=40)]  # a button label
    situation: Annotated[Text, Field(max_length=600)]
    replies: RepliesData


@dataclass(frozen=True, slots=True)
class Character:
    """A simulated coachee in one language."""

    id: str
    language: str
    name: str
    age: int
    topic: str
    situation: str
    replies: Mapping[Step, tuple[str, ...]]


def load_character(character_id: str, language: str) -> Character:
    """The character with this id in this language; CharacterError when unknown or invalid."""
    if character_id not in CHARACTER_IDS or language not in LANGUAGES:
        raise CharacterError(f"no character '{character_id}' in '{language}'")
    return _load(character_id, language)


def characters(language: str) -> tuple[Character, ...]:
    """Every character in one language, in the order they are offered."""
    return tuple(load_character(character_id, language) for character_id in CHARACTER_IDS)


def validate_all() -> None:
    """Load every character in every language; the languages must have as many replies."""
    for character_id in CHARACTER_IDS:
        loaded = [load_character(character_id, language) for language in LANGUAGES]
        shapes = {tuple(len(c.replies[step]) for step in PRACTICE_STEPS) for c in loaded}
        if len(shapes) != 1:
            raise CharacterError(f"{character_id}: the languages differ in how many replies")


@cache
def _load(character_id: str, language: str) -> Character:
    path = COACHEES_DIR / language / f"{character_id}.toml"
    source = path.read_text("utf-8")
    try:
        raw = parse_toml(source)
    except TomlSyntaxError as error:
        raise CharacterError(f"{path}:{error.line}: {error}") from None
    valid, problems = check(CharacterData, raw, source)
    if not isinstance(valid, CharacterData):
        raise CharacterError("\n".join(f"{path}:{p.line}: {p.message}" for p in problems))
    if (valid.id, valid.language) != (character_id, language):
        raise CharacterError(f"{path}: id and language must be '{character_id}', '{language}'")
    replies = {step: getattr(valid.replies, step.value) for step in PRACTICE_STEPS}
    fields = valid.model_dump(exclude={"replies"})
    return Character(**fields, replies=replies)


# --- The practice itself ------------------------------------------------------------------------


class Move(enum.StrEnum):
    """What the coach can do on a practice card."""

    ASK = "ask"  # ask the card's question
    ANOTHER = "another"  # show another suggested question
    NEXT = "next"  # go on to the next step (or finish after the last)


@dataclass(frozen=True, slots=True)
class Practice:
    """Where a coach is in their practice: the step, replies heard in it, the question shown."""

    character: str
    step: Step = Step.CONTACT
    heard: int = 0
    question: int = 0

    @property
    def version(self) -> str:
        """What a card was made for, so a card from before is recognised."""
        return f"{self.step.value}:{self.heard}:{self.question}"

    @property
    def last_step(self) -> bool:
        """Whether this is the closing step."""
        return self.step is PRACTICE_STEPS[-1]


@dataclass(frozen=True, slots=True)
class Outcome:
    """A move's result: the new practice (None when finished), and the coachee's reply if any.

    `said_all` means the coachee has nothing more to say in this step: time to move on."""

    practice: Practice | None
    reply: str | None = None
    said_all: bool = False

    @property
    def finished(self) -> bool:
        """Whether the practice is done (the last step was closed)."""
        return self.practice is None


def start(character_id: str) -> Practice:
    """A fresh practice with this character, at the first step."""
    if character_id not in CHARACTER_IDS:
        raise CharacterError(f"no character '{character_id}'")
    return Practice(character_id)


def move(practice: Practice, character: Character, what: Move) -> Outcome:
    """Carry out one move on the card."""
    if what is Move.ANOTHER:
        return Outcome(replace(practice, question=practice.question + 1))
    if what is Move.NEXT:
        if practice.last_step:
            return Outcome(None)
        following = PRACTICE_STEPS[PRACTICE_STEPS.index(practice.step) + 1]
        return Outcome(Practice(practice.character, following))
    replies = character.replies[practice.step]
    if practice.heard >= len(replies):
        return Outcome(practice, said_all=True)
    heard = practice.heard + 1
    after = replace(practice, heard=heard, question=practice.question + 1)
    return Outcome(after, replies[practice.heard], said_all=heard >= len(replies))


def step_number(practice: Practice) -> int:
    """The step's number in the practice, from 1."""
    return PRACTICE_STEPS.index(practice.step) + 1


def may_join_pool(*, required: bool, practised: bool) -> bool:
    """Whether a student may opt in to pairing: always, unless their class asks for a practice
    first and they have not finished one yet."""
    return practised or not required
