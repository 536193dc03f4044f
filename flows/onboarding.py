"""Joining a cohort: roles, invite checks, language choice and consent, decided without I/O."""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

LANGUAGES = ("nl", "en")
COHORT_NAME = re.compile(r"^[\w][\w .'&()-]{1,79}$")
NAME_SIGN = re.compile(r"[\w .'&()-]")  # one character a cohort name may hold


class Role(enum.StrEnum):
    """What a person is in one cohort."""

    STUDENT = "student"
    TEACHER = "teacher"
    COORDINATOR = "coordinator"
    CONFIDANT = "confidant"  # the school's trusted adult: vertrouwenspersoon, CLB contact


class Onboarding(enum.StrEnum):
    """How far a person got through joining: language, then consent (a parent's too), done."""

    LANGUAGE = "language"
    PRIVACY = "privacy"
    PARENT = "parent"  # a young student waiting for a parent's consent: nothing more is kept
    DONE = "done"


class InviteProblem(enum.StrEnum):
    """Why an invite code cannot be used; each has its own explanation for the user."""

    MISSING = "missing"
    UNKNOWN = "unknown"
    REVOKED = "revoked"
    EXPIRED = "expired"
    USED = "used"


@dataclass(frozen=True, slots=True)
class InviteFacts:
    """What storage knows about an invite code."""

    role: Role
    cohort_id: int
    expires_at: datetime
    revoked: bool
    uses: int
    max_uses: int | None


def invite_problem(
    code: str | None, facts: InviteFacts | None, now: datetime
) -> InviteProblem | None:
    """Why this code cannot be used right now, or None when it can."""
    if not code:
        return InviteProblem.MISSING
    if facts is None:
        return InviteProblem.UNKNOWN
    if facts.revoked:
        return InviteProblem.REVOKED
    if facts.expires_at <= now:
        return InviteProblem.EXPIRED
    if facts.max_uses is not None and facts.uses >= facts.max_uses:
        return InviteProblem.USED
    return None


def preselected_language(telegram_code: str | None, default: str) -> str:
    """The language to offer first: Telegram's own setting when we speak it."""
    if telegram_code:
        prefix = telegram_code.split("-")[0].lower()
        if prefix in LANGUAGES:
            return prefix
    return default


def stage_after_language(current: Onboarding) -> Onboarding:
    """Choosing a language leads to the privacy notice unless consent was already given."""
    return Onboarding.PRIVACY if current is Onboarding.LANGUAGE else current


def language_card_holds(made_for: object, current: Onboarding) -> bool:
    """Whether a language card still counts: one shown while joining (made for the language
    stage) only until a language was chosen; a /settings card (made for no stage) always."""
    return made_for is None or made_for == current.value


STAFF_RANK = (Role.COORDINATOR, Role.TEACHER, Role.CONFIDANT)


def privacy_notice_key(roles: Iterable[Role]) -> str:
    """The privacy notice that fits someone with these roles: a student's (also for a newcomer,
    and for anyone who is a student somewhere), else the one of their highest staff role."""
    held = set(roles)
    if not held or Role.STUDENT in held:
        return "privacy.notice"
    return f"privacy.notice_{next(role for role in STAFF_RANK if role in held).value}"


def valid_cohort_name(name: str) -> bool:
    """Whether a cohort name is short, printable and starts with a letter or digit."""
    return bool(COHORT_NAME.match(name.strip()))


def signs_not_allowed(name: str) -> str:
    """The characters a cohort name may not hold, each once in the order typed ("" if none)."""
    wrong = (c for c in name.strip() if not NAME_SIGN.fullmatch(c))
    return " ".join(dict.fromkeys(wrong))
