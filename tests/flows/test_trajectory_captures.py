"""What the pair captures along the way: history kept, contract, meetings, reflections, nudges."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest

from flows.trajectory import (
    CaptureError,
    CoachRole,
    ContractItemKey,
    Event,
    NoteTopic,
    Party,
    ReflectionQuestion,
    Refusal,
    Step,
    StepStatus,
    TensionField,
    Trajectory,
    add_note,
    add_observation,
    add_reflection,
    add_scale,
    add_step,
    agreed_conversations,
    capture_goal,
    closing_due,
    confirm_item,
    confirm_revisit,
    contract_agreed,
    fire,
    mark_step_nudged,
    plan_meeting,
    propose_item,
    record_meeting,
    request_role,
    revisit_due,
    steps_due_for_nudge,
    update_step_status,
)

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
COACH, COACHEE = Party.COACH, Party.COACHEE


def at(hours: float = 0) -> datetime:
    """A moment some hours after the start."""
    return START + timedelta(hours=hours)


def in_step(step: Step) -> Trajectory:
    """A bare snapshot standing in a step (captures do not care how it got there)."""
    return Trajectory(step=step)


def agreed(trajectory: Trajectory, conversations: int) -> Trajectory:
    """Every contract item proposed by the coachee and confirmed by the coach."""
    for key in ContractItemKey:
        value = str(conversations) if key is ContractItemKey.CONVERSATIONS else "afgesproken"
        trajectory = propose_item(trajectory, key, value, by=COACHEE, at=at())
        trajectory = confirm_item(trajectory, key, by=COACH)
    return trajectory


def held(trajectory: Trajectory, count: int) -> Trajectory:
    """Record a number of conversations that took place."""
    for number in range(count):
        trajectory = record_meeting(trajectory, held=True, at=at(24 * (number + 1)))
    return trajectory


def test_contract_items_are_proposed_adjusted_and_confirmed_by_both() -> None:
    contract = in_step(Step.CONTRACT)
    proposed = propose_item(contract, ContractItemKey.RHYTHM, "Elke week", by=COACH, at=at())
    item = proposed.contract.item(ContractItemKey.RHYTHM)
    assert item is not None and not item.agreed and item.confirmed_by == {COACH}
    adjusted = propose_item(proposed, ContractItemKey.RHYTHM, "Om de week", by=COACHEE, at=at(1))
    item = adjusted.contract.item(ContractItemKey.RHYTHM)
    assert item is not None
    assert [v.value for v in item.versions] == ["Elke week", "Om de week"]
    assert item.confirmed_by == {COACHEE}
    confirmed = confirm_item(adjusted, ContractItemKey.RHYTHM, by=COACH)
    item = confirmed.contract.item(ContractItemKey.RHYTHM)
    assert item is not None and item.agreed and item.value == "Om de week"


def test_tapping_the_same_suggestion_as_your_partner_agrees() -> None:
    proposed = propose_item(
        in_step(Step.CONTRACT), ContractItemKey.CHANNEL, "Op school", by=COACH, at=at()
    )
    same = propose_item(proposed, ContractItemKey.CHANNEL, " op  SCHOOL ", by=COACHEE, at=at(1))
    item = same.contract.item(ContractItemKey.CHANNEL)
    assert item is not None and item.agreed and len(item.versions) == 1


def test_the_number_of_conversations_needs_a_usable_number() -> None:
    contract = in_step(Step.CONTRACT)
    for wording in ("vijf", "0 gesprekken", "40"):
        with pytest.raises(CaptureError) as error:
            propose_item(contract, ContractItemKey.CONVERSATIONS, wording, by=COACH, at=at())
        assert error.value.refusal is Refusal.INVALID
    five = propose_item(contract, ContractItemKey.CONVERSATIONS, "5 keer", by=COACH, at=at())
    assert agreed_conversations(five.contract) == 5
    assert not contract_agreed(five.contract)


def test_the_contract_is_revisited_after_half_of_the_agreed_conversations() -> None:
    accepted = agreed(in_step(Step.CONTRACT), conversations=5)
    for party in (COACH, COACHEE):
        accepted = fire(accepted, Event.ACCEPT_CONTRACT, party, at=at()).trajectory
    path = replace(accepted, step=Step.PATH)
    assert not revisit_due(held(path, 2))
    halfway = held(path, 3)
    assert revisit_due(halfway)
    with pytest.raises(CaptureError):
        confirm_revisit(replace(halfway, step=Step.CLOSING), by=COACH)
    changed = propose_item(halfway, ContractItemKey.RHYTHM, "Om de week", by=COACH, at=at(80))
    with pytest.raises(CaptureError) as not_agreed:
        confirm_revisit(changed, by=COACH)
    assert not_agreed.value.refusal is Refusal.GUARD_FAILED
    changed = confirm_item(changed, ContractItemKey.RHYTHM, by=COACHEE)
    one = confirm_revisit(changed, by=COACHEE)
    assert revisit_due(one) and one.contract.revisit_confirmed_by == {COACHEE}
    done = confirm_revisit(one, by=COACH)
    assert not revisit_due(done) and done.contract.revisited_at_conversation == 3
    with pytest.raises(CaptureError) as locked:
        propose_item(done, ContractItemKey.RHYTHM, "Elke dag", by=COACH, at=at(90))
    assert locked.value.refusal is Refusal.WRONG_STEP
    assert not closing_due(held(done, 1)) and closing_due(held(done, 2))


def test_goal_scale_and_notes_keep_their_history() -> None:
    goal = in_step(Step.GOAL)
    goal = capture_goal(goal, "  Beter plannen  ", by=COACHEE, at=at())
    goal = capture_goal(goal, "Elke week mijn planning maken", by=COACHEE, at=at(1))
    goal = add_scale(add_scale(goal, 3, by=COACHEE, at=at()), 5, by=COACHEE, at=at(1))
    goal = add_note(goal, NoteTopic.DREAM, "Architect worden", by=COACHEE, at=at())
    assert [g.text for g in goal.goals] == ["Beter plannen", "Elke week mijn planning maken"]
    assert [(s.value, s.at) for s in goal.scales] == [(3, at()), (5, at(1))]
    assert [n.text for n in goal.notes_about(NoteTopic.DREAM)] == ["Architect worden"]


@pytest.mark.parametrize(("value"), [-1, 11, True])
def test_a_scale_runs_from_zero_to_ten(value: int) -> None:
    with pytest.raises(CaptureError) as error:
        add_scale(in_step(Step.PATH), value, by=COACHEE, at=at())
    assert error.value.refusal is Refusal.INVALID


@pytest.mark.parametrize(
    ("topic", "step", "by", "refusal"),
    [
        (NoteTopic.BETTER, Step.PATH, COACH, Refusal.NOT_YOUR_ROLE),
        (NoteTopic.BETTER, Step.GOAL, COACHEE, Refusal.WRONG_STEP),
        (NoteTopic.LEARNED, Step.CLOSED, COACHEE, Refusal.TERMINAL),
    ],
)
def test_notes_belong_to_their_step_and_owner(
    topic: NoteTopic, step: Step, by: Party, refusal: Refusal
) -> None:
    with pytest.raises(CaptureError) as error:
        add_note(in_step(step), topic, "Iets", by=by, at=at())
    assert error.value.refusal is refusal


def test_compliments_and_alternative_routes_come_from_both() -> None:
    closing = add_note(in_step(Step.CLOSING), NoteTopic.COMPLIMENT, "Top!", by=COACH, at=at())
    closing = add_note(closing, NoteTopic.COMPLIMENT, "Jij ook", by=COACHEE, at=at())
    assert [n.by for n in closing.notes] == [COACH, COACHEE]
    path = add_note(in_step(Step.PATH), NoteTopic.ALTERNATIVE_ROUTE, "Via X", by=COACH, at=at())
    assert path.notes_about(NoteTopic.ALTERNATIVE_ROUTE)[0].by is COACH


def test_empty_or_overlong_texts_are_refused() -> None:
    for text in ("   ", "x" * 2001):
        with pytest.raises(CaptureError) as error:
            capture_goal(in_step(Step.GOAL), text, by=COACHEE, at=at())
        assert error.value.refusal is Refusal.INVALID


def test_small_steps_keep_every_status_change() -> None:
    route = add_step(in_step(Step.ROUTE), "Agenda kopen", date(2026, 3, 5), by=COACHEE, at=at())
    route = add_step(route, "Huiswerk noteren", date(2026, 3, 6), by=COACHEE, at=at())
    path = replace(route, step=Step.PATH)
    path = update_step_status(path, 1, StepStatus.DONE, by=COACHEE, at=at(30))
    path = update_step_status(
        path, 2, StepStatus.CHANGED, by=COACHEE, at=at(31), text="Huiswerk in app zetten"
    )
    first, second = path.small_steps
    assert (first.status, first.text, first.active) == (StepStatus.DONE, "Agenda kopen", False)
    assert second.text == "Huiswerk in app zetten" and second.active
    assert [(c.status, c.text) for c in second.changes] == [
        (StepStatus.CHANGED, "Huiswerk in app zetten")
    ]
    with pytest.raises(CaptureError) as twice:
        update_step_status(path, 1, StepStatus.DONE, by=COACHEE, at=at(32))
    assert twice.value.refusal is Refusal.ALREADY_DONE
    with pytest.raises(CaptureError) as vague:
        update_step_status(path, 1, StepStatus.CHANGED, by=COACHEE, at=at(32))
    assert vague.value.refusal is Refusal.INVALID
    with pytest.raises(CaptureError) as missing:
        update_step_status(path, 9, StepStatus.DONE, by=COACHEE, at=at(32))
    assert missing.value.refusal is Refusal.NOT_FOUND


def test_a_step_past_its_date_gets_one_nudge_until_it_gets_a_new_date() -> None:
    path = add_step(in_step(Step.PATH), "Oefentoets", date(2026, 3, 5), by=COACHEE, at=at())
    assert steps_due_for_nudge(path, date(2026, 3, 5)) == ()
    (due,) = steps_due_for_nudge(path, date(2026, 3, 6))
    nudged = mark_step_nudged(path, due.number)
    assert steps_due_for_nudge(nudged, date(2026, 3, 9)) == ()
    moved = update_step_status(
        nudged, 1, StepStatus.CHANGED, by=COACHEE, at=at(100), due=date(2026, 3, 10)
    )
    assert steps_due_for_nudge(moved, date(2026, 3, 10)) == ()
    assert [s.number for s in steps_due_for_nudge(moved, date(2026, 3, 11))] == [1]
    done = update_step_status(moved, 1, StepStatus.DONE, by=COACHEE, at=at(101))
    assert steps_due_for_nudge(done, date(2026, 4, 1)) == ()


def test_meetings_count_conversations_and_clear_the_plan() -> None:
    planned = plan_meeting(in_step(Step.PATH), at(24), by=COACHEE, at=at())
    assert planned.next_meeting == at(24)
    with pytest.raises(CaptureError):
        plan_meeting(planned, at(-1), by=COACHEE, at=at())
    missed = record_meeting(planned, held=False, at=at(25))
    assert (missed.conversation_count, missed.next_meeting) == (0, None)
    assert record_meeting(missed, held=True, at=at(49)).conversation_count == 1
    # The closing conversation is confirmed after both pressed "close".
    assert record_meeting(in_step(Step.CLOSED), held=True, at=at()).conversation_count == 1


def test_role_requests_name_the_coming_conversation() -> None:
    path = held(in_step(Step.PATH), 2)
    asked = request_role(path, CoachRole.CHALLENGER, by=COACHEE, at=at(60))
    assert [(r.conversation, r.role) for r in asked.role_requests] == [(3, CoachRole.CHALLENGER)]
    with pytest.raises(CaptureError):
        request_role(path, CoachRole.EXPERT, by=COACH, at=at(60))


def test_the_coach_reflects_once_per_conversation_even_after_closing() -> None:
    tensions = {TensionField.GOAL_PROCESS: 2, TensionField.LEARNING_PERFORMING: 4}
    answers = {ReflectionQuestion.SURPRISED: "Hoe snel het ging"}
    with pytest.raises(CaptureError) as too_early:
        add_reflection(
            in_step(Step.CONTACT),
            role=CoachRole.SUPPORTER,
            tensions=tensions,
            answers=answers,
            by=COACH,
            at=at(),
        )
    assert too_early.value.refusal is Refusal.WRONG_STEP
    closed = held(in_step(Step.CLOSED), 4)
    reflected = add_reflection(
        closed, role=CoachRole.SUPPORTER, tensions=tensions, answers=answers, by=COACH, at=at(99)
    )
    (reflection,) = reflected.reflections
    assert (reflection.conversation, reflection.tensions) == (4, tensions)
    with pytest.raises(CaptureError) as twice:
        add_reflection(
            reflected, role=CoachRole.EXPERT, tensions={}, answers={}, by=COACH, at=at(100)
        )
    assert twice.value.refusal is Refusal.ALREADY_DONE
    with pytest.raises(CaptureError) as off_scale:
        add_reflection(
            closed,
            role=CoachRole.EXPERT,
            tensions={TensionField.NARROW_BROAD: 6},
            answers={},
            by=COACH,
            at=at(100),
        )
    assert off_scale.value.refusal is Refusal.INVALID
    with pytest.raises(CaptureError):
        add_reflection(
            closed, role=CoachRole.EXPERT, tensions={}, answers={}, by=COACHEE, at=at(100)
        )


def test_an_observer_gives_feedback_once_per_conversation() -> None:
    path = held(in_step(Step.PATH), 1)
    answers = {ReflectionQuestion.RECOGNISED: "Mooie schaalvraag"}
    observed = add_observation(path, answers, at=at(30))
    assert [(o.conversation, dict(o.answers)) for o in observed.observations] == [(1, answers)]
    with pytest.raises(CaptureError):
        add_observation(observed, answers, at=at(31))
    with pytest.raises(CaptureError):
        add_observation(held(path, 1), {}, at=at(31))
