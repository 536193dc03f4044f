"""Time boxes: warnings, pause and resume, extending, going back, silence and auto-close."""

from __future__ import annotations

from datetime import timedelta

from flows.room import (
    CancelTimers,
    CloseReason,
    Outcome,
    PrivatePrompt,
    RoomAction,
    RoomState,
    ScheduleTimer,
    TimerKind,
    cancel_back,
    confirm_back,
    contribute,
    extend,
    join,
    next_step,
    pass_turn,
    pause,
    request_back,
    resume,
    status_view,
    timer_fired,
)
from tests.flows.test_room_support import ANA, BO, CAS, DEV, EVA, TEACHER, Scene


def test_pause_keeps_the_time_left_and_resume_restarts_the_clock() -> None:
    scene = Scene.running("incident_method", "en")
    scene.ok(contribute, ANA, "My case.")
    scene.wait(minutes=2, seconds=30)
    outcome = scene.ok(pause, TEACHER)
    assert CancelTimers((TimerKind.WARNING, TimerKind.END)) in outcome.effects
    assert scene.last_group() == "⏸ Ms Mila has paused the session. The clock is stopped."
    assert scene.room.paused_remaining_seconds == 150
    scene.wait(minutes=20)
    assert status_view(scene.room, scene.now).minutes_left == 3
    assert "⏳ 3 min left when we carry on" in scene.status()
    assert scene.refused(contribute, BO, "Hello?").reason_key == "room.refuse.paused"

    scene.ok(resume, TEACHER)
    assert scene.room.deadline == scene.now + timedelta(seconds=150)
    assert scene.room.timer_at(TimerKind.WARNING) == scene.now + timedelta(seconds=90)
    assert scene.last_group() == "▶️ We're carrying on with ‘Choosing the case’. 3 min left."


def test_timers_from_before_a_pause_change_nothing() -> None:
    scene = Scene.running("incident_method", "en")
    old_end = scene.room.timer_at(TimerKind.END)
    assert old_end is not None
    scene.ok(pause, TEACHER)
    stale = timer_fired(scene.room, old_end, TimerKind.END)
    assert stale == Outcome(scene.room)


def test_extend_moves_the_end_and_the_warning() -> None:
    scene = Scene.running("incident_method", "en")
    start = scene.now
    old_end = scene.room.timer_at(TimerKind.END)
    assert old_end is not None
    scene.wait(minutes=4)
    scene.fire(TimerKind.WARNING)
    outcome = scene.ok(extend, EVA, 3)  # the timekeeper may extend
    assert ScheduleTimer(TimerKind.END, start + timedelta(minutes=8)) in outcome.effects
    assert ScheduleTimer(TimerKind.WARNING, start + timedelta(minutes=7)) in outcome.effects
    assert scene.last_group() == "⏱ Eva added 3 min. 4 min left for this step."
    assert timer_fired(scene.room, old_end, TimerKind.END) == Outcome(scene.room)
    assert scene.refused(extend, TEACHER, 45).params == {"min": 1, "max": 30}
    assert scene.refused(extend, BO, 2).reason_key == "room.refuse.only_facilitator"


def test_extend_while_paused_adds_to_the_time_left() -> None:
    scene = Scene.running("incident_method", "en")
    scene.ok(pause, TEACHER)
    scene.ok(extend, TEACHER, 2)
    assert scene.room.paused_remaining_seconds == 7 * 60
    assert scene.room.timer_at(TimerKind.END) is None


def test_going_back_needs_a_confirmation() -> None:
    scene = Scene.running("incident_method", "en")
    assert scene.refused(request_back, TEACHER).reason_key == "room.refuse.first_step"
    scene.wait(minutes=2)
    scene.ok(next_step, TEACHER)  # by accident, with 3 minutes left in step 1
    assert scene.refused(confirm_back, TEACHER).reason_key == "room.refuse.back_expired"
    assert scene.refused(request_back, BO).reason_key == "room.refuse.only_facilitator"

    scene.ok(request_back, TEACHER)
    assert scene.prompts[-1] == PrivatePrompt(
        TEACHER,
        "room.prompt.confirm_back",
        {"number": 1, "title": "Choosing the case"},
        actions=(RoomAction.CONFIRM_BACK, RoomAction.CANCEL_BACK),
        step_index=0,  # the title names the step to go back to, for a reader of any language
    )
    assert scene.room.step_index == 1  # nothing moved yet
    scene.wait(seconds=20)
    scene.ok(confirm_back, TEACHER)
    assert scene.room.step_index == 0
    assert scene.room.deadline == scene.now + timedelta(minutes=3)
    assert scene.last_group().startswith("↩️ We're going back to step 1: <b>Choosing the case</b>.")


