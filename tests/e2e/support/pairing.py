"""Shared steps for the pairing conversation tests: joining a cohort and the pool, reading rows.

The test_pairing_* files import from it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from tgemulator import ScriptedUser

from flows.onboarding import Role
from flows.pairing import Wants
from storage import cohorts, consent, pairing, people
from storage.models import Match, MatchMember, OutboxMessage
from storage.pairing_models import PairingRound
from storage.trajectory_models import TrajectoryRow
from tests.e2e.support.world import World, eventually

DUTCH = {
    "both": "🤝 Allebei: coachen en gecoacht worden",
    "coach": "🧭 Vooral zelf coachen",
    "be_coached": "🌱 Vooral gecoacht worden",
    "done": "✅ Klaar",
    "language": "🇳🇱 Nederlands",
    "skip": "Overslaan",
}
ENGLISH = {
    "both": "🤝 Both: coach and be coached",
    "coach": "🧭 Mostly coach someone",
    "be_coached": "🌱 Mostly be coached",
    "done": "✅ Done",
    "language": "🇬🇧 English",
    "skip": "Skip",
}


@dataclass
class Class:
    """A cohort with its coordinator and students, everyone joined."""

    coordinator: ScriptedUser
    students: dict[str, ScriptedUser]

    def __getitem__(self, name: str) -> ScriptedUser:
        return self.students[name]


async def promised(
    session: AsyncSession, *, cohort_id: int, user_ids: Iterable[int], now: datetime
) -> None:
    """The students made the pledge, as opting in to the pool asks of everyone (issue 13)."""
    for user_id in user_ids:
        row, _ = await consent.pledge_of(session, user_id=user_id, cohort_id=cohort_id, now=now)
        row.agreed_at = now


async def a_class(
    world: World,
    names: Sequence[str],
    *,
    english: Sequence[str] = (),
    cohort: str = "5B Peercoaching",
    coordinator: str = "Ilse",
) -> Class:
    """A coordinator and students of one cohort (English for the names in `english`).

    Joining is tested in test_onboarding; here everyone joins straight in the database.
    """
    boss = world.person(coordinator)
    students = {
        name: world.person(name, language_code="en" if name in english else "nl") for name in names
    }
    now = world.app.services.clock.now()
    async with world.app.services.db.transaction() as session:
        found = await cohorts.create_cohort(session, name=cohort, created_by=None, now=now)
        everyone = [(boss, Role.COORDINATOR), *((s, Role.STUDENT) for s in students.values())]
        for person, role in everyone:
            user = await people.get_or_create_user(session, user_id=person.user.id, now=now)
            user.language = "en" if person.user.first_name in english else "nl"
            await people.accept_privacy(
                session, user=user, first_name=person.user.first_name, username=None, now=now
            )
            await cohorts.join_cohort(
                session, user_id=user.id, cohort_id=found.id, role=role, now=now
            )
        ids = [s.user.id for s in students.values()]
        await promised(session, cohort_id=found.id, user_ids=ids, now=now)
    return Class(boss, students)


async def in_pool(
    world: World,
    person: ScriptedUser,
    *,
    slots: Sequence[str] = (),
    wants: Wants = Wants.BOTH,
    about: str | None = None,
    interests: str | None = None,
    language: str = "nl",
) -> None:
    """Put a student in their cohort's pool straight in the database (slots such as "tue-pm").

    The profile dialogue itself is tested in test_pairing_round.
    """
    now = world.app.services.clock.now()
    async with world.app.services.db.transaction() as session:
        (membership,) = await cohorts.memberships_of(session, user_id=person.user.id)
        entry = await pairing.join_pool(
            session,
            cohort_id=membership.cohort_id,
            user_id=person.user.id,
            language=language,
            now=now,
        )
        entry.availability, entry.wants = list(slots), wants
        entry.about, entry.interests = about, interests


async def join_pool(
    person: ScriptedUser,
    *,
    slots: Sequence[str] = (),
    wants: str = "both",
    about: str | None = None,
    interests: str | None = None,
    english: bool = False,
) -> None:
    """Opt in with /pool and answer the profile questions (slot labels such as "di nm")."""
    labels = ENGLISH if english else DUTCH
    await person.send("/pool")
    await person.expect("🤝")
    await person.press("🙋 Count me in" if english else "🙋 Ik doe mee")
    first = await person.expect()
    promise = "🤝 I promise" if english else "🤝 Ik beloof het"
    if promise in ScriptedUser.buttons(first):  # the pledge, before anyone is paired
        await person.press(promise)
        await person.expect()
        await person.expect()
    await person.expect()
    await person.press(labels[wants])
    await person.expect()
    for slot in slots:
        await person.press(slot)
        await shows_button(person, f"✅ {slot}")
    await person.press(labels["done"])
    await person.expect()
    await person.press(labels["language"])
    await person.expect()
    if about is None:
        await person.press(labels["skip"])
    else:
        await person.send(about)
    await person.expect()
    if interests is None:
        await person.press(labels["skip"])
    else:
        await person.send(interests)
    await person.expect()  # the profile is ready
    await person.expect()  # the profile card
    person.skip_unread()


async def shows_button(person: ScriptedUser, label: str) -> None:
    """Wait until a bot message in the person's chat carries this button."""

    def shown() -> bool:
        chat = person.chat
        return any(label in chat.messages[i].button_labels() for i in chat.bot_message_ids[-3:])

    await person.emulator.wait_for(shown, 5.0, chat_id=person.chat)


async def matches_of(world: World) -> list[tuple[str, str, list[int]]]:
    """Every match: kind, status and members in position order."""
    async with world.app.services.db.sessions() as session:
        rows = (await session.scalars(select(Match).order_by(Match.id))).all()
        result = []
        for match in rows:
            members = await session.scalars(
                select(MatchMember.user_id)
                .where(MatchMember.match_id == match.id)
                .order_by(MatchMember.position)
            )
            result.append((match.kind, match.status, list(members.all())))
        return result


async def rounds_of(world: World) -> list[PairingRound]:
    """Every pairing round, oldest first."""
    async with world.app.services.db.sessions() as session:
        return list((await session.scalars(select(PairingRound).order_by(PairingRound.id))).all())


async def all_delivered(world: World, people: Sequence[ScriptedUser]) -> None:
    """Wait until the outbox is empty, then treat what these people got so far as read."""

    async def outbox_empty() -> bool:
        async with world.app.services.db.sessions() as session:
            pending = await session.scalars(
                select(OutboxMessage.id).where(OutboxMessage.status == "pending").limit(1)
            )
            return pending.first() is None

    world.app.delivery.wake()
    await eventually(outbox_empty)
    for person in people:
        person.skip_unread()


async def trajectory_count(world: World) -> int:
    """How many trajectories exist: start_match creates them for every new match."""
    async with world.app.services.db.sessions() as session:
        rows = await session.scalars(select(func.count()).select_from(TrajectoryRow))
        return int(rows.one())
