"""Texts: both languages agree, and every key the code uses exists."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from bot.i18n import Html, Texts, TextsError

ROOT = Path(__file__).resolve().parents[2]
KEY = re.compile(r"^[a-z_]+\.[a-z_]+$")


def used_keys() -> set[str]:
    """String literals that look like text keys in bot/ (say, text, choice, answer calls)."""
    keys: set[str] = set()
    for path in (ROOT / "bot").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "attr", "") in {
                "say",
                "text",
                "choice",
                "answer",
                "get",
            }:
                keys.update(
                    arg.value
                    for arg in node.args
                    if isinstance(arg, ast.Constant)
                    and isinstance(arg.value, str)
                    and KEY.match(arg.value)
                )
    return keys


def test_every_key_used_in_code_exists_in_both_languages() -> None:
    texts = Texts.load()
    missing = sorted(key for key in used_keys() if not texts.has(key))
    assert used_keys(), "the scan found no keys at all"
    assert missing == []


def test_parameters_are_escaped_unless_marked_html() -> None:
    texts = Texts.load()
    assert "&lt;b&gt;" in texts.get("en", "cohort.exists", name="<b>")
    assert "<i>x</i>" in texts.get("en", "cohort.exists", name=Html("<i>x</i>"))


def write(root: Path, language: str, content: str, name: str = "core") -> None:
    (root / language).mkdir(exist_ok=True)
    (root / language / f"{name}.toml").write_text(content, "utf-8")


def test_a_key_in_two_files_is_refused(tmp_path: Path) -> None:
    write(tmp_path, "nl", '[a]\nb = "x"\n')
    write(tmp_path, "nl", '[a]\nb = "y"\n', name="other")
    write(tmp_path, "en", '[a]\nb = "x"\n')
    with pytest.raises(TextsError, match="defined twice"):
        Texts.load(tmp_path)


def test_a_missing_translation_is_named(tmp_path: Path) -> None:
    write(tmp_path, "nl", '[a]\nb = "x"\nc = "y"\n')
    write(tmp_path, "en", '[a]\nb = "x"\n')
    with pytest.raises(TextsError, match=r"'a\.c' is missing in en/"):
        Texts.load(tmp_path)


def test_differing_placeholders_are_named(tmp_path: Path) -> None:
    write(tmp_path, "nl", '[a]\nb = "hoi {name}"\n')
    write(tmp_path, "en", '[a]\nb = "hi {nam}"\n')
    with pytest.raises(TextsError, match=r"'a\.b' has different placeholders"):
        Texts.load(tmp_path)
