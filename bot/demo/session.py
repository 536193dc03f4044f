"""`peercoach demo`: the real bot against the emulator, with a page where several people chat.

One process and one event loop: the emulator listens on 127.0.0.1:PORT and also serves the page
(`/`, `/static/`) and the demo's own routes (`/demo/api/`); PeerCoach runs in-process on a SQLite
file and talks to the emulator over HTTP, exactly as it talks to Telegram.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import logging
import os
import signal
import sys
import tempfile
import webbrowser
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from tgemulator import TelegramEmulator

from bot.app import PeerCoach
from bot.demo.routes import add_demo_routes
from bot.demo.sample import add_history
from bot.demo.sample_room import add_finished_room
from bot.demo.seed import (
    DemoWorld,
    Persona,
    add_persona,
    current_roles,
    newest_class,
    seed,
    set_language,
)
from bot.logs import configure_logging
from bot.settings import load_settings
from storage.models import utcnow

log = logging.getLogger(__name__)
DB_NAME = "peercoach-demo.sqlite3"
BOT_USERNAME = "peercoach_demo_bot"
BOT_NAME = "PeerCoach"
# Stopping the bot normally takes milliseconds; never let a stuck worker keep the demo alive.
APP_STOP_SECONDS = 10


class DemoError(Exception):
    """The demo cannot start; the message says why in one sentence."""


class DemoSession:
    """The running demo: one emulator and one PeerCoach on one SQLite file, restartable."""

    def __init__(self, *, port: int = 0, db_file: str | None = None) -> None:
        self.port = port
        self._temp_dir = None if db_file else tempfile.mkdtemp(prefix="peercoach-demo-")
        self.db_path = Path(db_file) if db_file else Path(self._temp_dir or ".") / DB_NAME
        # Each reset starts a new generation; the page reloads when it sees a different one.
        self.generation = 0
        self._emulator: TelegramEmulator | None = None
        self._app: PeerCoach | None = None
        self._world: DemoWorld | None = None
        self._reset_lock = asyncio.Lock()
        self._reset_task: asyncio.Task[None] | None = None
        self._reset_target = 0

    @property
    def emulator(self) -> TelegramEmulator:
        """Return the emulator of the current generation."""
        assert self._emulator is not None, "the demo is not running"
        return self._emulator

    @property
    def app(self) -> PeerCoach:
        """Return the bot of the current generation."""
        assert self._app is not None, "the demo is not running"
        return self._app

    @property
    def world(self) -> DemoWorld:
        """Return the seeded cohort, group and personas of the current generation."""
        assert self._world is not None, "the demo is not running"
        return self._world

    @property
    def url(self) -> str:
        """Return the address of the page."""
        return f"{self.emulator.root_url}/"

    async def start(self) -> None:
        """Start the emulator with the page, then the bot, then seed the cohort."""
        if not self.db_path.parent.is_dir():
            raise DemoError(f"the folder of {self.db_path} does not exist")
        emulator = TelegramEmulator(
            port=self.port, bot_username=BOT_USERNAME, bot_first_name=BOT_NAME
        )
        add_demo_routes(emulator.app, self)
        try:
            await emulator.start()
        except OSError as error:
            reason = "is in use" if error.errno == errno.EADDRINUSE else f"cannot be used ({error})"
            raise DemoError(f"port {self.port} {reason}; pick another with --port N") from None
        self._emulator = emulator
        self.port = emulator.port
        settings = load_settings(
            _env_file=None,
            telegram_bot_token=emulator.token,
            telegram_api_base_url=emulator.base_url,
            database_url=f"sqlite+aiosqlite:///{self.db_path}",
            http_port=0,  # probes and metrics on any free port: the page is what matters
        )
        self._app = PeerCoach(settings, poll_timeout=1, probe_seconds=0)  # its own emulator
        await self._app.start()
        world = await seed(emulator, self._app.services, utcnow())
        await add_history(self._app.services, world, utcnow())
        await add_finished_room(self._app.services, world, utcnow())
        self._world = world
        self._app.delivery.wake()

    @property
    def ready(self) -> bool:
        """Tell whether the bot runs and the cohort is seeded (not so during a reset)."""
        return self._world is not None and self._app is not None

    async def stop(self) -> None:
        """Stop the bot first (it finishes its turns), then the emulator."""
        self._world = None
        if self._app is not None:
            try:
                async with asyncio.timeout(APP_STOP_SECONDS):
                    await self._app.stop()
            except TimeoutError:
                log.warning("the bot did not stop within %ss; closing anyway", APP_STOP_SECONDS)
            self._app = None
        if self._emulator is not None:
            await self._emulator.stop()
            self._emulator = None

    async def reset(self) -> None:
        """Start over: stop everything, wipe the database, start a fresh world on the same port."""
        async with self._reset_lock:
            await self.stop()
            self._remove_database()
            await self.start()
            # Only now: the page reloads as soon as it sees the new number.
            self.generation += 1

    async def world_json(self) -> dict[str, Any]:
        """Return the cohort, group, invite codes and personas with their roles as stored now."""
        roles = await current_roles(self.app.services, self.world)
        return {
            **self.world.to_json(roles),
            "newest_class": await newest_class(self.app.services, utcnow()),
        }

    def reset_soon(self) -> int:
        """Reset once the current request is answered; return the generation to wait for."""
        if self._reset_task is None or self._reset_task.done():
            self._reset_target = self.generation + 1
            self._reset_task = asyncio.create_task(self._reset_logged(), name="demo-reset")
        return self._reset_target

    async def _reset_logged(self) -> None:
        try:
            await self.reset()
        except Exception:
            log.exception("the demo could not start over; stop it with Ctrl-C and run it again")

    async def close(self) -> None:
        """Stop for good: a reset under way is abandoned, then everything stops."""
        if self._reset_task is not None and not self._reset_task.done():
            self._reset_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._reset_task
        await self.stop()
        self.cleanup()

    async def add_persona(self, *, name: str, role: str, language: str = "nl") -> Persona:
        """Add someone to the running demo and tell the page."""
        persona = await add_persona(
            self.emulator,
            self.app.services,
            self.world,
            name=name,
            role=role,
            language=language,
            now=utcnow(),
        )
        self.emulator.publish({"type": "demo_persona", "persona": persona.to_json()})
        self.app.delivery.wake()
        return persona

    async def set_language(self, language: str) -> None:
        """Let every persona speak this language with the bot (the page's EN/NL toggle)."""
        await set_language(self.emulator, self.app.services, self.world, language, utcnow())
        self.app.delivery.wake()

    def cleanup(self) -> None:
        """Remove the temporary database (a file given with --db is kept)."""
        if self._temp_dir is not None:
            self._remove_database()
            with contextlib.suppress(OSError):
                os.rmdir(self._temp_dir)

    def _remove_database(self) -> None:
        for suffix in ("", "-journal", "-wal", "-shm"):
            with contextlib.suppress(FileNotFoundError):
                Path(f"{self.db_path}{suffix}").unlink()


@asynccontextmanager
async def running_demo(*, port: int = 0, db_file: str | None = None) -> AsyncIterator[DemoSession]:
    """Run the demo for the duration of the block (port 0 picks a free port)."""
    session = DemoSession(port=port, db_file=db_file)
    try:
        await session.start()
        yield session
    finally:
        await session.close()


async def run_demo(
    *, port: int = 8765, db_file: str | None = None, open_browser: bool = True
) -> None:
    """Run the demo until Ctrl-C (or SIGTERM), then stop cleanly."""
    configure_logging("WARNING", [])
    stop = _stop_on_signals()
    try:
        async with running_demo(port=port, db_file=db_file) as session:
            print(f"PeerCoach demo: {session.url} (Ctrl-C stops)", flush=True)
            if open_browser:
                await asyncio.to_thread(_open_browser, session.url)
            await stop.wait()
            print("Stopping the demo… (Ctrl-C again quits at once)", flush=True)
    except DemoError as error:
        print(f"peercoach: {error}", file=sys.stderr)
        sys.exit(2)


def _stop_on_signals() -> asyncio.Event:
    """The first Ctrl-C (or SIGTERM) stops cleanly; after it, signals act as usual again."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    signals = (signal.SIGINT, signal.SIGTERM)

    def first_signal() -> None:
        stop.set()
        for signum in signals:
            loop.remove_signal_handler(signum)

    for signum in signals:
        # Windows has no loop signal handlers; there Ctrl-C raises KeyboardInterrupt instead.
        with contextlib.suppress(NotImplementedError):
            loop.add_signal_handler(signum, first_signal)
    return stop


def _open_browser(url: str) -> None:
    """Open the page in the default browser when there is a screen to show it on."""
    headless = sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    )
    if headless:
        # Without a display webbrowser would pick a text browser and take over the terminal.
        return
    try:
        webbrowser.open(url)
    except webbrowser.Error as error:
        log.warning("could not open a browser (%s); open %s yourself", error, url)
