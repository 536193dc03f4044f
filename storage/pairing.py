"""Pairing storage: the opt-in pool, private wishes, rounds, and the history pairing learns from."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import exists, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from flows.onboarding import Role
from flows.pairing import (
    Match,
    PairingHistory,
    PastMatch,
    Proposal,
    Reason,
    ReasonKind,
    RoundMode,
    Unmatched,
    UnmatchedReason,
    keeps_apart,
)
from storage.awaiting import PERSON
from storage.db import is_postgresql
from storage.models import Match as MatchRow
from storage.models import MatchMember, Membership, User
from storage.pairing_models import (
    DoNotPair,
    PairingRound,
    PoolEntry,
    PoolStatus,
    RoundKind,
    RoundMatch,
    RoundStatus,
)

# Kinds of round that start a new round number; re-pairings fill in the current one.
NUMBERED_KINDS = (RoundKind.ROUND, RoundKind.IMPORT)

# --- The pool ---------------------------------------------------------------------------------


async def pool_entry(session: AsyncSession, *, cohort_id: int, user_id: int) -> PoolEntry | None:
    """A person's pool entry in a cohort, whether active or left."""
    query = select(PoolEntry).where(PoolEntry.cohort_id == cohort_id, PoolEntry.user_id == user_id)
    return (await session.scalars(query)).first()


async def entry_by_id(session: AsyncSession, *, entry_id: int) -> PoolEntry | None:
    """The pool entry with this id."""
    return await session.get(PoolEntry, entry_id)


async def join_pool(
    session: AsyncSession, *, cohort_id: int, user_id: int, language: str, now: datetime
) -> PoolEntry:
    """Opt in (again): an entry that left becomes active with its profile kept."""
    entry = await pool_entry(session, cohort_id=cohort_id, user_id=user_id)
    if entry is None:
        entry = PoolEntry(
            cohort_id=cohort_id,
            user_id=user_id,
            status=PoolStatus.ACTIVE,
            language=language,
            availability=[],
            joined_at=now,
            updated_at=now,
        )
        session.add(entry)
    else:
        entry.status, entry.left_at, entry.paused_until = PoolStatus.ACTIVE, None, None
        entry.joined_at = entry.updated_at = now
    await session.flush()
    return entry


async def leave_pool(session: AsyncSession, *, entry: PoolEntry, now: datetime) -> None:
    """Leave the pool; the profile stays for a later return, nothing is paired any more."""
    entry.status, entry.left_at, entry.updated_at = PoolStatus.LEFT, now, now
    entry.paused_until = entry.awaiting = entry.awaiting_since = None


def is_paused(entry: PoolEntry, now: datetime) -> bool:
    """Whether the entry's pause still runs."""
    return entry.paused_until is not None and entry.paused_until > now


async def active_pool(session: AsyncSession, *, cohort_id: int) -> list[PoolEntry]:
    """Active pool entries of people who are still students of the cohort, by user id."""
    query = (
        select(PoolEntry)
        .join(
            Membership,
            (Membership.user_id == PoolEntry.user_id)
            & (Membership.cohort_id == PoolEntry.cohort_id),
        )
        .where(
            PoolEntry.cohort_id == cohort_id,
            PoolEntry.status == PoolStatus.ACTIVE,
            Membership.role == Role.STUDENT,
        )
        .order_by(PoolEntry.user_id)
    )
    return list((await session.scalars(query)).all())


AWAITS_PROFILE_TEXT = exists().where(
    PoolEntry.user_id == PERSON,
    PoolEntry.status == PoolStatus.ACTIVE,
    PoolEntry.awaiting.is_not(None),
)
"""Whether a pool profile question waits for this person's line."""


async def awaiting_entry(session: AsyncSession, *, user_id: int) -> PoolEntry | None:
    """The entry whose profile dialogue waits for this person's next text, if any."""
    query = select(PoolEntry).where(
        PoolEntry.user_id == user_id,
        PoolEntry.status == PoolStatus.ACTIVE,
        PoolEntry.awaiting.is_not(None),
    )
    return (await session.scalars(query)).first()


async def stop_awaiting(session: AsyncSession, *, user_ids: Iterable[int]) -> None:
    """Forget any half-answered profile question of these people (they got a partner)."""
    ids = list(user_ids)
    if not ids:
        return
    for entry in (await session.scalars(select(PoolEntry).where(PoolEntry.user_id.in_(ids)))).all():
        entry.awaiting = entry.awaiting_since = None


async def cohort_students(session: AsyncSession, *, cohort_ids: Sequence[int]) -> list[int]:
    """User ids of the students of these cohorts, ascending."""
    query = (
        select(Membership.user_id)
        .where(Membership.cohort_id.in_(list(cohort_ids)), Membership.role == Role.STUDENT)
        .distinct()
        .order_by(Membership.user_id)
    )
    return list((await session.scalars(query)).all())


@dataclass(frozen=True, slots=True)
class Contact:
    """How to address a person: first name, language, reachability, and @username."""

    id: int
    name: str
    language: str | None
    unreachable: bool
    username: str | None = None