def test_a_back_request_expires_or_can_be_called_off() -> None:
    scene = Scene.running("incident_method", "en")
    scene.ok(next_step, TEACHER)
    scene.ok(request_back, TEACHER)
    scene.wait(minutes=3)
    assert scene.refused(confirm_back, TEACHER).reason_key == "room.refuse.back_expired"
    scene.ok(request_back, TEACHER)
    scene.ok(cancel_back, TEACHER)
    assert scene.refused(confirm_back, TEACHER).reason_key == "room.refuse.back_expired"
    assert scene.room.step_index == 1


def test_going_back_restores_whose_turn_it_was_and_gives_at_least_two_minutes() -> None:
    scene = Scene.running("incident_method", "en")
    scene.ok(next_step, TEACHER)
    scene.ok(next_step, TEACHER)
    scene.ok(contribute, BO, "Which bus?")
    scene.ok(pass_turn, CAS)
    scene.wait(minutes=14, seconds=30)
    scene.ok(next_step, TEACHER)
    scene.ok(request_back, TEACHER)
    scene.ok(confirm_back, TEACHER)
    assert scene.room.turn_user_id == DEV
    assert scene.room.deadline == scene.now + timedelta(minutes=2)
    assert "👉 Turn: Dev" in scene.status()


def test_a_silent_case_holder_makes_the_bot_ask_the_facilitator() -> None:
    scene = Scene.running("incident_method", "en")
    assert scene.room.timer_at(TimerKind.CASE_HOLDER_SILENT) == scene.now + timedelta(minutes=2)
    scene.fire(TimerKind.CASE_HOLDER_SILENT)
    to_teacher, to_ana = scene.prompts[-2:]
    assert to_teacher.user_id == TEACHER
    assert to_teacher.actions == (RoomAction.EXTEND, RoomAction.NEXT, RoomAction.END)
    assert scene.private[TEACHER][-1].startswith("Ana is still quiet in ‘Choosing the case’.")
    assert to_ana.user_id == ANA and to_ana.key == "room.prompt.nudge_case_holder"
    assert scene.room.timer_at(TimerKind.CASE_HOLDER_SILENT) is None


def test_a_case_holder_who_speaks_is_not_reported_silent() -> None:
    scene = Scene.running("incident_method", "en")
    outcome = scene.ok(contribute, ANA, "Here is my case.")
    assert CancelTimers((TimerKind.CASE_HOLDER_SILENT,)) in outcome.effects


def test_an_untouched_gathering_closes_by_itself_without_a_summary() -> None:
    scene = Scene.open("incident_method", "en")
    scene.ok(join, ANA, "Ana")
    assert scene.room.timer_at(TimerKind.AUTO_CLOSE) == scene.now + timedelta(minutes=110)
    scene.fire(TimerKind.AUTO_CLOSE)
    assert scene.room.closed_reason is CloseReason.AUTO_CLOSED
    assert scene.last_group().startswith("This session had been quiet for a while")
    assert scene.summaries == [] and scene.reports == []


def test_activity_pushes_auto_close_back() -> None:
    scene = Scene.open("progress_round", "en")  # 21 minutes: open for 42 untouched minutes
    due = scene.room.timer_at(TimerKind.AUTO_CLOSE)
    assert due == scene.now + timedelta(minutes=42)
    scene.wait(minutes=30)
    scene.ok(join, BO, "Bo")
    scene.fire(TimerKind.AUTO_CLOSE)
    assert scene.room.state is RoomState.GATHERING
    assert scene.room.timer_at(TimerKind.AUTO_CLOSE) == due + timedelta(minutes=30)
    scene.fire(TimerKind.AUTO_CLOSE)
    assert scene.room.state is RoomState.CLOSED


def test_a_paused_and_forgotten_session_still_summarises() -> None:
    scene = Scene.running("incident_method", "en")
    scene.ok(contribute, ANA, "I never know what to say in meetings.")
    scene.ok(pause, TEACHER)
    scene.fire(TimerKind.AUTO_CLOSE)
    assert scene.room.closed_reason is CloseReason.AUTO_CLOSED
    assert "• Ana: I never know what to say in meetings." in scene.summary_text()
    assert scene.reports[0].closed_reason is CloseReason.AUTO_CLOSED


def test_a_session_left_running_finishes_step_by_step_and_summarises() -> None:
    scene = Scene.running("reflecting_team", "en")
    scene.ok(contribute, ANA, "Help me plan my revision.")
    while scene.room.state is RoomState.RUNNING:
        scene.fire(TimerKind.END)
    assert scene.room.closed_reason is CloseReason.COMPLETED
    started = scene.room.started_at
    assert started is not None and scene.now - started == timedelta(minutes=35)
    assert "Help me plan my revision." in scene.summary_text()


def test_idle_limit_is_twice_the_session_but_at_most_four_hours() -> None:
    long = {key: 60 for key in ("choose", "describe", "questions", "analysis", "advice")}
    scene = Scene.open("incident_method", "en", durations=long)
    assert scene.room.timer_at(TimerKind.AUTO_CLOSE) == scene.now + timedelta(hours=4)
