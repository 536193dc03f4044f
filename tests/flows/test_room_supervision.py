"""Supervision for peer coaches: a moment from one's own coaching, solution-focused, no coachee."""

from __future__ import annotations

import pytest

from flows.protocols import StepKind, Who, load_protocol
from flows.room import CloseReason, contribute, next_step
from tests.flows.test_room_support import ANA, BO, CAS, DEV, EVA, TEACHER, Scene


@pytest.mark.parametrize(
    ("language", "name", "words"), [("nl", "naam", "citeer"), ("en", "name", "quote")]
)
def test_the_first_step_reminds_the_coach_to_keep_the_coachee_out(
    language: str, name: str, words: str
) -> None:
    protocol = load_protocol("supervision", language)
    first = protocol.steps[0]
    assert (first.who, first.kind) == (Who.CASE_HOLDER, StepKind.CASE)
    assert name in first.instruction and words in first.instruction
    assert name in protocol.description


def test_supervision_has_the_reflecting_team_shape() -> None:
    protocol = load_protocol("supervision", "en")
    assert [s.kind for s in protocol.steps] == [
        StepKind.CASE,
        StepKind.CASE,
        StepKind.QUESTION,
        StepKind.AFFIRMATION,
        StepKind.REFLECTION,
        StepKind.PLAN,
    ]
    assert protocol.steps[2].collect_privately
    assert [s.who for s in protocol.steps[3:5]] == [Who.NOBODY_BUT_CASE_HOLDER_LISTENS] * 2
    assert protocol.total_minutes == 30


def test_a_whole_supervision_session_in_dutch() -> None:
    scene = Scene.running("supervision", "nl")
    opening = scene.group[-1]
    assert opening.startswith("<b>Stap 1 van 6: Jouw moment</b> (5 min)")
    assert "noem je coachee niet bij naam en citeer niet wat die zei" in opening
    scene.ok(contribute, ANA, "Ik gaf meteen advies toen het stil werd.")
    scene.ok(next_step, TEACHER)
    scene.ok(contribute, ANA, "Mijn eerste vraag over het doel werkte wel.")
    scene.ok(next_step, TEACHER)

    for person, question in ((BO, "Wat deed je vlak voor de stilte?"), (CAS, "Wat wilde je?")):
        scene.ok(contribute, person, question, privately=True)
    scene.ok(contribute, DEV, "Hoe voelde de stilte voor jou?", privately=True)
    scene.ok(contribute, EVA, "Wat zou je nu anders vragen?", privately=True)
    (shown,) = scene.reveals
    assert len(shown.contributions) == 4
    scene.ok(next_step, TEACHER)

    refused = scene.refused(contribute, ANA, "Mag ik reageren?")
    assert refused.reason_key == "room.refuse.case_holder_listens"
    scene.ok(contribute, BO, "Knap dat je zelf merkt wanneer je gaat helpen.")
    scene.ok(next_step, TEACHER)
    scene.ok(contribute, CAS, "Misschien kun je de stilte tien tellen laten duren.")
    scene.ok(next_step, TEACHER)
    scene.ok(contribute, ANA, "Volgende keer tel ik tot tien voor ik iets zeg.")
    scene.time_up()

    assert scene.room.closed_reason is CloseReason.COMPLETED
    summary = scene.summary_text()
    assert summary.startswith("📝 <b>Jouw samenvatting: Supervisie voor coaches</b>")
    assert "• Ana: Ik gaf meteen advies toen het stil werd." in summary
    assert "<b>Jouw stap:</b> Volgende keer tel ik tot tien voor ik iets zeg." in summary
