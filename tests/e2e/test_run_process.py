"""`peercoach run` and `peercoach health` as real processes: clear start-up failures, an
outage of the Bot API after start survived, and the health check asking the running bot."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url
from tgemulator import ScriptedUser, TelegramEmulator, running_emulator

from tests.conftest import POSTGRES_URL
from tests.e2e.support.world import eventually

START_UP_SECONDS = 60


def free_port() -> int:
    """A port nothing listens on (the system picks it, so no other test or person uses it)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def environment(tmp_path: Path, **settings: str) -> dict[str, str]:
    """A clean environment: no .env, a SQLite file in the test's folder, the given settings."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "DATABASE_"))}
    env |= {
        "DATABASE_URL": f"sqlite:///{tmp_path / 'bot.sqlite3'}",
        "TELEGRAM_BOT_TOKEN": "123456:unused-token",
        "HTTP_PORT": str(free_port()),
        "PYTHONPATH": str(Path(__file__).resolve().parents[2]),
    }
    return env | {name.upper(): value for name, value in settings.items()}


async def peercoach(tmp_path: Path, *args: str, **env: str) -> asyncio.subprocess.Process:
    """Start the `peercoach` command line in the test's folder (where no .env lies)."""
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-c",
        "from bot.cli.main import main; main()",
        *args,
        cwd=tmp_path,
        env=environment(tmp_path, **env),
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )


async def finished(process: asyncio.subprocess.Process) -> tuple[int, str, str]:
    """Exit status, stdout and stderr of a process that ends by itself."""
    async with asyncio.timeout(START_UP_SECONDS):
        out, err = await process.communicate()
    assert process.returncode is not None
    return process.returncode, out.decode(), err.decode()


async def run_fails(tmp_path: Path, **env: str) -> tuple[int, str]:
    """`peercoach run` that should stop at start-up: its exit status and stderr."""
    status, _, err = await finished(await peercoach(tmp_path, "run", **env))
    return status, err


def unreachable_postgres() -> str:
    return f"postgresql://peercoach:secret@127.0.0.1:{free_port()}/peercoach"


def one_sentence(stderr: str) -> str:
    """The only line on stderr, checked to be a sentence and no traceback."""
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr
    return lines[0]


async def test_an_unreachable_database_is_one_sentence(tmp_path: Path) -> None:
    status, err = await run_fails(tmp_path, database_url=unreachable_postgres())
    assert status == 2
    assert one_sentence(err).startswith("peercoach: the database 127.0.0.1:")
    assert "cannot be reached" in err and "is it running?" in err
    assert "secret" not in err


@pytest.mark.skipif(POSTGRES_URL is None, reason="needs TEST_DATABASE_URL (PostgreSQL)")
async def test_wrong_database_credentials_are_one_sentence(tmp_path: Path) -> None:
    assert POSTGRES_URL is not None
    wrong = make_url(POSTGRES_URL).set(username="no_such_peercoach_role", password="nope")
    status, err = await run_fails(
        tmp_path, database_url=wrong.render_as_string(hide_password=False)
    )
    assert status == 2
    assert one_sentence(err).endswith("refused the user or password in DATABASE_URL")
    assert "nope" not in err


async def test_a_sqlite_file_in_a_missing_folder_is_one_sentence(tmp_path: Path) -> None:
    missing = tmp_path / "no" / "such" / "folder"
    status, err = await run_fails(tmp_path, database_url=f"sqlite:///{missing}/bot.sqlite3")
    assert status == 2
    assert one_sentence(err) == (
        f"peercoach: the folder {missing} for the SQLite database does not exist: "
        "create it or point DATABASE_URL elsewhere"
    )
    assert not missing.exists()


async def test_an_unreachable_bot_api_is_one_sentence(tmp_path: Path) -> None:
    base_url = f"http://127.0.0.1:{free_port()}/bot"
    status, err = await run_fails(tmp_path, telegram_api_base_url=base_url)
    assert status == 2
    assert one_sentence(err).startswith(f"peercoach: the Bot API at {base_url} cannot be reached")


async def test_a_rejected_token_is_one_sentence(tmp_path: Path) -> None:
    async with running_emulator(token="42:the-real-token") as emulator:
        status, err = await run_fails(
            tmp_path,
            telegram_api_base_url=emulator.base_url,
            telegram_bot_token="42:a-token-telegram-does-not-know",
        )
    assert status == 2
    assert one_sentence(err) == (
        "peercoach: Telegram rejected TELEGRAM_BOT_TOKEN: copy the token from @BotFather again"
    )
    assert "a-token-telegram-does-not-know" not in err


