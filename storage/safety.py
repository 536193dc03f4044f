"""The worry route's memory: a cohort's country, talks with a confidant, open lines, nudges."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from sqlalchemy import delete, exists, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from flows.onboarding import Role
from flows.privacy.export import WorryTalkFacts
from flows.safety import Confidant
from flows.safety.words import scopes_of_match
from storage.awaiting import PERSON
from storage.models import Cohort, Membership, User
from storage.safety_models import (
    CohortSafety,
    SafetyNudge,
    SafetyPledge,
    WorryLine,
    WorryStart,
    WorryTalk,
)

IN_WORRY_LINE = exists().where(WorryLine.user_id == PERSON)
"""Whether this person's free text goes to the other side of a worry talk."""


async def country_of(session: AsyncSession, *, cohort_id: int, default: str) -> str:
    """The country whose help lines a cohort's students see: its own, else the default."""
    row = await session.get(CohortSafety, cohort_id)
    return row.country if row is not None and row.country else default


async def _settings(session: AsyncSession, cohort_id: int) -> CohortSafety:
    row = await session.get(CohortSafety, cohort_id)
    if row is None:
        row = CohortSafety(cohort_id=cohort_id, country=None)
        session.add(row)
    return row


async def set_country(session: AsyncSession, *, cohort_id: int, country: str) -> None:
    """Give a cohort its country (a two-letter code)."""
    (await _settings(session, cohort_id)).country = country
    await session.flush()


async def pledges_of(session: AsyncSession, *, match_id: int) -> dict[int, SafetyPledge]:
    """Each member's answer to the pledge in this match, by user id."""
    rows = await session.scalars(select(SafetyPledge).where(SafetyPledge.match_id == match_id))
    return {row.user_id: row for row in rows.all()}


async def pledge_shown(
    session: AsyncSession, *, match_id: int, user_id: int, now: datetime
) -> tuple[SafetyPledge, bool]:
    """The member's pledge row, created when the pledge is first shown (True then)."""
    row = await session.get(SafetyPledge, (match_id, user_id))
    if row is not None:
        return row, False
    row = SafetyPledge(match_id=match_id, user_id=user_id, shown_at=now)
    session.add(row)
    await session.flush()
    return row, True


async def confidants_of(session: AsyncSession, *, cohort_ids: Sequence[int]) -> list[Confidant]:
    """The confidants of these cohorts, first joined first."""
    rows = await session.execute(
        select(Membership.user_id, User.first_name, Membership.cohort_id, User.unreachable_at)
        .join(User, User.id == Membership.user_id)
        .where(Membership.cohort_id.in_(list(cohort_ids)), Membership.role == Role.CONFIDANT)
        .order_by(Membership.joined_at)
    )
    return [
        Confidant(user_id, name or "?", cohort_id, unreachable is None)
        for user_id, name, cohort_id, unreachable in rows.all()
    ]


async def open_talk(
    session: AsyncSession, *, student_id: int, confidant_id: int
) -> WorryTalk | None:
    """The talk this student asked this confidant for and nobody closed yet."""
    query = select(WorryTalk).where(
        WorryTalk.student_id == student_id,
        WorryTalk.confidant_id == confidant_id,
        WorryTalk.closed_at.is_(None),
    )
    return (await session.scalars(query)).first()


async def start_talk(
    session: AsyncSession, *, cohort_id: int, student_id: int, confidant_id: int, now: datetime
) -> WorryTalk:
    """Record that a student would like to talk with a confidant (who, whom, when)."""
    talk = WorryTalk(
        cohort_id=cohort_id, student_id=student_id, confidant_id=confidant_id, created_at=now
    )
    session.add(talk)
    await session.flush()
    return talk


async def talk_by_id(session: AsyncSession, *, talk_id: int) -> WorryTalk | None:
    """A talk as it is now (a partner's turn may have just closed it)."""
    query = select(WorryTalk).where(WorryTalk.id == talk_id)
    return (await session.scalars(query.execution_options(populate_existing=True))).first()


async def line_of(session: AsyncSession, *, user_id: int) -> WorryLine | None:
    """Where the person's free text goes now, if to a worry talk."""
    return await session.get(WorryLine, user_id)


async def open_line(session: AsyncSession, *, user_id: int, talk_id: int, now: datetime) -> None:
    """From now on the person's free text goes to the other side of this talk."""
    line = await session.get(WorryLine, user_id)
    if line is None:
        session.add(WorryLine(user_id=user_id, talk_id=talk_id, opened_at=now))
    else:
        line.talk_id, line.opened_at = talk_id, now
    await session.flush()


async def close_line(session: AsyncSession, *, user_id: int) -> bool:
    """The person's free text no longer goes to a talk; False when it did not."""
    line = await session.get(WorryLine, user_id)
    if line is None:
        return False
    await session.delete(line)
    await session.flush()
    return True


