"""Capture what the pair says along the way; each capture returns a new snapshot, losing nothing."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date, datetime

from flows.trajectory.checks import clean_text, require_aware, require_party, require_step
from flows.trajectory.model import (
    TENSION_SCALE,
    CaptureError,
    CoachRole,
    Entry,
    Meeting,
    Note,
    Observation,
    Reflection,
    ReflectionQuestion,
    Refusal,
    RoleRequest,
    Scale,
    SmallStep,
    StepChange,
    StepStatus,
    TensionField,
    Trajectory,
)
from flows.trajectory.prompts import NOTE_RULES, NoteTopic, Takes, steps_taking
from flows.trajectory.steps import ACTIVE_STEPS, Party, Step

SCALE_RANGE = range(0, 11)
STEP_PLANNING_STEPS = steps_taking(Takes.SMALL_STEP)
SCALE_STEPS = steps_taking(Takes.SCALE)
MEETING_STEPS = (*ACTIVE_STEPS, Step.CLOSED)  # the closing conversation is confirmed afterwards


def record_click(trajectory: Trajectory) -> Trajectory:
    """Note that the private click check of the match came out positive."""
    require_step(trajectory, (Step.CONTACT,))
    return replace(trajectory, click_confirmed=True)


def plan_meeting(trajectory: Trajectory, when: datetime, *, by: Party, at: datetime) -> Trajectory:
    """Plan (or re-plan) the next conversation."""
    require_aware(at)
    require_aware(when)
    require_party(by, Party.ANY)
    require_step(trajectory, ACTIVE_STEPS)
    if when <= at:
        raise CaptureError(Refusal.INVALID, "the next conversation must lie in the future")
    return replace(trajectory, next_meeting=when)


def record_meeting(trajectory: Trajectory, *, held: bool, at: datetime) -> Trajectory:
    """Store the answer to "did you meet?"; a held meeting counts as a conversation."""
    require_aware(at)
    require_step(trajectory, MEETING_STEPS)
    meetings = (*trajectory.meetings, Meeting(at, held))
    return replace(trajectory, meetings=meetings, next_meeting=None)


def capture_goal(trajectory: Trajectory, text: str, *, by: Party, at: datetime) -> Trajectory:
    """State the goal in the coachee's own words; earlier wordings stay in the history."""
    require_aware(at)
    require_party(by, Party.COACHEE)
    require_step(trajectory, steps_taking(Takes.GOAL))
    entry = Entry(clean_text(text), by, at)
    return replace(trajectory, goals=(*trajectory.goals, entry))


def add_scale(trajectory: Trajectory, value: int, *, by: Party, at: datetime) -> Trajectory:
    """Record where the coachee stands on 0 to 10 today."""
    require_aware(at)
    require_party(by, Party.COACHEE)
    require_step(trajectory, SCALE_STEPS)
    if isinstance(value, bool) or value not in SCALE_RANGE:
        raise CaptureError(Refusal.INVALID, "a scale runs from 0 to 10")
    return replace(trajectory, scales=(*trajectory.scales, Scale(value, at)))


def add_stage(trajectory: Trajectory, text: str, *, by: Party, at: datetime) -> Trajectory:
    """Add a stage on the route between the start situation and the goal."""
    require_aware(at)
    require_party(by, Party.COACHEE)
    require_step(trajectory, steps_taking(Takes.STAGE))
    entry = Entry(clean_text(text), by, at)
    return replace(trajectory, stages=(*trajectory.stages, entry))


def add_step(
    trajectory: Trajectory, text: str, due: date, *, by: Party, at: datetime
) -> Trajectory:
    """Add a small step with the date the coachee wants to have taken it by."""
    require_aware(at)
    require_party(by, Party.COACHEE)
    require_step(trajectory, STEP_PLANNING_STEPS)
    number = len(trajectory.small_steps) + 1
    step = SmallStep(number, clean_text(text), due, StepStatus.OPEN, at)
    return replace(trajectory, small_steps=(*trajectory.small_steps, step))


