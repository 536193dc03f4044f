"""Bot API request parameters: decoding from query, JSON, form and multipart bodies, and errors."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

# Parameters whose value is a JSON structure; form and multipart bodies carry them as JSON strings.
JSON_PARAMS = frozenset(
    {
        "reply_markup",
        "entities",
        "caption_entities",
        "allowed_updates",
        "commands",
        "scope",
        "reply_parameters",
        "link_preview_options",
        "media",
        "menu_button",
    }
)


class ApiError(Exception):
    """A Bot API failure, answered as {"ok": false, "error_code", "description", "parameters"}."""

    def __init__(
        self, code: int, description: str, parameters: dict[str, Any] | None = None
    ) -> None:
        super().__init__(description)
        self.code = code
        self.description = description
        self.parameters = parameters

    def to_json(self) -> dict[str, Any]:
        """Return the error body exactly as Telegram shapes it."""
        body: dict[str, Any] = {
            "ok": False,
            "error_code": self.code,
            "description": self.description,
        }
        if self.parameters:
            body["parameters"] = self.parameters
        return body


def bad_request(reason: str, parameters: dict[str, Any] | None = None) -> ApiError:
    """Build a 400 error with Telegram's "Bad Request: " prefix."""
    return ApiError(400, f"Bad Request: {reason}", parameters)


@dataclass(frozen=True)
class UploadedFile:
    """A file part of a multipart request."""

    data: bytes
    filename: str | None
    content_type: str | None


@dataclass
class Params:
    """Decoded request parameters with typed accessors that fail like Telegram does."""

    values: dict[str, Any] = field(default_factory=dict)
    files: dict[str, UploadedFile] = field(default_factory=dict)

    def has(self, name: str) -> bool:
        """Tell whether the parameter was given with a non-empty value."""
        return self.values.get(name) not in (None, "")

    def raw(self, name: str) -> Any:
        """Return the value as sent (after JSON decoding of structured parameters)."""
        return self.values.get(name)

    def opt_str(self, name: str, default: str | None = None) -> str | None:
        """Return a string parameter, or the default when absent."""
        value = self.values.get(name)
        if value is None:
            return default
        return value if isinstance(value, str) else json.dumps(value)

    def req_str(self, name: str) -> str:
        """Return a string parameter or fail with "<name> is empty"."""
        value = self.opt_str(name)
        if not value:
            raise bad_request(f"{name} is empty")
        return value

    def opt_int(self, name: str, default: int | None = None) -> int | None:
        """Return an integer parameter, coercing strings as Telegram does."""
        value = self.values.get(name)
        if value is None or value == "":
            return default
        return _coerce_int(name, value)

    def req_int(self, name: str) -> int:
        """Return an integer parameter or fail with "<name> is empty"."""
        value = self.opt_int(name)
        if value is None:
            raise bad_request(f"{name} is empty")
        return value

    def number(self, name: str, default: float) -> float:
        """Return a number parameter (long-poll timeouts may be fractional)."""
        value = self.values.get(name)
        if value is None or value == "":
            return default
        try:
            return float(value)
        except (TypeError, ValueError):
            raise bad_request(f"invalid {name} specified") from None

    def flag(self, name: str, default: bool = False) -> bool:
        """Return a boolean parameter; forms carry "true"/"false" strings."""
        value = self.values.get(name)
        if value is None or value == "":
            return default
        if isinstance(value, bool):
            return value
        if isinstance(value, int | float):
            return bool(value)
        return str(value).strip().lower() in ("true", "1", "yes")

    def structured(self, name: str) -> Any:
        """Return a structured parameter (already decoded), or None."""
        return self.values.get(name)


def _coerce_int(name: str, value: Any) -> int:
    if isinstance(value, bool):
        raise bad_request(f"invalid {name} specified")
    if isinstance(value, int):
        return value
    try:
        return int(str(value).strip())
    except ValueError:
        raise bad_request(f"invalid {name} specified") from None


def decode_structured(values: dict[str, Any]) -> dict[str, Any]:
    """JSON-decode the structured parameters that arrived as strings."""
    for name in JSON_PARAMS & values.keys():
        value = values[name]
        if isinstance(value, str):
            if value == "":
                values[name] = None
                continue
            try:
                values[name] = json.loads(value)
            except ValueError:
                raise bad_request(f"can't parse {name} JSON object") from None
    return values


async def read_params(request: web.Request) -> Params:
    """Collect parameters from the query string and any supported request body."""
    values: dict[str, Any] = dict(request.query)
    files: dict[str, UploadedFile] = {}
    if request.method == "POST" and request.can_read_body:
        content_type = request.content_type
        if content_type == "application/json":
            body = await request.json()
            if isinstance(body, dict):
                values.update(body)
        elif content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
            form = await request.post()
            for name, value in form.items():
                if isinstance(value, web.FileField):
                    files[name] = UploadedFile(
                        value.file.read(), value.filename, value.content_type
                    )
                else:
                    values[name] = value
    return Params(decode_structured(values), files)
