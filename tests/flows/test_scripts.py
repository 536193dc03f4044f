"""Coaching scripts: both languages complete and alike, custom scripts checked line by line."""

from __future__ import annotations

import shutil
import tomllib
from pathlib import Path

import pytest

from flows.scripts import (
    LABEL_LIMIT,
    PROMPT_LIMIT,
    SCRIPT_LANGUAGES,
    SCRIPTS_DIR,
    SECTIONS,
    STEP_THEMES,
    ScriptError,
    Scripts,
    load_custom_script,
    load_scripts,
)
from flows.trajectory import (
    NOTE_RULES,
    CoachRole,
    ContractItemKey,
    ReflectionQuestion,
    Step,
    TensionField,
)


def key_paths(value: object, prefix: tuple[str, ...] = ()) -> set[tuple[str, ...]]:
    """Every key path of a parsed TOML document; lists count as leaves."""
    if not isinstance(value, dict):
        return {prefix}
    paths: set[tuple[str, ...]] = set()
    for key, child in value.items():
        paths |= key_paths(child, (*prefix, key))
    return paths


def buttons(scripts: Scripts) -> list[str]:
    """Every text that ends up on a button."""
    labels = [theme.title for step in scripts.steps.values() for theme in step.themes]
    labels += [s for item in scripts.contract.items.values() for s in item.suggestions]
    labels += [scripts.contract.agree, scripts.contract.own_answer, scripts.contract.still_works]
    labels += [scripts.click.yes, scripts.click.no]
    labels += [role.name for role in scripts.reflection.roles.values()]
    labels += [
        p for poles in scripts.reflection.tensions.values() for p in (poles.left, poles.right)
    ]
    return labels


@pytest.mark.parametrize("language", SCRIPT_LANGUAGES)
def test_every_step_role_and_theme_is_scripted(language: str) -> None:
    scripts = load_scripts(language)
    assert scripts.language == language
    for step, themes in STEP_THEMES.items():
        script = scripts.step(step)
        assert [theme.key for theme in script.themes] == list(themes)
        assert all(4 <= len(theme.questions) <= 8 for theme in script.themes)
        assert script.coach_intro and script.coachee_intro and script.observer_prompts
    assert set(scripts.contract.items) == set(ContractItemKey)
    assert all(2 <= len(item.suggestions) <= 4 for item in scripts.contract.items.values())
    assert set(scripts.reflection.roles) == set(CoachRole)
    assert set(scripts.reflection.tensions) == set(TensionField)
    assert set(scripts.reflection.questions) == set(ReflectionQuestion)
    assert set(scripts.observer.prompts) == set(Step) - {Step.CLOSED, Step.DISSOLVED}


@pytest.mark.parametrize("language", SCRIPT_LANGUAGES)
def test_texts_fit_in_a_message_and_labels_on_a_button(language: str) -> None:
    scripts = load_scripts(language)
    assert all(0 < len(label) <= LABEL_LIMIT for label in buttons(scripts))
    prompts = [q for s in scripts.steps.values() for t in s.themes for q in t.questions]
    prompts += [p for s in scripts.steps.values() for p in s.prompts.values()]
    assert all(0 < len(prompt) <= PROMPT_LIMIT for prompt in prompts)


def test_dutch_and_english_have_the_same_keys() -> None:
    for section in SECTIONS:
        dutch, english = (
            tomllib.loads((SCRIPTS_DIR / language / f"{section}.toml").read_text("utf-8"))
            for language in ("nl", "en")
        )
        assert key_paths(dutch) == key_paths(english), section


def test_dutch_and_english_differ_in_their_words() -> None:
    dutch, english = load_scripts("nl"), load_scripts("en")
    assert dutch.step(Step.GOAL).coach_intro != english.step(Step.GOAL).coach_intro
    assert dutch.click.yes == "Ja, het klikt" and english.click.yes == "Yes, it clicks"


@pytest.mark.parametrize("language", SCRIPT_LANGUAGES)
def test_every_note_the_coachee_can_write_has_a_prompt(language: str) -> None:
    scripts = load_scripts(language)
    for topic, (steps, _owner) in NOTE_RULES.items():
        assert any(topic.value in scripts.step(step).prompts for step in steps), topic


