"""Users and what they agreed to."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from flows.onboarding import Onboarding
from storage.models import Membership, User

LOADED = "people.loaded"  # session.info: users read ahead by load_users


async def get_user(session: AsyncSession, *, user_id: int) -> User | None:
    """The user with this Telegram id, if known."""
    return await session.get(User, user_id)


async def load_users(session: AsyncSession, *, user_ids: Sequence[int]) -> None:
    """Read several users at once, so that get_user finds them without a query each."""
    if user_ids:
        users = (await session.scalars(select(User).where(User.id.in_(set(user_ids))))).all()
        # The session holds its objects weakly: keep these until it closes.
        session.info.setdefault(LOADED, []).extend(users)


async def get_or_create_user(session: AsyncSession, *, user_id: int, now: datetime) -> User:
    """The user with this Telegram id; a new row keeps nothing but the id until consent."""
    user = await session.get(User, user_id)
    if user is None:
        user = User(id=user_id, onboarding=Onboarding.LANGUAGE, created_at=now)
        session.add(user)
        await session.flush()
    return user


async def accept_privacy(
    session: AsyncSession, *, user: User, first_name: str, username: str | None, now: datetime
) -> None:
    """Record consent; only from now on is the user's name stored."""
    user.privacy_accepted_at = now
    user.first_name = first_name[:128]
    user.username = username[:64] if username else None
    user.onboarding = Onboarding.DONE


async def refresh_profile(
    session: AsyncSession, *, user: User, first_name: str, username: str | None
) -> None:
    """Keep the display name current for users who consented."""
    if user.privacy_accepted_at is None:
        return
    if user.first_name != first_name[:128]:
        user.first_name = first_name[:128]
    if user.username != (username[:64] if username else None):
        user.username = username[:64] if username else None


async def mark_unreachable(session: AsyncSession, *, user_id: int, now: datetime) -> bool:
    """Note that the user blocked the bot; True when this is news."""
    user = await session.get(User, user_id)
    if user is None or user.unreachable_at is not None:
        return False
    user.unreachable_at = now
    return True


async def mark_reachable(session: AsyncSession, *, user: User) -> None:
    """The user is talking to the bot again."""
    if user.unreachable_at is not None:
        user.unreachable_at = None


async def forget_user(session: AsyncSession, *, user_id: int) -> None:
    """Erase a user and their memberships (their right to leave)."""
    await session.execute(delete(Membership).where(Membership.user_id == user_id))
    await session.execute(delete(User).where(User.id == user_id))


async def names(session: AsyncSession, *, user_ids: list[int]) -> dict[int, str]:
    """First names of consenting users, for addressing them."""
    rows = await session.execute(select(User.id, User.first_name).where(User.id.in_(user_ids)))
    return {uid: name or "?" for uid, name in rows.all()}
