"""Turn frozen domain dataclasses into JSON-able dicts and back, driven by their type hints.

A converter is compiled once per type hint (and cached), so encoding a snapshot is a walk over
prepared closures rather than a type inspection per value.
"""

from __future__ import annotations

import dataclasses
import enum
import functools
import types
import typing
from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import Any, TypeVar

FORMAT_VERSION = 1
_VERSION_KEY = "format"

T = TypeVar("T")
Encoder = Callable[[Any], Any]
Decoder = Callable[[Any, str], Any]


def to_dict(obj: object) -> dict[str, object]:
    """Encode a dataclass instance as a plain dict of JSON types, tagged with the format version."""
    hint: Any = type(obj)
    encoded = _encoder(hint)(obj)
    return {_VERSION_KEY: FORMAT_VERSION, **encoded}


def from_dict(cls: type[T], data: Mapping[str, object]) -> T:
    """Decode what `to_dict` produced; raises ValueError naming the field at fault."""
    if not isinstance(data, Mapping):
        raise ValueError(f"expected a dict for {cls.__name__}, got {type(data).__name__}")
    version = data.get(_VERSION_KEY, FORMAT_VERSION)
    if version != FORMAT_VERSION:
        raise ValueError(f"unsupported snapshot format {version!r}")
    body = {key: value for key, value in data.items() if key != _VERSION_KEY}
    hint: Any = cls
    return typing.cast(T, _decoder(hint)(body, cls.__name__))


def _optional_inner(hint: Any) -> Any | None:
    if typing.get_origin(hint) not in (typing.Union, types.UnionType):
        return None
    (inner,) = [arg for arg in typing.get_args(hint) if arg is not type(None)]
    return inner


def _field_hints(cls: type) -> list[tuple[str, Any]]:
    hints = typing.get_type_hints(cls)
    return [(f.name, hints[f.name]) for f in dataclasses.fields(cls)]


@functools.cache
def _encoder(hint: Any) -> Encoder:
    inner = _optional_inner(hint)
    if inner is not None:
        encode_inner = _encoder(inner)
        return lambda value: None if value is None else encode_inner(value)
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return lambda value: value.value
    if hint in (datetime, date):
        return lambda value: value.isoformat()
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        fields = [(name, _encoder(field_hint)) for name, field_hint in _field_hints(hint)]
        return lambda value: {name: encode(getattr(value, name)) for name, encode in fields}
    if origin is tuple:
        item = _encoder(args[0])
        return lambda value: [item(element) for element in value]
    if origin is frozenset:
        item = _encoder(args[0])
        return lambda value: sorted(item(element) for element in value)
    if origin in (Mapping, dict):
        key, val = _encoder(args[0]), _encoder(args[1])
        return lambda value: {str(key(k)): val(v) for k, v in value.items()}
    if hint in (bool, int, str):
        return lambda value: value
    raise TypeError(f"cannot encode type {hint!r}")


@functools.cache
def _decoder(hint: Any) -> Decoder:
    inner = _optional_inner(hint)
    if inner is not None:
        decode_inner = _decoder(inner)
        return lambda raw, where: None if raw is None else decode_inner(raw, where)
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return _enum_decoder(hint)
    if hint is datetime:
        return _decode_datetime
    if hint is date:
        return lambda raw, where: date.fromisoformat(_expect(raw, str, where))
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return _dataclass_decoder(hint)
    if origin is tuple:
        item = _decoder(args[0])
        return lambda raw, where: tuple(
            item(element, f"{where}[{i}]") for i, element in enumerate(_expect(raw, list, where))
        )
    if origin is frozenset:
        item = _decoder(args[0])
        return lambda raw, where: frozenset(
            item(element, where) for element in _expect(raw, list, where)
        )
    if origin in (Mapping, dict):
        key, val = _decoder(args[0]), _decoder(args[1])
        return lambda raw, where: {
            key(k, where): val(v, f"{where}.{k}") for k, v in _expect(raw, dict, where).items()
        }
    if hint is int:
        return _decode_int
    if hint in (bool, str):
        return lambda raw, where: _expect(raw, hint, where)
    raise TypeError(f"cannot decode type {hint!r}")


def _enum_decoder(kind: type[enum.Enum]) -> Decoder:
    def decode(raw: Any, where: str) -> enum.Enum:
        try:
            return kind(raw)
        except ValueError:
            raise ValueError(f"{where}: {raw!r} is not a valid {kind.__name__}") from None

    return decode


def _dataclass_decoder(cls: type) -> Decoder:
    fields = {name: _decoder(field_hint) for name, field_hint in _field_hints(cls)}

    def decode(raw: Any, where: str) -> object:
        values = _expect(raw, dict, where)
        unknown = values.keys() - fields.keys()
        if unknown:
            raise ValueError(f"{where}: unknown field(s) {sorted(unknown)}")
        kwargs = {name: fields[name](value, f"{where}.{name}") for name, value in values.items()}
        try:
            return cls(**kwargs)
        except TypeError as error:
            raise ValueError(f"{where}: {error}") from None

    return decode


def _decode_datetime(raw: Any, where: str) -> datetime:
    moment = datetime.fromisoformat(_expect(raw, str, where))
    if moment.tzinfo is None:
        raise ValueError(f"{where}: timestamp {raw!r} has no time zone")
    return moment


def _decode_int(raw: Any, where: str) -> int:
    if isinstance(raw, bool):  # JSON true/false must not pass for a number
        raise ValueError(f"{where}: expected int, got bool")
    return _expect(raw, int, where)


def _expect(raw: object, kind: type[T], where: str) -> T:
    if not isinstance(raw, kind):
        raise ValueError(f"{where}: expected {kind.__name__}, got {type(raw).__name__}")
    return raw
