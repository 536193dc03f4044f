"""The practice conversation: scripted characters in both languages and the moves on the card."""

from __future__ import annotations

import pytest

from flows.onboarding import LANGUAGES
from flows.practice import (
    CHARACTER_IDS,
    PRACTICE_STEPS,
    CharacterError,
    Move,
    characters,
    load_character,
    may_join_pool,
    move,
    start,
    step_number,
    validate_all,
)
from flows.trajectory.steps import Step


def test_several_characters_per_language_with_the_same_shape() -> None:
    validate_all()
    for language in LANGUAGES:
        loaded = characters(language)
        assert [c.id for c in loaded] == list(CHARACTER_IDS) and len(loaded) >= 3
        assert all(12 <= c.age <= 18 and c.situation for c in loaded)
    assert load_character("exam_stress", "nl").topic == "📚 Toetsstress"
    assert load_character("exam_stress", "en").name == "Noa"


def test_an_unknown_character_is_refused() -> None:
    with pytest.raises(CharacterError):
        load_character("dragon", "nl")
    with pytest.raises(CharacterError):
        start("dragon")


def test_asking_brings_the_replies_in_order_until_all_is_said() -> None:
    noa = load_character("exam_stress", "en")
    practice = start("exam_stress")
    heard = []
    for _ in noa.replies[Step.CONTACT]:
        outcome = move(practice, noa, Move.ASK)
        assert outcome.practice is not None and outcome.reply is not None
        heard.append(outcome.reply)
        practice = outcome.practice
    assert tuple(heard) == noa.replies[Step.CONTACT] and outcome.said_all
    again = move(practice, noa, Move.ASK)
    assert (again.practice, again.reply, again.said_all) == (practice, None, True)


def test_another_question_and_the_version_of_a_card() -> None:
    noa = load_character("exam_stress", "nl")
    practice = start("exam_stress")
    other = move(practice, noa, Move.ANOTHER).practice
    assert other is not None and other.question == 1 and other.version != practice.version


def test_next_walks_four_steps_and_finishes_after_closing() -> None:
    sem = load_character("sports_goal", "nl")
    practice = start("sports_goal")
    walked = [practice.step]
    while True:
        outcome = move(practice, sem, Move.NEXT)
        if outcome.finished:
            break
        assert outcome.practice is not None
        practice = outcome.practice
        assert (practice.heard, practice.question) == (0, 0)
        walked.append(practice.step)
    assert tuple(walked) == PRACTICE_STEPS
    assert step_number(practice) == 4 and practice.last_step


def test_a_class_that_practises_first_lets_only_those_who_practised_join_the_pool() -> None:
    assert may_join_pool(required=False, practised=False)
    assert may_join_pool(required=True, practised=True)
    assert not may_join_pool(required=True, practised=False)
