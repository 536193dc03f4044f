"""/rounds: a coordinator sees the round that runs and the rounds before, ends the running one
(keeping or closing its pairs) and starts the next, which opens the same preview as /pair."""

from __future__ import annotations

from datetime import datetime

from bot.handlers.pairing.common import cohort_pressed, cohorts_with_role, date_text, int_arg
from bot.handlers.pairing.ending import end_round, tell_coordinator
from bot.handlers.pairing.preview import new_round, show_preview
from bot.handlers.pairing.round import load_pool
from bot.i18n import Html
from bot.runtime.incoming import Incoming
from bot.runtime.router import Router
from bot.runtime.turn import Choice, Turn
from flows.onboarding import Role
from flows.pairing.ending import NextStep, RoundEnding, RoundSummary, current, next_step
from flows.pairing.ending import summarise as summarise_rounds
from storage import cohorts, pairing, pairing_rounds
from storage.models import Button

ROUNDS_SHOWN = 12  # the latest ones; older rounds are on the dashboard


def register(router: Router) -> None:
    """Wire /rounds and its buttons."""
    router.command("rounds", rounds_command)
    router.action("rd_cohort", rounds_for_cohort)
    router.action("rd_end", end_pressed)
    router.action("rd_endo", ending_chosen)
    router.action("rd_next", next_pressed)


async def rounds_command(turn: Turn, incoming: Incoming) -> None:
    """/rounds: the overview of the one cohort, or a choice of cohorts first."""
    mine = await cohorts_with_role(turn, Role.COORDINATOR)
    if not mine:
        await turn.say("pairing.coordinators_only")
    elif len(mine) == 1:
        await show_rounds(turn, mine[0].cohort_id)
    else:
        rows = [[Choice(m.cohort_name, "rd_cohort", {"c": m.cohort_id})] for m in mine]
        await turn.say("pairing.pick_cohort", choices=rows)


async def rounds_for_cohort(turn: Turn, incoming: Incoming, button: Button) -> None:
    """The cohort picked from /rounds, checked again."""
    cohort_id = await cohort_pressed(turn, incoming, button)
    if cohort_id is not None:
        await show_rounds(turn, cohort_id)


async def _state(turn: Turn, cohort_id: int) -> tuple[list[RoundSummary], int, NextStep]:
    """The cohort's history, how many pairs run, and what can be done now."""
    history = summarise_rounds(await pairing_rounds.round_facts(turn.session, cohort_id=cohort_id))
    running = len(await pairing.active_members(turn.session, cohort_id=cohort_id))
    draft = await pairing.draft_round(turn.session, cohort_id=cohort_id) is not None
    return history, running, next_step(history, running=running, draft=draft)


async def show_rounds(turn: Turn, cohort_id: int) -> None:
    """The running round, the rounds before, and a button for what comes next."""
    cohort = await cohorts.cohort_by_id(turn.session, cohort_id=cohort_id)
    name = cohort.name if cohort else ""
    await turn.use_cohort_time(cohort_id)
    history, running, step = await _state(turn, cohort_id)
    now = current(history)
    if now is not None:
        running_line = turn.text(
            "pairing.rounds_now",
            number=now.number,
            date=_date(turn, now.started),
            pairs=running,
        )
    else:
        running_line = turn.text("pairing.rounds_none_running", pairs=running)
    earlier = [_line(turn, summary) for summary in history if summary is not now]
    shown = earlier[-ROUNDS_SHOWN:]
    past = "\n".join(shown) if shown else turn.text("pairing.rounds_no_history")
    last = history[-1].number if history else 0
    if step is NextStep.END and now is not None:
        args = {"c": cohort_id, "n": now.number}
        button = Choice(turn.plain("pairing.btn_end_round", number=now.number), "rd_end", args)
    elif step is NextStep.DRAFT:
        button = turn.choice("pairing.btn_open_draft", "rd_next", c=cohort_id)
    else:
        button = Choice(
            turn.plain("pairing.btn_next_round", number=last + 1), "rd_next", {"c": cohort_id}
        )
    await turn.say(
        "pairing.rounds_overview",
        cohort=name,
        now=Html(running_line),
        history=Html(past),
        choices=[[button]],
    )


def _date(turn: Turn, moment: datetime | None) -> str:
    return date_text(turn, moment) if moment is not None else "?"


def _line(turn: Turn, summary: RoundSummary) -> str:
    """One earlier round: number, dates, pairs and what became of them."""
    ending = summary.ending.value if summary.ending is not None else "none"
    return turn.text(
        "pairing.rounds_line",
        number=summary.number,
        start=_date(turn, summary.started),
        end=_date(turn, summary.ended),
        pairs=summary.made,
        finished=summary.finished,
        dissolved=summary.dissolved,
        running=summary.running,
        ending=ending,
    )


async def end_pressed(turn: Turn, incoming: Incoming, button: Button) -> None:
    """Ending the round: first the choice, keep the pairs or close their trajectories."""
    cohort_id = await cohort_pressed(turn, incoming, button)
    number = int_arg(button.args, "n")
    if cohort_id is None or number is None:
        return
    running = len(await pairing.active_members(turn.session, cohort_id=cohort_id))
    args = {"c": cohort_id, "n": number}
    await turn.say(
        "pairing.round_end_choice",
        round=number,
        pairs=running,
        choices=[
            [turn.choice("pairing.btn_keep_pairs", "rd_endo", **args, e=RoundEnding.KEEP.value)],
            [turn.choice("pairing.btn_close_pairs", "rd_endo", **args, e=RoundEnding.CLOSE.value)],
        ],
    )


async def ending_chosen(turn: Turn, incoming: Incoming, button: Button) -> None:
    """The round ends as chosen; the coordinator gets a summary and the overview again."""
    cohort_id = await cohort_pressed(turn, incoming, button)
    number = int_arg(button.args, "n")
    try:
        ending = RoundEnding(str(button.args.get("e")))
    except ValueError:
        return
    if cohort_id is None or number is None:
        return
    cohort = await cohorts.cohort_by_id(turn.session, cohort_id=cohort_id)
    name = cohort.name if cohort else ""
    ended = await end_round(turn, cohort_id, number, ending, name)
    await tell_coordinator(turn, ended, ending, name)
    await show_rounds(turn, cohort_id)


async def next_pressed(turn: Turn, incoming: Incoming, button: Button) -> None:
    """The next round: the same preview as /pair, to adjust and confirm."""
    cohort_id = await cohort_pressed(turn, incoming, button)
    if cohort_id is not None:
        await start_next(turn, cohort_id)


async def start_next(turn: Turn, cohort_id: int) -> None:
    """The waiting proposal, or a new one; a round that still runs is ended first."""
    _, _, step = await _state(turn, cohort_id)
    if step is NextStep.END:
        await turn.say("pairing.round_end_first")
        await show_rounds(turn, cohort_id)
        return
    view = await load_pool(turn.session, cohort_id=cohort_id, now=turn.now)
    draft = await pairing.draft_round(turn.session, cohort_id=cohort_id)
    if draft is not None:
        await show_preview(turn, draft, view)
    elif not view.entries:
        await turn.say("pairing.pool_empty", cohort=view.cohort_name)
    else:
        await new_round(turn, view)
