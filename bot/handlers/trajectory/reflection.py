"""After a conversation: the coach reflects (role, seven tension fields, five questions) and a
triad's observer gives feedback along the same five questions."""

from __future__ import annotations

from bot.handlers.trajectory.core import (
    Pair,
    Target,
    arg_int,
    await_input,
    awaited,
    card_target,
    done_with,
    forget_input,
    input_kind,
    pair_of_trajectory,
    refuse,
    scripts_for,
    stale,
    tell_text,
)
from bot.handlers.trajectory.effects import settle
from bot.i18n import Html
from bot.runtime.incoming import Incoming
from bot.runtime.router import Router
from bot.runtime.turn import Choice, Turn
from flows.scripts import Scripts
from flows.trajectory import (
    TENSION_SCALE,
    CoachRole,
    Party,
    ReflectionQuestion,
    TensionField,
)
from flows.trajectory.effects import Refused
from flows.trajectory.presses import choice_press, start_press
from flows.trajectory.reflecting import FIELDS, QUESTIONS, Draft, answer, finish, place, skip
from flows.trajectory.reflecting import choose_role as choose_role_in
from storage.models import Button
from storage.trajectory_models import AwaitedInput, TrajectoryRow


def register(router: Router) -> None:
    """Wire the reflection and observation buttons and their free-text answers."""
    router.action("tr_reflect", start_reflection)
    router.action("tr_observe", start_observation)
    router.action("tr_later", later)
    router.action("tr_rrole", choose_role)
    router.action("tr_rfield", place_on_field)
    router.action("tr_rskip", skip_question)
    input_kind("reflect", on_text=answer_question, reask=show_where)
    input_kind("observe", on_text=answer_question, reask=show_where)


async def later(turn: Turn, incoming: Incoming, button: Button) -> None:
    """Not now: nothing is kept."""
    await done_with(turn, incoming.message_id)
    await turn.say("trajectory.later")


async def start_reflection(turn: Turn, incoming: Incoming, button: Button) -> None:
    """Begin the coach's reflection with the role they took."""
    target = await _target(turn, button, Party.COACH)
    if target is None:
        return
    pair, row = target.pair, target.row
    if await _started_before(turn, "reflect", row, button):
        return
    await done_with(turn, incoming.message_id)
    await await_input(turn, "reflect", row, n=arg_int(button, "n"), tensions={}, answers={})
    await _send_roles(turn, pair)


async def start_observation(turn: Turn, incoming: Incoming, button: Button) -> None:
    """Begin the observer's feedback with the first of the five questions."""
    target = await _target(turn, button, None)
    if target is None:
        return
    pair, row = target.pair, target.row
    if await _started_before(turn, "observe", row, button):
        return
    await done_with(turn, incoming.message_id)
    await await_input(turn, "observe", row, n=arg_int(button, "n"), answers={})
    await _send_question(turn, pair, 0)


async def offer_again(turn: Turn, waiting: AwaitedInput) -> bool:
    """After /cancel stopped a reflection or an observer's feedback (nothing of it kept): the
    button to begin again, as long as that conversation is still the latest. False: not one."""
    kinds = {
        "reflect": ("trajectory.reflect_cancelled", "trajectory.btn_reflect", "tr_reflect"),
        "observe": ("trajectory.observe_cancelled", "trajectory.btn_observe", "tr_observe"),
    }
    if waiting.kind not in kinds:
        return False
    pair = await pair_of_trajectory(turn, waiting.trajectory_id)
    row = pair.row(waiting.trajectory_id) if pair else None
    n = waiting.data.get("n")
    if pair is None or row is None or n != pair.snap(row).conversation_count:
        return False
    key, label, action = kinds[waiting.kind]
    again = turn.choice(label, action, t=row.id, n=n)
    await turn.say(key, coach=pair.name(row.coach_id), choices=[[again]])
    return True


async def choose_role(turn: Turn, incoming: Incoming, button: Button) -> None:
    """The role the coach mostly took; then the first tension field."""
    waiting = await awaited(turn)
    if waiting is None or waiting.kind != "reflect":
        await stale(turn)
        return
    refused = choice_press(waiting.data, "role")
    if refused is not None:
        await refuse(turn, refused)
        return
    await _go_on(turn, incoming, waiting, choose_role_in(_draft(waiting), button.args.get("r")))


async def place_on_field(turn: Turn, incoming: Incoming, button: Button) -> None:
    """A position on one tension field; then the next field, or the questions."""
    waiting = await awaited(turn)
    if waiting is None or waiting.kind != "reflect":
        await stale(turn)
        return
    placed = place(_draft(waiting), button.args.get("f"), arg_int(button, "v"))
    await _go_on(turn, incoming, waiting, placed)


async def answer_question(turn: Turn, waiting: AwaitedInput, text: str) -> None:
    """A typed answer to the current question (or a re-ask while buttons are due)."""
    answered = answer(_draft(waiting), text)
    if isinstance(answered, Refused):
        await refuse(turn, answered)  # refused whole, never cut: the words are theirs
        if answered.reason_key == "trajectory.use_buttons":
            await show_where(turn, waiting)
        return
    await _go_on(turn, None, waiting, answered)


async def skip_question(turn: Turn, incoming: Incoming, button: Button) -> None:
    """Pass over one question."""
    waiting = await awaited(turn)
    if waiting is None or waiting.kind not in ("reflect", "observe"):
        await stale(turn)
        return
    await _go_on(turn, incoming, waiting, skip(_draft(waiting), arg_int(button, "q")))


