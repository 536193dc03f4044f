"""Tables of peer-coaching trajectories: snapshots, the pair's shared state, awaited input."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from storage.models import Base, utcnow


class TrajectoryRow(Base):
    """One coach-and-coachee trajectory of a match, stored as its flows snapshot."""

    __tablename__ = "trajectories"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    match_id: Mapped[int] = mapped_column(ForeignKey("matches.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)  # order within the match (triad rotation)
    # Plain ids, no foreign keys: what one partner captured stays with the other when they leave.
    coach_id: Mapped[int] = mapped_column(BigInteger, index=True)
    coachee_id: Mapped[int] = mapped_column(BigInteger, index=True)
    observer_id: Mapped[int | None] = mapped_column(BigInteger)
    # The step mirrors the snapshot so overviews read metadata without decoding content.
    step: Mapped[str] = mapped_column(String(16))
    snapshot: Mapped[dict[str, Any]]
    # Where the coach is on the prompt card: which theme, which question.
    theme: Mapped[int] = mapped_column(default=0)
    question: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class PairState(Base):
    """What the members of a match share beyond each trajectory: click check, conversation, plan,
    and who let the bot's prompts pass."""

    __tablename__ = "trajectory_pairs"

    match_id: Mapped[int] = mapped_column(
        ForeignKey("matches.id", ondelete="CASCADE"), primary_key=True
    )
    click: Mapped[dict[str, Any] | None]  # the ClickCheck while it runs (who answered, no count)
    click_done: Mapped[bool] = mapped_column(default=False)
    talking_id: Mapped[int | None] = mapped_column(Integer)  # the trajectory now in conversation
    mode: Mapped[str | None] = mapped_column(String(8))  # chat or face
    conversations: Mapped[int] = mapped_column(default=0)  # conversations started, ever
    # The last conversation's trajectory and mode: the next one starts there without asking.
    last_talking_id: Mapped[int | None] = mapped_column(Integer)
    last_mode: Mapped[str | None] = mapped_column(String(8))
    next_meeting: Mapped[datetime | None]
    # Per member (by id as text): the prompts they let pass in a row (a flows Silence), no content.
    silences: Mapped[dict[str, Any] | None]
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class AwaitedInput(Base):
    """What a person's next free text (or button) answers; /cancel drops it, half or not."""

    __tablename__ = "trajectory_inputs"

    user_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    trajectory_id: Mapped[int | None] = mapped_column(
        ForeignKey("trajectories.id", ondelete="CASCADE")
    )
    kind: Mapped[str] = mapped_column(String(32))
    data: Mapped[dict[str, Any]] = mapped_column(default=dict)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class CohortScript(Base):
    """A coordinator's own coaching script for a cohort, in one language (validated TOML)."""

    __tablename__ = "cohort_scripts"

    cohort_id: Mapped[int] = mapped_column(
        ForeignKey("cohorts.id", ondelete="CASCADE"), primary_key=True
    )
    language: Mapped[str] = mapped_column(String(8), primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    uploaded_by: Mapped[int | None] = mapped_column(BigInteger)
    uploaded_at: Mapped[datetime] = mapped_column(default=utcnow)