class Stderr:
    """The lines a running process writes to stderr, collected as they come."""

    def __init__(self, process: asyncio.subprocess.Process) -> None:
        assert process.stderr is not None
        self.lines: list[str] = []
        self._task = asyncio.create_task(self._read(process.stderr))

    async def _read(self, stream: asyncio.StreamReader) -> None:
        while line := await stream.readline():
            self.lines.append(line.decode().rstrip())

    def count(self, phrase: str) -> int:
        """How many lines so far contain the phrase."""
        return sum(phrase in line for line in self.lines)

    async def close(self) -> None:
        """Wait until the process closed its stderr."""
        await self._task


@asynccontextmanager
async def running_bot(
    tmp_path: Path, emulator: TelegramEmulator
) -> AsyncIterator[tuple[asyncio.subprocess.Process, Stderr, dict[str, str]]]:
    """`peercoach run` against the emulator, until the block ends (then SIGTERM)."""
    env = {
        "telegram_api_base_url": emulator.base_url,
        "telegram_bot_token": emulator.token,
        "http_port": str(free_port()),
    }
    process = await peercoach(tmp_path, "run", **env)
    stderr = Stderr(process)
    try:

        async def healthy() -> bool:
            status, _, _ = await finished(await peercoach(tmp_path, "health", **env))
            return status == 0

        await eventually(healthy, seconds=START_UP_SECONDS, step=0.5)
        yield process, stderr, env
    finally:
        if process.returncode is None:
            process.send_signal(signal.SIGTERM)
        async with asyncio.timeout(START_UP_SECONDS):
            await process.wait()
        await stderr.close()


async def test_health_asks_the_running_bot_and_fails_without_one(tmp_path: Path) -> None:
    async with running_emulator() as emulator, running_bot(tmp_path, emulator) as (_, _, env):
        assert await finished(await peercoach(tmp_path, "health", **env)) == (0, "healthy\n", "")
        ready = await finished(await peercoach(tmp_path, "health", "--ready", **env))
        assert ready == (0, "ready\n", "")
    status, _, err = await finished(await peercoach(tmp_path, "health", **env))
    url = f"http://127.0.0.1:{env['http_port']}/healthz"
    assert (status, err) == (1, f"peercoach: unhealthy: no PeerCoach answers at {url}\n")


async def test_a_bot_api_outage_after_start_is_waited_out(tmp_path: Path) -> None:
    async with running_emulator() as emulator:
        async with running_bot(tmp_path, emulator) as (process, stderr, _):
            await emulator.stop()  # Telegram goes away under the running bot

            async def outage_logged() -> bool:
                return stderr.count("the Bot API cannot be reached") == 1

            await eventually(outage_logged, seconds=30, step=0.2)
            await emulator.start()  # and comes back on the same address
            ida = ScriptedUser(emulator, emulator.add_user("Ida"))
            await ida.send("/start")
            await ida.expect(timeout=40)
            assert process.returncode is None
            assert stderr.count("the Bot API answers again") == 1
            assert stderr.count("the Bot API cannot be reached") == 1  # not once per attempt
        assert process.returncode == 0
        assert not [line for line in stderr.lines if "Traceback" in line], stderr.lines


async def test_a_webhook_port_in_use_is_one_sentence(tmp_path: Path) -> None:
    # Without its port a webhook bot hears nothing (a polling bot only loses its probes).
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        async with running_emulator() as emulator:
            status, err = await run_fails(
                tmp_path,
                telegram_api_base_url=emulator.base_url,
                telegram_bot_token=emulator.token,
                webhook_url="https://bot.example.org/telegram",
                webhook_listen="127.0.0.1",
                webhook_port=str(port),
            )
    assert status == 2
    assert one_sentence(err) == (
        f"peercoach: the web server cannot listen on 127.0.0.1:{port}: "
        "that port is in use, set WEBHOOK_PORT"
    )


async def test_a_token_rejected_while_running_ends_the_run_with_one_sentence(
    tmp_path: Path,
) -> None:
    async with running_emulator() as emulator:
        async with running_bot(tmp_path, emulator) as (process, stderr, _):
            # The token is revoked: the next reply is refused, and so is the getMe that checks.
            emulator.inject_fault("sendMessage", None, "client_error", status=401)
            emulator.inject_fault("getMe", None, "client_error", status=401, count=5)
            ida = ScriptedUser(emulator, emulator.add_user("Ida"))
            await ida.send("/start")
            async with asyncio.timeout(START_UP_SECONDS):
                await process.wait()
        assert process.returncode == 2
        assert stderr.lines[-1] == (
            "peercoach: Telegram rejected TELEGRAM_BOT_TOKEN: copy the token from @BotFather again"
        )
        assert not [line for line in stderr.lines if "Traceback" in line], stderr.lines
        await ida.expect_silence(0.3)
