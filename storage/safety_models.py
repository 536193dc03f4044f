"""Tables of the worry route (issue 13): a cohort's country, talks with a confidant, nudges.

No table holds what anyone wrote: talks are relayed, never stored, and a serious word only
leaves a note that the writer was shown the help card in that conversation.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import BigInteger, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from storage.models import Base, utcnow


class CohortSafety(Base):
    """A cohort's safety settings: the country whose help lines its students see."""

    __tablename__ = "cohort_safety"

    cohort_id: Mapped[int] = mapped_column(
        ForeignKey("cohorts.id", ondelete="CASCADE"), primary_key=True
    )
    country: Mapped[str | None] = mapped_column(String(2))  # None: the settings' country


class WorryTalk(Base):
    """A student asked a confidant to talk: who, whom, when; never what about."""

    __tablename__ = "worry_talks"
    __table_args__ = (Index("ix_worry_talks_people", "student_id", "confidant_id", "closed_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    cohort_id: Mapped[int] = mapped_column(ForeignKey("cohorts.id", ondelete="CASCADE"))
    student_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("users.id", ondelete="CASCADE"))
    confidant_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("users.id", ondelete="CASCADE")
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    answered_at: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]


class WorryLine(Base):
    """Where a person's free text goes for now: to the other side of one talk."""

    __tablename__ = "worry_lines"

    user_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    talk_id: Mapped[int] = mapped_column(ForeignKey("worry_talks.id", ondelete="CASCADE"))
    opened_at: Mapped[datetime] = mapped_column(default=utcnow)


class SafetyPledge(Base):
    """A match member's answer to the confidentiality pledge (shown, agreed, declined)."""

    __tablename__ = "safety_pledges"

    match_id: Mapped[int] = mapped_column(
        ForeignKey("matches.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    shown_at: Mapped[datetime] = mapped_column(default=utcnow)
    agreed_at: Mapped[datetime | None]
    declined_at: Mapped[datetime | None]


class WorryStart(Base):
    """A worry route was opened in a cohort on a day: no person, so staff see a number only."""

    __tablename__ = "worry_starts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    cohort_id: Mapped[int] = mapped_column(ForeignKey("cohorts.id", ondelete="CASCADE"), index=True)
    started_on: Mapped[date]  # the day, not the moment: harder to tie to one student's message


class SafetyNudge(Base):
    """The help card was shown to the writer in this conversation (so it shows once)."""

    __tablename__ = "safety_nudges"

    user_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    scope: Mapped[str] = mapped_column(String(48), primary_key=True)
    shown_at: Mapped[datetime] = mapped_column(default=utcnow)
