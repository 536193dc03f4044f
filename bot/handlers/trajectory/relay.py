"""Chat conversations: messages relayed between the partners' private chats, never stored."""

from __future__ import annotations

from bot.handlers.safety import nudge_if_serious, nudge_scope, pledge_cleared
from bot.handlers.trajectory.core import Pair, pair_of, tell
from bot.handlers.trajectory.ending import dissolve_if_unreachable
from bot.runtime.incoming import Incoming
from bot.runtime.turn import Turn
from storage import outbox

# Kinds Telegram copies with a caption, so the sender's name travels with the message.
CAPTIONED = frozenset({"photo", "voice", "document", "video", "audio", "animation"})
CAPTION_LIMIT = 1024  # Telegram's, counted on the text as shown
NAME_ROOM = 8  # what the caption puts around the name: "💬 " and ": "


async def relay_text(turn: Turn, incoming: Incoming) -> bool:
    """Free text during a conversation: passed on in a chat conversation, else explained."""
    pair = await _conversation(turn)
    if pair is None:
        return False
    relayed = await _may_relay(turn, pair)
    if relayed:
        for member in pair.others(turn.chat_id):
            await tell(
                turn, member, "trajectory.relayed", name=pair.name(turn.chat_id), text=incoming.text
            )
    # Issue 13: a serious word shows the writer alone the help card, once per conversation,
    # whether or not the message went on (face to face, before the pledge, an observer).
    await _nudge(turn, pair, incoming.text, relayed=relayed)
    return True


async def _nudge(turn: Turn, pair: Pair, text: str, *, relayed: bool) -> None:
    scope = nudge_scope(pair.match.id, pair.state.conversations)
    await nudge_if_serious(turn, text, scope=scope, relayed=relayed)


async def relay_media(turn: Turn, incoming: Incoming) -> bool:
    """A photo, voice note or file during a chat conversation: copied, with the sender's name."""
    pair = await _conversation(turn)
    if pair is None or incoming.message_id is None:
        return False
    relayed = await _may_relay(turn, pair)
    await _nudge(turn, pair, incoming.text, relayed=relayed)
    if not relayed:
        return True
    if incoming.media not in CAPTIONED:
        await turn.say("trajectory.media_refused")
        return True
    name = pair.name(turn.chat_id)
    # A caption that leaves no room for the name follows the copy as a text of its own.
    fits = len(name) + NAME_ROOM + len(incoming.text) <= CAPTION_LIMIT
    for member in pair.others(turn.chat_id):
        with turn.speaking(member.language):
            caption = turn.text(
                "trajectory.relayed_caption", name=name, caption=incoming.text if fits else ""
            )
        await outbox.enqueue(
            turn.session,
            chat_id=member.id,
            method="copyMessage",
            payload={
                "chat_id": member.id,
                "from_chat_id": turn.chat_id,
                "message_id": incoming.message_id,
                "caption": caption.strip(),
                "parse_mode": "HTML",
            },
            now=turn.now,
        )
        if not fits:
            await tell(turn, member, "trajectory.relayed", name=name, text=incoming.text)
    return True


async def _conversation(turn: Turn) -> Pair | None:
    """The person's match while one of its conversations is under way.

    Outside a conversation the text is left to others (a group room may have asked for it);
    the router's fallback then points to /help, which lists /talk.
    """
    if turn.user is None:
        return None
    pair = await pair_of(turn)
    return pair if pair is not None and pair.talking is not None else None


async def _may_relay(turn: Turn, pair: Pair) -> bool:
    """Whether this message goes to the others; if not, say why (kindly) and keep nothing."""
    row = pair.talking
    assert row is not None
    if await dissolve_if_unreachable(turn, pair):
        return False
    if pair.state.mode == "face":
        await turn.say("trajectory.face_to_face")
        return False
    if turn.chat_id not in (row.coach_id, row.coachee_id):
        await turn.say("trajectory.observer_quiet")
        return False
    return await pledge_cleared(turn, pair)  # issue 13: the pledge, and no paused member
