"""Issue 13's pure rules: help lines per country, whom the route offers, the serious words."""

from __future__ import annotations

from pathlib import Path

import pytest

from flows.safety import (
    Confidant,
    Gate,
    Offer,
    gate,
    help_lines,
    load_words,
    offer_for,
    relay_partner,
    serious,
)
from flows.safety.words import FOLDER, TOPICS, parse_words


def test_help_lines_put_emergencies_first_and_fit_the_country() -> None:
    dutch = [(line.name, line.number) for line in help_lines("nl")]
    assert dutch == [
        ("112", "112"),
        ("113 Zelfmoordpreventie", "0800-0113"),
        ("De Kindertelefoon", "0800-0432"),
    ]
    flemish = [line.number for line in help_lines("BE")]
    assert flemish == ["112", "102", "1813"]
    assert [line.number for line in help_lines("DE")] == ["112"]  # unknown: 112 still


def _confidant(user_id: int, *, reachable: bool = True) -> Confidant:
    return Confidant(user_id, f"C{user_id}", 1, reachable)


def test_the_offer_leaves_out_unreachable_confidants_and_the_student_themself() -> None:
    assert offer_for([], 5) == (Offer.NONE, [])
    assert offer_for([_confidant(7, reachable=False)], 5) == (Offer.NONE, [])
    assert offer_for([_confidant(5)], 5) == (Offer.NONE, [])
    kind, usable = offer_for([_confidant(7), _confidant(8, reachable=False)], 5)
    assert kind is Offer.ONE and [c.user_id for c in usable] == [7]
    kind, usable = offer_for([_confidant(7), _confidant(9)], 5)
    assert kind is Offer.CHOOSE and [c.user_id for c in usable] == [7, 9]


def test_a_talk_relays_between_its_two_sides_only() -> None:
    assert relay_partner(1, 2, 1) == 2
    assert relay_partner(1, 2, 2) == 1
    assert relay_partner(1, 2, 3) is None


@pytest.mark.parametrize(
    "text",
    [
        "Soms wil ik er niet meer zijn",
        "ik heb zelfmoordgedachten",
        "omdat ik mezelf pijn doe als het misgaat",
        "soms wil ik mezelf iets aandoen",
        "Hij SLAAT  me als hij boos is",
        "ik ben vroeger misbruikt",
        "er is thuis geweld",
        "I don’t want to live like this",
        "sometimes I hurt myself",
        "my dad beats me",
        "Self-harming again",
    ],
)
def test_serious_words_are_found_in_either_language(text: str) -> None:
    assert serious(text)


@pytest.mark.parametrize(
    "text",
    [
        "Goed hoor, net gym gehad!",
        "ik ga bramen rapen",
        "ik wil mezelf iets aanleren",
        "Ik sla de bal hard",
        "I want to dive deeper",
        "this game is abusive-free fun",
        "",
    ],
)
def test_everyday_words_are_left_alone(text: str) -> None:
    assert not serious(text)


def test_every_language_file_lists_every_topic() -> None:
    files = sorted(FOLDER.glob("*.toml"))
    assert [path.stem for path in files] == ["en", "nl"]
    for path in files:
        assert parse_words(path.read_text("utf-8"))
    assert len(load_words().entries) == sum(len(parse_words(p.read_text("utf-8"))) for p in files)
    assert TOPICS == ("self_harm", "suicide", "abuse", "violence_at_home")


def test_a_word_file_without_a_topic_or_with_an_unknown_one_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="abuse"):
        parse_words(
            '[self_harm]\nwords=["a"]\n[suicide]\nwords=["b"]\n[violence_at_home]\nwords=["c"]'
        )
    with pytest.raises(ValueError, match="unknown topics"):
        parse_words('[gossip]\nwords=["x"]')
    (tmp_path / "xx.toml").write_text(
        "\n".join(f'[{topic}]\nwords = ["woord{n}*"]' for n, topic in enumerate(TOPICS)),
        "utf-8",
    )
    mine = load_words(tmp_path)
    assert serious("woord2en", mine) and not serious("woor", mine)


def test_the_pledge_gate_opens_once_every_member_promised() -> None:
    members = [1, 2, 3]  # a triad: the observer promises too
    assert gate(required=False, writer=1, members=members, agreed=(), declined=()) == (
        Gate.OPEN,
        [],
    )
    assert gate(required=True, writer=1, members=members, agreed=(), declined=()) == (
        Gate.ASK_WRITER,
        [1, 2, 3],
    )
    assert gate(required=True, writer=1, members=members, agreed={1, 3}, declined=()) == (
        Gate.WAIT,
        [2],
    )
    assert gate(required=True, writer=2, members=members, agreed={1, 3}, declined={2}) == (
        Gate.DECLINED,
        [2],
    )
    assert gate(required=True, writer=2, members=members, agreed={1, 2, 3}, declined=()) == (
        Gate.OPEN,
        [],
    )
