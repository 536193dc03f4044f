"""Tables of pairing: the opt-in pool with each student's profile, private wishes, and rounds."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from flows.pairing import RoundMode, Wants
from flows.pairing.ending import RoundEnding
from storage.models import Base, str_enum, utcnow


class PoolStatus(enum.StrEnum):
    """Whether a student is in a cohort's pairing pool or left it."""

    ACTIVE = "active"
    LEFT = "left"


class RoundKind(enum.StrEnum):
    """A whole round, a re-pairing of a few people, or pairs imported from a spreadsheet."""

    ROUND = "round"
    REPAIR = "repair"
    IMPORT = "import"


class RoundStatus(enum.StrEnum):
    """A proposal the coordinator is still shaping, one that was confirmed, or one thrown away."""

    DRAFT = "draft"
    CONFIRMED = "confirmed"
    DISCARDED = "discarded"


class PoolEntry(Base):
    """A student who opted in to be paired in a cohort, with the profile partners get to see."""

    __tablename__ = "pairing_pool"
    __table_args__ = (UniqueConstraint("cohort_id", "user_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    cohort_id: Mapped[int] = mapped_column(ForeignKey("cohorts.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    status: Mapped[PoolStatus] = mapped_column(str_enum(PoolStatus), default=PoolStatus.ACTIVE)
    wants: Mapped[Wants] = mapped_column(str_enum(Wants), default=Wants.BOTH)
    availability: Mapped[list[str]] = mapped_column(JSON, default=list)  # e.g. ["tue-pm"]
    language: Mapped[str] = mapped_column(String(8), default="nl")
    about: Mapped[str | None] = mapped_column(String(200))
    interests: Mapped[str | None] = mapped_column(String(200))
    paused_until: Mapped[datetime | None]
    # Which free-text answer of the profile dialogue the next message is (about, interests).
    awaiting: Mapped[str | None] = mapped_column(String(16))
    awaiting_since: Mapped[datetime | None]
    joined_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    left_at: Mapped[datetime | None]


class DoNotPair(Base):
    """A private wish not to be paired with someone; only the pairing algorithm reads it."""

    __tablename__ = "pairing_do_not_pair"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    other_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class PairingRound(Base):
    """A proposed or confirmed round (or re-pairing) of a cohort, its settings and proposal."""

    __tablename__ = "pairing_rounds"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    cohort_id: Mapped[int] = mapped_column(ForeignKey("cohorts.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(default=1)  # re-pairings share their round's number
    kind: Mapped[RoundKind] = mapped_column(str_enum(RoundKind), default=RoundKind.ROUND)
    status: Mapped[RoundStatus] = mapped_column(str_enum(RoundStatus), default=RoundStatus.DRAFT)
    mode: Mapped[RoundMode] = mapped_column(str_enum(RoundMode), default=RoundMode.RECIPROCAL)
    seed: Mapped[int] = mapped_column(default=0)
    # Bumped on every change, so a button from an older preview cannot change a newer one.
    version: Mapped[int] = mapped_column(default=1)
    proposal: Mapped[dict[str, Any]] = mapped_column(default=dict)  # matches and unmatched
    locks: Mapped[list[list[int]]] = mapped_column(JSON, default=list)  # members of locked matches
    people: Mapped[list[int]] = mapped_column(JSON, default=list)  # a re-pairing's people
    # Free people a re-pairing may pair them with (waiting anyway, so nobody is disturbed).
    others: Mapped[list[int]] = mapped_column(JSON, default=list)
    created_by: Mapped[int | None] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    confirmed_at: Mapped[datetime | None]
    # When the coordinator ended the round, and whether its pairs were kept or closed.
    ended_at: Mapped[datetime | None]
    ending: Mapped[RoundEnding | None] = mapped_column(str_enum(RoundEnding), nullable=True)


class RoundMatch(Base):
    """Which round a match was made in, so later rounds know how recent a partnership is."""

    __tablename__ = "pairing_round_matches"

    match_id: Mapped[int] = mapped_column(
        ForeignKey("matches.id", ondelete="CASCADE"), primary_key=True
    )
    round_id: Mapped[int] = mapped_column(
        ForeignKey("pairing_rounds.id", ondelete="CASCADE"), index=True
    )
