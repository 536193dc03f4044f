"""Asking one's teacher for supervision: once is enough, again after a week, none without one."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from flows.supervision import ASK_AGAIN_AFTER, Answer, Ask, ask_teacher

NOW = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)


def test_a_first_ask_tells_the_teachers() -> None:
    assert ask_teacher(teachers=2, last_ask=None, now=NOW) == Ask(Answer.TOLD, NOW)


def test_a_second_ask_within_the_week_counts_once() -> None:
    earlier = NOW - timedelta(hours=1)
    assert ask_teacher(teachers=1, last_ask=earlier, now=NOW) == Ask(Answer.KNOWN, earlier)
    assert ask_teacher(teachers=1, last_ask=NOW, now=NOW).answer is Answer.KNOWN


def test_after_a_week_a_new_ask_tells_them_again() -> None:
    earlier = NOW - ASK_AGAIN_AFTER
    assert ask_teacher(teachers=1, last_ask=earlier, now=NOW) == Ask(Answer.TOLD, NOW)


def test_without_a_teacher_nothing_is_asked() -> None:
    assert ask_teacher(teachers=0, last_ask=None, now=NOW).answer is Answer.NO_TEACHER
