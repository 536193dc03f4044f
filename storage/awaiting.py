"""Which features wait for a person's free text or media, asked of all of them in one query.

Each feature's repository declares its condition as an EXISTS over its own table, written with
the shared PERSON parameter. The router asks them together, so a message nobody waits for costs
one statement instead of one per feature.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import BigInteger, ColumnElement, Select, bindparam, select
from sqlalchemy.ext.asyncio import AsyncSession

PERSON = bindparam("person", type_=BigInteger)
"""The person whose message arrived; every condition refers to them through this parameter."""


def ask_all(conditions: Sequence[ColumnElement[bool]]) -> Select[*tuple[bool, ...]]:
    """One SELECT of every condition, built once when the features are wired."""
    return select(*(condition.label(f"c{index}") for index, condition in enumerate(conditions)))


async def which(
    session: AsyncSession, query: Select[*tuple[bool, ...]], *, person: int
) -> list[bool]:
    """For each condition of the query, whether it holds for this person."""
    row = (await session.execute(query, {"person": person})).one()
    return [bool(flag) for flag in row]
