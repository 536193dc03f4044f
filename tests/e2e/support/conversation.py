"""Reading a chat the way a person does: the next message with a text, a button once shown."""

from __future__ import annotations

from collections.abc import Sequence

from tgemulator import EmuMessage, ScriptedUser

from tests.e2e.support.world import eventually


async def read_until(person: ScriptedUser, contains: str, *, limit: int = 12) -> EmuMessage:
    """The next bot message in the person's chat containing a text, skipping up to `limit`."""
    seen = []
    for _ in range(limit):
        message = await person.expect()
        if contains in (message.text or ""):
            return message
        seen.append(message.text)
    raise AssertionError(f"{person.user.first_name} never got {contains!r}; got {seen}")


async def next_answer(person: ScriptedUser, contains: str, *, limit: int = 10) -> str:
    """The next answer to the person's button presses containing a text (a toast or an alert)."""
    for _ in range(limit):
        answer = await person.expect_callback_answer()
        if contains in (answer.text or ""):
            return answer.text or ""
    raise AssertionError(f"{person.user.first_name} never saw an answer with {contains!r}")


async def expect_all(people: Sequence[ScriptedUser], contains: str) -> list[EmuMessage]:
    """Everyone gets a message containing this text next."""
    return [await person.expect(contains) for person in people]


async def press_when_shown(person: ScriptedUser, label: str) -> None:
    """Press a button once it is on one of the bot's messages in the person's chat."""
    chat = person.chat

    def shown() -> bool:
        return any(label in chat.messages[m].button_labels() for m in chat.bot_message_ids)

    await person.emulator.wait_for(shown, 5.0, chat_id=chat)
    await person.press(label)


async def edited_to(
    person: ScriptedUser, message_id: int, contains: str, *, seconds: float = 5.0
) -> EmuMessage:
    """Wait until a bot message in this person's chat was edited to contain this text."""
    message = person.chat.messages[message_id]

    async def changed() -> bool:
        return contains in (message.text or "")

    await eventually(changed, seconds=seconds)
    return message
