"""Buttons: callback_data holds a short token; what it means and who may press it lives here."""

from __future__ import annotations

import secrets
from datetime import datetime
from typing import Any

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
) -> str:
    """Store a button's meaning and return its unguessable token for callback_data."""
    token = secrets.token_urlsafe(9)  # 12 characters, 72 bits: far below 64 bytes, unguessable
    session.add(
        Button(
            token=token, chat_id=chat_id, user_id=user_id, action=action, args=args, created_at=now
        )
    )
    return token


async def resolve(session: AsyncSession, *, token: str) -> Button | None:
    """The button behind a token, or None for forged or forgotten data."""
    if not token or len(token) > 16:
        return None
    return await session.get(Button, token)
