"""The tables: people and cohorts, and the durable pipeline (inbox, outbox, timers, buttons)."""

from __future__ import annotations

import enum
from datetime import UTC, date, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    Date,
    DateTime,
    Enum,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

from flows.onboarding import Onboarding, Role


def utcnow() -> datetime:
    """The current time, timezone-aware, computed per call (never at import)."""
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes on every backend (SQLite forgets the zone, so we put it back)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetimes are not stored: pass an aware one")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def str_enum(enum_class: type[enum.StrEnum]) -> Enum:
    """Store an enum by its value (readable in SQL), as a plain string column on every backend."""
    return Enum(
        enum_class,
        native_enum=False,
        length=16,
        values_callable=lambda members: [m.value for m in members],
        validate_strings=True,
    )


NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Declarative base with stable constraint names for migrations."""

    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {datetime: UTCDateTime, dict[str, Any]: JSON}


class User(Base):
    """A Telegram user. Before the privacy notice is accepted only the id and choices are kept."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    language: Mapped[str | None] = mapped_column(String(8))
    onboarding: Mapped[Onboarding] = mapped_column(
        str_enum(Onboarding), default=Onboarding.LANGUAGE
    )
    pending_invite: Mapped[str | None] = mapped_column(String(64))
    privacy_accepted_at: Mapped[datetime | None]
    first_name: Mapped[str | None] = mapped_column(String(128))
    username: Mapped[str | None] = mapped_column(String(64))
    unreachable_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Cohort(Base):
    """A group of people who coach each other: a class, a year, a programme."""

    __tablename__ = "cohorts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    created_by: Mapped[int | None] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # A school abroad: its own zone and quiet hours ("21:00-08:00"); NULL means the settings'.
    timezone: Mapped[str | None] = mapped_column(String(64))
    quiet_hours: Mapped[str | None] = mapped_column(String(11))
    # Retention: after ends_on plus the grace period the content is purged (purged_at) and
    # only anonymous counts stay (counts: students, matches, conversations and so on).
    ends_on: Mapped[date | None] = mapped_column(Date)
    purged_at: Mapped[datetime | None]
    counts: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True))


class Membership(Base):
    """A person's role in one cohort; one person may be in several cohorts."""

    __tablename__ = "memberships"
    __table_args__ = (UniqueConstraint("user_id", "cohort_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    cohort_id: Mapped[int] = mapped_column(ForeignKey("cohorts.id", ondelete="CASCADE"))
    role: Mapped[Role] = mapped_column(str_enum(Role))
    joined_at: Mapped[datetime] = mapped_column(default=utcnow)


class Invite(Base):
    """An unguessable code behind a deep link that lets someone join a cohort with a role."""

    __tablename__ = "invites"

    code: Mapped[str] = mapped_column(String(64), primary_key=True)
    cohort_id: Mapped[int] = mapped_column(ForeignKey("cohorts.id", ondelete="CASCADE"))
    role: Mapped[Role] = mapped_column(str_enum(Role))
    max_uses: Mapped[int | None]
    uses: Mapped[int] = mapped_column(default=0)
    expires_at: Mapped[datetime]
    revoked_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Match(Base):
    """Two or three students who coach each other; created by pairing, used by trajectories."""

    __tablename__ = "matches"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    cohort_id: Mapped[int] = mapped_column(ForeignKey("cohorts.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16))  # reciprocal, one_way or triad
    status: Mapped[str] = mapped_column(String(16), default="active")  # active/dissolved/closed
    dissolved_reason: Mapped[str | None] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    ended_at: Mapped[datetime | None]


class MatchMember(Base):
    """A person in a match; position orders them (one-way: coach first; triads: rotation)."""

    __tablename__ = "match_members"

    match_id: Mapped[int] = mapped_column(
        ForeignKey("matches.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    position: Mapped[int] = mapped_column(default=0)


class Chat(Base):
    """A group chat the bot is in, and where it moved when Telegram upgraded it."""

    __tablename__ = "chats"

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    title: Mapped[str | None] = mapped_column(String(256))
    cohort_id: Mapped[int | None] = mapped_column(ForeignKey("cohorts.id", ondelete="SET NULL"))
    migrated_to: Mapped[int | None] = mapped_column(BigInteger)
    bot_removed_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class InboxUpdate(Base):
    """An update as received, stored before it is acknowledged; the payload is erased once done."""

    __tablename__ = "inbox"
    __table_args__ = (
        Index("ix_inbox_pending", "status", "update_id"),
        Index("ix_inbox_conversation", "conversation", "update_id"),
    )

    update_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    payload: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True))
    status: Mapped[str] = mapped_column(String(16), default="pending")
    attempts: Mapped[int] = mapped_column(default=0)
    error: Mapped[str | None] = mapped_column(Text)
    received_at: Mapped[datetime] = mapped_column(default=utcnow)
    processed_at: Mapped[datetime | None]
    # Whose turn it is (bot.runtime.incoming.conversation_key): updates of one conversation
    # are processed in the order Telegram numbered them, whichever process received them.
    conversation: Mapped[str | None] = mapped_column(String(64))


class OutboxMessage(Base):
    """One Bot API call to make; the delivery worker sends it within Telegram's limits."""

    __tablename__ = "outbox"
    __table_args__ = (
        Index("ix_outbox_due", "status", "priority", "next_attempt_at"),
        Index("ix_outbox_chat", "chat_id", "status", "id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    chat_id: Mapped[int] = mapped_column(BigInteger)
    method: Mapped[str] = mapped_column(String(32))
    payload: Mapped[dict[str, Any]]
    priority: Mapped[int] = mapped_column(default=0)
    status: Mapped[str] = mapped_column(String(16), default="pending")
    attempts: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    sent_at: Mapped[datetime | None]
    sent_message_id: Mapped[int | None] = mapped_column(BigInteger)
    remember_as: Mapped[str | None] = mapped_column(String(64))
    error: Mapped[str | None] = mapped_column(Text)
    # The lease: which process sends this row, and until when; an expired lease means the
    # process died, and another one takes the row over.
    claimed_by: Mapped[str | None] = mapped_column(String(32))
    claimed_until: Mapped[datetime | None]


class SentMessage(Base):
    """The Telegram message id behind a name, such as a room's single status message."""

    __tablename__ = "sent_messages"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    chat_id: Mapped[int] = mapped_column(BigInteger)
    message_id: Mapped[int] = mapped_column(BigInteger)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class Timer(Base):
    """Something to do at a due time, processed like an update of its conversation."""

    __tablename__ = "timers"
    __table_args__ = (Index("ix_timers_due", "status", "due_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str | None] = mapped_column(String(96), unique=True)
    conversation: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(32))
    payload: Mapped[dict[str, Any]] = mapped_column(default=dict)
    due_at: Mapped[datetime]
    status: Mapped[str] = mapped_column(String(16), default="pending")
    fired_at: Mapped[datetime | None]


class Button(Base):
    """What an inline button means; callback_data carries only this row's short token."""

    __tablename__ = "buttons"
    __table_args__ = (Index("ix_buttons_card", "card"),)

    token: Mapped[str] = mapped_column(String(16), primary_key=True)
    user_id: Mapped[int | None] = mapped_column(BigInteger)
    chat_id: Mapped[int] = mapped_column(BigInteger)
    action: Mapped[str] = mapped_column(String(32))
    args: Mapped[dict[str, Any]] = mapped_column(default=dict)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # The buttons of one keyboard share a card; pressing one that changes state uses them all.
    card: Mapped[str | None] = mapped_column(String(16))
    used_at: Mapped[datetime | None]
