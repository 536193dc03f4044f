"""A full incident-method session with five students, as the group and the case-holder see it."""

from __future__ import annotations

from datetime import timedelta

from flows.room import (
    CloseReason,
    ContributionKind,
    PrivatePrompt,
    RoomAction,
    RoomState,
    ScheduleTimer,
    TimerKind,
    choose_step,
    contribute,
    next_step,
    pass_turn,
    status_view,
)
from tests.flows.test_room_support import ANA, BO, CAS, DEV, EVA, TEACHER, Scene


def test_a_whole_incident_method_session() -> None:
    scene = Scene.running("incident_method", "en")
    started = scene.now
    assert scene.group[-1].startswith("<b>Step 1 of 7: Choosing the case</b> (5 min)")
    assert "Ana brings the situation and Ms Mila leads" in scene.group[-2]

    # 1 and 2: only the case-holder tells; the others are asked to wait kindly.
    refusal = scene.refused(contribute, BO, "Is this about school?")
    assert refusal.reason_key == "room.refuse.case_holder_speaks"
    assert refusal.params == {"name": "Ana"}
    scene.ok(contribute, ANA, "I keep arriving late at my internship.")
    scene.wait(minutes=5)
    scene.time_up()
    assert scene.group[-1].startswith("<b>Step 2 of 7: What happened</b>")
    scene.ok(contribute, ANA, "The bus is late and my boss sighs every time.")
    scene.wait(minutes=3)
    scene.ok(next_step, TEACHER)

    # 3: factual questions, one each in turn, Ana answers in between.
    assert scene.group[-1].startswith("We'll go round: Bo, Cas, Dev, Eva. Bo starts.")
    assert scene.private[BO][-1].startswith("It's your turn for ‘Questions about the facts’")
    assert scene.refused(contribute, CAS, "What time?").params == {"name": "Bo"}
    scene.ok(contribute, BO, "Which bus do you take?")
    scene.ok(contribute, ANA, "The 7:40 one.")
    assert status_view(scene.room, scene.now).whose_turn == CAS
    scene.ok(pass_turn, CAS)
    scene.ok(contribute, DEV, "Since when does this happen?")
    scene.ok(contribute, EVA, "What does your boss say exactly?")
    assert status_view(scene.room, scene.now).whose_turn == BO  # round two
    for person in (BO, CAS, DEV, EVA):
        scene.ok(pass_turn, person)
    assert "Everyone passed on ‘Questions about the facts’" in scene.group[-2]
    assert scene.group[-1].startswith("<b>Step 4 of 7: Figuring it out together</b>")

    # 4: everybody may think along, the case-holder too.
    scene.ok(contribute, DEV, "Maybe the bus is not the real problem.")
    scene.ok(contribute, ANA, "True, I also leave home late.")
    scene.wait(minutes=6)
    scene.ok(next_step, TEACHER)

    # 5: ideas in turn while the case-holder listens.
    assert scene.refused(contribute, ANA, "Wait!").reason_key == "room.refuse.case_holder_listens"
    ideas = {
        BO: "Take the bus before.",
        CAS: "Prepare your bag the evening before.",
        DEV: "Tell your boss about the bus.",
        EVA: "Cycle when the weather is good.",
    }
    for person, idea in ideas.items():
        scene.ok(contribute, person, idea)
    scene.wait(minutes=8)
    scene.ok(next_step, TEACHER)

    # 6: Ana gets the ideas privately to choose from, and picks Cas's.
    prompt = scene.prompts[-1]
    assert prompt.user_id == ANA
    assert prompt.actions == (RoomAction.CHOOSE_STEP,)
    assert prompt.choices == tuple(ideas.values())
    scene.ok(choose_step, ANA, 1)
    assert scene.private[ANA][-1] == "Noted as your step: Prepare your bag the evening before."
    scene.wait(minutes=4)
    scene.ok(next_step, TEACHER)

    # 7: evaluation; when time is up the room closes as completed.
    scene.ok(contribute, BO, "Good questions today.")
    scene.wait(minutes=5)
    scene.time_up()
    assert scene.room.state is RoomState.CLOSED
    assert scene.room.closed_reason is CloseReason.COMPLETED
    minutes = round((scene.now - started) / timedelta(minutes=1))
    assert minutes == 5 + 3 + 6 + 8 + 4 + 5
    assert f"{5} of you spent {minutes} minutes thinking together" in scene.group[-2]
    assert scene.group[-1].startswith("📝 Ana, I'm sending you a private summary")

    summary = scene.summary_text()
    assert summary.startswith("📝 <b>Your summary: Incident method</b>")
    assert "• Ana: I keep arriving late at my internship." in summary
    assert "<b>Questions</b>\n• Bo: Which bus do you take?\n• Dev: Since when" in summary
    assert "The 7:40 one." not in summary  # answers are Ana's own, not input for her
    assert "• Dev: Maybe the bus is not the real problem." in summary
    assert "<b>Ideas</b>\n• Bo: Take the bus before." in summary
    assert "<b>Your step:</b> Prepare your bag the evening before." in summary
    assert "Good questions today." not in summary

    (report,) = scene.reports
    assert report.participant_ids == (ANA, BO, CAS, DEV, EVA)
    assert report.duration_minutes == minutes
    teacher_sees = "\n".join(scene.private[TEACHER])
    assert "31 min, 5 participants (Ana, Bo, Cas, Dev, Eva)" in teacher_sees
    assert "All steps were completed." in teacher_sees
    for idea in ideas.values():
        assert idea not in teacher_sees


