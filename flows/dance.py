"""The dance check: after a conversation both partners answer three taps privately (who led,
did the rhythm suit you, did you feel heard); at the next start the two answers come back
side by side, with a question to open with. Nothing of it is ever for staff."""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import timedelta

# Asked a little after the conversation ends: the after-care cards come first, and a moment
# later the two have some distance to say how the dance felt.
DANCE_DELAY = timedelta(minutes=10)
DANCE_TIMER = "dance_check"


class Question(enum.StrEnum):
    """The three taps, in the order they are asked."""

    LED = "led"
    RHYTHM = "rhythm"
    HEARD = "heard"


# The options of each question, in button order; the middle one is "together" or "just right".
OPTIONS: Mapping[Question, tuple[str, ...]] = {
    Question.LED: ("me", "other", "together"),
    Question.RHYTHM: ("fast", "right", "slow"),
    Question.HEARD: ("yes", "partly", "no"),
}
QUESTIONS = tuple(Question)


@dataclass(frozen=True, slots=True)
class Next:
    """Answers so far are fine: ask this question next."""

    question: Question
    given: Mapping[Question, str]


@dataclass(frozen=True, slots=True)
class Done:
    """All three taps are in."""

    given: Mapping[Question, str]


def tap(given: Mapping[str, str], question: object, value: object) -> Next | Done | None:
    """One tap on a question's option; None when it does not fit (an old or forged button)."""
    known = _valid(given)
    if known is None or len(known) == len(QUESTIONS):
        return None
    expected = QUESTIONS[len(known)]
    if question != expected.value or value not in OPTIONS[expected]:
        return None
    answers = {**known, expected: str(value)}
    if len(answers) == len(QUESTIONS):
        return Done(answers)
    return Next(QUESTIONS[len(answers)], answers)


def first() -> Next:
    """The first question, nothing answered yet."""
    return Next(QUESTIONS[0], {})


def _valid(given: Mapping[str, str]) -> dict[Question, str] | None:
    """The answers carried by a button, in question order, or None when they make no sense."""
    answers: dict[Question, str] = {}
    for question in QUESTIONS[: len(given)]:
        value = given.get(question.value)
        if value not in OPTIONS[question]:
            return None
        answers[question] = value
    return answers if len(answers) == len(given) else None


@dataclass(frozen=True, slots=True)
class Answer:
    """One person's three taps about one conversation; `partner` is the other one in it."""

    person: int
    partner: int
    led: str
    rhythm: str
    heard: str

    def leader(self) -> int | None:
        """Whom this person saw leading: an id, or None for "together"."""
        return {"me": self.person, "other": self.partner}.get(self.led)


class Opener(enum.StrEnum):
    """The question the pair opens the next conversation with, after seeing both answers."""

    NOT_HEARD = "not_heard"  # someone did not (fully) feel heard: that comes first
    RHYTHM = "rhythm"  # someone found the pace too fast or too slow
    DIFFERENT = "different"  # they saw who led differently
    ALONE = "alone"  # only one of them answered
    IN_STEP = "in_step"  # the same picture, and it suited both


def opener(answers: Sequence[Answer]) -> Opener | None:
    """What to open with: the most pressing difference first; None when nobody answered."""
    if not answers:
        return None
    if any(a.heard != "yes" for a in answers):
        return Opener.NOT_HEARD
    if any(a.rhythm != "right" for a in answers):
        return Opener.RHYTHM
    if len(answers) == 1:
        return Opener.ALONE
    if len({a.leader() for a in answers}) > 1:
        return Opener.DIFFERENT
    return Opener.IN_STEP


def latest(conversations: Sequence[tuple[object, Sequence[Answer]]]) -> Sequence[Answer]:
    """The answers about the most recent conversation that has any (oldest first in)."""
    for _, answers in reversed(conversations):
        if answers:
            return answers
    return ()


def shown_to(answers: Sequence[Answer], members: Sequence[int]) -> list[int]:
    """Who sees the answers side by side: the two of that conversation still in the match."""
    people = {a.person for a in answers} | {a.partner for a in answers}
    return [m for m in members if m in people]
