"""Looking back, card by card: the order of the cards, what a press or answer changes, and
what is stored at the end (no database)."""

from __future__ import annotations

from datetime import UTC, datetime

from flows.trajectory import CoachRole, TensionField, Trajectory
from flows.trajectory.checks import TEXT_LIMIT
from flows.trajectory.effects import Outcome, Refused, Say, Store
from flows.trajectory.model import Meeting
from flows.trajectory.reflecting import (
    FIELDS,
    QUESTIONS,
    Draft,
    answer,
    choose_role,
    finish,
    place,
    skip,
)

NOW = datetime(2026, 3, 2, 15, 0, tzinfo=UTC)
ONE_CONVERSATION = Trajectory(meetings=(Meeting(NOW, True),))


def _coach_at_the_questions() -> Draft:
    draft = choose_role(Draft(observer=False), CoachRole.SUPPORTER.value)
    assert draft is not None
    for field in FIELDS:
        placed = place(draft, field.value, 3)
        assert placed is not None
        draft = placed
    return draft


def test_a_coach_picks_a_role_places_every_field_then_answers() -> None:
    draft = Draft(observer=False)
    assert draft.role is None and answer(draft, "too soon") == Refused("trajectory.use_buttons")
    assert choose_role(draft, "no such role") is None
    draft = _coach_at_the_questions()
    assert draft.next_field is None and draft.question_index == 0
    assert place(draft, FIELDS[0].value, 4) is None  # placed already: a stale press
    answered = answer(draft, "  Ze   kwam zelf met ideeën ")
    assert isinstance(answered, Draft)
    assert answered.answers == {QUESTIONS[0]: "Ze kwam zelf met ideeën"}


def test_a_long_answer_is_refused_whole_and_a_skip_counts_only_for_the_current_question() -> None:
    draft = _coach_at_the_questions()
    assert answer(draft, "x" * (TEXT_LIMIT + 1)) == Refused(
        "trajectory.too_long_note", {"limit": TEXT_LIMIT}
    )
    assert skip(draft, 1) is None  # a press on a later card
    skipped = skip(draft, 0)
    assert skipped is not None and skipped.question_index == 1


def test_the_draft_survives_the_awaited_inputs_json() -> None:
    draft = _coach_at_the_questions()
    answered = answer(draft, "Goed luisteren")
    assert isinstance(answered, Draft)
    assert Draft.read("reflect", answered.data()) == answered


def test_a_complete_reflection_is_stored_once() -> None:
    draft = _coach_at_the_questions()
    for number in range(len(QUESTIONS)):
        step = skip(draft, number) if number == 1 else answer(draft, f"antwoord {number}")
        assert isinstance(step, Draft)
        draft = step
    assert draft.complete
    outcome = finish(ONE_CONVERSATION, draft, NOW)
    assert isinstance(outcome, Outcome)
    stored, said = outcome.effects
    assert isinstance(stored, Store) and said == Say("trajectory.reflect_saved")
    (reflection,) = stored.trajectory.reflections
    assert reflection.role is CoachRole.SUPPORTER and len(reflection.answers) == 4
    assert reflection.tensions == dict.fromkeys(TensionField, 3)
    assert finish(stored.trajectory, draft, NOW) == Refused("trajectory.reflect_done_before")


def test_an_observer_answers_the_questions_only_and_must_say_something() -> None:
    draft = Draft(observer=True)
    assert draft.next_field is None and choose_role(draft, CoachRole.SUPPORTER.value) is None
    for number in range(len(QUESTIONS)):
        skipped = skip(draft, number)
        assert skipped is not None
        draft = skipped
    assert finish(ONE_CONVERSATION, draft, NOW) == Refused("trajectory.observe_empty")
