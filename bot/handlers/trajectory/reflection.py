"""After a conversation: the coach reflects (role, seven tension fields, five questions) and a
triad's observer gives feedback along the same five questions."""

from __future__ import annotations

from bot.handlers.trajectory.core import (
    Member,
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
    put,
    refuse,
    scripts_for,
    stale,
    tell,
    tell_text,
)
from bot.i18n import Html
from bot.runtime.incoming import Incoming
from bot.runtime.router import Router
from bot.runtime.turn import Choice, Turn
from flows.scripts import Scripts
from flows.trajectory import (
    TENSION_SCALE,
    CaptureError,
    CoachRole,
    Party,
    ReflectionQuestion,
    TensionField,
    add_observation,
    add_reflection,
)
from flows.trajectory.checks import TEXT_LIMIT
from flows.trajectory.presses import choice_press, start_press
from storage.models import Button
from storage.trajectory_models import AwaitedInput, TrajectoryRow

FIELDS = tuple(TensionField)
QUESTIONS = tuple(ReflectionQuestion)


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


async def offer_reflection(turn: Turn, pair: Pair, row: TrajectoryRow) -> None:
    """Invite the coach to look back on the conversation that just ended."""
    coach = pair.member(row.coach_id)
    scripts = await scripts_for(turn, pair, coach.language)
    button = ("trajectory.btn_reflect", "tr_reflect")
    intro = scripts.reflection.intro
    await _offer(turn, pair, row, coach, "trajectory.reflect_offer", button, intro=intro)


async def offer_observation(turn: Turn, pair: Pair, row: TrajectoryRow) -> None:
    """Invite a triad's observer to give the coach feedback."""
    if row.observer_id is None:
        return
    observer = pair.member(row.observer_id)
    scripts = await scripts_for(turn, pair, observer.language)
    intro = scripts.observer.feedback_intro
    button = ("trajectory.btn_observe", "tr_observe")
    coach = pair.name(row.coach_id)
    await _offer(
        turn, pair, row, observer, "trajectory.observe_offer", button, intro=intro, coach=coach
    )


async def _offer(
    turn: Turn,
    pair: Pair,
    row: TrajectoryRow,
    member: Member,
    key: str,
    button: tuple[str, str],
    **params: object,
) -> None:
    """Offer to look back on this trajectory's latest conversation now (the button), or later."""
    args = {"t": row.id, "n": pair.snap(row).conversation_count}
    label, action = button
    await tell(
        turn,
        member,
        key,
        choices=lambda: [
            [turn.choice(label, action, **args), turn.choice("trajectory.btn_later", "tr_later")]
        ],
        **params,
    )


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
    waiting = await await_input(turn, "observe", row, n=arg_int(button, "n"), answers={})
    await _send_question(turn, pair, waiting)


async def choose_role(turn: Turn, incoming: Incoming, button: Button) -> None:
    """The role the coach mostly took; then the first tension field."""
    waiting = await awaited(turn)
    role = button.args.get("r")
    if waiting is None or waiting.kind != "reflect" or role not in set(CoachRole):
        await stale(turn)
        return
    refused = choice_press(waiting.data, "role")
    if refused is not None:
        await refuse(turn, refused)
        return
    await done_with(turn, incoming.message_id)
    waiting.data = {**waiting.data, "role": role}
    await show_where(turn, waiting)


async def place_on_field(turn: Turn, incoming: Incoming, button: Button) -> None:
    """A position on one tension field; then the next field, or the questions."""
    waiting = await awaited(turn)
    field, value = button.args.get("f"), arg_int(button, "v")
    if waiting is None or waiting.kind != "reflect" or value not in TENSION_SCALE:
        await stale(turn)
        return
    if field in waiting.data["tensions"] or field not in set(TensionField):
        await stale(turn)
        return
    await done_with(turn, incoming.message_id)
    waiting.data = {**waiting.data, "tensions": {**waiting.data["tensions"], field: value}}
    await show_where(turn, waiting)


async def answer_question(turn: Turn, waiting: AwaitedInput, text: str) -> None:
    """A typed answer to the current reflection question (or a re-ask while sliders are due)."""
    if waiting.kind == "reflect" and _next_field(waiting) is not None:
        await turn.say("trajectory.use_buttons")
        await show_where(turn, waiting)
        return
    answer = " ".join(text.split())
    if len(answer) > TEXT_LIMIT:  # refused, not cut: the words are theirs to shorten
        await turn.say("trajectory.too_long_note", limit=TEXT_LIMIT)
        return
    await _record_answer(turn, waiting, answer)


