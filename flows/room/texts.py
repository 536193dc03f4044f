"""Every text key the room effects use, with the parameters each one is given."""

from __future__ import annotations

from flows.protocols import Who
from flows.room.effects import RoomAction
from flows.room.model import CloseReason, RoomState
from flows.room.summary import SUMMARY_KINDS


def _keys(prefix: str, names: dict[str, tuple[str, ...]]) -> dict[str, frozenset[str]]:
    return {f"{prefix}.{name}": frozenset(params) for name, params in names.items()}


_NAME = ("name",)

ANNOUNCE_KEYS = _keys(
    "room.announce",
    {
        "created": ("protocol", "description", "teacher", "minutes"),
        "duration_changed": ("title", "minutes"),
        "roles_open": (),
        "roles_open_no_case": (),
        "role_case_holder": _NAME,
        "role_facilitator": _NAME,
        "role_timekeeper": _NAME,
        "started": ("case_holder", "facilitator"),
        "started_no_case": ("facilitator",),
        "step": ("number", "count", "title", "instruction", "minutes"),
        "back": ("number", "title", "minutes"),
        "turn_order": ("order", "first"),
        "collect_privately": ("title",),
        "everyone_passed": ("title",),
        "warning": ("title",),
        "paused": _NAME,
        "resumed": ("title", "minutes"),
        "extended": ("minutes", "left", "name"),
        "member_left": _NAME,
        "facilitator_left": ("name", "new"),
        "facilitator_gone": _NAME,
        "case_holder_left": _NAME,
        "case_holder_back": _NAME,
        "closed_completed": ("minutes", "count"),
        "closed_ended": _NAME,
        "closed_auto": (),
        "closed_everyone_left": (),
        "summary_sent": _NAME,
    },
)

PROMPT_KEYS = _keys(
    "room.prompt",
    {
        "your_turn": ("title",),
        "write_privately": ("title",),
        "received": ("count", "expected"),
        "choose_step": ("title",),
        "step_chosen": ("text",),
        "confirm_back": ("number", "title"),
        "case_holder_silent": ("name", "title"),
        "nudge_case_holder": ("title",),
        "case_holder_left": _NAME,
    },
)

REFUSE_KEYS = _keys(
    "room.refuse",
    {
        "already_open": ("protocol", "name"),
        "unknown_protocol": ("protocol",),
        "unknown_step": ("step",),
        "bad_duration": ("min", "max"),
        "closed": (),
        "paused": (),
        "already_started": (),
        "roles_first": (),
        "not_started": (),
        "not_now": (),
        "only_facilitator": _NAME,
        "only_teacher": _NAME,
        "only_case_holder": _NAME,
        "not_enough_members": ("min", "count"),
        "need_case_holder": (),
        "need_facilitator": (),
        "first_step": (),
        "already_member": (),
        "not_member": (),
        "not_a_member": _NAME,
        "no_case_holder_here": (),
        "case_holder_fixed": (),
        "role_taken": _NAME,
        "not_text": (),
        "empty": (),
        "too_long": ("max",),
        "scale_number": ("min", "max"),
        "share_in_group": (),
        "case_holder_speaks": _NAME,
        "facilitator_speaks": _NAME,
        "case_holder_listens": (),
        "not_your_turn": _NAME,
        "no_turns": (),
        "already_handed_in": (),
        "nothing_to_reveal": (),
        "back_expired": (),
        "extend_range": ("min", "max"),
        "no_such_idea": (),
    },
)

REVEAL_KEYS = _keys("room.reveal", {"heading": ("title", "count"), "item": ("name", "text")})

SUMMARY_KEYS = {
    **_keys(
        "room.summary",
        {
            "title": ("protocol",),
            "item": ("name", "text"),
            "chosen_step": ("text",),
            "no_chosen_step": (),
            "closing": (),
        },
    ),
    **_keys("room.summary.section", {kind.value: () for kind in SUMMARY_KINDS}),
}

REPORT_KEYS = {
    **_keys("room.report", {"teacher": ("protocol", "minutes", "count", "names")}),
    **_keys("room.report.reason", {reason.value: () for reason in CloseReason}),
}

STATUS_KEYS = {
    **_keys(
        "room.status",
        {
            "title": ("protocol",),
            "step": ("number", "count", "title"),
            "turn": _NAME,
            "handed_in": ("count", "expected"),
            "time_left": ("minutes",),
            "paused_left": ("minutes",),
            "case_holder": _NAME,
            "facilitator": _NAME,
            "timekeeper": _NAME,
            "members": ("count", "names"),
        },
    ),
    **_keys("room.status", {state.value: ("minutes",) for state in RoomState}),
    **_keys("room.who", {who.value: () for who in Who}),
    **_keys("room.action", {action.value: () for action in RoomAction}),
}

ROOM_TEXT_KEYS: dict[str, frozenset[str]] = {
    **ANNOUNCE_KEYS,
    **PROMPT_KEYS,
    **REFUSE_KEYS,
    **REVEAL_KEYS,
    **SUMMARY_KEYS,
    **REPORT_KEYS,
    **STATUS_KEYS,
}
