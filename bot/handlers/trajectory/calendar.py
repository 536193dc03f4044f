"""📆 In my calendar: the planned conversation as an .ics file, in the cohort's time zone."""

from __future__ import annotations

from bot.calendar_file import Meeting, ics
from bot.handlers.trajectory.core import Pair, moment_label, pair_of_button, stale
from bot.runtime.incoming import Incoming
from bot.runtime.router import Router
from bot.runtime.turn import Choice, Turn
from storage.models import Button


def register(router: Router) -> None:
    """Wire the calendar button (pressed again after a re-plan: the newest time comes)."""
    router.action("tr_ics", calendar_button, once=False)


def calendar_choice(turn: Turn, pair: Pair) -> Choice:
    """The button under a planned conversation."""
    return turn.choice("reflect.btn_calendar", "tr_ics", m=pair.match.id)


async def calendar_button(turn: Turn, incoming: Incoming, button: Button) -> None:
    """Send the presser the planned conversation as a calendar file, or say none is planned."""
    pair = await pair_of_button(turn, button)
    if pair is None:
        await stale(turn)
        return
    when = pair.state.next_meeting
    if when is None or when <= turn.now:
        await turn.answer("reflect.calendar_none", alert=True)
        return
    others = " & ".join(member.name for member in pair.others(turn.chat_id))
    meeting = Meeting(
        uid=_uid(turn, pair),
        start=when,
        zone=turn.time.zone,
        summary=turn.plain("reflect.calendar_summary", names=others),
        description=turn.plain("reflect.calendar_description"),
        issued=turn.now,
    )
    caption = turn.text("reflect.calendar_caption", when=moment_label(turn, when))
    await turn.send_document("peercoach.ics", ics(meeting), caption=caption)


def _uid(turn: Turn, pair: Pair) -> str:
    """One calendar entry per coming conversation: a re-plan moves it, the next one is new."""
    number = pair.state.conversations + 1
    return f"peercoach-match-{pair.match.id}-{number}@{turn.services.bot_username or 'peercoach'}"
