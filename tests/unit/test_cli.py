"""The `peercoach` command line: help everywhere, cohorts and invites, clear errors."""

from __future__ import annotations

import re
import sqlite3
import sys
from pathlib import Path

import pytest

from bot.cli.main import main


@pytest.fixture(autouse=True)
def isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Run in an empty folder with a SQLite file and no token."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("TELEGRAM_BOT_TOKEN", raising=False)
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'cli.sqlite3'}")
    return tmp_path


@pytest.mark.parametrize(
    "command",
    [
        [],
        ["run"],
        ["migrate"],
        ["demo"],
        ["health"],
        ["cohort"],
        ["cohort", "create"],
        ["cohort", "list"],
        ["cohort", "set"],
        ["invite"],
        ["invite", "revoke"],
        ["ops-link"],
    ],
)
def test_every_command_has_help(command: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main([*command, "--help"])
    assert done.value.code == 0
    assert "usage: peercoach" in capsys.readouterr().out


def test_cohort_create_prints_four_deep_links_and_list_counts(
    capsys: pytest.CaptureFixture[str],
) -> None:
    main(["cohort", "create", "5B  Peer coaching", "--bot-username", "school_bot"])
    out = capsys.readouterr().out
    links = re.findall(r"https://t\.me/school_bot\?start=([A-Za-z0-9_-]{16})", out)
    assert len(set(links)) == 4
    assert "student" in out and "teacher" in out and "coordinator" in out
    assert "confidant" in out
    main(["cohort", "list"])
    assert "5B Peer coaching" in capsys.readouterr().out


def test_errors_are_one_sentence_with_exit_status_2(capsys: pytest.CaptureFixture[str]) -> None:
    main(["cohort", "create", "4A", "--bot-username", "b"])
    capsys.readouterr()
    for argv, message in [
        (["cohort", "create", "4A", "--bot-username", "b"], "exists already"),
        (["cohort", "create", "!", "--bot-username", "b"], "2 to 80 characters"),
        (["invite", "revoke", "nope"], "no invite with code 'nope'"),
        (["run"], "TELEGRAM_BOT_TOKEN is not set"),
    ]:
        with pytest.raises(SystemExit) as done:
            main(argv)
        err = capsys.readouterr().err
        assert done.value.code == 2
        assert message in err and err.count("\n") == 1 and "Traceback" not in err


def test_revoking_an_invite_from_the_list(capsys: pytest.CaptureFixture[str]) -> None:
    main(["cohort", "create", "4A", "--bot-username", "b"])
    code = re.findall(r"\?start=(\S+)", capsys.readouterr().out)[0]
    main(["invite", "revoke", code])
    assert "no longer works" in capsys.readouterr().out


def test_demo_without_the_emulator_says_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # As in a runtime-only install: the demo module is not loaded and tgemulator cannot be.
    monkeypatch.delitem(sys.modules, "bot.demo.session", raising=False)
    monkeypatch.setitem(sys.modules, "tgemulator", None)
    with pytest.raises(SystemExit) as done:
        main(["demo", "--no-browser"])
    err = capsys.readouterr().err
    assert done.value.code == 2
    assert "pip install -e ./emulator" in err and "Traceback" not in err


def test_a_cohort_gets_its_own_time_zone_and_quiet_hours(
    capsys: pytest.CaptureFixture[str],
) -> None:
    main(["cohort", "create", "Curaçao 4", "--bot-username", "b"])
    main(["cohort", "create", "Gent 2", "--bot-username", "b"])
    capsys.readouterr()
    main(["cohort", "set", "Curaçao 4", "--timezone", "America/Curacao", "--quiet", "20:00-07:30"])
    assert capsys.readouterr().out == (
        "Cohort 'Curaçao 4' now uses the time zone America/Curacao "
        "and the quiet hours 20:00-07:30.\n"
    )
    main(["cohort", "list"])
    listed = capsys.readouterr().out.splitlines()
    assert listed[1].endswith("America/Curacao 20:00-07:30")
    assert listed[2].endswith("Europe/Brussels 21:00-08:00")  # the settings' defaults
    for argv, message in [
        (["--timezone", "Europe/Amsterdan"], "'Europe/Amsterdan' is not a time zone we know"),
        (["--quiet", "9-17"], "'9-17' is not a span of hours such as 21:00-08:00"),
        ([], "say what to set: --timezone ZONE, --quiet HH:MM-HH:MM, or both"),
    ]:
        with pytest.raises(SystemExit) as done:
            main(["cohort", "set", "Gent 2", *argv])
        err = capsys.readouterr().err
        assert done.value.code == 2
        assert err.startswith(f"peercoach: {message}") and err.count("\n") == 1


def test_ops_link_prints_a_one_time_link_that_names_no_one(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], isolated: Path
) -> None:
    monkeypatch.setenv("DASHBOARD_URL", "https://dash.school.nl/")
    main(["ops-link"])
    main(["ops-link"])
    out = capsys.readouterr().out
    tokens = re.findall(r"^  https://dash\.school\.nl/dashboard/signin\?t=([\w-]{40,})$", out, re.M)
    assert len(set(tokens)) == 2  # a fresh link each time
    assert out.count("Sign-in link to the operations view (works once, for 10 minutes):") == 2
    assert "no students, no groups" in out
    # Stored: only the tokens' hashes, no person, scope "ops".
    with sqlite3.connect(isolated / "cli.sqlite3") as db:
        rows = db.execute("SELECT token_hash, user_id, scope FROM dashboard_links").fetchall()
    assert sorted((user, scope) for _, user, scope in rows) == [(None, "ops"), (None, "ops")]
    assert {hashed for hashed, _, _ in rows}.isdisjoint(tokens)


def test_ops_link_without_a_dashboard_url_uses_this_machines_address(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("DASHBOARD_URL", raising=False)
    monkeypatch.delenv("WEBHOOK_URL", raising=False)
    monkeypatch.setenv("HTTP_PORT", "8099")
    main(["ops-link"])
    assert re.search(
        r"^  http://127\.0\.0\.1:8099/dashboard/signin\?t=[\w-]+$", capsys.readouterr().out, re.M
    )
