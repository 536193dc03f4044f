"""A seeded storm of updates: texts of every size and script, media, commands in every state,
replayed and forged buttons, edits, group joins and leaves, blocks. Nothing may raise."""

from __future__ import annotations

import logging
import random
import string
from collections.abc import Callable

import pytest
from sqlalchemy import func, select
from tgemulator import EmuChat, EmuUser

from bot.handlers.trajectory import start_match
from bot.runtime.turn import Turn
from flows.onboarding import Role
from storage import cohorts, matches
from storage.models import InboxUpdate, OutboxMessage
from tests.e2e.support.pairing import a_class, promised
from tests.e2e.support.world import World, eventually

SEED = 20261204
UPDATES = 3000
SCRIPTS = (
    string.ascii_letters + " .,!?",
    "абвгдеёжзийклмнопрстуфхцчшщыэюя ",
    "ابتثجحخدذرزسشصضطظعغفقكلمنهوي ",
    "你好世界学生老师朋友今天明天 ",
    "😀🙈🎉👍🏽🇳🇱❤️‍🔥🧑‍🎓 ",
    "<b>&amp;</b><i>&lt;script&gt;\u200b\u202e\u0000 ",
)
COMMANDS = (
    "start",
    "help",
    "talk",
    "journal",
    "steps",
    "plan",
    "pool",
    "contract",
    "privacy",
    "settings",
    "cancel",
    "nopair",
    "partner",
    "pair",
    "links",
    "newcohort",
    "script",
    "progress",
    "room",
    "goal",
    "worried",
    "nonsense",
)


def some_text(rng: random.Random) -> str:
    """A text of a random size (up to Telegram's 4096) in a mix of scripts."""
    size = rng.choice((1, 2, 5, 30, 200, 1000, 4096))
    script = rng.choice(SCRIPTS)
    return "".join(rng.choice(script) for _ in range(size)).strip() or "."


class Storm:
    """Picks and performs random actions of the people on the emulator."""

    def __init__(self, world: World, people: list[EmuUser], group: EmuChat, codes: list[str]):
        self.world, self.people, self.group, self.codes = world, people, group, codes
        self.emulator = world.emulator
        self.rng = random.Random(SEED)
        self.sent: list[tuple[EmuUser, int]] = []
        self.ever_blocked: set[int] = set()
        self.actions: list[tuple[int, Callable[[EmuUser], None]]] = [
            (25, self.text),
            (20, self.command),
            (25, self.press),
            (4, self.forge),
            (8, self.media),
            (4, self.edit),
            (8, self.group_text),
            (3, self.join_or_leave),
            (3, self.block_or_unblock),
        ]

    def act(self) -> None:
        """One random action of one random person."""
        weights = [weight for weight, _ in self.actions]
        (_, action), person = (
            self.rng.choices(self.actions, weights)[0],
            self.rng.choice(self.people),
        )
        if person.blocked_bot and action in (self.press, self.forge):
            return  # Telegram shows someone who blocked the bot a Restart bar, not its buttons
        action(person)

    def text(self, person: EmuUser) -> None:
        update = self.emulator.send_text(person, some_text(self.rng))
        self.sent.append((person, update["message_id"]))

    def command(self, person: EmuUser) -> None:
        name = self.rng.choice(COMMANDS)
        args = self.rng.choice(("", " " + self.rng.choice(self.codes), " " + some_text(self.rng)))
        self.emulator.send_text(person, f"/{name}{args}"[:4096])

    def press(self, person: EmuUser) -> None:
        """A button on any card, old or new (replays included), privately or in the group."""
        chat = self.group if self.rng.random() < 0.3 else self.emulator.chat(person.id)
        cards = [
            m for m in self.emulator.bot_messages(chat.id) if not m.deleted and m.button_labels()
        ]
        if cards and self._member(person, chat):
            card = self.rng.choice(cards[-6:] if self.rng.random() < 0.7 else cards)
            label = self.rng.choice(card.button_labels())
            self.emulator.press_button(person, card.message_id, chat=chat, label=label)

    def forge(self, person: EmuUser) -> None:
        messages = self.emulator.bot_messages(person.id)
        if messages:
            data = self.rng.choice(("", "x" * 64, "forged", some_text(self.rng)[:64]))
            self.emulator.forge_callback(person, self.rng.choice(messages).message_id, data)

    def media(self, person: EmuUser) -> None:
        kind = self.rng.choice(("photo", "sticker", "voice", "document"))
        caption = some_text(self.rng)[:1024]
        if kind == "photo":
            self.emulator.send_photo(person, caption=caption)
        elif kind == "sticker":
            self.emulator.send_sticker(person)
        elif kind == "voice":
            self.emulator.send_voice(person, caption=caption)
        else:
            self.emulator.send_document(person, caption=caption)

    def edit(self, person: EmuUser) -> None:
        mine = [message_id for who, message_id in self.sent if who is person]
        if mine:
            self.emulator.edit_text(person, self.rng.choice(mine), some_text(self.rng))

    def group_text(self, person: EmuUser) -> None:
        if not self._member(person, self.group):
            return
        said = self.emulator.bot_messages(self.group.id)
        reply_to = self.rng.choice(said).message_id if said and self.rng.random() < 0.6 else None
        self.emulator.send_text(
            person, some_text(self.rng), chat=self.group, reply_to_message_id=reply_to
        )

    def join_or_leave(self, person: EmuUser) -> None:
        if self._member(person, self.group):
            self.emulator.user_leaves_group(self.group, person)
        else:
            self.emulator.user_joins_group(self.group, person)

    def block_or_unblock(self, person: EmuUser) -> None:
        if person.blocked_bot:
            self.emulator.unblock_bot(person)
        else:
            self.emulator.block_bot(person)
            self.ever_blocked.add(person.id)

    def _member(self, person: EmuUser, chat: EmuChat) -> bool:
        return chat.id > 0 or chat.members.get(person.id) in ("member", "administrator", "creator")


