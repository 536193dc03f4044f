"""Issue 13: safe for minors. The worry route from /help, /worried and the coaching cards, a
private talk with the cohort's confidant relayed through the bot, and a kind prompt to a writer
whose message holds a serious word. Nothing of it reaches a teacher, coordinator or partner.

What others call: `worried_button` (a card's "I'm worried" row), `help_addition` (/help) and
`nudge_if_serious` (a relayed message or journal entry, looked at in memory only) and
`pledge_cleared` (the confidentiality pledge before anything is relayed, where a cohort asks)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.handlers.safety import consent, consent_admin, pledge, pool_pledge, route, talks
from bot.handlers.safety.nudge import nudge_if_serious
from bot.handlers.safety.pledge import pledge_cleared, pledge_line, pledge_status
from bot.handlers.safety.route import help_addition, worried_button
from bot.runtime.router import Router
from flows.safety.words import nudge_scope
from storage import safety

if TYPE_CHECKING:  # help imports this package for /help: no import back at run time
    from bot.handlers.help import Canceller

__all__ = [
    "help_addition",
    "nudge_if_serious",
    "nudge_scope",
    "pledge_cleared",
    "pledge_line",
    "pledge_status",
    "register",
    "worried_button",
]


def register(router: Router, cancellers: list[Canceller]) -> None:
    """Wire /worried, the route's buttons and the talk's lines (before other free text)."""
    route.register(router)
    talks.register(router)
    pledge.register(router)
    consent.register(router)
    pool_pledge.register(router)
    consent_admin.register(router)
    # An open line to a talk takes the person's text before a capture or a partner relay.
    router.on_text(talks.relay_line, waits=safety.IN_WORRY_LINE)
    router.on_media(talks.refuse_media, waits=safety.IN_WORRY_LINE)
    cancellers.append(talks.cancel_line)
