"""Worker loops keep going after a failure instead of silently stopping the bot."""

from __future__ import annotations

import asyncio

from bot.runtime.loops import run_forever


async def test_a_failing_step_is_retried_and_the_loop_goes_on() -> None:
    calls: list[str] = []

    async def once() -> float:
        calls.append("call")
        if len(calls) == 1:
            raise ConnectionError("database restarting")
        return 0.01

    loop = asyncio.create_task(run_forever("test", once, asyncio.Event()))
    await asyncio.sleep(1.3)  # one second of backoff after the failure, then normal rounds
    loop.cancel()
    await asyncio.gather(loop, return_exceptions=True)
    assert len(calls) >= 3 and loop.cancelled()
