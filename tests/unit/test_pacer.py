"""The pacer on a clock the test moves: order, priorities, fairness and every limit."""

from __future__ import annotations

import heapq
import itertools
import math
import random
from collections import Counter

from bot.runtime.pacer import PaceLimits, Pacer, Window
from storage.outbox import BULK, INTERACTIVE, NOTICE, Delivery

GROUP = -100_123


class Clock:
    """Monotonic seconds the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class Calls:
    """Outbox calls with increasing ids, as turns make them."""

    def __init__(self) -> None:
        self.ids = itertools.count(1)

    def __call__(
        self, chat_id: int, *, priority: int = INTERACTIVE, method: str = "sendMessage"
    ) -> Delivery:
        row = next(self.ids)
        return Delivery(
            row, chat_id, method, {"chat_id": chat_id, "text": f"{row}"}, priority, 0, None
        )


def paced(per_second: int = 30) -> tuple[Pacer, Clock, Calls]:
    clock = Clock()
    return Pacer(PaceLimits.telegram(per_second), clock=clock), clock, Calls()


def send_all(pacer: Pacer, clock: Clock, *, seconds: float) -> list[tuple[float, Delivery]]:
    """Send whatever the pacer lets go until `seconds` passed, each call answered at once."""
    sent: list[tuple[float, Delivery]] = []
    end = clock.now + seconds
    while clock.now <= end:
        got = pacer.take()
        if isinstance(got, Delivery):
            sent.append((clock.now, got))
            pacer.done(got)
            continue
        if got is None:
            break
        clock.now += got
    return sent


def test_interactive_replies_go_before_notices_and_bulk() -> None:
    pacer, clock, call = paced()
    for chat in range(1, 41):
        pacer.add(call(chat, priority=BULK))
    notice = call(500, priority=NOTICE)
    reply = call(501)
    pacer.add(notice)
    pacer.add(reply)

    first = [d for _, d in send_all(pacer, clock, seconds=0)][:2]

    assert first == [reply, notice]


def test_replies_to_one_chat_keep_their_order() -> None:
    pacer, clock, call = paced()
    calls = [call(7) for _ in range(12)]
    for delivery in reversed(calls):  # handed over out of order (a read and a turn racing)
        pacer.add(delivery)

    sent = [d for _, d in send_all(pacer, clock, seconds=30)]

    assert sent == calls


def test_a_call_under_way_is_never_overtaken() -> None:
    pacer, _, call = paced()
    later = call(7)
    earlier = call(7)
    pacer.add(later)
    under_way = pacer.take()
    pacer.add(earlier)  # an older row read from the outbox while the later one is out
    pacer.done(later)

    assert under_way == later
    assert pacer.take() == earlier


def test_chats_take_turns_within_a_priority() -> None:
    pacer, clock, call = paced()
    for _ in range(3):
        for chat in (1, 2, 3):
            pacer.add(call(chat, priority=BULK))

    chats = [d.chat_id for _, d in send_all(pacer, clock, seconds=5)]

    assert chats == [1, 2, 3, 1, 2, 3, 1, 2, 3]


def test_the_overall_cap_holds_in_every_second() -> None:
    pacer, clock, call = paced(30)
    for chat in range(1, 1001):
        pacer.add(call(chat, priority=BULK))

    times = [at for at, _ in send_all(pacer, clock, seconds=40)]

    assert len(times) == 1000
    for index in range(len(times) - 30):
        assert times[index + 30] - times[index] > 1.0  # no 31 sends within any second


def test_a_private_chat_gets_short_bursts_and_about_one_a_second() -> None:
    pacer, clock, call = paced()
    for _ in range(40):
        pacer.add(call(9))

    started = clock.now
    times = [at - started for at, _ in send_all(pacer, clock, seconds=60)]

    assert len(times) == 40
    assert times[:3] == [0.0, 0.0, 0.0]
    assert all(later - earlier > 1.0 for earlier, later in itertools.pairwise(times[::3]))
    assert all(later - earlier > 10.0 for earlier, later in itertools.pairwise(times[::10]))


def test_a_group_gets_twenty_a_minute() -> None:
    pacer, clock, call = paced()
    for _ in range(45):
        pacer.add(call(GROUP, priority=NOTICE))

    times = [at for at, _ in send_all(pacer, clock, seconds=150)]

    assert len(times) == 45
    assert all(times[i + 20] - times[i] > 60.0 for i in range(len(times) - 20))


def test_a_flood_wait_for_one_chat_does_not_delay_another() -> None:
    pacer, clock, call = paced()
    flooded, other = call(1), call(2)
    pacer.add(flooded)
    pacer.add(other)
    refused = pacer.take()
    assert refused == flooded
    pacer.again(flooded, after=30)

    started = clock.now
    sent = send_all(pacer, clock, seconds=60)

    assert [(round(at - started), d) for at, d in sent] == [(0, other), (30, flooded)]


def test_a_flood_wait_for_the_whole_bot_holds_counted_calls_only() -> None:
    pacer, clock, call = paced()
    pacer.hold_all(5)
    reminder = call(1, priority=BULK)
    spinner = call(2, method="answerCallbackQuery")
    pacer.add(reminder)
    pacer.add(spinner)

    started = clock.now
    sent = [(round(at - started), d) for at, d in send_all(pacer, clock, seconds=10)]

    assert sent == [(0, spinner), (5, reminder)]


def test_bulk_in_memory_is_bounded() -> None:
    pacer, _, call = paced(30)
    room = pacer.bulk_room()
    for chat in range(1, room + 1):
        pacer.add(call(chat, priority=BULK))
    pacer.add(call(9999))  # replies are always taken

    assert 0 < room <= 100
    assert pacer.bulk_room() == 0
    sent = pacer.take()
    assert isinstance(sent, Delivery)
    assert sent.chat_id == 9999


def test_no_more_than_the_connection_pool_is_under_way() -> None:
    clock = Clock()
    limits = PaceLimits(
        overall=(Window(100, 1.0),), private=(Window(5, 1.0),), group=(Window(5, 1.0),)
    )
    pacer, call = Pacer(limits, clock=clock, in_flight=4), Calls()
    for chat in range(1, 11):
        pacer.add(call(chat))

    under_way = []
    while isinstance(got := pacer.take(), Delivery):
        under_way.append(got)
    assert len(under_way) == 4
    assert got is None  # nothing to wait for until a call comes back
    pacer.done(under_way[0])
    assert isinstance(pacer.take(), Delivery)


def test_quiet_chats_are_forgotten() -> None:
    pacer, clock, call = paced()
    for chat in range(1, 51):
        pacer.add(call(chat))
    send_all(pacer, clock, seconds=5)
    clock.now += 120
    pacer.forget_quiet()

    assert pacer.lanes == {}
    assert Counter(pacer.ids) == Counter()


def test_a_full_second_does_not_strand_bulk_behind_an_emptied_reply_queue() -> None:
    pacer, clock, call = paced(30)
    reply = call(1)
    pacer.add(reply)
    assert pacer.take() == reply
    pacer.done(reply)
    for chat in range(2, 40):
        pacer.add(call(chat, priority=BULK))

    sent = send_all(pacer, clock, seconds=5)

    assert len(sent) == 38


def test_a_call_counts_until_its_answer_came_back_and_a_window_after() -> None:
    limits = PaceLimits(
        overall=(Window(1, 1.0),), private=(Window(5, 1.0),), group=(Window(5, 1.0),)
    )
    clock = Clock()
    pacer, call = Pacer(limits, clock=clock), Calls()
    first, second = call(1), call(2)
    pacer.add(first)
    pacer.add(second)
    assert pacer.take() == first
    clock.now += 5.0  # a slow answer: Telegram may have counted it at any moment until now

    assert pacer.take() is None  # nothing to wait for but the answer
    pacer.answered(first)
    assert pacer.take() == 1.0  # a whole second from the answer, not from when it left
    pacer.done(first)
    clock.now += 1.0
    assert pacer.take() == second


def test_no_second_on_telegrams_side_holds_more_than_the_cap_whatever_the_delays() -> None:
    """Each call reaches Telegram at a random moment before its answer; count as Telegram does."""
    pacer, clock, call = paced(30)
    for chat in range(1, 601):
        pacer.add(call(chat, priority=BULK))
    delays = random.Random(12)
    arrivals: list[float] = []
    answers: list[tuple[float, int, Delivery]] = []  # (when the answer comes back, order, call)
    order = itertools.count()
    while len(arrivals) < 600:
        got = pacer.take()
        if isinstance(got, Delivery):
            # Sometimes the event loop stalls before the request leaves, sometimes the answer.
            arrive = clock.now + delays.choice([0.001, 0.01, 0.05, 0.3]) * delays.random()
            answer = arrive + delays.choice([0.001, 0.01, 0.2]) * delays.random()
            arrivals.append(arrive)
            heapq.heappush(answers, (answer, next(order), got))
            continue
        wake = clock.now + got if got is not None else math.inf
        if answers and answers[0][0] <= wake:
            clock.now, _, answered = heapq.heappop(answers)
            pacer.done(answered)
        else:
            clock.now = wake

    arrivals.sort()
    # Telegram's window: no 31 calls within any second (as the emulator counts them).
    assert all(arrivals[i + 30] - arrivals[i] >= 1.0 for i in range(len(arrivals) - 30))


def test_a_slow_answer_does_not_hold_calls_that_fit_beside_it() -> None:
    pacer, clock, call = paced(30)
    slow, other = call(1), call(2)
    pacer.add(slow)
    pacer.add(other)
    assert pacer.take() == slow
    clock.now += 0.2  # its answer is still out

    assert pacer.take() == other
