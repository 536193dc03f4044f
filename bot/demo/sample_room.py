"""Last week's peer consultation in Klas 4B: a finished incident-method room with its summary.

The room is played through the rooms' own rules (flows), as the bot would have played it, and
stored as the bot stores it (a closed room keeps no words). What it leaves in Telegram is what
a finished room leaves: Yusuf's private summary and Tom's report, sent by the bot's own code.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from bot.demo.seed import GROUP_TITLE, DemoWorld
from bot.handlers.room.effects import carry_out
from bot.runtime.turn import Turn
from bot.services import Services
from flows.room import (
    Outcome,
    PrivateSummary,
    Refused,
    Result,
    Role,
    Room,
    TeacherReport,
    choose_step,
    contribute,
    create_room,
    join,
    next_step,
    open_roles,
    start,
    volunteer,
)
from storage import rooms

TEACHER, CASE_HOLDER, TIMEKEEPER = "Tom", "Yusuf", "Bram"
MEMBERS = ("Sanne", "Bram", "Noor", "Yusuf")
# What was said, in the class's language; a closed room keeps none of it, only the summary.
CASE = "Bij groepswerk doe ik vaak alles zelf, omdat ik bang ben dat het anders niet af komt."
HAPPENED = "Vorige week bleef ik tot laat op om ons verslag af te maken. De rest wist het niet."
QUESTIONS = ("Wat zeiden de anderen toen ze het zagen?", "Hoe verdelen jullie nu de taken?")
IDEAS = (
    "Spreek aan het begin af wie wat doet, en zet het in de groepschat.",
    "Vraag halverwege hoe ver iedereen is, in plaats van het zelf over te nemen.",
    "Kies één taak die je bewust aan een ander laat.",
)


async def add_finished_room(services: Services, world: DemoWorld, now: datetime) -> None:
    """Play last week's room to its end and leave its summary and report in Telegram."""
    ids = {persona.name: persona.user_id for persona in world.personas}
    clock = _Clock(now - timedelta(days=6))
    teacher = ids[TEACHER]
    result = create_room(
        chat_id=world.group_chat_id,
        teacher_id=teacher,
        teacher_name=TEACHER,
        protocol_id="incident_method",
        language="nl",
        now=clock(),
    )
    room = _accepted(result).room
    steps: list[Callable[[Room], Result]] = [
        *(lambda r, n=name: join(r, ids[n], clock(), n) for name in MEMBERS),
        lambda r: open_roles(r, teacher, clock()),
        lambda r: volunteer(r, ids[CASE_HOLDER], clock(), Role.CASE_HOLDER),
        lambda r: volunteer(r, ids[TIMEKEEPER], clock(), Role.TIMEKEEPER),
        lambda r: start(r, teacher, clock()),
        lambda r: contribute(r, ids[CASE_HOLDER], clock(), CASE),
        lambda r: next_step(r, teacher, clock(minutes=5)),
        lambda r: contribute(r, ids[CASE_HOLDER], clock(), HAPPENED),
        lambda r: next_step(r, teacher, clock(minutes=5)),
        *(lambda r, q=question: _in_turn(r, q, clock) for question in QUESTIONS),
        lambda r: next_step(r, teacher, clock(minutes=10)),
        lambda r: next_step(r, teacher, clock(minutes=8)),
        *(lambda r, idea=idea: _in_turn(r, idea, clock) for idea in IDEAS),
        lambda r: next_step(r, teacher, clock(minutes=8)),
        lambda r: choose_step(r, ids[CASE_HOLDER], clock(), 0),
        lambda r: next_step(r, teacher, clock(minutes=4)),
        lambda r: next_step(r, teacher, clock(minutes=5)),
    ]
    for step in steps:
        outcome = _accepted(step(room))
        room = outcome.room
    assert not room.is_open, "the sample room should have closed after its last step"
    # Only what a closed room leaves behind reaches Telegram: the summary and the report.
    kept = tuple(e for e in outcome.effects if isinstance(e, PrivateSummary | TeacherReport))
    async with services.db.transaction() as session:
        await rooms.link_chat(
            session,
            chat_id=world.group_chat_id,
            title=GROUP_TITLE,
            cohort_id=world.cohort_id,
            now=clock.start,
        )
        row = await rooms.add_room(session, cohort_id=world.cohort_id, room=room, now=clock())
        turn = Turn(services, session, now, chat_id=world.group_chat_id)
        await carry_out(turn, row, Outcome(room, kept))


def _in_turn(room: Room, text: str, clock: _Clock) -> Result:
    """Whoever's turn it is says this (questions and ideas go round in turn)."""
    assert room.turn_user_id is not None, "a round in turn has someone whose turn it is"
    return contribute(room, room.turn_user_id, clock(minutes=2), text)


def _accepted(result: Result) -> Outcome:
    if isinstance(result, Refused):
        raise AssertionError(f"the sample room refused a step: {result.reason_key}")
    return result


class _Clock:
    """Last week's session time, moving on a little with every action."""

    def __init__(self, start: datetime) -> None:
        self.start = start
        self.now = start

    def __call__(self, *, minutes: float = 0.5) -> datetime:
        self.now += timedelta(minutes=minutes)
        return self.now
