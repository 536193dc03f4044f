"""Random sequences of events and captures never break a trajectory or lose what it holds."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, timedelta

from hypothesis import example, given, settings, target
from hypothesis import strategies as st

from flows.trajectory import (
    PARTNERS,
    PARTY_OF,
    TRANSITIONS,
    CaptureError,
    CoachRole,
    ContractItemKey,
    DissolvedReason,
    Event,
    NoteTopic,
    Outcome,
    Party,
    ReflectionQuestion,
    Result,
    Step,
    StepStatus,
    TensionField,
    Trajectory,
    add_note,
    add_observation,
    add_reflection,
    add_scale,
    add_stage,
    add_step,
    capture_goal,
    confirm_item,
    confirm_revisit,
    fire,
    mark_step_nudged,
    plan_meeting,
    propose_item,
    record_click,
    record_meeting,
    request_role,
    update_step_status,
)

START = datetime(2026, 9, 1, 8, 0, tzinfo=UTC)
KEYS = list(ContractItemKey)
Capture = Callable[[Trajectory, Party, datetime, int], Trajectory]


def _other(party: Party) -> Party:
    return Party.COACHEE if party is Party.COACH else Party.COACH


def _whole_contract(t: Trajectory, by: Party, when: datetime, n: int) -> Trajectory:
    for key in KEYS:
        value = f"{n % 6 + 1} gesprekken" if key is ContractItemKey.CONVERSATIONS else "goed"
        t = confirm_item(propose_item(t, key, value, by=by, at=when), key, by=_other(by))
    return t


CAPTURES: dict[str, Capture] = {
    "click": lambda t, by, when, n: record_click(t),
    "contract": _whole_contract,
    "propose": lambda t, by, when, n: propose_item(
        t, KEYS[n % len(KEYS)], f"{n % 6 + 1} keer", by=by, at=when
    ),
    "confirm": lambda t, by, when, n: confirm_item(t, KEYS[n % len(KEYS)], by=by),
    "goal": lambda t, by, when, n: capture_goal(t, f"Doel {n}", by=by, at=when),
    "scale": lambda t, by, when, n: add_scale(t, n % 11, by=by, at=when),
    "stage": lambda t, by, when, n: add_stage(t, f"Etappe {n}", by=by, at=when),
    "step": lambda t, by, when, n: add_step(
        t, f"Stap {n}", date(2026, 9, 1) + timedelta(days=n % 20), by=by, at=when
    ),
    "status": lambda t, by, when, n: update_step_status(
        t, n % 4 + 1, list(StepStatus)[n % 4], by=by, at=when, text=f"Anders {n}"
    ),
    "note": lambda t, by, when, n: add_note(
        t, list(NoteTopic)[n % len(NoteTopic)], f"Notitie {n}", by=by, at=when
    ),
    "learned": lambda t, by, when, n: add_note(t, NoteTopic.LEARNED, "Veel", by=by, at=when),
    "meeting": lambda t, by, when, n: record_meeting(t, held=n % 3 != 0, at=when),
    "plan": lambda t, by, when, n: plan_meeting(t, when + timedelta(days=2), by=by, at=when),
    "role": lambda t, by, when, n: request_role(t, list(CoachRole)[n % 6], by=by, at=when),
    "reflect": lambda t, by, when, n: add_reflection(
        t,
        role=list(CoachRole)[n % 6],
        tensions={list(TensionField)[n % 7]: n % 5 + 1},
        answers={ReflectionQuestion.TAKE_AWAY: f"Inzicht {n}"},
        by=by,
        at=when,
    ),
    "observe": lambda t, by, when, n: add_observation(
        t, {ReflectionQuestion.RECOGNISED: f"Gezien {n}"}, at=when
    ),
    "revisit": lambda t, by, when, n: confirm_revisit(t, by=by),
    "nudge": lambda t, by, when, n: mark_step_nudged(t, n % 4 + 1),
}

fires = st.tuples(
    st.just("fire"),
    st.sampled_from(list(Event)),
    st.sampled_from([Party.COACH, Party.COACHEE, Party.SYSTEM]),
    st.sampled_from(list(DissolvedReason)),
)
captures = st.tuples(
    st.just("capture"),
    st.sampled_from(sorted(CAPTURES)),
    st.sampled_from([Party.COACH, Party.COACHEE]),
    st.integers(min_value=0, max_value=60),
)
Action = tuple[str, object, Party, object]

E, C = Event, Party.COACH
EE = Party.COACHEE
# The whole way to a closed trajectory, with detours, in this test's own vocabulary.
GOLDEN: list[Action] = [
    ("capture", "click", C, 0),
    ("fire", E.FINISH_CONTACT, C, None),
    ("fire", E.FINISH_CONTACT, EE, None),
    ("capture", "contract", EE, 4),
    ("fire", E.ACCEPT_CONTRACT, EE, None),
    ("fire", E.ACCEPT_CONTRACT, C, None),
    ("capture", "goal", EE, 1),
    ("capture", "scale", EE, 3),
    ("fire", E.CONFIRM_GOAL, EE, None),
    ("capture", "stage", EE, 2),
    ("capture", "step", EE, 2),
    ("fire", E.CONFIRM_ROUTE, EE, None),
    ("capture", "meeting", EE, 1),
    ("capture", "reflect", C, 1),
    ("capture", "meeting", EE, 2),
    ("capture", "meeting", EE, 4),
    ("capture", "revisit", C, 0),
    ("capture", "revisit", EE, 0),
    ("fire", E.REVISE_GOAL, C, None),
    ("capture", "goal", EE, 7),
    ("fire", E.CONFIRM_GOAL, EE, None),
    ("capture", "status", EE, 0),
    ("fire", E.REPLAN, EE, None),
    ("capture", "step", EE, 9),
    ("fire", E.CONFIRM_ROUTE, EE, None),
    ("fire", E.START_CLOSING, C, None),
    ("capture", "learned", EE, 0),
    ("fire", E.CLOSE, EE, None),
    ("fire", E.CLOSE, C, None),
    ("capture", "reflect", C, 5),
]


def apply(trajectory: Trajectory, action: Action, when: datetime) -> tuple[Trajectory, Outcome]:
    """Run one action; a refused capture leaves the snapshot as it was."""
    kind, what, actor, extra = action
    if kind == "fire":
        assert isinstance(what, Event)
        reason = None
        if what is Event.DISSOLVE:
            reason = extra if isinstance(extra, DissolvedReason) else DissolvedReason.UNREACHABLE
        outcome = fire(trajectory, what, actor, at=when, reason=reason)
        return outcome.trajectory, outcome
    assert isinstance(what, str) and isinstance(extra, int)
    try:
        after = CAPTURES[what](trajectory, actor, when, extra)
    except CaptureError:
        after = trajectory
    return after, Outcome(Result.REFUSED, after)


def assert_prefix(before: Sequence[object], after: Sequence[object], name: str) -> None:
    """Nothing captured earlier disappears or changes."""
    assert tuple(after[: len(before)]) == tuple(before), f"{name} lost or rewrote an item"


def assert_nothing_lost(before: Trajectory, after: Trajectory) -> None:
    """Every captured list only grows; steps and contract items keep their histories."""
    for name in (
        "goals",
        "scales",
        "stages",
        "notes",
        "meetings",
        "role_requests",
        "reflections",
        "observations",
        "moves",
    ):
        assert_prefix(getattr(before, name), getattr(after, name), name)
    assert [s.number for s in after.small_steps[: len(before.small_steps)]] == [
        s.number for s in before.small_steps
    ]
    for old, new in zip(before.small_steps, after.small_steps, strict=False):
        assert_prefix(old.changes, new.changes, f"changes of step {old.number}")
    for old_item in before.contract.items:
        new_item = after.contract.item(old_item.key)
        assert new_item is not None
        assert_prefix(old_item.versions, new_item.versions, f"versions of {old_item.key}")


def assert_valid(trajectory: Trajectory) -> None:
    """A snapshot that could have come out of the machine."""
    assert trajectory.step in Step
    assert (trajectory.step is Step.DISSOLVED) == (trajectory.dissolved_reason is not None)
    assert (trajectory.step is Step.CLOSED) == (trajectory.contract.closed_at is not None)
    for confirmation in trajectory.confirmations:
        assert PARTY_OF[confirmation.event] is Party.BOTH
        sources = {
            s for spec in TRANSITIONS if spec.event is confirmation.event for s in spec.sources
        }
        assert trajectory.step in sources, "a confirmation outlived its step"
        assert confirmation.party in PARTNERS
    for event in {c.event for c in trajectory.confirmations}:
        assert len(trajectory.confirmed_by(event)) == 1, "two confirmations should have moved"
    if trajectory.moves:
        assert trajectory.moves[-1].dest is trajectory.step


def run(actions: Sequence[Action]) -> Trajectory:
    """Apply actions one by one, checking every invariant after each."""
    trajectory = Trajectory()
    for index, action in enumerate(actions):
        before = trajectory
        trajectory, outcome = apply(before, action, START + timedelta(minutes=10 * index))
        assert_valid(trajectory)
        assert_nothing_lost(before, trajectory)
        if before.terminal and action[0] == "fire":
            assert trajectory == before, "closed and dissolved are terminal"
        if outcome.moved:
            assert trajectory.confirmations == ()
            assert len(trajectory.moves) == len(before.moves) + 1
        else:
            assert trajectory.step is before.step
            assert trajectory.moves == before.moves
    stored = json.loads(json.dumps(trajectory.to_dict()))
    assert Trajectory.from_dict(stored) == trajectory
    return trajectory


@settings(max_examples=250, deadline=None)
@given(st.lists(st.one_of(fires, captures), max_size=80))
@example(GOLDEN)
@example([*GOLDEN[:12], ("fire", Event.DISSOLVE, Party.SYSTEM, DissolvedReason.UNREACHABLE)])
def test_random_sequences_keep_a_trajectory_valid(actions: list[Action]) -> None:
    trajectory = run(actions)
    target(float(len(trajectory.moves)), label="moves")


def test_the_golden_sequence_really_walks_the_whole_trajectory() -> None:
    closed = run(GOLDEN)
    assert closed.step is Step.CLOSED
    assert [m.dest for m in closed.moves] == [
        Step.CONTRACT,
        Step.GOAL,
        Step.ROUTE,
        Step.PATH,
        Step.GOAL,
        Step.PATH,
        Step.ROUTE,
        Step.PATH,
        Step.CLOSING,
        Step.CLOSED,
    ]
    assert closed.contract.revisited_at_conversation == 3
    assert [r.conversation for r in closed.reflections] == [1, 3]
