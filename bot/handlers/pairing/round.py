"""A round's way from the pool to matches: load who takes part, propose, and confirm with news
for everyone. Shared by the /pair conversation, re-pairing and the command line."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import cached_property

from sqlalchemy.ext.asyncio import AsyncSession

from bot.handlers.pairing.common import (
    date_text,
    match_title,
    names_of,
    reasons_text,
    say_to,
    unmatched_text,
)
from bot.handlers.trajectory import start_match
from bot.runtime.turn import Turn
from flows.pairing import (
    Candidate,
    Match,
    PairingHistory,
    PairingRules,
    Proposal,
    Reason,
    ReasonKind,
    UnmatchedReason,
    Wants,
    propose_round,
    repair,
)
from storage import cohorts, matches, pairing, pairing_rounds
from storage.outbox import BULK
from storage.pairing import Contact
from storage.pairing_models import PairingRound, PoolEntry, RoundKind, RoundStatus

# Reasons about how the coordinator worked, not about the partners: students do not see them.
NOT_FOR_STUDENTS = frozenset(
    {ReasonKind.LOCKED, ReasonKind.JOINED_AS_THIRD, ReasonKind.BALANCES_GIVING}
)


class RoundConflict(Exception):
    """Someone in the proposal got a partner elsewhere meanwhile: propose again."""


@dataclass
class PoolView:
    """Who takes part in a cohort's pairing now, and everything the algorithm weighs."""

    cohort_id: int
    cohort_name: str
    entries: dict[int, PoolEntry]
    contacts: dict[int, Contact]
    history: PairingHistory
    do_not_pair: frozenset[frozenset[int]]
    current: dict[int, list[int]]  # active matches: id to members
    dissolved: frozenset[frozenset[int]]  # partners of dissolved matches: not again
    now: datetime
    busy: set[int] = field(default_factory=set)  # in the pool, already in an active match

    @cached_property
    def names(self) -> dict[int, str]:
        """First names by user id (contacts do not change once loaded, so built once)."""
        return {uid: contact.name for uid, contact in self.contacts.items()}

    @property
    def last_round(self) -> int:
        """The number of the cohort's latest confirmed round when the pool was loaded."""
        assert self.history.upcoming_round is not None  # load_pool always sets it
        return self.history.upcoming_round - 1

    def candidate(self, user_id: int) -> Candidate:
        """A person as the algorithm sees them (someone outside the pool wants both)."""
        entry = self.entries.get(user_id)
        if entry is None:
            return Candidate(user_id, Wants.BOTH)
        return Candidate(
            person_id=user_id,
            wants=entry.wants,
            availability=frozenset(entry.availability),
            language=entry.language,
            paused=pairing.is_paused(entry, self.now),
        )

    @property
    def free(self) -> list[int]:
        """Pool members the bot can reach who have no active match (paused ones included)."""
        return [
            uid
            for uid in self.entries
            if uid not in self.busy and not self.contacts[uid].unreachable
        ]

    @property
    def unreachable(self) -> list[int]:
        """Pool members who blocked the bot."""
        return [uid for uid in self.entries if self.contacts[uid].unreachable]

    def waiting(self) -> list[int]:
        """Free pool members who are not paused: the people a re-pairing is for."""
        return [uid for uid in self.free if not pairing.is_paused(self.entries[uid], self.now)]

    def paused_until(self, user_id: int) -> datetime | None:
        """When this person's pause ends."""
        entry = self.entries.get(user_id)
        return entry.paused_until if entry is not None else None


async def load_pool(session: AsyncSession, *, cohort_id: int, now: datetime) -> PoolView:
    """The cohort's pool as it stands."""
    cohort = await cohorts.cohort_by_id(session, cohort_id=cohort_id)
    entries = {e.user_id: e for e in await pairing.active_pool(session, cohort_id=cohort_id)}
    current = await pairing.active_members(session, cohort_id=cohort_id)
    in_matches = {uid for members in current.values() for uid in members}
    everyone = set(entries) | in_matches
    return PoolView(
        cohort_id=cohort_id,
        cohort_name=cohort.name if cohort else "",
        entries=entries,
        contacts=await pairing.contacts(session, user_ids=everyone),
        history=await pairing.pairing_history(session, cohort_id=cohort_id),
        do_not_pair=await pairing.do_not_pair_among(session, user_ids=everyone),
        current=current,
        dissolved=await pairing.dissolved_pairs(session, cohort_id=cohort_id, user_ids=entries),
        now=now,
        busy=set(entries) & in_matches,
    )


def rules_of(row: PairingRound) -> PairingRules:
    """The round's rules: nobody meets a partner from an earlier round of the cohort again."""
    return PairingRules(mode=row.mode, no_repeats=True)


