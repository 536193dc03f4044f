"""The cards of a trajectory: the coach's prompt card, the coachee's notebook, the home card."""

from __future__ import annotations

from collections.abc import Mapping

from bot.handlers.safety import worried_button
from bot.handlers.trajectory.core import (
    Member,
    Pair,
    scripts_for,
    step_name,
    tell_text,
    together,
)
from bot.handlers.trajectory.stuck import stuck_choice
from bot.i18n import Html
from bot.runtime.turn import Choice, Turn
from flows.scripts import Scripts, Theme
from flows.trajectory import NOTEBOOK, THEME_CAPTURES, Event, Party, Step, talking
from flows.trajectory.coach_card import on_card
from storage.trajectory_models import TrajectoryRow

STEP_EMOJI = {
    Step.CONTACT: "🤝",
    Step.CONTRACT: "📝",
    Step.GOAL: "🎯",
    Step.ROUTE: "🗺",
    Step.PATH: "🥾",
    Step.CLOSING: "🏁",
    Step.CLOSED: "🎉",
    Step.DISSOLVED: "👋",
}


def card_args(pair: Pair, row: TrajectoryRow) -> dict[str, object]:
    """What every card button carries, to recognise a card from an earlier moment."""
    return {"t": row.id, "s": row.step, "c": pair.state.conversations}


def is_current(pair: Pair, row: TrajectoryRow | None, args: Mapping[str, object]) -> bool:
    """Whether a card's button still fits: same trajectory, step and conversation."""
    return (
        row is not None
        and args.get("s") == row.step
        and args.get("c", pair.state.conversations) == pair.state.conversations
    )


# --- The coach's prompt card ------------------------------------------------------------------


async def coach_card_parts(
    turn: Turn, pair: Pair, row: TrajectoryRow
) -> tuple[str, list[list[Choice]]]:
    """The coach's prompt card in the turn's language: a suggested question and what to do."""
    theme, number = await question_on_card(turn, pair, row)
    text = turn.text(
        "trajectory.coach_card",
        emoji=STEP_EMOJI[Step(row.step)],
        step=step_name(turn, Step(row.step)),
        theme=theme.title,
        question=theme.questions[number],
        number=number + 1,
        count=len(theme.questions),
    )
    return text, coach_choices(turn, pair, row, theme.key)


async def theme_sizes(turn: Turn, pair: Pair, row: TrajectoryRow) -> list[int]:
    """How many questions each theme of this step's script has, in the turn's language."""
    script = (await scripts_for(turn, pair, turn.language)).step(Step(row.step))
    return [len(theme.questions) for theme in script.themes]


async def question_on_card(turn: Turn, pair: Pair, row: TrajectoryRow) -> tuple[Theme, int]:
    """The theme on the coach's card and the number of its question shown, from zero."""
    script = (await scripts_for(turn, pair, turn.language)).step(Step(row.step))
    theme, number = on_card([len(t.questions) for t in script.themes], row.theme, row.question)
    return script.themes[theme], number


def coach_choices(turn: Turn, pair: Pair, row: TrajectoryRow, theme_key: str) -> list[list[Choice]]:
    """Buttons of the coach's card: ask, another question, write down, move on, end."""
    args = card_args(pair, row)
    step = Step(row.step)
    rows = [
        [
            turn.choice("trajectory.btn_ask", "tr_ask", **args),
            turn.choice("trajectory.btn_another", "tr_another", **args),
        ],
        [turn.choice("trajectory.btn_theme", "tr_theme", **args)],
    ]
    capture = THEME_CAPTURES.get(step, {}).get(theme_key)
    if capture is not None:
        label = turn.plain("trajectory.btn_have_written", name=pair.name(row.coachee_id))
        rows.append([Choice(label, "tr_write", {**args, "k": capture})])
    if step is Step.CLOSING and theme_key == "compliment":
        rows.append([turn.choice("trajectory.btn_my_compliment", "tr_compliment", **args)])
    rows.extend(move_choices(turn, step, args, Party.COACH))
    # Help for the coach side by side: ideas for a stuck moment, or their teacher (teach.py).
    ask_teacher = turn.choice("teach.btn_ask_teacher", "teach_ask", m=pair.match.id)
    rows.append([stuck_choice(turn, args), ask_teacher])
    rows.append([turn.choice("trajectory.btn_end", "tr_end", **args)])
    rows.append(worried_button(turn))  # issue 13: the worry route, whatever the step
    return rows


def move_choices(
    turn: Turn, step: Step, args: Mapping[str, object], party: Party
) -> list[list[Choice]]:
    """Moving on or winding back from this step; the coach proposes, the coachee may wind back."""

    def move(key: str, event: Event) -> Choice:
        return turn.choice(key, "tr_move", **args, e=event.value)

    if step is Step.PATH:
        back = [
            move("trajectory.btn_back_goal", Event.REVISE_GOAL),
            move("trajectory.btn_replan", Event.REPLAN),
        ]
        if party is Party.COACH:
            return [back, [move("trajectory.btn_start_closing", Event.START_CLOSING)]]
        return [back]
    if party is not Party.COACH:
        return []
    nexts = {Step.GOAL: "trajectory.btn_next_route", Step.ROUTE: "trajectory.btn_next_path"}
    if step in nexts:
        rows = [[turn.choice(nexts[step], "tr_next", **args)]]
        if step is Step.ROUTE:
            rows.append([move("trajectory.btn_back_goal", Event.REVISE_GOAL)])
        return rows
    if step is Step.CLOSING:
        return [
            [turn.choice("trajectory.btn_finish", "tr_next", **args)],
            [move("trajectory.btn_resume_path", Event.RESUME_PATH)],
        ]
    return []


