"""Breakout commands: gather the class, form groups, run one room per group in step, share back."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta

from flows.breakout.effects import (
    AskConsent,
    BreakoutTimer,
    CancelTimers,
    ClassPost,
    Effect,
    InGroup,
    Note,
    Outcome,
    Result,
    ScheduleTimer,
    UpdateCard,
)
from flows.breakout.forming import form_groups
from flows.breakout.model import MAX_SIZE, MIN_SIZE, Breakout, BreakoutState, Consent, Group
from flows.pairing.scoring import PairingContext
from flows.protocols import ProtocolError, load_protocol
from flows.room import (
    CancelTimers as RoomCancelTimers,
)
from flows.room import (
    ContributionKind,
    Member,
    Refused,
    Role,
    Room,
    TeacherReport,
    TextLine,
    TimerKind,
    UpdateStatus,
    assign_role,
    create_room,
    end,
    join,
    member_left,
    next_step,
    open_roles,
    start,
    timer_fired,
)
from flows.room import Outcome as RoomOutcome
from flows.room import Result as RoomResult
from flows.room import ScheduleTimer as RoomScheduleTimer
from flows.room.session import require_aware

# How long case-givers have to say whether their group's summary may go to the class.
CONSENT_WAIT = timedelta(minutes=10)
# A shared step longer than this is cut short in the class summary.
MAX_SHARE_LENGTH = 200
_STEP_TIMERS = {BreakoutTimer.WARNING: TimerKind.WARNING, BreakoutTimer.END: TimerKind.END}
# Room effects that belong to the breakout as a whole, not to one group's members.
_NOT_FOR_GROUPS = (UpdateStatus, RoomScheduleTimer, RoomCancelTimers, TeacherReport)

RoomCommand = Callable[[Room], RoomResult]


def create_breakout(
    *,
    chat_id: int,
    teacher_id: int,
    teacher_name: str,
    protocol_id: str,
    language: str,
    group_size: int,
    seed: int,
    now: datetime,
    existing: Breakout | None = None,
) -> Result:
    """A teacher opens breakouts in the class group: the class may join on the card."""
    require_aware(now)
    if existing is not None and existing.is_open:
        return Refused("breakout.refuse.already_open")
    try:
        protocol = load_protocol(protocol_id, language)
    except ProtocolError:
        return Refused("room.refuse.unknown_protocol", {"protocol": protocol_id})
    if not max(MIN_SIZE, protocol.min_members) <= group_size <= MAX_SIZE:
        return Refused("breakout.refuse.size", {"min": protocol.min_members, "max": MAX_SIZE})
    breakout = Breakout(
        chat_id=chat_id,
        teacher_id=teacher_id,
        teacher_name=teacher_name.strip()[:64] or "?",
        protocol_id=protocol.id,
        language=language,
        group_size=group_size,
        seed=seed,
        created_at=now,
    )
    return Outcome(breakout, (UpdateCard(),))


def join_breakout(breakout: Breakout, user_id: int, name: str, now: datetime) -> Result:
    """A student says they take part; only while the class gathers."""
    require_aware(now)
    if breakout.state is not BreakoutState.GATHERING:
        return Refused("breakout.refuse.under_way")
    if breakout.has_joined(user_id):
        return Refused("breakout.refuse.already_in")
    if user_id == breakout.teacher_id:
        return Refused("breakout.refuse.teacher_joins")
    member = Member(user_id, name.strip()[:64] or "?", now)
    return Outcome(replace(breakout, joined=(*breakout.joined, member)), (UpdateCard(),))


def cancel_breakout(breakout: Breakout, actor_id: int, now: datetime) -> Result:
    """The teacher calls it off before the groups are made (say, opened by mistake)."""
    require_aware(now)
    if actor_id != breakout.teacher_id:
        return Refused("breakout.refuse.only_teacher", {"name": breakout.teacher_name})
    if breakout.state is not BreakoutState.GATHERING:
        return Refused("breakout.refuse.under_way")
    return Outcome(replace(breakout, state=BreakoutState.CLOSED, closed_at=now), (UpdateCard(),))


def start_breakout(
    breakout: Breakout, actor_id: int, now: datetime, context: PairingContext
) -> Result:
    """The teacher forms the groups; every group's room starts at the same moment."""
    require_aware(now)
    if actor_id != breakout.teacher_id:
        return Refused("breakout.refuse.only_teacher", {"name": breakout.teacher_name})
    if breakout.state is not BreakoutState.GATHERING:
        return Refused("breakout.refuse.under_way")
    if len(breakout.joined) < breakout.group_size:
        return Refused("breakout.refuse.too_few", {"size": breakout.group_size})
    names = {m.user_id: m.name for m in breakout.joined}
    formed = form_groups(
        context, [m.user_id for m in breakout.joined], breakout.group_size, breakout.seed
    )
    effects: list[Effect] = []
    groups: list[Group] = []
    for number, members in enumerate(formed, 1):
        room, started = _started_room(breakout, [(uid, names[uid]) for uid in members], now)
        groups.append(Group(number, room))
        effects.extend(_group_card(breakout, number, room))
        effects.extend(_for_group(number, started))
    running = replace(breakout, state=BreakoutState.RUNNING, groups=tuple(groups), started_at=now)
    lines = [TextLine("breakout.groups.heading", {"count": len(groups)})]
    lines.extend(_group_line(group) for group in groups)
    post = ClassPost(tuple(lines))
    return _finish(breakout, running, [post, *effects, UpdateCard()], now)


