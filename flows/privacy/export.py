"""A person's own export: what they wrote and what is about them, never a partner's words.

The document is plain JSON (schema: data_export.schema.json beside this file); the readable page
is rendered from the same document by the bot, so both always say the same.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from flows.room.model import Room
from flows.trajectory.model import Party, Trajectory

SCHEMA_FILE = Path(__file__).with_name("data_export.schema.json")
FORMAT = "peercoach-export"
VERSION = 1


@dataclass(frozen=True, slots=True)
class CohortFacts:
    """A cohort the person belongs to, with their role."""

    name: str
    role: str
    joined_at: datetime


@dataclass(frozen=True, slots=True)
class PoolFacts:
    """The person's place in a cohort's pairing pool: the profile partners get to see."""

    cohort: str
    status: str
    wants: str
    availability: Sequence[str]
    language: str
    about: str | None
    interests: str | None
    paused_until: datetime | None
    joined_at: datetime
    left_at: datetime | None


@dataclass(frozen=True, slots=True)
class TrajectoryFacts:
    """One trajectory the person is in, their role in it, and the partner's first name."""

    role: Party | None  # None: the observer of a triad
    partner: str
    started_at: datetime
    snapshot: Trajectory
    cohort_id: int | None = None  # whose script names the agreements picked from the cards


@dataclass(frozen=True, slots=True)
class RoomFacts:
    """A group session the person joined or led."""

    protocol_title: str
    created_at: datetime
    room: Room


@dataclass(frozen=True, slots=True)
class WorryTalkFacts:
    """A talk with a confidant the person asked for, or was asked for; no content exists."""

    cohort: str
    asked: bool  # True: this person asked; False: this person was the confidant
    other: str
    created_at: datetime
    answered_at: datetime | None
    closed_at: datetime | None


@dataclass(frozen=True, slots=True)
class PersonFacts:
    """Everything kept about one person, as storage found it."""

    telegram_id: int
    first_name: str | None
    username: str | None
    language: str | None
    known_since: datetime
    privacy_accepted_at: datetime | None
    cohorts: Sequence[CohortFacts] = ()
    pool: Sequence[PoolFacts] = ()
    no_pair: Sequence[tuple[str, datetime]] = ()
    trajectories: Sequence[TrajectoryFacts] = ()
    rooms: Sequence[RoomFacts] = ()
    cohorts_created: Sequence[str] = field(default_factory=tuple)
    supervision_asks: Sequence[tuple[str, datetime]] = ()  # (cohort, when) a coach asked
    # (cohort, started, first finished) of the person's practice with a scripted coachee
    practised: Sequence[tuple[str, datetime, datetime | None]] = ()
    worry_talks: Sequence[WorryTalkFacts] = ()
    help_cards_shown: Sequence[datetime] = ()
    pledges: Sequence[tuple[datetime | None, datetime | None]] = ()  # (agreed_at, declined_at)
    consents: Sequence[ConsentFacts] = ()
    dance_checks: Sequence[DanceFacts] = ()


@dataclass(frozen=True, slots=True)
class DanceFacts:
    """The person's three taps about one conversation (the partner's are theirs to export)."""

    conversation: int
    led: str
    rhythm: str
    heard: str
    answered_at: datetime


@dataclass(frozen=True, slots=True)
class ConsentFacts:
    """A student's age band in a cohort and a parent's answer (never the parent's name)."""

    cohort: str
    age_band: str
    policy: str
    parent_agreed_at: datetime | None
    withdrawn_at: datetime | None


def export_document(facts: PersonFacts, now: datetime) -> dict[str, Any]:
    """The export as JSON-able data, valid against data_export.schema.json."""
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": _when(now),
        "person": {
            "telegram_id": facts.telegram_id,
            "first_name": facts.first_name,
            "username": facts.username,
            "language": facts.language,
            "known_since": _when(facts.known_since),
            "privacy_accepted_at": _when(facts.privacy_accepted_at),
        },
        "cohorts": [
            {"name": c.name, "role": c.role, "joined_at": _when(c.joined_at)} for c in facts.cohorts
        ],
        "cohorts_created": list(facts.cohorts_created),
        "pairing_pool": [_pool(p) for p in facts.pool],
        "no_pair": [{"first_name": name, "since": _when(at)} for name, at in facts.no_pair],
        "trajectories": [_trajectory(t) for t in facts.trajectories],
        "rooms": [_room(r, facts.telegram_id) for r in facts.rooms],
        "supervision_asks": [
            {"cohort": cohort, "asked_at": _when(at)} for cohort, at in facts.supervision_asks
        ],
        "practice": [
            {"cohort": cohort, "started_at": _when(started), "practised_at": _when(done)}
            for cohort, started, done in facts.practised
        ],
        "worry_talks": [_worry_talk(t) for t in facts.worry_talks],
        "help_cards_shown": [_when(at) for at in facts.help_cards_shown],
        "pledges": [
            {"agreed_at": _when(agreed), "declined_at": _when(declined)}
            for agreed, declined in facts.pledges
        ],
        "consents": [
            {
                "cohort": c.cohort,
                "age_band": c.age_band,
                "policy": c.policy,
                "parent_agreed_at": _when(c.parent_agreed_at),
                "withdrawn_at": _when(c.withdrawn_at),
            }
            for c in facts.consents
        ],
        "dance_checks": [
            {
                "conversation": d.conversation,
                "led": d.led,
                "rhythm": d.rhythm,
                "heard": d.heard,
                "answered_at": _when(d.answered_at),
            }
            for d in facts.dance_checks
        ],
    }


