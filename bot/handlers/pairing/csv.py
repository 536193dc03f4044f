"""Pairing rounds outside Telegram, for `peercoach pair`: the proposal printed for a terminal,
written to a CSV file, and pairs made by hand in a spreadsheet checked row by row and created.

Coordinators often work in spreadsheets. An export can be edited and imported again; an import
checks every row first and names each bad one, then creates the matches, introduces partners and
tells everyone in the pool (the running bot delivers those messages).
"""

from __future__ import annotations

import argparse
import csv
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncSession

from bot.clock import SystemClock
from bot.handlers.pairing.common import match_title, names_of, reasons_text, unmatched_text
from bot.handlers.pairing.round import (
    PoolView,
    RoundConflict,
    confirm,
    load_pool,
    new_round_number,
    propose,
    stored_shape,
)
from bot.i18n import shared_texts
from bot.runtime.turn import Turn
from bot.services import Services, make_bot
from bot.settings import Settings
from flows.pairing import (
    Candidate,
    Match,
    PairingError,
    PairingRules,
    Proposal,
    Reason,
    ReasonKind,
    RoundMode,
    Unmatched,
    UnmatchedReason,
    propose_round,
)
from storage import cohorts, pairing
from storage.db import Database
from storage.migrate import upgrade_to_head
from storage.models import utcnow
from storage.pairing_models import PairingRound, RoundKind, RoundStatus

COLUMNS = ("kind", "person_1", "person_2", "person_3", "reasons")
KINDS = ("reciprocal", "one_way", "triad")
UNPAIRED = "unpaired"
# A dry run or an export sends nothing: the Bot API client is built but never called.
OFFLINE_TOKEN = "0:offline"
ID_IN_CELL = re.compile(r"\((\d+)\)\s*$")


class PairCliError(Exception):
    """A problem the operator can fix, with one line per bad row."""


async def run(settings: Settings, args: argparse.Namespace) -> None:
    """Print, export or import, as the arguments say."""
    db = Database(settings.database_url)
    await upgrade_to_head(db)
    try:
        if args.import_file:
            await _import(settings, db, args)
        else:
            await _show_or_export(settings, db, args)
    finally:
        await db.dispose()


# --- Dry run and export -----------------------------------------------------------------------


async def _show_or_export(settings: Settings, db: Database, args: argparse.Namespace) -> None:
    async with db.sessions() as session:
        turn = _turn(settings, db, session, sending=False)
        cohort_id = await _cohort_id(session, args.cohort)
        view = await load_pool(session, cohort_id=cohort_id, now=turn.now)
        row, proposal, fresh = await _current_proposal(session, view, args)
        if args.export:
            count = write_csv(Path(args.export), turn, view, proposal)
            print(f"Wrote {count} rows to {args.export}.")
            return
        print(render(turn, view, row, proposal, fresh=fresh))


async def _current_proposal(
    session: AsyncSession, view: PoolView, args: argparse.Namespace
) -> tuple[PairingRound, Proposal, bool]:
    """The draft a coordinator left in Telegram, or a new proposal that is not saved."""
    draft = await pairing.draft_round(session, cohort_id=view.cohort_id)
    if draft is not None:
        return draft, pairing.proposal_from_json(draft.proposal), False
    row = PairingRound(
        cohort_id=view.cohort_id,
        number=new_round_number(view.last_round, RoundKind.ROUND),
        kind=RoundKind.ROUND,
        mode=RoundMode(args.mode),
        seed=args.seed,
        locks=[],
        people=[],
    )
    return row, propose(view, row), True


