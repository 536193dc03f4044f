"""Exactly once: a card remembers what it was made for, so a second press of the same button or
a card from an earlier moment changes nothing; and the contract is decided over the whole pair."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from flows.trajectory import (
    Confirmation,
    ContractItemKey,
    Event,
    Party,
    Step,
    StepStatus,
    Trajectory,
    add_step,
    propose_item,
    update_step_status,
)
from flows.trajectory.pair import (
    Seat,
    agreed,
    contract_open,
    current_key,
    has_confirmed,
    latest,
    proposal_press,
)
from flows.trajectory.presses import (
    ALREADY_DONE,
    OLD_CARD,
    confirm_press,
    made_for,
    plan_press,
    refused_in_each,
    small_step_press,
    step_version,
)

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
KEY = ContractItemKey.PERIOD


def on_path() -> Trajectory:
    """A trajectory on the path with one small step, "Lezen", due on 9 March."""
    return add_step(
        Trajectory(step=Step.PATH), "Lezen", date(2026, 3, 9), by=Party.COACHEE, at=at()
    )


def at(hours: float = 0) -> datetime:
    """A moment some hours after the start."""
    return START + timedelta(hours=hours)


def test_a_small_step_button_works_once_per_version_of_the_step() -> None:
    path = add_step(
        Trajectory(step=Step.PATH), "Lezen", date(2026, 3, 9), by=Party.COACHEE, at=at()
    )
    seen = step_version(path.small_steps[0])
    assert small_step_press(path, 1, seen) is None
    done = update_step_status(path, 1, StepStatus.DONE, by=Party.COACHEE, at=at(1))
    assert small_step_press(done, 1, seen) == ALREADY_DONE
    assert small_step_press(done, 1, None) is None  # a card from before versions: as it was


def test_a_card_of_another_step_is_old() -> None:
    assert made_for(Trajectory(step=Step.ROUTE), "route") is None
    assert made_for(Trajectory(step=Step.PATH), "route") == OLD_CARD


def test_a_partner_who_confirmed_the_close_cannot_confirm_it_again() -> None:
    closing = Trajectory(step=Step.CLOSING, confirmations=(Confirmation(Event.CLOSE, Party.COACH),))
    assert confirm_press(closing, Event.CLOSE, Party.COACH) == ALREADY_DONE
    assert confirm_press(closing, Event.CLOSE, Party.COACHEE) is None


def test_the_same_time_twice_is_planned_once_and_another_time_replans() -> None:
    planned = at(48)
    assert plan_press(planned, planned) == ALREADY_DONE
    assert plan_press(planned, at(72)) is None
    assert plan_press(None, planned) is None


def test_a_press_in_several_trajectories_is_refused_only_when_refused_in_each() -> None:
    assert refused_in_each([ALREADY_DONE, ALREADY_DONE]) == ALREADY_DONE
    assert refused_in_each([ALREADY_DONE, None]) is None
    assert refused_in_each([]) is None


def _triad() -> list[Seat]:
    """Ann coaches Ben and Ben coaches Cas, both making their contract."""
    return [
        Seat(Trajectory(step=Step.CONTRACT), coach=1, coachee=2, ref=10),
        Seat(Trajectory(step=Step.CONTRACT), coach=2, coachee=3, ref=11),
    ]


def _propose(seats: list[Seat], user_id: int, value: str, hours: float) -> list[Seat]:
    changed = []
    for seat in seats:
        party = seat.party(user_id)
        trajectory = seat.trajectory
        if party is not None:
            trajectory = propose_item(trajectory, KEY, value, by=party, at=at(hours))
        changed.append(Seat(trajectory, seat.coach, seat.coachee, seat.ref))
    return changed


def test_an_agreement_holds_once_everyone_confirmed_the_same_words_in_every_trajectory() -> None:
    seats = _propose(_triad(), 2, "Tot de zomer", 1)
    assert latest(seats, KEY) == ("Tot de zomer", 2)
    assert has_confirmed(seats, KEY, 2) and not has_confirmed(seats, KEY, 1)
    assert current_key(seats) is KEY and not agreed(seats, KEY)
    seats = _propose(_propose(seats, 1, "Tot de zomer", 2), 3, "tot de zomer", 3)
    assert agreed(seats, KEY)
    assert current_key(seats) is not KEY


def test_proposing_what_one_already_stands_behind_is_already_done() -> None:
    seats = _propose(_triad(), 2, "Tot de zomer", 1)
    assert proposal_press(seats, KEY, 2, "Tot de zomer") == ALREADY_DONE
    assert proposal_press(seats, KEY, 1, "Tot de zomer") is None  # agreeing is new for Ann
    assert proposal_press(seats, KEY, 2, "Tot de kerst") is None  # another wording proposes anew


def test_the_contract_is_open_while_made_and_closed_once_every_trajectory_moved_on() -> None:
    seats = _triad()
    assert [s.ref for s in contract_open(seats)] == [10, 11]
    moved = [Seat(Trajectory(step=Step.GOAL), s.coach, s.coachee, s.ref) for s in seats]
    assert contract_open(moved) == []