def update_step_status(
    trajectory: Trajectory,
    number: int,
    status: StepStatus,
    *,
    by: Party,
    at: datetime,
    text: str | None = None,
    due: date | None = None,
) -> Trajectory:
    """Mark a small step done, dropped, changed (new wording or date) or open again."""
    require_aware(at)
    require_party(by, Party.COACHEE)
    require_step(trajectory, STEP_PLANNING_STEPS)
    current = trajectory.small_step(number)
    if current is None:
        raise CaptureError(Refusal.NOT_FOUND, f"there is no small step {number}")
    if status is StepStatus.CHANGED and text is None and due is None:
        raise CaptureError(Refusal.INVALID, "a changed step needs a new wording or date")
    wording = current.text if text is None else clean_text(text)
    new_due = current.due if due is None else due
    if (status, wording, new_due) == (current.status, current.text, current.due):
        raise CaptureError(Refusal.ALREADY_DONE, f"small step {number} is already {status.value}")
    change = StepChange(status, wording, new_due, at)
    # A new date is a new chance: the step may be nudged again once it passes.
    nudged = current.nudged and new_due == current.due
    updated = replace(
        current,
        text=wording,
        due=new_due,
        status=status,
        changes=(*current.changes, change),
        nudged=nudged,
    )
    return _with_small_step(trajectory, updated)


def steps_due_for_nudge(trajectory: Trajectory, today: date) -> tuple[SmallStep, ...]:
    """Active small steps past their date that have not had their one gentle nudge yet."""
    if trajectory.terminal:
        return ()
    return tuple(
        step
        for step in trajectory.small_steps
        if step.active and step.due < today and not step.nudged
    )


def mark_step_nudged(trajectory: Trajectory, number: int) -> Trajectory:
    """Remember that a small step got its nudge, so it never gets a second one."""
    current = trajectory.small_step(number)
    if current is None:
        raise CaptureError(Refusal.NOT_FOUND, f"there is no small step {number}")
    return _with_small_step(trajectory, replace(current, nudged=True))


def add_note(
    trajectory: Trajectory, topic: NoteTopic, text: str, *, by: Party, at: datetime
) -> Trajectory:
    """Store an answer to one of the step's prompts (what is better, what you learned, ...)."""
    require_aware(at)
    steps, owner = NOTE_RULES[topic]
    require_party(by, owner)
    require_step(trajectory, steps)
    note = Note(topic, clean_text(text), by, at)
    return replace(trajectory, notes=(*trajectory.notes, note))


def request_role(trajectory: Trajectory, role: CoachRole, *, by: Party, at: datetime) -> Trajectory:
    """The coachee asks the coach for a role in the coming conversation."""
    require_aware(at)
    require_party(by, Party.COACHEE)
    require_step(trajectory, steps_taking(Takes.ROLE))
    request = RoleRequest(trajectory.conversation_count + 1, role, at)
    return replace(trajectory, role_requests=(*trajectory.role_requests, request))


def add_reflection(
    trajectory: Trajectory,
    *,
    role: CoachRole,
    tensions: Mapping[TensionField, int],
    answers: Mapping[ReflectionQuestion, str],
    by: Party,
    at: datetime,
) -> Trajectory:
    """The coach's reflection on the latest conversation; allowed after closing as well."""
    require_aware(at)
    require_party(by, Party.COACH)
    conversation = _latest_conversation(trajectory)
    if any(r.conversation == conversation for r in trajectory.reflections):
        raise CaptureError(Refusal.ALREADY_DONE, f"conversation {conversation} has a reflection")
    for name, position in tensions.items():
        if isinstance(position, bool) or position not in TENSION_SCALE:
            raise CaptureError(Refusal.INVALID, f"{name.value} must lie between 1 and 5")
    reflection = Reflection(conversation, role, dict(tensions), _clean_answers(answers), at)
    return replace(trajectory, reflections=(*trajectory.reflections, reflection))


def add_observation(
    trajectory: Trajectory, answers: Mapping[ReflectionQuestion, str], *, at: datetime
) -> Trajectory:
    """A triad observer's feedback on the latest conversation, along the five questions."""
    require_aware(at)
    conversation = _latest_conversation(trajectory)
    if any(o.conversation == conversation for o in trajectory.observations):
        raise CaptureError(Refusal.ALREADY_DONE, f"conversation {conversation} was observed")
    if not answers:
        raise CaptureError(Refusal.INVALID, "an observation needs at least one answer")
    observation = Observation(conversation, _clean_answers(answers), at)
    return replace(trajectory, observations=(*trajectory.observations, observation))


def _latest_conversation(trajectory: Trajectory) -> int:
    count = trajectory.conversation_count
    if count == 0:
        raise CaptureError(Refusal.WRONG_STEP, "no conversation has taken place yet")
    return count


def _clean_answers(answers: Mapping[ReflectionQuestion, str]) -> dict[ReflectionQuestion, str]:
    return {question: clean_text(text) for question, text in answers.items()}


def _with_small_step(trajectory: Trajectory, updated: SmallStep) -> Trajectory:
    steps = tuple(updated if s.number == updated.number else s for s in trajectory.small_steps)
    return replace(trajectory, small_steps=steps)