async def close_talk(session: AsyncSession, *, talk: WorryTalk, now: datetime) -> None:
    """End a talk: both lines to it close."""
    talk.closed_at = now
    await session.execute(delete(WorryLine).where(WorryLine.talk_id == talk.id))


async def nudge_once(session: AsyncSession, *, user_id: int, scope: str, now: datetime) -> bool:
    """Note that the help card is shown in this conversation; False when it was already."""
    if await session.get(SafetyNudge, (user_id, scope)) is not None:
        return False
    session.add(SafetyNudge(user_id=user_id, scope=scope, shown_at=now))
    await session.flush()
    return True


async def talks_of(session: AsyncSession, *, user_id: int) -> list[WorryTalkFacts]:
    """Every talk the person asked for or was asked for, oldest first."""
    rows = await session.execute(
        select(WorryTalk, Cohort.name)
        .join(Cohort, Cohort.id == WorryTalk.cohort_id)
        .where(or_(WorryTalk.student_id == user_id, WorryTalk.confidant_id == user_id))
        .order_by(WorryTalk.id)
    )
    found = rows.all()
    others = {t.confidant_id if t.student_id == user_id else t.student_id for t, _ in found}
    names = dict(
        (await session.execute(select(User.id, User.first_name).where(User.id.in_(others)))).all()
    )
    facts = []
    for talk, cohort in found:
        asked = talk.student_id == user_id
        other = talk.confidant_id if asked else talk.student_id
        facts.append(
            WorryTalkFacts(
                cohort,
                asked,
                names.get(other) or "?",
                talk.created_at,
                talk.answered_at,
                talk.closed_at,
            )
        )
    return facts


async def forget_nudges_in(session: AsyncSession, *, match_ids: Sequence[int]) -> None:
    """A purged cohort's conversations: the cards shown in them are forgotten too."""
    for match_id in match_ids:
        pattern = scopes_of_match(match_id)
        await session.execute(delete(SafetyNudge).where(SafetyNudge.scope.like(pattern)))


async def open_talks_of(session: AsyncSession, *, user_id: int) -> list[WorryTalk]:
    """The talks still open in which the person is the student or the confidant."""
    rows = await session.scalars(
        select(WorryTalk).where(
            or_(WorryTalk.student_id == user_id, WorryTalk.confidant_id == user_id),
            WorryTalk.closed_at.is_(None),
        )
    )
    return list(rows.all())


async def forget_person(session: AsyncSession, *, user_id: int) -> None:
    """Erasure: the person's talks (both lines with them), lines and nudges go."""
    talks = select(WorryTalk.id).where(
        or_(WorryTalk.student_id == user_id, WorryTalk.confidant_id == user_id)
    )
    await session.execute(
        delete(WorryLine).where(or_(WorryLine.user_id == user_id, WorryLine.talk_id.in_(talks)))
    )
    await session.execute(
        delete(WorryTalk).where(
            or_(WorryTalk.student_id == user_id, WorryTalk.confidant_id == user_id)
        )
    )
    await session.execute(delete(SafetyNudge).where(SafetyNudge.user_id == user_id))
    await session.execute(delete(SafetyPledge).where(SafetyPledge.user_id == user_id))


async def pledges_by(
    session: AsyncSession, *, user_id: int
) -> list[tuple[datetime | None, datetime | None]]:
    """The person's answers to the pledge (agreed, declined), oldest first."""
    rows = await session.execute(
        select(SafetyPledge.agreed_at, SafetyPledge.declined_at)
        .where(SafetyPledge.user_id == user_id)
        .order_by(SafetyPledge.shown_at)
    )
    return [(agreed, declined) for agreed, declined in rows.all()]


async def nudges_of(session: AsyncSession, *, user_id: int) -> list[datetime]:
    """When the person was shown the help card after a serious word, oldest first."""
    query = select(SafetyNudge.shown_at).where(SafetyNudge.user_id == user_id)
    return list((await session.scalars(query.order_by(SafetyNudge.shown_at))).all())


async def count_start(session: AsyncSession, *, cohort_ids: Sequence[int], on: date) -> None:
    """A worry route was opened: one more for each of the person's cohorts, without the person."""
    session.add_all(WorryStart(cohort_id=cohort_id, started_on=on) for cohort_id in cohort_ids)
    await session.flush()


async def starts_in(session: AsyncSession, *, cohort_id: int) -> int:
    """How often the worry route was opened in this cohort (a number, no names)."""
    found = await session.scalar(
        select(func.count()).select_from(WorryStart).where(WorryStart.cohort_id == cohort_id)
    )
    return int(found or 0)