def _worry_talk(talk: WorryTalkFacts) -> dict[str, Any]:
    """Who and when: what was written in a talk was relayed and never kept."""
    return {
        "cohort": talk.cohort,
        "my_part": "asked" if talk.asked else "confidant",
        "with": talk.other,
        "asked_at": _when(talk.created_at),
        "answered_at": _when(talk.answered_at),
        "closed_at": _when(talk.closed_at),
    }


def _pool(pool: PoolFacts) -> dict[str, Any]:
    return {
        "cohort": pool.cohort,
        "status": pool.status,
        "wants": pool.wants,
        "availability": list(pool.availability),
        "language": pool.language,
        "about": pool.about,
        "interests": pool.interests,
        "paused_until": _when(pool.paused_until),
        "joined_at": _when(pool.joined_at),
        "left_at": _when(pool.left_at),
    }


def _trajectory(facts: TrajectoryFacts) -> dict[str, Any]:
    """Only what this person wrote, and as a coachee what is about them (scale, steps)."""
    me, snap = facts.role, facts.snapshot
    coachee = me is Party.COACHEE
    return {
        "my_role": me.value if me is not None else "observer",
        "partner": facts.partner,
        "started_at": _when(facts.started_at),
        "step": snap.step.value,
        "goals": [{"text": g.text, "at": _when(g.at)} for g in snap.goals if g.by is me],
        "scales": [{"value": s.value, "at": _when(s.at)} for s in snap.scales] if coachee else [],
        "stages": [{"text": s.text, "at": _when(s.at)} for s in snap.stages if s.by is me],
        "small_steps": [
            {"text": s.text, "due": s.due.isoformat(), "status": s.status.value}
            for s in (snap.small_steps if coachee else ())
        ],
        "notes": [
            {"topic": n.topic.value, "text": n.text, "at": _when(n.at)}
            for n in snap.notes
            if n.by is me
        ],
        "contract": [
            {"item": item.key.value, "text": version.value, "at": _when(version.at)}
            for item in snap.contract.items
            for version in item.versions
            if version.by is me
        ],
        # What they agreed to is theirs; a wording the partner wrote stays the partner's.
        "agreed_items": [
            item.key.value
            for item in snap.contract.items
            if me is not None and me in item.confirmed_by and item.agreed
        ],
        "reflections": [
            {
                "conversation": r.conversation,
                "role": r.role.value,
                "answers": {q.value: text for q, text in r.answers.items()},
                "at": _when(r.at),
            }
            for r in (snap.reflections if me is Party.COACH else ())
        ],
        "observations": [
            {
                "conversation": o.conversation,
                "answers": {q.value: text for q, text in o.answers.items()},
                "at": _when(o.at),
            }
            for o in (snap.observations if me is None else ())
        ],
        "conversations": [_when(m.at) for m in snap.meetings if m.held],
    }


def _room(facts: RoomFacts, person: int) -> dict[str, Any]:
    """The session and this person's part in it; a closed room keeps no texts at all."""
    room = facts.room
    roles = {
        "teacher": room.teacher_id,
        "case_holder": room.case_holder_id,
        "facilitator": room.facilitator_id,
        "timekeeper": room.timekeeper_id,
    }
    return {
        "protocol": facts.protocol_title,
        "opened_at": _when(facts.created_at),
        "closed_at": _when(room.closed_at),
        "roles": [role for role, holder in roles.items() if holder == person],
        "my_contributions": [
            {"text": c.text, "at": _when(c.at)}
            for c in room.contributions
            if c.author_id == person and c.text
        ],
        "my_step": room.chosen_step if room.case_holder_id == person else None,
    }


def _when(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment is not None else None