async def populated(world: World) -> Storm:
    """A cohort with a coordinator, a teacher and students (two of them paired), strangers
    who never joined, and the class group with the bot in it."""
    group_of = await a_class(world, ["Ana", "Bo", "Cas", "Dev", "Eva"])
    strangers = [world.person(name) for name in ("Kim", "Omar", "Zoë")]
    services = world.app.services
    async with services.db.transaction() as session:
        cohort = await cohorts.cohort_by_name(session, name="5B Peercoaching")
        assert cohort is not None
        invites = await cohorts.create_cohort_invites(
            session, cohort_id=cohort.id, now=services.clock.now()
        )
        ids = [group_of["Ana"].user.id, group_of["Bo"].user.id]
        await promised(session, cohort_id=cohort.id, user_ids=ids, now=services.clock.now())
        match = await matches.create_match(
            session, cohort_id=cohort.id, kind="reciprocal", members=ids, now=services.clock.now()
        )
        await start_match(Turn(services, session, services.clock.now(), chat_id=0), match.id)
    teacher = world.person("Mila")
    await teacher.send(f"/start {invites[Role.TEACHER].code}")
    people = [
        p.user for p in (group_of.coordinator, *group_of.students.values(), teacher, *strangers)
    ]
    group = world.emulator.add_group("Klas 5B", people)
    world.emulator.add_bot_to_group(group, teacher.user)
    codes = [invite.code for invite in invites.values()] + ["nietbestaand"]
    return Storm(world, people, group, codes)


async def test_a_seeded_storm_of_updates_raises_nothing(
    world: World, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING)
    storm = await populated(world)
    for number in range(UPDATES):
        storm.act()
        if number % 100 == 99:  # keep the queue as long as a busy school's, not unbounded
            await world.emulator.wait_updates_drained(timeout=60)

    async def settled() -> bool:
        async with world.app.services.db.sessions() as session:
            inbox = await session.scalar(
                select(func.count()).where(InboxUpdate.status == "pending")
            )
            outbox = await session.scalar(
                select(func.count()).where(OutboxMessage.status == "pending")
            )
        return inbox == outbox == 0

    await world.emulator.wait_updates_drained(timeout=60)
    await eventually(settled, seconds=180)  # a shared machine may be slow; never a timing check
    problems = [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info]
    assert not problems, "\n".join(caplog.handler.format(r) for r in problems[:3])
    async with world.app.services.db.sessions() as session:
        failed = await session.scalar(select(func.count()).where(InboxUpdate.status == "failed"))
    assert failed == 0
    # Every button press was answered (the emulator keeps the unanswered ones); an answer to
    # someone who blocked the bot right after pressing cannot arrive.
    unanswered = world.emulator.open_queries.values()
    assert not [q for q in unanswered if q.user_id not in storm.ever_blocked]
