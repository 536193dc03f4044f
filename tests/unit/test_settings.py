"""Settings: clear one-sentence errors, URL mapping, no token leaks."""

from __future__ import annotations

import logging

import pytest

from bot.logs import Redact
from bot.settings import SettingsError, load_settings


def test_defaults_need_no_token_until_it_is_used() -> None:
    settings = load_settings(_env_file=None)
    assert settings.database_url == "sqlite+aiosqlite:///peercoach.sqlite3"
    assert (settings.default_language, settings.timezone) == ("nl", "Europe/Brussels")
    assert str(settings.school_time.quiet) == "21:00-08:00"
    assert settings.local_url("/healthz") == "http://127.0.0.1:8080/healthz"
    with pytest.raises(SettingsError, match="TELEGRAM_BOT_TOKEN is not set"):
        settings.token()


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"telegram_bot_token": "nonsense"}, "TELEGRAM_BOT_TOKEN does not look like a token"),
        ({"timezone": "Mars/Base"}, "TIMEZONE 'Mars/Base' is not a time zone"),
        ({"database_url": "mysql://x"}, "DATABASE_URL must start with sqlite:/// or postgresql"),
        ({"webhook_port": 70000}, "WEBHOOK_PORT"),
        ({"default_language": "fr"}, "DEFAULT_LANGUAGE"),
        ({"webhook_url": "bot.example.org"}, "WEBHOOK_URL must be a full URL"),
        ({"quiet_hours": "22u-7u"}, "QUIET_HOURS '22u-7u' is not a span of hours"),
        ({"http_port": -1}, "HTTP_PORT"),
        ({"dashboard_url": "school.example.org"}, "DASHBOARD_URL must be a full URL"),
    ],
)
def test_bad_settings_are_named_in_one_sentence(overrides: dict[str, object], message: str) -> None:
    with pytest.raises(SettingsError, match=message) as caught:
        load_settings(_env_file=None, **overrides)
    assert "\n" not in str(caught.value) and str(caught.value).endswith(".")


def test_plain_database_urls_get_async_drivers() -> None:
    assert load_settings(_env_file=None, database_url="postgresql://u@h/db").database_url == (
        "postgresql+asyncpg://u@h/db"
    )


def test_webhook_secret_is_derived_and_stable() -> None:
    settings = load_settings(_env_file=None, telegram_bot_token="123:abc")
    secret = settings.webhook_secret_value()
    assert (
        secret == load_settings(_env_file=None, telegram_bot_token="123:abc").webhook_secret_value()
    )
    assert "abc" not in secret and len(secret) == 48


def test_log_records_never_show_the_token() -> None:
    record = logging.LogRecord(
        "httpx", logging.INFO, __file__, 1, "POST %s", ("https://api/bot123:SECRET/getMe",), None
    )
    Redact(["123:SECRET"]).filter(record)
    assert record.getMessage() == "POST https://api/bot***/getMe"


def test_the_dashboard_address_defaults_to_none_and_loses_a_trailing_slash() -> None:
    assert load_settings(_env_file=None).dashboard_url is None
    given = load_settings(_env_file=None, dashboard_url="https://bot.school.nl/")
    assert given.dashboard_url == "https://bot.school.nl"
    assert given.local_url("/x", 8123) == "http://127.0.0.1:8123/x"
