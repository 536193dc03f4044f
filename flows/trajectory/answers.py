"""Answers to what the bot asked: pure commands that take the trajectory and an answer and say
what to keep, whom to tell and what to ask next. Length limits and chains are decided here."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, date, datetime

from flows.trajectory.captures import (
    add_note,
    add_scale,
    add_stage,
    add_step,
    capture_goal,
    request_role,
    update_step_status,
)
from flows.trajectory.effects import (
    Ask,
    AwaitText,
    Chain,
    Confirm,
    Confirmation,
    Effect,
    NudgeLater,
    OfferMoreStages,
    Outcome,
    Refused,
    Result,
    Say,
    Share,
    ShowChart,
    ShowDates,
    StopWaiting,
    Store,
)
from flows.trajectory.model import CaptureError, CoachRole, StepStatus, Trajectory
from flows.trajectory.prompts import NOTEBOOK, NoteTopic, Takes, takes_of
from flows.trajectory.steps import Party, Step

GOAL_LIMIT = 280  # a goal fits in a sentence or two; longer stories belong in a note
NOTE_LIMIT = 1000
STEP_LIMIT = 200
REFUSED = Refused("trajectory.capture_refused", stop_waiting=True)
STEP_TOO_LONG = Refused("trajectory.too_long_step", {"limit": STEP_LIMIT})


def _fits_a_step(text: str) -> bool:
    """A small step's words: something, and short enough to read at a glance."""
    return 0 < len(text.strip()) <= STEP_LIMIT


@dataclass(frozen=True, slots=True)
class Waiting:
    """What the bot asked this person for: the kind of answer, who answers, the chain it is in."""

    kind: str  # goal, stage, note:<topic>, step_text, change_text, scale, step_date, ...
    by: Party = Party.COACHEE
    chain: Chain = Chain.NONE
    skipped: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        """The capture's key: the note topic, else the kind."""
        kind, _, topic = self.kind.partition(":")
        return topic or kind


def take_text(trajectory: Trajectory, waiting: Waiting, text: str, *, at: datetime) -> Result:
    """A goal, a note or a stage in the person's own words: keep it, share it, go on."""
    takes = takes_of(waiting.key)
    limit = GOAL_LIMIT if takes is Takes.GOAL else NOTE_LIMIT
    if len(text.strip()) > limit:
        too_long = "goal" if takes is Takes.GOAL else "note"
        return Refused(f"trajectory.too_long_{too_long}", {"limit": limit})
    try:
        if takes is Takes.GOAL:
            updated = capture_goal(trajectory, text, by=waiting.by, at=at)
        elif takes is Takes.STAGE:
            updated = add_stage(trajectory, text, by=waiting.by, at=at)
        else:
            updated = add_note(trajectory, NoteTopic(waiting.key), text, by=waiting.by, at=at)
    except CaptureError:
        return REFUSED
    kept = kept_effects(updated, waiting.key, text.strip(), by=waiting.by)
    return Outcome((*kept, *after_capture(updated, waiting)))


def take_step_words(waiting: Waiting, text: str) -> Result:
    """The words of a new small step; its date comes next, with buttons."""
    if not _fits_a_step(text):
        return STEP_TOO_LONG
    data = {"chain": waiting.chain.value, "skipped": list(waiting.skipped), "text": text.strip()}
    return Outcome((AwaitText("step_date", data), ShowDates("tr_date")))


def take_scale(trajectory: Trajectory, waiting: Waiting, value: int, *, at: datetime) -> Result:
    """A number from 0 to 10 on the scale."""
    try:
        updated = add_scale(trajectory, value, by=Party.COACHEE, at=at)
    except CaptureError:
        return REFUSED
    kept = kept_effects(updated, "scale", str(value), by=Party.COACHEE)
    return Outcome((*kept, *after_capture(updated, waiting)))


def take_role(trajectory: Trajectory, role: CoachRole, *, at: datetime) -> Result:
    """The role the coachee asks from their coach in the coming conversation."""
    try:
        updated = request_role(trajectory, role, by=Party.COACHEE, at=at)
    except CaptureError:
        return REFUSED
    asked = Share(Party.COACH, "trajectory.role_asked", role=role)
    return Outcome((Store(updated), StopWaiting(), Say("trajectory.saved"), asked))


def take_small_step(
    trajectory: Trajectory, waiting: Waiting, text: str, due: date, *, at: datetime
) -> Result:
    """A new small step with its day (the coach reads the day in their own language)."""
    try:
        updated = add_step(trajectory, text, due, by=Party.COACHEE, at=at)
    except CaptureError:
        return REFUSED
    kept = kept_effects(updated, "small_step", text, by=Party.COACHEE, day=due)
    nudge = NudgeLater(updated.small_steps[-1])
    return Outcome((kept[0], nudge, *kept[1:], *after_capture(updated, waiting)))


