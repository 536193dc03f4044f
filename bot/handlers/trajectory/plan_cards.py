"""The cards of planning: the days and times to pick, the planned time, whether the conversation
took place, and the one nudge of a small step."""

from __future__ import annotations

from bot.handlers.trajectory.calendar import calendar_choice
from bot.handlers.trajectory.core import Member, Pair, day_label, moment_label, tell
from bot.runtime.turn import Choice, Turn
from flows.scheduling import slot_choices
from flows.trajectory.effects import AskMet, NudgeCard, ShowPlanned
from flows.trajectory.presses import step_version

DAYS_PER_ROW = 3


async def send_plan_card(turn: Turn, pair: Pair, member: Member) -> None:
    """Day buttons for the coming week (only days that still have a time to choose)."""
    with turn.speaking(member.language):
        text, choices = day_card(turn, pair)
        await turn.send_text(text, chat_id=member.id, choices=choices)


def day_card(turn: Turn, pair: Pair) -> tuple[str, list[list[Choice]]]:
    """The text and day buttons of the planning card."""
    days = slot_choices(turn.now, turn.time.tz, quiet=turn.time.quiet)
    buttons = [
        Choice(day_label(turn, day.day), "tr_day", {"m": pair.match.id, "d": day.day.isoformat()})
        for day in days
    ]
    rows = [buttons[i : i + DAYS_PER_ROW] for i in range(0, len(buttons), DAYS_PER_ROW)]
    return turn.text("trajectory.plan_day"), rows


async def show_planned(turn: Turn, pair: Pair, planned: ShowPlanned) -> None:
    """The planner sees the time; the others hear who planned it; everyone gets the calendar."""
    label = moment_label(turn, planned.at)
    people = len(pair.members)
    choices = [[calendar_choice(turn, pair)]]
    await turn.say("trajectory.planned", when=label, people=people, choices=choices)
    for member in pair.others(planned.planner):
        with turn.speaking(member.language):
            await turn.say(
                "trajectory.planned_by",
                chat_id=member.id,
                name=pair.name(planned.planner),
                when=moment_label(turn, planned.at),
                choices=[[calendar_choice(turn, pair)]],
            )


async def ask_met(turn: Turn, pair: Pair, asked: AskMet) -> None:
    """Did the conversation take place? Yes or no, in the member's language."""
    member = pair.member(asked.to)
    args = {"m": pair.match.id, "at": asked.at}

    def answers() -> list[list[Choice]]:
        return [
            [
                turn.choice("trajectory.btn_met_yes", "tr_met", **args, held=True),
                turn.choice("trajectory.btn_met_no", "tr_met", **args, held=False),
            ]
        ]

    with turn.speaking(member.language):
        when = moment_label(turn, asked.when)
    await tell(turn, member, "trajectory.met_question", when=when, choices=answers)


async def nudge_card(turn: Turn, pair: Pair, coachee: Member, nudge: NudgeCard) -> None:
    """A small step past its date: done, change it, or drop it."""
    args = {"t": nudge.ref, "n": nudge.step.number, "v": step_version(nudge.step)}
    await tell(
        turn,
        coachee,
        "trajectory.nudge",
        step=nudge.step.text,
        choices=lambda: [
            [
                turn.choice("trajectory.btn_step_done", "tr_step", **args, a="done"),
                turn.choice("trajectory.btn_step_change", "tr_step", **args, a="change"),
            ],
            [turn.choice("trajectory.btn_step_drop", "tr_step", **args, a="drop")],
        ],
    )
