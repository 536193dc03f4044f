"""The stuck-moment help as data: both languages complete, and a broken file named by line."""

from __future__ import annotations

import pytest

from flows.stuck import (
    LABEL_LIMIT,
    STUCK_DIR,
    STUCK_LANGUAGES,
    Situation,
    StuckError,
    load_stuck,
    parse_stuck,
)


@pytest.mark.parametrize("language", STUCK_LANGUAGES)
def test_every_situation_has_two_or_three_moves_and_a_question(language: str) -> None:
    script = load_stuck(language)
    assert list(script.situations) == list(Situation)
    for help_ in script.situations.values():
        assert 2 <= len(help_.moves) <= 3
        assert help_.question.endswith("?")
        assert len(help_.label) <= LABEL_LIMIT and "<" not in help_.label  # a plain button label


def test_the_languages_say_different_words_for_the_same_situations() -> None:
    dutch, english = load_stuck("nl"), load_stuck("en")
    for situation in Situation:
        assert dutch.situations[situation].question != english.situations[situation].question


def test_a_broken_file_is_told_with_its_line() -> None:
    text = (STUCK_DIR / "en.toml").read_text(encoding="utf-8")
    broken = text.replace('question = "What would make it easier to talk about this?"', "")
    broken = broken.replace("[situations.upset]", "[situations.upset]\nhint = 'typo'")
    with pytest.raises(StuckError) as raised:
        parse_stuck(broken, language="en", source="stuck/en.toml")
    message = str(raised.value)
    assert "situations.quiet.question: missing" in message
    assert "situations.upset.hint: unknown key" in message
    assert "stuck/en.toml, line " in message


def test_a_move_list_of_one_is_refused() -> None:
    text = (STUCK_DIR / "nl.toml").read_text(encoding="utf-8")
    start = text.index("moves = [", text.index("[situations.upset]"))
    end = text.index("]", start)
    with pytest.raises(StuckError, match=r"situations\.upset\.moves: needs at least 2"):
        parse_stuck(
            text[:start] + 'moves = ["Luister."]' + text[end + 1 :], language="nl", source="x"
        )
