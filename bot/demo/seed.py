"""The demo's starting world: a cohort, six people who already joined it, and their class group."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from tgemulator import TelegramEmulator

from bot.handlers.menus import set_person_menu
from bot.runtime.turn import Turn
from bot.services import Services
from flows.onboarding import Role
from storage import cohorts, people
from storage.models import Cohort, Invite, Membership, User

COHORT_NAME = "Demo 4B"
GROUP_TITLE = "Klas 4B"
NEW = "new"  # a persona who has not joined any cohort yet
ROLES = (*(role.value for role in Role), NEW)
PERSONA_LANGUAGES = ("nl", "en")
SEED = (
    ("Carla", Role.COORDINATOR),
    ("Tom", Role.TEACHER),
    ("Sanne", Role.STUDENT),
    ("Bram", Role.STUDENT),
    ("Noor", Role.STUDENT),
    ("Yusuf", Role.STUDENT),
)
# Members of the class group: the teacher and the students, as in a real class chat.
GROUP_ROLES = (Role.TEACHER.value, Role.STUDENT.value)
# Telegram's default: the bot joins as a plain member and, with privacy mode on, hears commands.
BOT_IS_GROUP_ADMIN = False
# Someone with several roles wears the badge of the one that can do most.
BADGE_ORDER = (Role.COORDINATOR, Role.TEACHER, Role.STUDENT)


@dataclass(frozen=True)
class Persona:
    """Someone you can type as on the page: a Telegram user with a role in the demo cohort."""

    user_id: int
    name: str
    role: str
    language: str

    def to_json(self) -> dict[str, Any]:
        """Return the persona as the page reads it."""
        return {"user_id": self.user_id, "name": self.name, "role": self.role}


@dataclass
class DemoWorld:
    """What the seed created, so the page can label chats and offer invite codes."""

    cohort_id: int
    group_chat_id: int
    invites: dict[str, str]
    personas: list[Persona] = field(default_factory=list)

    def to_json(self, roles: dict[int, str]) -> dict[str, Any]:
        """Return the cohort, group, invite codes and personas with their current roles."""
        return {
            "cohort": COHORT_NAME,
            "group_chat_id": self.group_chat_id,
            "invites": dict(self.invites),
            "personas": [
                {**persona.to_json(), "role": roles.get(persona.user_id, NEW)}
                for persona in self.personas
            ],
        }


async def seed(emulator: TelegramEmulator, services: Services, now: datetime) -> DemoWorld:
    """Create the cohort and its invites, the six joined personas and their class group."""
    async with services.db.transaction() as session:
        cohort = await cohorts.cohort_by_name(session, name=COHORT_NAME)
        if cohort is None:
            cohort = await cohorts.create_cohort(
                session, name=COHORT_NAME, created_by=None, now=now
            )
        invites = await cohorts.create_cohort_invites(session, cohort_id=cohort.id, now=now)
        world = DemoWorld(
            cohort_id=cohort.id,
            group_chat_id=0,
            invites={role.value: invite.code for role, invite in invites.items()},
        )
        for name, role in SEED:
            persona = _new_persona(emulator, name, role.value, "nl")
            await enrol(services, session, persona, cohort_id=cohort.id, now=now)
            world.personas.append(persona)
    members = [p.user_id for p in world.personas if p.role in GROUP_ROLES]
    # The teacher created the class group, so they are its first member and add the bot.
    members.sort(key=lambda user_id: user_id != _teacher_id(world))
    group = emulator.add_group(GROUP_TITLE, members)
    emulator.add_bot_to_group(group.id, members[0], as_admin=BOT_IS_GROUP_ADMIN)
    world.group_chat_id = group.id
    return world


async def add_persona(
    emulator: TelegramEmulator,
    services: Services,
    world: DemoWorld,
    *,
    name: str,
    role: str,
    language: str,
    now: datetime,
) -> Persona:
    """Add someone to the running demo; everyone but a newcomer joins the cohort and class."""
    if role not in ROLES:
        raise ValueError(f"role must be one of {', '.join(ROLES)}")
    if language not in PERSONA_LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(PERSONA_LANGUAGES)}")
    clean_name = " ".join(name.split())[:64]
    if not clean_name:
        raise ValueError("a persona needs a name")
    persona = _new_persona(emulator, clean_name, role, language)
    if role != NEW:
        async with services.db.transaction() as session:
            await enrol(services, session, persona, cohort_id=world.cohort_id, now=now)
    world.personas.append(persona)
    if role in GROUP_ROLES:
        emulator.user_joins_group(world.group_chat_id, persona.user_id)
    return persona


async def current_roles(services: Services, world: DemoWorld) -> dict[int, str]:
    """Each persona's role as the bot sees it now, in any cohort (newcomers join by link)."""
    ids = [persona.user_id for persona in world.personas]
    async with services.db.sessions() as session:
        rows = (
            await session.execute(
                select(Membership.user_id, Membership.role).where(Membership.user_id.in_(ids))
            )
        ).all()
    held: dict[int, set[Role]] = {}
    for user_id, role in rows:
        held.setdefault(user_id, set()).add(role)
    return {
        user_id: next(role.value for role in BADGE_ORDER if role in roles)
        for user_id, roles in held.items()
    }


