"""Asking a partner to write something down: text prompts, the 0-10 scale, dates, roles."""

from __future__ import annotations

from datetime import timedelta

from bot.handlers.trajectory.core import (
    Member,
    Pair,
    await_input,
    day_label,
    scripts_for,
    today,
)
from bot.i18n import Html
from bot.runtime.turn import Choice, Turn
from flows.trajectory import (
    SKIPPABLE,
    CoachRole,
    Party,
    SmallStep,
    Step,
    StepStatus,
)
from flows.trajectory.presses import step_version
from flows.trajectory.prompts import Takes, awaited_kind, takes_of
from storage.trajectory_models import TrajectoryRow

DATE_OFFSETS = (1, 3, 7, 14)


async def ask(
    turn: Turn,
    pair: Pair,
    row: TrajectoryRow,
    key: str,
    *,
    chain: str = "",
    by: Party = Party.COACHEE,
    skipped: list[str] | None = None,
) -> None:
    """Ask the coachee (or, for a compliment, the coach) for one capture of this step."""
    person = pair.member(row.coachee_id if by is Party.COACHEE else row.coach_id)
    takes = takes_of(key)
    if takes is Takes.SCALE:
        await ask_scale(turn, pair, row, person, chain=chain, skipped=skipped or [])
    elif takes is Takes.STEPS_REVIEW:
        await send_steps(turn, pair, row, person)
    elif takes is Takes.ROLE:
        await ask_role(turn, pair, row, person)
    else:
        kind = awaited_kind(key)
        await await_input(
            turn, kind, row, user_id=person.id, chain=chain, by=by.value, skipped=skipped or []
        )
        await _text_prompt(turn, pair, row, person, key, kind, chain=chain, by=by)


async def _text_prompt(
    turn: Turn,
    pair: Pair,
    row: TrajectoryRow,
    person: Member,
    key: str,
    kind: str,
    *,
    chain: str,
    by: Party,
) -> None:
    with turn.speaking(person.language):
        if by is Party.COACH:
            prompt = turn.text("trajectory.coach_compliment_prompt", name=pair.name(row.coachee_id))
        else:
            script = (await scripts_for(turn, pair, person.language)).step(Step(row.step))
            # The route asks for a first small step, the path for the next one: same capture.
            twin = {"small_step": "next_step", "next_step": "small_step"}.get(key, key)
            prompt = script.prompt(key if key in script.prompts else twin)
        skip = chain == "closing" and key in SKIPPABLE
        button = (
            turn.choice("trajectory.btn_skip", "tr_skip", t=row.id, k=key)
            if skip
            else turn.choice("trajectory.btn_drop", "tr_drop", t=row.id, w=kind)
        )
        text = turn.text("trajectory.prompt", prompt=prompt)
        await turn.send_text(text, chat_id=person.id, choices=[[button]])


async def ask_scale(
    turn: Turn,
    pair: Pair,
    row: TrajectoryRow,
    person: Member,
    *,
    chain: str = "",
    skipped: list[str] | None = None,
) -> None:
    """Ask where the coachee stands from 0 to 10, with eleven buttons."""
    await await_input(turn, "scale", row, user_id=person.id, chain=chain, skipped=skipped or [])
    await send_scale(turn, pair, row, person, chain=chain)


async def send_scale(
    turn: Turn, pair: Pair, row: TrajectoryRow, person: Member, *, chain: str = ""
) -> None:
    """The scale question with its buttons (also used to ask again)."""
    with turn.speaking(person.language):
        script = (await scripts_for(turn, pair, person.language)).step(Step(row.step))
        buttons = [Choice(str(value), "tr_scale", {"t": row.id, "v": value}) for value in range(11)]
        rows = [buttons[:6], buttons[6:]]
        if chain == "closing":
            rows.append([turn.choice("trajectory.btn_skip", "tr_skip", t=row.id, k="scale")])
        text = turn.text("trajectory.prompt_scale", prompt=script.prompt("scale"))
        await turn.send_text(text, chat_id=person.id, choices=rows)


