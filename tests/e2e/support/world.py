"""An end-to-end world: the emulated Telegram and the real PeerCoach talking over HTTP."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from tgemulator import ScriptedUser, TelegramEmulator, running_emulator

from bot.app import PeerCoach
from bot.clock import Clock, FakeClock
from bot.runtime.pacer import PaceLimits, Pacer, Window
from bot.settings import Settings, load_settings
from flows.onboarding import Role
from storage import cohorts
from storage.models import utcnow

# Roomy limits for conversation tests; the delivery tests use Telegram's real ones.
RELAXED = PaceLimits(
    overall=(Window(500, 1.0),), private=(Window(200, 1.0),), group=(Window(200, 1.0),)
)


@dataclass
class World:
    """The emulator, the running app and helpers to set up cohorts and people."""

    emulator: TelegramEmulator
    app: PeerCoach
    settings: Settings

    def person(self, first_name: str, *, language_code: str | None = "nl") -> ScriptedUser:
        """A new Telegram user with a private chat, ready to talk to the bot."""
        user = self.emulator.add_user(first_name, language_code=language_code)
        return ScriptedUser(self.emulator, user)

    async def cohort(self, name: str = "5B Peercoaching") -> dict[Role, str]:
        """Create a cohort directly in the database and return its invite codes per role."""
        async with self.app.services.db.transaction() as session:
            cohort = await cohorts.create_cohort(session, name=name, created_by=None, now=utcnow())
            invites = await cohorts.create_cohort_invites(
                session, cohort_id=cohort.id, now=utcnow()
            )
        return {role: invite.code for role, invite in invites.items()}

    def later(self, by: timedelta) -> None:
        """Move the test's fake clock on and let the bot look at the timers that fell due."""
        clock = self.app.services.clock
        assert isinstance(clock, FakeClock), "this world runs on the real clock"
        clock.advance(by)
        self.app.dispatcher.wake()

    def move_to(self, moment: datetime) -> None:
        """Move the test's fake clock on to this moment; timers that fell due fire."""
        self.later(moment - self.app.services.clock.now())

    async def join(self, person: ScriptedUser, code: str, *, language: str = "Nederlands") -> None:
        """Take a person through joining: the link, a language, consent."""
        await person.send(f"/start {code}")
        await person.expect()
        await person.press(next(b for b in _labels(person) if language in b))
        await person.expect()
        await person.expect()
        await person.press(_labels(person)[0])
        await person.expect()


async def eventually(
    check: Callable[[], Awaitable[bool]], *, seconds: float = 5.0, step: float = 0.05
) -> None:
    """Wait until an asynchronous check holds; fail with a clear message when it never does."""
    deadline = asyncio.get_running_loop().time() + seconds
    while not await check():
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"{check.__name__} did not hold within {seconds}s")
        await asyncio.sleep(step)


async def every_press_answered(world: World) -> None:
    """Wait until the bot answered every button press so far (each exactly once, as the
    emulator refuses a second answer); fail naming the presses left spinning."""

    async def answered() -> bool:
        return not world.emulator.unanswered_queries()

    try:
        await eventually(answered)
    except AssertionError:
        left = [(q.user_id, q.data) for q in world.emulator.unanswered_queries()]
        raise AssertionError(f"presses never answered: {left}") from None


def _labels(person: ScriptedUser) -> list[str]:
    message = person.emulator.last_bot_message(person.chat_id)
    assert message is not None
    return ScriptedUser.buttons(message)


def app_settings(emulator: TelegramEmulator, database_url: str, **extra: Any) -> Settings:
    """Settings that point the app at the emulator and the test database."""
    return load_settings(
        _env_file=None,
        telegram_bot_token=emulator.token,
        telegram_api_base_url=emulator.base_url,
        database_url=database_url,
        # The web server on a port the system picks; the Monday digest only where a test
        # asks for it, so moving the clock across a Monday adds no message elsewhere.
        **{"http_port": 0, "weekly_digest": False, **extra},
    )


@asynccontextmanager
async def running_world(
    database_url: str,
    *,
    limits: PaceLimits = RELAXED,
    clock: Clock | None = None,
    emulator_options: dict[str, Any] | None = None,
    **settings: Any,
) -> AsyncIterator[World]:
    """Start the emulator and the app; stop both afterwards."""
    options = {"flood_control": limits is not RELAXED, **(emulator_options or {})}
    async with running_emulator(**options) as emulator:
        config = app_settings(emulator, database_url, **settings)
        # Nobody else polls this emulator: no need to listen for a rival poller at start.
        app = PeerCoach(config, clock=clock, pacer=Pacer(limits), poll_timeout=1, probe_seconds=0)
        await app.start()
        try:
            yield World(emulator, app, config)
        finally:
            await app.stop()
