"""/dashboard: a teacher or coordinator gets a one-time sign-in link to the staff dashboard."""

from __future__ import annotations

from bot.runtime.incoming import Incoming
from bot.runtime.router import Router
from bot.runtime.turn import Turn
from flows.dashboard import LINK_VALID
from storage import dashboard

SIGN_IN_PATH = "/dashboard/signin"


def register(router: Router) -> None:
    """Wire /dashboard."""
    router.command("dashboard", dashboard_command)


async def dashboard_command(turn: Turn, incoming: Incoming) -> None:
    """Staff get a link that works once for ten minutes; students a friendly no."""
    mine = await dashboard.staff_cohorts(turn.session, user_id=turn.person.id)
    if not mine:
        await turn.say("dashboard.not_allowed")
        return
    token = await dashboard.create_link(turn.session, user_id=turn.person.id, now=turn.now)
    settings = turn.services.settings
    base = settings.dashboard_url or turn.services.web_url or settings.local_url("")
    await turn.say(
        "dashboard.link",
        url=f"{base}{SIGN_IN_PATH}?t={token}",
        minutes=int(LINK_VALID.total_seconds() // 60),
    )
