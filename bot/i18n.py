"""User-facing texts per language: Fluent files, loaded once and checked for matching keys.

Every language has a folder under `bot/texts/` with one `.ftl` file per feature. Code looks a
text up by its dotted key, say `room.prompt.your_turn`; Fluent identifiers cannot contain dots,
so in the files each dot is written as a hyphen (`room-prompt-your_turn`). Keys never contain
hyphens themselves, which keeps the mapping reversible (`fluent_id` and `text_key`).

Texts come in two kinds. Messages are Telegram HTML: `Texts.get` escapes the parameters
(unless wrapped in `Html`). Button labels, callback answers and command descriptions are plain
text that Telegram shows as typed: `Texts.plain` leaves the parameters alone and refuses a
text that contains markup.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from fluent.runtime import FluentBundle
from fluent.runtime.types import fluent_number
from fluent.syntax import FluentParser
from fluent.syntax import ast as ftl

from flows.onboarding import LANGUAGES as LANGUAGES  # the languages texts are kept in

TEXTS_DIR = Path(__file__).parent / "texts"

_FLUENT_ID = re.compile(r"^[a-z][a-z0-9_]*(-[a-z0-9_]+)*$")
# An HTML tag or entity: such a text is a message, never a plain label.
_MARKUP = re.compile(r"<[a-zA-Z/]|&(#?[a-zA-Z0-9]+);")


class Html(str):
    """A parameter that is already valid Telegram HTML and must not be escaped again."""

    __slots__ = ()


class TextsError(Exception):
    """The text files disagree or a key is missing; the message names the key and file."""


def fluent_id(key: str) -> str:
    """The Fluent identifier of a dotted text key: 'room.prompt.x' -> 'room-prompt-x'."""
    return key.replace(".", "-")


def text_key(identifier: str) -> str:
    """The dotted text key of a Fluent identifier: 'room-prompt-x' -> 'room.prompt.x'."""
    return identifier.replace("-", ".")


@dataclass(frozen=True, slots=True)
class _Text:
    """What load learned about one message: its file, variables and whether it has markup."""

    path: Path
    variables: frozenset[str]
    markup: bool


class _Catalog:
    """One language: a Fluent bundle and what each of its texts needs."""

    def __init__(self, language: str) -> None:
        # Bidi isolation marks around parameters show up as junk in Telegram.
        self.bundle = FluentBundle([language], use_isolating=False)
        self.texts: dict[str, _Text] = {}

    def add_file(self, path: Path) -> None:
        source = path.read_text("utf-8")
        resource = FluentParser().parse(source)
        for entry in resource.body:
            if isinstance(entry, ftl.Junk):
                line = source.count("\n", 0, entry.span.start if entry.span else 0) + 1
                broken = (entry.content or "").strip()
                raise TextsError(f"{path}:{line}: not valid Fluent: {broken!r}")
            if isinstance(entry, ftl.Term):
                raise TextsError(f"{path}: use messages only, not the term -{entry.id.name}")
            if isinstance(entry, ftl.Message):
                self._add_message(path, entry)
        self.bundle.add_resource(resource)

    def _add_message(self, path: Path, message: ftl.Message) -> None:
        identifier = message.id.name
        key = text_key(identifier)
        if not _FLUENT_ID.match(identifier):
            raise TextsError(f"{path}: '{identifier}' is not a text key written with hyphens")
        if message.value is None:
            raise TextsError(f"{path}: text '{key}' has no value")
        if key in self.texts:
            raise TextsError(f"text '{key}' is defined twice in {path.parent.name}/")
        literal = "".join(_literals(message.value))
        variables = frozenset(_variables(message.value))
        self.texts[key] = _Text(path, variables, bool(_MARKUP.search(literal)))


def _nodes(node: Any) -> Iterator[Any]:
    """Every node below a Fluent syntax node."""
    yield node
    for value in vars(node).values():
        children = value if isinstance(value, list) else [value]
        for child in children:
            if isinstance(child, ftl.SyntaxNode) and not isinstance(child, ftl.Span):
                yield from _nodes(child)


def _variables(pattern: ftl.Pattern) -> Iterator[str]:
    return (n.id.name for n in _nodes(pattern) if isinstance(n, ftl.VariableReference))


def _literals(pattern: ftl.Pattern) -> Iterator[str]:
    return (n.value for n in _nodes(pattern) if isinstance(n, ftl.TextElement))


def _read_language(folder: Path) -> _Catalog:
    """All texts of one language; a key defined in two files is an error."""
    catalog = _Catalog(folder.name)
    for path in sorted(folder.glob("*.ftl")):
        catalog.add_file(path)
    if not catalog.texts:
        raise TextsError(f"no texts found in {folder}")
    return catalog


class Texts:
    """Looks up a text by key and language and fills in its parameters."""

    def __init__(self, catalogs: dict[str, _Catalog]) -> None:
        self.catalogs = catalogs
        self._first = next(iter(catalogs.values()))

    @classmethod
    def load(cls, directory: Path = TEXTS_DIR, languages: tuple[str, ...] = LANGUAGES) -> Texts:
        """Read every language (one folder each, a file per feature) and check they agree."""
        catalogs = {lang: _read_language(directory / lang) for lang in languages}
        first, *others = languages
        for other in others:
            base, texts = catalogs[first].texts, catalogs[other].texts
            for missing in sorted(set(base) ^ set(texts)):
                where, found = (other, base) if missing in base else (first, texts)
                raise TextsError(
                    f"text '{missing}' is missing in {where}/ (it is in {found[missing].path})"
                )
            for key, text in base.items():
                if text.variables != texts[key].variables:
                    raise TextsError(
                        f"text '{key}' has different variables in {texts[key].path} "
                        f"({sorted(texts[key].variables)}) than in {text.path}"
                    )
        return cls(catalogs)

    def known_keys(self) -> frozenset[str]:
        """Every text key (the same in every language, as load checked)."""
        return frozenset(self._first.texts)

    def has(self, key: str) -> bool:
        """Whether a key exists (in every language, as load checked)."""
        return key in self._first.texts

    def variables(self, key: str) -> frozenset[str]:
        """The variables a text expects (the same in every language, as load checked)."""
        return self._first.texts[key].variables

    def is_markup(self, key: str) -> bool:
        """Whether a text contains HTML tags or entities (in any language)."""
        return any(catalog.texts[key].markup for catalog in self.catalogs.values())

    def get(self, language: str, key: str, **params: object) -> str:
        """A message as Telegram HTML, with parameters escaped unless marked Html."""
        values = {name: _fluent_value(value, escape=True) for name, value in params.items()}
        return self._format(language, key, values)

    def plain(self, language: str, key: str, **params: object) -> str:
        """A plain text (button label, callback answer, command), parameters as they are."""
        if self.is_markup(key):
            raise TextsError(f"text '{key}' contains HTML and cannot be used as plain text")
        values = {name: _fluent_value(value, escape=False) for name, value in params.items()}
        return self._format(language, key, values)

    def _format(self, language: str, key: str, values: dict[str, Any]) -> str:
        catalog = self.catalogs.get(language) or self._first
        pattern = catalog.bundle.get_message(fluent_id(key)).value if key in catalog.texts else None
        if pattern is None:  # load refused messages without a value
            raise KeyError(key)
        # Fluent refuses placeables over 2,500 characters (a guard against runaway expansion);
        # people's own texts can be longer, escaped even more: they go in after formatting.
        long_values = {
            name: value
            for name, value in values.items()
            if isinstance(value, str) and len(value) > _LONG_VALUE
        }
        markers = {name: f"\ue000{index}\ue001" for index, name in enumerate(long_values)}
        text, errors = catalog.bundle.format_pattern(pattern, {**values, **markers})
        if errors:
            raise TextsError(f"text '{key}' in {language}: {'; '.join(map(str, errors))}")
        text = str(text)
        for name, marker in markers.items():
            text = text.replace(marker, long_values[name])
        return text


# Parameters longer than this are filled in after Fluent formatted the rest (see _format).
_LONG_VALUE = 1000


def _fluent_value(value: object, *, escape: bool) -> Any:
    """A parameter as Fluent wants it: whole numbers stay numbers, so plurals can select."""
    if isinstance(value, int) and not isinstance(value, bool):
        return fluent_number(value, useGrouping=False)
    if isinstance(value, Html) or not escape:
        return str(value)
    return html.escape(str(value), quote=False)


@cache
def shared_texts() -> Texts:
    """The texts of this process, read from disk once."""
    return Texts.load()
