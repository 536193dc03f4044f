"""Tables of age-aware consent (issue 13): a cohort's policy and each student's consent.

A young student waiting for a parent has a row here and a bare users row (id, language,
the pending invite), nothing else: no name, no membership, until a parent agrees.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from flows.safety.consent import AgeBand, Policy
from storage.models import Base, str_enum, utcnow


class CohortConsent(Base):
    """A cohort's consent policy, its age threshold, and the school's confirmation."""

    __tablename__ = "cohort_consent"

    cohort_id: Mapped[int] = mapped_column(
        ForeignKey("cohorts.id", ondelete="CASCADE"), primary_key=True
    )
    policy: Mapped[Policy] = mapped_column(str_enum(Policy), default=Policy.PARENT)
    age_threshold: Mapped[int | None] = mapped_column(Integer)  # None: by the cohort's country
    # School-arranged: who confirmed that parents were informed, and when.
    informed_by_id: Mapped[int | None] = mapped_column(
        BigInteger, ForeignKey("users.id", ondelete="SET NULL")
    )
    informed_by: Mapped[str | None] = mapped_column(String(128))
    informed_at: Mapped[datetime | None]


class StudentConsent(Base):
    """A student's age band in a cohort and, for a young one, their parent's answer."""

    __tablename__ = "student_consents"

    user_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    cohort_id: Mapped[int] = mapped_column(
        ForeignKey("cohorts.id", ondelete="CASCADE"), primary_key=True
    )
    band: Mapped[AgeBand] = mapped_column(str_enum(AgeBand))
    policy: Mapped[Policy] = mapped_column(str_enum(Policy))  # the cohort's, when they joined
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # The parent link's code (parent-confirms only); the parent's chat once they agreed.
    parent_code: Mapped[str | None] = mapped_column(String(32), unique=True)
    parent_chat_id: Mapped[int | None] = mapped_column(BigInteger)
    agreed_at: Mapped[datetime | None]
    withdrawn_at: Mapped[datetime | None]


class StudentPledge(Base):
    """A student's answer to the confidentiality pledge in a cohort, asked before the pool."""

    __tablename__ = "student_pledges"

    user_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    cohort_id: Mapped[int] = mapped_column(
        ForeignKey("cohorts.id", ondelete="CASCADE"), primary_key=True
    )
    shown_at: Mapped[datetime] = mapped_column(default=utcnow)
    agreed_at: Mapped[datetime | None]
    declined_at: Mapped[datetime | None]