def render(
    turn: Turn, view: PoolView, row: PairingRound, proposal: Proposal, *, fresh: bool
) -> str:
    """The proposal as plain text for a terminal."""
    origin = "new proposal, nothing saved" if fresh else "the open proposal from /pair"
    lines = [f"Round {row.number} of {view.cohort_name} ({row.mode.value}; {origin})"]
    if not view.entries:
        lines.append("Nobody is in the pairing pool yet; students join with /pool.")
    for number, match in enumerate(proposal.matches, start=1):
        lock = "[locked] " if match.locked else ""
        title = match_title(turn, match, view.names)
        lines.append(f"{number:>3}. {lock}{title}: {reasons_text(turn, match, view.names)}")
    if proposal.unmatched:
        lines.append("Without a partner:")
        for entry in proposal.unmatched:
            why = unmatched_text(turn, entry.why, view.paused_until(entry.person_id))
            lines.append(f"     {view.names.get(entry.person_id, '?')}: {why}")
    if view.busy:
        lines.append(f"Already have a partner: {names_of(sorted(view.busy), view.names, turn)}")
    return "\n".join(lines)


def person_cell(view: PoolView, user_id: int) -> str:
    """A person as written in the CSV: name and id, so equal names stay apart."""
    return f"{view.names.get(user_id, '?')} ({user_id})"


def write_csv(path: Path, turn: Turn, view: PoolView, proposal: Proposal) -> int:
    """Write the proposal as CSV: a row per match, then a row per person without a partner."""
    rows: list[dict[str, str]] = []
    for match in proposal.matches:
        kind, members = stored_shape(match)
        row = {"kind": kind, "reasons": reasons_text(turn, match, view.names)}
        for position, uid in enumerate(members, start=1):
            row[f"person_{position}"] = person_cell(view, uid)
        rows.append(row)
    for entry in proposal.unmatched:
        why = unmatched_text(turn, entry.why, view.paused_until(entry.person_id))
        rows.append(
            {"kind": UNPAIRED, "person_1": person_cell(view, entry.person_id), "reasons": why}
        )
    try:
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=COLUMNS)
            writer.writeheader()
            writer.writerows(rows)
    except OSError as error:
        raise PairCliError(f"could not write {path}: {error.strerror}") from None
    return len(rows)


# --- Import -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ImportedPair:
    """A valid row of the file: its line, kind and people in order."""

    line: int
    kind: str
    members: tuple[int, ...]


async def _import(settings: Settings, db: Database, args: argparse.Namespace) -> None:
    table = read_csv(Path(args.import_file))
    async with db.transaction() as session:
        turn = _turn(settings, db, session, sending=True)
        cohort_id = await _cohort_id(session, args.cohort)
        view = await load_pool(session, cohort_id=cohort_id, now=turn.now)
        people = await _people(session, cohort_id)
        rows = check_rows(table, view, people)
        matches = build_matches(view, rows)
        proposal = Proposal(tuple(matches), tuple(_left_out(view, matches)))
        row = await pairing.create_round(
            session,
            cohort_id=cohort_id,
            kind=RoundKind.IMPORT,
            number=new_round_number(view.last_round, RoundKind.IMPORT),
            mode=RoundMode.RECIPROCAL,
            proposal=proposal,
            created_by=None,
            now=turn.now,
        )
        # An open proposal from /pair would now pair the same people twice.
        draft = await pairing.draft_round(session, cohort_id=cohort_id)
        if draft is not None and draft.id != row.id:
            pairing.close_round(draft, RoundStatus.DISCARDED, now=turn.now)
        try:
            outcome = await confirm(turn, row, view, proposal)
        except RoundConflict:
            raise PairCliError("someone got a partner meanwhile; run the import again") from None
    print(
        f"Round {row.number} of {view.cohort_name}: created {outcome.pairs} pair(s) and "
        f"{outcome.triads} triad(s). {outcome.told} students will hear of it from the bot."
    )
    if outcome.unmatched:
        print(f"Without a partner (told why): {', '.join(outcome.unmatched)}")


def read_csv(path: Path) -> list[tuple[int, dict[str, str]]]:
    """The rows of a CSV file with their line numbers; the columns are checked."""
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            header = [name.strip().lower() for name in reader.fieldnames or []]
            missing = [name for name in ("person_1", "person_2") if name not in header]
            if missing:
                raise PairCliError(f"{path}: the header needs the columns {', '.join(missing)}")
            reader.fieldnames = header
            rows = []
            for record in reader:
                cells = {k: (v or "").strip() for k, v in record.items() if k is not None}
                rows.append((reader.line_num, cells))
            return rows
    except OSError as error:
        raise PairCliError(f"could not read {path}: {error.strerror}") from None
    except (csv.Error, UnicodeDecodeError) as error:
        raise PairCliError(f"{path} is not a readable CSV file: {error}") from None