def propose(view: PoolView, row: PairingRound) -> Proposal:
    """A fresh proposal for a whole round, keeping the locked matches that still can be."""
    free = view.free
    candidates = [view.candidate(uid) for uid in free]
    active = {c.person_id for c in candidates if not c.paused}
    locks = [group for group in row.locks if set(group) <= active]
    row.locks = locks
    return propose_round(
        candidates,
        rules_of(row),
        view.history,
        view.do_not_pair,
        locked=locks,
        seed=row.seed,
    )


def propose_repair(view: PoolView, row: PairingRound) -> Proposal:
    """New partners for a few people, possibly with others who wait anyway; nobody else's match
    changes, nor gets a third member. Only the people asked about are listed as unpaired."""
    people = [uid for uid in row.people if uid in view.free]
    waiting = set(view.waiting())
    to_pair = sorted({*people, *(uid for uid in row.others if uid in waiting)})
    current = [_current_match(members) for members in view.current.values()]
    involved = set(to_pair) | {uid for match in current for uid in match.members}
    whole = repair(
        to_pair,
        [view.candidate(uid) for uid in sorted(involved)],
        current,
        rules_of(row),
        view.history,
        # Earlier partners, those of dissolved matches too, are kept apart by the no-repeats
        # rule (see flows.pairing.history), which names it as the reason someone stays alone.
        view.do_not_pair,
        seed=row.seed,
        join_existing=False,  # a third member would disturb a pair that is under way
    )
    new = tuple(m for m in whole.matches if set(m.members) & set(to_pair))
    unmatched = tuple(u for u in whole.unmatched if u.person_id in people)
    return Proposal(matches=new, unmatched=unmatched)


def _current_match(members: list[int]) -> Match:
    """An active match as the algorithm needs it: only who is in it matters for a re-pairing."""
    ordered = tuple(sorted(members))
    return Match(members=ordered, coach_of=(), reasons=(), score=0)


# --- Locks ------------------------------------------------------------------------------------


def toggle_lock(row: PairingRound, proposal: Proposal, members: tuple[int, ...]) -> Proposal:
    """Lock a match so reruns keep it, or unlock it; the rest of the proposal stays."""
    changed: list[Match] = []
    for match in proposal.matches:
        if match.members != members:
            changed.append(match)
        elif match.locked:
            others = tuple(r for r in match.reasons if r.kind is not ReasonKind.LOCKED)
            changed.append(replace(match, locked=False, reasons=others))
        else:
            changed.append(
                replace(match, locked=True, reasons=(Reason(ReasonKind.LOCKED), *match.reasons))
            )
    row.locks = [list(m.members) for m in changed if m.locked]
    return Proposal(matches=tuple(changed), unmatched=proposal.unmatched)


# --- Confirming -------------------------------------------------------------------------------


def stored_shape(match: Match) -> tuple[str, list[int]]:
    """The match kind and member order the trajectories expect.

    One-way: the coach first. Triad: each member coaches the next one, following the cycle
    the algorithm chose (when the wishes allow no cycle, its first relation leads).
    """
    if len(match.members) == 2:
        if len(match.coach_of) == 1:
            return "one_way", list(match.coach_of[0])
        return "reciprocal", list(match.members)
    coachee_of = dict(match.coach_of)
    order = [match.coach_of[0][0] if match.coach_of else match.members[0]]
    while len(order) < 3:
        following = coachee_of.get(order[-1])
        if following is None or following in order:
            following = next(uid for uid in match.members if uid not in order)
        order.append(following)
    return "triad", order


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a confirmation did, for the coordinator's summary."""

    pairs: int
    triads: int
    told: int
    unmatched: list[str]


# What someone a re-pairing found no partner for hears, when it is not that all are taken.
REPAIR_UNPAIRED = {
    UnmatchedReason.ONLY_PREVIOUS_PARTNERS: "pairing.repair_unpaired_before",
    UnmatchedReason.NO_COMPATIBLE_PARTNER: "pairing.repair_unpaired_no_fit",
}


