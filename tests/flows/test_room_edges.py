"""Edge cases: people leaving, a second room, the bot removed, media, permissions, roles."""

from __future__ import annotations

from datetime import timedelta

import pytest

from flows.room import (
    Announce,
    CloseReason,
    Outcome,
    PrivateSummary,
    Refused,
    Role,
    RoomAction,
    RoomState,
    TeacherReport,
    UpdateStatus,
    assign_role,
    bot_removed,
    choose_step,
    contribute,
    create_room,
    end,
    join,
    leave,
    member_left,
    next_step,
    open_roles,
    pass_turn,
    pause,
    refuse_second_room,
    resume,
    set_duration,
    start,
    volunteer,
)
from tests.flows.test_room_support import (
    ANA,
    BO,
    CAS,
    DEV,
    EVA,
    STUDENTS,
    T0,
    TEACHER,
    Scene,
    render,
)


def _at_questions(scene: Scene) -> None:
    scene.ok(next_step, TEACHER)
    scene.ok(next_step, TEACHER)


def test_when_the_turn_holder_leaves_the_turn_moves_on() -> None:
    scene = Scene.running()
    _at_questions(scene)
    scene.ok(contribute, BO, "Where was it?")
    assert scene.room.turn_user_id == CAS
    scene.ok(leave, CAS)
    assert scene.room.turn_user_id == DEV
    assert scene.prompts[-1].user_id == DEV and scene.prompts[-1].key == "room.prompt.your_turn"
    assert "Cas has left. We carry on together." in scene.group
    scene.system(member_left, DEV, scene.now)  # Telegram: Dev left the group
    assert scene.room.turn_user_id == EVA
    assert "Participants (3): Ana, Bo, Eva" in scene.status()


def test_someone_leaving_who_does_not_have_the_turn_changes_no_turn() -> None:
    scene = Scene.running()
    _at_questions(scene)
    scene.ok(leave, EVA)
    assert scene.room.turn_user_id == BO
    assert scene.room.turn_order == (BO, CAS, DEV, EVA)
    scene.ok(contribute, BO, "When?")
    scene.ok(contribute, CAS, "Who?")
    scene.ok(contribute, DEV, "How often?")
    assert scene.room.turn_user_id == BO  # Eva is skipped


def test_a_private_collection_completes_when_the_last_one_missing_leaves() -> None:
    scene = Scene.running("reflecting_team", "en")
    scene.ok(next_step, TEACHER)
    scene.ok(next_step, TEACHER)
    for person in (BO, CAS, DEV):
        scene.ok(contribute, person, f"Question from {STUDENTS[person]}?", privately=True)
    assert not scene.reveals
    scene.system(member_left, EVA, scene.now)
    assert len(scene.reveals[-1].contributions) == 3


def test_when_the_case_holder_leaves_the_session_waits_for_the_facilitator() -> None:
    scene = Scene.running()
    scene.ok(contribute, ANA, "My case.")
    scene.wait(minutes=1)
    scene.system(member_left, ANA, scene.now)
    assert scene.room.state is RoomState.PAUSED
    assert scene.room.paused_remaining_seconds == 4 * 60
    assert scene.group[-1].startswith("Ana has left. Since it's about the situation of Ana")
    prompt = scene.prompts[-1]
    assert prompt.user_id == TEACHER
    assert prompt.actions == (RoomAction.RESUME, RoomAction.END)
    scene.ok(join, ANA, "Ana")
    assert scene.last_group() == "Welcome back, Ana! The facilitator can let the session carry on."
    assert scene.room.case_holder_id == ANA
    scene.ok(resume, TEACHER)
    assert scene.room.state is RoomState.RUNNING


def test_a_student_facilitator_who_leaves_hands_back_to_the_teacher() -> None:
    scene = Scene.running()
    scene.ok(assign_role, TEACHER, DEV, Role.FACILITATOR)
    assert scene.last_group() == "🧭 Dev is leading the conversation."
    scene.ok(next_step, DEV)
    scene.ok(leave, DEV)
    assert scene.room.facilitator_id == TEACHER
    assert "Dev has left; Ms Mila leads the conversation from here." in scene.group


def test_everyone_leaving_closes_the_session() -> None:
    scene = Scene.running()
    scene.ok(contribute, ANA, "My case.")
    for person in (BO, CAS, DEV, EVA):
        scene.ok(leave, person)
    scene.system(member_left, ANA, scene.now)
    assert scene.room.closed_reason is CloseReason.EVERYONE_LEFT
    assert scene.summaries[0].user_id == ANA