async def send_dates(turn: Turn, row: TrajectoryRow, person: Member, action: str) -> None:
    """Day buttons for a small step: tomorrow, in three days, in a week, in two weeks."""
    with turn.speaking(person.language):
        start = today(turn)
        buttons = [
            Choice(
                turn.plain(
                    f"trajectory.in_days_{offset}", day=day_label(turn, start + timedelta(offset))
                ),
                action,
                {"t": row.id, "d": offset},
            )
            for offset in DATE_OFFSETS
        ]
        kind = "step_date" if action == "tr_date" else "change_date"
        drop = turn.choice("trajectory.btn_drop", "tr_drop", t=row.id, w=kind)
        rows = [buttons[:2], buttons[2:], [drop]]
        await turn.send_text(turn.text("trajectory.prompt_date"), chat_id=person.id, choices=rows)


async def ask_role(turn: Turn, pair: Pair, row: TrajectoryRow, person: Member) -> None:
    """Let the coachee choose the role they would like from their coach today."""
    await await_input(turn, "role", row, user_id=person.id)
    await send_roles(turn, pair, row, person)


async def send_roles(turn: Turn, pair: Pair, row: TrajectoryRow, person: Member) -> None:
    """The six coach roles as buttons, each explained in one line."""
    with turn.speaking(person.language):
        scripts = await scripts_for(turn, pair, person.language)
        roles = scripts.reflection.roles
        listed = "\n".join(f"• <b>{roles[r].name}</b>: {roles[r].description}" for r in CoachRole)
        buttons = [Choice(roles[r].name, "tr_role", {"t": row.id, "r": r.value}) for r in CoachRole]
        text = turn.text("trajectory.prompt_role", prompt=scripts.step(Step.PATH).prompt("role"))
        await turn.send_text(
            f"{text}\n\n{listed}",
            chat_id=person.id,
            choices=[buttons[i : i + 2] for i in range(0, len(buttons), 2)],
        )


async def send_steps(turn: Turn, pair: Pair, row: TrajectoryRow, person: Member) -> None:
    """The coachee's small steps with buttons to tick off, change or drop each open one."""
    snapshot = pair.snap(row)
    with turn.speaking(person.language):
        if not snapshot.small_steps:
            await turn.say("trajectory.steps_none", chat_id=person.id)
            return
        lines = [step_line(turn, step) for step in snapshot.small_steps]
        editable = Step(row.step) in (Step.ROUTE, Step.PATH) and pair.active
        rows = [step_buttons(row, step) for step in snapshot.small_steps if step.active]
        if not editable:
            rows = []
        else:
            add = turn.choice(
                "trajectory.btn_add_step", "tr_write", t=row.id, s=row.step, k="small_step"
            )
            rows.append([add])
        text = turn.text("trajectory.steps", lines=Html("\n".join(lines)))
        if rows:
            text = f"{text}\n\n{turn.text('trajectory.steps_hint')}"
        await turn.send_text(text, chat_id=person.id, choices=rows or None)


def step_buttons(row: TrajectoryRow, step: SmallStep) -> list[Choice]:
    """Tick off, change or drop one open step."""
    args = {"t": row.id, "n": step.number, "v": step_version(step)}
    return [
        Choice(f"{mark} {step.number}", "tr_step", {**args, "a": action})
        for mark, action in (("✅", "done"), ("✏️", "change"), ("🗑", "drop"))
    ]


STATUS_MARKS = {
    StepStatus.OPEN: "⬜",
    StepStatus.CHANGED: "🔄",
    StepStatus.DONE: "✅",
    StepStatus.DROPPED: "➖",
}


def step_line(turn: Turn, step: SmallStep) -> str:
    """One small step as a line: status mark, number, words and date."""
    return turn.text(
        "trajectory.step_line",
        mark=STATUS_MARKS[step.status],
        number=step.number,
        text=step.text,
        due=day_label(turn, step.due),
    )
