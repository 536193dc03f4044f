"""Data files: lines of keys are found past multi-line strings, comments and lists."""

from __future__ import annotations

from flows.datafile import key_lines, line_of

TEXT = (
    "top = 1\n"
    '[a]\nlong = """\nx\n[not.a.header]\n"""\n'
    "items = [\n  'one',\n  \"two # not a comment\", # a comment\n]\n"
    "b.c = 'dotted'\n"
    "[[steps]]\nkey = 'first'\n[[steps]]\nkey = 'second'\n"
)


def test_key_lines_follow_multiline_strings_lists_and_array_tables() -> None:
    lines = key_lines(TEXT)
    assert line_of(lines, ("top",)) == 1
    assert line_of(lines, ("a",)) == 2
    assert line_of(lines, ("a", "long")) == 3
    assert ("not", "a", "header") not in lines
    assert line_of(lines, ("a", "items")) == 7
    assert line_of(lines, ("a", "items", 1)) == 9
    assert line_of(lines, ("a", "b", "c")) == 11
    assert line_of(lines, ("a", "missing", "deeper")) == 2
    assert line_of(lines, ("steps", 1, "key")) == 15
    assert line_of(lines, ("steps", 1, "minutes")) == 14
    assert line_of(lines, ("nowhere",)) is None
