"""Privacy rules: what stays of shared records when one person is erased, and end dates."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

from flows.pairing import Match, Proposal, Reason, ReasonKind, Unmatched, UnmatchedReason
from flows.pairing.erasure import forget_person as proposal_without
from flows.privacy.export import PersonFacts, TrajectoryFacts, export_document
from flows.privacy.retention import parse_end_date
from flows.room import contribute, next_step
from flows.room.erasure import forget_person as room_without
from flows.trajectory import (
    CoachRole,
    Contract,
    ContractItem,
    ContractItemKey,
    Entry,
    Note,
    NoteTopic,
    Party,
    ReflectionQuestion,
    Scale,
    Trajectory,
)
from flows.trajectory.erasure import forget_party
from flows.trajectory.model import ItemVersion, Reflection
from tests.flows.test_room_support import ANA, BO, CAS, TEACHER, Scene

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def _trajectory() -> Trajectory:
    return Trajectory(
        goals=(Entry("coachee goal", Party.COACHEE, NOW),),
        scales=(Scale(5, NOW),),
        notes=(
            Note(NoteTopic.DREAM, "coachee dream", Party.COACHEE, NOW),
            Note(NoteTopic.COMPLIMENT, "coach compliment", Party.COACH, NOW),
        ),
        contract=Contract(
            items=(
                ContractItem(
                    ContractItemKey.RHYTHM,
                    (
                        ItemVersion("coach rhythm", Party.COACH, NOW),
                        ItemVersion("coachee rhythm", Party.COACHEE, NOW),
                    ),
                    frozenset({Party.COACH, Party.COACHEE}),
                ),
            )
        ),
        reflections=(
            Reflection(
                1, CoachRole.SUPPORTER, {}, {ReflectionQuestion.TAKE_AWAY: "coach lesson"}, NOW
            ),
        ),
    )


def test_an_erased_coachee_leaves_only_the_coachs_own_words() -> None:
    kept = forget_party(_trajectory(), Party.COACHEE)
    assert (kept.goals, kept.scales) == ((), ())
    assert [n.text for n in kept.notes] == ["coach compliment"]
    (item,) = kept.contract.items
    assert [v.value for v in item.versions] == ["coach rhythm"]
    assert item.confirmed_by == {Party.COACH}
    assert kept.reflections[0].answers[ReflectionQuestion.TAKE_AWAY] == "coach lesson"


def test_an_erased_coach_leaves_the_coachees_trajectory_without_their_words() -> None:
    kept = forget_party(_trajectory(), Party.COACH)
    assert kept.goal == "coachee goal" and [s.value for s in kept.scales] == [5]
    assert [n.text for n in kept.notes] == ["coachee dream"]
    assert [v.value for v in kept.contract.items[0].versions] == ["coachee rhythm"]
    assert kept.reflections == ()
    stored = json.dumps(kept.to_dict())
    assert not [t for t in ("coach rhythm", "coach compliment", "coach lesson") if t in stored]


def test_a_proposal_keeps_everyone_else_in_place() -> None:
    proposal = Proposal(
        matches=(
            Match((1, 2), ((1, 2), (2, 1)), (Reason(ReasonKind.NEW_PAIR, (1, 2)),), 3),
            Match((3, 4, 5), ((3, 4), (4, 5), (5, 3)), (), 1, joined_as_third=5),
        ),
        unmatched=(Unmatched(6, UnmatchedReason.PAUSED),),
    )
    kept = proposal_without(proposal, 5)
    assert kept.matches[0] == proposal.matches[0]
    assert kept.matches[1].members == (3, 4) and kept.matches[1].coach_of == ((3, 4),)
    assert kept.matches[1].joined_as_third is None
    assert proposal_without(kept, 6).unmatched == ()


def test_a_room_keeps_the_others_contributions_and_names() -> None:
    scene = Scene.running()
    scene.ok(contribute, ANA, "Ana's own case")
    scene.ok(next_step, TEACHER)
    scene.ok(next_step, TEACHER)
    scene.ok(contribute, BO, "Bo asks a question")
    kept = room_without(scene.room, ANA)
    assert [c.text for c in kept.contributions] == ["Bo asks a question"]
    assert kept.case_holder_id is None and kept.member(ANA) is None
    assert ANA not in kept.turn_order and kept.member(CAS) is not None
    assert ANA not in {c.author_id for c in kept.contributions} | {p.user_id for p in kept.passes}
    teacherless = room_without(scene.room, TEACHER)
    assert (teacherless.teacher_id, teacherless.teacher_name) == (0, "")


def test_an_end_date_is_read_as_people_type_it() -> None:
    expected = date(2026, 6, 30)
    for typed in ("2026-06-30", "30-06-2026", "30/06/2026", " 30.6.2026 "):
        assert parse_end_date(typed) == expected, typed
    for typed in ("", "30 June", "2026-02-30", "31-13-2026", "2026-06"):
        assert parse_end_date(typed) is None, typed


def test_an_export_lists_the_agreements_confirmed_without_the_partners_wording() -> None:
    facts = PersonFacts(
        telegram_id=7,
        first_name="Ana",
        username=None,
        language="en",
        known_since=NOW,
        privacy_accepted_at=NOW,
        trajectories=[TrajectoryFacts(Party.COACH, "Bo", NOW, _trajectory())],
    )
    (exported,) = export_document(facts, NOW)["trajectories"]
    assert exported["agreed_items"] == ["rhythm"]
    assert [c["text"] for c in exported["contract"]] == ["coach rhythm"]
    assert "coachee rhythm" not in json.dumps(exported)
