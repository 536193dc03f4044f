"""Every step that collects privately shows its contributions all at once, never one early."""

from __future__ import annotations

import pytest

from flows.protocols import PROTOCOL_IDS, StepKind, load_protocol
from flows.room import Relay, Reveal, contribute, next_step, pass_turn, rules
from tests.flows.test_room_support import ANA, STUDENTS, TEACHER, Scene

COLLECTING = [
    (protocol_id, language, index)
    for protocol_id in PROTOCOL_IDS
    for language in ("nl", "en")
    for index, step in enumerate(load_protocol(protocol_id, language).steps)
    if step.collect_privately
]


def test_the_protocols_have_steps_that_collect_privately() -> None:
    collecting = {protocol_id for protocol_id, _, _ in COLLECTING}
    assert {"progress_round", "reflecting_team"} <= collecting


def _at_step(protocol_id: str, language: str, index: int) -> Scene:
    protocol = load_protocol(protocol_id, language)
    scene = Scene.running(protocol_id, language, case_holder=ANA if protocol.case_holder else None)
    while scene.room.step_index < index:
        scene.ok(next_step, TEACHER)
    return scene


def _words(scene: Scene, person: int) -> str:
    if scene.room.step.kind is StepKind.SCALE:
        return f"{person + 3} out of ten, says {STUDENTS[person]}"
    return f"A private thought from {STUDENTS[person]} number {person}"


def _shown(scene: Scene, texts: list[str]) -> list[str]:
    """What the group saw (messages, relays and reveals) that contains any of these texts."""
    return [line for line in scene.group if any(text in line for text in texts)]


@pytest.mark.parametrize(("protocol_id", "language", "index"), COLLECTING)
def test_the_last_contribution_comes_out_with_the_others_and_not_before(
    protocol_id: str, language: str, index: int
) -> None:
    scene = _at_step(protocol_id, language, index)
    expected = rules.present_in_order(scene.room)
    assert len(expected) >= 2
    texts: list[str] = []
    for person in expected:
        assert _shown(scene, texts) == [] and scene.reveals == []
        texts.append(_words(scene, person))
        outcome = scene.ok(contribute, person, texts[-1], privately=True, from_private_chat=True)
        assert not [e for e in outcome.effects if isinstance(e, Relay)]
    revealed = [e for e in scene.effects if isinstance(e, Reveal)]
    assert len(revealed) == 1
    assert [c.text for c in revealed[0].contributions] == texts
    assert len(_shown(scene, texts)) == 1


@pytest.mark.parametrize(("protocol_id", "language", "index"), COLLECTING)
def test_when_the_last_person_passes_the_others_still_come_out_together(
    protocol_id: str, language: str, index: int
) -> None:
    scene = _at_step(protocol_id, language, index)
    *writers, passer = rules.present_in_order(scene.room)
    texts = [_words(scene, person) for person in writers]
    for person, text in zip(writers, texts, strict=True):
        scene.ok(contribute, person, text, privately=True, from_private_chat=True)
        assert _shown(scene, texts) == []
    scene.ok(pass_turn, passer)
    assert len(scene.reveals) == 1
    assert len(_shown(scene, texts)) == 1


@pytest.mark.parametrize(("protocol_id", "language", "index"), COLLECTING)
def test_moving_on_early_reveals_what_was_collected_once(
    protocol_id: str, language: str, index: int
) -> None:
    scene = _at_step(protocol_id, language, index)
    first = rules.present_in_order(scene.room)[0]
    text = _words(scene, first)
    scene.ok(contribute, first, text, privately=True, from_private_chat=True)
    assert _shown(scene, [text]) == []
    scene.ok(next_step, TEACHER)
    assert len(_shown(scene, [text])) == 1
