"""When a cohort's content goes: its end date plus a grace period, with a warning before."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

WARN_BEFORE = timedelta(days=14)


def purge_moment(ends_on: date, grace_days: int, zone: ZoneInfo) -> datetime:
    """The first moment after the grace period, at midnight where the school is."""
    return datetime.combine(ends_on + timedelta(days=grace_days), time(0), tzinfo=zone)


def warning_moment(purge_at: datetime) -> datetime:
    """Coordinators hear two weeks before, so they can take the metadata first."""
    return purge_at - WARN_BEFORE


def parse_end_date(text: str) -> date | None:
    """A cohort's last day as people type it: 2026-06-30 or 30-06-2026 (also with / or .)."""
    parts = text.strip().replace("/", "-").replace(".", "-").split("-")
    if len(parts) != 3 or not all(part.isdigit() for part in parts):
        return None
    first, month, last = (int(part) for part in parts)
    year, day = (first, last) if len(parts[0]) == 4 else (last, first)
    try:
        return date(year, month, day)
    except ValueError:
        return None


def example_end_year(today: date) -> int:
    """The year of the next 30 June (today's, on that day): /enddate's example is never past."""
    return today.year if (today.month, today.day) <= (6, 30) else today.year + 1