def test_turn_holder_is_told_privately_and_can_pass() -> None:
    scene = Scene.running("incident_method", "en")
    scene.ok(next_step, TEACHER)
    scene.ok(next_step, TEACHER)
    turn_prompts = [p for p in scene.prompts if p.key == "room.prompt.your_turn"]
    assert turn_prompts[-1] == PrivatePrompt(
        BO,
        "room.prompt.your_turn",
        {"title": "Questions about the facts"},
        actions=(RoomAction.PASS,),
        step_index=2,
    )
    # Bo reads Dutch? Then the step is named in Dutch too, not only the sentence around it.
    assert turn_prompts[-1].params_in(scene.room, "nl") == {"title": "Vragen over de feiten"}
    scene.ok(pass_turn, BO)
    assert scene.prompts[-1].user_id == CAS
    assert "👉 Turn: Cas" in scene.status()
    assert scene.refused(pass_turn, DEV).reason_key == "room.refuse.not_your_turn"


def test_the_facilitator_may_pass_for_someone_who_is_away() -> None:
    scene = Scene.running("incident_method", "en")
    scene.ok(next_step, TEACHER)
    scene.ok(next_step, TEACHER)
    scene.ok(pass_turn, TEACHER)
    assert scene.room.turn_user_id == CAS
    assert scene.room.passes[-1].user_id == BO


def test_case_holder_answers_do_not_take_a_turn() -> None:
    scene = Scene.running("incident_method", "en")
    scene.ok(next_step, TEACHER)
    scene.ok(next_step, TEACHER)
    scene.ok(contribute, BO, "Who was there?")
    scene.ok(contribute, ANA, "Only my boss.")
    assert scene.room.contributions[-1].kind is ContributionKind.ANSWER
    assert scene.room.turn_user_id == CAS


def test_step_timers_are_scheduled_a_minute_before_and_at_the_end() -> None:
    scene = Scene.running("incident_method", "en")
    start = scene.now
    timers = [e for e in scene.effects if isinstance(e, ScheduleTimer)]
    assert ScheduleTimer(TimerKind.WARNING, start + timedelta(minutes=4)) in timers
    assert ScheduleTimer(TimerKind.END, start + timedelta(minutes=5)) in timers
    scene.wait(minutes=1)
    scene.ok(next_step, TEACHER)
    assert scene.room.timer_at(TimerKind.WARNING) == scene.now + timedelta(minutes=4)
    assert scene.room.timer_at(TimerKind.END) == scene.now + timedelta(minutes=5)
    scene.fire(TimerKind.WARNING)
    assert scene.last_group() == "⏳ One minute left for ‘What happened’."
    assert "⏳ 1 min left" in scene.status()
