"""Which suggested question the coach's card shows: a theme and a question in it, both
wrapping around the step's script (a cohort's own script may have fewer of either)."""

from __future__ import annotations

from collections.abc import Sequence

# A card's place in the script: (theme, question), each counted from zero.
Place = tuple[int, int]


def on_card(sizes: Sequence[int], theme: int, question: int) -> Place:
    """The place shown for stored positions, given how many questions each theme has."""
    shown = theme % len(sizes)
    return shown, question % sizes[shown]


def another_question(sizes: Sequence[int], theme: int, question: int) -> Place:
    """The next question of the theme, or the first of the next theme after its last one."""
    shown, number = on_card(sizes, theme, question)
    if number + 1 < sizes[shown]:
        return shown, number + 1
    return next_theme(sizes, theme, question)


def next_theme(sizes: Sequence[int], theme: int, question: int) -> Place:
    """The first question of the next theme, back to the first theme after the last."""
    return (theme + 1) % len(sizes), 0
