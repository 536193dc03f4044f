"""Tables of the teacher's part in peer coaching (issue 16): a coach asking for supervision."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from storage.models import Base, utcnow


class SupervisionAsk(Base):
    """That a coach asked their teachers of a cohort for supervision, and when; nothing more."""

    __tablename__ = "supervision_asks"

    cohort_id: Mapped[int] = mapped_column(
        ForeignKey("cohorts.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    asked_at: Mapped[datetime] = mapped_column(default=utcnow)


class PracticeRun(Base):
    """A student's practice conversation with a scripted coachee: where they are, and whether
    they ever finished one (teachers see that tick, never the conversation)."""

    __tablename__ = "practice_runs"

    user_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    cohort_id: Mapped[int] = mapped_column(ForeignKey("cohorts.id", ondelete="CASCADE"))
    character: Mapped[str] = mapped_column(String(32))
    step: Mapped[str] = mapped_column(String(16))  # a practice step, or "done" / "stopped"
    heard: Mapped[int] = mapped_column(default=0)
    question: Mapped[int] = mapped_column(default=0)
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    practised_at: Mapped[datetime | None]  # the first practice finished; stays


class PracticeRule(Base):
    """A cohort whose students practise once before they can join the pairing pool."""

    __tablename__ = "practice_rules"

    cohort_id: Mapped[int] = mapped_column(
        ForeignKey("cohorts.id", ondelete="CASCADE"), primary_key=True
    )
    required_at: Mapped[datetime] = mapped_column(default=utcnow)
