"""Shared moves of a running room: entering steps, turns, reveals, timers and closing."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

from flows.protocols import StepKind, Who
from flows.room import rules
from flows.room.effects import (
    Announce,
    CancelTimers,
    Effect,
    Outcome,
    PrivatePrompt,
    PrivateSummary,
    Refused,
    Reveal,
    RevealedContribution,
    RoomAction,
    ScheduleTimer,
    UpdateStatus,
)
from flows.room.machine import fire
from flows.room.model import (
    ChangeReason,
    CloseReason,
    Room,
    RoomState,
    StepChange,
    TimerDue,
    TimerKind,
)
from flows.room.summary import case_summary, teacher_report

STEP_TIMERS = (TimerKind.WARNING, TimerKind.END, TimerKind.CASE_HOLDER_SILENT)
_CLOSE_KEYS = {
    CloseReason.COMPLETED: "room.announce.closed_completed",
    CloseReason.ENDED: "room.announce.closed_ended",
    CloseReason.AUTO_CLOSED: "room.announce.closed_auto",
    CloseReason.EVERYONE_LEFT: "room.announce.closed_everyone_left",
}


class Draft:
    """Scratch space while one command builds the next room and its effects."""

    def __init__(self, room: Room) -> None:
        self.before = room
        self.room = room
        self.effects: list[Effect] = []

    def set(self, **changes: Any) -> None:
        """Replace fields of the room being built."""
        self.room = replace(self.room, **changes)

    def emit(self, *effects: Effect) -> None:
        """Add effects in the order the transport should carry them out."""
        self.effects.extend(effects)

    def set_timer(self, kind: TimerKind, at: datetime | None) -> None:
        """Expect a timer of this kind at this moment, or none when at is None."""
        kept = tuple(t for t in self.room.timers if t.kind is not kind)
        self.set(timers=kept if at is None else (*kept, TimerDue(kind, at)))

    def outcome(self, now: datetime, *, touched: bool = True) -> Outcome:
        """The finished command: activity noted, the auto-close timer moved, timer effects added."""
        if touched and self.room.is_open:
            self.set(last_activity_at=now)
        if self.room.is_open and self.room.timer_at(TimerKind.AUTO_CLOSE) is None:
            # Set once; when it fires early because of later activity, it moves itself on.
            self.set_timer(
                TimerKind.AUTO_CLOSE, self.room.last_activity_at + rules.idle_limit(self.room)
            )
        if not self.room.is_open:
            self.set(timers=())
        # One edit of the status message is enough, after the messages it summarises.
        messages = [e for e in self.effects if not isinstance(e, UpdateStatus)]
        status = [UpdateStatus()] if len(messages) < len(self.effects) else []
        return Outcome(self.room, (*messages, *status, *_timer_effects(self.before, self.room)))


def require_aware(now: datetime) -> None:
    """Rooms compare moments across processes: naive datetimes are a programming error."""
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("now must be a timezone-aware datetime")


def move_to(draft: Draft, index: int, now: datetime, reason: ChangeReason, by: int | None) -> None:
    """Leave the current step (revealing what was collected) and start another one."""
    old = draft.room
    left_remaining: int | None = None
    if old.step_started_at is not None:
        reveal_hidden(draft)
        left_remaining = rules.remaining_seconds(old, now)
    restore = _last_time_left(old, index) if reason is ChangeReason.BACK else None
    plan = old.steps[index]
    seconds = plan.minutes * 60
    if restore is not None:
        # Going back gives the step the time it still had, and at least two minutes.
        kept = restore.left_remaining_seconds or 0
        seconds = max(kept, min(seconds, rules.MIN_SECONDS_AFTER_BACK))
    change = StepChange(
        at=now,
        from_index=old.step_index if old.step_started_at is not None else None,
        to_index=index,
        by=by,
        reason=reason,
        left_remaining_seconds=left_remaining,
        left_turn_user_id=old.turn_user_id,
    )
    draft.set(
        step_index=index,
        step_started_at=now,
        deadline=now + timedelta(seconds=seconds),
        paused_remaining_seconds=None,
        consecutive_passes=0,
        silence_asked=False,
        back_requested_by=None,
        back_requested_at=None,
        history=(*old.history, change),
    )
    _set_order(draft, restore.left_turn_user_id if restore is not None else None)
    arm_step_timers(draft, now)
    _announce_step(draft, reason)


def advance(draft: Draft, now: datetime, by: int | None, reason: ChangeReason) -> None:
    """Go to the next step, or close the room as completed after the last one."""
    room = draft.room
    if isinstance(fire(room, "advance"), Refused):
        close(draft, now, CloseReason.COMPLETED, by)
    else:
        move_to(draft, room.step_index + 1, now, reason, by)


def close(draft: Draft, now: datetime, reason: CloseReason, by: int | None) -> None:
    """Close the room: tell the group (unless the bot was removed), summarise and report."""
    room = draft.room
    if reason is CloseReason.COMPLETED:
        reveal_hidden(draft)
    state = fire(room, "finish" if reason is CloseReason.COMPLETED else "close")
    draft.set(
        state=state if isinstance(state, RoomState) else RoomState.CLOSED,
        closed_at=now,
        closed_reason=reason,
        deadline=None,
        paused_remaining_seconds=None,
        turn_user_id=None,
        back_requested_by=None,
        back_requested_at=None,
    )
    closed = draft.room
    summary = case_summary(closed)
    if reason is not CloseReason.BOT_REMOVED:
        draft.emit(Announce(_CLOSE_KEYS[reason], _close_params(closed, reason, by)))
        if summary is not None:
            draft.emit(Announce("room.announce.summary_sent", {"name": summary.case_holder_name}))
        draft.emit(UpdateStatus())
    if summary is not None:
        draft.emit(PrivateSummary(summary.case_holder_id, summary))
    report = teacher_report(closed)
    if report is not None:
        draft.emit(report)


def give_turn(draft: Draft, user_id: int | None) -> None:
    """Hand the turn to someone and let them know privately; the status shows it to all."""
    draft.set(turn_user_id=user_id)
    if user_id is not None:
        draft.emit(
            PrivatePrompt(
                user_id,
                "room.prompt.your_turn",
                {"title": rules.step_title(draft.room)},
                actions=(RoomAction.PASS,),
                step_index=draft.room.step_index,
            )
        )
    draft.emit(UpdateStatus())


def reveal_hidden(draft: Draft) -> None:
    """Show the current step's privately collected contributions to the group together."""
    room = draft.room
    hidden = rules.hidden_contributions(room)
    if not hidden:
        return
    draft.set(
        contributions=tuple(
            replace(c, hidden=False) if c.step_index == room.step_index else c
            for c in room.contributions
        )
    )
    draft.emit(
        Reveal(
            step_index=room.step_index,
            step_title=rules.step_title(room),
            contributions=tuple(
                RevealedContribution(c.author_id, room.name_of(c.author_id), c.text) for c in hidden
            ),
        )
    )


