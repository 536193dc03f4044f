"""Breakouts, pure: group forming by the pairing rules, rooms in step, consent before sharing."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from itertools import combinations

import pytest

from bot.i18n import shared_texts
from flows.breakout import (
    AskConsent,
    Breakout,
    BreakoutState,
    BreakoutTimer,
    ClassPost,
    Consent,
    InGroup,
    Note,
    Outcome,
    ScheduleTimer,
    answer_consent,
    breakout_timer,
    cancel_breakout,
    create_breakout,
    form_groups,
    group_sizes,
    in_group,
    join_breakout,
    member_gone,
    next_step_all,
    start_breakout,
)
from flows.breakout.flow import RoomCommand
from flows.pairing.model import Candidate, PairingHistory, PairingRules, PastMatch, Wants
from flows.pairing.scoring import PairingContext
from flows.room import Refused, Relay, contribute, pass_turn

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
TEACHER = 100
CLASS = list(range(1, 10))


def context(
    people: list[int],
    *,
    do_not_pair: frozenset[frozenset[int]] = frozenset(),
    history: PairingHistory | None = None,
) -> PairingContext:
    candidates = [Candidate(p, Wants.BOTH) for p in people]
    return PairingContext.build(
        candidates, PairingRules(), history or PairingHistory(), do_not_pair, 7
    )


def accepted(result: Outcome | Refused) -> Outcome:
    assert isinstance(result, Outcome), result
    return result


def gathered(people: list[int] = CLASS, size: int = 3) -> Breakout:
    breakout = accepted(
        create_breakout(
            chat_id=-5,
            teacher_id=TEACHER,
            teacher_name="Mila",
            protocol_id="incident_method",
            language="nl",
            group_size=size,
            seed=3,
            now=T0,
        )
    ).breakout
    for person in people:
        breakout = accepted(join_breakout(breakout, person, f"P{person}", T0)).breakout
    return breakout


def running(people: list[int] = CLASS) -> Outcome:
    return accepted(start_breakout(gathered(people), TEACHER, T0, context(people)))


@pytest.mark.parametrize(
    ("count", "size", "sizes"),
    [(9, 3, (3, 3, 3)), (10, 3, (4, 3, 3)), (11, 3, (4, 4, 3)), (2, 3, (2,)), (8, 4, (4, 4))],
)
def test_group_sizes_are_even_and_never_below_the_size(
    count: int, size: int, sizes: tuple[int, ...]
) -> None:
    assert group_sizes(count, size) == sizes


def test_groups_keep_do_not_pair_wishes_and_avoid_recent_partners() -> None:
    wishes = frozenset({frozenset({1, 2}), frozenset({1, 3}), frozenset({4, 5})})
    history = PairingHistory(past_matches=(PastMatch(1, frozenset({6, 7})),), upcoming_round=2)
    groups = form_groups(context(CLASS, do_not_pair=wishes, history=history), CLASS, 3, seed=1)
    assert sorted(len(g) for g in groups) == [3, 3, 3]
    assert sorted(p for g in groups for p in g) == CLASS
    for group in groups:
        for pair in combinations(group, 2):
            assert frozenset(pair) not in wishes
            assert set(pair) != {6, 7}


def test_the_same_seed_gives_the_same_groups() -> None:
    first = form_groups(context(CLASS), CLASS, 3, seed=4)
    assert form_groups(context(CLASS), CLASS, 3, seed=4) == first


def test_start_forms_three_triads_each_running_its_own_room_with_one_timer_set() -> None:
    outcome = running()
    breakout = outcome.breakout
    assert breakout.state is BreakoutState.RUNNING
    assert len(breakout.groups) == 3
    deadlines = {g.room.deadline for g in breakout.groups}
    assert deadlines == {T0 + timedelta(minutes=5)}
    for group in breakout.groups:
        assert group.room.case_holder_id == group.member_ids[0]
        assert group.room.facilitator_id == TEACHER
    posts = [e for e in outcome.effects if isinstance(e, ClassPost)]
    assert len(posts) == 1  # the groups, in one message
    assert [e.kind for e in outcome.effects if isinstance(e, ScheduleTimer)] == [
        BreakoutTimer.WARNING,
        BreakoutTimer.END,
    ]
    cards = [e for e in outcome.effects if isinstance(e, Note)]
    assert sorted(card.user_id for card in cards) == CLASS


def test_a_message_is_relayed_only_in_its_own_group() -> None:
    breakout = running().breakout
    group = breakout.groups[1]
    holder = group.room.case_holder_id
    assert holder is not None
    result = accepted(
        in_group(
            breakout,
            holder,
            T0,
            lambda room: contribute(room, holder, T0, "Mijn situatie", from_private_chat=True),
        )
    )
    relays = [e for e in result.effects if isinstance(e, InGroup) and isinstance(e.effect, Relay)]
    assert [(r.number, r.effect.text) for r in relays] == [(2, "Mijn situatie")]  # type: ignore[union-attr]
    other = breakout.groups[0].member_ids[1]
    refused = in_group(breakout, other, T0, lambda room: contribute(room, other, T0, "Hoi"))
    assert isinstance(refused, Refused)  # not the case-giver's step


def test_the_timer_moves_every_group_on_together_and_the_teacher_can_too() -> None:
    breakout = running().breakout
    moved = accepted(breakout_timer(breakout, BreakoutTimer.END, T0 + timedelta(minutes=5)))
    assert {g.room.step_index for g in moved.breakout.groups} == {1}
    stale = accepted(breakout_timer(moved.breakout, BreakoutTimer.END, T0 + timedelta(minutes=5)))
    assert stale.breakout == moved.breakout
    later = T0 + timedelta(minutes=6)
    nexted = accepted(next_step_all(moved.breakout, TEACHER, later))
    assert {g.room.step_index for g in nexted.breakout.groups} == {2}
    assert {g.room.deadline for g in nexted.breakout.groups} == {later + timedelta(minutes=15)}
    assert isinstance(next_step_all(nexted.breakout, CLASS[0], later), Refused)


def said_by(user_id: int, text: str) -> RoomCommand:
    return lambda room: contribute(room, user_id, T0, text)


def passed_by(user_id: int, now: datetime) -> RoomCommand:
    return lambda room: pass_turn(room, user_id, now)


def case_givers(breakout: Breakout) -> list[int]:
    holders = [g.room.case_holder_id for g in breakout.groups]
    assert all(h is not None for h in holders)
    return [h for h in holders if h is not None]


def finished() -> Breakout:
    breakout = running().breakout
    now = T0
    for group in breakout.groups:
        holder = group.room.case_holder_id
        assert holder is not None
        breakout = accepted(in_group(breakout, holder, now, said_by(holder, "Ik"))).breakout
    while breakout.state is BreakoutState.RUNNING:
        now += timedelta(minutes=1)
        breakout = accepted(next_step_all(breakout, TEACHER, now)).breakout
        if breakout.state is BreakoutState.RUNNING and breakout.groups[0].room.step_index == 2:
            for group in breakout.groups:
                turn = group.room.turn_user_id
                assert turn is not None
                breakout = accepted(in_group(breakout, turn, now, passed_by(turn, now))).breakout
    return breakout


def test_case_givers_are_asked_and_only_consented_summaries_reach_the_class() -> None:
    breakout = finished()
    assert breakout.state is BreakoutState.CONSENT
    holders = case_givers(breakout)
    first = accepted(answer_consent(breakout, holders[0], True, T0 + timedelta(hours=1)))
    assert not [e for e in first.effects if isinstance(e, ClassPost)]
    second = accepted(answer_consent(first.breakout, holders[1], False, T0 + timedelta(hours=1)))
    third = accepted(answer_consent(second.breakout, holders[2], True, T0 + timedelta(hours=1)))
    posts = [e for e in third.effects if isinstance(e, ClassPost)]
    assert len(posts) == 1  # every group's summary in one message
    keys = [line.key for line in posts[0].lines]
    assert keys.count("breakout.class.shared") == 2
    assert keys.count("breakout.class.kept") == 1
    assert third.breakout.state is BreakoutState.CLOSED
    (report,) = [e for e in third.effects if isinstance(e, Note) and e.user_id == TEACHER]
    assert report.key == "breakout.report.teacher"
    assert (report.params["groups"], report.params["count"], report.params["shared"]) == (3, 9, 2)
    assert all(g.share is None for g in third.breakout.groups)


def test_without_answers_the_wait_ends_and_nothing_is_shared() -> None:
    breakout = finished()
    asked = case_givers(breakout)
    due = breakout.consent_until
    assert due is not None
    result = accepted(breakout_timer(breakout, BreakoutTimer.CONSENT, due))
    (post,) = [e for e in result.effects if isinstance(e, ClassPost)]
    assert [line.key for line in post.lines].count("breakout.class.kept") == 3
    assert isinstance(answer_consent(result.breakout, asked[0], True, due), Refused)


def test_the_snapshot_survives_storage() -> None:
    breakout = finished()
    assert Breakout.from_dict(breakout.to_dict()) == breakout
    asks = [e for e in running().effects if isinstance(e, AskConsent)]
    assert asks == []


def test_only_the_teacher_calls_it_off_and_only_before_the_groups() -> None:
    breakout = gathered()
    assert isinstance(cancel_breakout(breakout, 1, T0), Refused)
    cancelled = accepted(cancel_breakout(breakout, TEACHER, T0)).breakout
    assert cancelled.state is BreakoutState.CLOSED
    assert isinstance(cancel_breakout(running().breakout, TEACHER, T0), Refused)


def test_someone_gone_leaves_their_group_going_and_a_gone_teacher_ends_all() -> None:
    breakout = running().breakout
    group = breakout.groups[0]
    listener = group.member_ids[1]
    without = accepted(member_gone(breakout, listener, T0)).breakout
    assert without.groups[0].room.active_ids == (group.member_ids[0], group.member_ids[2])
    assert without.groups[1:] == breakout.groups[1:]
    ended = accepted(member_gone(without, TEACHER, T0)).breakout
    assert ended.state is BreakoutState.CONSENT
    holder = ended.groups[2].room.case_holder_id
    assert holder is not None
    declined = accepted(member_gone(ended, holder, T0)).breakout
    assert declined.groups[2].consent is Consent.NO
    gathering = gathered()
    assert len(accepted(member_gone(gathering, CLASS[0], T0)).breakout.joined) == 8


def test_every_breakout_text_is_written_in_both_languages_with_its_parameters() -> None:
    texts = shared_texts()
    breakout = finished()
    holders = case_givers(breakout)
    effects = [*running().effects]
    first = accepted(answer_consent(breakout, holders[0], True, T0))
    effects += first.effects
    effects += accepted(answer_consent(first.breakout, holders[1], False, T0)).effects
    due = breakout.consent_until
    assert due is not None
    effects += accepted(breakout_timer(first.breakout, BreakoutTimer.CONSENT, due)).effects
    used: list[tuple[str, Mapping[str, str | int]]] = []
    for effect in effects:
        if isinstance(effect, Note):
            used.append((effect.key, effect.params))
        elif isinstance(effect, ClassPost):
            used.extend((line.key, line.params) for line in effect.lines)
    refusals = [
        join_breakout(breakout, 1, "x", T0),
        start_breakout(gathered(), 1, T0, context(CLASS)),
        start_breakout(gathered([1]), TEACHER, T0, context([1])),
        next_step_all(gathered(), TEACHER, T0),
        answer_consent(gathered(), 1, True, T0),
    ]
    for refused in refusals:
        assert isinstance(refused, Refused)
        used.append((refused.reason_key, refused.params))
    keys = {key for key, _ in used}
    assert {"breakout.card.with_case", "breakout.class.shared", "breakout.report.teacher"} <= keys
    for key, params in used:
        assert texts.variables(key) <= set(params), key
        for language in ("nl", "en"):
            assert texts.get(language, key, **params)
