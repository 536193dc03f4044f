"""The dance check: three private taps a little after a conversation, and both answers side by
side when the pair starts the next one. The rules are in `flows.dance`; staff never see it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from bot.handlers.trajectory.core import Member, Pair, done_with, load_pair, pair_of_button, stale
from bot.i18n import Html
from bot.runtime.handler_types import TimerHandler
from bot.runtime.incoming import Incoming
from bot.runtime.router import Router
from bot.runtime.turn import Choice, Turn
from flows import dance as rules
from flows.trajectory.timing import Due, match_conversation, morning
from storage import dance, timers
from storage.models import Button
from storage.timers import DueTimer
from storage.trajectory_models import TrajectoryRow


def register(router: Router) -> None:
    """Wire the three taps (each tap edits the card into the next question)."""
    router.action("tr_dance", dance_tap)


def timer_handlers() -> dict[str, TimerHandler]:
    """The moment the dance check is asked."""
    return {rules.DANCE_TIMER: fire_dance_check}


async def ask_later(turn: Turn, pair: Pair, row: TrajectoryRow) -> None:
    """A conversation ended: ask its coach and coachee a little later, each on their own."""
    number = pair.snap(row).conversation_count
    for person in (row.coach_id, row.coachee_id):
        if person not in pair.member_ids:
            continue
        payload = {"m": pair.match.id, "t": row.id, "n": number, "c": pair.state.conversations}
        await timers.schedule(
            turn.session,
            conversation=match_conversation(pair.match.id),
            kind=rules.DANCE_TIMER,
            due_at=turn.now + rules.DANCE_DELAY,
            payload={**payload, "u": person},
            name=f"dance:{row.id}:{number}:{person}",
        )


async def fire_dance_check(turn: Turn, timer: DueTimer) -> None:
    """Ask the first question, unless the next conversation already began or it was answered."""
    due = Due(timer.kind, timer.conversation, timer.payload)
    match_id, person = timer.payload.get("m"), timer.payload.get("u")
    pair = await load_pair(turn, match_id) if isinstance(match_id, int) else None
    if pair is None or not pair.active or not isinstance(person, int):
        return
    later = morning(due, now=turn.now, time=turn.time)
    if later is not None:  # quiet hours: ask when they end
        await timers.schedule(
            turn.session,
            conversation=later.conversation,
            kind=later.kind,
            due_at=later.at,
            payload=dict(later.payload),
        )
        return
    found = await _still_open(turn, pair, timer.payload, person)
    if found is None:
        return
    row, member = found
    if member.unreachable:
        return  # they blocked the bot or left: nothing to ask
    partner = pair.name(_partner(row, person))
    with turn.speaking(member.language):
        text, choices = _card(turn, dict(timer.payload), rules.first(), partner)
        await turn.send_text(text, chat_id=member.id, choices=choices)


async def dance_tap(turn: Turn, incoming: Incoming, button: Button) -> None:
    """One tap: the card turns into the next question, or the answers are kept."""
    args = dict(button.args or {})
    pair = await pair_of_button(turn, button)
    found = await _still_open(turn, pair, args, turn.chat_id) if pair else None
    carried = args.get("a")
    given: dict[str, str] = carried if isinstance(carried, dict) else {}
    step = rules.tap(given, args.get("q"), args.get("v")) if found else None
    if pair is None or found is None or step is None or incoming.message_id is None:
        await done_with(turn, incoming.message_id)
        await stale(turn)
        return
    row, _ = found
    partner = _partner(row, turn.chat_id)
    await turn.answer()
    if isinstance(step, rules.Next):
        text, choices = _card(turn, args, step, pair.name(partner))
        await turn.edit_text(incoming.message_id, text, choices=choices)
        return
    answer = rules.Answer(
        turn.chat_id,
        partner,
        step.given[rules.Question.LED],
        step.given[rules.Question.RHYTHM],
        step.given[rules.Question.HEARD],
    )
    await dance.keep(
        turn.session,
        match_id=pair.match.id,
        trajectory_id=row.id,
        conversation=int(args["n"]),
        answer=answer,
        now=turn.now,
    )
    thanks = turn.text("dance.thanks", name=pair.name(partner))
    await turn.edit_text(incoming.message_id, thanks)


async def open_with(turn: Turn, pair: Pair) -> None:
    """A conversation begins: the last one's answers side by side, with a question to open."""
    groups = await dance.take_unshown(turn.session, match_id=pair.match.id, now=turn.now)
    answers = rules.latest(groups)
    opener = rules.opener(answers)
    if opener is None:
        return
    for person in rules.shown_to(answers, [m.id for m in pair.members]):
        member = pair.member(person)
        if member.unreachable:
            continue
        with turn.speaking(member.language):
            await turn.send_text(_side_by_side(turn, pair, answers, opener), chat_id=member.id)


