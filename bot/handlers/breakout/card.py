"""The breakout's one card in the class group: who joins, then which step all groups are at."""

from __future__ import annotations

from bot.handlers.room.render import room_plain, room_text
from bot.runtime.render import in_rows
from bot.runtime.turn import Choice
from flows.breakout import Breakout, BreakoutState
from flows.protocols import load_protocol
from flows.room.rules import step_title

# Every breakout button is one action; its args say which breakout ("b") and what to do ("a").
BREAKOUT_ACTION = "bk"
# The card's buttons per state: (action, label key); the teacher's and the class's together.
_BUTTONS = {
    BreakoutState.GATHERING: (
        ("join", "breakout.action.join"),
        ("start", "breakout.action.start"),
        ("cancel", "breakout.action.cancel"),
    ),
    BreakoutState.RUNNING: (("next", "breakout.action.next"), ("end", "breakout.action.end")),
}


def card_text(breakout: Breakout) -> str:
    """What the card says in this state."""
    language = breakout.language
    protocol = load_protocol(breakout.protocol_id, language)
    base = {"protocol": protocol.title, "size": breakout.group_size}
    if breakout.state is BreakoutState.GATHERING:
        names = ", ".join(m.name for m in breakout.joined) or "—"
        params = {**base, "count": len(breakout.joined), "names": names}
        return room_text(language, "breakout.card.gathering", params)
    if breakout.state is BreakoutState.RUNNING:
        room = next((g.room for g in breakout.groups if g.room.is_open), None)
        if room is not None:
            params = {
                **base,
                "groups": len(breakout.groups),
                "number": room.step_index + 1,
                "count": len(room.steps),
                "title": step_title(room),
            }
            return room_text(language, "breakout.card.running", params)
    if breakout.state is BreakoutState.CLOSED and not breakout.groups:
        return room_text(language, "breakout.card.cancelled", base)
    if breakout.state is BreakoutState.CLOSED:
        return room_text(language, "breakout.card.closed", {**base, "groups": len(breakout.groups)})
    return room_text(language, "breakout.card.consent", {**base, "groups": len(breakout.groups)})


def card_choices(breakout_id: int, breakout: Breakout) -> list[list[Choice]]:
    """The card's buttons: join and form groups, then next step and end; none afterwards."""
    buttons = _BUTTONS.get(breakout.state, ())
    return in_rows(
        [
            Choice(
                room_plain(breakout.language, key), BREAKOUT_ACTION, {"b": breakout_id, "a": action}
            )
            for action, key in buttons
        ]
    )