async def send_coach_card(turn: Turn, pair: Pair, row: TrajectoryRow) -> None:
    """Send the coach the prompt card of where they are."""
    coach = pair.member(row.coach_id)
    with turn.speaking(coach.language):
        text, choices = await coach_card_parts(turn, pair, row)
        await turn.send_text(text, chat_id=coach.id, choices=choices)


# --- The coachee's notebook and the observer's card ------------------------------------------


def notebook_choices(
    turn: Turn, pair: Pair, row: TrajectoryRow, scripts: Scripts
) -> list[list[Choice]]:
    """What the coachee can write down in this step, two buttons a row."""
    args = card_args(pair, row)
    step = Step(row.step)
    buttons = [
        Choice(scripts.label(key), "tr_write", {**args, "k": key}) for key in NOTEBOOK.get(step, ())
    ]
    rows = [buttons[i : i + 2] for i in range(0, len(buttons), 2)]
    rows.extend(move_choices(turn, step, args, Party.COACHEE))
    if pair.talking is row:
        rows.append([turn.choice("trajectory.btn_end", "tr_end", **args)])
    rows.append(worried_button(turn))  # issue 13
    return rows


async def send_notebook(
    turn: Turn, pair: Pair, row: TrajectoryRow, *, intro: bool, new_step: bool = False
) -> None:
    """Send the coachee their notebook for this step, with the script's intro when starting;
    `new_step`: it opens by saying the trajectory moved on (one message for the coachee)."""
    coachee = pair.member(row.coachee_id)
    scripts = await scripts_for(turn, pair, coachee.language)
    step = Step(row.step)
    script = scripts.step(step)

    def render() -> str:
        head = turn.text("trajectory.notebook", step=step_name(turn, step))
        body = f"{script.coachee_intro}\n\n{head}" if intro else head
        if not new_step:
            return body
        moved = turn.text(
            "trajectory.new_step_head", emoji=STEP_EMOJI[step], step=step_name(turn, step)
        )
        return f"{moved}\n{body}"

    await tell_text(
        turn, coachee, render, choices=lambda: notebook_choices(turn, pair, row, scripts)
    )


async def send_observer_card(turn: Turn, pair: Pair, row: TrajectoryRow) -> None:
    """Tell a triad's observer what to watch in this step."""
    if row.observer_id is None:
        return
    observer = pair.member(row.observer_id)
    scripts = await scripts_for(turn, pair, observer.language)
    step = Step(row.step)
    prompts = (
        scripts.contract.observer_prompts
        if step is Step.CONTRACT
        else scripts.step(step).observer_prompts
    )

    def render() -> str:
        listed = "\n".join(f"• {prompt}" for prompt in prompts)
        return turn.text(
            "trajectory.observer_card",
            intro=scripts.observer.intro,
            step=step_name(turn, step),
            coach=pair.name(row.coach_id),
            coachee=pair.name(row.coachee_id),
            prompts=listed,
        )

    await tell_text(turn, observer, render, choices=lambda: [worried_button(turn)])  # issue 13


# --- Outside a conversation ------------------------------------------------------------------


async def send_home(turn: Turn, pair: Pair, member: Member) -> None:
    """Where this member stands in each trajectory, with the way to start the next conversation."""
    lines: list[str] = []
    with turn.speaking(member.language):
        for row in pair.rows:
            lines.append(_home_line(turn, pair, row, member.id))
        ahead = talking.upcoming(together(pair)) if pair.active else None
        if ahead is not None:  # what "start" will do, so nothing about it surprises
            seat, mode = ahead
            lines.append(
                turn.text(
                    f"trajectory.home_next_{mode}",
                    coach=pair.name(seat.coach),
                    coachee=pair.name(seat.coachee),
                )
            )
        text = turn.text("trajectory.home", lines=Html("\n".join(lines)))
        choices = [
            [turn.choice("trajectory.btn_start", "tr_start", m=pair.match.id)],
            [turn.choice("trajectory.btn_plan", "tr_plan", m=pair.match.id)],
        ]
        await turn.send_text(text, chat_id=member.id, choices=choices)


def _home_line(turn: Turn, pair: Pair, row: TrajectoryRow, user_id: int) -> str:
    step = Step(row.step)
    params = {"emoji": STEP_EMOJI[step], "step": step_name(turn, step)}
    if row.coach_id == user_id:
        return turn.text("trajectory.home_coach", name=pair.name(row.coachee_id), **params)
    if row.coachee_id == user_id:
        return turn.text("trajectory.home_coachee", name=pair.name(row.coach_id), **params)
    return turn.text(
        "trajectory.home_observer",
        coach=pair.name(row.coach_id),
        coachee=pair.name(row.coachee_id),
        **params,
    )
