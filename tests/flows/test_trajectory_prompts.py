"""The capture table: the notebook, the coach's write-down buttons, the note rules and the
script schema all follow from one entry per prompt."""

from __future__ import annotations

from flows.scripts import STEP_PROMPTS, STEP_THEMES, load_scripts
from flows.trajectory import (
    CAPTURES,
    NOTE_RULES,
    NOTEBOOK,
    SKIPPABLE,
    THEME_CAPTURES,
    NoteTopic,
    Party,
    Step,
    Takes,
)
from flows.trajectory.prompts import awaited_kind


def test_every_free_text_prompt_is_a_note_topic_and_nothing_else_is() -> None:
    notes = {p.key for p in CAPTURES if p.takes is Takes.NOTE}
    assert {topic.value for topic in NoteTopic} == notes
    assert NoteTopic("learned").value == "learned"


def test_the_notebook_lists_a_steps_prompts_in_order_without_the_date_question() -> None:
    assert NOTEBOOK[Step.ROUTE] == ("start_situation", "stage", "small_step", "alternative_route")
    assert "small_step_date" in STEP_PROMPTS[Step.ROUTE]


def test_a_coach_theme_asks_for_a_prompt_of_its_own_step() -> None:
    for step, themes in THEME_CAPTURES.items():
        assert set(themes) <= set(STEP_THEMES[step])
        assert set(themes.values()) <= set(NOTEBOOK[step])
    assert THEME_CAPTURES[Step.GOAL]["instead"] == "goal"


def test_note_rules_keep_an_alternative_route_on_the_path_and_let_both_write_it() -> None:
    assert NOTE_RULES[NoteTopic("alternative_route")] == ((Step.ROUTE, Step.PATH), Party.ANY)
    assert NOTE_RULES[NoteTopic("dream")] == ((Step.GOAL,), Party.COACHEE)


def test_only_what_was_learned_cannot_be_skipped_at_the_close() -> None:
    assert set(NOTEBOOK[Step.CLOSING]) - SKIPPABLE == {"learned"}


def test_every_prompt_of_the_table_is_written_in_the_default_scripts() -> None:
    for language in ("nl", "en"):
        scripts = load_scripts(language)
        for prompt in CAPTURES:
            assert scripts.step(prompt.step).prompt(prompt.key)


def test_the_table_says_which_answer_a_typed_text_is() -> None:
    assert awaited_kind("dream") == "note:dream"
    assert awaited_kind("next_step") == awaited_kind("small_step") == "step_text"
    assert awaited_kind("goal") == "goal" and awaited_kind("stage") == "stage"
