"""Tables of the teacher's part in peer coaching (issue 16): a coach asking for supervision."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey
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
