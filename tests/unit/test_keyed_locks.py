"""Conversation locks: taken in the order asked, several at once, never overtaken, no deadlock."""

from __future__ import annotations

import asyncio
import contextlib

from bot.runtime.locks import KeyedLocks


async def test_work_on_several_conversations_is_not_overtaken() -> None:
    locks = KeyedLocks()
    order: list[str] = []
    release_a = asyncio.Event()

    async def work(name: str, keys: list[str], until: asyncio.Event | None = None) -> None:
        async with locks.hold_all(keys):
            order.append(name)
            if until is not None:
                await until.wait()

    first = asyncio.create_task(work("first on a", ["a"], release_a))
    await asyncio.sleep(0)
    both = asyncio.create_task(work("a and c together", ["c", "a"]))
    later_c = asyncio.create_task(work("later on c", ["c"]))
    other = asyncio.create_task(work("b alone", ["b"]))
    await asyncio.sleep(0.01)
    # c is free, but the batch asked for it first: the later work on c waits behind it.
    assert order == ["first on a", "b alone"]
    release_a.set()
    await asyncio.gather(first, both, later_c, other)
    assert order == ["first on a", "b alone", "a and c together", "later on c"]
    assert len(locks) == 0  # nothing is kept for idle conversations


async def test_crossing_sets_do_not_deadlock() -> None:
    locks = KeyedLocks()
    done: list[int] = []

    async def work(number: int, keys: list[str]) -> None:
        async with locks.hold_all(keys):
            await asyncio.sleep(0.001)
            done.append(number)

    tasks = [work(n, ["x", "y"] if n % 2 else ["y", "x", "z"]) for n in range(20)]
    async with asyncio.timeout(5):
        await asyncio.gather(*tasks)
    assert done == list(range(20))


async def test_a_cancelled_waiter_lets_those_behind_go_only_after_the_holder() -> None:
    locks = KeyedLocks()
    order: list[str] = []
    release = asyncio.Event()

    async def holder() -> None:
        async with locks.hold("k"):
            order.append("holder")
            await release.wait()
        order.append("holder done")

    async def waiter(name: str) -> None:
        async with locks.hold("k"):
            order.append(name)

    first = asyncio.create_task(holder())
    await asyncio.sleep(0)
    cancelled = asyncio.create_task(waiter("cancelled"))
    behind = asyncio.create_task(waiter("behind"))
    await asyncio.sleep(0.01)
    cancelled.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await cancelled
    await asyncio.sleep(0.01)
    assert order == ["holder"]  # the cancelled one's place does not open the lock
    release.set()
    await asyncio.gather(first, behind)
    assert order == ["holder", "holder done", "behind"]
