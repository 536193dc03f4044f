"""Age-aware consent: thresholds, who waits for a parent, who may join the pool, parent links."""

from __future__ import annotations

from flows.safety.consent import (
    AgeBand,
    Block,
    ConsentFacts,
    LinkProblem,
    Path,
    Policy,
    join_path,
    link_problem,
    pool_block,
    threshold_for,
)


def test_threshold_follows_the_country_unless_the_cohort_sets_its_own() -> None:
    assert threshold_for("NL", None) == 16
    assert threshold_for("BE", None) == 13
    assert threshold_for("BE", 15) == 15


def test_only_a_young_student_of_a_parent_confirms_cohort_waits() -> None:
    assert join_path(AgeBand.YOUNG, Policy.PARENT) is Path.ASK_PARENT
    assert join_path(AgeBand.YOUNG, Policy.SCHOOL) is Path.JOIN
    assert join_path(AgeBand.OLDER, Policy.PARENT) is Path.JOIN


def _facts(band: AgeBand, policy: Policy, *, agreed: bool = False, withdrawn: bool = False):
    return ConsentFacts(band=band, policy=policy, parent_agreed=agreed, withdrawn=withdrawn)


def test_pool_needs_the_consent_that_fits_the_policy() -> None:
    young_parent = _facts(AgeBand.YOUNG, Policy.PARENT)
    assert pool_block(young_parent, school_confirmed=True) is Block.PARENT_PENDING
    agreed = _facts(AgeBand.YOUNG, Policy.PARENT, agreed=True)
    assert pool_block(agreed, school_confirmed=False) is None
    withdrawn = _facts(AgeBand.YOUNG, Policy.PARENT, agreed=True, withdrawn=True)
    assert pool_block(withdrawn, school_confirmed=True) is Block.WITHDRAWN
    young_school = _facts(AgeBand.YOUNG, Policy.SCHOOL)
    assert pool_block(young_school, school_confirmed=False) is Block.SCHOOL_UNCONFIRMED
    assert pool_block(young_school, school_confirmed=True) is None
    assert pool_block(_facts(AgeBand.OLDER, Policy.PARENT), school_confirmed=False) is None
    assert pool_block(None, school_confirmed=False) is None  # joined before consent existed


def test_a_parent_link_refuses_the_student_and_cohort_members() -> None:
    base = {"found": True, "student_id": 7, "opener_in_cohort": False, "agreed_by": None}
    assert link_problem(**{**base, "opener_id": 9}) is None  # type: ignore[arg-type]
    assert link_problem(**{**base, "opener_id": 7}) is LinkProblem.OWN  # type: ignore[arg-type]
    member = {**base, "opener_id": 9, "opener_in_cohort": True}
    assert link_problem(**member) is LinkProblem.MEMBER  # type: ignore[arg-type]
    other = {**base, "opener_id": 9, "agreed_by": 8}
    assert link_problem(**other) is LinkProblem.OTHER_PARENT  # type: ignore[arg-type]
    same = {**base, "opener_id": 8, "agreed_by": 8}
    assert link_problem(**same) is None  # type: ignore[arg-type]
    gone = {**base, "found": False, "opener_id": 9}
    assert link_problem(**gone) is LinkProblem.UNKNOWN  # type: ignore[arg-type]
