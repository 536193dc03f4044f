"""A class group for room tests: a teacher, five students, the bot in their group, a clock."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select
from tgemulator import EmuChat, EmuMessage, ScriptedUser, media_fields, sample_png

from bot.clock import FakeClock
from flows.onboarding import Role
from storage import cohorts, people
from storage.models import InboxUpdate, OutboxMessage, SentMessage
from storage.room_models import RoomRow
from tests.e2e.support.conversation import press_when_shown, read_until
from tests.e2e.support.world import World, eventually, running_world

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
STUDENTS = ("Ana", "Bo", "Cas", "Dev", "Eva")


@dataclass
class Classroom:
    """The people (privately and in the group), the group chat and the clock."""

    world: World
    clock: FakeClock
    teacher: ScriptedUser
    students: dict[str, ScriptedUser]
    group: EmuChat
    in_group: dict[str, ScriptedUser] = field(default_factory=dict)

    @property
    def watcher(self) -> ScriptedUser:
        """The teacher's view of the group, used to read group messages in order."""
        return self.in_group["teacher"]

    def member(self, name: str) -> ScriptedUser:
        """Someone as they act in the group."""
        return self.in_group[name]

    async def said(self, contains: str, *, limit: int = 12) -> EmuMessage:
        """The next group message containing a text, skipping others said before it."""
        return await read_until(self.watcher, contains, limit=limit)

    async def status(self) -> EmuMessage:
        """The room's status message (the one the bot keeps editing)."""
        async with self.world.app.services.db.sessions() as session:
            rows = await session.scalars(
                select(SentMessage).where(SentMessage.name.like("room:%:status"))
            )
            sent = [row for row in rows.all() if row.chat_id == self.group.id]
        assert sent, "no status message was sent in this group"
        return self.world.emulator.chat(self.group.id).messages[sent[-1].message_id]

    async def status_shows(self, *parts: str) -> EmuMessage:
        """Wait until the status message shows every part; return it."""

        async def shows() -> bool:
            try:
                text = (await self.status()).text or ""
            except AssertionError:
                return False
            return all(part in text for part in parts)

        try:
            await eventually(shows)
        except AssertionError:
            text = (await self.status()).text
            raise AssertionError(f"status never showed {parts}: {text!r}") from None
        return await self.status()

    async def press(self, name: str, label: str) -> None:
        """Someone presses a button in the group as soon as the bot shows it."""
        await press_when_shown(self.member(name), label)

    async def reply(self, name: str, text: str, to: EmuMessage | None = None) -> None:
        """Someone replies to the bot in the group (with privacy mode, the way to be heard)."""
        target = to if to is not None else await self.status()
        await self.member(name).send(text, reply_to_message_id=target.message_id)

    async def settled(self) -> None:
        """Wait until every update so far is processed and every reply sent."""
        await self.world.emulator.wait_updates_drained()
        db = self.world.app.services.db

        async def quiet() -> bool:
            async with db.sessions() as session:
                busy = await session.scalar(
                    select(func.count())
                    .select_from(InboxUpdate)
                    .where(InboxUpdate.status == "pending")
                )
                sending = await session.scalar(
                    select(func.count())
                    .select_from(OutboxMessage)
                    .where(OutboxMessage.status == "pending")
                )
            return busy == 0 and sending == 0

        await eventually(quiet)

    async def later(self, minutes: float) -> None:
        """Let time pass and let the bot look at its timers."""
        await self.settled()  # what was said before belongs to the time before
        self.world.later(timedelta(minutes=minutes))

    async def room_row(self) -> RoomRow:
        """The latest room of the group as stored."""
        async with self.world.app.services.db.sessions() as session:
            rows = await session.scalars(select(RoomRow).order_by(RoomRow.id.desc()))
            row = rows.first()
        assert row is not None
        return row


