"""Who coaches whom in a match, triad rotation, and the private click check."""

from __future__ import annotations

import json

import pytest

from flows.trajectory import (
    CaptureError,
    ClickCheck,
    ClickResult,
    MatchKind,
    Pairing,
    Party,
    Refusal,
    answer_click,
    start_click_check,
    trajectory_pairings,
    triad_roles,
)

ANNA, BRAM, CHLOE = 11, 22, 33


def test_a_reciprocal_pair_coaches_each_other() -> None:
    assert trajectory_pairings(MatchKind.RECIPROCAL, [ANNA, BRAM]) == (
        Pairing(coach=ANNA, coachee=BRAM),
        Pairing(coach=BRAM, coachee=ANNA),
    )


def test_a_one_way_pair_has_one_trajectory() -> None:
    (pairing,) = trajectory_pairings(MatchKind.ONE_WAY, [ANNA, BRAM])
    assert (pairing.party_of(ANNA), pairing.party_of(BRAM)) == (Party.COACH, Party.COACHEE)
    assert pairing.party_of(CHLOE) is None


def test_a_triad_rotates_so_everyone_plays_every_role() -> None:
    members = [ANNA, BRAM, CHLOE]
    rounds = [triad_roles(members, number) for number in (1, 2, 3)]
    for role in ("coach", "coachee", "observer"):
        assert sorted(getattr(r, role) for r in rounds) == sorted(members)
    assert triad_roles(members, 4) == rounds[0]
    assert rounds[0].pairing == Pairing(coach=ANNA, coachee=BRAM, observer=CHLOE)
    pairings = trajectory_pairings(MatchKind.TRIAD, members)
    assert {p.coachee for p in pairings} == set(members)
    assert all(p.observer not in (p.coach, p.coachee) for p in pairings)


@pytest.mark.parametrize(
    ("kind", "members"),
    [
        (MatchKind.RECIPROCAL, [ANNA]),
        (MatchKind.ONE_WAY, [ANNA, ANNA]),
        (MatchKind.TRIAD, [ANNA, BRAM]),
        (MatchKind.TRIAD, [ANNA, BRAM, BRAM]),
    ],
)
def test_a_match_of_the_wrong_size_is_refused(kind: MatchKind, members: list[int]) -> None:
    with pytest.raises(ValueError, match="different members"):
        trajectory_pairings(kind, members)


def test_triad_conversations_are_numbered_from_one() -> None:
    with pytest.raises(ValueError):
        triad_roles([ANNA, BRAM, CHLOE], 0)


def test_click_waits_for_everyone_and_needs_every_yes() -> None:
    check = answer_click(start_click_check([ANNA, BRAM]), ANNA, click=True)
    assert (check.result, check.waiting_for) == (ClickResult.PENDING, (BRAM,))
    assert answer_click(check, BRAM, click=True).result is ClickResult.CLICK
    assert answer_click(check, BRAM, click=False).result is ClickResult.NO_CLICK


def test_the_stored_click_check_cannot_tell_who_said_no() -> None:
    start = start_click_check([ANNA, BRAM, CHLOE])
    anna_no = answer_click(answer_click(start, ANNA, click=False), BRAM, click=True)
    bram_no = answer_click(answer_click(start, ANNA, click=True), BRAM, click=False)
    anna_no = answer_click(anna_no, CHLOE, click=True)
    bram_no = answer_click(bram_no, CHLOE, click=True)
    assert anna_no.result is ClickResult.NO_CLICK
    assert json.dumps(anna_no.to_dict()) == json.dumps(bram_no.to_dict())
    assert ClickCheck.from_dict(json.loads(json.dumps(anna_no.to_dict()))) == anna_no


def test_each_member_answers_the_click_question_once() -> None:
    check = answer_click(start_click_check([ANNA, BRAM]), ANNA, click=True)
    with pytest.raises(CaptureError) as twice:
        answer_click(check, ANNA, click=False)
    assert twice.value.refusal is Refusal.ALREADY_DONE
    with pytest.raises(ValueError, match="not in this match"):
        answer_click(check, CHLOE, click=True)
    with pytest.raises(ValueError):
        start_click_check([ANNA])
