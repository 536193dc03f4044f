"""User-facing texts per language, loaded from data files and checked for matching keys."""

from __future__ import annotations

import html
import string
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from flows.onboarding import LANGUAGES as LANGUAGES  # the languages texts are kept in

TEXTS_DIR = Path(__file__).parent / "texts"


class Html(str):
    """A parameter that is already valid Telegram HTML and must not be escaped again."""

    __slots__ = ()


class TextsError(Exception):
    """The text files disagree or a key is missing; the message names the key and file."""


def _flatten(table: Mapping[str, Any], prefix: str = "") -> dict[str, str]:
    flat: dict[str, str] = {}
    for key, value in table.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            flat.update(_flatten(value, f"{name}."))
        else:
            flat[name] = str(value)
    return flat


def _read_language(folder: Path) -> dict[str, str]:
    """All texts of one language; a key defined in two files is an error."""
    merged: dict[str, str] = {}
    for path in sorted(folder.glob("*.toml")):
        for key, text in _flatten(tomllib.loads(path.read_text("utf-8"))).items():
            if key in merged:
                raise TextsError(f"text '{key}' is defined twice in {folder.name}/")
            merged[key] = text
    if not merged:
        raise TextsError(f"no texts found in {folder}")
    return merged


def _placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field}


class Texts:
    """Looks up a text by key and language and fills in escaped parameters."""

    def __init__(self, catalogs: dict[str, dict[str, str]]) -> None:
        self.catalogs = catalogs

    @classmethod
    def load(cls, directory: Path = TEXTS_DIR, languages: tuple[str, ...] = LANGUAGES) -> Texts:
        """Read every language (one folder each, a file per feature) and check they agree."""
        catalogs = {lang: _read_language(directory / lang) for lang in languages}
        first, *others = languages
        for other in others:
            for missing in sorted(set(catalogs[first]) ^ set(catalogs[other])):
                where = other if missing in catalogs[first] else first
                raise TextsError(f"text '{missing}' is missing in {where}/")
            for key, text in catalogs[first].items():
                if _placeholders(text) != _placeholders(catalogs[other][key]):
                    raise TextsError(f"text '{key}' has different placeholders in {other}/")
        return cls(catalogs)

    def has(self, key: str) -> bool:
        """Whether a key exists (in every language, as load checked)."""
        return key in next(iter(self.catalogs.values()))

    def get(self, language: str, key: str, **params: object) -> str:
        """The text for a key in a language, with parameters HTML-escaped unless marked Html."""
        catalog = self.catalogs.get(language) or next(iter(self.catalogs.values()))
        template = catalog[key]
        if not params:
            return template
        safe = {
            name: value if isinstance(value, Html) else html.escape(str(value), quote=False)
            for name, value in params.items()
        }
        return template.format(**safe)
