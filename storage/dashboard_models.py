"""Tables of the staff dashboard: one-time sign-in links and browser sessions, stored hashed.

A row's scope says what it opens: "staff" (a person's cohorts, by user id) or "ops" (the
operations view only, for the school's IT contact, with no user id at all)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, String
from sqlalchemy.orm import Mapped, mapped_column

from storage.models import Base, utcnow


class DashboardLink(Base):
    """A sign-in link sent by /dashboard: only the token's hash is kept; it works once."""

    __tablename__ = "dashboard_links"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int | None] = mapped_column(BigInteger, index=True)  # None: scope "ops"
    scope: Mapped[str] = mapped_column(String(8), default="staff", server_default="staff")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None]


class DashboardSession(Base):
    """A signed-in browser: the cookie holds the token, this row only its hash."""

    __tablename__ = "dashboard_sessions"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int | None] = mapped_column(BigInteger, index=True)  # None: scope "ops"
    scope: Mapped[str] = mapped_column(String(8), default="staff", server_default="staff")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]
