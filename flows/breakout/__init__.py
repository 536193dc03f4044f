"""Breakouts, pure: a class split into small groups, each running a room in its members' chats."""

from flows.breakout.effects import (
    AskConsent,
    BreakoutTimer,
    CancelTimers,
    ClassPost,
    Effect,
    InGroup,
    Note,
    Outcome,
    Result,
    ScheduleTimer,
    UpdateCard,
)
from flows.breakout.flow import (
    answer_consent,
    breakout_timer,
    create_breakout,
    end_all,
    in_group,
    join_breakout,
    member_gone,
    next_step_all,
    start_breakout,
    timers_of,
)
from flows.breakout.forming import form_groups, group_sizes
from flows.breakout.model import Breakout, BreakoutState, Consent, Group

__all__ = [
    "AskConsent",
    "Breakout",
    "BreakoutState",
    "BreakoutTimer",
    "CancelTimers",
    "ClassPost",
    "Consent",
    "Effect",
    "Group",
    "InGroup",
    "Note",
    "Outcome",
    "Result",
    "ScheduleTimer",
    "UpdateCard",
    "answer_consent",
    "breakout_timer",
    "create_breakout",
    "end_all",
    "form_groups",
    "group_sizes",
    "in_group",
    "join_breakout",
    "member_gone",
    "next_step_all",
    "start_breakout",
    "timers_of",
]
