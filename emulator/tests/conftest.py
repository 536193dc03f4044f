"""Fixtures for the emulator tests: a running emulator and a PTB bot pointed at it."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
import telegram

from tgemulator.emulator import TelegramEmulator, running_emulator


@pytest.fixture
async def emulator() -> AsyncIterator[TelegramEmulator]:
    """An emulator on a free port, stopped after the test."""
    async with running_emulator() as started:
        yield started


@pytest.fixture
async def bot(emulator: TelegramEmulator) -> AsyncIterator[telegram.Bot]:
    """A real python-telegram-bot Bot talking to the emulator over HTTP."""
    async with telegram.Bot(
        emulator.token, base_url=emulator.base_url, base_file_url=emulator.base_file_url
    ) as client:
        yield client
