"""Every text key the room uses exists in Dutch and English, and the diagram is up to date."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.i18n import shared_texts
from flows.protocols import LANGUAGES
from flows.room import ROOM_TEXT_KEYS, room_markdown

ROOM_SOURCES = Path(__file__).resolve().parents[2] / "flows" / "room"


def room_keys() -> set[str]:
    """The keys of flows' room texts (the bot's own room texts are 'rooms.*')."""
    return {key for key in shared_texts().known_keys() if key.startswith("room.")}


def test_every_room_text_key_exists_and_nothing_else() -> None:
    assert room_keys() == set(ROOM_TEXT_KEYS)


def test_texts_only_use_the_parameters_the_code_gives() -> None:
    for key in room_keys():
        unknown = shared_texts().variables(key) - ROOM_TEXT_KEYS[key]
        assert not unknown, f"{key} uses {sorted(unknown)}"


def test_every_key_written_in_the_room_code_is_registered() -> None:
    literal = re.compile(r"\"(room\.[a-z_]+\.[a-z_.]+)\"")
    used = {
        key
        for path in ROOM_SOURCES.glob("*.py")
        if path.name != "texts.py"  # the registry itself, built from prefixes
        for key in literal.findall(path.read_text(encoding="utf-8"))
    }
    assert used, "the scan found no keys at all"
    assert used <= set(ROOM_TEXT_KEYS), sorted(used - set(ROOM_TEXT_KEYS))


@pytest.mark.parametrize("language", LANGUAGES)
def test_button_labels_fit_on_a_phone(language: str) -> None:
    for key in (k for k in ROOM_TEXT_KEYS if k.startswith("room.action.")):
        label = shared_texts().plain(language, key)
        assert len(label) <= 24, f"{language}: {key} is too long for a button"


def test_the_committed_diagram_is_fresh() -> None:
    committed = Path(__file__).resolve().parents[2] / "flows" / "room.md"
    assert committed.read_text(encoding="utf-8") == room_markdown(), (
        "flows/room.md is stale: run `.venv/bin/python -m flows.diagram`"
    )
