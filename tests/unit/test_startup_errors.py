"""Start-up failures Telegram answers itself become one sentence (the rest run as processes)."""

from __future__ import annotations

from telegram.error import BadRequest

from bot.cli.startup import explain
from bot.settings import load_settings


def test_a_refused_webhook_address_names_the_setting() -> None:
    settings = load_settings(
        _env_file=None, telegram_bot_token="1:abc", webhook_url="https://localhost/telegram"
    )
    refused = BadRequest("Bad webhook: https url must be provided for webhook")
    assert explain(refused, settings) == (
        "Telegram refused the webhook https://localhost/telegram "
        "(Bad webhook: https url must be provided for webhook): "
        "WEBHOOK_URL must be a public HTTPS address"
    )


def test_a_bug_is_not_dressed_up_as_a_sentence() -> None:
    settings = load_settings(_env_file=None)
    assert explain(KeyError("update_id"), settings) is None
