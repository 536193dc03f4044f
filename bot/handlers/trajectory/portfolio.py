"""/portfolio: the coach's own log as a PDF, sent to them alone; they decide whether a teacher
gets it. Roles, tension fields, their reflections, observers' feedback and the counts; never
what a coachee wrote (goal, notes, steps, nor the words of their compliments)."""

from __future__ import annotations

from collections.abc import Mapping

from bot.handlers.trajectory.coach_log import ScriptTexts, script_texts
from bot.handlers.trajectory.core import day_label, load_pair, local_day, today
from bot.portfolio_pdf import Line, Style, dejavu, render
from bot.runtime.incoming import Incoming
from bot.runtime.router import Router
from bot.runtime.turn import Turn
from flows.coach_log import Coached, Conversation, Portfolio, portfolio
from flows.trajectory import TENSION_SCALE, ReflectionQuestion, TensionField, Trajectory
from storage import trajectories


def register(router: Router) -> None:
    """Wire /portfolio."""
    router.command("portfolio", portfolio_command)


async def portfolio_command(turn: Turn, incoming: Incoming) -> None:
    """Build the PDF of everything this person coached, oldest first, and send it to them."""
    rows = await trajectories.trajectories_of_user(turn.session, user_id=turn.chat_id)
    coached = sorted((r for r in rows if r.coach_id == turn.chat_id), key=lambda r: r.id)
    if not coached:
        await turn.say("portfolio.not_coach")
        return
    snapshots: list[Trajectory] = []
    words: list[ScriptTexts] = []
    for row in coached:
        pair = await load_pair(turn, row.match_id)
        if pair is None:
            continue
        snapshots.append(pair.snap(row))
        words.append(await script_texts(turn, pair))
    summary = portfolio(snapshots)
    if summary.empty:
        await turn.say("portfolio.empty")
        return
    name = turn.user.first_name if turn.user is not None and turn.user.first_name else ""
    title = turn.plain("portfolio.title", name=name)
    pdf = render(title, _lines(turn, title, summary, words), fonts=dejavu())
    filename = turn.plain("portfolio.filename")
    await turn.send_document(filename, pdf, caption=turn.text("portfolio.caption"))


def _lines(turn: Turn, title: str, summary: Portfolio, words: list[ScriptTexts]) -> list[Line]:
    """The whole document: title, what it is, the counts, then each trajectory."""
    lines = [
        Line(Style.TITLE, title),
        Line(Style.QUIET, turn.plain("portfolio.made", day=day_label(turn, today(turn)))),
        Line(Style.TEXT, turn.plain("portfolio.about")),
        Line(Style.HEADING, turn.plain("portfolio.summary_head")),
        Line(
            Style.TEXT,
            turn.plain(
                "portfolio.summary",
                trajectories=len(summary.trajectories),
                conversations=summary.conversations,
                closings=summary.closings,
                compliments=summary.compliments,
            ),
        ),
    ]
    for coached, texts in zip(summary.trajectories, words, strict=True):
        lines.extend(_trajectory(turn, coached, texts))
    return lines


def _trajectory(turn: Turn, coached: Coached, texts: ScriptTexts) -> list[Line]:
    key = "portfolio.trajectory_closed" if coached.closed else "portfolio.trajectory"
    head = turn.plain(key, number=coached.number, held=coached.held)
    lines = [Line(Style.HEADING, head)]
    if not coached.conversations:
        lines.append(Line(Style.QUIET, turn.plain("portfolio.nothing_yet")))
    for talk in coached.conversations:
        lines.extend(_conversation(turn, talk, texts))
    return lines


def _conversation(turn: Turn, talk: Conversation, texts: ScriptTexts) -> list[Line]:
    """One conversation: role and day, where they stood, their answers, an observer's words."""
    lines = [Line(Style.SUBHEADING, turn.plain("portfolio.conversation", number=talk.number))]
    reflection = talk.reflection
    if reflection is None:
        lines.append(Line(Style.QUIET, turn.plain("portfolio.no_reflection")))
    else:
        day = day_label(turn, local_day(turn, reflection.at))
        role = texts.roles[reflection.role]
        lines.append(Line(Style.TEXT, turn.plain("portfolio.role", role=role, day=day)))
        fields = [
            _field(turn, texts, field, reflection.tensions.get(field)) for field in TensionField
        ]
        lines.append(Line(Style.TEXT, "\n".join([turn.plain("portfolio.stood"), *fields])))
        lines.extend(_answers(turn, texts, "portfolio.my_answers", reflection.answers))
    if talk.observation is not None:
        key = "portfolio.observer_answers"
        lines.extend(_answers(turn, texts, key, talk.observation.answers))
    return lines


def _field(turn: Turn, texts: ScriptTexts, field: TensionField, place: int | None) -> str:
    poles = texts.poles[field]
    if place is None:
        return turn.plain("portfolio.field_skipped", left=poles.left, right=poles.right)
    dots = "".join("●" if spot == place else "○" for spot in TENSION_SCALE)
    return turn.plain("portfolio.field", left=poles.left, dots=dots, right=poles.right)


def _answers(
    turn: Turn, texts: ScriptTexts, key: str, answers: Mapping[ReflectionQuestion, str]
) -> list[Line]:
    given = [(q, answers[q]) for q in ReflectionQuestion if q in answers]
    if not given:
        return []
    body = "\n".join(f"{texts.questions[q]}\n    {answer}" for q, answer in given)
    return [Line(Style.TEXT, f"{turn.plain(key)}\n{body}")]
