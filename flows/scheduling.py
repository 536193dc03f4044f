"""When to remind, ask and nudge: pure rules on aware datetimes in a zoneinfo time zone.

Every function returns aware datetimes in the given zone and handles daylight saving time by
reasoning in local wall-clock time (the day before at the same hour) where people expect it.
Compare or subtract the results in UTC: Python does wall-clock arithmetic on two datetimes
that share a zone.
"""

from __future__ import annotations

import enum
import functools
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DEFAULT_TZ = "Europe/Brussels"
QUIET_START = time(21, 0)
QUIET_END = time(8, 0)
MEETING_LENGTH = timedelta(hours=1)
NUDGE_AT = time(10, 0)
# After school, at lunch, early evening, and mid-morning for students with free periods.
DEFAULT_SLOT_TIMES = (time(10, 0), time(12, 30), time(16, 0), time(19, 30))
SLOT_LEAD = timedelta(hours=2)


class ReminderKind(enum.StrEnum):
    """Which reminder of a planned conversation."""

    DAY_BEFORE = "day_before"
    HOUR_BEFORE = "hour_before"


@dataclass(frozen=True, slots=True)
class QuietHours:
    """A daily span without reminders or nudges, such as 21:00-08:00 (it may pass midnight)."""

    start: time = QUIET_START
    end: time = QUIET_END

    @classmethod
    def parse(cls, text: str) -> QuietHours:
        """Read "HH:MM-HH:MM"; ValueError with a sentence for anything else."""
        first, dash, second = text.strip().partition("-")
        try:
            if not dash:
                raise ValueError
            quiet = cls(time.fromisoformat(first.strip()), time.fromisoformat(second.strip()))
        except ValueError:
            raise ValueError(f"'{text}' is not a span of hours such as 21:00-08:00") from None
        if quiet.start == quiet.end:
            raise ValueError(f"'{text}' starts and ends at the same time")
        if all(quiet.covers(slot) for slot in DEFAULT_SLOT_TIMES):
            raise ValueError(f"'{text}' leaves no time of day to plan a conversation")
        return quiet

    def covers(self, clock: time) -> bool:
        """Whether a wall-clock time falls in the span (start inclusive, end exclusive)."""
        return _quiet_clock(clock, self.start, self.end)

    def __str__(self) -> str:
        return f"{self.start:%H:%M}-{self.end:%H:%M}"


DEFAULT_QUIET = QuietHours()


@dataclass(frozen=True, slots=True)
class SchoolTime:
    """The time zone and quiet hours a cohort lives by."""

    tz: str = DEFAULT_TZ
    quiet: QuietHours = DEFAULT_QUIET

    @property
    def zone(self) -> ZoneInfo:
        """The time zone as an object."""
        return zone(self.tz)

    def is_quiet(self, moment: datetime) -> bool:
        """Whether a moment falls in these quiet hours, in this zone."""
        return is_quiet(moment, self.tz, self.quiet.start, self.quiet.end)

    def after_quiet(self, moment: datetime) -> datetime:
        """The moment itself when allowed, otherwise when these quiet hours end."""
        return shift_out_of_quiet_hours(moment, self.tz, self.quiet.start, self.quiet.end)


@dataclass(frozen=True, slots=True)
class Reminder:
    """A reminder to send, and when."""

    kind: ReminderKind
    at: datetime


@dataclass(frozen=True, slots=True)
class SlotDay:
    """One day to offer as a button, with the times that can still be chosen on it."""

    day: date
    slots: tuple[datetime, ...]


@functools.cache
def zone(tz: str) -> ZoneInfo:
    """The zone for a name such as "Europe/Brussels"; ValueError for an unknown name."""
    try:
        return ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"unknown time zone {tz!r}") from None


def is_known_zone(name: str) -> bool:
    """Whether a name such as "America/Curacao" is a time zone zoneinfo knows."""
    try:
        zone(name)
    except ValueError:
        return False
    return True


def local_time(day: date, at: time, tz: str = DEFAULT_TZ) -> datetime:
    """Wall-clock `at` on `day` in the zone; a time skipped by DST moves forward by the gap."""
    naive = datetime.combine(day, at)
    return naive.replace(tzinfo=zone(tz)).astimezone(UTC).astimezone(zone(tz))


def exists_locally(day: date, at: time, tz: str = DEFAULT_TZ) -> bool:
    """Whether this wall-clock time happens at all on that day (not skipped by DST)."""
    return local_time(day, at, tz).replace(tzinfo=None) == datetime.combine(day, at)


def is_quiet(
    moment: datetime, tz: str = DEFAULT_TZ, start: time = QUIET_START, end: time = QUIET_END
) -> bool:
    """Whether a moment falls in the quiet hours (start inclusive, end exclusive)."""
    _require_aware(moment)
    return _quiet_clock(moment.astimezone(zone(tz)).time().replace(tzinfo=None), start, end)


