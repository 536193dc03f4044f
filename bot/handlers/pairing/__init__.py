"""Issue 4: coordinators pair peer coaches. Wiring, and what others call: `notify_repair_needed`
(a match dissolved and people wait for a new partner)."""

from __future__ import annotations

from bot.handlers.help import Canceller
from bot.handlers.pairing import nopair as pairing_nopair
from bot.handlers.pairing import pool as pairing_pool
from bot.handlers.pairing import preview as pairing_preview
from bot.handlers.pairing import repair as pairing_repair
from bot.handlers.pairing import rounds as pairing_rounds
from bot.handlers.pairing.notices import notify_repair_needed
from bot.runtime.handler_types import TimerHandler
from bot.runtime.router import Router

__all__ = ["notify_repair_needed", "register", "timer_handlers"]


def register(router: Router, cancellers: list[Canceller]) -> None:
    """Wire the pool and profile, /nopair, /pair, /rounds and re-pairing; /cancel ends a
    profile step."""
    pairing_pool.register(router)
    pairing_nopair.register(router)
    pairing_preview.register(router)
    pairing_repair.register(router)
    pairing_rounds.register(router)
    cancellers.append(pairing_pool.cancel_profile)


def timer_handlers() -> dict[str, TimerHandler]:
    """A student quiet for a while, and the end of a pause."""
    return pairing_repair.timer_handlers()
