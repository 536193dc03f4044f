"""The tables of breakouts: one row per breakout with its snapshot, and who is in a running one."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from storage.models import Base, utcnow


class BreakoutRow(Base):
    """One breakout in one class group; the snapshot is flows.breakout.Breakout.to_dict()."""

    __tablename__ = "breakouts"
    __table_args__ = (Index("ix_breakouts_chat_state", "chat_id", "state"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    chat_id: Mapped[int] = mapped_column(BigInteger)
    cohort_id: Mapped[int] = mapped_column(ForeignKey("cohorts.id", ondelete="CASCADE"))
    teacher_id: Mapped[int] = mapped_column(BigInteger)
    # A copy of the snapshot's state so open breakouts are found without reading JSON.
    state: Mapped[str] = mapped_column(String(16))
    snapshot: Mapped[dict[str, Any]]
    version: Mapped[int] = mapped_column(default=1)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    closed_at: Mapped[datetime | None]


class BreakoutMember(Base):
    """Someone in a breakout that is not closed yet: their private texts go to their group."""

    __tablename__ = "breakout_members"

    user_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    breakout_id: Mapped[int] = mapped_column(
        ForeignKey("breakouts.id", ondelete="CASCADE"), index=True
    )