async def confirm(turn: Turn, row: PairingRound, view: PoolView, proposal: Proposal) -> Outcome:
    """Create the matches, introduce partners, start their trajectories, tell everyone else why.

    Raises RoundConflict (and changes nothing) when someone got a partner meanwhile.
    """
    for match in proposal.matches:
        for uid in match.members:
            if await matches.active_match_of(turn.session, user_id=uid) is not None:
                raise RoundConflict(uid)
    told = 0
    for match in proposal.matches:
        kind, members = stored_shape(match)
        created = await matches.create_match(
            turn.session, cohort_id=view.cohort_id, kind=kind, members=members, now=turn.now
        )
        await pairing.link_match(turn.session, round_id=row.id, match_id=created.id)
        await pairing.stop_awaiting(turn.session, user_ids=members)
        told += await introduce(turn, view, match)
        await start_match(turn, created.id)
    unmatched = []
    for entry in proposal.unmatched:
        contact = view.contacts.get(entry.person_id)
        if contact is None:
            continue
        if row.kind is RoundKind.REPAIR and entry.why is not UnmatchedReason.PAUSED:
            key = REPAIR_UNPAIRED.get(entry.why, "pairing.repair_unpaired")
            await say_to(turn, contact, key, cohort=view.cohort_name)
        else:
            await tell_unmatched(turn, view, contact, entry.why)
        told += 0 if contact.unreachable else 1
        unmatched.append(contact.name)
    if row.kind is not RoundKind.REPAIR:
        told += await _tell_busy(turn, view)
        # Pairs that run on from a round nobody ended were kept: that round is over now.
        await pairing_rounds.end_earlier_rounds(
            turn.session, cohort_id=view.cohort_id, now=turn.now
        )
    pairing.close_round(row, RoundStatus.CONFIRMED, now=turn.now)
    triads = sum(1 for m in proposal.matches if len(m.members) == 3)
    return Outcome(len(proposal.matches) - triads, triads, told, unmatched)


async def introduce(turn: Turn, view: PoolView, match: Match) -> int:
    """Each member hears who their partners are: name, their line, interests, and why."""
    told = 0
    shown = replace(
        match, reasons=tuple(r for r in match.reasons if r.kind not in NOT_FOR_STUDENTS)
    )
    for uid in match.members:
        contact = view.contacts[uid]
        if contact.unreachable:
            continue
        with turn.speaking(contact.language):
            cards = [_partner_card(turn, view, other) for other in match.members if other != uid]
            text = turn.text(
                "pairing.intro",
                partners=names_of([o for o in match.members if o != uid], view.names, turn),
                count=len(match.members) - 1,
                why=reasons_text(turn, shown, view.names),
            )
            await turn.send_text("\n\n".join([text, *cards]), chat_id=uid)
        told += 1
    return told


def _partner_card(turn: Turn, view: PoolView, uid: int) -> str:
    entry = view.entries.get(uid)
    about = (entry.about if entry else None) or turn.text("pairing.intro_no_about")
    interests = (entry.interests if entry else None) or turn.text("pairing.none_given")
    return turn.text(
        "pairing.intro_partner", name=view.names.get(uid, "?"), about=about, interests=interests
    )


async def tell_unmatched(
    turn: Turn, view: PoolView, contact: Contact, why: UnmatchedReason
) -> None:
    """Someone without a partner hears why and what happens next."""
    until = view.paused_until(contact.id)
    if why is UnmatchedReason.PAUSED and until is not None:
        await turn.use_cohort_time(view.cohort_id)
        with turn.speaking(contact.language):
            date = date_text(turn, until)
        await say_to(turn, contact, "pairing.unpaired_paused", until=date, cohort=view.cohort_name)
        return
    await say_to(turn, contact, f"pairing.unpaired_{why.value}", cohort=view.cohort_name)


async def _tell_busy(turn: Turn, view: PoolView) -> int:
    """People of the pool who keep their current partner hear that nothing changes for them."""
    told = 0
    for uid in sorted(view.busy):
        contact = view.contacts[uid]
        if not contact.unreachable:
            await say_to(
                turn, contact, "pairing.round_kept", cohort=view.cohort_name, priority=BULK
            )
            told += 1
    return told


def preview_lines(turn: Turn, view: PoolView, proposal: Proposal) -> list[str]:
    """One line per match with its reasons, then who stays without a partner and why."""
    lines = []
    for number, match in enumerate(proposal.matches, start=1):
        lock = "🔒 " if match.locked else ""
        title = match_title(turn, match, view.names)
        lines.append(f"{number}. {lock}<b>{title}</b>: {reasons_text(turn, match, view.names)}")
    if proposal.unmatched:
        lines.append("")
        lines.append(turn.text("pairing.preview_unpaired"))
        for entry in proposal.unmatched:
            why = unmatched_text(turn, entry.why, view.paused_until(entry.person_id))
            lines.append(f"• {view.names.get(entry.person_id, '?')}: {why}")
    return lines


def new_round_number(last: int, kind: RoundKind) -> int:
    """A whole round or an import starts the next number; a re-pairing keeps the current one."""
    return last if kind is RoundKind.REPAIR else last + 1
