"""Room commands during the session: contributions, turns, steering the steps, timers, ending."""

from __future__ import annotations

from datetime import datetime, timedelta

from flows.protocols import StepKind, Who
from flows.room import rules
from flows.room.effects import (
    Announce,
    Outcome,
    PrivatePrompt,
    Refused,
    Relay,
    Result,
    RoomAction,
    UpdateStatus,
)
from flows.room.machine import controls, fire, state_refusal, steer
from flows.room.model import (
    ChangeReason,
    CloseReason,
    Contribution,
    ContributionKind,
    Pass,
    Room,
    RoomState,
    TimerKind,
)
from flows.room.session import (
    Draft,
    advance,
    arm_step_timers,
    close,
    drop_step_timers,
    give_turn,
    move_to,
    require_aware,
    reveal_hidden,
    reveal_if_complete,
)


def contribute(
    room: Room,
    actor_id: int,
    now: datetime,
    text: str | None,
    *,
    media: str | None = None,
    privately: bool = False,
    from_private_chat: bool = False,
) -> Result:
    """Someone writes a contribution; stickers, photos and the like are kindly refused.

    privately: handed in for a step that collects privately (kept hidden until the reveal);
    from_private_chat: written to the bot privately, so what is not hidden is relayed.
    """
    require_aware(now)
    refused = state_refusal(room, "contribute")
    if refused is not None:
        return refused
    if not rules.is_participant(room, actor_id):
        return Refused("room.refuse.not_member")
    if media is not None or text is None:
        return Refused("room.refuse.not_text")
    clean = text.strip()
    if not clean:
        return Refused("room.refuse.empty")
    if len(clean) > rules.MAX_TEXT_LENGTH:
        return Refused("room.refuse.too_long", {"max": rules.MAX_TEXT_LENGTH})
    plan = room.step
    kind = contribution_kind(room, actor_id)
    if isinstance(kind, Refused):
        return kind
    if privately and not plan.collect_privately:
        return Refused("room.refuse.share_in_group")
    if kind is ContributionKind.SCALE and rules.scale_value(clean) is None:
        low, high = rules.SCALE_RANGE
        return Refused("room.refuse.scale_number", {"min": low, "max": high})
    fire(room, "contribute")
    hidden = privately and plan.collect_privately and kind is not ContributionKind.ANSWER
    draft = Draft(room)
    draft.set(
        contributions=(
            *room.contributions,
            Contribution(room.step_index, actor_id, kind, clean, now, hidden=hidden),
        )
    )
    if from_private_chat and not hidden:
        draft.emit(Relay(actor_id, room.name_of(actor_id), clean))
    _after_contribution(draft, actor_id, kind, clean, hidden)
    return draft.outcome(now)


def contribution_kind(room: Room, actor_id: int) -> ContributionKind | Refused:
    """What a contribution by this person in the current step counts as, or why they wait."""
    plan = room.step
    kind = ContributionKind(plan.kind.value)
    is_case_holder = actor_id == room.case_holder_id
    answers = is_case_holder and plan.kind is StepKind.QUESTION
    if plan.who is Who.CASE_HOLDER:
        if is_case_holder:
            return kind
        return Refused(
            "room.refuse.case_holder_speaks", {"name": room.name_of(room.case_holder_id)}
        )
    if answers:
        return ContributionKind.ANSWER
    if plan.who is Who.FACILITATOR:
        if actor_id == room.facilitator_id:
            return kind
        return Refused(
            "room.refuse.facilitator_speaks", {"name": room.name_of(room.facilitator_id)}
        )
    if plan.who is Who.EVERYONE:
        return kind
    if is_case_holder:
        return Refused("room.refuse.case_holder_listens")
    if not rules.takes_turns(plan) or actor_id == room.turn_user_id:
        return kind
    if room.turn_user_id is None:
        return Refused("room.refuse.no_turns")
    return Refused("room.refuse.not_your_turn", {"name": room.name_of(room.turn_user_id)})