async def skip_question(turn: Turn, incoming: Incoming, button: Button) -> None:
    """Pass over one question."""
    waiting = await awaited(turn)
    if waiting is None or waiting.kind not in ("reflect", "observe"):
        await stale(turn)
        return
    if arg_int(button, "q") != len(waiting.data["answers"]) + _skipped(waiting):
        await stale(turn)
        return
    await done_with(turn, incoming.message_id)
    waiting.data = {**waiting.data, "skipped": _skipped(waiting) + 1}
    await _after_answer(turn, waiting)


async def _record_answer(turn: Turn, waiting: AwaitedInput, answer: str) -> None:
    question = QUESTIONS[_question_index(waiting)]
    waiting.data = {**waiting.data, "answers": {**waiting.data["answers"], question.value: answer}}
    await _after_answer(turn, waiting)


async def _after_answer(turn: Turn, waiting: AwaitedInput) -> None:
    if _question_index(waiting) < len(QUESTIONS):
        await show_where(turn, waiting)
        return
    pair = await pair_of_trajectory(turn, waiting.trajectory_id)
    row = pair.row(waiting.trajectory_id) if pair else None
    await forget_input(turn)
    if pair is None or row is None:
        await turn.say("trajectory.stale_text")
        return
    if waiting.kind == "reflect":
        await _store_reflection(turn, pair, row, waiting)
    else:
        await _store_observation(turn, pair, row, waiting)


async def show_where(turn: Turn, waiting: AwaitedInput) -> None:
    """Show the card the reflection or observation is at (also when asked again)."""
    pair = await pair_of_trajectory(turn, waiting.trajectory_id)
    if pair is None:
        await forget_input(turn)
        await turn.say("trajectory.stale_text")
        return
    if waiting.kind == "reflect" and "role" not in waiting.data:
        await _send_roles(turn, pair)
    elif waiting.kind == "reflect" and _next_field(waiting) is not None:
        await _send_field(turn, pair, waiting)
    else:
        await _send_question(turn, pair, waiting)


async def _send_roles(turn: Turn, pair: Pair) -> None:
    scripts = await scripts_for(turn, pair, turn.language)
    roles = scripts.reflection.roles
    buttons = [Choice(roles[r].name, "tr_rrole", {"r": r.value}) for r in CoachRole]
    listed = "\n".join(f"• <b>{roles[r].name}</b>: {roles[r].description}" for r in CoachRole)
    await turn.send_text(
        f"{scripts.reflection.role_prompt}\n\n{listed}",
        choices=[buttons[i : i + 2] for i in range(0, len(buttons), 2)],
    )


async def _send_field(turn: Turn, pair: Pair, waiting: AwaitedInput) -> None:
    field = _next_field(waiting)
    assert field is not None
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


async def _send_question(turn: Turn, pair: Pair, waiting: AwaitedInput) -> None:
    scripts = await scripts_for(turn, pair, turn.language)
    index = _question_index(waiting)
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


async def _store_reflection(
    turn: Turn, pair: Pair, row: TrajectoryRow, waiting: AwaitedInput
) -> None:
    data = waiting.data
    try:
        reflected = add_reflection(
            pair.snap(row),
            role=CoachRole(data["role"]),
            tensions={TensionField(f): v for f, v in data["tensions"].items()},
            answers={ReflectionQuestion(q): a for q, a in data["answers"].items()},
            by=Party.COACH,
            at=turn.now,
        )
    except CaptureError:
        await turn.say("trajectory.reflect_done_before")
        return
    put(turn, pair, row, reflected)
    await turn.say("trajectory.reflect_saved")


async def _store_observation(
    turn: Turn, pair: Pair, row: TrajectoryRow, waiting: AwaitedInput
) -> None:
    answers = {ReflectionQuestion(q): a for q, a in waiting.data["answers"].items()}
    if not answers:
        await turn.say("trajectory.observe_empty")
        return
    try:
        put(turn, pair, row, add_observation(pair.snap(row), answers, at=turn.now))
    except CaptureError:
        await turn.say("trajectory.reflect_done_before")
        return
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


def _next_field(waiting: AwaitedInput) -> TensionField | None:
    placed = waiting.data.get("tensions", {})
    return next((f for f in FIELDS if f.value not in placed), None)


def _skipped(waiting: AwaitedInput) -> int:
    return int(waiting.data.get("skipped", 0))


def _question_index(waiting: AwaitedInput) -> int:
    return len(waiting.data["answers"]) + _skipped(waiting)
