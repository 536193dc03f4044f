"""A real python-telegram-bot Application runs against the emulator by polling and by webhook."""

from __future__ import annotations

from aiohttp import web
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import Application, CallbackQueryHandler, CommandHandler, ContextTypes

from tgemulator.driver import ScriptedUser, run_conversation
from tgemulator.emulator import TelegramEmulator


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Greet with a button."""
    assert update.message is not None
    button = InlineKeyboardButton("Ik doe mee", callback_data="join")
    await update.message.reply_text(
        "Hoi! <b>Doe je mee?</b>", parse_mode="HTML", reply_markup=InlineKeyboardMarkup([[button]])
    )


async def joined(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Confirm the press by editing the question."""
    assert update.callback_query is not None
    await update.callback_query.answer("Gelukt")
    await update.callback_query.edit_message_text("Je doet mee. Fijn!")


def build_application(emulator: TelegramEmulator) -> Application:
    """An application like the real one, wired to the emulator."""
    application = (
        Application.builder()
        .token(emulator.token)
        .base_url(emulator.base_url)
        .base_file_url(emulator.base_file_url)
        .build()
    )
    application.add_handler(CommandHandler("start", start))
    application.add_handler(CallbackQueryHandler(joined))
    return application


CONVERSATION = [
    ("send", "/start", "Doe je mee?"),
    ("press", "Ik doe mee", None),
    ("answer", None, "Gelukt"),
    ("expect_edit", None, "Je doet mee"),
]


async def test_application_by_polling(emulator: TelegramEmulator) -> None:
    application = build_application(emulator)
    async with application:
        await application.start()
        assert application.updater is not None
        await application.updater.start_polling(poll_interval=0, timeout=5)
        try:
            user = ScriptedUser(emulator, emulator.add_user("Isa"))
            await run_conversation(user, CONVERSATION)
        finally:
            await application.updater.stop()
            await application.stop()


async def test_application_by_webhook(emulator: TelegramEmulator) -> None:
    application = build_application(emulator)
    secrets: list[str | None] = []

    async def intake(request: web.Request) -> web.Response:
        # A minimal aiohttp webhook intake, as a bot without PTB's tornado extra would have.
        secrets.append(request.headers.get("X-Telegram-Bot-Api-Secret-Token"))
        update = Update.de_json(await request.json(), application.bot)
        await application.process_update(update)
        return web.Response()

    server = web.Application()
    server.router.add_post("/telegram", intake)
    runner = web.AppRunner(server, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    url = f"http://127.0.0.1:{runner.addresses[0][1]}/telegram"
    try:
        async with application:
            await application.bot.set_webhook(url, secret_token="emulator-secret")
            user = ScriptedUser(emulator, emulator.add_user("Jort"))
            await run_conversation(user, CONVERSATION)
    finally:
        await runner.cleanup()

    assert emulator.webhook_url == url
    assert set(secrets) == {"emulator-secret"}