def pass_turn(room: Room, actor_id: int, now: datetime) -> Result:
    """Let a turn go by (the facilitator may pass for someone who is away)."""
    require_aware(now)
    fired = fire(room, "pass_turn")
    if isinstance(fired, Refused):
        return fired
    plan = room.step
    draft = Draft(room)
    if rules.takes_turns(plan):
        passer = room.turn_user_id
        if passer is None:
            return Refused("room.refuse.no_turns")
        if actor_id != passer and not rules.is_controller(room, actor_id):
            return Refused("room.refuse.not_your_turn", {"name": room.name_of(passer)})
        _pass_in_turn(draft, passer, now)
        return draft.outcome(now)
    if plan.collect_privately and actor_id in rules.present_in_order(room):
        if actor_id in rules.handed_in(room):
            return Refused("room.refuse.already_handed_in")
        draft.set(passes=(*room.passes, Pass(room.step_index, actor_id, now)))
        reveal_if_complete(draft)
        draft.emit(UpdateStatus())
        return draft.outcome(now)
    return Refused("room.refuse.no_turns")


def reveal(room: Room, actor_id: int, now: datetime) -> Result:
    """The facilitator shows what was collected so far without waiting for everyone."""
    require_aware(now)
    state = steer(room, "reveal", actor_id)
    if isinstance(state, Refused):
        return state
    if not rules.hidden_contributions(room):
        return Refused("room.refuse.nothing_to_reveal")
    draft = Draft(room)
    reveal_hidden(draft)
    draft.emit(UpdateStatus())
    return draft.outcome(now)


def next_step(room: Room, actor_id: int, now: datetime) -> Result:
    """The facilitator moves on; after the last step the room closes as completed."""
    require_aware(now)
    # Not fired here: advance() fires "advance", or "finish" on the last step.
    refused = state_refusal(room, "advance") or controls(room, actor_id)
    if refused is not None:
        return refused
    draft = Draft(room)
    advance(draft, now, actor_id, ChangeReason.NEXT)
    return draft.outcome(now)


def request_back(room: Room, actor_id: int, now: datetime) -> Result:
    """The facilitator asks to go back one step; it needs a confirmation (mistakes happen)."""
    require_aware(now)
    state = steer(room, "request_back", actor_id)
    if isinstance(state, Refused):
        return state
    draft = Draft(room)
    draft.set(back_requested_by=actor_id, back_requested_at=now)
    previous = room.step_index - 1
    draft.emit(
        PrivatePrompt(
            actor_id,
            "room.prompt.confirm_back",
            {"number": previous + 1, "title": rules.step_title(room, previous)},
            actions=(RoomAction.CONFIRM_BACK, RoomAction.CANCEL_BACK),
            step_index=previous,
        )
    )
    return draft.outcome(now)


def confirm_back(room: Room, actor_id: int, now: datetime) -> Result:
    """Going back is confirmed: the previous step gets back its time left (at least 2 minutes)."""
    require_aware(now)
    state = steer(room, "go_back", actor_id)
    if isinstance(state, Refused):
        return state
    asked = room.back_requested_at
    if asked is None or now - asked > rules.BACK_CONFIRM_WINDOW:
        return Refused("room.refuse.back_expired")
    draft = Draft(room)
    move_to(draft, room.step_index - 1, now, ChangeReason.BACK, actor_id)
    return draft.outcome(now)


def cancel_back(room: Room, actor_id: int, now: datetime) -> Result:
    """Going back is called off; the step simply goes on."""
    require_aware(now)
    state = steer(room, "cancel_back", actor_id)
    if isinstance(state, Refused):
        return state
    draft = Draft(room)
    draft.set(back_requested_by=None, back_requested_at=None)
    return draft.outcome(now)


