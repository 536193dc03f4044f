"""Shared ground of the trajectory handlers: the pair of one turn, its members and snapshots."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from bot.handlers.scripts import cohort_scripts
from bot.runtime.turn import Choice, Turn
from flows.scripts import Scripts, load_scripts
from flows.trajectory import MatchKind, Party, Silence, Step, Trajectory, heard_from
from flows.trajectory.effects import Refused
from flows.trajectory.ending import Person
from flows.trajectory.pair import Seat
from flows.trajectory.talking import Together
from storage import matches, trajectories
from storage.models import Button, Match, User
from storage.trajectory_models import AwaitedInput, PairState, TrajectoryRow


@dataclass(frozen=True, slots=True)
class Member:
    """A person in a match, with what it takes to address them."""

    id: int
    name: str
    language: str
    unreachable: bool


@dataclass
class Pair:
    """A match as one turn sees it, locked: members, shared state and trajectory snapshots."""

    match: Match
    state: PairState
    members: list[Member]
    rows: list[TrajectoryRow]
    snapshots: dict[int, Trajectory] = field(default_factory=dict)
    scripts: dict[str, Scripts] = field(default_factory=dict)
    # How someone who erased their data is named to the others: "a former partner".
    former: str = "?"

    @property
    def kind(self) -> MatchKind:
        """Reciprocal, one-way or triad."""
        return MatchKind(self.match.kind)

    @property
    def active(self) -> bool:
        """Whether the match still runs."""
        return self.match.status == "active"

    def member(self, user_id: int) -> Member:
        """The member with this id; someone who erased their data is a nameless, unreachable one."""
        found = next((m for m in self.members if m.id == user_id), None)
        language = self.members[0].language if self.members else "nl"
        return found or Member(user_id, self.former, language, unreachable=True)

    def gone(self) -> set[int]:
        """People of this match's trajectories who are no longer in it (they erased their data)."""
        people = {r.coach_id for r in self.rows} | {r.coachee_id for r in self.rows}
        return people - self.member_ids

    @property
    def member_ids(self) -> set[int]:
        """The ids of everyone in the match."""
        return {m.id for m in self.members}

    def others(self, user_id: int) -> list[Member]:
        """Everyone in the match but this person."""
        return [m for m in self.members if m.id != user_id]

    def name(self, user_id: int) -> str:
        """A member's first name."""
        return next((m.name for m in self.members if m.id == user_id), self.former)

    def snap(self, row: TrajectoryRow) -> Trajectory:
        """The snapshot of a trajectory (decoded once per turn)."""
        if row.id not in self.snapshots:
            self.snapshots[row.id] = Trajectory.from_dict(row.snapshot)
        return self.snapshots[row.id]

    def coaching(self, row: TrajectoryRow) -> bool:
        """Whether this trajectory's coach still coaches it: only then do they read its words."""
        return self.active and not self.snap(row).terminal

    def row(self, trajectory_id: Any) -> TrajectoryRow | None:
        """The trajectory with this id, if it belongs to this match."""
        return next((r for r in self.rows if r.id == trajectory_id), None)

    def party(self, row: TrajectoryRow, user_id: int) -> Party | None:
        """Coach or coachee of this trajectory; None for the observer."""
        if row.coach_id == user_id:
            return Party.COACH
        if row.coachee_id == user_id:
            return Party.COACHEE
        return None

    def rows_of(self, user_id: int) -> list[TrajectoryRow]:
        """Trajectories in which this person coaches or is coached."""
        return [r for r in self.rows if self.party(r, user_id) is not None]

    def seats(self, rows: list[TrajectoryRow] | None = None) -> list[Seat]:
        """Trajectories (all by default) as the pair aggregate in flows sees them."""
        chosen = self.rows if rows is None else rows
        return [Seat(self.snap(r), r.coach_id, r.coachee_id, r.id, r.observer_id) for r in chosen]

    def live_rows(self) -> list[TrajectoryRow]:
        """Trajectories that have not ended."""
        return [r for r in self.rows if not self.snap(r).terminal]

    @property
    def talking(self) -> TrajectoryRow | None:
        """The trajectory whose conversation is under way."""
        return self.row(self.state.talking_id) if self.state.talking_id else None

    def held_conversations(self) -> int:
        """Conversations held in the whole match."""
        return sum(self.snap(r).conversation_count for r in self.rows)

    def silence(self, user_id: int) -> Silence:
        """The prompts this member let pass in a row (none by default)."""
        stored = (self.state.silences or {}).get(str(user_id))
        return Silence.from_dict(stored) if stored else Silence()

    def keep_silence(self, user_id: int, silence: Silence) -> None:
        """Store a member's silence; an ended one leaves no trace."""
        others = {k: v for k, v in (self.state.silences or {}).items() if k != str(user_id)}
        if silence.count:
            others[str(user_id)] = silence.to_dict()
        self.state.silences = others or None