def test_a_second_room_is_refused_with_the_way_to_end_the_first() -> None:
    scene = Scene.running()
    refusal = refuse_second_room(scene.room)
    assert refusal == Refused(
        "room.refuse.already_open", {"protocol": "Incident method", "name": "Ms Mila"}
    )
    second = create_room(
        chat_id=-100,
        teacher_id=TEACHER,
        teacher_name="Ms Mila",
        protocol_id="progress_round",
        language="en",
        now=scene.now,
        existing=scene.room,
    )
    assert second == refusal
    scene.ok(end, TEACHER)
    assert refuse_second_room(scene.room) is None


def test_the_first_room_can_be_ended_from_the_refusal_text() -> None:
    scene = Scene.running()
    refusal = refuse_second_room(scene.room)
    assert refusal is not None
    text = render("en", refusal.reason_key, refusal.params)
    assert "Ms Mila can close it with the ‘Close’ button" in text
    assert render("en", "room.action.end", {}) == "Close"


def test_when_the_bot_is_removed_the_room_closes_quietly_and_still_summarises() -> None:
    scene = Scene.running()
    scene.ok(contribute, ANA, "I want to speak up in class.")
    scene.wait(minutes=3)
    outcome = scene.system(bot_removed, scene.now)
    assert scene.room.closed_reason is CloseReason.BOT_REMOVED
    assert not any(isinstance(e, Announce | UpdateStatus) for e in outcome.effects)
    kinds = [type(e) for e in outcome.effects]
    assert PrivateSummary in kinds and TeacherReport in kinds
    assert scene.reports[0].duration_minutes == 3
    assert scene.system(bot_removed, scene.now) == Outcome(scene.room)


def test_stickers_and_photos_are_kindly_refused() -> None:
    scene = Scene.running()
    sticker = scene.refused(contribute, ANA, None, media="sticker")
    assert sticker.reason_key == "room.refuse.not_text"
    photo = scene.refused(contribute, ANA, "look", media="photo")
    assert photo.reason_key == "room.refuse.not_text"
    assert "Could you type it in a few words?" in render("en", photo.reason_key, {})
    assert scene.refused(contribute, ANA, "   ").reason_key == "room.refuse.empty"
    assert scene.refused(contribute, ANA, "x" * 2001).params == {"max": 2000}


def test_only_the_facilitator_or_teacher_steers() -> None:
    scene = Scene.running()
    for command in (next_step, pause, end):
        refusal = scene.refused(command, BO)
        assert refusal == Refused("room.refuse.only_facilitator", {"name": "Ms Mila"})
    assert scene.refused(assign_role, BO, CAS, Role.TIMEKEEPER).params == {"name": "Ms Mila"}
    assert scene.refused(choose_step, BO, 0).reason_key == "room.refuse.only_case_holder"


def test_commands_that_do_not_fit_the_moment_are_refused() -> None:
    scene = Scene.open()
    assert scene.refused(contribute, ANA, "hi").reason_key == "room.refuse.not_started"
    assert scene.refused(start, TEACHER).reason_key == "room.refuse.roles_first"
    scene.ok(join, ANA, "Ana")
    assert scene.refused(join, ANA, "Ana").reason_key == "room.refuse.already_member"
    scene.ok(join, BO, "Bo")
    refusal = scene.refused(open_roles, TEACHER)
    assert refusal == Refused("room.refuse.not_enough_members", {"min": 3, "count": 2})
    scene.ok(join, CAS, "Cas")
    scene.ok(open_roles, TEACHER)
    assert scene.refused(start, TEACHER).reason_key == "room.refuse.need_case_holder"
    scene.ok(volunteer, BO, Role.CASE_HOLDER)
    assert scene.refused(volunteer, CAS, Role.CASE_HOLDER).params == {"name": "Bo"}
    assert scene.refused(volunteer, CAS, Role.FACILITATOR).params == {"name": "Ms Mila"}
    scene.ok(start, TEACHER)
    assert scene.refused(set_duration, TEACHER, "choose", 3).reason_key == (
        "room.refuse.already_started"
    )
    assert scene.refused(volunteer, CAS, Role.CASE_HOLDER).reason_key == (
        "room.refuse.case_holder_fixed"
    )
    assert scene.refused(contribute, DEV, "hi").reason_key == "room.refuse.not_member"
    scene.ok(end, TEACHER)
    assert scene.refused(contribute, BO, "hi").reason_key == "room.refuse.closed"
    assert scene.refused(join, DEV, "Dev").reason_key == "room.refuse.closed"


def test_a_late_joiner_gets_a_turn_in_the_running_round() -> None:
    scene = Scene.running()
    _at_questions(scene)
    scene.ok(join, 6, "Fay")
    assert scene.room.turn_order == (BO, CAS, DEV, EVA, 6)
    for person in (BO, CAS, DEV, EVA):
        scene.ok(contribute, person, "A question?")
    assert scene.room.turn_user_id == 6