def pause(room: Room, actor_id: int, now: datetime) -> Result:
    """Stop the clock; the step keeps the time it had left."""
    require_aware(now)
    state = steer(room, "pause", actor_id)
    if isinstance(state, Refused):
        return state
    draft = Draft(room)
    draft.set(
        state=state,
        paused_remaining_seconds=rules.remaining_seconds(room, now),
        deadline=None,
        back_requested_by=None,
        back_requested_at=None,
    )
    drop_step_timers(draft)
    draft.emit(Announce("room.announce.paused", {"name": room.name_of(actor_id)}), UpdateStatus())
    return draft.outcome(now)


def resume(room: Room, actor_id: int, now: datetime) -> Result:
    """Start the clock again with the time the step had left."""
    require_aware(now)
    state = steer(room, "resume", actor_id)
    if isinstance(state, Refused):
        return state
    remaining = room.paused_remaining_seconds or 0
    draft = Draft(room)
    draft.set(
        state=state,
        deadline=now + timedelta(seconds=remaining),
        paused_remaining_seconds=None,
    )
    arm_step_timers(draft, now)
    draft.emit(
        Announce(
            "room.announce.resumed",
            {"title": rules.step_title(room), "minutes": rules.whole_minutes(remaining)},
        ),
        UpdateStatus(),
    )
    return draft.outcome(now)


def extend(room: Room, actor_id: int, now: datetime, minutes: int) -> Result:
    """The facilitator or timekeeper gives the current step a few more minutes."""
    require_aware(now)
    refused = state_refusal(room, "extend")
    if refused is not None:
        return refused
    if actor_id != room.timekeeper_id:
        refused = controls(room, actor_id)
        if refused is not None:
            return refused
    low, high = rules.EXTEND_MINUTES
    if isinstance(minutes, bool) or not low <= minutes <= high:
        return Refused("room.refuse.extend_range", {"min": low, "max": high})
    fire(room, "extend")
    draft = Draft(room)
    if room.state is RoomState.PAUSED:
        draft.set(paused_remaining_seconds=(room.paused_remaining_seconds or 0) + minutes * 60)
    else:
        assert room.deadline is not None
        deadline = max(room.deadline, now) + timedelta(minutes=minutes)
        draft.set(deadline=deadline)
        draft.set_timer(TimerKind.END, deadline)
        warning = deadline - rules.WARNING_BEFORE
        draft.set_timer(TimerKind.WARNING, warning if warning > now else None)
    left = rules.remaining_seconds(draft.room, now) or 0
    draft.emit(
        Announce(
            "room.announce.extended",
            {"minutes": minutes, "left": rules.whole_minutes(left), "name": room.name_of(actor_id)},
        ),
        UpdateStatus(),
    )
    return draft.outcome(now)


def end(room: Room, actor_id: int, now: datetime) -> Result:
    """The facilitator or teacher ends the room; the case-holder still gets their summary."""
    require_aware(now)
    state = steer(room, "close", actor_id)
    if isinstance(state, Refused):
        return state
    draft = Draft(room)
    close(draft, now, CloseReason.ENDED, actor_id)
    return draft.outcome(now)


def choose_step(room: Room, actor_id: int, now: datetime, choice: int) -> Result:
    """The case-holder picks one of the ideas (numbered from 0) as the step they will take."""
    require_aware(now)
    fired = fire(room, "choose_step")
    if isinstance(fired, Refused):
        return fired
    if actor_id != room.case_holder_id:
        return Refused("room.refuse.only_case_holder", {"name": room.name_of(room.case_holder_id)})
    options = rules.choosable(room)
    if not 0 <= choice < len(options):
        return Refused("room.refuse.no_such_idea")
    text = options[choice].text
    draft = Draft(room)
    draft.set(chosen_step=text)
    # Picking an idea is the case-holder speaking: nobody needs to be asked about silence.
    draft.set_timer(TimerKind.CASE_HOLDER_SILENT, None)
    draft.emit(PrivatePrompt(actor_id, "room.prompt.step_chosen", {"text": text}))
    return draft.outcome(now)