@dataclass(frozen=True, slots=True)
class Person:
    """A student of the cohort as a CSV may name them."""

    id: int
    name: str
    username: str | None


async def _people(session: AsyncSession, cohort_id: int) -> list[Person]:
    ids = await pairing.cohort_students(session, cohort_ids=[cohort_id])
    found = await pairing.contacts(session, user_ids=ids)
    return [Person(uid, c.name, c.username) for uid, c in sorted(found.items())]


def resolve(cell: str, people: Sequence[Person]) -> int | str:
    """The student a cell names, or why it names nobody (a message)."""
    match = ID_IN_CELL.search(cell)
    if match or cell.isdigit():
        wanted = int(match.group(1) if match else cell)
        if any(p.id == wanted for p in people):
            return wanted
        return f"unknown person '{cell}' (no student with id {wanted} in this cohort)"
    if cell.startswith("@"):
        found = [p for p in people if p.username and p.username.lower() == cell[1:].lower()]
    else:
        found = [p for p in people if p.name.lower() == cell.lower()]
    if len(found) == 1:
        return found[0].id
    if found:
        return f"'{cell}' is ambiguous: {len(found)} students have that name; write 'Name (id)'"
    return f"unknown person '{cell}'"


def check_rows(
    table: list[tuple[int, dict[str, str]]], view: PoolView, people: Sequence[Person]
) -> list[ImportedPair]:
    """Every row checked; PairCliError names each bad row with what is wrong."""
    problems: list[str] = []
    rows: list[ImportedPair] = []
    seen: dict[int, int] = {}
    for line, cells in table:
        kind = cells.get("kind", "").lower()
        named = [cells.get(f"person_{n}", "") for n in (1, 2, 3)]
        if kind == UNPAIRED or not any(named):
            continue
        errors, members = _row_people(named, view, people, seen, line)
        errors += _kind_problems(kind, members, view)
        if errors:
            problems.append(f"row {line}: {'; '.join(errors)}")
            continue
        for uid in members:
            seen[uid] = line
        rows.append(ImportedPair(line, kind or _inferred(members), tuple(members)))
    if problems:
        raise PairCliError("nothing was imported:\n  " + "\n  ".join(problems))
    if not rows:
        raise PairCliError("the file lists no pairs")
    return rows


def _row_people(
    named: list[str], view: PoolView, people: Sequence[Person], seen: dict[int, int], line: int
) -> tuple[list[str], list[int]]:
    errors: list[str] = []
    members: list[int] = []
    for cell in [c for c in named if c]:
        found = resolve(cell, people)
        if isinstance(found, str):
            errors.append(found)
            continue
        name = view.names.get(found, cell)
        if found in members:
            errors.append(f"{name} is listed twice in this row")
        elif found in seen:
            errors.append(f"{name} is in two pairs (also in row {seen[found]})")
        elif found not in view.entries:
            errors.append(f"{name} is not in the pairing pool")
        elif found in view.busy:
            errors.append(f"{name} already has a partner")
        elif pairing.is_paused(view.entries[found], view.now):
            errors.append(f"{name} is pausing")
        members.append(found)
    if not errors and len(members) < 2:
        errors.append("a pair needs at least two people")
    return errors, members


def _names(view: PoolView, members: Sequence[int]) -> str:
    return " and ".join(view.names.get(uid, "?") for uid in members)


def _inferred(members: Sequence[int]) -> str:
    return "triad" if len(members) == 3 else "reciprocal"


