"""The dashboard's pure rules: links, CSRF, who needs attention, weeks."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from flows.dashboard import (
    Reason,
    Refusal,
    StudentFacts,
    csrf_matches,
    csrf_token,
    last_meeting_missed,
    link_refusal,
    needs_attention,
    new_token,
    next_digest,
    token_hash,
    week_of,
    weekly,
)

NOW = datetime(2026, 12, 5, 12, tzinfo=UTC)


def test_a_link_is_refused_for_the_first_reason_that_holds() -> None:
    later = NOW + timedelta(minutes=5)
    assert link_refusal(exists=True, used_at=None, expires_at=later, now=NOW) is None
    assert link_refusal(exists=True, used_at=None, expires_at=NOW, now=NOW) is Refusal.EXPIRED
    # Used and since expired: still "used", which tells a forwarded link's reader more.
    used = link_refusal(exists=True, used_at=NOW, expires_at=NOW - timedelta(1), now=NOW)
    assert used is Refusal.USED
    assert link_refusal(exists=False, used_at=None, expires_at=None, now=NOW) is Refusal.UNKNOWN


def test_tokens_are_random_and_stored_as_hashes_only() -> None:
    first, second = new_token(), new_token()
    assert first != second and len(first) >= 40
    assert token_hash(first) != first and len(token_hash(first)) == 64
    assert token_hash(first) == token_hash(first)


def test_a_csrf_token_belongs_to_its_session_only() -> None:
    mine, theirs = new_token(), new_token()
    assert csrf_matches(mine, csrf_token(mine))
    assert not csrf_matches(mine, csrf_token(theirs))
    assert not csrf_matches(mine, "")


def facts(name: str, **kwargs: object) -> StudentFacts:
    return StudentFacts(user_id=sum(map(ord, name)), first_name=name, **kwargs)  # type: ignore[arg-type]


def test_needs_attention_reasons() -> None:
    week_ago = NOW - timedelta(days=7)
    students = [
        facts("zoë", paired=True, silent_since=week_ago),
        facts("Amir", paired=True, silent_since=NOW - timedelta(days=6)),  # not long enough
        facts("Bo", in_pool=True, pool_since=week_ago),
        facts("Cas", in_pool=True, paused_until=NOW + timedelta(days=2)),
        facts("Dewi", in_pool=True, pool_since=week_ago, paused_until=NOW - timedelta(days=1)),
        facts("Elif", last_ended_no_click=True, in_pool=True, pool_since=week_ago),
        facts("Fenna", paired=True, last_ended_no_click=True),  # paired again: fine
        facts("Gijs"),  # joined, not in the pool: their choice
        facts("Hira", paired=True, not_met_at=week_ago),
    ]
    found = {a.first_name: a.reasons for a in needs_attention(students, NOW)}
    assert found == {
        "Bo": ((Reason.WAITING, week_ago),),
        "Cas": ((Reason.PAUSED, NOW + timedelta(days=2)),),
        "Dewi": ((Reason.WAITING, week_ago),),
        "Elif": ((Reason.NO_CLICK, None), (Reason.WAITING, week_ago)),
        "Hira": ((Reason.NOT_MET, week_ago),),
        "zoë": ((Reason.SILENT, week_ago),),
    }
    assert [a.first_name for a in needs_attention(students, NOW)] == [
        "Bo",
        "Cas",
        "Dewi",
        "Elif",
        "Hira",
        "zoë",
    ]


def test_activity_per_week_counts_the_last_weeks_from_monday() -> None:
    today = date(2026, 12, 5)  # a Saturday
    assert week_of(today) == date(2026, 11, 30)
    activity = weekly(
        today=today,
        joined=[date(2026, 11, 30), date(2026, 12, 5), date(2026, 11, 29), date(2025, 1, 1)],
        paired=[date(2026, 11, 23)],
        ended=[],
        weeks=3,
    )
    assert activity.weeks == (date(2026, 11, 16), date(2026, 11, 23), date(2026, 11, 30))
    assert activity.joined == (0, 1, 2)  # the Sunday counts in the week before; 2025 drops off
    assert activity.paired == (0, 1, 0)
    assert activity.ended == (0, 0, 0)


def test_only_a_last_meeting_answered_no_counts_as_missed() -> None:
    held = {"at": NOW.isoformat(), "held": True}
    missed = {"at": NOW.isoformat(), "held": False}
    assert last_meeting_missed([held, missed]) == NOW
    assert last_meeting_missed([missed, held]) is None
    assert last_meeting_missed([]) is None
    assert last_meeting_missed(None) is None
    assert last_meeting_missed("not a list") is None


def test_the_digest_comes_on_monday_at_nine_local_time() -> None:
    zone = ZoneInfo("Europe/Brussels")
    saturday = datetime(2026, 12, 5, 12, tzinfo=UTC)
    monday_9 = datetime(2026, 12, 7, 9, tzinfo=zone)
    assert next_digest(saturday, zone) == monday_9
    assert next_digest(monday_9 - timedelta(minutes=1), zone) == monday_9
    assert next_digest(monday_9, zone) == monday_9 + timedelta(weeks=1)
