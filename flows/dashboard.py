"""The staff dashboard's decisions: sign-in tokens, who needs attention, activity per week.

Everything here reads metadata only (dates, counts, steps); no function takes content.
"""

from __future__ import annotations

import enum
import hashlib
import hmac
import secrets
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

LINK_VALID = timedelta(minutes=10)
SESSION_VALID = timedelta(hours=8)
SILENT_AFTER = timedelta(days=7)  # a run of unanswered prompts this old needs a look
WEEKS_SHOWN = 12


def new_token() -> str:
    """A random token for a link or a cookie (256 bits, URL-safe)."""
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    """What is stored of a token: its SHA-256, so a database copy signs nobody in."""
    return hashlib.sha256(token.encode()).hexdigest()


def csrf_token(session_token: str) -> str:
    """The CSRF token of a session, derived from the cookie so nothing more is stored."""
    return hmac.new(session_token.encode(), b"peercoach-dashboard-csrf", "sha256").hexdigest()


def csrf_matches(session_token: str, offered: str) -> bool:
    """Whether a form's CSRF token belongs to this session (compared in constant time)."""
    return hmac.compare_digest(csrf_token(session_token), offered)


class Scope(enum.StrEnum):
    """What a link or session opens: a staff member's cohorts, or only the operations view."""

    STAFF = "staff"  # a teacher or coordinator, by their user id
    OPS = "ops"  # the school's IT contact, from `peercoach ops-link`: no person, no cohorts


@dataclass(frozen=True, slots=True)
class Holder:
    """Who holds a link or a session: a staff member's id, or the operations scope alone."""

    user_id: int | None
    scope: Scope


class Refusal(enum.StrEnum):
    """Why a sign-in link or a page is refused; each has its own page."""

    EXPIRED = "expired"
    USED = "used"
    UNKNOWN = "unknown"  # forged, mistyped, or erased with its person
    NO_SESSION = "no_session"
    NOT_YOURS = "not_yours"  # another cohort's page, or no staff role there
    FORM = "form"  # a form without the right CSRF token


def link_refusal(
    *, exists: bool, used_at: datetime | None, expires_at: datetime | None, now: datetime
) -> Refusal | None:
    """Why a stored link cannot sign in now, or None when it can."""
    if not exists or expires_at is None:
        return Refusal.UNKNOWN
    if used_at is not None:
        return Refusal.USED
    if expires_at <= now:
        return Refusal.EXPIRED
    return None


@dataclass(frozen=True, slots=True)
class Funnel:
    """How far a cohort's students got, counted from the database."""

    invited: int
    joined: int
    consented: int
    in_pool: int
    paired: int
    steps: dict[str, int]
    closed: int
    dissolved: int


class Reason(enum.StrEnum):
    """Why a student is on the needs-attention list."""

    SILENT = "silent"
    NOT_MET = "not_met"
    NO_CLICK = "no_click"
    WAITING = "waiting"
    PAUSED = "paused"


@dataclass(frozen=True, slots=True)
class StudentFacts:
    """What the dashboard knows of one student: dates and flags, never what they wrote."""

    user_id: int
    first_name: str
    in_pool: bool = False
    pool_since: datetime | None = None
    paused_until: datetime | None = None
    paired: bool = False
    silent_since: datetime | None = None  # first of a run of unanswered prompts
    last_ended_no_click: bool = False  # the last match ended for lack of a click
    not_met_at: datetime | None = None  # the last planned conversation did not happen


@dataclass(frozen=True, slots=True)
class Attention:
    """One student who needs a look, with every reason and the date that goes with it."""

    user_id: int
    first_name: str
    reasons: tuple[tuple[Reason, datetime | None], ...] = field(default=())


def needs_attention(students: Iterable[StudentFacts], now: datetime) -> list[Attention]:
    """Students who need a look, by first name: silent, did not meet, no click, waiting or
    paused."""
    found = []
    for s in students:
        reasons: list[tuple[Reason, datetime | None]] = []
        if s.paired and s.silent_since is not None and s.silent_since <= now - SILENT_AFTER:
            reasons.append((Reason.SILENT, s.silent_since))
        if s.paired and s.not_met_at is not None:
            reasons.append((Reason.NOT_MET, s.not_met_at))
        if not s.paired and s.last_ended_no_click:
            reasons.append((Reason.NO_CLICK, None))
        paused = s.paused_until is not None and s.paused_until > now
        if paused:
            reasons.append((Reason.PAUSED, s.paused_until))
        elif s.in_pool and not s.paired:
            reasons.append((Reason.WAITING, s.pool_since))
        if reasons:
            found.append(Attention(s.user_id, s.first_name, tuple(reasons)))
    return sorted(found, key=lambda a: (a.first_name.casefold(), a.user_id))


def week_of(moment: date) -> date:
    """The Monday of a day's week."""
    return moment - timedelta(days=moment.weekday())


@dataclass(frozen=True, slots=True)
class Activity:
    """Per week (by its Monday): students who joined, pairs that began, pairs that ended."""

    weeks: tuple[date, ...]
    joined: tuple[int, ...]
    paired: tuple[int, ...]
    ended: tuple[int, ...]


def weekly(
    *,
    today: date,
    joined: Sequence[date],
    paired: Sequence[date],
    ended: Sequence[date],
    weeks: int = WEEKS_SHOWN,
) -> Activity:
    """Count dates per week over the last `weeks` weeks up to this one; older dates drop off."""
    last = week_of(today)
    mondays = tuple(last - timedelta(weeks=back) for back in range(weeks - 1, -1, -1))

    def per_week(days: Sequence[date]) -> tuple[int, ...]:
        counted = Counter(week_of(day) for day in days)
        return tuple(counted[monday] for monday in mondays)

    return Activity(mondays, per_week(joined), per_week(paired), per_week(ended))


def last_meeting_missed(meetings: object) -> datetime | None:
    """When the last "did you meet?" was answered no, from a snapshot's meetings (at, held)."""
    if not isinstance(meetings, list) or not meetings or not isinstance(meetings[-1], dict):
        return None
    last = meetings[-1]
    if last.get("held") is not False or not isinstance(last.get("at"), str):
        return None
    return datetime.fromisoformat(last["at"])


DIGEST_DAY, DIGEST_TIME = 0, time(9, 0)  # Monday morning, after the quiet hours


def next_digest(now: datetime, zone: ZoneInfo) -> datetime:
    """The next Monday 09:00 in this zone, strictly after now (the weekly digest)."""
    local = now.astimezone(zone)
    days = (DIGEST_DAY - local.weekday()) % 7
    moment = datetime.combine(local.date() + timedelta(days=days), DIGEST_TIME, zone)
    if moment <= now:
        moment = datetime.combine(local.date() + timedelta(days=days + 7), DIGEST_TIME, zone)
    return moment