def reveal_if_complete(draft: Draft) -> None:
    """Reveal a private collection once everyone still present has handed in or passed."""
    room = draft.room
    expected = set(rules.present_in_order(room))
    if expected and expected <= rules.handed_in(room):
        reveal_hidden(draft)


def arm_step_timers(draft: Draft, now: datetime) -> None:
    """Expect the end, the one-minute warning and, in the case-holder's steps, a silence check."""
    room = draft.room
    deadline = room.deadline
    assert deadline is not None
    draft.set_timer(TimerKind.END, deadline)
    warning = deadline - rules.WARNING_BEFORE
    draft.set_timer(TimerKind.WARNING, warning if warning > now else None)
    silent_at = now + rules.silence_after(room.step)
    watch = (
        room.step.who is Who.CASE_HOLDER
        and not room.silence_asked
        and not rules.case_holder_spoke(room)
        and silent_at < deadline
    )
    draft.set_timer(TimerKind.CASE_HOLDER_SILENT, silent_at if watch else None)


def drop_step_timers(draft: Draft) -> None:
    """Forget the current step's timers (pause, close)."""
    for kind in STEP_TIMERS:
        draft.set_timer(kind, None)


def _set_order(draft: Draft, restored_turn: int | None) -> None:
    room = draft.room
    plan = room.step
    uses_order = plan.who is Who.EACH_IN_TURN or plan.collect_privately
    draft.set(turn_order=rules.audience(room, plan) if uses_order else (), turn_user_id=None)
    if rules.takes_turns(plan):
        room = draft.room
        first = restored_turn if restored_turn in rules.present_in_order(room) else None
        draft.set(turn_user_id=first if first is not None else rules.next_in_turn(room, None))


