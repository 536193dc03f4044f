"""Help for a coach in a stuck moment: per situation a few solution-focused moves and a question.

The words live in `flows/stuck/<language>.toml`, one table per situation, checked by pydantic;
every problem is reported with its line.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Annotated

from pydantic import Field, StringConstraints

from flows.datafile import DataModel, TomlSyntaxError, check, parse_toml

STUCK_DIR = Path(__file__).resolve().parent / "stuck"
STUCK_LANGUAGES = ("nl", "en")
TEXT_LIMIT = 300  # a move or a question: a sentence or two, read in the middle of a talk
LABEL_LIMIT = 40  # what still fits on an inline button on a phone


class Situation(enum.StrEnum):
    """The stuck moments the coaching model names."""

    QUIET = "quiet"
    DONT_KNOW = "dont_know"
    NO_CHOICE = "no_choice"
    WANTS_ADVICE = "wants_advice"
    OFF_TOPIC = "off_topic"
    UPSET = "upset"


Text = Annotated[
    str, StringConstraints(strict=True, strip_whitespace=True, min_length=1, max_length=TEXT_LIMIT)
]
Label = Annotated[
    str, StringConstraints(strict=True, strip_whitespace=True, min_length=1, max_length=LABEL_LIMIT)
]


class SituationData(DataModel):
    """One stuck moment: its button, how to recognise it, two or three moves, one question."""

    label: Label
    sign: Text
    moves: Annotated[tuple[Text, ...], Field(min_length=2, max_length=3)]
    question: Text


class SituationsData(DataModel):
    """Every situation, each once (the enum `Situation` names the same keys)."""

    quiet: SituationData
    dont_know: SituationData
    no_choice: SituationData
    wants_advice: SituationData
    off_topic: SituationData
    upset: SituationData


class StuckData(DataModel):
    """A language's file: the menu's words and every situation."""

    intro: Text
    situations: SituationsData


@dataclass(frozen=True)
class Help:
    """What the coach reads for one situation."""

    situation: Situation
    label: str
    sign: str
    moves: tuple[str, ...]
    question: str


@dataclass(frozen=True)
class StuckScript:
    """The menu of stuck moments in one language."""

    language: str
    intro: str
    situations: Mapping[Situation, Help]


class StuckError(ValueError):
    """A stuck-moments file that cannot be used; the message names each problem and line."""


def parse_stuck(text: str, *, language: str, source: str) -> StuckScript:
    """A stuck-moments script from TOML text; StuckError lists every problem with its line."""
    try:
        data = parse_toml(text)
    except TomlSyntaxError as error:
        raise StuckError(f"{source}, line {error.line}: {error}") from None
    valid, problems = check(StuckData, data, text)
    if valid is None:
        raise StuckError(
            "\n".join(
                f"{source}, line {p.line}: {'.'.join(map(str, p.loc))}: {p.message}"
                for p in problems
            )
        )
    dumped = valid.model_dump()
    return StuckScript(
        language,
        dumped["intro"],
        {
            situation: Help(situation, **dumped["situations"][situation.value])
            for situation in Situation
        },
    )


@cache
def load_stuck(language: str) -> StuckScript:
    """The shipped stuck-moments script of a language, read once."""
    if language not in STUCK_LANGUAGES:
        raise ValueError(f"no stuck-moment help in {language!r}")
    path = STUCK_DIR / f"{language}.toml"
    return parse_stuck(
        path.read_text(encoding="utf-8"), language=language, source=f"stuck/{language}.toml"
    )
