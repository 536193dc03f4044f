"""The tables of group-coaching rooms: one row per room with its snapshot, and pending prompts."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from storage.models import Base, utcnow


class RoomRow(Base):
    """One room in one group chat; the snapshot is flows.room.Room.to_dict() (the truth)."""

    __tablename__ = "rooms"
    __table_args__ = (Index("ix_rooms_chat_state", "chat_id", "state"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    chat_id: Mapped[int] = mapped_column(BigInteger)
    cohort_id: Mapped[int] = mapped_column(ForeignKey("cohorts.id", ondelete="CASCADE"))
    teacher_id: Mapped[int] = mapped_column(BigInteger)
    # A copy of the snapshot's state (gathering … closed) so open rooms are found without JSON.
    state: Mapped[str] = mapped_column(String(16))
    snapshot: Mapped[dict[str, Any]]
    # Counts saves: handy when reading logs, and a check for writers that skipped the row lock.
    version: Mapped[int] = mapped_column(default=1)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    closed_at: Mapped[datetime | None]


class RoomPrompt(Base):
    """A room asked this person for a contribution by private chat; their next text answers it."""

    __tablename__ = "room_prompts"

    user_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    room_id: Mapped[int] = mapped_column(ForeignKey("rooms.id", ondelete="CASCADE"), index=True)
    step_index: Mapped[int]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