@asynccontextmanager
async def classroom(
    database_url: str,
    *,
    language: str = "Nederlands",
    code: str = "nl",
    real_joining: bool = False,
    names: tuple[str, ...] = STUDENTS,
    speaks: Mapping[str, str] | None = None,
) -> AsyncIterator[Classroom]:
    """A running world with a cohort, a teacher and five students who joined, and their group.

    Joining is tested in test_onboarding; here people join through the conversation only when
    real_joining is set, and otherwise straight in the database, which is much faster. speaks
    gives some students a language of their own (by name: "en" or "nl"); the rest speak code.
    """
    own = dict(speaks or {})
    clock = FakeClock(T0)
    async with running_world(database_url, clock=clock) as world:
        teacher = world.person("Mila", language_code=code)
        students = {name: world.person(name, language_code=own.get(name, code)) for name in names}
        if real_joining:
            codes = await world.cohort("Klas 4B")
            await world.join(teacher, codes[Role.TEACHER], language=language)
            for student in students.values():
                await world.join(student, codes[Role.STUDENT], language=language)
        else:
            await joined_directly(world, teacher, students.values(), code, speaks=own)
        people = [teacher.user, *(s.user for s in students.values())]
        group = world.emulator.add_group("Klas 4B", people)
        room = Classroom(world, clock, teacher, students, group)
        room.in_group = {
            name: ScriptedUser(world.emulator, person.user, group)
            for name, person in {"teacher": teacher, **students}.items()
        }
        world.emulator.add_bot_to_group(group, teacher.user)
        hello = await room.watcher.expect()
        assert "PeerCoach" in (hello.text or "")
        yield room


async def joined_directly(
    world: World,
    teacher: ScriptedUser,
    students: Iterable[ScriptedUser],
    language: str,
    *,
    speaks: Mapping[str, str] | None = None,
) -> None:
    """Store the teacher and students as having joined cohort "Klas 4B" (consent given).

    Everyone speaks language, except the students speaks names (by first name).
    """
    own = speaks or {}
    async with world.app.services.db.transaction() as session:
        cohort = await cohorts.create_cohort(session, name="Klas 4B", created_by=None, now=T0)
        for person, role in [(teacher, Role.TEACHER), *((s, Role.STUDENT) for s in students)]:
            user = await people.get_or_create_user(session, user_id=person.user.id, now=T0)
            user.language = own.get(person.user.first_name, language)
            await people.accept_privacy(
                session, user=user, first_name=person.user.first_name, username=None, now=T0
            )
            await cohorts.join_cohort(
                session, user_id=user.id, cohort_id=cohort.id, role=role, now=T0
            )


async def open_incident_room(room: Classroom, *, longer: tuple[int, ...] = ()) -> EmuMessage:
    """The teacher links the group and opens an incident-method room, some steps made longer.

    Returns the setup card as it was when the room opened.
    """
    await room.member("teacher").send("/room")
    await room.said("hoort nu bij Klas 4B")
    await room.said("Welke werkvorm")
    await room.press("teacher", "Incidentmethode")
    card = await room.watcher.expect_edit("Incidentmethode (samen 55 min)")
    for number in longer:
        await room.press("teacher", f"➕ {number}")
        card = await room.watcher.expect_edit()
    text = card.text
    await room.press("teacher", "✅ Sessie openen")
    await room.said("start een groepssessie")
    await room.said("Wie doet er mee?")
    card.text = text  # keep what the card said before its buttons went away
    return card


async def gather(room: Classroom, protocol_title: str) -> None:
    """All five students join, the roles open, Ana brings a case, Eva keeps time, and go."""
    for name in STUDENTS:
        await room.member(name).press("🙋 Ik doe mee")
    await room.status_shows("Deelnemers (5): Ana, Bo, Cas, Dev, Eva")
    await room.press("teacher", "Rollen kiezen")
    await room.said("Tijd voor de rollen")
    await room.press("Ana", "Ik breng iets in")
    await room.said("Ana brengt vandaag een situatie in")
    await room.press("Eva", "Ik hou de tijd bij")
    await room.said("Eva houdt de tijd bij")
    await room.status_shows(protocol_title, "Inbrenger: Ana", "Tijdbewaker: Eva")


async def running_incident(room: Classroom) -> None:
    """An incident-method room with everyone in, Ana as case-holder, at its first step."""
    await open_incident_room(room)
    await gather(room, "Incidentmethode")
    await room.press("teacher", "▶️ Beginnen")
    await room.said("Stap 1 van 7: Casus kiezen (5 min)")
    await room.status_shows("Stap 1/7: Casus kiezen")


def reply_with_sticker(room: Classroom, name: str, to: EmuMessage) -> None:
    """Someone answers a bot message in the group with a sticker (the driver only sends plain)."""
    emulator = room.world.emulator
    sender = emulator.user(room.member(name).user.id)
    stored = emulator.files.add(sample_png(), kind="stickers", mime_type="image/png")
    # The driver has no sticker replies; build one as the emulator's own actions do.
    message = emulator._user_message(
        sender,
        emulator.chat(room.group.id),
        kind="sticker",
        text=None,
        media=media_fields("sticker", stored, emoji="👍"),
        file=stored,
        reply_to_message_id=to.message_id,
    )
    emulator._deliver(message)