async def newest_class(services: Services, now: datetime) -> dict[str, str] | None:
    """The newest cohort with a usable student link: what "join as a student" should join."""
    async with services.db.sessions() as session:
        row = (
            await session.execute(
                select(Cohort.name, Invite.code)
                .join(Invite, Invite.cohort_id == Cohort.id)
                .where(
                    Invite.role == Role.STUDENT,
                    Invite.revoked_at.is_(None),
                    Invite.expires_at > now,
                )
                .order_by(Cohort.id.desc(), Invite.created_at.desc())
                .limit(1)
            )
        ).first()
    return None if row is None else {"cohort": row[0], "code": row[1]}


async def set_language(
    emulator: TelegramEmulator, services: Services, world: DemoWorld, language: str, now: datetime
) -> None:
    """Let every persona speak this language: in Telegram, to the bot and in their "/" menu."""
    if language not in PERSONA_LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(PERSONA_LANGUAGES)}")
    roles = await current_roles(services, world)
    async with services.db.transaction() as session:
        for persona in world.personas:
            emulator.users[persona.user_id].language_code = language
            user = await people.get_user(session, user_id=persona.user_id)
            if user is None or persona.user_id not in roles:
                continue  # a newcomer picks a language when they start, as anyone does
            user.language = language
            await set_person_menu(_turn_of(services, session, user, now))
    world.personas = [replace(persona, language=language) for persona in world.personas]


async def enrol(
    services: Services,
    session: AsyncSession,
    persona: Persona,
    *,
    cohort_id: int,
    now: datetime,
) -> None:
    """Store the persona as someone who chose a language, consented and joined the cohort."""
    user = await people.get_or_create_user(session, user_id=persona.user_id, now=now)
    user.language = persona.language
    await people.accept_privacy(session, user=user, first_name=persona.name, username=None, now=now)
    await cohorts.join_cohort(
        session, user_id=persona.user_id, cohort_id=cohort_id, role=Role(persona.role), now=now
    )
    # As joining by link does: the "/" menu fits the role and speaks the language.
    await set_person_menu(_turn_of(services, session, user, now))


def _turn_of(services: Services, session: AsyncSession, user: User, now: datetime) -> Turn:
    return Turn(services, session, now, chat_id=user.id, user=user, language=user.language)


def _new_persona(emulator: TelegramEmulator, name: str, role: str, language: str) -> Persona:
    user = emulator.add_user(name, language_code=language)
    return Persona(user_id=user.id, name=name, role=role, language=language)


def _teacher_id(world: DemoWorld) -> int:
    return next(p.user_id for p in world.personas if p.role == Role.TEACHER.value)
