"""A Telegram Bot API emulator over real HTTP, with scripted users, for tests and demos.

The bot under test talks to it exactly as to Telegram (`telegram.Bot(token,
base_url=emulator.base_url)`); tests act as people through `TelegramEmulator` or `ScriptedUser`.
"""

from tgemulator.driver import ScriptedUser, run_conversation
from tgemulator.emulator import TelegramEmulator, running_emulator
from tgemulator.media import media_fields, sample_png, sample_voice
from tgemulator.models import CallbackAnswer, EmuChat, EmuMessage, EmuUser, chat_member
from tgemulator.state import DEFAULT_BOT_NAME, DEFAULT_BOT_USERNAME, DEFAULT_TOKEN

__all__ = [
    "DEFAULT_BOT_NAME",
    "DEFAULT_BOT_USERNAME",
    "DEFAULT_TOKEN",
    "CallbackAnswer",
    "EmuChat",
    "EmuMessage",
    "EmuUser",
    "ScriptedUser",
    "TelegramEmulator",
    "chat_member",
    "media_fields",
    "run_conversation",
    "running_emulator",
    "sample_png",
    "sample_voice",
]