async def contacts(session: AsyncSession, *, user_ids: Iterable[int]) -> dict[int, Contact]:
    """Name, language and reachability of these people, by user id."""
    ids = list(set(user_ids))
    if not ids:
        return {}
    rows = await session.execute(
        select(User.id, User.first_name, User.language, User.unreachable_at).where(User.id.in_(ids))
    )
    return {
        uid: Contact(uid, name or "?", language, unreachable is not None)
        for uid, name, language, unreachable in rows.all()
    }


# --- Private do-not-pair wishes ---------------------------------------------------------------


async def do_not_pair_of(session: AsyncSession, *, user_id: int) -> set[int]:
    """The people this person asked not to be paired with (shown to this person only)."""
    rows = await session.scalars(select(DoNotPair.other_id).where(DoNotPair.user_id == user_id))
    return set(rows.all())


async def toggle_do_not_pair(
    session: AsyncSession, *, user_id: int, other_id: int, now: datetime
) -> bool:
    """Add the wish, or take it back when it was there; True when it is now on the list."""
    existing = await session.get(DoNotPair, (user_id, other_id))
    if existing is not None:
        await session.delete(existing)
        await session.flush()
        return False
    session.add(DoNotPair(user_id=user_id, other_id=other_id, created_at=now))
    await session.flush()
    return True


async def do_not_pair_among(
    session: AsyncSession, *, user_ids: Iterable[int]
) -> frozenset[frozenset[int]]:
    """Every wish between these people, as unordered pairs, for the algorithm only."""
    ids = list(set(user_ids))
    if not ids:
        return frozenset()
    rows = await session.execute(
        select(DoNotPair.user_id, DoNotPair.other_id).where(
            DoNotPair.user_id.in_(ids), DoNotPair.other_id.in_(ids)
        )
    )
    return frozenset(frozenset((a, b)) for a, b in rows.all() if a != b)


# --- Rounds -----------------------------------------------------------------------------------


async def draft_round(
    session: AsyncSession, *, cohort_id: int, kind: RoundKind = RoundKind.ROUND
) -> PairingRound | None:
    """The cohort's open proposal of this kind, if a coordinator left one."""
    query = (
        select(PairingRound)
        .where(
            PairingRound.cohort_id == cohort_id,
            PairingRound.kind == kind,
            PairingRound.status == RoundStatus.DRAFT,
        )
        .order_by(PairingRound.id.desc())
    )
    return (await session.scalars(query)).first()


async def lock_round(session: AsyncSession, *, round_id: int) -> PairingRound | None:
    """A round, locked for this transaction: two coordinators may press at the same instant."""
    query = select(PairingRound).where(PairingRound.id == round_id)
    if is_postgresql(session):
        query = query.with_for_update()
    return (await session.scalars(query)).first()


async def last_round_number(session: AsyncSession, *, cohort_id: int) -> int:
    """The number of the cohort's latest confirmed round (0 before the first)."""
    query = select(func.max(PairingRound.number)).where(
        PairingRound.cohort_id == cohort_id,
        PairingRound.status == RoundStatus.CONFIRMED,
        PairingRound.kind.in_(NUMBERED_KINDS),
    )
    return (await session.execute(query)).scalar_one_or_none() or 0


async def create_round(
    session: AsyncSession,
    *,
    cohort_id: int,
    kind: RoundKind,
    number: int,
    mode: RoundMode,
    proposal: Proposal,
    created_by: int | None,
    now: datetime,
    seed: int = 0,
    people: Sequence[int] = (),
    others: Sequence[int] = (),
) -> PairingRound:
    """Store a new draft round with its proposal."""
    row = PairingRound(
        cohort_id=cohort_id,
        number=number,
        kind=kind,
        status=RoundStatus.DRAFT,
        mode=mode,
        seed=seed,
        version=1,
        proposal=proposal_to_json(proposal),
        locks=[],
        people=list(people),
        others=list(others),
        created_by=created_by,
        created_at=now,
        updated_at=now,
    )
    session.add(row)
    await session.flush()
    return row


def save_proposal(row: PairingRound, proposal: Proposal, *, now: datetime) -> None:
    """Replace a draft's proposal and bump its version."""
    row.proposal = proposal_to_json(proposal)
    row.version += 1
    row.updated_at = now


def close_round(row: PairingRound, status: RoundStatus, *, now: datetime) -> None:
    """Confirm or discard a draft."""
    row.status, row.updated_at, row.version = status, now, row.version + 1
    if status is RoundStatus.CONFIRMED:
        row.confirmed_at = now


async def link_match(session: AsyncSession, *, round_id: int, match_id: int) -> None:
    """Remember which round made a match."""
    session.add(RoundMatch(round_id=round_id, match_id=match_id))
    await session.flush()


async def has_confirmed_round(session: AsyncSession, *, cohort_id: int) -> bool:
    """Whether the cohort was ever paired by a round or an import."""
    return await last_round_number(session, cohort_id=cohort_id) > 0


# --- Matches as pairing sees them -------------------------------------------------------------