async def load_pair(turn: Turn, match_id: int) -> Pair | None:
    """The match with everything about it, locked against the partners acting at once.

    Every trajectory handler loads the match, so this is also where a member acting in their
    own chat (a button, a text, a command) ends their run of unanswered prompts."""
    loaded = await trajectories.lock_pair(turn.session, match_id=match_id, now=turn.now)
    if loaded is None:
        return None
    await turn.use_cohort_time(loaded.match.cohort_id)
    members = [_member(turn, user_id, user) for user_id, user in loaded.members]
    former = turn.text("trajectory.former_partner")
    pair = Pair(loaded.match, loaded.state, members, loaded.rows, former=former)
    _heard_from_sender(turn, pair)
    return pair


def _heard_from_sender(turn: Turn, pair: Pair) -> None:
    """A member who acts in their private chat is not silent; timers have no sender."""
    sender = turn.sender
    if sender is None or sender.id != turn.chat_id or sender.id not in pair.member_ids:
        return
    if pair.silence(sender.id).count:
        pair.keep_silence(sender.id, heard_from())


async def pair_of(turn: Turn, user_id: int | None = None) -> Pair | None:
    """The active match of a person (the one in this turn by default), loaded and locked."""
    who = turn.chat_id if user_id is None else user_id
    match = await matches.active_match_of(turn.session, user_id=who)
    if match is None:
        return None
    pair = await load_pair(turn, match.id)
    return pair if pair is not None and pair.rows and pair.active else None


async def pair_of_trajectory(turn: Turn, trajectory_id: object) -> Pair | None:
    """The match of a trajectory this person is in, even after it ended (journal, reflection)."""
    if not isinstance(trajectory_id, int):
        return None
    row = await trajectories.get_trajectory(turn.session, trajectory_id=trajectory_id)
    pair = await load_pair(turn, row.match_id) if row else None
    if pair is None or turn.chat_id not in pair.member_ids:
        return None
    return pair


async def pair_of_button(turn: Turn, button: Button) -> Pair | None:
    """The active match a button names, if the presser is in it."""
    match_id = arg_int(button, "m")
    pair = await load_pair(turn, match_id) if match_id is not None else None
    if pair is None or not pair.active or turn.chat_id not in pair.member_ids:
        return None
    return pair


async def latest_pair(turn: Turn) -> Pair | None:
    """This person's most recent match with trajectories, even when it has ended."""
    match_id = await trajectories.latest_match_of_user(turn.session, user_id=turn.chat_id)
    return await load_pair(turn, match_id) if match_id is not None else None


def _member(turn: Turn, user_id: int, user: User | None) -> Member:
    language = (user.language if user else None) or turn.services.settings.default_language
    name = (user.first_name if user else None) or "?"
    unreachable = user is None or user.unreachable_at is not None
    return Member(user_id, name, language, unreachable)


