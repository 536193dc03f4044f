"""`peercoach erase`: help, a clear answer for unknown people, and a confirmation prompt."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from bot.cli.main import main
from bot.settings import async_database_url
from storage import people
from storage.db import Database
from storage.migrate import upgrade_to_head
from storage.models import utcnow


@pytest.fixture
def database(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> str:
    """An empty folder with a SQLite file and no token."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("TELEGRAM_BOT_TOKEN", raising=False)
    url = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    monkeypatch.setenv("DATABASE_URL", url)
    return url


def _known(url: str, user_id: int) -> bool:
    async def check() -> bool:
        db = Database(async_database_url(url))
        await upgrade_to_head(db)
        async with db.transaction() as session:
            found = await people.get_user(session, user_id=user_id) is not None
        await db.dispose()
        return found

    return asyncio.run(check())


def _add(url: str, user_id: int, name: str) -> None:
    async def add() -> None:
        db = Database(async_database_url(url))
        await upgrade_to_head(db)
        async with db.transaction() as session:
            user = await people.get_or_create_user(session, user_id=user_id, now=utcnow())
            await people.accept_privacy(
                session, user=user, first_name=name, username=None, now=utcnow()
            )
        await db.dispose()

    asyncio.run(add())


def test_erase_has_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["erase", "--help"])
    assert done.value.code == 0
    assert "--yes" in capsys.readouterr().out


def test_erasing_someone_unknown_says_so_with_status_2(
    database: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as done:
        main(["erase", "--user", "123456789", "--yes"])
    assert done.value.code == 2
    assert "knows nothing about Telegram id 123456789" in capsys.readouterr().err


def test_erase_asks_first_and_only_erases_on_the_word(
    database: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _add(database, 555000111, "Noor")
    monkeypatch.setattr("builtins.input", lambda prompt: "no")
    with pytest.raises(SystemExit):
        main(["erase", "--user", "555000111"])
    assert "About to erase Noor (Telegram id 555000111; no cohort)" in capsys.readouterr().out
    assert _known(database, 555000111)
    monkeypatch.setattr("builtins.input", lambda prompt: "erase")
    main(["erase", "--user", "555000111"])
    assert "Erased everything about Telegram id 555000111." in capsys.readouterr().out
    assert not _known(database, 555000111)


def test_retention_sets_the_end_and_says_when_the_purge_comes(
    database: str, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["cohort", "create", "4A Coaching", "--bot-username", "school_bot"])
    capsys.readouterr()
    year = date.today().year + 1
    main(["retention", "4A Coaching", "--ends", f"{year}-06-30"])
    assert f"its content will be purged on {year}-09-28" in capsys.readouterr().out
    for argv, message in [
        (["retention", "4A Coaching", "--ends", "30/06/2026"], "is not a date"),
        (["retention", "5C", "--ends", f"{year}-06-30"], "there is no cohort named '5C'"),
        # A typo for a past year would have the running bot purge the cohort at once.
        (["retention", "4A Coaching", "--ends", "2020-06-30"], "2020-06-30 has passed"),
    ]:
        with pytest.raises(SystemExit) as done:
            main(argv)
        assert done.value.code == 2
        assert message in capsys.readouterr().err


@pytest.mark.parametrize(
    "command",
    [
        ["export", "--user", "1", "--out", "mine.zip"],
        ["erase", "--user", "1", "--yes"],
        ["retention", "Zeta", "--ends", "2027-06-30"],
    ],
)
def test_a_privacy_command_answers_in_a_fresh_process(database: str, command: list[str]) -> None:
    """Run as `peercoach` is: a new interpreter, so no earlier import hides an import cycle."""
    code = f"from bot.cli.main import main; main({command!r})"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )
    assert "Traceback" not in done.stderr, done.stderr
    assert done.stderr.startswith("peercoach: "), done.stderr
    assert done.returncode == 2
