"""Age-aware consent at joining: who a young student needs, and what a parent link may do."""

from __future__ import annotations

import enum
from dataclasses import dataclass

# The age below which a parent's consent matters, by country (GDPR art. 8 as each applies it).
THRESHOLDS = {"NL": 16, "BE": 13}
DEFAULT_THRESHOLD = 16
PARENT_PREFIX = "parent-"  # a /start argument that is a parent link, not an invite code


class AgeBand(enum.StrEnum):
    """What a student said at joining: under the cohort's threshold, or at or above it."""

    YOUNG = "young"
    OLDER = "older"


class Policy(enum.StrEnum):
    """How a cohort's young students get consent: the school's arrangement or a parent's."""

    SCHOOL = "school"  # the coordinator confirms once that parents were informed
    PARENT = "parent"  # a parent opens a link and agrees, per student


class Path(enum.StrEnum):
    """What joining does with a student who just gave their age band."""

    JOIN = "join"  # joins now
    ASK_PARENT = "ask_parent"  # waits, storing nothing more, until a parent agrees


class Block(enum.StrEnum):
    """Why a student may not be put in the pool (yet)."""

    SCHOOL_UNCONFIRMED = "school_unconfirmed"
    PARENT_PENDING = "parent_pending"
    WITHDRAWN = "withdrawn"


class LinkProblem(enum.StrEnum):
    """Why a parent link cannot be used by the person who opened it."""

    UNKNOWN = "unknown"  # no such link (or the student was erased)
    OWN = "own"  # the student opened their own parent link
    MEMBER = "member"  # someone already in the cohort: a classmate, teacher or the like
    OTHER_PARENT = "other_parent"  # agreed already, by someone else


@dataclass(frozen=True, slots=True)
class ConsentFacts:
    """A student's consent record in one cohort, as far as the rules need it."""

    band: AgeBand
    policy: Policy
    parent_agreed: bool
    withdrawn: bool


def threshold_for(country: str, override: int | None) -> int:
    """The age threshold of a cohort: its own setting, else its country's."""
    if override is not None:
        return override
    return THRESHOLDS.get(country, DEFAULT_THRESHOLD)


def join_path(band: AgeBand, policy: Policy) -> Path:
    """Older students and young ones at a school that arranged consent join at once."""
    if band is AgeBand.YOUNG and policy is Policy.PARENT:
        return Path.ASK_PARENT
    return Path.JOIN


def pool_block(facts: ConsentFacts | None, *, school_confirmed: bool) -> Block | None:
    """Why this student may not join the pool, or None when they may."""
    if facts is None or facts.band is AgeBand.OLDER:
        return None
    if facts.withdrawn:
        return Block.WITHDRAWN
    if facts.policy is Policy.PARENT:
        return None if facts.parent_agreed else Block.PARENT_PENDING
    return None if school_confirmed else Block.SCHOOL_UNCONFIRMED


def link_problem(
    *,
    found: bool,
    opener_id: int,
    student_id: int,
    opener_in_cohort: bool,
    agreed_by: int | None,
) -> LinkProblem | None:
    """Whether the person who opened a parent link may answer it (None: they may)."""
    if not found:
        return LinkProblem.UNKNOWN
    if opener_id == student_id:
        return LinkProblem.OWN
    if opener_in_cohort:
        return LinkProblem.MEMBER
    if agreed_by is not None and agreed_by != opener_id:
        return LinkProblem.OTHER_PARENT
    return None
