"""Every kind of handler a feature can register, in one place (see README.md beside this)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from bot.runtime.incoming import Incoming
from bot.runtime.turn import Turn
from storage.models import Button
from storage.timers import DueTimer

# /command: `router.command(name, handler)`.
Handler = Callable[[Turn, Incoming], Awaitable[None]]
# A pressed button, resolved from its token: `router.action(name, handler, once=..., presser=...)`.
ActionHandler = Callable[[Turn, Incoming, Button], Awaitable[None]]
# Free text, media, group and member events: returns whether it took the update.
MaybeHandler = Callable[[Turn, Incoming], Awaitable[bool]]
# A timer row that fell due: `timer_handlers()` of a feature, by the timer's kind.
TimerHandler = Callable[[Turn, DueTimer], Awaitable[None]]
