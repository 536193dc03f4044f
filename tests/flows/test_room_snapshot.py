"""Snapshots survive JSON, and any mix of commands keeps a room consistent (property tests)."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, timedelta, timezone
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from flows.room import (
    Outcome,
    PrivatePrompt,
    Refused,
    Result,
    Role,
    Room,
    RoomState,
    TimerKind,
    assign_role,
    bot_removed,
    cancel_back,
    choose_step,
    confirm_back,
    contribute,
    end,
    extend,
    join,
    leave,
    member_left,
    next_step,
    open_roles,
    pass_turn,
    pause,
    request_back,
    resume,
    reveal,
    start,
    status_lines,
    status_view,
    timer_fired,
    volunteer,
)
from tests.flows.test_room_support import STUDENTS, TEACHER, Scene, render_lines

PEOPLE = (*STUDENTS, TEACHER, 6)
ROLES = (Role.CASE_HOLDER, Role.FACILITATOR, Role.TIMEKEEPER, Role.PEER)

# Each operation: (name, how to call it on a scene given a person, a number and some text).
Operation = Callable[[Room, int, Any, int, str, bool], Result]
OPERATIONS: dict[str, Operation] = {
    "join": lambda r, who, now, n, text, flag: join(r, who, now, text or "x"),
    "leave": lambda r, who, now, n, text, flag: leave(r, who, now),
    "volunteer": lambda r, who, now, n, text, flag: volunteer(r, who, now, ROLES[n % 4]),
    "assign": lambda r, who, now, n, text, flag: assign_role(r, TEACHER, now, who, ROLES[n % 4]),
    "open_roles": lambda r, who, now, n, text, flag: open_roles(r, who, now),
    "start": lambda r, who, now, n, text, flag: start(r, who, now),
    "contribute": lambda r, who, now, n, text, flag: contribute(r, who, now, text, privately=flag),
    "sticker": lambda r, who, now, n, text, flag: contribute(r, who, now, None, media="sticker"),
    "pass": lambda r, who, now, n, text, flag: pass_turn(r, who, now),
    "reveal": lambda r, who, now, n, text, flag: reveal(r, who, now),
    "next": lambda r, who, now, n, text, flag: next_step(r, who, now),
    "back": lambda r, who, now, n, text, flag: request_back(r, who, now),
    "confirm": lambda r, who, now, n, text, flag: confirm_back(r, who, now),
    "cancel": lambda r, who, now, n, text, flag: cancel_back(r, who, now),
    "pause": lambda r, who, now, n, text, flag: pause(r, who, now),
    "resume": lambda r, who, now, n, text, flag: resume(r, who, now),
    "extend": lambda r, who, now, n, text, flag: extend(r, who, now, n % 35),
    "end": lambda r, who, now, n, text, flag: end(r, who, now),
    "choose": lambda r, who, now, n, text, flag: choose_step(r, who, now, n % 5),
    "left_group": lambda r, who, now, n, text, flag: member_left(r, who, now),
    "timer": lambda r, who, now, n, text, flag: _fire_pending(r, now, n),
    "bot_removed": lambda r, who, now, n, text, flag: bot_removed(r, now),
}

steps = st.lists(
    st.tuples(
        st.sampled_from(sorted(OPERATIONS)),
        st.sampled_from(PEOPLE),
        st.integers(min_value=0, max_value=600),
        st.integers(min_value=0, max_value=40),
        st.text(max_size=12),
        st.booleans(),
    ),
    max_size=35,
)


def _fire_pending(room: Room, now: Any, n: int) -> Result:
    """Fire one of the pending timers at its due time (or a stale kind, which must be harmless)."""
    kinds = [t.kind for t in room.timers] or list(TimerKind)
    kind = kinds[n % len(kinds)]
    due = room.timer_at(kind)
    return timer_fired(room, max(now, due) if due is not None else now, kind)


def _check_consistent(room: Room) -> None:
    assert room.turn_user_id is None or room.turn_user_id in room.turn_order
    assert (room.state is RoomState.CLOSED) == (room.closed_reason is not None)
    assert (room.state is RoomState.PAUSED) == (room.paused_remaining_seconds is not None)
    assert 0 <= room.step_index < len(room.steps)
    assert len({m.user_id for m in room.members}) == len(room.members)
    if room.case_holder_id is not None:
        assert room.member(room.case_holder_id) is not None


@pytest.mark.parametrize("protocol", ["incident_method", "reflecting_team", "progress_round"])
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plan=steps)
def test_any_sequence_of_commands_keeps_the_room_consistent(
    protocol: str, plan: list[tuple[str, int, int, int, str, bool]]
) -> None:
    scene = Scene.running(protocol, "en", case_holder=1 if protocol != "progress_round" else None)
    for name, who, seconds, number, text, flag in plan:
        scene.wait(seconds=seconds)
        if scene.room.timer_at(TimerKind.END) is not None:
            # Timers fire on time in production: catch up before a person acts.
            while (due := scene.room.timer_at(TimerKind.END)) is not None and due <= scene.now:
                scene.system(timer_fired, due, TimerKind.END)
        before = scene.room
        result = OPERATIONS[name](before, who, scene.now, number, text, flag)
        if isinstance(result, Refused):
            assert scene.room is before
            continue
        assert isinstance(result, Outcome)
        scene._take(result)  # round-trips through JSON and renders every text
        _check_consistent(scene.room)
        for effect in result.effects:
            if isinstance(effect, PrivatePrompt):
                assert effect.user_id in PEOPLE
        render_lines("en", status_lines(status_view(scene.room, scene.now)))


names = st.text(min_size=1, max_size=20)
zones = st.sampled_from([UTC, timezone(timedelta(hours=2)), timezone(timedelta(hours=-5))])


@settings(max_examples=30, deadline=None)
@given(texts=st.lists(st.text(min_size=1, max_size=50), max_size=6), name=names, zone=zones)
def test_snapshots_round_trip_through_json(texts: list[str], name: str, zone: timezone) -> None:
    scene = Scene.running("incident_method", "en")
    scene.now = scene.now.astimezone(zone)
    scene.ok(join, 6, name)
    for text in texts:
        result = contribute(scene.room, 1, scene.now, text)
        if isinstance(result, Outcome):  # blank texts are refused and simply skipped
            scene.room = result.room
    data = json.loads(json.dumps(scene.room.to_dict()))
    assert Room.from_dict(data) == scene.room


def test_a_snapshot_from_another_schema_or_with_unknown_fields_is_rejected() -> None:
    room = Scene.running().room
    data = room.to_dict()
    with pytest.raises(ValueError, match="schema"):
        Room.from_dict({**data, "schema": 99})
    with pytest.raises(ValueError, match="no field 'colour'"):
        Room.from_dict({**data, "colour": "blue"})
    with pytest.raises(ValueError, match="no timezone"):
        Room.from_dict({**data, "created_at": "2025-03-03T09:00:00"})
    older = {key: value for key, value in data.items() if key != "chosen_step"}
    assert Room.from_dict(older) == replace(room, chosen_step=None)