def _draft(waiting: AwaitedInput) -> Draft:
    return Draft.read(waiting.kind, waiting.data)


async def _go_on(
    turn: Turn, incoming: Incoming | None, waiting: AwaitedInput, draft: Draft | None
) -> None:
    """Keep the changed draft and show the next card, or store it once complete."""
    if draft is None:
        await stale(turn)
        return
    if incoming is not None:
        await done_with(turn, incoming.message_id)
    waiting.data = {**waiting.data, **draft.data()}
    if not draft.complete:
        await show_where(turn, waiting)
        return
    pair = await pair_of_trajectory(turn, waiting.trajectory_id)
    row = pair.row(waiting.trajectory_id) if pair else None
    await forget_input(turn)
    if pair is None or row is None:
        await turn.say("trajectory.stale_text")
        return
    if await settle(turn, pair, row, finish(pair.snap(row), draft, turn.now)) and draft.observer:
        await _feedback_to_coach(turn, pair, row, dict(draft.answers))


async def show_where(turn: Turn, waiting: AwaitedInput) -> None:
    """Show the card the reflection or observation is at (also when asked again)."""
    pair = await pair_of_trajectory(turn, waiting.trajectory_id)
    if pair is None:
        await forget_input(turn)
        await turn.say("trajectory.stale_text")
        return
    draft = _draft(waiting)
    if not draft.observer and draft.role is None:
        await _send_roles(turn, pair)
    elif draft.next_field is not None:
        await _send_field(turn, pair, draft.next_field)
    else:
        await _send_question(turn, pair, draft.question_index)


async def _send_roles(turn: Turn, pair: Pair) -> None:
    scripts = await scripts_for(turn, pair, turn.language)
    roles = scripts.reflection.roles
    buttons = [Choice(roles[r].name, "tr_rrole", {"r": r.value}) for r in CoachRole]
    listed = "\n".join(f"• <b>{roles[r].name}</b>: {roles[r].description}" for r in CoachRole)
    await turn.send_text(
        f"{scripts.reflection.role_prompt}\n\n{listed}",
        choices=[buttons[i : i + 2] for i in range(0, len(buttons), 2)],
    )


async def _send_field(turn: Turn, pair: Pair, field: TensionField) -> None:
    scripts = await scripts_for(turn, pair, turn.language)
    poles = scripts.reflection.tensions[field]
    number = FIELDS.index(field) + 1
    prompt = scripts.reflection.tension_prompt if number == 1 else ""
    text = turn.text(
        "trajectory.tension",
        prompt=prompt,
        number=number,
        count=len(FIELDS),
        left=poles.left,
        right=poles.right,
    )
    examples = turn.text(
        "reflect.tension_examples",
        left=Html(turn.text(f"reflect.tension_{field.value}_left_example")),
        right=Html(turn.text(f"reflect.tension_{field.value}_right_example")),
    )
    buttons = [Choice(str(v), "tr_rfield", {"f": field.value, "v": v}) for v in TENSION_SCALE]
    await turn.send_text(f"{text.strip()}\n{examples}", choices=[buttons])


async def _send_question(turn: Turn, pair: Pair, index: int) -> None:
    scripts = await scripts_for(turn, pair, turn.language)
    question = QUESTIONS[index]
    intro = scripts.reflection.questions_intro if index == 0 else ""
    text = turn.text(
        "trajectory.reflect_question",
        intro=intro,
        number=index + 1,
        count=len(QUESTIONS),
        question=scripts.reflection.questions[question],
    )
    skip = turn.choice("trajectory.btn_skip", "tr_rskip", q=index)
    await turn.send_text(text.strip(), choices=[[skip]])


async def _feedback_to_coach(
    turn: Turn, pair: Pair, row: TrajectoryRow, answers: dict[ReflectionQuestion, str]
) -> None:
    """The observer's feedback is kept; the observer hears so, the coach gets it to read."""
    await turn.say("trajectory.observe_saved", coach=pair.name(row.coach_id))
    coach = pair.member(row.coach_id)
    scripts = await scripts_for(turn, pair, coach.language)
    await tell_text(turn, coach, lambda: _feedback_text(turn, pair, turn.chat_id, scripts, answers))


def _feedback_text(
    turn: Turn,
    pair: Pair,
    observer: int,
    scripts: Scripts,
    answers: dict[ReflectionQuestion, str],
) -> str:
    lines = [
        turn.text(
            "trajectory.feedback_line",
            question=scripts.reflection.questions[question],
            answer=answer,
        )
        for question, answer in answers.items()
    ]
    head = turn.text("trajectory.feedback_from", name=pair.name(observer))
    return head + "\n\n" + "\n\n".join(lines)


async def _target(turn: Turn, button: Button, party: Party | None) -> Target | None:
    """The trajectory a reflect (coach) or observe (observer, `party` None) button is about,
    if it is still about the latest conversation."""

    def holds(pair: Pair, row: TrajectoryRow) -> bool:
        observer = party is not None or row.observer_id == turn.chat_id
        return observer and arg_int(button, "n") == pair.snap(row).conversation_count

    return await card_target(turn, button, party=party, ended=True, holds=holds)


async def _started_before(turn: Turn, kind: str, row: TrajectoryRow, button: Button) -> bool:
    """Whether this reflection (or observation) already runs; then say so on the button."""
    waiting = await awaited(turn)
    now = (waiting.kind, waiting.trajectory_id, waiting.data.get("n")) if waiting else None
    refused = start_press(now, (kind, row.id, arg_int(button, "n")))
    if refused is not None:
        await refuse(turn, refused)
    return refused is not None
