"""Issue 4: coordinators pair peer coaches. Wiring, and what others call: `notify_repair_needed`
(a match dissolved and people wait for a new partner)."""

from __future__ import annotations

from bot.dispatcher import TimerHandler
from bot.handlers import pairing_nopair, pairing_pool, pairing_preview, pairing_repair
from bot.handlers.help import Canceller
from bot.handlers.pairing_notices import notify_repair_needed
from bot.router import Router

__all__ = ["notify_repair_needed", "register", "timer_handlers"]


def register(router: Router, cancellers: list[Canceller]) -> None:
    """Wire the pool and profile, /nopair, /pair and re-pairing; /cancel ends a profile step."""
    pairing_pool.register(router)
    pairing_nopair.register(router)
    pairing_preview.register(router)
    pairing_repair.register(router)
    cancellers.append(pairing_pool.cancel_profile)


def timer_handlers() -> dict[str, TimerHandler]:
    """A student quiet for a while, and the end of a pause."""
    return pairing_repair.timer_handlers()
