"""Exactly once: a card remembers what it was made for, so a second press of the same button or
a card from an earlier moment changes nothing; and the contract is decided over the whole pair."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from flows.trajectory import (
    Confirmation,
    ContractItemKey,
    Event,
    Party,
    Step,
    StepStatus,
    Trajectory,
    Wording,
    add_step,
    confirm_item,
    propose_item,
    record_meeting,
    update_step_status,
)
from flows.trajectory.effects import (
    ContractAccepted,
    ItemAgreed,
    Outcome,
    Refused,
    Say,
    ShowContract,
    ShowItemCards,
    Store,
    TellEveryone,
)
from flows.trajectory.pair import (
    Seat,
    accept_contract,
    agree_to_all,
    agreed,
    agreements_still_work,
    contract_open,
    current_key,
    has_confirmed,
    latest,
    proposal_press,
    propose_wording,
)
from flows.trajectory.presses import (
    ALREADY_DONE,
    OLD_CARD,
    choice_press,
    confirm_press,
    made_for,
    plan_press,
    refused_in_each,
    small_step_press,
    start_press,
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


def _agreed_pair() -> list[Seat]:
    """Ann coaches Ben; all eight agreements are proposed by Ann and confirmed by Ben."""
    trajectory = Trajectory(step=Step.CONTRACT)
    for key in ContractItemKey:
        value = "4 gesprekken" if key is ContractItemKey.CONVERSATIONS else "Zo doen we het"
        trajectory = propose_item(trajectory, key, value, by=Party.COACH, at=at())
        trajectory = confirm_item(trajectory, key, by=Party.COACHEE)
    return [Seat(trajectory, coach=1, coachee=2, ref=10)]


def _after(seats: list[Seat], outcome: Outcome) -> list[Seat]:
    """The seats with what an outcome stored."""
    kept = {e.ref: e.trajectory for e in outcome.effects if isinstance(e, Store)}
    return [Seat(kept.get(s.ref, s.trajectory), s.coach, s.coachee, s.ref) for s in seats]


def accepted_by(seats: list[Seat], user_id: int) -> Outcome:
    """The outcome of this person accepting the contract, which must be accepted."""
    result = accept_contract(seats, user_id, at=at())
    assert isinstance(result, Outcome), result
    return result


def test_the_contract_moves_on_once_both_accepted_and_a_second_tap_changes_nothing() -> None:
    seats = _agreed_pair()
    first = accept_contract(seats, 2, at=at(1))
    assert isinstance(first, Outcome) and first.effects[-1] == Say("trajectory.contract_waiting")
    seats = _after(seats, first)
    assert accept_contract(seats, 2, at=at(2)) == ALREADY_DONE
    second = accept_contract(seats, 1, at=at(3))
    assert isinstance(second, Outcome) and second.effects[-1] == ContractAccepted()
    assert _after(seats, second)[0].trajectory.step is Step.GOAL


def test_an_unfinished_contract_cannot_be_accepted() -> None:
    seats = [Seat(Trajectory(step=Step.CONTRACT), coach=1, coachee=2, ref=10)]
    assert accept_contract(seats, 2, at=at()) == Refused("trajectory.contract_not_ready")
    assert accept_contract(seats, 3, at=at()) == OLD_CARD  # someone with no part in it


def test_agreements_that_still_work_are_said_once_by_each_and_then_told_to_all() -> None:
    assert agreements_still_work(_agreed_pair(), 2) == OLD_CARD  # no revisit due yet
    seats = _agreed_pair()
    once = _after(seats, accepted_by(seats, 2))
    accepted = _after(once, accepted_by(once, 1))
    path = replace(accepted[0].trajectory, step=Step.PATH)
    for day in (1, 2):
        path = record_meeting(path, held=True, at=at(24 * day))
    seats = [Seat(path, coach=1, coachee=2, ref=10)]
    first = agreements_still_work(seats, 2)
    assert isinstance(first, Outcome) and first.effects[-1] == Say("trajectory.contract_waiting")
    seats = _after(seats, first)
    assert agreements_still_work(seats, 2) == ALREADY_DONE
    second = agreements_still_work(seats, 1)
    assert isinstance(second, Outcome)
    assert second.effects[-1] == TellEveryone("trajectory.revisit_done")


def test_a_proposal_goes_to_the_others_and_agreeing_shows_the_whole_contract_again() -> None:
    seats = [Seat(Trajectory(step=Step.CONTRACT), coach=1, coachee=2, ref=10)]
    proposed = propose_wording(seats, KEY, 2, "Tot de zomer", at=at())
    assert isinstance(proposed, Outcome)
    assert proposed.effects[1:] == (
        Say("trajectory.contract_sent", {"value": "Tot de zomer"}),
        ShowItemCards(everyone=True, whole=True),
    )
    seats = _after(seats, proposed)
    agreed_now = propose_wording(seats, KEY, 1, "tot de zomer", at=at(1))
    assert isinstance(agreed_now, Outcome)
    assert agreed_now.effects[1:] == (
        ItemAgreed(KEY, "tot de zomer"),
        ShowItemCards(everyone=True, whole=True),
    )


def test_the_same_suggestion_read_in_two_languages_is_one_agreement() -> None:
    """A suggestion is kept as its number: tapping it in English agrees with the Dutch tap;
    typed words that differ stay a proposal of their own."""
    seats = [Seat(Trajectory(step=Step.CONTRACT), coach=1, coachee=2, ref=10)]
    seats = _after(seats, propose_wording(seats, KEY, 1, Wording("Dit semester", 0), at=at()))  # type: ignore[arg-type]
    assert proposal_press(seats, KEY, 2, Wording("This term", 0)) is None  # agreeing is new
    assert proposal_press(seats, KEY, 1, Wording("This term", 0)) == ALREADY_DONE
    agreed_now = propose_wording(seats, KEY, 2, Wording("This term", 0), at=at(1))
    assert isinstance(agreed_now, Outcome)
    assert ItemAgreed(KEY, "This term", 0) in agreed_now.effects
    [seat] = _after(seats, agreed_now)
    item = seat.trajectory.contract.item(KEY)
    assert item is not None and item.agreed and item.current.option == 0
    typed = propose_wording([seat], KEY, 2, "This term", at=at(2))  # own words, not the tap
    assert isinstance(typed, Outcome) and not any(isinstance(e, ItemAgreed) for e in typed.effects)


def test_agreeing_to_all_keeps_the_defaults_as_defaults() -> None:
    """The cohort's defaults agreed to with "agree to all" are marked as the defaults, not as
    the idea of whoever tapped first; a wording on the table stays as it was put there."""
    seats = [Seat(Trajectory(step=Step.CONTRACT), coach=1, coachee=2, ref=10)]
    seats = _after(seats, propose_wording(seats, KEY, 2, Wording("Tien weken", 3), at=at()))  # type: ignore[arg-type]
    defaults = {key: Wording(f"Standaard {key.value}", 0) for key in ContractItemKey}
    defaults[ContractItemKey.CONVERSATIONS] = Wording("4 gesprekken", 0)
    [seat] = _after(seats, agree_to_all(seats, 1, defaults, at=at(1)))  # type: ignore[arg-type]
    rhythm = seat.trajectory.contract.item(ContractItemKey.RHYTHM)
    assert rhythm is not None and rhythm.current.default and rhythm.current.option == 0
    period = seat.trajectory.contract.item(KEY)
    assert period is not None and not period.current.default and period.current.option == 3


DEFAULTS = {key: f"Standaard {key.value}" for key in ContractItemKey} | {
    ContractItemKey.CONVERSATIONS: "4 gesprekken"
}


def test_agreeing_to_all_by_both_settles_the_contract_in_two_taps() -> None:
    seats = [
        Seat(Trajectory(step=Step.CONTRACT), coach=1, coachee=2, ref=10),
        Seat(Trajectory(step=Step.CONTRACT), coach=2, coachee=1, ref=11),
    ]
    first = agree_to_all(seats, 1, DEFAULTS, at=at())
    assert isinstance(first, Outcome)
    assert first.effects[-2:] == (
        Say("trajectory.contract_all_waiting"),
        ShowItemCards(everyone=False, whole=True),
    )
    seats = _after(seats, first)
    assert all(s.trajectory.step is Step.CONTRACT for s in seats)
    assert latest(seats, ContractItemKey.RHYTHM) == ("Standaard rhythm", 1)
    assert agree_to_all(seats, 1, DEFAULTS, at=at(1)) == ALREADY_DONE
    second = agree_to_all(seats, 2, {k: "other words" for k in ContractItemKey}, at=at(2))
    assert isinstance(second, Outcome) and second.effects[-1] == ContractAccepted()
    done = _after(seats, second)
    assert all(s.trajectory.step is Step.GOAL for s in done)
    assert all(s.trajectory.contract.item(KEY).value == f"Standaard {KEY.value}" for s in done)


def test_agreeing_to_all_takes_what_the_other_changed_and_a_change_asks_again() -> None:
    seats = [Seat(Trajectory(step=Step.CONTRACT), coach=1, coachee=2, ref=10)]
    seats = _after(seats, agree_to_all(seats, 1, DEFAULTS, at=at()))  # type: ignore[arg-type]
    changed = propose_wording(seats, KEY, 2, "Tot de zomer", at=at(1))
    assert isinstance(changed, Outcome)
    seats = _after(seats, changed)
    # The change voids the coach's "agree to all": they agree again, to the new wording too.
    assert seats[0].trajectory.confirmed_by(Event.ACCEPT_CONTRACT) == frozenset()
    again = agree_to_all(seats, 1, DEFAULTS, at=at(2))
    assert isinstance(again, Outcome) and again.effects[-1] == ShowItemCards(False, whole=True)
    seats = _after(seats, again)
    last = agree_to_all(seats, 2, DEFAULTS, at=at(3))
    assert isinstance(last, Outcome) and last.effects[-1] == ContractAccepted()
    [seat] = _after(seats, last)
    assert seat.trajectory.step is Step.GOAL
    assert seat.trajectory.contract.item(KEY).value == "Tot de zomer"


def test_the_last_agreement_shows_the_contract_to_accept() -> None:
    [seat] = _agreed_pair()
    no_show = ContractItemKey.NO_SHOW
    reopened = propose_item(seat.trajectory, no_show, "We appen", by=Party.COACH, at=at(1))
    seats = [Seat(reopened, 1, 2, 10)]
    outcome = propose_wording(seats, ContractItemKey.NO_SHOW, 2, "We appen", at=at(2))
    assert isinstance(outcome, Outcome) and outcome.effects[-1] == ShowContract("accept")


def test_a_number_of_conversations_without_a_number_is_refused() -> None:
    seats = [Seat(Trajectory(step=Step.CONTRACT), coach=1, coachee=2, ref=10)]
    refused = propose_wording(seats, ContractItemKey.CONVERSATIONS, 2, "best veel", at=at())
    assert refused == Refused("trajectory.contract_needs_number")


def test_starting_what_is_already_running_and_choosing_again_are_already_done() -> None:
    assert start_press(("reflect", 10, 1), ("reflect", 10, 1)) == ALREADY_DONE
    assert start_press(("reflect", 10, 0), ("reflect", 10, 1)) is None  # a later conversation
    assert start_press(None, ("reflect", 10, 1)) is None
    assert choice_press({"role": "coach", "tensions": {}}, "role") == ALREADY_DONE
    assert choice_press({"tensions": {}}, "role") is None


def test_a_cohort_default_without_a_number_of_conversations_is_refused_kindly() -> None:
    seats = [Seat(Trajectory(step=Step.CONTRACT), coach=1, coachee=2, ref=10)]
    wrong = DEFAULTS | {ContractItemKey.CONVERSATIONS: "best veel"}
    assert agree_to_all(seats, 1, wrong, at=at()) == Refused("trajectory.contract_needs_number")
    assert agree_to_all(seats, 3, DEFAULTS, at=at()) == OLD_CARD  # not a partner in it
