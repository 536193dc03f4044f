"""Structured TOML data files: parsed by tomllib, checked by pydantic, problems named by line."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError
from pydantic_core import ErrorDetails

Loc = tuple[str | int, ...]


class DataModel(BaseModel):
    """The base of every data file model: unknown keys are typos, values are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a data file: where (key path and line) and what, in plain words."""

    loc: Loc
    line: int | None
    message: str


class TomlSyntaxError(ValueError):
    """The text is not valid TOML; `line` is where tomllib gave up."""

    def __init__(self, message: str, line: int | None) -> None:
        super().__init__(message)
        self.line = line


# tomllib (Python 3.11) only gives the position inside its message.
_DECODE_POSITION = re.compile(r"\s*\(at (?:line (\d+), column \d+|end of document)\)\s*$")


def parse_toml(text: str) -> dict[str, Any]:
    """The parsed document; TomlSyntaxError with the line when it is not valid TOML."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        match = _DECODE_POSITION.search(message)
        if match is None:
            raise TomlSyntaxError(f"not valid TOML: {message}", None) from None
        line = int(match.group(1)) if match.group(1) else text.count("\n") + 1
        raise TomlSyntaxError(f"not valid TOML: {message[: match.start()]}", line) from None


def check(
    model: type[DataModel], data: object, text: str
) -> tuple[DataModel | None, list[Problem]]:
    """The validated model, or every problem pydantic finds with the line it sits on."""
    try:
        return model.model_validate(data), []
    except ValidationError as error:
        lines, details = key_lines(text), error.errors()
        return None, [
            Problem(detail["loc"], line_of(lines, detail["loc"]), describe(detail, model))
            for detail in details
            if not _counts_a_bad_item(detail, details)
        ]


def _counts_a_bad_item(detail: ErrorDetails, details: list[ErrorDetails]) -> bool:
    """Pydantic counts a list without its bad items; the bad item is the problem to report."""
    loc = detail["loc"]
    return detail["type"] in ("too_short", "too_long") and any(
        other["loc"][: len(loc)] == loc and len(other["loc"]) > len(loc) for other in details
    )


# --- Plain words for pydantic's errors ----------------------------------------------------


def describe(detail: ErrorDetails, model: type[BaseModel]) -> str:
    """What is wrong with one value, for someone who edits the file by hand."""
    words = _WORDS.get(detail["type"])
    if words is None:
        return detail["msg"]
    ctx, found = detail.get("ctx", {}), detail.get("input")
    keys = _expected_keys(model, detail["loc"][:-1]) if detail["type"] == "extra_forbidden" else []
    return words.format(
        **ctx,
        found=repr(found),
        kind=_kind(found),
        length=len(str(found).strip()),
        choices=str(ctx.get("expected", "")).replace("'", ""),
        keys=", ".join(keys),
    )


_WORDS = {
    "missing": "missing",
    "extra_forbidden": "unknown key; expected one of: {keys}",
    "string_type": "must be text in quotes, found {kind}",
    "string_too_short": "is empty",
    "string_too_long": "is {length} characters; at most {max_length} fit",
    "tuple_type": "must be a list, found {kind}",
    "list_type": "must be a list, found {kind}",
    "too_short": "needs at least {min_length}, found {actual_length}",
    "too_long": "takes at most {max_length}, found {actual_length}",
    "model_type": "must be a table, found {kind}",
    "dict_type": "must be a table, found {kind}",
    "bool_type": "must be true or false, found {kind}",
    "int_type": "must be a whole number, got {found}",
    "greater_than_equal": "must be at least {ge}, got {found}",
    "less_than_equal": "must be at most {le}, got {found}",
    "enum": "must be one of {choices}, got {found}",
}


def _kind(value: object) -> str:
    kinds = {str: "text", list: "a list", dict: "a table", bool: "true/false", int: "a number"}
    return kinds.get(type(value), "a number" if isinstance(value, float) else "another value")


def _expected_keys(model: type[BaseModel], loc: Loc) -> list[str]:
    """The keys the table at `loc` allows, found by walking the models along the path."""
    current: type[BaseModel] = model
    for key in loc:
        if isinstance(key, int):
            continue
        annotation = current.model_fields[key].annotation
        nested = _model_in(annotation)
        if nested is None:
            return []
        current = nested
    return list(current.model_fields)


def _model_in(annotation: object) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for argument in getattr(annotation, "__args__", ()):
        found = _model_in(argument)
        if found is not None:
            return found
    return None


# --- Finding lines ------------------------------------------------------------------------

# Strings and comments, in the order TOML reads them; masked so brackets and '=' inside them
# do not count. What is left of a string is one '"' (plus its line breaks).
_MASKED = re.compile(
    r'"""[\s\S]*?"""(?:"{0,2})|\'\'\'[\s\S]*?\'\'\'(?:\'{0,2})'
    r'|"(?:[^"\\\n]|\\.)*"|\'[^\'\n]*\'|#[^\n]*'
)
_HEADER = re.compile(r"\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*$")
_KEY = re.compile(r"\s*([A-Za-z0-9_\-. ]+?)\s*=")


def key_lines(text: str) -> dict[Loc, int]:
    """The line of every table, key and list item, by key path (array tables by index).

    Quoted keys are not recognised; a problem under one is reported at its table's line.
    """
    lines: dict[Loc, int] = {}
    for loc, number in _key_positions(_MASKED.sub(_mask, text)):
        for size in range(1, len(loc) + 1):
            lines.setdefault(loc[:size], number)
    return lines


def line_of(lines: dict[Loc, int], loc: Loc) -> int | None:
    """The line of this key path, or of its closest enclosing key or table that is written."""
    for size in range(len(loc), 0, -1):
        if loc[:size] in lines:
            return lines[loc[:size]]
    return None


def _mask(match: re.Match[str]) -> str:
    token = match.group()
    return "" if token.startswith("#") else '"' + "\n" * token.count("\n")


def _key_positions(masked: str) -> Iterator[tuple[Loc, int]]:
    table: Loc = ()
    array_counts: dict[Loc, int] = {}
    key: Loc = ()
    depth, item = 0, -1
    for number, line in enumerate(masked.splitlines(), start=1):
        value = line
        if depth == 0:
            header, assignment = _HEADER.match(line), _KEY.match(line)
            if header:
                table = _split(header.group(2))
                if header.group(1) == "[[":
                    array_counts[table] = array_counts.get(table, -1) + 1
                    table = (*table, array_counts[table])
                yield table, number
                continue
            if not assignment:
                continue
            key, value, item = (*table, *_split(assignment.group(1))), line[assignment.end() :], -1
            yield key, number
        for char in value:
            if char == '"' and depth == 1:
                item += 1
                yield (*key, item), number
            depth += (char in "[{") - (char in "]}")


def _split(dotted: str) -> Loc:
    return tuple(part.strip() for part in dotted.split("."))