def _announce_step(draft: Draft, reason: ChangeReason) -> None:
    room = draft.room
    plan = room.step
    number = room.step_index + 1
    title = rules.step_title(room)
    assert room.deadline is not None and room.step_started_at is not None
    minutes = rules.whole_minutes(int((room.deadline - room.step_started_at).total_seconds()))
    if reason is ChangeReason.BACK:
        draft.emit(
            Announce("room.announce.back", {"number": number, "title": title, "minutes": minutes})
        )
    else:
        draft.emit(
            Announce(
                "room.announce.step",
                {
                    "number": number,
                    "count": len(room.steps),
                    "title": title,
                    "instruction": rules.step_instruction(room),
                    "minutes": minutes,
                },
            )
        )
    if rules.takes_turns(plan) and room.turn_user_id is not None:
        names = ", ".join(room.name_of(u) for u in rules.present_in_order(room))
        draft.emit(
            Announce(
                "room.announce.turn_order",
                {"order": names, "first": room.name_of(room.turn_user_id)},
            )
        )
        give_turn(draft, room.turn_user_id)
        return
    if plan.collect_privately:
        draft.emit(Announce("room.announce.collect_privately", {"title": title}))
        draft.emit(
            *(
                PrivatePrompt(
                    user,
                    "room.prompt.write_privately",
                    {"title": title},
                    step_index=room.step_index,
                )
                for user in rules.present_in_order(room)
            )
        )
    if (
        plan.who is Who.CASE_HOLDER
        and plan.kind in (StepKind.CHOICE, StepKind.PLAN)
        and room.case_holder_id is not None
        and rules.choosable(room)
    ):
        draft.emit(
            PrivatePrompt(
                room.case_holder_id,
                "room.prompt.choose_step",
                {"title": title},
                actions=(RoomAction.CHOOSE_STEP,),
                choices=tuple(c.text for c in rules.choosable(room)),
                step_index=room.step_index,
            )
        )
    draft.emit(UpdateStatus())


def _last_time_left(room: Room, index: int) -> StepChange | None:
    return next((c for c in reversed(room.history) if c.from_index == index), None)


def _close_params(room: Room, reason: CloseReason, by: int | None) -> dict[str, str | int]:
    if reason is CloseReason.COMPLETED:
        report = teacher_report(room)
        minutes = report.duration_minutes if report is not None else 0
        return {"minutes": minutes, "count": len(room.active_ids)}
    if reason is CloseReason.ENDED:
        return {"name": room.name_of(by)}
    return {}


def _timer_effects(before: Room, after: Room) -> tuple[Effect, ...]:
    """Cancel timers the room no longer expects and schedule new or moved ones."""
    old = {t.kind: t.at for t in before.timers}
    new = {t.kind: t.at for t in after.timers}
    gone = tuple(kind for kind in TimerKind if kind in old and kind not in new)
    effects: list[Effect] = [CancelTimers(gone)] if gone else []
    effects.extend(
        ScheduleTimer(kind, new[kind])
        for kind in TimerKind
        if kind in new and old.get(kind) != new[kind]
    )
    return tuple(effects)
