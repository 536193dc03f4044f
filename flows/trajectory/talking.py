"""Conversations: who may start the next one, starting it, ending it, whether a planned one took
place, and what follows (the click check the first time, reflection, revisit, planning)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from flows.trajectory.captures import record_meeting
from flows.trajectory.contract import closing_due, revisit_due
from flows.trajectory.effects import (
    AfterCare,
    AskMode,
    AskWho,
    Begin,
    Effect,
    KeepTalk,
    OfferRevisit,
    Outcome,
    Refused,
    Result,
    ShowHome,
    ShowNow,
    ShowPlanCard,
    Store,
    Tell,
    Toast,
)
from flows.trajectory.ending import Person, ask_click
from flows.trajectory.matching import MatchKind, triad_roles
from flows.trajectory.model import Trajectory
from flows.trajectory.pair import Seat
from flows.trajectory.presses import OLD_CARD
from flows.trajectory.prompts import CONVERSATION_STEPS
from flows.trajectory.steps import Step
from flows.trajectory.timing import forget_plan

MODES = ("chat", "face")
ALREADY_STARTED = Outcome((Toast("trajectory.already_started"), ShowNow()))
ALREADY_ENDED = Refused("trajectory.already_ended", on_button=True)
MET_ALREADY = Refused("trajectory.met_already", on_button=True)


@dataclass(frozen=True, slots=True)
class Together:
    """A match as the conversation rules see it."""

    match: int
    kind: MatchKind
    members: tuple[Person, ...]
    seats: tuple[Seat, ...]
    talking: int | None = None  # the trajectory whose conversation is under way
    click_running: bool = False
    click_done: bool = False
    planned: datetime | None = None
    active: bool = True
    last: int | None = None  # the trajectory of the last conversation started
    last_mode: str | None = None  # where that conversation took place (chat or face)

    def seat(self, ref: object) -> Seat | None:
        """The trajectory with this id, if it is of this match."""
        return next((s for s in self.seats if s.ref == ref), None)

    def live(self) -> list[Seat]:
        """Trajectories that have not ended."""
        return [s for s in self.seats if not s.trajectory.terminal]


def opening(match: Together) -> Outcome:
    """A new match: everyone hears with whom and who coaches first, and gets their home card."""
    first = match.seats[0]
    key = f"trajectory.start_{match.kind.value}"
    names = {"coach": first.coach, "coachee": first.coachee}
    effects: list[Effect] = []
    for member in match.members:
        others = tuple(m.id for m in match.members if m.id != member.id)
        effects.append(Tell(member.id, key, names=names, name_lists={"others": others}))
        effects.append(ShowHome(member.id))
    return Outcome(tuple(effects))


def candidates(match: Together) -> list[Seat]:
    """Trajectories whose next conversation can start now (a triad follows its rotation)."""
    ready = [s for s in match.live() if s.trajectory.step in CONVERSATION_STEPS]
    if match.kind is MatchKind.TRIAD and ready:
        held = sum(s.trajectory.conversation_count for s in match.seats)
        roles = triad_roles([m.id for m in match.members], held + 1)
        due = [s for s in ready if (s.coach, s.coachee) == (roles.coach, roles.coachee)]
        return due or ready[:1]
    return ready


def start(match: Together) -> Outcome:
    """ "Start": what holds now if nothing can start; after a first conversation it starts
    right away where the pair left off; else whose conversation, or how."""
    options = candidates(match)
    if match.talking is not None or match.click_running or not options:
        return Outcome((ShowNow(),))
    ahead = upcoming(match)
    if ahead is not None:
        return _begin(match, ahead[0], ahead[1], offer_swap=True)
    if len(options) == 1:
        return Outcome((AskMode(options[0].ref),))
    return Outcome((AskWho(tuple(s.ref for s in options)),))


def upcoming(match: Together) -> tuple[Seat, str] | None:
    """Whose conversation "start" begins right away, and where; None when it will ask."""
    options = candidates(match)
    if match.talking is not None or match.click_running or not options:
        return None
    seat = next_direction(match, options)
    if seat is None or match.last_mode not in MODES:
        return None
    return seat, str(match.last_mode)


def next_direction(match: Together, options: Sequence[Seat]) -> Seat | None:
    """Who coaches next without asking: the same coach as last time, and in a two-way pair the
    other direction (taking turns) while it can go on; None before a first conversation."""
    if match.last is None:
        return None
    if len(options) == 1:
        return options[0]
    other = [s for s in options if s.ref != match.last]
    return other[0] if len(other) == 1 else None


def swap(match: Together, ref: object) -> Result:
    """The other direction coaches this conversation instead (one tap on the started card)."""
    if match.talking is None or match.talking != ref:
        return OLD_CARD
    other = _alternative(match, match.talking)
    if other is None:
        return OLD_CARD
    mode = match.last_mode if match.last_mode in MODES else "chat"
    return _begin(match, other, str(mode), offer_swap=True, counted=False)


def switch_mode(match: Together, ref: object) -> Result:
    """Chat after all, or in person after all: the conversation under way changes where."""
    if match.talking is None or match.talking != ref or match.last_mode not in MODES:
        return OLD_CARD
    mode = "face" if match.last_mode == "chat" else "chat"
    told = (Tell(m.id, f"trajectory.mode_now_{mode}") for m in match.members)
    return Outcome((KeepTalk(match.talking, mode), *told))


def _alternative(match: Together, ref: int) -> Seat | None:
    """In a two-way pair, the other direction that could start now instead of this one."""
    if match.kind is MatchKind.TRIAD:
        return None
    others = [s for s in candidates(replace(match, talking=None)) if s.ref != ref]
    return others[0] if len(others) == 1 else None


def _begin(
    match: Together, seat: Seat, mode: str, *, offer_swap: bool = False, counted: bool = True
) -> Outcome:
    """The conversation starts for everyone; a card that was not asked for offers the swap."""
    other = _alternative(match, seat.ref) if offer_swap else None
    alternative = other.ref if other is not None else None
    began = Begin(seat.ref, mode, swap=alternative, counted=counted, remembered=offer_swap)
    return Outcome((KeepTalk(seat.ref, mode), began))


def choose_who(match: Together, ref: object) -> Result:
    """Whose conversation it is was picked: now how it takes place."""
    seat = match.seat(ref)
    if seat is None or seat not in candidates(match) or match.talking is not None:
        return OLD_CARD
    return Outcome((AskMode(seat.ref),))


def choose_mode(match: Together, ref: object, mode: object) -> Result:
    """Chat or face to face: the conversation starts for everyone in the match."""
    seat = match.seat(ref)
    if seat is None or mode not in MODES:
        return OLD_CARD
    if match.talking is not None or seat not in candidates(match):
        return ALREADY_STARTED
    return _begin(match, seat, str(mode))


def end(match: Together, ref: object, *, at: datetime) -> Result:
    """The coach or the coachee ends the conversation under way."""
    if match.talking is None or match.talking != ref:
        return ALREADY_ENDED
    return end_conversation(match, at=at)


def end_conversation(match: Together, *, at: datetime, aftercare: bool = True) -> Outcome:
    """Close the conversation under way: it counts as held, and the after-care begins."""
    seat = match.seat(match.talking)
    if seat is None:
        return Outcome()
    held = record_meeting(seat.trajectory, held=True, at=at)
    ended = "trajectory.ended_triad" if match.kind is MatchKind.TRIAD else "trajectory.ended"
    effects: list[Effect] = [KeepTalk(None), Store(held, seat.ref), *forget_plan(match.match)]
    effects.extend(Tell(m.id, ended) for m in match.members)
    if aftercare:
        effects.extend(after_conversation(_with(match, seat.ref, held), seat.ref))
    return Outcome(tuple(effects))


def after_conversation(match: Together, ref: int) -> tuple[Effect, ...]:
    """After a conversation: the click check the first time, reflection, revisit, planning."""
    seat = match.seat(ref)
    assert seat is not None, "after-care follows a conversation of this match"
    first = seat.trajectory.step is Step.CONTACT
    effects: list[Effect] = []
    if first and not match.click_done and not match.click_running:
        effects.extend(ask_click(match.members).effects)
    effects.append(AfterCare(ref))
    if first or not match.active:
        return tuple(effects)
    if any(revisit_due(s.trajectory) for s in match.live()):
        effects.append(OfferRevisit())
    if closing_due(seat.trajectory):
        effects.append(Tell(seat.coach, "trajectory.closing_due", names={"name": seat.coachee}))
    if match.live():
        effects.extend(ShowPlanCard(m.id) for m in match.members)
    return tuple(effects)


def met(match: Together, planned: datetime | None, *, held: bool, by: int, at: datetime) -> Result:
    """Did you meet? The first answer counts for the whole match."""
    if planned is None or match.planned != planned:
        return MET_ALREADY
    seat = _seat_in_turn(match)
    kept = record_meeting(seat.trajectory, held=held, at=at)
    effects: list[Effect] = [Store(kept, seat.ref), *forget_plan(match.match)]
    if held:
        effects.extend(Tell(m.id, "trajectory.met_yes", names={"name": by}) for m in match.members)
        effects.extend(after_conversation(_with(match, seat.ref, kept), seat.ref))
    else:
        for member in match.members:
            effects.append(Tell(member.id, "trajectory.met_no", names={"name": by}))
            effects.append(ShowPlanCard(member.id))
    return Outcome(tuple(effects))


def _seat_in_turn(match: Together) -> Seat:
    """The trajectory whose conversation it was: the rotation's, or the one with fewest so far."""
    options: Sequence[Seat] = candidates(match) or match.live() or match.seats
    return min(options, key=lambda s: s.trajectory.conversation_count)


def _with(match: Together, ref: int, trajectory: Trajectory) -> Together:
    """The match as it is once this trajectory was stored (and no conversation runs)."""
    seats = tuple(replace(s, trajectory=trajectory) if s.ref == ref else s for s in match.seats)
    return replace(match, seats=seats, talking=None)