def put(turn: Turn, pair: Pair, row: TrajectoryRow, trajectory: Trajectory) -> None:
    """Store a new snapshot of a trajectory."""
    pair.snapshots[row.id] = trajectory
    trajectories.store_snapshot(
        row, snapshot=trajectory.to_dict(), step=trajectory.step.value, now=turn.now
    )


# --- Speaking to each member in their own language -------------------------------------------


async def tell(
    turn: Turn,
    member: Member,
    key: str,
    *,
    choices: Callable[[], list[list[Choice]]] | None = None,
    **params: object,
) -> None:
    """Send a text by key to a member, in their language, with buttons built in it too."""
    with turn.speaking(member.language):
        text = turn.text(key, **params)
        await turn.send_text(text, chat_id=member.id, choices=choices() if choices else None)


async def tell_text(
    turn: Turn,
    member: Member,
    render: Callable[[], str],
    *,
    choices: Callable[[], list[list[Choice]]] | None = None,
) -> None:
    """Send a composed text to a member, rendered and labelled in their language."""
    with turn.speaking(member.language):
        await turn.send_text(render(), chat_id=member.id, choices=choices() if choices else None)


async def done_with(turn: Turn, message_id: int | None) -> None:
    """Take the buttons off the card that was just answered."""
    if message_id:
        await turn.clear_buttons(message_id)


# --- Scripts ------------------------------------------------------------------------------


async def scripts_for(turn: Turn, pair: Pair | None, language: str) -> Scripts:
    """The cohort's own script in this language, or the default one (asked once per turn)."""
    if pair is None:
        return load_scripts(language)
    if language not in pair.scripts:
        cohort = pair.match.cohort_id
        pair.scripts[language] = await cohort_scripts(turn.session, cohort, language)
    return pair.scripts[language]


# --- Awaited input (captures, answers to a card, an uploaded script) ------------------------

TextAnswer = Callable[[Turn, AwaitedInput, str], Awaitable[None]]
Reask = Callable[[Turn, AwaitedInput], Awaitable[None]]


@dataclass(frozen=True, slots=True)
class InputKind:
    """How one kind of awaited input takes free text, or asks again for a button."""

    on_text: TextAnswer | None = None
    reask: Reask | None = None


INPUT_KINDS: dict[str, InputKind] = {}


def input_kind(kind: str, *, on_text: TextAnswer | None = None, reask: Reask | None = None) -> None:
    """Declare an awaited-input kind (the part of `kind` before a colon)."""
    INPUT_KINDS[kind] = InputKind(on_text, reask)


async def await_input(
    turn: Turn, kind: str, row: TrajectoryRow | None, *, user_id: int | None = None, **data: Any
) -> AwaitedInput:
    """Route a person's next free text (or button) to `kind`; by default this turn's person."""
    return await trajectories.set_input(
        turn.session,
        user_id=turn.chat_id if user_id is None else user_id,
        kind=kind,
        trajectory_id=row.id if row else None,
        data=data,
        now=turn.now,
    )


async def awaited(turn: Turn) -> AwaitedInput | None:
    """What this person's next answer is for."""
    return await trajectories.get_input(turn.session, user_id=turn.chat_id)


async def forget_input(turn: Turn) -> bool:
    """Stop awaiting anything from this person."""
    return await trajectories.clear_input(turn.session, user_id=turn.chat_id)


# --- Buttons --------------------------------------------------------------------------------


def arg_int(button: Button, name: str) -> int | None:
    """An integer argument of a pressed button, or None when absent or malformed."""
    value = button.args.get(name)
    return value if isinstance(value, int) and not isinstance(value, bool) else None


Holds = Callable[[Pair, TrajectoryRow], bool]
ShowNow = Callable[[Turn, Pair, TrajectoryRow | None], Awaitable[None]]


@dataclass(frozen=True, slots=True)
class Target:
    """The trajectory a card button names, its match, and the presser's part (None: observer)."""

    pair: Pair
    row: TrajectoryRow
    party: Party | None


