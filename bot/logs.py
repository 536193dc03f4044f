"""Logging set-up that never prints the bot token."""

from __future__ import annotations

import logging


class Redact(logging.Filter):
    """Replaces secrets in every log record, including URLs logged by HTTP libraries."""

    def __init__(self, secrets: list[str]) -> None:
        super().__init__()
        self.secrets = [s for s in secrets if s]

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if any(secret in message for secret in self.secrets):
            for secret in self.secrets:
                message = message.replace(secret, "***")
            record.msg, record.args = message, ()
        return True


def configure_logging(level: str, secrets: list[str]) -> None:
    """Log to stderr at the given level, with secrets redacted."""
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(Redact(secrets))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    # httpx logs every request URL, and Bot API URLs contain the token.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
    logging.getLogger("alembic").setLevel(logging.WARNING)
    # transitions logs every state change of every flow at INFO: noise that hides what matters.
    logging.getLogger("transitions").setLevel(logging.WARNING)
