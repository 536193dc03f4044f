"""What a coach's log holds per conversation (role, tension fields, answers, an observer's
feedback, the compliments their coachee gave them) and the summary of a coach portfolio."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from flows.trajectory import Observation, Party, Reflection, Step, Trajectory
from flows.trajectory.prompts import NoteTopic

COMPLIMENT = NoteTopic("compliment")


@dataclass(frozen=True)
class Conversation:
    """What the log holds about one conversation the person coached."""

    number: int
    reflection: Reflection | None
    observation: Observation | None
    compliments: tuple[str, ...] = ()  # what the coachee said to the coach, in their words


def compliments_received(trajectory: Trajectory) -> dict[int, tuple[str, ...]]:
    """The coachee's compliments to the coach, by the conversation they were given in.

    A compliment written during conversation k comes before that conversation is counted as
    held, so k is one more than the conversations held before it (at most the last one)."""
    held = [meeting.at for meeting in trajectory.meetings if meeting.held]
    found: dict[int, list[str]] = {}
    for note in trajectory.notes_about(COMPLIMENT):
        if note.by is not Party.COACHEE:
            continue  # the coach's compliment went to the coachee: it is theirs
        number = min(sum(1 for at in held if at < note.at) + 1, max(len(held), 1))
        found.setdefault(number, []).append(note.text)
    return {number: tuple(texts) for number, texts in found.items()}


def conversations(trajectory: Trajectory, *, with_compliments: bool = True) -> list[Conversation]:
    """Reflections, observations and compliments side by side per conversation, oldest first."""
    reflections, observations = trajectory.reflections, trajectory.observations
    compliments = compliments_received(trajectory) if with_compliments else {}
    numbers = sorted(
        {r.conversation for r in reflections}
        | {o.conversation for o in observations}
        | set(compliments)
    )
    return [
        Conversation(
            number,
            next((r for r in reversed(reflections) if r.conversation == number), None),
            next((o for o in reversed(observations) if o.conversation == number), None),
            compliments.get(number, ()),
        )
        for number in numbers
    ]


@dataclass(frozen=True)
class Coached:
    """One trajectory in which the person coached, as a portfolio shows it (no coachee words)."""

    number: int  # the first, second... trajectory coached, oldest first
    held: int  # conversations held
    closed: bool  # the trajectory was closed together
    conversations: tuple[Conversation, ...]


@dataclass(frozen=True)
class Portfolio:
    """A coach's own log, to hand to a teacher: counts, roles, reflections, observer feedback."""

    trajectories: tuple[Coached, ...]
    compliments: int  # how many compliments coachees gave (the count, never their words)

    @property
    def conversations(self) -> int:
        """Conversations held over every trajectory coached."""
        return sum(t.held for t in self.trajectories)

    @property
    def closings(self) -> int:
        """Trajectories closed together."""
        return sum(1 for t in self.trajectories if t.closed)

    @property
    def empty(self) -> bool:
        """Nothing yet to put in a portfolio."""
        return not self.conversations and not any(t.conversations for t in self.trajectories)


def portfolio(coached: Sequence[Trajectory]) -> Portfolio:
    """The portfolio of every trajectory the person coached, oldest first. What the coachee
    wrote (goal, notes, steps, compliments' words) stays out: the coachee never agreed to it."""
    entries = tuple(
        Coached(
            number,
            trajectory.conversation_count,
            trajectory.step is Step.CLOSED,
            tuple(conversations(trajectory, with_compliments=False)),
        )
        for number, trajectory in enumerate(coached, start=1)
    )
    given = sum(len(texts) for t in coached for texts in compliments_received(t).values())
    return Portfolio(entries, given)