def change_small_step(
    trajectory: Trajectory,
    number: int,
    status: StepStatus,
    *,
    at: datetime,
    text: str | None = None,
    due: date | None = None,
    answering: bool = False,
) -> Result:
    """Tick off, drop or change a small step; the coach hears of it. `answering`: the change
    answers a question (new words or date), which is over afterwards, kept or not."""
    if text is not None and not _fits_a_step(text):
        return STEP_TOO_LONG
    try:
        updated = update_step_status(
            trajectory, number, status, by=Party.COACHEE, at=at, text=text, due=due
        )
    except CaptureError:
        return Refused("trajectory.step_unchanged", stop_waiting=answering)
    step = updated.small_step(number)
    assert step is not None  # update_step_status refuses unknown numbers
    told = {"step": step.text}
    effects: list[Effect] = [Store(updated)]
    if answering:
        effects.append(StopWaiting())
    if due is not None:
        effects.append(NudgeLater(step))
    effects.append(Say(f"trajectory.small_{status.value}", told))
    effects.append(Share(Party.COACH, f"trajectory.coach_small_{status.value}", told))
    return Outcome(tuple(effects))


def kept_effects(
    updated: Trajectory, key: str, shown: str, *, by: Party, day: date | None = None
) -> tuple[Effect, ...]:
    """Store a capture, thank the writer and show it to the partner it belongs with (a small
    step with its `day`)."""
    kept = (Store(updated), StopWaiting(), Say("trajectory.saved"))
    if key == "compliment":
        other = Party.COACHEE if by is Party.COACH else Party.COACH
        share = Share(other, "trajectory.compliment_from", {"text": shown}, name_of=by)
        return (*kept, share)
    if key == "scale":
        return (*kept, Share(Party.COACH, "trajectory.shared_scale", {"text": shown}), ShowChart())
    share = Share(Party.COACH, "trajectory.shared_note", {"text": shown}, label=key, day=day)
    return (*kept, share)


def after_capture(trajectory: Trajectory, waiting: Waiting) -> tuple[Effect, ...]:
    """What follows a capture: nothing, another stage, or the chain's next question."""
    if waiting.chain is Chain.ROUTE and waiting.key == "stage":
        return (OfferMoreStages(),)
    return next_in_chain(trajectory, waiting.chain, waiting.skipped)


def continue_chain(trajectory: Trajectory, chain: Chain, skipped: Collection[str] = ()) -> Outcome:
    """Continue a chain: ask for its next missing capture, or for its confirmation."""
    return Outcome(next_in_chain(trajectory, chain, skipped))


def next_in_chain(
    trajectory: Trajectory, chain: Chain, skipped: Collection[str] = ()
) -> tuple[Effect, ...]:
    """The next missing capture of a chain, or its confirmation once everything is there."""
    found = _next_in_chain(trajectory, chain, skipped)
    return () if found is None else (found,)


def _next_in_chain(trajectory: Trajectory, chain: Chain, skipped: Collection[str]) -> Effect | None:
    if chain is Chain.GOAL:
        goal = trajectory.goals[-1] if trajectory.goals else None
        if goal is None or goal.at < entered(trajectory, Step.GOAL):
            return Ask("goal", chain)
        if not any(scale.at >= goal.at for scale in trajectory.scales):
            return Ask("scale", chain)
        return Confirm(Confirmation.GOAL)
    if chain is Chain.ROUTE and not trajectory.stages:
        return Ask("stage", Chain.ROUTE)
    if chain in (Chain.ROUTE, Chain.ROUTE_STEPS):
        if not any(step.active for step in trajectory.small_steps):
            return Ask("small_step", Chain.ROUTE_STEPS)
        return Confirm(Confirmation.ROUTE)
    if chain is not Chain.CLOSING:
        return None
    missing = closing_missing(trajectory, skipped)
    if missing is not None:
        return Ask(missing, chain, tuple(sorted(skipped)))
    return Confirm(Confirmation.CLOSE)


def closing_missing(trajectory: Trajectory, skipped: Collection[str]) -> str | None:
    """The first closing question not answered since closing began, nor skipped."""
    since = entered(trajectory, Step.CLOSING)
    for key in NOTEBOOK[Step.CLOSING]:
        if key in skipped:
            continue
        if key == "scale":
            if not any(scale.at >= since for scale in trajectory.scales):
                return key
        elif not any(note.at >= since for note in trajectory.notes_about(NoteTopic(key))):
            return key
    return None


def entered(trajectory: Trajectory, step: Step) -> datetime:
    """When the trajectory last arrived in this step."""
    moments = [move.at for move in trajectory.moves if move.dest is step]
    return max(moments) if moments else datetime.min.replace(tzinfo=UTC)
