"""`peercoach pair`: a dry run prints the proposal, an export writes CSV, and an import creates
the pairs or names every bad row (without ever revealing a private wish)."""

from __future__ import annotations

import asyncio
import csv
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bot.cli.main import main
from bot.cli.pairing import MODES
from flows.onboarding import Role
from flows.pairing import RoundMode, Wants
from storage import cohorts, matches, pairing, people
from storage.db import Database
from storage.migrate import upgrade_to_head
from storage.models import Match, MatchMember, OutboxMessage, utcnow
from storage.pairing_models import PairingRound

TOKEN = "123456:ABCdefGHIjkl"
# id: (name, slots, wants)
STUDENTS = {
    11: ("Sanne", ["tue-pm"], Wants.BOTH),
    12: ("Bram", ["tue-pm"], Wants.BOTH),
    13: ("Noor", ["wed-am"], Wants.BOTH),
    14: ("Daan", ["wed-am"], Wants.COACH),
    15: ("Lotte", ["wed-am"], Wants.BOTH),  # pausing
    16: ("Kim", [], Wants.BOTH),  # not in the pool
    17: ("Jan", [], Wants.BOTH),  # already has a partner
    18: ("Sam", [], Wants.BE_COACHED),
    19: ("Sam", [], Wants.BOTH),
}


async def seed(url: str) -> None:
    """A cohort "5B" with students in its pool; Noor privately asked not to be with Bram."""
    db = Database(url)
    await upgrade_to_head(db)
    now = utcnow()
    async with db.transaction() as session:
        cohort = await cohorts.create_cohort(session, name="5B", created_by=None, now=now)
        for uid, (name, slots, wants) in STUDENTS.items():
            user = await people.get_or_create_user(session, user_id=uid, now=now)
            await people.accept_privacy(session, user=user, first_name=name, username=None, now=now)
            user.language = "nl"
            await cohorts.join_cohort(
                session, user_id=uid, cohort_id=cohort.id, role=Role.STUDENT, now=now
            )
            if uid == 16:
                continue
            entry = await pairing.join_pool(
                session, cohort_id=cohort.id, user_id=uid, language="nl", now=now
            )
            entry.availability, entry.wants = slots, wants
            if uid == 15:
                entry.paused_until = now + timedelta(days=7)
        user = await people.get_or_create_user(session, user_id=20, now=now)
        await people.accept_privacy(session, user=user, first_name="Eva", username=None, now=now)
        await cohorts.join_cohort(
            session, user_id=20, cohort_id=cohort.id, role=Role.STUDENT, now=now
        )
        await matches.create_match(
            session, cohort_id=cohort.id, kind="reciprocal", members=[17, 20], now=now
        )
        await pairing.toggle_do_not_pair(session, user_id=13, other_id=12, now=now)
    await db.dispose()


async def stored(url: str) -> tuple[list[list[int]], int, int, list[str]]:
    """Active matches' members, the number of rounds and outbox rows, and the outbox texts."""
    db = Database(url)
    async with db.sessions() as session:
        active = []
        for match_id in (await session.scalars(select(Match.id).order_by(Match.id))).all():
            members = await session.scalars(
                select(MatchMember.user_id)
                .where(MatchMember.match_id == match_id)
                .order_by(MatchMember.position)
            )
            active.append(list(members.all()))
        rounds = (await session.execute(select(func.count()).select_from(PairingRound))).scalar()
        texts = [
            str(row.payload.get("text", ""))
            for row in (await session.scalars(select(OutboxMessage))).all()
        ]
    await db.dispose()
    return active, int(rounds or 0), len(texts), texts