def timer_fired(room: Room, now: datetime, kind: TimerKind) -> Result:
    """A durable timer went off; stale ones (moved, paused, closed) change nothing."""
    require_aware(now)
    due = room.timer_at(kind)
    if not room.is_open or due is None or due > now + rules.TIMER_TOLERANCE:
        return Outcome(room)
    draft = Draft(room)
    draft.set_timer(kind, None)
    if kind is TimerKind.WARNING and not isinstance(fire(room, "warn"), Refused):
        draft.emit(
            Announce("room.announce.warning", {"title": rules.step_title(room)}), UpdateStatus()
        )
    elif kind is TimerKind.END and room.state is RoomState.RUNNING:
        advance(draft, now, None, ChangeReason.TIME_UP)
    elif kind is TimerKind.CASE_HOLDER_SILENT and not isinstance(
        fire(room, "ask_facilitator"), Refused
    ):
        _ask_about_silence(draft)
    elif kind is TimerKind.AUTO_CLOSE:
        idle_until = room.last_activity_at + rules.idle_limit(room)
        if idle_until > now + rules.TIMER_TOLERANCE:
            draft.set_timer(TimerKind.AUTO_CLOSE, idle_until)
        else:
            close(draft, now, CloseReason.AUTO_CLOSED, None)
    return draft.outcome(now, touched=False)


def bot_removed(room: Room, now: datetime) -> Result:
    """The bot was removed from the group: close quietly, still summarise and report."""
    require_aware(now)
    if not room.is_open:
        return Outcome(room)
    draft = Draft(room)
    close(draft, now, CloseReason.BOT_REMOVED, None)
    return draft.outcome(now, touched=False)


def _after_contribution(
    draft: Draft, actor_id: int, kind: ContributionKind, text: str, hidden: bool
) -> None:
    room = draft.room
    plan = room.step
    if actor_id == room.case_holder_id and plan.who is Who.CASE_HOLDER:
        draft.set_timer(TimerKind.CASE_HOLDER_SILENT, None)
    if rules.sets_chosen_step(room, actor_id, kind):
        draft.set(chosen_step=text)
    if rules.takes_turns(plan) and kind is not ContributionKind.ANSWER:
        draft.set(consecutive_passes=0)
        give_turn(draft, rules.next_in_turn(room, actor_id))
        return
    if hidden:
        done = rules.handed_in(room)
        expected = rules.present_in_order(room)
        draft.emit(
            PrivatePrompt(
                actor_id,
                "room.prompt.received",
                {"count": len(done & set(expected)), "expected": len(expected)},
            )
        )
        reveal_if_complete(draft)
    draft.emit(UpdateStatus())


def _pass_in_turn(draft: Draft, passer: int, now: datetime) -> None:
    """A pass moves the turn on; when everyone passed in a row, the round has said its say."""
    room = draft.room
    passes = room.consecutive_passes + 1
    draft.set(passes=(*room.passes, Pass(room.step_index, passer, now)), consecutive_passes=passes)
    if passes >= len(rules.present_in_order(room)):
        draft.emit(Announce("room.announce.everyone_passed", {"title": rules.step_title(room)}))
        advance(draft, now, None, ChangeReason.EVERYONE_PASSED)
        return
    give_turn(draft, rules.next_in_turn(draft.room, passer))


def _ask_about_silence(draft: Draft) -> None:
    """The case-holder has been quiet in their own step: nudge them, ask the facilitator."""
    room = draft.room
    draft.set(silence_asked=True)
    name = room.name_of(room.case_holder_id)
    title = rules.step_title(room)
    draft.emit(
        PrivatePrompt(
            rules.controller_id(room),
            "room.prompt.case_holder_silent",
            {"name": name, "title": title},
            actions=(RoomAction.EXTEND, RoomAction.NEXT, RoomAction.END),
            step_index=room.step_index,
        )
    )
    if room.case_holder_id is not None:
        draft.emit(
            PrivatePrompt(
                room.case_holder_id,
                "room.prompt.nudge_case_holder",
                {"title": title},
                step_index=room.step_index,
            )
        )