def test_default_scripts_are_loaded_once() -> None:
    assert load_scripts("nl") is load_scripts("nl")


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="choose one of nl, en"):
        load_scripts("fr")


def test_a_custom_script_overrides_only_what_it_names() -> None:
    custom = load_custom_script(
        '[goal.coach]\nintro = "Bij ons start elk doel met een wens."\n'
        "[contract.items.rhythm]\n"
        'suggestions = ["Elke maandag", "Elke vrijdag"]\n',
        "nl",
    )
    default = load_scripts("nl")
    assert custom.step(Step.GOAL).coach_intro == "Bij ons start elk doel met een wens."
    assert custom.contract.items[ContractItemKey.RHYTHM].suggestions == (
        "Elke maandag",
        "Elke vrijdag",
    )
    assert custom.step(Step.GOAL).themes == default.step(Step.GOAL).themes
    assert custom.step(Step.PATH) == default.step(Step.PATH)


BROKEN = '''# Our cohort's script
[goal.coach]
intro = """
Een intro over
meerdere regels.
"""

[goal.coach.themes.dream]
title = "Een titel die veel te lang is voor een knop op de telefoon"
quesions = ["Waar droom je van?"]

[path.coach.themes.better]
questions = [
    "Wat ging beter?",
    "   ",
    "Hoe deed je dat?",
    "Wie merkte het?",
]

[contract.items.period]
suggestions = ["Dit semester"]

[reflection]
intro = 7

[holiday]
greeting = "Fijne vakantie"
'''


def test_a_broken_custom_script_names_every_line_at_fault() -> None:
    with pytest.raises(ScriptError) as error:
        load_custom_script(BROKEN, "nl")
    found = {(p.source, p.line, p.message) for p in error.value.problems}
    assert found == {
        ("custom script", 9, "goal.coach.themes.dream.title: is 58 characters; at most 40 fit"),
        (
            "custom script",
            10,
            "goal.coach.themes.dream.quesions: unknown key; expected one of: title, questions",
        ),
        ("custom script", 15, "item 2 of path.coach.themes.better.questions: is empty"),
        ("custom script", 21, "contract.items.period.suggestions: needs at least 2, found 1"),
        ("custom script", 24, "reflection.intro: must be text in quotes, found a number"),
        (
            "custom script",
            26,
            "holiday: unknown key; expected one of: contact, contract, goal, route, path, "
            "closing, reflection, observer",
        ),
    }
    assert str(error.value).startswith("custom script, line 9: ")


def test_a_custom_script_with_bad_toml_names_the_line() -> None:
    with pytest.raises(ScriptError) as error:
        load_custom_script('[goal.coach]\nintro = "Open string\n\n[path]\n', "nl")
    (problem,) = error.value.problems
    assert (problem.source, problem.line) == ("custom script", 2)
    assert problem.message.startswith("not valid TOML")


def test_an_empty_custom_script_is_refused() -> None:
    with pytest.raises(ScriptError, match="the script is empty"):
        load_custom_script("# nothing here yet\n", "en")


def test_a_broken_default_file_names_its_file_and_line(tmp_path: Path) -> None:
    shutil.copytree(SCRIPTS_DIR, tmp_path, dirs_exist_ok=True)
    goal = tmp_path / "en" / "goal.toml"
    text = goal.read_text("utf-8")
    header = "[coach.themes.miracle]"
    header_line = text[: text.index(header)].count("\n") + 1
    start = text.index(header)
    end = text.index("[coach.themes.scaling]")
    goal.write_text(text[:start] + header + '\ntitle = "The miracle"\n\n' + text[end:], "utf-8")
    (tmp_path / "en" / "observer.toml").unlink()
    with pytest.raises(ScriptError) as error:
        load_scripts("en", path=tmp_path)
    assert [str(p) for p in error.value.problems] == [
        f"en/goal.toml, line {header_line}: coach.themes.miracle.questions: missing",
        f"en/observer.toml: file not found in {tmp_path / 'en'}",
    ]
    assert load_scripts("nl", path=tmp_path).language == "nl"