async def active_members(session: AsyncSession, *, cohort_id: int) -> dict[int, list[int]]:
    """Active matches of the cohort: match id to members in position order."""
    rows = await session.execute(
        select(MatchMember.match_id, MatchMember.user_id)
        .join(MatchRow, MatchRow.id == MatchMember.match_id)
        .where(MatchRow.cohort_id == cohort_id, MatchRow.status == "active")
        .order_by(MatchMember.match_id, MatchMember.position)
    )
    members: dict[int, list[int]] = {}
    for match_id, user_id in rows.all():
        members.setdefault(match_id, []).append(user_id)
    return members


async def dissolved_pairs(
    session: AsyncSession, *, cohort_id: int, user_ids: Iterable[int]
) -> frozenset[frozenset[int]]:
    """Partners from dissolved matches of these people: they should not meet again (unless
    the match only ended because a member erased their data, see `keeps_apart`)."""
    ids = set(user_ids)
    rows = await session.execute(
        select(MatchMember.match_id, MatchMember.user_id, MatchRow.dissolved_reason)
        .join(MatchRow, MatchRow.id == MatchMember.match_id)
        .where(MatchRow.cohort_id == cohort_id, MatchRow.status == "dissolved")
    )
    groups: dict[int, set[int]] = {}
    for match_id, user_id, reason in rows.all():
        if keeps_apart("dissolved", reason):
            groups.setdefault(match_id, set()).add(user_id)
    pairs = {
        frozenset((a, b))
        for group in groups.values()
        if group & ids
        for a in group
        for b in group
        if a < b
    }
    return frozenset(pairs)


async def pairing_history(session: AsyncSession, *, cohort_id: int) -> PairingHistory:
    """Earlier matches of the cohort with their round numbers, and who gave or received coaching.

    Matches made outside pairing (no round) count as the latest round: better to avoid a
    repeat that is recent than to offer it again. A match that ended only because a member
    erased their data keeps nobody apart (`keeps_apart`), though its members were partners.
    """
    latest = await last_round_number(session, cohort_id=cohort_id)
    rows = await session.execute(
        select(
            MatchRow.id,
            MatchRow.kind,
            MatchRow.status,
            MatchRow.dissolved_reason,
            MatchMember.user_id,
            MatchMember.position,
            PairingRound.number,
        )
        .join(MatchMember, MatchMember.match_id == MatchRow.id)
        .outerjoin(RoundMatch, RoundMatch.match_id == MatchRow.id)
        .outerjoin(PairingRound, PairingRound.id == RoundMatch.round_id)
        .where(MatchRow.cohort_id == cohort_id)
        .order_by(MatchRow.id, MatchMember.position)
    )
    groups: dict[int, tuple[str, int, bool, list[int]]] = {}
    for match_id, kind, status, reason, user_id, _position, number in rows.all():
        members: list[int] = []
        group = (kind, number or latest, keeps_apart(status, reason), members)
        groups.setdefault(match_id, group)[3].append(user_id)
    given: Counter[int] = Counter()
    received: Counter[int] = Counter()
    past: list[PastMatch] = []
    for kind, number, apart, members in groups.values():
        past.append(PastMatch(number, frozenset(members), keeps_apart=apart))
        if kind == "one_way" and len(members) == 2:
            given[members[0]] += 1
            received[members[1]] += 1
        else:  # reciprocal pairs and rotating triads: everyone gives and receives
            given.update(members)
            received.update(members)
    return PairingHistory(
        past_matches=tuple(past),
        times_given=dict(given),
        times_received=dict(received),
        upcoming_round=latest + 1,
    )


# --- Proposals as JSON ------------------------------------------------------------------------


def proposal_to_json(proposal: Proposal) -> dict[str, Any]:
    """A proposal as plain JSON, to keep a draft between button presses."""
    return {
        "matches": [
            {
                "members": list(match.members),
                "coach_of": [list(pair) for pair in match.coach_of],
                "reasons": [
                    {"kind": r.kind.value, "people": list(r.people), "slots": list(r.slots)}
                    for r in match.reasons
                ],
                "score": match.score,
                "locked": match.locked,
                "third": match.joined_as_third,
            }
            for match in proposal.matches
        ],
        "unmatched": [[entry.person_id, entry.why.value] for entry in proposal.unmatched],
    }


def proposal_from_json(data: dict[str, Any]) -> Proposal:
    """The proposal stored by `proposal_to_json`."""
    matches = tuple(
        Match(
            members=tuple(item["members"]),
            coach_of=tuple((int(a), int(b)) for a, b in item["coach_of"]),
            reasons=tuple(
                Reason(ReasonKind(r["kind"]), tuple(r["people"]), tuple(r["slots"]))
                for r in item["reasons"]
            ),
            score=int(item["score"]),
            locked=bool(item["locked"]),
            joined_as_third=item.get("third"),
        )
        for item in data.get("matches", [])
    )
    unmatched = tuple(
        Unmatched(int(person_id), UnmatchedReason(why))
        for person_id, why in data.get("unmatched", [])
    )
    return Proposal(matches=matches, unmatched=unmatched)
