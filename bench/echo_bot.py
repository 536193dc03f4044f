"""The baseline: a bare python-telegram-bot echo bot, the least work a PTB bot can do per update.

Run: TELEGRAM_BOT_TOKEN=... TELEGRAM_API_BASE_URL=http://host:port/bot python bench/echo_bot.py
"""

from __future__ import annotations

import logging
import os

from telegram import Update
from telegram.ext import Application, ContextTypes, MessageHandler, filters


async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Send the text back to where it came from."""
    message = update.effective_message
    if message is not None and message.text:
        await message.reply_text(message.text)


def build_application(token: str, base_url: str) -> Application:
    """One MessageHandler, PTB's defaults everywhere else."""
    application = Application.builder().token(token).base_url(base_url).build()
    application.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, echo))
    return application


def main() -> None:
    """Poll until SIGINT or SIGTERM (run_polling handles both and confirms the last offset)."""
    logging.basicConfig(level=logging.WARNING)
    application = build_application(
        os.environ["TELEGRAM_BOT_TOKEN"], os.environ["TELEGRAM_API_BASE_URL"]
    )
    application.run_polling()


if __name__ == "__main__":
    main()
