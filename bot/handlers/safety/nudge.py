"""Serious words, kind prompt: the writer alone gets the help card, once per conversation.

The text is looked at in memory and dropped; only the fact that the card was shown in this
conversation is kept, so it does not come back with every message.
"""

from __future__ import annotations

from bot.handlers.safety.route import start_route
from bot.runtime.turn import Turn
from flows.safety import serious
from storage import safety


async def nudge_if_serious(turn: Turn, text: str, *, scope: str, relayed: bool = False) -> None:
    """Show the writer the help card when the text holds a serious word, once per scope;
    `relayed` says whether the message went on to the partner (the card says so, or not)."""
    if turn.user is None or not text or not serious(text):
        return
    if await safety.nudge_once(turn.session, user_id=turn.user.id, scope=scope, now=turn.now):
        await start_route(turn, intro="safety.nudge" if relayed else "safety.nudge_plain")