def _kind_problems(kind: str, members: list[int], view: PoolView) -> list[str]:
    """Whether the kind fits the people, and the pairing's hard rules allow them together."""
    if kind and kind not in KINDS:
        return [f"unknown kind '{kind}' (use {', '.join(KINDS)} or leave it empty)"]
    if len(members) < 2 or len(set(members)) != len(members):
        return []
    size = 3 if (kind or _inferred(members)) == "triad" else 2
    if len(members) != size:
        return [f"a {kind or _inferred(members)} has {size} people, this row has {len(members)}"]
    earlier = _earlier_partners(view, members)
    if earlier:  # not private: both know they were partners
        return [f"{_names(view, earlier)} were partners before; a round pairs new partners only"]
    try:
        _locked_match(view, members, kind)
    except PairingError:
        # Never say which: it may be someone's private do-not-pair wish.
        return [
            f"{_names(view, members)} cannot be paired: their coaching wishes or a private "
            "wish rule it out"
        ]
    if kind == "one_way":
        coach, coachee = (view.candidate(uid) for uid in members)
        if not coach.wants.can_coach:
            return [f"{view.names.get(coach.person_id)} does not want to coach"]
        if not coachee.wants.wants_coaching:
            return [f"{view.names.get(coachee.person_id)} does not want to be coached"]
    if kind == "reciprocal" and len(_locked_match(view, members, kind).coach_of) != 2:
        return ["these two cannot coach each other both ways (their wishes); use one_way"]
    return []


def _earlier_partners(view: PoolView, members: Sequence[int]) -> list[int]:
    """Two of these people who were together in an earlier match of the cohort, if any."""
    for past in view.history.past_matches:
        if not past.keeps_apart:
            continue  # the rest of a match an erasure ended may be together again
        together = [uid for uid in members if uid in past.members]
        if len(together) >= 2:
            return together[:2]
    return []


def _locked_match(view: PoolView, members: Sequence[int], kind: str) -> Match:
    """The group as the algorithm sees it when it must stay together."""
    mode = RoundMode.ONE_WAY if kind == "one_way" else RoundMode.RECIPROCAL
    candidates: list[Candidate] = [view.candidate(uid) for uid in members]
    proposal = propose_round(
        candidates,
        PairingRules(mode=mode, no_repeats=True),
        view.history,
        view.do_not_pair | view.dissolved,
        locked=[members],
    )
    return proposal.matches[0]


def build_matches(view: PoolView, rows: list[ImportedPair]) -> list[Match]:
    """Matches for the valid rows, marked as chosen by the coordinator, in the file's roles."""
    result = []
    for row in rows:
        match = _locked_match(view, row.members, row.kind)
        reasons = tuple(r for r in match.reasons if r.kind is not ReasonKind.LOCKED)
        chosen = (Reason(ReasonKind.CHOSEN_BY_COORDINATOR), *reasons)
        if row.kind == "one_way":
            match = replace(match, coach_of=((row.members[0], row.members[1]),))
        result.append(replace(match, reasons=chosen, locked=False))
    return result


def _left_out(view: PoolView, matches: list[Match]) -> list[Unmatched]:
    """Free pool members the file does not pair hear why; nobody is left out silently."""
    paired = {uid for match in matches for uid in match.members}
    left = []
    for uid in view.free:
        if uid in paired:
            continue
        paused = pairing.is_paused(view.entries[uid], view.now)
        left.append(
            Unmatched(uid, UnmatchedReason.PAUSED if paused else UnmatchedReason.SWAPPED_OUT)
        )
    return left


# --- Shared -----------------------------------------------------------------------------------


async def _cohort_id(session: AsyncSession, name: str) -> int:
    cohort = await cohorts.cohort_by_name(session, name=" ".join(name.split()))
    if cohort is None:
        raise PairCliError(f"there is no cohort named '{name}'; see: peercoach cohort list")
    return cohort.id


def _turn(settings: Settings, db: Database, session: AsyncSession, *, sending: bool) -> Turn:
    """A turn for the command line: English for the operator, the outbox for students."""
    token = settings.token() if sending else _token_or_offline(settings)
    services = Services(
        settings=settings,
        db=db,
        texts=shared_texts(),
        bot=make_bot(token, settings.telegram_api_base_url),
        clock=SystemClock(),
    )
    return Turn(services, session, utcnow(), chat_id=0, language="en")


def _token_or_offline(settings: Settings) -> str:
    token = settings.telegram_bot_token
    return token.get_secret_value() if token is not None else OFFLINE_TOKEN