def shift_out_of_quiet_hours(
    moment: datetime, tz: str = DEFAULT_TZ, start: time = QUIET_START, end: time = QUIET_END
) -> datetime:
    """The moment itself when allowed, otherwise the end of the quiet hours (the morning)."""
    _require_aware(moment)
    local = moment.astimezone(zone(tz))
    if not is_quiet(local, tz, start, end):
        return local
    clock = local.time().replace(tzinfo=None)
    overnight = start > end and clock >= start
    day = local.date() + timedelta(days=1) if overnight else local.date()
    return local_time(day, end, tz)


def reminder_times(
    planned_at: datetime,
    tz: str = DEFAULT_TZ,
    *,
    now: datetime | None = None,
    quiet: QuietHours = DEFAULT_QUIET,
) -> list[Reminder]:
    """Reminders the day before (same wall-clock time) and an hour before, out of quiet hours.

    A reminder that would land at or after the conversation itself, or before `now`, is left
    out; when both land on the same moment only the hour-before one is kept.
    """
    _require_aware(planned_at)
    local = planned_at.astimezone(zone(tz))
    day_before = local_time(local.date() - timedelta(days=1), local.time(), tz)
    hour_before = local - timedelta(hours=1)
    candidates = [
        Reminder(kind, shift_out_of_quiet_hours(moment, tz, quiet.start, quiet.end))
        for kind, moment in (
            (ReminderKind.DAY_BEFORE, day_before),
            (ReminderKind.HOUR_BEFORE, hour_before),
        )
    ]
    chosen: dict[datetime, Reminder] = {}
    for reminder in candidates:
        moment = _utc(reminder.at)
        if moment >= _utc(planned_at) or (now is not None and moment < _utc(now)):
            continue
        chosen[reminder.at] = reminder  # the later kind wins a tie: it says "in an hour"
    return sorted(chosen.values(), key=lambda r: r.at)


def after_meeting_check_time(
    planned_at: datetime,
    tz: str = DEFAULT_TZ,
    *,
    length: timedelta = MEETING_LENGTH,
    quiet: QuietHours = DEFAULT_QUIET,
) -> datetime:
    """When to ask "did you meet?": once the conversation should be over, out of quiet hours."""
    _require_aware(planned_at)
    return shift_out_of_quiet_hours(planned_at + length, tz, quiet.start, quiet.end)


def step_nudge_time(
    step_due_date: date,
    tz: str = DEFAULT_TZ,
    *,
    at: time = NUDGE_AT,
    quiet: QuietHours = DEFAULT_QUIET,
) -> datetime:
    """The one gentle nudge for a small step: the morning after its date."""
    nudge = local_time(step_due_date + timedelta(days=1), at, tz)
    return shift_out_of_quiet_hours(nudge, tz, quiet.start, quiet.end)


def slot_choices(
    now: datetime,
    tz: str = DEFAULT_TZ,
    *,
    days: int = 7,
    times: tuple[time, ...] = DEFAULT_SLOT_TIMES,
    lead: timedelta = SLOT_LEAD,
    quiet: QuietHours = DEFAULT_QUIET,
) -> list[SlotDay]:
    """Day buttons for the next `days` days that still have a slot, each with its time slots.

    A slot must lie at least `lead` ahead and outside the quiet hours; today only shows when
    one of its slots still fits.
    """
    _require_aware(now)
    if not times:
        raise ValueError("at least one slot time is needed")
    times = tuple(slot for slot in times if not quiet.covers(slot))
    if not times:
        raise ValueError("every slot time lies in the quiet hours")
    today = now.astimezone(zone(tz)).date()
    earliest = _utc(now + lead)
    result: list[SlotDay] = []
    offset = 0
    while len(result) < days:
        day = today + timedelta(days=offset)
        offset += 1
        slots = tuple(
            local_time(day, slot, tz)
            for slot in sorted(times)
            if exists_locally(day, slot, tz) and _utc(local_time(day, slot, tz)) >= earliest
        )
        if slots:
            result.append(SlotDay(day, slots))
    return result


def _utc(moment: datetime) -> datetime:
    # Python compares and subtracts datetimes sharing one tzinfo by wall clock, which is
    # wrong across a DST change; in UTC it is always the real order and distance.
    return moment.astimezone(UTC)


def _quiet_clock(clock: time, start: time, end: time) -> bool:
    if start <= end:
        return start <= clock < end
    return clock >= start or clock < end  # the quiet hours run past midnight


def _require_aware(moment: datetime) -> None:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("datetimes must be timezone-aware")
