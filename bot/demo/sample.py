"""The sample class's history, so the page shows something at once: a pool and a pair underway.

Noor and Yusuf wait in the pool with a profile; Sanne coaches Bram, who has written his goal and
where he stands on it. The pair's snapshot is made by the trajectory's own rules (flows), stored
as the bot stores it, and each partner gets the bot's own home card for where they are now.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from bot.demo.seed import DemoWorld, Persona
from bot.handlers.trajectory.cards import send_home
from bot.handlers.trajectory.core import load_pair
from bot.runtime.turn import Turn
from bot.services import Services
from flows.pairing import Wants
from flows.trajectory import (
    ContractItemKey,
    Event,
    MatchKind,
    Party,
    Trajectory,
    add_scale,
    capture_goal,
    confirm_item,
    fire,
    propose_item,
    record_click,
    record_meeting,
    trajectory_pairings,
)
from flows.trajectory.steps import Step
from storage import consent, matches, pairing, trajectories


@dataclass(frozen=True)
class PoolProfile:
    """What a student told the pool about themselves (in the sample class's language, Dutch)."""

    name: str
    wants: Wants
    slots: tuple[str, ...]
    about: str
    interests: str


POOL = (
    PoolProfile(
        "Noor",
        Wants.BOTH,
        ("tue-pm", "thu-pm"),
        "Ik teken veel en wil rustiger leren plannen",
        "tekenen, zwemmen",
    ),
    PoolProfile(
        "Yusuf",
        Wants.BOTH,
        ("tue-pm", "wed-am"),
        "Ik voetbal en vind presenteren spannend",
        "voetbal, muziek",
    ),
)
COACH, COACHEE = "Sanne", "Bram"
# The agreements Sanne and Bram made, one per contract item, in their own (Dutch) words.
CONTRACT = {
    ContractItemKey.PERIOD: "Tot de kerstvakantie",
    ContractItemKey.CONVERSATIONS: "4 gesprekken",
    ContractItemKey.RHYTHM: "Om de week, op dinsdag",
    ContractItemKey.CHANNEL: "In de mediatheek, soms via chat",
    ContractItemKey.CONFIDENTIALITY: "Wat we bespreken blijft tussen ons",
    ContractItemKey.COACH_SCOPE: "Sanne vraagt door, Bram kiest zelf",
    ContractItemKey.FEEDBACK: "Na elk gesprek één tip en één top",
    ContractItemKey.NO_SHOW: "Wie niet kan, laat het een dag vooraf weten",
}
GOAL = "Ik wil mijn huiswerk elke dag plannen, zodat ik minder stress heb voor toetsen"
SCALE = 4


async def add_history(services: Services, world: DemoWorld, now: datetime) -> None:
    """Put two students in the pool and start Sanne and Bram on their way, past their goal."""
    by_name = {persona.name: persona for persona in world.personas}
    async with services.db.transaction() as session:
        for profile in POOL:
            entry = await pairing.join_pool(
                session,
                cohort_id=world.cohort_id,
                user_id=by_name[profile.name].user_id,
                language="nl",
                now=now,
            )
            entry.wants, entry.availability = profile.wants, list(profile.slots)
            entry.about, entry.interests = profile.about, profile.interests
        for name in (*(profile.name for profile in POOL), COACH, COACHEE):
            # Opting in to the pool asks the pledge (issue 13): these students made it there,
            # so their partner hears what they write.
            pledge, _ = await consent.pledge_of(
                session, user_id=by_name[name].user_id, cohort_id=world.cohort_id, now=now
            )
            pledge.agreed_at = now
        match_id = await _pair_underway(session, world, by_name[COACH], by_name[COACHEE], now)
        turn = Turn(services, session, now, chat_id=0)
        pair = await load_pair(turn, match_id)
        assert pair is not None, "the sample pair was just stored"
        for member in pair.members:
            await send_home(turn, pair, member)


async def _pair_underway(
    session: AsyncSession, world: DemoWorld, coach: Persona, coachee: Persona, now: datetime
) -> int:
    """Store Sanne and Bram's match and its trajectory as pairing and the bot would."""
    match = await matches.create_match(
        session,
        cohort_id=world.cohort_id,
        kind=MatchKind.ONE_WAY.value,
        members=[coach.user_id, coachee.user_id],
        now=now,
    )
    (pairing_,) = trajectory_pairings(MatchKind.ONE_WAY, [coach.user_id, coachee.user_id])
    snapshot = _underway(now)
    await trajectories.create_trajectory(
        session,
        match_id=match.id,
        position=0,
        coach_id=pairing_.coach,
        coachee_id=pairing_.coachee,
        observer_id=pairing_.observer,
        step=snapshot.step.value,
        snapshot=snapshot.to_dict(),
        now=now,
    )
    state = await trajectories.pair_state(session, match_id=match.id, now=now)
    state.click_done = True  # they said they get along: the click check is behind them
    return match.id


def _underway(now: datetime) -> Trajectory:
    """Two conversations ago they met and agreed; last time Bram wrote his goal and scale."""
    first, second = now - timedelta(days=14), now - timedelta(days=7)
    trajectory = record_meeting(record_click(Trajectory()), held=True, at=first)
    trajectory = _moved(trajectory, Event.FINISH_CONTACT, first)
    for key, wording in CONTRACT.items():
        trajectory = propose_item(trajectory, key, wording, by=Party.COACH, at=first)
        trajectory = confirm_item(trajectory, key, by=Party.COACHEE)
    trajectory = _moved(trajectory, Event.ACCEPT_CONTRACT, first)
    trajectory = record_meeting(trajectory, held=True, at=second)
    trajectory = capture_goal(trajectory, GOAL, by=Party.COACHEE, at=second)
    trajectory = add_scale(trajectory, SCALE, by=Party.COACHEE, at=second)
    trajectory = _moved(trajectory, Event.CONFIRM_GOAL, second)
    assert trajectory.step is Step.ROUTE, trajectory.step
    return trajectory


def _moved(trajectory: Trajectory, event: Event, at: datetime) -> Trajectory:
    """Fire an event as both partners would (one of them, or each for a shared one)."""
    for party in (Party.COACH, Party.COACHEE):
        outcome = fire(trajectory, event, party, at=at)
        if outcome.moved:
            return outcome.trajectory
        if outcome.waiting:
            trajectory = outcome.trajectory
    raise AssertionError(f"{event} did not move the sample trajectory: {outcome.refusal}")