async def card_target(
    turn: Turn,
    button: Button,
    *,
    party: Party | None = Party.ANY,
    ended: bool = False,
    holds: Holds | None = None,
    show: ShowNow | None = None,
) -> Target | None:
    """The trajectory a card button names (its "t"), or None after saying the card is stale.

    party: who may press it: coach or coachee (ANY), only one of them, or anyone in the match
    (None). ended: also once the match ended (reflection, small steps). holds: the card still
    fits the trajectory. show: what holds now, after the stale notice (with the trajectory when
    the presser has a part in it but the card no longer fits)."""
    named = arg_int(button, "t")
    pair = await (pair_of_trajectory(turn, named) if ended else pair_of(turn))
    row = pair.row(named) if pair else None
    part = pair.party(row, turn.chat_id) if pair and row else None
    found = row is not None and _may_press(party, part)
    if pair is not None and row is not None and found and (holds is None or holds(pair, row)):
        return Target(pair, row, part)
    await stale(turn)
    if show is not None and pair is not None:
        await show(turn, pair, row if found else None)
    return None


def _may_press(party: Party | None, part: Party | None) -> bool:
    """Whether someone with this part in a trajectory may press a card meant for `party`."""
    if party is None:
        return True
    return part is not None if party is Party.ANY else part is party


async def stale(turn: Turn) -> None:
    """Tell the presser that this card is from an earlier moment; with no coaching of theirs
    running any more (the pair ended or was dissolved), that there is no newer card."""
    running = await matches.active_match_of(turn.session, user_id=turn.chat_id)
    await turn.answer("trajectory.stale" if running else "trajectory.stale_ended", alert=True)


async def refuse(turn: Turn, refused: Refused) -> None:
    """Tell the actor why not: on the pressed button, or as a message."""
    if refused.stop_waiting:
        await forget_input(turn)
    if refused.on_button and turn.callback_query_id is not None:
        await turn.answer_text(turn.plain(refused.reason_key, **refused.params), alert=True)
        return
    await turn.send_text(turn.text(refused.reason_key, **refused.params))


# --- Dates in the cohort's zone -----------------------------------------------------------


def local_day(turn: Turn, moment: datetime) -> date:
    """The date of a moment where the school is."""
    return moment.astimezone(turn.time.zone).date()


def today(turn: Turn) -> date:
    """Today's date where the school is."""
    return local_day(turn, turn.now)


def day_label(turn: Turn, day: date) -> str:
    """A short day as people say it: "wo 15 jan" / "Wed 15 Jan"."""
    weekdays = turn.text("trajectory.weekdays").split(",")
    months = turn.text("trajectory.months").split(",")
    return f"{weekdays[day.weekday()]} {day.day} {months[day.month - 1]}"


def moment_label(turn: Turn, moment: datetime) -> str:
    """A day and a time in the school's zone: "wo 15 jan, 16:00"."""
    local = moment.astimezone(turn.time.zone)
    return f"{day_label(turn, local.date())}, {local:%H:%M}"


def step_name(turn: Turn, step: Step) -> str:
    """The name of a step in the turn's language."""
    return turn.text(f"trajectory.step_{step.value}")


def together(pair: Pair) -> Together:
    """A match as the conversation rules see it."""
    return Together(
        pair.match.id,
        MatchKind(pair.match.kind),
        tuple(persons(pair)),
        tuple(pair.seats()),
        talking=pair.state.talking_id,
        click_running=pair.state.click is not None,
        click_done=pair.state.click_done,
        planned=pair.state.next_meeting,
        active=pair.active,
        last=pair.state.last_talking_id,
        last_mode=pair.state.last_mode,
    )


def persons(pair: Pair) -> list[Person]:
    """The members of a match as the ending rules see them."""
    return [Person(m.id, m.unreachable) for m in pair.members]
