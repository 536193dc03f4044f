"""Buttons: callback_data holds a short token; what it means and who may press it lives here."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Button


async def create(
    session: AsyncSession,
    *,
    chat_id: int,
    user_id: int | None,
    action: str,
    args: dict[str, Any],
    now: datetime,
    card: str | None = None,
) -> str:
    """Store a button's meaning and return its unguessable token for callback_data."""
    token = new_token()
    session.add(
        Button(
            token=token,
            chat_id=chat_id,
            user_id=user_id,
            action=action,
            args=args,
            created_at=now,
            card=card,
        )
    )
    return token


def new_token() -> str:
    """12 characters, 72 bits: far below callback_data's 64 bytes, and unguessable."""
    return secrets.token_urlsafe(9)


async def resolve(session: AsyncSession, *, token: str) -> Button | None:
    """The button behind a token, or None for forged or forgotten data."""
    if not token or len(token) > 16:
        return None
    return await session.get(Button, token)


async def use(
    session: AsyncSession, *, button: Button, now: datetime, siblings: Callable[[Button], bool]
) -> bool:
    """Use up a button that changes state, with the siblings on its card that do too.

    False when it was used already (a double tap, or two people pressing one group card).
    Presses of one card come from one chat, whose turns are serialised, so the check and
    the write cannot interleave with another press.
    """
    result = await session.execute(
        update(Button)
        .where(Button.token == button.token, Button.used_at.is_(None))
        .values(used_at=now)
        .execution_options(synchronize_session=False)
    )
    if not result.rowcount:  # type: ignore[attr-defined]  # CursorResult has rowcount
        return False
    if button.card is not None:
        others = await session.scalars(
            select(Button).where(Button.card == button.card, Button.used_at.is_(None))
        )
        for other in others:
            if siblings(other):
                other.used_at = now
    return True


async def give_back(session: AsyncSession, *, button: Button, now: datetime) -> None:
    """Undo use(): the press was refused (say, a student pressed the teacher's button)."""
    mine = Button.card == button.card if button.card is not None else Button.token == button.token
    await session.execute(
        update(Button)
        .where(mine, Button.used_at == now)
        .values(used_at=None)
        .execution_options(synchronize_session=False)
    )


async def purge_used(session: AsyncSession, *, older_than: timedelta, now: datetime) -> None:
    """Forget buttons used long enough ago that no double tap or re-delivery can still come:
    what someone pressed (a worry route's choice, say) is not kept as a record."""
    await session.execute(delete(Button).where(Button.used_at < now - older_than))
