"""The trajectory machine: who may fire what from where, confirmations, detours, dissolving."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from flows.trajectory import (
    ACTIVE_STEPS,
    MACHINE,
    CaptureError,
    ContractItemKey,
    DissolvedReason,
    Event,
    NoteTopic,
    Party,
    Refusal,
    Result,
    Step,
    StepStatus,
    Trajectory,
    add_note,
    add_scale,
    add_stage,
    add_step,
    available_events,
    capture_goal,
    confirm_item,
    fire,
    plan_meeting,
    propose_item,
    record_click,
    record_meeting,
    update_step_status,
)

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
COACH, COACHEE, SYSTEM = Party.COACH, Party.COACHEE, Party.SYSTEM
ACTORS = (COACH, COACHEE, SYSTEM)


def at(hours: float = 0) -> datetime:
    """A moment some hours after the start of the test trajectory."""
    return START + timedelta(hours=hours)


def both(trajectory: Trajectory, event: Event) -> Trajectory:
    """Both partners confirm a two-party event; the second confirmation moves."""
    first = fire(trajectory, event, COACH, at=at())
    assert first.result is Result.WAITING_FOR_PARTNER
    second = fire(first.trajectory, event, COACHEE, at=at())
    assert second.result is Result.MOVED, second
    return second.trajectory


def moved(trajectory: Trajectory, event: Event, actor: Party = COACHEE) -> Trajectory:
    """Fire an event that must move, and return the new snapshot."""
    outcome = fire(trajectory, event, actor, at=at())
    assert outcome.result is Result.MOVED, outcome
    return outcome.trajectory


def agree_on_contract(trajectory: Trajectory, conversations: int = 5) -> Trajectory:
    """The coach proposes every item, the coachee confirms each."""
    for key in ContractItemKey:
        value = f"{conversations} gesprekken" if key is ContractItemKey.CONVERSATIONS else "prima"
        trajectory = propose_item(trajectory, key, value, by=COACH, at=at())
        trajectory = confirm_item(trajectory, key, by=COACHEE)
    return trajectory


def ready(step: Step) -> Trajectory:
    """A trajectory standing in `step` with everything its way forward needs."""
    trajectory = record_click(Trajectory())
    if step is Step.CONTACT:
        return trajectory
    trajectory = agree_on_contract(both(trajectory, Event.FINISH_CONTACT))
    if step is Step.CONTRACT:
        return trajectory
    trajectory = both(trajectory, Event.ACCEPT_CONTRACT)
    trajectory = capture_goal(trajectory, "Rustig presenteren voor de klas", by=COACHEE, at=at())
    trajectory = add_scale(trajectory, 4, by=COACHEE, at=at())
    if step is Step.GOAL:
        return trajectory
    trajectory = moved(trajectory, Event.CONFIRM_GOAL)
    trajectory = add_stage(trajectory, "Oefenen voor twee vrienden", by=COACHEE, at=at())
    trajectory = add_step(trajectory, "Slides maken", date(2026, 3, 9), by=COACHEE, at=at())
    if step is Step.ROUTE:
        return trajectory
    trajectory = moved(trajectory, Event.CONFIRM_ROUTE)
    if step is Step.PATH:
        return trajectory
    trajectory = moved(trajectory, Event.START_CLOSING)
    trajectory = add_note(trajectory, NoteTopic.LEARNED, "Ik kan het!", by=COACHEE, at=at())
    if step is Step.CLOSING:
        return trajectory
    if step is Step.CLOSED:
        return both(trajectory, Event.CLOSE)
    return moved(trajectory, Event.LEAVE)


# Written out by hand, not derived from TRANSITIONS, so a wrong table row gets caught.
EXPECTED: dict[tuple[Step, Event], tuple[Party, Step]] = {
    (Step.CONTACT, Event.FINISH_CONTACT): (Party.BOTH, Step.CONTRACT),
    (Step.CONTRACT, Event.ACCEPT_CONTRACT): (Party.BOTH, Step.GOAL),
    (Step.GOAL, Event.CONFIRM_GOAL): (Party.COACHEE, Step.ROUTE),
    (Step.ROUTE, Event.CONFIRM_ROUTE): (Party.COACHEE, Step.PATH),
    (Step.ROUTE, Event.REVISE_GOAL): (Party.ANY, Step.GOAL),
    (Step.PATH, Event.REVISE_GOAL): (Party.ANY, Step.GOAL),
    (Step.PATH, Event.REPLAN): (Party.ANY, Step.ROUTE),
    (Step.PATH, Event.START_CLOSING): (Party.ANY, Step.CLOSING),
    (Step.CLOSING, Event.RESUME_PATH): (Party.ANY, Step.PATH),
    (Step.CLOSING, Event.CLOSE): (Party.BOTH, Step.CLOSED),
    **{(step, Event.LEAVE): (Party.ANY, Step.DISSOLVED) for step in ACTIVE_STEPS},
    **{(step, Event.FINISH_ROUND): (Party.SYSTEM, Step.CLOSED) for step in ACTIVE_STEPS},
    **{(step, Event.DISSOLVE): (Party.SYSTEM, Step.DISSOLVED) for step in ACTIVE_STEPS},
}


def permitted(party: Party, actor: Party) -> bool:
    """Who counts for a party in the table above."""
    if party in (Party.BOTH, Party.ANY):
        return actor in (COACH, COACHEE)
    return actor is party


@pytest.mark.parametrize("step", list(Step))
@pytest.mark.parametrize("event", list(Event))
@pytest.mark.parametrize("actor", ACTORS)
def test_step_table(step: Step, event: Event, actor: Party) -> None:
    trajectory = ready(step)
    reason = DissolvedReason.COORDINATOR_ENDED if event is Event.DISSOLVE else None
    outcome = fire(trajectory, event, actor, at=at(1), reason=reason)
    row = EXPECTED.get((step, event))
    if step in (Step.CLOSED, Step.DISSOLVED):
        assert (outcome.result, outcome.refusal) == (Result.REFUSED, Refusal.TERMINAL)
    elif row is None:
        assert (outcome.result, outcome.refusal) == (Result.REFUSED, Refusal.WRONG_STEP)
    elif not permitted(row[0], actor):
        assert (outcome.result, outcome.refusal) == (Result.REFUSED, Refusal.NOT_YOUR_ROLE)
    elif row[0] is Party.BOTH:
        assert outcome.result is Result.WAITING_FOR_PARTNER
        assert outcome.trajectory.step is step
        assert outcome.trajectory.confirmed_by(event) == {actor}
    else:
        assert outcome.result is Result.MOVED
        assert outcome.trajectory.step is row[1]
        assert outcome.trajectory.moves[-1].by is actor
    if outcome.refused:
        assert outcome.trajectory == trajectory


def test_refused_events_leave_the_snapshot_and_the_machine_untouched() -> None:
    trajectory = ready(Step.GOAL)
    outcome = fire(trajectory, "jump_to_the_end", COACHEE, at=at())
    assert (outcome.refusal, outcome.trajectory) == (Refusal.UNKNOWN_EVENT, trajectory)
    assert MACHINE.models == []  # fire never registers its throwaway model


@pytest.mark.parametrize(
    ("step", "event", "undo", "guard"),
    [
        (Step.CONTACT, Event.FINISH_CONTACT, lambda t: Trajectory(), "click_confirmed"),
        (
            Step.CONTRACT,
            Event.ACCEPT_CONTRACT,
            lambda t: propose_item(t, ContractItemKey.RHYTHM, "Elke dag", by=COACHEE, at=at()),
            "contract_agreed",
        ),
        (
            Step.GOAL,
            Event.CONFIRM_GOAL,
            lambda t: _without(t, goals=(), scales=()),
            "goal_captured",
        ),
        (Step.GOAL, Event.CONFIRM_GOAL, lambda t: _without(t, scales=()), "goal_scaled"),
        (Step.ROUTE, Event.CONFIRM_ROUTE, lambda t: _without(t, stages=()), "route_planned"),
        (
            Step.ROUTE,
            Event.CONFIRM_ROUTE,
            lambda t: update_step_status(t, 1, StepStatus.DONE, by=COACHEE, at=at()),
            "route_planned",
        ),
        (Step.CLOSING, Event.CLOSE, lambda t: _without(t, notes=()), "learning_captured"),
    ],
)
def test_guards_name_what_is_missing(
    step: Step, event: Event, undo: Callable[[Trajectory], Trajectory], guard: str
) -> None:
    trajectory = undo(ready(step))
    outcome = fire(trajectory, event, COACHEE, at=at())
    assert (outcome.result, outcome.refusal, outcome.guard) == (
        Result.REFUSED,
        Refusal.GUARD_FAILED,
        guard,
    )
    assert outcome.trajectory.confirmations == ()


def _without(trajectory: Trajectory, **cleared: Any) -> Trajectory:
    return replace(trajectory, **cleared)


def test_two_party_confirmation_waits_once_then_moves_and_clears() -> None:
    trajectory = ready(Step.CONTACT)
    first = fire(trajectory, Event.FINISH_CONTACT, COACHEE, at=at())
    assert first.waiting and first.trajectory.confirmed_by(Event.FINISH_CONTACT) == {COACHEE}
    again = fire(first.trajectory, Event.FINISH_CONTACT, COACHEE, at=at())
    assert again.waiting and again.trajectory == first.trajectory
    last = fire(again.trajectory, Event.FINISH_CONTACT, COACH, at=at())
    assert last.moved and last.trajectory.step is Step.CONTRACT
    assert last.trajectory.confirmations == ()
    assert last.trajectory.moves[-1].by is COACH


def test_changing_the_contract_voids_a_half_given_acceptance() -> None:
    trajectory = ready(Step.CONTRACT)
    waiting = fire(trajectory, Event.ACCEPT_CONTRACT, COACH, at=at()).trajectory
    adjusted = propose_item(waiting, ContractItemKey.RHYTHM, "Om de week", by=COACHEE, at=at())
    assert adjusted.confirmed_by(Event.ACCEPT_CONTRACT) == frozenset()
    refused = fire(adjusted, Event.ACCEPT_CONTRACT, COACHEE, at=at())
    assert (refused.refusal, refused.guard) == (Refusal.GUARD_FAILED, "contract_agreed")
    agreed = confirm_item(adjusted, ContractItemKey.RHYTHM, by=COACH)
    assert both(agreed, Event.ACCEPT_CONTRACT).step is Step.GOAL


def test_path_to_goal_and_back_keeps_every_goal_wording() -> None:
    trajectory = moved(ready(Step.PATH), Event.REVISE_GOAL, COACH)
    assert trajectory.step is Step.GOAL
    trajectory = capture_goal(trajectory, "Presenteren zonder spiekbriefje", by=COACHEE, at=at(2))
    trajectory = moved(trajectory, Event.CONFIRM_GOAL)
    assert trajectory.step is Step.PATH  # the route still stands, so straight back
    assert [g.text for g in trajectory.goals] == [
        "Rustig presenteren voor de klas",
        "Presenteren zonder spiekbriefje",
    ]
    assert trajectory.goal == "Presenteren zonder spiekbriefje"


def test_goal_confirmed_without_a_route_leads_to_route_planning() -> None:
    trajectory = ready(Step.GOAL)
    assert moved(trajectory, Event.CONFIRM_GOAL).step is Step.ROUTE


def test_path_to_route_and_back_adds_to_the_plan() -> None:
    trajectory = moved(ready(Step.PATH), Event.REPLAN, COACHEE)
    assert trajectory.step is Step.ROUTE
    trajectory = add_stage(trajectory, "Spreken in een kleine groep", by=COACHEE, at=at(3))
    trajectory = moved(trajectory, Event.CONFIRM_ROUTE)
    assert trajectory.step is Step.PATH
    assert [s.text for s in trajectory.stages] == [
        "Oefenen voor twee vrienden",
        "Spreken in een kleine groep",
    ]


def test_route_back_to_goal_and_closing_back_to_path() -> None:
    assert moved(ready(Step.ROUTE), Event.REVISE_GOAL, COACH).step is Step.GOAL
    assert moved(ready(Step.CLOSING), Event.RESUME_PATH, COACH).step is Step.PATH


@pytest.mark.parametrize("step", ACTIVE_STEPS)
def test_a_partner_leaving_dissolves_from_every_step_and_keeps_everything(step: Step) -> None:
    trajectory = plan_meeting(ready(step), at(48), by=COACH, at=at())
    outcome = fire(trajectory, Event.LEAVE, COACHEE, at=at(1))
    dissolved = outcome.trajectory
    assert dissolved.step is Step.DISSOLVED
    assert dissolved.dissolved_reason is DissolvedReason.PARTNER_LEFT
    assert dissolved.next_meeting is None
    assert (dissolved.goals, dissolved.contract, dissolved.small_steps) == (
        trajectory.goals,
        trajectory.contract,
        trajectory.small_steps,
    )
    for event in Event:
        reason = DissolvedReason.UNREACHABLE if event is Event.DISSOLVE else None
        again = fire(dissolved, event, COACH, at=at(2), reason=reason)
        assert again.refusal is Refusal.TERMINAL


@pytest.mark.parametrize("step", ACTIVE_STEPS)
@pytest.mark.parametrize(
    "reason",
    [DissolvedReason.NO_CLICK, DissolvedReason.UNREACHABLE, DissolvedReason.COORDINATOR_ENDED],
)
def test_the_system_dissolves_from_every_step_with_its_reason(
    step: Step, reason: DissolvedReason
) -> None:
    outcome = fire(ready(step), Event.DISSOLVE, SYSTEM, at=at(1), reason=reason)
    assert (outcome.trajectory.step, outcome.trajectory.dissolved_reason) == (
        Step.DISSOLVED,
        reason,
    )


def test_dissolve_needs_a_reason_and_other_events_take_none() -> None:
    with pytest.raises(ValueError, match="reason"):
        fire(ready(Step.PATH), Event.DISSOLVE, SYSTEM, at=at())
    with pytest.raises(ValueError, match="takes no reason"):
        fire(ready(Step.PATH), Event.LEAVE, COACH, at=at(), reason=DissolvedReason.NO_CLICK)


def test_naive_timestamps_and_non_actors_are_programming_errors() -> None:
    with pytest.raises(ValueError, match="timezone"):
        fire(ready(Step.PATH), Event.REPLAN, COACH, at=datetime(2026, 3, 2, 9))
    with pytest.raises(ValueError, match="fired by"):
        fire(ready(Step.PATH), Event.REPLAN, Party.BOTH, at=at())


def test_closing_closes_the_contract_and_is_final() -> None:
    closed = ready(Step.CLOSED)
    assert closed.contract.closed_at == at()
    assert [m.dest for m in closed.moves] == [
        Step.CONTRACT,
        Step.GOAL,
        Step.ROUTE,
        Step.PATH,
        Step.CLOSING,
        Step.CLOSED,
    ]
    assert available_events(closed, COACH) == ()


def test_available_events_lists_what_each_party_may_try() -> None:
    path = ready(Step.PATH)
    assert available_events(path, COACHEE) == (
        Event.REVISE_GOAL,
        Event.REPLAN,
        Event.START_CLOSING,
        Event.LEAVE,
    )
    assert available_events(path, SYSTEM) == (Event.FINISH_ROUND, Event.DISSOLVE)
    assert available_events(ready(Step.GOAL), COACH) == (Event.LEAVE,)


def test_snapshot_round_trips_through_json() -> None:
    trajectory = record_meeting(ready(Step.CLOSED), held=True, at=at(5))
    stored = json.loads(json.dumps(trajectory.to_dict()))
    assert stored["step"] == "closed"
    assert Trajectory.from_dict(stored) == trajectory


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(step="finished"), "not a valid Step"),
        (lambda d: d.update(unknown_field=1), "unknown field"),
        (lambda d: d["moves"][0].update(at="2026-03-02T09:00:00"), "no time zone"),
        (lambda d: d.update(format=99), "unsupported snapshot format"),
        (lambda d: d["scales"][0].update(value="four"), "expected int"),
    ],
)
def test_a_malformed_snapshot_is_refused_with_the_field_named(
    change: Callable[[dict[str, Any]], None], message: str
) -> None:
    data = json.loads(json.dumps(ready(Step.PATH).to_dict()))
    change(data)
    with pytest.raises(ValueError, match=message):
        Trajectory.from_dict(data)


def test_capture_refusals_say_why() -> None:
    goal = ready(Step.GOAL)
    with pytest.raises(CaptureError) as by_coach:
        capture_goal(goal, "Mijn doel voor jou", by=COACH, at=at())
    assert by_coach.value.refusal is Refusal.NOT_YOUR_ROLE
    with pytest.raises(CaptureError) as too_early:
        add_stage(goal, "Een etappe", by=COACHEE, at=at())
    assert too_early.value.refusal is Refusal.WRONG_STEP
    with pytest.raises(CaptureError) as after_end:
        add_scale(ready(Step.DISSOLVED), 7, by=COACHEE, at=at())
    assert after_end.value.refusal is Refusal.TERMINAL