@pytest.fixture
def url(database_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    asyncio.run(seed(database_url))
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", TOKEN)
    return database_url


def write(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([["kind", "person_1", "person_2", "person_3"], *rows])
    return path


def test_the_modes_offered_are_the_algorithms() -> None:
    assert tuple(mode.value for mode in RoundMode) == MODES


def test_a_dry_run_prints_the_proposal_and_changes_nothing(
    url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["pair", "--cohort", "5B", "--dry-run"])
    out = capsys.readouterr().out
    assert out.startswith("Round 1 of 5B (reciprocal; new proposal, nothing saved)")
    assert "Sanne ↔ Bram: new pair, both free Tuesday afternoon, same language" in out
    assert "Lotte: pausing until" in out
    assert "Already have a partner: Jan" in out
    assert "Kim" not in out  # never opted in
    assert "Noor ↔ Bram" not in out and "Bram ↔ Noor" not in out
    assert asyncio.run(stored(url))[1:3] == (0, 0)


def test_an_export_can_be_imported_again(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "round.csv"
    main(["pair", "--cohort", "5B", "--export", str(target), "--mode", "one_way"])
    assert "rows to" in capsys.readouterr().out
    with target.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    kinds = [row["kind"] for row in rows]
    assert set(kinds) <= {"one_way", "triad", "unpaired"} and "one_way" in kinds
    lotte = next(row for row in rows if row["person_1"] == "Lotte (15)")
    assert lotte["kind"] == "unpaired" and lotte["reasons"].startswith("pausing until")

    main(["pair", "--cohort", "5B", "--import", str(target)])
    out = capsys.readouterr().out
    assert "Round 1 of 5B: created" in out
    active, rounds, _, texts = asyncio.run(stored(url))
    exported = [
        [
            int(cell.split("(")[1].rstrip(")"))
            for cell in (r["person_1"], r["person_2"], r["person_3"])
            if cell
        ]
        for r in rows
        if r["kind"] != "unpaired"
    ]
    assert active[1:] == exported  # the file's order: the coach first
    assert rounds == 1
    assert any("Je coachingspartner" in text for text in texts)
    assert any("Jij pauzeert tot" in text for text in texts)  # Lotte hears why


def test_an_import_names_every_bad_row_and_creates_nothing(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(
        tmp_path / "by-hand.csv",
        [
            ["", "Sanne", "Piet", ""],  # row 2: unknown person
            ["", "Kim", "Bram", ""],  # row 3: not in the pool
            ["", "Bram", "Noor", ""],  # row 4: a private wish (never named as such)
            ["", "Sanne (11)", "Lotte", ""],  # row 5: pausing
            ["", "Sanne", "Daan", ""],  # row 6: fine
            ["", "Daan", "Sam (19)", ""],  # row 7: Daan is in two pairs
            ["one_way", "Sam (18)", "Jan", ""],  # row 8: busy, and Sam 18 does not coach
            ["triad", "Sam", "Noor", ""],  # row 9: two students are called Sam
            ["pair", "12", "13", ""],  # row 10: unknown kind
        ],
    )
    with pytest.raises(SystemExit) as stopped:
        main(["pair", "--cohort", "5B", "--import", str(path)])
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert "nothing was imported" in err
    assert "row 2: unknown person 'Piet'" in err
    assert "row 3: Kim is not in the pairing pool" in err
    assert "row 4: Bram and Noor cannot be paired: their coaching wishes or a private wish" in err
    assert "row 5: Lotte is pausing" in err
    assert "row 6:" not in err
    assert "row 7: Daan is in two pairs (also in row 6)" in err
    assert "row 8: Jan already has a partner; Sam does not want to coach" in err
    assert "row 9: 'Sam' is ambiguous: 2 students have that name" in err
    assert "row 10: unknown kind 'pair'" in err
    assert "Noor asked" not in err and "do not pair" not in err
    active, rounds, sent, _ = asyncio.run(stored(url))
    assert (len(active), rounds, sent) == (1, 0, 0)


def test_a_one_way_import_keeps_the_coach_first_and_tells_the_rest(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(
        tmp_path / "by-hand.csv",
        [["one_way", "Daan", "Noor", ""], ["reciprocal", "Sam (18)", "Sanne", "Bram"]],
    )
    with pytest.raises(SystemExit):
        main(["pair", "--cohort", "5B", "--import", str(path)])
    assert "row 3: a reciprocal has 2 people, this row has 3" in capsys.readouterr().err
    path = write(
        tmp_path / "by-hand.csv",
        [["one_way", "Daan", "Noor", ""], ["", "Sam (18)", "Sanne", "Bram"]],
    )
    main(["pair", "--cohort", "5B", "--import", str(path)])
    out = capsys.readouterr().out
    assert "created 1 pair(s) and 1 triad(s). 8 students will hear of it" in out
    assert "Without a partner (told why): Lotte, Sam" in out
    active, _, _, texts = asyncio.run(stored(url))
    assert active[1] == [14, 13]
    assert set(active[2]) == {18, 11, 12}
    assert any("door de coördinator gekozen" in text for text in texts)


def test_an_unknown_cohort_or_file_is_a_clear_error(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit):
        main(["pair", "--cohort", "6C", "--dry-run"])
    assert "there is no cohort named '6C'" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["pair", "--cohort", "5B", "--import", str(tmp_path / "missing.csv")])
    assert "could not read" in capsys.readouterr().err
    (tmp_path / "bad.csv").write_text("name,partner\nSanne,Bram\n", encoding="utf-8")
    with pytest.raises(SystemExit):
        main(["pair", "--cohort", "5B", "--import", str(tmp_path / "bad.csv")])
    assert "the header needs the columns person_1, person_2" in capsys.readouterr().err


async def earlier_pair(url: str, members: list[int]) -> None:
    """These two coached each other before in the cohort, and that match has finished."""
    db = Database(url)
    async with db.transaction() as session:
        cohort = await cohorts.cohort_by_name(session, name="5B")
        assert cohort is not None
        match = await matches.create_match(
            session, cohort_id=cohort.id, kind="reciprocal", members=members, now=utcnow()
        )
        match.status = "closed"
    await db.dispose()


def test_an_import_never_repeats_an_earlier_pair(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    asyncio.run(earlier_pair(url, [11, 12]))
    path = write(tmp_path / "again.csv", [["", "Sanne", "Bram", ""]])
    with pytest.raises(SystemExit) as stopped:
        main(["pair", "--cohort", "5B", "--import", str(path)])
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert "row 2: Sanne and Bram were partners before; a round pairs new partners only" in err
    active, rounds, _, _ = asyncio.run(stored(url))
    assert (len(active), rounds) == (2, 0)  # the running and the finished match: none new
