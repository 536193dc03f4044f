"""Pure onboarding decisions: invite problems and the language offered first."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from flows.onboarding import (
    InviteFacts,
    InviteProblem,
    Onboarding,
    Role,
    invite_problem,
    language_card_holds,
    preselected_language,
    privacy_notice_key,
    signs_not_allowed,
    stage_after_language,
    valid_cohort_name,
)
from flows.privacy.retention import example_end_year

NOW = datetime(2026, 11, 21, 12, 0, tzinfo=UTC)


def facts(**changes: object) -> InviteFacts:
    base = {
        "role": Role.STUDENT,
        "cohort_id": 1,
        "expires_at": NOW + timedelta(days=1),
        "revoked": False,
        "uses": 0,
        "max_uses": None,
    }
    # Each test changes a field or two by name; the dataclass checks them at run time.
    return InviteFacts(**{**base, **changes})  # type: ignore[arg-type]  # values typed object


@pytest.mark.parametrize(
    ("code", "invite", "problem"),
    [
        ("", None, InviteProblem.MISSING),
        ("abc", None, InviteProblem.UNKNOWN),
        ("abc", facts(revoked=True), InviteProblem.REVOKED),
        ("abc", facts(expires_at=NOW), InviteProblem.EXPIRED),
        ("abc", facts(max_uses=1, uses=1), InviteProblem.USED),
        ("abc", facts(max_uses=1, uses=0), None),
        ("abc", facts(uses=500), None),
    ],
)
def test_invite_problems(code: str, invite: InviteFacts | None, problem: InviteProblem) -> None:
    assert invite_problem(code, invite, NOW) == problem


@pytest.mark.parametrize(
    ("telegram", "default", "offered"),
    [
        ("nl", "nl", "nl"),
        ("en-GB", "nl", "en"),
        ("nl-BE", "en", "nl"),
        ("fr", "en", "en"),
        (None, "nl", "nl"),
    ],
)
def test_language_offered_first(telegram: str | None, default: str, offered: str) -> None:
    assert preselected_language(telegram, default) == offered


def test_language_leads_to_consent_only_once() -> None:
    assert stage_after_language(Onboarding.LANGUAGE) is Onboarding.PRIVACY
    assert stage_after_language(Onboarding.DONE) is Onboarding.DONE


def test_a_joining_language_card_holds_until_a_language_was_chosen() -> None:
    assert language_card_holds("language", Onboarding.LANGUAGE)
    assert not language_card_holds("language", Onboarding.PRIVACY)
    assert not language_card_holds("language", Onboarding.DONE)
    assert language_card_holds(None, Onboarding.PRIVACY)  # /settings, and cards from before
    assert language_card_holds(None, Onboarding.DONE)


@pytest.mark.parametrize(
    ("name", "ok"),
    [("5B Coaching", True), ("x", False), ("-lol", False), ("a" * 81, False), ("Année 2", True)],
)
def test_cohort_names(name: str, ok: bool) -> None:
    assert valid_cohort_name(name) is ok


def test_a_cohort_name_refusal_names_the_characters_that_are_not_allowed() -> None:
    assert signs_not_allowed("6C Other <b>class</b> & co") == "< > /"
    assert signs_not_allowed("Année 2 (V&O) - 't Lyceum") == ""


def test_staff_get_the_notice_of_their_highest_role_and_students_their_own() -> None:
    assert privacy_notice_key([]) == "privacy.notice"
    assert privacy_notice_key([Role.TEACHER, Role.STUDENT]) == "privacy.notice"
    assert privacy_notice_key([Role.CONFIDANT, Role.TEACHER]) == "privacy.notice_teacher"
    assert privacy_notice_key([Role.CONFIDANT]) == "privacy.notice_confidant"
    assert privacy_notice_key([Role.TEACHER, Role.COORDINATOR]) == "privacy.notice_coordinator"


def test_the_end_date_example_is_the_next_30_june() -> None:
    assert example_end_year(date(2026, 12, 6)) == 2027
    assert example_end_year(date(2027, 3, 1)) == 2027
    assert example_end_year(date(2027, 6, 30)) == 2027  # a last day may be today
    assert example_end_year(date(2027, 7, 1)) == 2028
