"""Ending a cohort's running round, from /rounds and from the dashboard alike: the pairs are
kept or closed as the coordinator chose, and every partner hears it kindly."""

from __future__ import annotations

from dataclasses import dataclass

from bot.handlers.pairing.common import names_of, say_to
from bot.handlers.trajectory import close_for_round
from bot.runtime.turn import Turn
from flows.pairing.ending import RoundEnding, to_close
from storage import pairing, pairing_rounds
from storage.outbox import BULK


@dataclass(frozen=True, slots=True)
class Ended:
    """What ending the round did, for the coordinator's summary."""

    number: int
    pairs: int


async def end_round(
    turn: Turn, cohort_id: int, number: int, ending: RoundEnding, cohort_name: str
) -> Ended | None:
    """End round `number` if it is still the one running; None when it ended already or a
    newer round began (a second tab, a double press: nothing happens twice)."""
    row = await pairing_rounds.open_round(turn.session, cohort_id=cohort_id)
    if row is None or row.number != number:
        return None
    running = await pairing.active_members(turn.session, cohort_id=cohort_id)
    closing = to_close(ending, running)
    for match_id in closing:
        await close_for_round(turn, match_id)
    if ending is RoundEnding.KEEP:
        await _tell_kept(turn, running, cohort_name)
    pairing_rounds.mark_ended(row, ending, now=turn.now)
    return Ended(number, len(running))


async def _tell_kept(turn: Turn, running: dict[int, list[int]], cohort: str) -> None:
    """Partners who go on together hear that the round ended and nothing changes for them."""
    everyone = {uid for members in running.values() for uid in members}
    contacts = await pairing.contacts(turn.session, user_ids=everyone)
    for members in running.values():
        for uid in members:
            others = [other for other in members if other != uid]
            with turn.speaking(contacts[uid].language):
                names = names_of(others, {o: contacts[o].name for o in others}, turn)
            await say_to(
                turn,
                contacts[uid],
                "pairing.round_ended_kept",
                cohort=cohort,
                names=names,
                priority=BULK,
            )


async def tell_coordinator(
    turn: Turn, ended: Ended | None, ending: RoundEnding, cohort: str
) -> None:
    """The coordinator's summary: what was ended and who heard it; or that it was done before."""
    if ended is None:
        await turn.say("pairing.round_end_already", cohort=cohort)
        return
    await turn.say(
        f"pairing.round_ended_{ending.value}", cohort=cohort, round=ended.number, pairs=ended.pairs
    )