# --- Rendering --------------------------------------------------------------------------------


def _card(
    turn: Turn, args: dict[str, Any], step: rules.Next, partner: str
) -> tuple[str, list[list[Choice]]]:
    """The card of one question: its number, the question, three buttons."""
    keep = {k: args[k] for k in ("m", "t", "n", "c")}
    question = step.question
    given = {q.value: v for q, v in step.given.items()}
    buttons = [
        Choice(
            _option(turn, question, value, partner),
            "tr_dance",
            {**keep, "q": question.value, "v": value, "a": given},
        )
        for value in rules.OPTIONS[question]
    ]
    number = rules.QUESTIONS.index(question) + 1
    intro = turn.text("dance.intro", name=partner) if number == 1 else ""
    asked = turn.text(f"dance.ask_{question.value}", number=number, name=partner)
    return "\n\n".join(p for p in (intro, asked) if p), [[b] for b in buttons]


def _option(turn: Turn, question: rules.Question, value: str, partner: str) -> str:
    return turn.plain(f"dance.btn_{question.value}_{value}", name=partner)


def _side_by_side(
    turn: Turn, pair: Pair, answers: Sequence[rules.Answer], opener: rules.Opener
) -> str:
    """Each question on one line with everyone's answer beside it, then the opening question."""

    def beside(render: Callable[[rules.Answer], str]) -> str:
        return " · ".join(
            turn.text("dance.one", name=pair.name(a.person), answer=render(a)) for a in answers
        )

    def led(answer: rules.Answer) -> str:
        leader = answer.leader()
        return turn.plain("dance.led_together") if leader is None else pair.name(leader)

    lines = [
        turn.text("dance.line_led", answers=Html(beside(led))),
        turn.text(
            "dance.line_rhythm",
            answers=Html(beside(lambda a: turn.plain(f"dance.rhythm_{a.rhythm}"))),
        ),
        turn.text(
            "dance.line_heard",
            answers=Html(beside(lambda a: turn.plain(f"dance.heard_{a.heard}"))),
        ),
    ]
    return turn.text(
        "dance.opener",
        lines=Html("\n".join(lines)),
        question=turn.text(f"dance.open_{opener.value}"),
    )


# --- Checks -----------------------------------------------------------------------------------


async def _still_open(
    turn: Turn, pair: Pair | None, args: dict[str, Any], person: int
) -> tuple[TrajectoryRow, Member] | None:
    """The conversation's trajectory, while the check still fits: the person was in it, no
    conversation began since, and they have not answered yet."""
    row = pair.row(args.get("t")) if pair else None
    number = args.get("n")
    if (
        pair is None
        or row is None
        or not isinstance(number, int)
        or person not in (row.coach_id, row.coachee_id)
        or pair.talking is not None
        or args.get("c") != pair.state.conversations
    ):
        return None
    if await dance.answered(
        turn.session, trajectory_id=row.id, conversation=number, user_id=person
    ):
        return None
    return row, pair.member(person)


def _partner(row: TrajectoryRow, person: int) -> int:
    return row.coachee_id if person == row.coach_id else row.coach_id