def in_group(breakout: Breakout, user_id: int, now: datetime, command: RoomCommand) -> Result:
    """A member acts in their own group's room: writes, passes, picks a step."""
    require_aware(now)
    group = breakout.group_of(user_id)
    if breakout.state is not BreakoutState.RUNNING or group is None or not group.room.is_open:
        return Refused("breakout.refuse.not_running")
    result = command(group.room)
    if isinstance(result, Refused):
        return result
    updated, effects = _absorb(group, result)
    return _finish(breakout, breakout.with_group(updated), effects, now)


def next_step_all(breakout: Breakout, actor_id: int, now: datetime) -> Result:
    """The teacher moves every group on at once, so their time boxes stay in step."""
    return _all_groups(breakout, actor_id, now, lambda room: next_step(room, actor_id, now))


def end_all(breakout: Breakout, actor_id: int, now: datetime) -> Result:
    """The teacher ends every group's room; case-givers are asked about sharing."""
    return _all_groups(breakout, actor_id, now, lambda room: end(room, actor_id, now))


def breakout_timer(breakout: Breakout, kind: BreakoutTimer, now: datetime) -> Result:
    """The shared timer went off: every group's room gets the same firing; stale ones do nothing."""
    require_aware(now)
    if kind is BreakoutTimer.CONSENT:
        due = breakout.consent_until
        if breakout.state is not BreakoutState.CONSENT or due is None or due > now + _TOLERANCE:
            return Outcome(breakout)
        return _finish(breakout, *_share(breakout, now), now)
    if breakout.state is not BreakoutState.RUNNING:
        return Outcome(breakout)
    room_kind = _STEP_TIMERS[kind]
    return _each_room(breakout, now, lambda room: timer_fired(room, now, room_kind))


def answer_consent(breakout: Breakout, user_id: int, agreed: bool, now: datetime) -> Result:
    """A case-giver says yes or no to sharing; once all have answered, the class hears back."""
    require_aware(now)
    group = breakout.group_of(user_id)
    if (
        breakout.state is not BreakoutState.CONSENT
        or group is None
        or group.room.case_holder_id != user_id
        or group.consent is not Consent.ASKED
    ):
        return Refused("breakout.refuse.consent_over")
    answered = replace(
        group,
        consent=Consent.YES if agreed else Consent.NO,
        share=group.share if agreed else None,
    )
    after = breakout.with_group(answered)
    key = "breakout.consent.thanks_yes" if agreed else "breakout.consent.thanks_no"
    effects: list[Effect] = [Note(user_id, key)]
    if all(g.consent is not Consent.ASKED for g in after.groups):
        after, shared = _share(after, now)
        effects.extend(shared)
    return _finish(breakout, after, effects, now)


def member_gone(breakout: Breakout, user_id: int, now: datetime) -> Result:
    """Someone leaves for good (erasure): their group goes on without them; a teacher ends all."""
    require_aware(now)
    if user_id == breakout.teacher_id:
        if breakout.state is BreakoutState.RUNNING:
            return end_all(breakout, user_id, now)
        if breakout.state is BreakoutState.GATHERING:
            return cancel_breakout(breakout, user_id, now)
        return Outcome(breakout)
    if breakout.state is BreakoutState.GATHERING:
        joined = tuple(m for m in breakout.joined if m.user_id != user_id)
        return Outcome(replace(breakout, joined=joined), (UpdateCard(),))
    group = breakout.group_of(user_id)
    if group is None:
        return Outcome(breakout)
    if breakout.state is BreakoutState.CONSENT and group.consent is Consent.ASKED:
        if group.room.case_holder_id == user_id:
            return answer_consent(breakout, user_id, False, now)
        return Outcome(breakout)
    if breakout.state is not BreakoutState.RUNNING or not group.room.is_open:
        return Outcome(breakout)
    return in_group(breakout, user_id, now, lambda room: member_left(room, user_id, now))


