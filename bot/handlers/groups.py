"""Group chats: until a feature claims a group message, commands there get a pointer."""

from __future__ import annotations

from bot.runtime.incoming import Incoming, Kind
from bot.runtime.router import Router
from bot.runtime.turn import Turn


def register(router: Router) -> None:
    """Wire the last-resort answer for groups (feature handlers register before this)."""
    router.group_handlers.append(command_for_us)


async def command_for_us(turn: Turn, incoming: Incoming) -> bool:
    """Answer a command meant for this bot; stay silent on everything else people say."""
    if incoming.kind is not Kind.COMMAND:
        return False
    if incoming.addressed_to and incoming.addressed_to != turn.services.bot_username:
        return False
    await turn.say("fallback.group")
    return True
