"""Telegram's HTML parse mode: checks the tags Telegram accepts, derives text and entities."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Any

from tgemulator.params import ApiError, bad_request

# Tag name -> entity type; attributes decide the rest (a href, span class, pre/code language).
_SIMPLE_TAGS = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "tg-spoiler": "spoiler",
    "code": "code",
    "pre": "pre",
    "a": "text_link",
    "span": "spoiler",
    "blockquote": "blockquote",
}
_NAMED_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_TAG_NAME = re.compile(r"[a-zA-Z][a-zA-Z0-9-]*")
_ATTRIBUTE = re.compile(r"\s*([a-zA-Z][a-zA-Z0-9_-]*)(?:\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+))?")
_CHAR_REFERENCE = re.compile(r"&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]+);")


@dataclass
class ParsedText:
    """Plain text and its entities (offsets and lengths in UTF-16 code units, like Telegram)."""

    text: str
    entities: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class _OpenTag:
    name: str
    byte_offset: int
    start_utf16: int
    entity: dict[str, Any] | None


def utf16_length(text: str) -> int:
    """Count UTF-16 code units, the unit of Telegram's entity offsets."""
    return len(text.encode("utf-16-le")) // 2


def _parse_error(reason: str) -> ApiError:
    return bad_request(f"can't parse entities: {reason}")


class _HtmlParser:
    """A single-pass parser mirroring Telegram's strict handling of tags and entities."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.position = 0
        self.pieces: list[str] = []
        self.utf16_position = 0
        self.stack: list[_OpenTag] = []
        self.entities: list[dict[str, Any]] = []

    def byte_offset(self, index: int) -> int:
        return len(self.source[:index].encode("utf-8"))

    def emit(self, text: str) -> None:
        self.pieces.append(text)
        self.utf16_position += utf16_length(text)

    def parse(self) -> ParsedText:
        source = self.source
        while self.position < len(source):
            char = source[self.position]
            if char == "<":
                self.parse_tag()
            elif char == "&":
                self.parse_reference()
            else:
                next_special = _next_special(source, self.position)
                self.emit(source[self.position : next_special])
                self.position = next_special
        if self.stack:
            raise _parse_error(
                f'Can\'t find end tag corresponding to start tag "{self.stack[-1].name}"'
            )
        self.entities.sort(key=lambda entity: (entity["offset"], -entity["length"]))
        return ParsedText("".join(self.pieces), self.entities)

    def parse_reference(self) -> None:
        match = _CHAR_REFERENCE.match(self.source, self.position)
        if match is None:
            self.emit("&")
            self.position += 1
            return
        name = match.group(1)
        if name.startswith("#"):
            code = int(name[2:], 16) if name[1:2] in ("x", "X") else int(name[1:])
            self.emit(chr(code) if 0 < code <= 0x10FFFF else "\ufffd")
        elif name in _NAMED_ENTITIES:
            self.emit(_NAMED_ENTITIES[name])
        else:
            # Telegram keeps unsupported named references as literal text.
            self.emit(match.group(0))
        self.position = match.end()

    def parse_tag(self) -> None:
        start = self.position
        end = self.source.find(">", start)
        if end < 0:
            raise _parse_error(f"Unclosed start tag at byte offset {self.byte_offset(start)}")
        if self.source.startswith("</", start):
            self.close_tag(self.source[start + 2 : end].strip().lower(), start)
        else:
            self.open_tag(self.source[start + 1 : end], start)
        self.position = end + 1

    def open_tag(self, inner: str, start: int) -> None:
        match = _TAG_NAME.match(inner)
        name = match.group(0).lower() if match else inner.split(" ")[0]
        if match is None or name not in _SIMPLE_TAGS:
            raise _parse_error(
                f'Unsupported start tag "{name}" at byte offset {self.byte_offset(start)}'
            )
        attributes = _parse_attributes(inner[match.end() :].rstrip("/"))
        entity = self.entity_for(name, attributes, start)
        self.stack.append(_OpenTag(name, self.byte_offset(start), self.utf16_position, entity))

    def entity_for(
        self, name: str, attributes: dict[str, str], start: int
    ) -> dict[str, Any] | None:
        entity_type = _SIMPLE_TAGS[name]
        if name == "span" and attributes.get("class") != "tg-spoiler":
            raise _parse_error(
                f'Tag "span" must have class "tg-spoiler" at byte offset {self.byte_offset(start)}'
            )
        entity: dict[str, Any] = {"type": entity_type}
        if name == "a":
            href = attributes.get("href")
            if not href:
                return None
            entity["url"] = href
        if name == "blockquote" and "expandable" in attributes:
            entity["type"] = "expandable_blockquote"
        if name == "code" and self.stack and self.stack[-1].name == "pre":
            language = attributes.get("class", "")
            outer = self.stack[-1].entity
            if language.startswith("language-") and outer is not None:
                outer["language"] = language.removeprefix("language-")
        return entity

    def close_tag(self, name: str, start: int) -> None:
        if not self.stack:
            raise _parse_error(
                f'Unexpected end tag "{name}" at byte offset {self.byte_offset(start)}'
            )
        opened = self.stack.pop()
        if opened.name != name:
            raise _parse_error(
                f"Unmatched end tag at byte offset {self.byte_offset(start)}, "
                f'expected "</{opened.name}>", found "</{name}>"'
            )
        length = self.utf16_position - opened.start_utf16
        if opened.entity is not None and length > 0:
            opened.entity.update({"offset": opened.start_utf16, "length": length})
            self.entities.append(opened.entity)


def _next_special(source: str, position: int) -> int:
    found = [
        index for index in (source.find("<", position), source.find("&", position)) if index >= 0
    ]
    return min(found) if found else len(source)


def _parse_attributes(text: str) -> dict[str, str]:
    attributes: dict[str, str] = {}
    for match in _ATTRIBUTE.finditer(text):
        value = match.group(2) or ""
        if value[:1] in ("'", '"'):
            value = value[1:-1]
        attributes[match.group(1).lower()] = html.unescape(value)
    return attributes


def parse_html(source: str) -> ParsedText:
    """Parse Telegram HTML into plain text and entities, or raise the 400 Telegram would send."""
    return _HtmlParser(source).parse()


def strip_message_text(parsed: ParsedText) -> ParsedText:
    """Trim surrounding whitespace as Telegram does, shifting and clipping entities."""
    text = parsed.text
    stripped = text.strip()
    if stripped == text:
        return parsed
    lead = utf16_length(text[: len(text) - len(text.lstrip())])
    limit = utf16_length(stripped)
    entities = []
    for entity in parsed.entities:
        start = max(entity["offset"] - lead, 0)
        end = min(entity["offset"] + entity["length"] - lead, limit)
        if end > start:
            entities.append({**entity, "offset": start, "length": end - start})
    return ParsedText(stripped, entities)


def escape_html(text: str) -> str:
    """Escape plain text so it renders literally in the HTML view of a message."""
    return html.escape(text, quote=False)