_TOLERANCE = timedelta(seconds=2)


def _started_room(
    breakout: Breakout, members: list[tuple[int, str]], now: datetime
) -> tuple[Room, RoomOutcome]:
    """A group's room built the way a teacher would: members in, first one brings a case, go."""
    created = create_room(
        chat_id=breakout.chat_id,
        teacher_id=breakout.teacher_id,
        teacher_name=breakout.teacher_name,
        protocol_id=breakout.protocol_id,
        language=breakout.language,
        now=now,
    )
    room = _accepted(created)
    for user_id, name in members:
        room = _accepted(join(room, user_id, now, name))
    room = _accepted(open_roles(room, breakout.teacher_id, now))
    if room.case_holder_needed:
        case_giver = members[0][0]
        room = _accepted(assign_role(room, breakout.teacher_id, now, case_giver, Role.CASE_HOLDER))
    started = start(room, breakout.teacher_id, now)
    assert isinstance(started, RoomOutcome), started
    return started.room, started


def _accepted(result: RoomResult) -> Room:
    # Building a group's room follows the room's own rules; a refusal here is a programming error.
    assert isinstance(result, RoomOutcome), result
    return result.room


def _group_card(breakout: Breakout, number: int, room: Room) -> list[Effect]:
    """Each member's private card: their group, who is in it and who brings a case."""
    names = ", ".join(m.name for m in room.members)
    case_giver = room.name_of(room.case_holder_id) if room.case_holder_id is not None else ""
    key = "breakout.card.with_case" if case_giver else "breakout.card.no_case"
    params: dict[str, str | int] = {"number": number, "names": names, "case_giver": case_giver}
    return [Note(m.user_id, key, params) for m in room.members]


def _group_line(group: Group) -> TextLine:
    names = ", ".join(m.name for m in group.room.members)
    return TextLine("breakout.groups.line", {"number": group.number, "names": names})


def _all_groups(breakout: Breakout, actor_id: int, now: datetime, command: RoomCommand) -> Result:
    require_aware(now)
    if actor_id != breakout.teacher_id:
        return Refused("breakout.refuse.only_teacher", {"name": breakout.teacher_name})
    if breakout.state is not BreakoutState.RUNNING:
        return Refused("breakout.refuse.not_running")
    return _each_room(breakout, now, command)


def _each_room(breakout: Breakout, now: datetime, command: RoomCommand) -> Result:
    """The same command in every open group's room; a room that refuses stays as it was."""
    after = breakout
    effects: list[Effect] = []
    for group in breakout.groups:
        if not group.room.is_open:
            continue
        result = command(group.room)
        if isinstance(result, Refused):
            continue
        updated, more = _absorb(group, result)
        after = after.with_group(updated)
        effects.extend(more)
    return _finish(breakout, after, [*effects, UpdateCard()], now)


def _absorb(group: Group, result: RoomOutcome) -> tuple[Group, list[Effect]]:
    """Take a group's new room; its messages go to the members, closing keeps the share."""
    room = result.room
    updated = replace(group, room=room)
    if group.room.is_open and not room.is_open:
        said = [c for c in group.room.contributions if c.author_id != room.case_holder_id]
        updated = replace(
            updated,
            share=_short(group.room.chosen_step or room.chosen_step),
            questions=sum(c.kind is ContributionKind.QUESTION for c in said),
            ideas=sum(c.kind is ContributionKind.IDEA for c in said),
        )
    return updated, _for_group(group.number, result)


def _for_group(number: int, result: RoomOutcome) -> list[Effect]:
    return [InGroup(number, e) for e in result.effects if not isinstance(e, _NOT_FOR_GROUPS)]


def _short(text: str | None) -> str | None:
    if text is None:
        return None
    return text if len(text) <= MAX_SHARE_LENGTH else text[: MAX_SHARE_LENGTH - 1] + "…"


