"""The dance check's table: three taps per person per conversation, for the pair alone."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from storage.models import Base, utcnow


class DanceCheck(Base):
    """One person's answers about one conversation: who led, the rhythm, feeling heard."""

    __tablename__ = "dance_checks"
    __table_args__ = (UniqueConstraint("trajectory_id", "conversation", "user_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    match_id: Mapped[int] = mapped_column(ForeignKey("matches.id", ondelete="CASCADE"), index=True)
    trajectory_id: Mapped[int] = mapped_column(ForeignKey("trajectories.id", ondelete="CASCADE"))
    conversation: Mapped[int] = mapped_column(Integer)  # the trajectory's held conversations
    user_id: Mapped[int] = mapped_column(BigInteger, index=True)
    partner_id: Mapped[int] = mapped_column(BigInteger)  # "the other" of "who led"
    led: Mapped[str] = mapped_column(String(8))
    rhythm: Mapped[str] = mapped_column(String(8))
    heard: Mapped[str] = mapped_column(String(8))
    answered_at: Mapped[datetime] = mapped_column(default=utcnow)
    shown_at: Mapped[datetime | None]  # when the pair saw it at the next conversation's start
