"""Reminders, quiet hours, nudges and slot buttons, including daylight saving time."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from flows.scheduling import (
    QuietHours,
    Reminder,
    ReminderKind,
    SchoolTime,
    after_meeting_check_time,
    exists_locally,
    is_quiet,
    local_time,
    reminder_times,
    shift_out_of_quiet_hours,
    slot_choices,
    step_nudge_time,
)

BRUSSELS = ZoneInfo("Europe/Brussels")


def brussels(year: int, month: int, day: int, hour: int, minute: int) -> datetime:
    """A wall-clock moment in Brussels."""
    return datetime(year, month, day, hour, minute, tzinfo=BRUSSELS)


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (brussels(2026, 5, 4, 20, 59), brussels(2026, 5, 4, 20, 59)),
        (brussels(2026, 5, 4, 21, 0), brussels(2026, 5, 5, 8, 0)),
        (brussels(2026, 5, 4, 23, 45), brussels(2026, 5, 5, 8, 0)),
        (brussels(2026, 5, 5, 3, 0), brussels(2026, 5, 5, 8, 0)),
        (brussels(2026, 5, 5, 8, 0), brussels(2026, 5, 5, 8, 0)),
        # 19:30 UTC is 21:30 in Brussels in May: quiet, so the next morning.
        (datetime(2026, 5, 4, 19, 30, tzinfo=UTC), brussels(2026, 5, 5, 8, 0)),
    ],
)
def test_quiet_hours_wait_until_morning(moment: datetime, expected: datetime) -> None:
    shifted = shift_out_of_quiet_hours(moment)
    assert shifted == expected
    assert shifted.tzinfo == BRUSSELS


def test_quiet_hours_across_both_dst_changes() -> None:
    spring = shift_out_of_quiet_hours(brussels(2026, 3, 28, 22, 0))
    assert (spring.hour, spring.utcoffset()) == (8, timedelta(hours=2))
    assert spring.date() == date(2026, 3, 29)
    autumn = shift_out_of_quiet_hours(brussels(2026, 10, 24, 23, 30))
    assert (autumn.hour, autumn.utcoffset()) == (8, timedelta(hours=1))


def test_quiet_hours_can_be_configured_within_one_day() -> None:
    lunch = brussels(2026, 5, 4, 12, 30)
    assert is_quiet(lunch, start=time(12), end=time(13))
    assert shift_out_of_quiet_hours(lunch, start=time(12), end=time(13)) == brussels(
        2026, 5, 4, 13, 0
    )


def test_reminders_the_day_before_and_an_hour_before() -> None:
    planned = brussels(2026, 5, 12, 16, 0)
    assert reminder_times(planned) == [
        Reminder(ReminderKind.DAY_BEFORE, brussels(2026, 5, 11, 16, 0)),
        Reminder(ReminderKind.HOUR_BEFORE, brussels(2026, 5, 12, 15, 0)),
    ]


def test_the_day_before_keeps_the_wall_clock_time_across_dst() -> None:
    planned = brussels(2026, 3, 29, 10, 0)  # clocks went forward at 02:00 that night
    day_before, hour_before = reminder_times(planned)
    assert day_before.at.replace(tzinfo=None) == datetime(2026, 3, 28, 10, 0)
    assert planned.astimezone(UTC) - day_before.at.astimezone(UTC) == timedelta(hours=23)
    assert hour_before.at == brussels(2026, 3, 29, 9, 0)


def test_an_early_conversation_is_reminded_when_the_morning_starts() -> None:
    assert reminder_times(brussels(2026, 5, 12, 8, 30)) == [
        Reminder(ReminderKind.DAY_BEFORE, brussels(2026, 5, 11, 8, 30)),
        Reminder(ReminderKind.HOUR_BEFORE, brussels(2026, 5, 12, 8, 0)),
    ]
    # An hour before 08:00 would only be sent at 08:00 itself: pointless, so left out.
    assert [r.kind for r in reminder_times(brussels(2026, 5, 12, 8, 0))] == [
        ReminderKind.DAY_BEFORE
    ]


def test_reminders_already_past_are_left_out() -> None:
    planned = brussels(2026, 5, 12, 16, 0)
    assert [r.kind for r in reminder_times(planned, now=brussels(2026, 5, 12, 9, 0))] == [
        ReminderKind.HOUR_BEFORE
    ]


def test_did_you_meet_is_asked_after_the_conversation_but_not_at_night() -> None:
    assert after_meeting_check_time(brussels(2026, 5, 12, 16, 0)) == brussels(2026, 5, 12, 17, 0)
    late = after_meeting_check_time(brussels(2026, 10, 24, 20, 30))
    assert late == brussels(2026, 10, 25, 8, 0)
    assert late.utcoffset() == timedelta(hours=1)  # winter time again


def test_a_small_step_is_nudged_the_morning_after_its_date() -> None:
    nudge = step_nudge_time(date(2026, 3, 28))
    assert nudge == brussels(2026, 3, 29, 10, 0)
    assert nudge.utcoffset() == timedelta(hours=2)


def test_slot_choices_offer_seven_days_of_daytime_slots() -> None:
    now = brussels(2026, 5, 11, 11, 0)  # a Monday morning
    days = slot_choices(now)
    assert len(days) == 7
    assert [d.day for d in days] == [date(2026, 5, 11) + timedelta(days=n) for n in range(7)]
    assert [s.strftime("%H:%M") for s in days[0].slots] == ["16:00", "19:30"]
    assert [s.strftime("%H:%M") for s in days[1].slots] == ["10:00", "12:30", "16:00", "19:30"]
    for day in days:
        for slot in day.slots:
            assert slot.tzinfo == BRUSSELS and slot.date() == day.day
            assert not is_quiet(slot) and slot >= now + timedelta(hours=2)


def test_slot_choices_skip_a_day_without_slots_left() -> None:
    days = slot_choices(brussels(2026, 5, 11, 20, 0))
    assert days[0].day == date(2026, 5, 12) and len(days) == 7


def test_slot_choices_on_the_dst_day_keep_their_wall_clock() -> None:
    (sunday, *_) = slot_choices(brussels(2026, 3, 29, 0, 30), days=1)
    assert [s.strftime("%H:%M %z") for s in sunday.slots] == [
        "10:00 +0200",
        "12:30 +0200",
        "16:00 +0200",
        "19:30 +0200",
    ]


def test_slots_in_quiet_hours_are_refused() -> None:
    with pytest.raises(ValueError, match="quiet hours"):
        slot_choices(brussels(2026, 5, 11, 9, 0), times=(time(22, 0),))


def test_wall_clock_times_skipped_by_dst_move_forward() -> None:
    assert not exists_locally(date(2026, 3, 29), time(2, 30))
    assert exists_locally(date(2026, 3, 29), time(3, 30))
    assert local_time(date(2026, 3, 29), time(2, 30)) == brussels(2026, 3, 29, 3, 30)


def test_other_time_zones_and_bad_input() -> None:
    tokyo = shift_out_of_quiet_hours(datetime(2026, 5, 4, 13, 0, tzinfo=UTC), "Asia/Tokyo")
    assert tokyo.replace(tzinfo=None) == datetime(2026, 5, 5, 8, 0)  # 22:00 in Tokyo
    with pytest.raises(ValueError, match="unknown time zone"):
        reminder_times(brussels(2026, 5, 12, 16, 0), "Mars/Olympus")
    with pytest.raises(ValueError, match="timezone-aware"):
        reminder_times(datetime(2026, 5, 12, 16, 0))


def test_quiet_hours_are_read_from_text_with_a_sentence_for_nonsense() -> None:
    assert QuietHours.parse(" 21:00 - 08:00 ") == QuietHours(time(21), time(8))
    assert str(QuietHours.parse("12:00-14:30")) == "12:00-14:30"
    for text, reason in [
        ("22-7", "is not a span of hours such as 21:00-08:00"),
        ("21:00", "is not a span of hours"),
        ("25:00-08:00", "is not a span of hours"),
        ("08:00-08:00", "starts and ends at the same time"),
        ("07:00-23:00", "leaves no time of day to plan a conversation"),
    ]:
        with pytest.raises(ValueError, match=reason):
            QuietHours.parse(text)


def test_a_cohort_abroad_gets_slots_reminders_and_mornings_of_its_own() -> None:
    lunch = QuietHours(time(12), time(14))
    now = datetime(2026, 5, 11, 9, 0, tzinfo=UTC)  # Monday 05:00 in Curaçao
    days = slot_choices(now, "America/Curacao", quiet=lunch)
    assert [f"{slot:%H:%M %z}" for slot in days[0].slots] == [
        "10:00 -0400",
        "16:00 -0400",
        "19:30 -0400",
    ]
    school = SchoolTime("America/Curacao", lunch)
    twelve_thirty = datetime(2026, 5, 12, 16, 30, tzinfo=UTC)
    assert school.is_quiet(twelve_thirty) and not SchoolTime().is_quiet(twelve_thirty)
    assert school.after_quiet(twelve_thirty) == datetime(2026, 5, 12, 18, 0, tzinfo=UTC)
    planned = datetime(2026, 5, 13, 17, 0, tzinfo=UTC)  # Wednesday 13:00 in Curaçao
    # The day before at 13:00 waits for the end of lunch; an hour before (12:00) would wait
    # past the conversation itself, so it is left out.
    [reminder] = reminder_times(planned, school.tz, quiet=school.quiet)
    assert reminder.kind is ReminderKind.DAY_BEFORE
    assert reminder.at == datetime(2026, 5, 12, 18, 0, tzinfo=UTC)
