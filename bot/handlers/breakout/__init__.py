"""Breakouts in Telegram: a class group split into small groups relayed in private chats."""

from __future__ import annotations

from bot.handlers.breakout import acting, chat, setup
from bot.handlers.breakout.card import BREAKOUT_ACTION
from bot.handlers.breakout.effects import TIMER_KIND
from bot.handlers.help import Canceller
from bot.runtime.handler_types import TimerHandler
from bot.runtime.router import Presser, Router
from storage.breakouts import IN_BREAKOUT


def register(router: Router, cancel_notes: list[Canceller]) -> None:
    """Wire breakouts: the group command, the setup and card buttons, private texts."""
    cancel_notes.append(acting.still_in_breakout)
    router.group_handlers.append(setup.breakout_command)
    router.group_handlers.append(chat.follow_migration)
    # Registered before the trajectories: during a breakout a member's text goes to their group.
    router.on_text(acting.private_text, waits=IN_BREAKOUT)
    router.on_media(acting.private_text, waits=IN_BREAKOUT)
    router.command("breakout", setup.breakout_in_private)
    router.action(setup.PROTOCOL, setup.pick_protocol)
    router.action(setup.OPEN, setup.open_breakout)
    # Classmates who never joined may press 'join': the card tells them how to join first.
    router.action(
        BREAKOUT_ACTION,
        acting.breakout_button,
        once=acting.moves_the_breakout,
        presser=Presser.ANYONE,
    )


def timer_handlers() -> dict[str, TimerHandler]:
    """The breakout's timer kind and its handler."""
    return {TIMER_KIND: acting.fire_breakout_timer}
