"""A planned conversation as an iCalendar (.ics) file, with the time in the cohort's zone."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

PRODUCT = "-//PeerCoach//Peer coaching//EN"
LENGTH = timedelta(minutes=30)  # a conversation's usual length; the student moves the end


@dataclass(frozen=True, slots=True)
class Meeting:
    """What a calendar entry says: one stable id per pair, when, where it lives and its words."""

    uid: str
    start: datetime
    zone: ZoneInfo
    summary: str
    description: str
    issued: datetime  # when this version was made: a later version replaces an earlier one


def ics(meeting: Meeting) -> bytes:
    """The calendar file; importing a newer one with the same uid moves the entry."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    event = Event()
    event.add("uid", meeting.uid)
    start = meeting.start.astimezone(meeting.zone)
    event.add("dtstart", start)
    event.add("dtend", start + LENGTH)
    event.add("dtstamp", meeting.issued)
    # Calendars keep the entry with the highest sequence: a re-planned time wins.
    event.add("sequence", int(meeting.issued.timestamp()) // 60)
    event.add("summary", meeting.summary)
    event.add("description", meeting.description)
    calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()
