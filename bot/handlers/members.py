"""People blocking or unblocking the bot in their private chat."""

from __future__ import annotations

from bot.runtime.incoming import Incoming
from bot.runtime.router import Router
from bot.runtime.turn import Turn
from storage import people


def register(router: Router) -> None:
    """Wire private chat-member changes."""
    router.member_handlers.append(private_membership)


async def private_membership(turn: Turn, incoming: Incoming) -> bool:
    """Note when someone blocks the bot (we then stop writing) or comes back."""
    if not incoming.private or incoming.raw is None or turn.user is None:
        return False
    status = (incoming.raw.get("new_chat_member") or {}).get("status")
    if status == "kicked":
        await people.mark_unreachable(turn.session, user_id=turn.user.id, now=turn.now)
    elif status == "member":
        await people.mark_reachable(turn.session, user=turn.user)
    return True
