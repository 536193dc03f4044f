"""/practice (issue 16): a short conversation with a scripted coachee before the first real one,
through cards like the coach's. Nothing the student does here is kept but where they are and,
once finished, the tick their teachers see."""

from __future__ import annotations

from bot.handlers.trajectory.cards import STEP_EMOJI
from bot.handlers.trajectory.core import step_name
from bot.runtime.incoming import Incoming
from bot.runtime.router import Router
from bot.runtime.turn import Choice, Turn
from flows.onboarding import Role
from flows.practice import (
    PRACTICE_STEPS,
    Move,
    Practice,
    characters,
    load_character,
    move,
    start,
    step_number,
)
from flows.scripts import load_scripts
from storage import cohorts, practice
from storage.models import Button

PICK, MOVE, STOP = "pr_pick", "pr_move", "pr_stop"


def register(router: Router) -> None:
    """Wire /practice and its buttons; every card works once and the next card follows."""
    router.command("practice", practice_command)
    router.action(PICK, pick_character)
    router.action(MOVE, move_on_card)
    router.action(STOP, stop_practice)
    # After the real trajectory's captures and relay: a real conversation goes first.
    router.on_text(typed_in_practice, waits=practice.IN_PRACTICE)


async def typed_in_practice(turn: Turn, incoming: Incoming) -> bool:
    """Typing in a practice: the scripted coachee answers the card's buttons, not free text."""
    current = practice.practice_of(await practice.run_of(turn.session, user_id=turn.person.id))
    if current is None:
        return False
    await turn.say("practice.use_buttons")
    await _card(turn, current)
    return True


async def practice_command(turn: Turn, incoming: Incoming) -> None:
    """Offer the characters to practise with."""
    mine = await cohorts.memberships_of(turn.session, user_id=turn.person.id, role=Role.STUDENT)
    if not mine:
        await turn.say("practice.not_student")
        return
    cohort_id = mine[0].cohort_id
    choices = [
        [Choice(f"{c.topic} · {c.name} ({c.age})", PICK, {"ch": c.id, "co": cohort_id})]
        for c in characters(turn.language)
    ]
    await turn.say("practice.intro", choices=choices)


async def pick_character(turn: Turn, incoming: Incoming, button: Button) -> None:
    """Begin (again) with the chosen character: who they are, then the first card."""
    chosen = start(str(button.args["ch"]))
    character = load_character(chosen.character, turn.language)
    await practice.begin(
        turn.session,
        user_id=turn.person.id,
        cohort_id=int(button.args["co"]),
        practice=chosen,
        now=turn.now,
    )
    await turn.answer()
    await turn.say(
        "practice.begin", name=character.name, age=character.age, situation=character.situation
    )
    await _card(turn, chosen)


async def move_on_card(turn: Turn, incoming: Incoming, button: Button) -> None:
    """Ask the card's question, show another one, or go on to the next step (or finish)."""
    run = await practice.run_of(turn.session, user_id=turn.person.id)
    current = practice.practice_of(run)
    if run is None or current is None or button.args.get("v") != current.version:
        turn.refuse_press()
        await turn.answer("practice.stale")
        return
    character = load_character(current.character, turn.language)
    what = Move(str(button.args["m"]))
    outcome = move(current, character, what)
    await turn.answer()
    if outcome.practice is None:
        practice.finish(run, turn.now)
        await turn.say("practice.done", name=character.name)
        return
    if what is Move.ASK and outcome.reply is not None:
        await turn.say(
            "practice.reply",
            question=_question(turn, current),
            name=character.name,
            reply=outcome.reply,
        )
    if outcome.said_all:
        await turn.say("practice.said_all", name=character.name)
    practice.save(run, outcome.practice)
    await _card(turn, outcome.practice)


async def stop_practice(turn: Turn, incoming: Incoming, button: Button) -> None:
    """Stop halfway; /practice begins again whenever the student likes."""
    run = await practice.run_of(turn.session, user_id=turn.person.id)
    current = practice.practice_of(run)
    if run is None or current is None or button.args.get("v") != current.version:
        turn.refuse_press()
        await turn.answer("practice.stale")
        return
    practice.stop(run)
    await turn.answer()
    await turn.say("practice.stopped")


def _question(turn: Turn, state: Practice) -> str:
    """The suggested question on the card: the step's questions from the coaching script."""
    script = load_scripts(turn.language).step(state.step)
    questions = [question for theme in script.themes for question in theme.questions]
    return questions[state.question % len(questions)]


async def _card(turn: Turn, state: Practice) -> None:
    """The practice card: the step, a suggested question and the coach's buttons."""
    here = {"v": state.version}
    last = state.step is PRACTICE_STEPS[-1]
    choices = [
        [
            turn.choice("practice.btn_ask", MOVE, m=Move.ASK.value, **here),
            turn.choice("practice.btn_another", MOVE, m=Move.ANOTHER.value, **here),
        ],
        [
            turn.choice(
                "practice.btn_finish" if last else "practice.btn_next",
                MOVE,
                m=Move.NEXT.value,
                **here,
            )
        ],
        [turn.choice("practice.btn_stop", STOP, **here)],
    ]
    await turn.say(
        "practice.card",
        emoji=STEP_EMOJI[state.step],
        step=step_name(turn, state.step),
        number=step_number(state),
        steps=len(PRACTICE_STEPS),
        question=_question(turn, state),
        choices=choices,
    )