def _finish(before: Breakout, after: Breakout, effects: list[Effect], now: datetime) -> Outcome:
    """Ask the case-givers once every room closed; then add the timer changes."""
    if after.state is BreakoutState.RUNNING and all(not g.room.is_open for g in after.groups):
        after, asked = _ask_consent(after, now)
        effects.extend(asked)
    return Outcome(after, (*effects, *_timer_effects(before, after)))


def _ask_consent(breakout: Breakout, now: datetime) -> tuple[Breakout, list[Effect]]:
    asked: list[Effect] = []
    groups = []
    for group in breakout.groups:
        holder = group.room.case_holder_id
        if holder is not None and group.room.started_at is not None:
            groups.append(replace(group, consent=Consent.ASKED))
            asked.append(AskConsent(holder, group.number, shared_lines(group)))
        else:
            groups.append(group)
    after = replace(breakout, groups=tuple(groups))
    if not asked:
        return _share(after, now)
    waiting = replace(after, state=BreakoutState.CONSENT, consent_until=now + CONSENT_WAIT)
    post = ClassPost((TextLine("breakout.class.asking", {"count": len(asked)}),))
    return waiting, [post, *asked, UpdateCard()]


def shared_lines(group: Group) -> tuple[TextLine, ...]:
    """What the class sees of a group that may share: who, how many questions and ideas, the step.

    The case-giver is shown exactly these lines before they decide.
    """
    params: dict[str, str | int] = {
        "number": group.number,
        "names": ", ".join(m.name for m in group.room.members),
        "questions": group.questions,
        "ideas": group.ideas,
    }
    lines = [TextLine("breakout.class.shared", params)]
    if group.share:
        lines.append(TextLine("breakout.class.step", {"text": group.share}))
    return tuple(lines)


def _share(breakout: Breakout, now: datetime) -> tuple[Breakout, list[Effect]]:
    """One class message with every shared summary (batched: one post, not one per group)."""
    lines = [TextLine("breakout.class.summaries", {"count": len(breakout.groups)})]
    for group in breakout.groups:
        if group.consent is Consent.YES:
            lines.extend(shared_lines(group))
        else:
            names = ", ".join(m.name for m in group.room.members)
            lines.append(TextLine("breakout.class.kept", {"number": group.number, "names": names}))
    lines.append(TextLine("breakout.class.closing"))
    groups = tuple(
        replace(g, share=None, consent=Consent.NO if g.consent is Consent.ASKED else g.consent)
        for g in breakout.groups
    )
    closed = replace(
        breakout,
        state=BreakoutState.CLOSED,
        groups=groups,
        consent_until=None,
        closed_at=now,
    )
    effects: list[Effect] = [ClassPost(tuple(lines)), UpdateCard()]
    if breakout.teacher_id:  # an erased teacher (id 0) gets no report
        effects.append(_teacher_report(closed, now))
    return closed, effects


def _teacher_report(breakout: Breakout, now: datetime) -> Note:
    """The teacher hears how many groups and people took part and how long, never what was said."""
    started = breakout.started_at or now
    params: dict[str, str | int] = {
        "protocol": load_protocol(breakout.protocol_id, breakout.language).title,
        "groups": len(breakout.groups),
        "count": sum(len(g.room.members) for g in breakout.groups),
        "minutes": max(0, round((now - started).total_seconds() / 60)),
        "shared": sum(g.consent is Consent.YES for g in breakout.groups),
    }
    return Note(breakout.teacher_id, "breakout.report.teacher", params)


def timers_of(breakout: Breakout) -> dict[BreakoutTimer, datetime]:
    """The breakout's pending timers: the groups' shared step timers, or the consent wait."""
    if breakout.state is BreakoutState.CONSENT and breakout.consent_until is not None:
        return {BreakoutTimer.CONSENT: breakout.consent_until}
    if breakout.state is not BreakoutState.RUNNING:
        return {}
    pending: dict[BreakoutTimer, datetime] = {}
    for kind, room_kind in _STEP_TIMERS.items():
        moments = [
            at
            for g in breakout.groups
            if g.room.is_open and (at := g.room.timer_at(room_kind)) is not None
        ]
        if moments:
            pending[kind] = min(moments)
    return pending


def _timer_effects(before: Breakout, after: Breakout) -> list[Effect]:
    old, new = timers_of(before), timers_of(after)
    gone = tuple(kind for kind in BreakoutTimer if kind in old and kind not in new)
    effects: list[Effect] = [CancelTimers(gone)] if gone else []
    effects.extend(
        ScheduleTimer(kind, new[kind])
        for kind in BreakoutTimer
        if kind in new and old.get(kind) != new[kind]
    )
    return effects
