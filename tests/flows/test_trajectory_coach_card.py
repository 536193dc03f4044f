"""Which suggested question the coach's card shows, and where "another question" and "another
theme" lead, also when a cohort's own script has fewer themes or questions than stored."""

from __future__ import annotations

from flows.trajectory.coach_card import another_question, next_theme, on_card

SIZES = [3, 2]  # two themes: three questions, then two


def test_another_question_walks_through_a_theme_and_on_to_the_next() -> None:
    assert another_question(SIZES, 0, 0) == (0, 1)
    assert another_question(SIZES, 0, 2) == (1, 0)
    assert another_question(SIZES, 1, 1) == (0, 0)  # after the last theme, back to the first


def test_another_theme_starts_at_its_first_question() -> None:
    assert next_theme(SIZES, 0, 2) == (1, 0)
    assert next_theme(SIZES, 1, 0) == (0, 0)


def test_stored_places_beyond_a_shorter_script_wrap_around() -> None:
    assert on_card(SIZES, 3, 4) == (1, 0)
    assert another_question(SIZES, 2, 5) == (1, 0)
