"""A pasted invitation link in a private chat is read as the /start that tapping it sends."""

from __future__ import annotations

from bot.runtime.incoming import Kind, parse


def _text(text: str, chat_type: str = "private") -> dict[str, object]:
    chat = {"id": 5, "type": chat_type}
    sender = {"id": 5, "first_name": "Sanne", "is_bot": False}
    return {"message": {"message_id": 1, "chat": chat, "from": sender, "text": text}}


def test_a_pasted_link_is_the_start_command_with_its_code() -> None:
    for text in (
        "https://t.me/PeerCoachBot?start=abc_DEF-123",
        "t.me/PeerCoachBot?start=abc_DEF-123",
        "  http://telegram.me/PeerCoachBot?start=abc_DEF-123\n",
    ):
        incoming = parse(_text(text))
        assert (incoming.kind, incoming.command, incoming.args) == (
            Kind.COMMAND,
            "start",
            "abc_DEF-123",
        )


def test_a_link_inside_a_sentence_or_in_a_group_stays_text() -> None:
    assert parse(_text("look: https://t.me/PeerCoachBot?start=abc")).kind is Kind.TEXT
    assert parse(_text("https://t.me/PeerCoachBot?start=abc", "group")).kind is Kind.TEXT
    assert parse(_text("https://example.org/?start=abc")).kind is Kind.TEXT
