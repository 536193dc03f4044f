"""Privacy in Telegram: the notice, downloading and erasing one's data, and retention."""

from __future__ import annotations

from bot.handlers.privacy import notice, retention
from bot.runtime.handler_types import TimerHandler
from bot.runtime.router import Router

__all__ = ["register", "timer_handlers"]


def register(router: Router) -> None:
    """Wire /privacy with its download and erase buttons, and the retention CSV button."""
    notice.register(router)
    retention.register(router)


def timer_handlers() -> dict[str, TimerHandler]:
    """The retention warning and purge."""
    return retention.timer_handlers()
