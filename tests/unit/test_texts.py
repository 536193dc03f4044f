"""Texts: both languages agree, every key the code uses exists with the variables it is given,
and plain texts (labels, callback answers, commands) carry no HTML."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from bot.i18n import LANGUAGES, Html, Texts, TextsError, fluent_id, shared_texts, text_key

ROOT = Path(__file__).resolve().parents[2]
KEY = re.compile(r"^[a-z_]+(\.[a-z0-9_]+)+$")
PREFIX = re.compile(r"^[a-z_]+\.[a-z0-9_.]*$")
# Calls whose text is shown as typed: button labels, callback answers.
PLAIN_CALLS = {"plain", "choice", "answer", "label", "room_plain"}
# Calls that fill a text in with keyword parameters (besides options such as choices=).
FILLING_CALLS = {"say", "text", "plain", "answer", "label", "bot_text"}
OPTIONS = {"choices", "chat_id", "priority", "remember_as", "alert"}
# The room registry in flows names key prefixes, each completed with names from enums.
REGISTRY_PREFIX_CALL = "_keys"


@dataclass(frozen=True)
class Use:
    """A text key (or a key prefix of an f-string) as written in the source."""

    key: str
    where: str
    call: str
    prefix: bool = False
    params: frozenset[str] | None = None  # keyword parameters, when all are written out


def sources() -> Iterator[Path]:
    for package in ("bot", "flows"):
        yield from (ROOT / package).rglob("*.py")


def _call_name(call: ast.Call) -> str:
    return getattr(call.func, "attr", None) or getattr(call.func, "id", "")


def uses(namespaces: set[str]) -> list[Use]:
    """Every literal text key and f-string key prefix in bot/ and flows/, with its call."""
    found: list[Use] = []
    for path in sources():
        tree = ast.parse(path.read_text("utf-8"))
        where = str(path.relative_to(ROOT))
        calls = {
            id(arg): node
            for node in ast.walk(tree)
            if isinstance(node, ast.Call)
            for arg in node.args
        }
        in_fstring = {
            id(part)
            for node in ast.walk(tree)
            if isinstance(node, ast.JoinedStr)
            for part in node.values
        }
        for node in ast.walk(tree):
            call = calls.get(id(node))
            name = _call_name(call) if call else ""
            head = node.values[0] if isinstance(node, ast.JoinedStr) and node.values else None
            if isinstance(head, ast.Constant) and PREFIX.match(str(head.value)):
                if str(head.value).split(".")[0] in namespaces:
                    found.append(Use(str(head.value), where, name, prefix=True))
            elif (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and id(node) not in in_fstring
                and KEY.match(node.value)
                and node.value.split(".")[0] in namespaces
            ):
                prefix = name == REGISTRY_PREFIX_CALL
                found.append(Use(node.value, where, name, prefix, _params(call)))
    return found


def _params(call: ast.Call | None) -> frozenset[str] | None:
    if call is None or _call_name(call) not in FILLING_CALLS:
        return None
    if any(keyword.arg is None for keyword in call.keywords):
        return None  # **params: not known from the source
    return frozenset(k.arg for k in call.keywords if k.arg and k.arg not in OPTIONS)


@pytest.fixture(scope="module")
def texts() -> Texts:
    return shared_texts()


@pytest.fixture(scope="module")
def used(texts: Texts) -> list[Use]:
    found = uses({key.split(".")[0] for key in texts.known_keys()})
    assert len(found) > 300, "the scan found too few keys"
    return found


def test_every_key_used_in_code_exists(texts: Texts, used: list[Use]) -> None:
    missing = [f"{u.where}: {u.key}" for u in used if not u.prefix and not texts.has(u.key)]
    assert missing == []


def test_every_key_prefix_in_code_starts_some_key(texts: Texts, used: list[Use]) -> None:
    keys = texts.known_keys()
    dead = [
        f"{u.where}: {u.key}"
        for u in used
        if u.prefix and not any(key.startswith(u.key) for key in keys)
    ]
    assert dead == []


def test_calls_give_exactly_the_variables_a_text_uses(texts: Texts, used: list[Use]) -> None:
    wrong = [
        f"{u.where}: {u.key} given {sorted(u.params)}, uses {sorted(texts.variables(u.key))}"
        for u in used
        if u.params is not None and texts.has(u.key) and u.params != texts.variables(u.key)
    ]
    assert wrong == []


def test_plain_texts_carry_no_html(texts: Texts, used: list[Use]) -> None:
    plain = [u for u in used if u.call in PLAIN_CALLS]
    # Commands, room buttons and room refusals (answered on a pressed button) by their prefix.
    prefixes = ("commands.", "room.action.", "room.refuse.")
    plain += [Use(prefix, "", "", prefix=True) for prefix in prefixes]
    marked = sorted(
        f"{u.where}: {key}"
        for u in plain
        for key in texts.known_keys()
        if (key.startswith(u.key) if u.prefix else key == u.key) and texts.is_markup(key)
    )
    assert len(plain) > 100, "the scan found too few plain texts"
    assert marked == []


def test_plain_lookups_refuse_html_and_leave_parameters_alone(texts: Texts) -> None:
    assert texts.plain("en", "trajectory.who_i_coach", name="Bo <3") == "I coach Bo <3"
    with pytest.raises(TextsError, match="contains HTML"):
        texts.plain("en", "cohort.exists", name="x")


def test_parameters_are_escaped_unless_marked_html(texts: Texts) -> None:
    assert "&lt;b&gt;" in texts.get("en", "cohort.exists", name="<b>")
    assert "<i>x</i>" in texts.get("en", "cohort.exists", name=Html("<i>x</i>"))


@pytest.mark.parametrize(
    ("language", "pairs", "triads", "told", "expected"),
    [
        ("nl", 1, 0, 1, "1 duo en 0 trio's.\n\n1 leerling heeft bericht gekregen."),
        ("nl", 2, 1, 7, "2 duo's en 1 trio.\n\n7 leerlingen hebben bericht gekregen."),
        ("en", 1, 0, 1, "1 pair and 0 triads.\n\n1 student got a message."),
        ("en", 3, 1, 9, "3 pairs and 1 triad.\n\n9 students got a message."),
    ],
)
def test_counts_take_the_right_plural(
    texts: Texts, language: str, pairs: int, triads: int, told: int, expected: str
) -> None:
    text = texts.get(
        language, "pairing.confirmed", pairs=pairs, triads=triads, told=told, unpaired="-"
    )
    assert expected in text


def test_numbers_are_not_grouped(texts: Texts) -> None:
    assert texts.get("nl", "room.status.members", count=12000, names="x") == "Deelnemers (12000): x"
    assert texts.get("en", "room.status.members", count=0, names="") == "Nobody has joined yet."


def test_keys_map_to_fluent_identifiers_and_back() -> None:
    assert fluent_id("room.prompt.your_turn") == "room-prompt-your_turn"
    assert text_key("room-prompt-your_turn") == "room.prompt.your_turn"


def write(root: Path, language: str, content: str, name: str = "core") -> None:
    (root / language).mkdir(exist_ok=True)
    (root / language / f"{name}.ftl").write_text(content, "utf-8")


def test_a_key_in_two_files_is_refused(tmp_path: Path) -> None:
    write(tmp_path, "nl", "a-b = x\n")
    write(tmp_path, "nl", "a-b = y\n", name="other")
    write(tmp_path, "en", "a-b = x\n")
    with pytest.raises(TextsError, match="defined twice"):
        Texts.load(tmp_path, LANGUAGES)


def test_a_missing_translation_is_named(tmp_path: Path) -> None:
    write(tmp_path, "nl", "a-b = x\na-c = y\n")
    write(tmp_path, "en", "a-b = x\n")
    with pytest.raises(TextsError, match=r"'a\.c' is missing in en/"):
        Texts.load(tmp_path, LANGUAGES)


def test_differing_variables_are_named(tmp_path: Path) -> None:
    write(tmp_path, "nl", "a-b = hoi { $name }\n")
    write(tmp_path, "en", "a-b = hi { $nam }\n")
    with pytest.raises(TextsError, match=r"'a\.b' has different variables"):
        Texts.load(tmp_path, LANGUAGES)


def test_a_variable_only_in_a_plural_variant_counts(tmp_path: Path) -> None:
    write(tmp_path, "nl", "a-b = { $n ->\n    [one] één\n   *[other] { $n } stuks\n}\n")
    write(tmp_path, "en", "a-b = { $n } pieces\n")
    texts = Texts.load(tmp_path, LANGUAGES)
    assert texts.variables("a.b") == {"n"}
    assert texts.get("nl", "a.b", n=1) == "één"


def test_broken_fluent_is_named_with_file_and_line(tmp_path: Path) -> None:
    write(tmp_path, "nl", "a-b = x\na.c = y\n")
    write(tmp_path, "en", "a-b = x\n")
    with pytest.raises(TextsError, match=r"core\.ftl:2: not valid Fluent"):
        Texts.load(tmp_path, LANGUAGES)


@pytest.mark.parametrize("language", ["nl", "en"])
def test_a_long_text_from_a_person_fills_in_whole(language: str) -> None:
    # Fluent refuses placeables over 2,500 characters; a relayed 4,096-character text with
    # ampersands is five times that once escaped, and must still arrive whole.
    typed = "Tom & Jerry <3 " * 273
    text = shared_texts().get(language, "rooms.relayed", name="Ana", text=typed)
    assert text.endswith(typed.replace("&", "&amp;").replace("<", "&lt;"))
    assert shared_texts().plain(language, "dance.btn_led_other", name="A" * 3000).count("A") == 3000
