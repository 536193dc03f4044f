"""/log: a coach's own log, per conversation: the role taken, where they stood on each tension
field, their reflection answers, an observer's feedback and the compliments their coachee gave
them. Never what a coachee wrote about themself (goal, notes, steps)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from bot.handlers.trajectory.core import Pair, day_label, load_pair, local_day, scripts_for
from bot.handlers.trajectory.growth import send_growth
from bot.i18n import Html
from bot.runtime.incoming import Incoming
from bot.runtime.router import Router
from bot.runtime.turn import Turn
from flows.coach_log import Conversation, conversations
from flows.scripts import Poles
from flows.trajectory import TENSION_SCALE, Reflection, ReflectionQuestion, TensionField
from storage import trajectories
from storage.trajectory_models import TrajectoryRow


def register(router: Router) -> None:
    """Wire /log."""
    router.command("log", log_command)


async def log_command(turn: Turn, incoming: Incoming) -> None:
    """The coach's log over every match they coached in, oldest first; a legend before it."""
    rows = await trajectories.trajectories_of_user(turn.session, user_id=turn.chat_id)
    coached = [row for row in rows if row.coach_id == turn.chat_id]
    if not coached:
        await turn.say("reflect.log_not_coach")
        return
    entries: list[str] = []
    reflected: list[Reflection] = []
    legend = ""
    words: ScriptTexts | None = None
    for match_id in sorted({row.match_id for row in coached}):
        pair = await load_pair(turn, match_id)
        if pair is None:
            continue
        texts = await script_texts(turn, pair)
        for row in pair.rows:
            if row.coach_id != turn.chat_id:
                continue
            snapshot = pair.snap(row)
            observer = pair.name(row.observer_id) if row.observer_id is not None else ""
            reflected.extend(snapshot.reflections)
            for talk in conversations(snapshot):
                # The legend and the chart in the words of the script the log starts with.
                words = words or texts
                legend = legend or _legend(turn, texts.poles)
                entries.append(_conversation(turn, texts, pair, row, talk, observer))
    if words is None:
        await turn.say("reflect.log_empty")
        return
    await turn.send_text(legend)
    await send_growth(turn, reflected, words.roles, words.poles)
    for text in entries:  # one message per conversation
        await turn.send_text(text)


@dataclass(frozen=True)
class ScriptTexts:
    """The names and questions of the script in the coach's language (a cohort's own, if any)."""

    roles: dict[str, str]
    questions: dict[ReflectionQuestion, str]
    poles: dict[TensionField, Poles]


async def script_texts(turn: Turn, pair: Pair) -> ScriptTexts:
    script = (await scripts_for(turn, pair, turn.language)).reflection
    return ScriptTexts(
        {role.value: text.name for role, text in script.roles.items()},
        dict(script.questions),
        dict(script.tensions),
    )


def _conversation(
    turn: Turn,
    texts: ScriptTexts,
    pair: Pair,
    row: TrajectoryRow,
    talk: Conversation,
    observer: str,
) -> str:
    """A conversation's entry: role, tension fields, answers, then the observer's feedback."""
    parts = [
        turn.text("reflect.log_conversation", number=talk.number, name=pair.name(row.coachee_id))
    ]
    reflection = talk.reflection
    if reflection is not None:
        day = day_label(turn, local_day(turn, reflection.at))
        parts.append(turn.text("reflect.log_role", role=texts.roles[reflection.role], day=day))
        fields = "\n".join(
            _field_line(turn, texts.poles[f], reflection.tensions.get(f)) for f in TensionField
        )
        parts.append(turn.text("reflect.log_tensions", lines=Html(fields)))
        parts.append(_answers(turn, texts, "reflect.log_answers", reflection.answers))
    else:
        parts.append(turn.text("reflect.log_no_reflection"))
    if talk.observation is not None:
        key = "reflect.log_observer"
        parts.append(_answers(turn, texts, key, talk.observation.answers, name=observer))
    if talk.compliments:  # given to this coach, so theirs to read back
        lines = "\n".join(turn.text("reflect.log_compliment", text=t) for t in talk.compliments)
        name = pair.name(row.coachee_id)
        parts.append(turn.text("reflect.log_compliments", name=name, lines=Html(lines)))
    return "\n\n".join(part for part in parts if part)


def _field_line(turn: Turn, poles: Poles, place: int | None) -> str:
    """One tension field in everyday words, with a dot where the coach placed themself."""
    if place is None:
        return turn.text("reflect.log_field_skipped", left=poles.left, right=poles.right)
    dots = "".join("●" if spot == place else "○" for spot in TENSION_SCALE)
    return turn.text("reflect.log_field", left=poles.left, dots=dots, right=poles.right)


def _answers(
    turn: Turn,
    texts: ScriptTexts,
    key: str,
    answers: Mapping[ReflectionQuestion, str],
    *,
    name: str = "",
) -> str:
    """The answers to the five questions, each under its question; none given: nothing."""
    given = [(q, answers[q]) for q in ReflectionQuestion if q in answers]
    if not given:
        return ""
    lines = "\n".join(
        turn.text("reflect.log_answer", question=texts.questions[q], answer=a) for q, a in given
    )
    return turn.text(key, lines=Html(lines), name=name)


def _legend(turn: Turn, poles: Mapping[TensionField, Poles]) -> str:
    """What the tension lines mean: each end an everyday sentence with an example."""
    fields = "\n\n".join(
        turn.text(
            "reflect.log_legend_field",
            left=poles[f].left,
            left_example=Html(turn.text(f"reflect.tension_{f.value}_left_example")),
            right=poles[f].right,
            right_example=Html(turn.text(f"reflect.tension_{f.value}_right_example")),
        )
        for f in TensionField
    )
    return turn.text("reflect.log_head", fields=Html(fields))
