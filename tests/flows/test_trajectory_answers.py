"""Answers to what the bot asked, decided without a database: what is kept, whom the bot tells,
what it asks next, and when an answer is too long."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from flows.trajectory import (
    CoachRole,
    Event,
    Move,
    NoteTopic,
    Party,
    Step,
    StepStatus,
    Trajectory,
    add_step,
)
from flows.trajectory.answers import (
    GOAL_LIMIT,
    STEP_LIMIT,
    Waiting,
    change_small_step,
    closing_missing,
    continue_chain,
    take_role,
    take_scale,
    take_small_step,
    take_step_words,
    take_text,
)
from flows.trajectory.effects import (
    Ask,
    AwaitText,
    Chain,
    Confirm,
    Confirmation,
    NudgeLater,
    OfferMoreStages,
    Outcome,
    Refused,
    Say,
    Share,
    ShowDates,
    StopWaiting,
    Store,
)

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def on_path() -> Trajectory:
    """A trajectory on the path with one small step, "Lezen", due on 9 March."""
    return add_step(
        Trajectory(step=Step.PATH), "Lezen", date(2026, 3, 9), by=Party.COACHEE, at=at()
    )


def at(hours: float = 0) -> datetime:
    """A moment some hours after the start."""
    return START + timedelta(hours=hours)


def accepted(result: Outcome | Refused) -> Outcome:
    """The outcome of a command that must have been accepted."""
    assert isinstance(result, Outcome), result
    return result


def stored(outcome: Outcome) -> Trajectory:
    """The snapshot an outcome keeps."""
    return next(e.trajectory for e in outcome.effects if isinstance(e, Store))


def test_a_typed_goal_is_kept_shared_with_the_coach_and_the_scale_comes_next() -> None:
    waiting = Waiting("goal", chain=Chain.GOAL)
    outcome = accepted(
        take_text(Trajectory(step=Step.GOAL), waiting, " Minder uitstellen ", at=at())
    )
    assert stored(outcome).goal == "Minder uitstellen"
    assert outcome.effects[1:] == (
        StopWaiting(),
        Say("trajectory.saved"),
        Share(
            Party.COACH,
            "trajectory.shared_note",
            {"text": "Minder uitstellen"},
            label="goal",
        ),
        Ask("scale", Chain.GOAL),
    )


def test_a_goal_longer_than_a_sentence_or_two_is_refused_and_still_awaited() -> None:
    result = take_text(Trajectory(step=Step.GOAL), Waiting("goal"), "x" * (GOAL_LIMIT + 1), at=at())
    assert result == Refused("trajectory.too_long_goal", {"limit": GOAL_LIMIT})


def test_a_note_outside_its_step_is_refused_and_no_longer_awaited() -> None:
    result = take_text(Trajectory(step=Step.GOAL), Waiting("note:better"), "Gaat goed", at=at())
    assert isinstance(result, Refused) and result.stop_waiting


def test_a_compliment_by_the_coach_goes_to_the_coachee_with_the_coachs_name() -> None:
    waiting = Waiting("note:compliment", by=Party.COACH)
    outcome = accepted(take_text(Trajectory(step=Step.CLOSING), waiting, "Top!", at=at()))
    assert stored(outcome).notes_about(NoteTopic("compliment"))[0].by is Party.COACH
    assert outcome.effects[-1] == Share(
        Party.COACHEE, "trajectory.compliment_from", {"text": "Top!"}, name_of=Party.COACH
    )


def test_after_a_stage_in_the_route_the_coachee_may_add_another() -> None:
    waiting = Waiting("stage", chain=Chain.ROUTE)
    outcome = accepted(take_text(Trajectory(step=Step.ROUTE), waiting, "Eerst plannen", at=at()))
    assert outcome.effects[-1] == OfferMoreStages()


def test_the_words_of_a_small_step_wait_for_a_day() -> None:
    outcome = accepted(take_step_words(Waiting("step_text", chain=Chain.ROUTE_STEPS), " Lezen "))
    assert outcome.effects == (
        AwaitText("step_date", {"chain": "route2", "skipped": [], "text": "Lezen"}),
        ShowDates("tr_date"),
    )
    too_long = take_step_words(Waiting("step_text"), "x" * (STEP_LIMIT + 1))
    assert too_long == Refused("trajectory.too_long_step", {"limit": STEP_LIMIT})


def test_a_dated_small_step_is_nudged_later_and_the_route_asks_for_confirmation() -> None:
    route = take_text(Trajectory(step=Step.ROUTE), Waiting("stage"), "Eerst plannen", at=at())
    with_stage = stored(accepted(route))
    waiting = Waiting("step_date", chain=Chain.ROUTE_STEPS)
    due = date(2026, 3, 9)
    outcome = accepted(take_small_step(with_stage, waiting, "Lezen", due, at=at(1)))
    step = stored(outcome).small_steps[-1]
    assert NudgeLater(step) in outcome.effects
    # The words go to the coach with the day apart, to be read in the coach's language.
    shared = Share(Party.COACH, "trajectory.shared_note", {"text": "Lezen"}, label="small_step")
    assert replace(shared, day=due) in outcome.effects
    assert outcome.effects[-1] == Confirm(Confirmation.ROUTE)


def test_a_scale_in_the_goal_chain_leads_to_the_goal_confirmation() -> None:
    goal = stored(accepted(take_text(Trajectory(step=Step.GOAL), Waiting("goal"), "Doel", at=at())))
    outcome = accepted(take_scale(goal, Waiting("scale", chain=Chain.GOAL), 5, at=at(1)))
    assert outcome.effects[-1] == Confirm(Confirmation.GOAL)
    assert isinstance(take_scale(goal, Waiting("scale"), 11, at=at(1)), Refused)


def test_outside_a_chain_a_capture_asks_nothing_more() -> None:
    outcome = accepted(take_text(Trajectory(step=Step.GOAL), Waiting("note:dream"), "X", at=at()))
    assert not any(isinstance(e, (Ask, Confirm)) for e in outcome.effects)


def test_the_closing_asks_what_is_missing_skips_what_was_skipped_then_closes() -> None:
    closing = Trajectory(step=Step.CLOSING)
    assert closing_missing(closing, ()) == "review"
    assert closing_missing(closing, ("review", "scale")) == "learned"
    assert continue_chain(closing, Chain.CLOSING, ("scale", "review")).effects == (
        Ask("learned", Chain.CLOSING, ("review", "scale")),
    )
    everything = ("review", "scale", "learned", "keep_doing", "feedback", "compliment")
    assert continue_chain(closing, Chain.CLOSING, everything).effects == (
        Confirm(Confirmation.CLOSE),
    )
    assert continue_chain(closing, Chain.NONE).effects == ()


def test_answers_from_before_the_trajectory_came_back_to_the_goal_do_not_count() -> None:
    goal = stored(accepted(take_text(Trajectory(step=Step.GOAL), Waiting("goal"), "Oud", at=at())))
    assert continue_chain(goal, Chain.GOAL).effects == (Ask("scale", Chain.GOAL),)
    back = Move(Event.REVISE_GOAL, Step.PATH, Step.GOAL, Party.COACH, at(2))
    revised = replace(goal, moves=(*goal.moves, back))
    assert continue_chain(revised, Chain.GOAL).effects == (Ask("goal", Chain.GOAL),)


def test_a_small_step_done_twice_is_refused_the_second_time() -> None:
    path = add_step(
        Trajectory(step=Step.PATH), "Lezen", date(2026, 3, 9), by=Party.COACHEE, at=at()
    )
    done = accepted(change_small_step(path, 1, StepStatus.DONE, at=at(1)))
    assert done.effects[1:] == (
        Say("trajectory.small_done", {"step": "Lezen"}),
        Share(Party.COACH, "trajectory.coach_small_done", {"step": "Lezen"}),
    )
    again = change_small_step(stored(done), 1, StepStatus.DONE, at=at(2))
    assert again == Refused("trajectory.step_unchanged")


def test_a_new_date_for_a_small_step_nudges_again_and_ends_the_question() -> None:
    path = add_step(
        Trajectory(step=Step.PATH), "Lezen", date(2026, 3, 9), by=Party.COACHEE, at=at()
    )
    later = date(2026, 3, 16)
    moved = accepted(
        change_small_step(path, 1, StepStatus.CHANGED, at=at(1), due=later, answering=True)
    )
    assert StopWaiting() in moved.effects
    assert NudgeLater(stored(moved).small_steps[0]) in moved.effects
    gone = change_small_step(path, 9, StepStatus.CHANGED, at=at(1), due=later, answering=True)
    assert gone == Refused("trajectory.step_unchanged", stop_waiting=True)


def test_the_role_asked_for_goes_to_the_coach_named_in_their_script() -> None:
    outcome = accepted(take_role(Trajectory(step=Step.PATH), CoachRole.CHALLENGER, at=at()))
    assert stored(outcome).role_requests[-1].role is CoachRole.CHALLENGER
    assert outcome.effects[-1] == Share(
        Party.COACH, "trajectory.role_asked", role=CoachRole.CHALLENGER
    )
    assert take_role(Trajectory(step=Step.GOAL), CoachRole.CHALLENGER, at=at()) == Refused(
        "trajectory.capture_refused", stop_waiting=True
    )
