"""Start-up failures in one sentence the operator can act on, instead of a traceback."""

from __future__ import annotations

import errno
from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from telegram.error import BadRequest, InvalidToken, NetworkError

from bot.runtime.intake import AnotherPoller
from bot.settings import Settings

# PostgreSQL's SQLSTATE codes for a refused login and a missing database.
WRONG_CREDENTIALS = ("28000", "28P01")
NO_SUCH_DATABASE = "3D000"


def missing_sqlite_folder(database_url: str) -> str | None:
    """The sentence for a SQLite file whose folder does not exist, or None."""
    url = make_url(database_url)
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    folder = Path(url.database).expanduser().absolute().parent
    if folder.is_dir():
        return None
    return (
        f"the folder {folder} for the SQLite database does not exist: "
        "create it or point DATABASE_URL elsewhere"
    )


def explain(error: BaseException, settings: Settings) -> str | None:
    """One sentence for a failure the operator can fix, or None for a real bug."""
    where = _database_place(settings.database_url)
    if isinstance(error, AnotherPoller):
        return str(error)
    if isinstance(error, InvalidToken):
        return "Telegram rejected TELEGRAM_BOT_TOKEN: copy the token from @BotFather again"
    if isinstance(error, BadRequest):  # Telegram answered, and said no (before NetworkError)
        if settings.webhook_url:
            return (
                f"Telegram refused the webhook {settings.webhook_url} ({error.message}): "
                "WEBHOOK_URL must be a public HTTPS address"
            )
        return f"Telegram refused a start-up request ({error.message})"
    if isinstance(error, NetworkError):
        return (
            f"the Bot API at {settings.telegram_api_base_url} cannot be reached "
            f"({error.message}): check the network or TELEGRAM_API_BASE_URL"
        )
    if isinstance(error, DBAPIError):
        code = getattr(error.orig, "sqlstate", None) or getattr(error.orig, "pgcode", None)
        if code in WRONG_CREDENTIALS:
            return f"the database {where} refused the user or password in DATABASE_URL"
        if code == NO_SUCH_DATABASE:
            return f"the database {where} does not exist: create it or fix DATABASE_URL"
        if settings.database_url.startswith("sqlite"):
            return f"the SQLite database {where} cannot be opened ({error.orig})"
        return f"the database {where} cannot be used ({error.orig})"
    if isinstance(error, OSError):
        reason = error.strerror or error.__class__.__name__
        if error.errno in (errno.EADDRINUSE, errno.EACCES):
            host, port = settings.web_address()
            setting = "WEBHOOK_PORT" if settings.webhook_url else "HTTP_PORT"
            why = "is in use" if error.errno == errno.EADDRINUSE else "is not allowed"
            return f"the web server cannot listen on {host}:{port}: that port {why}, set {setting}"
        return f"the database {where} cannot be reached ({reason}): is it running?"
    return None


def _database_place(database_url: str) -> str:
    """Where the database is, without the password."""
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        return str(url.database)
    return f"{url.host or 'localhost'}:{url.port or 5432}/{url.database or ''}"
