"""Serious words: a small, reviewed list per language (data files beside this module).

A match only prompts the writer with the help card; the text itself is looked at in memory and
never kept. An entry ending in `*` matches any word starting with it; spaces match any spacing.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

FOLDER = Path(__file__).with_name("words")
TOPICS = ("self_harm", "suicide", "abuse", "violence_at_home")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'"})


@dataclass(frozen=True, slots=True)
class WordList:
    """Every language's entries in one compiled pattern."""

    pattern: re.Pattern[str]
    entries: tuple[str, ...]


def _entry_pattern(entry: str) -> str:
    entry = entry.strip().lower().translate(_APOSTROPHES)
    prefix = entry.endswith("*")
    words = [re.escape(word) for word in entry.rstrip("*").split()]
    body = r"\s+".join(words)
    return rf"(?<!\w){body}\w*" if prefix else rf"(?<!\w){body}(?!\w)"


def parse_words(text: str) -> tuple[str, ...]:
    """The entries of one language's file: a list under each topic, nothing else."""
    data = tomllib.loads(text)
    unknown = set(data) - set(TOPICS)
    if unknown:
        raise ValueError(f"unknown topics in the word list: {sorted(unknown)}")
    entries: list[str] = []
    for topic in TOPICS:
        listed = data.get(topic, {}).get("words", [])
        if not listed or not all(isinstance(word, str) and word.strip() for word in listed):
            raise ValueError(f"topic {topic} needs a list of words")
        entries.extend(listed)
    return tuple(entries)


@cache
def load_words(folder: Path = FOLDER) -> WordList:
    """Every language's list in one pattern: a Dutch student may write English, and back."""
    entries: list[str] = []
    for path in sorted(folder.glob("*.toml")):
        entries.extend(parse_words(path.read_text("utf-8")))
    pattern = re.compile("|".join(_entry_pattern(e) for e in entries), re.IGNORECASE)
    return WordList(pattern, tuple(entries))


def serious(text: str, words: WordList | None = None) -> bool:
    """Whether the text holds a word from the list (case, apostrophes and spacing aside)."""
    found = (words or load_words()).pattern.search(text.translate(_APOSTROPHES))
    return found is not None


def nudge_scope(match_id: int, conversations: int) -> str:
    """The conversation of a match in which the help card is shown once."""
    return f"match:{match_id}:{conversations}"


def scopes_of_match(match_id: int) -> str:
    """A SQL LIKE pattern for every conversation scope of one match."""
    return f"match:{match_id}:%"
