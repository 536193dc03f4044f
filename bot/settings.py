"""Typed settings from the environment or a `.env` file, validated once at start-up."""

from __future__ import annotations

import hashlib
import re
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from flows.scheduling import QuietHours, SchoolTime

TOKEN_PATTERN = re.compile(r"^\d+:[A-Za-z0-9_-]+$")
SECRET_PATTERN = re.compile(r"^[A-Za-z0-9_-]{1,256}$")


class SettingsError(Exception):
    """A setting is missing or invalid; the message is one sentence for the operator."""


class Settings(BaseSettings):
    """Everything the program can be configured with; see the table in the README."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    telegram_bot_token: SecretStr | None = None
    telegram_api_base_url: str = "https://api.telegram.org/bot"
    database_url: str = "sqlite+aiosqlite:///peercoach.sqlite3"
    webhook_url: str | None = None
    webhook_listen: str = "0.0.0.0"
    webhook_port: int = Field(default=8443, ge=1, le=65535)
    webhook_secret: SecretStr | None = None
    # In polling mode the web server (/healthz, /readyz, /metrics) listens here; 0: any port.
    http_listen: str = "127.0.0.1"
    http_port: int = Field(default=8080, ge=0, le=65535)
    default_language: Literal["nl", "en"] = "nl"
    timezone: str = "Europe/Brussels"
    # No reminders or nudges in this span; a cohort may have its own (`peercoach cohort set`).
    quiet_hours: str = "21:00-08:00"
    # Whose national help lines the worry route shows; a cohort may have its own country.
    default_country: Literal["NL", "BE"] = "NL"
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    # Telegram's overall cap; raise only when Telegram allows your bot more (paid broadcasts).
    delivery_max_per_second: int = Field(default=30, ge=6, le=1000)
    # Days after a cohort's end date before its content is purged (anonymous counts stay).
    retention_grace_days: int = Field(default=90, ge=14, le=3650)
    # The staff dashboard's public address (its sign-in links start with it); none: this
    # machine's web server address, fine for a laptop, not for a phone elsewhere.
    dashboard_url: str | None = None
    # Coordinators get each cohort's numbers and who needs attention on Monday mornings.
    weekly_digest: bool = True

    @field_validator("default_country", mode="before")
    @classmethod
    def _country_upper(cls, value: object) -> object:
        return value.upper() if isinstance(value, str) else value

    @field_validator("telegram_bot_token")
    @classmethod
    def _token_shape(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and not TOKEN_PATTERN.match(value.get_secret_value()):
            raise ValueError(
                "does not look like a token from @BotFather (digits, a colon, letters)"
            )
        return value

    @field_validator("database_url")
    @classmethod
    def _async_driver(cls, value: str) -> str:
        return async_database_url(value)

    @field_validator("webhook_url")
    @classmethod
    def _https_webhook(cls, value: str | None) -> str | None:
        if value and not value.startswith(("https://", "http://")):
            raise ValueError("must be a full URL such as https://bot.example.org/telegram")
        return value or None

    @field_validator("dashboard_url")
    @classmethod
    def _dashboard_address(cls, value: str | None) -> str | None:
        if value and not value.startswith(("https://", "http://")):
            raise ValueError("must be a full URL such as https://bot.example.org")
        return value.rstrip("/") if value else None

    @field_validator("webhook_secret")
    @classmethod
    def _secret_shape(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and not SECRET_PATTERN.match(value.get_secret_value()):
            raise ValueError("may only hold letters, digits, _ and - (at most 256)")
        return value

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as error:
            raise ValueError(f"'{value}' is not a time zone such as Europe/Brussels") from error
        return value

    @field_validator("quiet_hours")
    @classmethod
    def _quiet_span(cls, value: str) -> str:
        return str(QuietHours.parse(value))  # its ValueError is the sentence

    @property
    def school_time(self) -> SchoolTime:
        """The time zone and quiet hours of cohorts that have none of their own."""
        return SchoolTime(self.timezone, QuietHours.parse(self.quiet_hours))

    @property
    def zone(self) -> ZoneInfo:
        """The configured time zone as an object."""
        return ZoneInfo(self.timezone)

    def web_address(self) -> tuple[str, int]:
        """Where the web server listens: the webhook's address, or HTTP_LISTEN:HTTP_PORT."""
        if self.webhook_url:
            return self.webhook_listen, self.webhook_port
        return self.http_listen, self.http_port

    def local_url(self, path: str, port: int | None = None) -> str:
        """The address of one of our web server's paths, as seen from this machine (on `port`
        when the server listens on one other than configured, such as a picked free one)."""
        host, configured = self.web_address()
        port = port or configured
        host = "127.0.0.1" if host in ("0.0.0.0", "", "::") else host
        host = f"[{host}]" if ":" in host else host
        return f"http://{host}:{port}{path}"

    def token(self) -> str:
        """The bot token, or a clear error when it is needed but missing."""
        if self.telegram_bot_token is None:
            raise SettingsError(
                "TELEGRAM_BOT_TOKEN is not set: create a bot with @BotFather and put its token "
                "in the environment or in .env (or try `peercoach demo`, which needs none)."
            )
        return self.telegram_bot_token.get_secret_value()

    def webhook_secret_value(self) -> str:
        """The webhook secret: the configured one, or one derived from the token."""
        if self.webhook_secret is not None:
            return self.webhook_secret.get_secret_value()
        # Derived so that webhook mode is safe without extra configuration.
        return hashlib.sha256(b"peercoach-webhook:" + self.token().encode()).hexdigest()[:48]


def async_database_url(url: str) -> str:
    """Map plain database URLs to the async drivers the program uses."""
    for plain, async_prefix in (
        ("postgresql://", "postgresql+asyncpg://"),
        ("postgres://", "postgresql+asyncpg://"),
        ("sqlite://", "sqlite+aiosqlite://"),
    ):
        if url.startswith(plain):
            return async_prefix + url[len(plain) :]
    if not url.startswith(("postgresql+asyncpg://", "sqlite+aiosqlite://")):
        raise ValueError("must start with sqlite:/// or postgresql://")
    return url


def load_settings(**overrides: object) -> Settings:
    """Build the settings or raise SettingsError naming the first bad one in one sentence."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]  # pydantic validates the values
    except ValidationError as error:
        first = error.errors()[0]
        name = str(first["loc"][0]).upper() if first["loc"] else "a setting"
        message = str(first["msg"]).removeprefix("Value error, ")
        raise SettingsError(f"{name} {message}.") from None