def test_durations_can_be_adjusted_within_one_to_sixty_minutes() -> None:
    scene = Scene.open("incident_method", "en", durations={"questions": 20})
    assert scene.room.total_minutes == 60
    scene.ok(set_duration, TEACHER, "advice", 12)
    assert scene.last_group() == "⏱ ‘Round of ideas’ now takes 12 min."
    assert scene.refused(set_duration, TEACHER, "advice", 61).params == {"min": 1, "max": 60}
    assert scene.refused(set_duration, TEACHER, "advise", 5).params == {"step": "advise"}
    assert scene.refused(set_duration, BO, "advice", 5).reason_key == "room.refuse.only_facilitator"
    refused = create_room(
        chat_id=-1,
        teacher_id=TEACHER,
        teacher_name="Ms Mila",
        protocol_id="incident_method",
        language="en",
        now=T0,
        durations={"choose": 0},
    )
    assert refused == Refused("room.refuse.bad_duration", {"min": 1, "max": 60})
    unknown = create_room(
        chat_id=-1,
        teacher_id=TEACHER,
        teacher_name="Ms Mila",
        protocol_id="fishbowl",
        language="en",
        now=T0,
    )
    assert unknown == Refused("room.refuse.unknown_protocol", {"protocol": "fishbowl"})


def test_a_progress_round_has_no_case_holder_and_shows_the_spread_together() -> None:
    scene = Scene.open("progress_round", "en")
    for person in (BO, CAS, DEV):
        scene.ok(join, person, STUDENTS[person])
    scene.ok(open_roles, TEACHER)
    assert scene.last_group() == "Time for roles. Who would like to keep an eye on the time?"
    assert scene.refused(volunteer, BO, Role.CASE_HOLDER).reason_key == (
        "room.refuse.no_case_holder_here"
    )
    scene.ok(start, TEACHER)
    assert "Let's begin! Ms Mila leads the conversation." in scene.group[-3]
    scale_refusal = scene.refused(contribute, BO, "about six", privately=True)
    assert scale_refusal.params == {"min": 0, "max": 10}
    scene.ok(contribute, BO, "6, better than last week", privately=True)
    scene.ok(contribute, CAS, "4", privately=True)
    scene.ok(contribute, DEV, "8 - almost there", privately=True)
    assert [c.text for c in scene.reveals[-1].contributions] == [
        "6, better than last week",
        "4",
        "8 - almost there",
    ]
    scene.ok(next_step, TEACHER)
    assert scene.group[-1].startswith("We'll go round: Bo, Cas, Dev. Bo starts.")
    scene.ok(end, TEACHER)
    assert scene.summaries == []
    assert scene.reports[0].participant_count == 3


def test_in_triad_practice_the_coach_asks_and_the_coachee_answers() -> None:
    scene = Scene.open("triad_practice", "en")
    for person in (ANA, BO, CAS):
        scene.ok(join, person, STUDENTS[person])
    scene.ok(open_roles, TEACHER)
    scene.ok(volunteer, ANA, Role.CASE_HOLDER)
    scene.ok(assign_role, TEACHER, BO, Role.FACILITATOR)
    scene.ok(start, BO)
    scene.ok(contribute, ANA, "I want to start my homework earlier.")
    scene.ok(next_step, BO)
    scene.ok(contribute, BO, "What would be different on a good day?")
    scene.ok(contribute, ANA, "I'd start right after dinner.")
    observer = scene.refused(contribute, CAS, "Nice question")
    assert observer == Refused("room.refuse.facilitator_speaks", {"name": "Bo"})
    scene.ok(next_step, BO)
    assert scene.refused(contribute, ANA, "pretty good").reason_key == "room.refuse.scale_number"
    scene.ok(contribute, ANA, "5")
    scene.ok(next_step, BO)
    scene.ok(contribute, ANA, "Homework at 19:00 on Monday.")
    scene.ok(next_step, BO)
    assert scene.room.turn_order == (BO, CAS)
    scene.ok(contribute, BO, "I noticed I wanted to give advice.")
    scene.ok(pass_turn, CAS)
    scene.ok(end, BO)
    summary = scene.summary_text()
    assert "<b>Your score</b>\n• Ana: 5" in summary
    assert "<b>Your step:</b> Homework at 19:00 on Monday." in summary
    assert "• Bo: What would be different on a good day?" in summary


def test_times_must_carry_a_timezone() -> None:
    scene = Scene.running()
    naive = T0.replace(tzinfo=None) + timedelta(minutes=1)
    with pytest.raises(ValueError, match="timezone"):
        contribute(scene.room, ANA, naive, "hi")
