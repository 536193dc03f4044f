"""A coach's growth as a PNG: the role taken per conversation, and where they stood on each
tension field over the conversations. Drawn like the scale chart; the series travels along."""

from __future__ import annotations

import io
import json
import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from bot.charts import BACKGROUND, DPI, GRID, INK, LINE, SERIES_KEY, plain_text_only

WIDTH_INCHES = 6.4
ROLES_INCHES = 2.6  # the roles panel
FIELD_INCHES = 1.25  # each tension field's strip
TITLE_INCHES = 0.7


@dataclass(frozen=True, slots=True)
class Field:
    """One tension field: its key, the words of both ends, and the places per conversation."""

    key: str
    left: str
    right: str
    places: Mapping[int, int]  # conversation number -> 1 (left end) to 5 (right end)


@dataclass(frozen=True, slots=True)
class GrowthChart:
    """What a coach's growth chart shows, in the reader's language."""

    title: str
    roles_title: str
    role_names: Sequence[tuple[str, str]]  # (key, name), top to bottom
    roles: Mapping[int, str]  # conversation number -> role key
    fields: Sequence[Field]
    fields_title: str
    axis: str  # the words under the conversation numbers


def growth_series(chart: GrowthChart) -> dict[str, Any]:
    """The data the chart plots, as JSON-able data."""
    return {
        "roles": [{"conversation": n, "role": r} for n, r in sorted(chart.roles.items())],
        "tensions": {
            field.key: [{"conversation": n, "place": p} for n, p in sorted(field.places.items())]
            for field in chart.fields
        },
    }


def render_growth(chart: GrowthChart) -> bytes:
    """Draw the roles and the tension fields over the conversations as a PNG."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    plain_text_only()
    height = TITLE_INCHES + ROLES_INCHES + FIELD_INCHES * len(chart.fields)
    figure = Figure(figsize=(WIDTH_INCHES, height), dpi=DPI, facecolor=BACKGROUND)
    canvas = FigureCanvasAgg(figure)
    ratios = [ROLES_INCHES / FIELD_INCHES, *([1.0] * len(chart.fields))]
    grid = figure.add_gridspec(len(ratios), 1, height_ratios=ratios, hspace=0.75)
    numbers = sorted(set(chart.roles) | {n for f in chart.fields for n in f.places}) or [1]
    low, high = numbers[0] - 0.5, numbers[-1] + 0.5
    roles = figure.add_subplot(grid[0], facecolor=BACKGROUND)
    _roles(roles, chart, (low, high), numbers)
    for index, field in enumerate(chart.fields, start=1):
        axes = figure.add_subplot(grid[index], facecolor=BACKGROUND)
        _field(axes, field, (low, high), numbers, last=index == len(chart.fields), axis=chart.axis)
        if index == 1:
            axes.set_title(chart.fields_title, color=INK, fontsize=14, loc="left", weight="bold")
    figure.suptitle(chart.title, color=INK, fontsize=17, fontweight="bold", y=1 - 0.2 / height)
    figure.subplots_adjust(
        left=0.34, right=0.96, top=1 - (TITLE_INCHES + 0.35) / height, bottom=0.55 / height
    )
    out = io.BytesIO()
    canvas.print_png(
        out,
        metadata={"Software": None, SERIES_KEY: json.dumps(growth_series(chart), sort_keys=True)},
    )
    return out.getvalue()


def _roles(axes: Any, chart: GrowthChart, span: tuple[float, float], numbers: list[int]) -> None:
    """A dot on the role taken in each conversation, the roles listed by name."""
    rows = {key: row for row, (key, _) in enumerate(reversed(chart.role_names))}
    taken = sorted(chart.roles.items())
    axes.plot(
        [n for n, _ in taken],
        [rows[r] for _, r in taken],
        color=LINE,
        marker="o",
        markersize=12,
        linewidth=1.5,
        linestyle=":",
    )
    axes.set_yticks(range(len(rows)), [name for _, name in reversed(chart.role_names)])
    axes.set_ylim(-0.6, len(rows) - 0.4)
    _common(axes, span, numbers)
    axes.set_title(chart.roles_title, color=INK, fontsize=14, loc="left", fontweight="bold")


def _field(
    axes: Any,
    field: Field,
    span: tuple[float, float],
    numbers: list[int],
    *,
    last: bool,
    axis: str,
) -> None:
    """One strip: the place on this field per conversation, its two ends written beside it."""
    placed = sorted(field.places.items())
    axes.plot(
        [n for n, _ in placed],
        [p for _, p in placed],
        color=LINE,
        marker="o",
        markersize=9,
        linewidth=2.5,
    )
    axes.set_ylim(0.5, 5.5)
    axes.set_yticks([1, 5], [_short(field.left), _short(field.right)])
    _common(axes, span, numbers)
    if not last:
        axes.tick_params(axis="x", labelbottom=False)
    else:
        axes.set_xlabel(axis, color=INK, fontsize=12)


def _common(axes: Any, span: tuple[float, float], numbers: list[int]) -> None:
    axes.set_xlim(*span)
    axes.set_xticks(numbers, [str(n) for n in numbers])
    axes.tick_params(colors=INK, labelsize=11)
    axes.grid(color=GRID, linewidth=1)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        axes.spines[side].set_color(INK)


def _short(words: str) -> str:
    """An end's words on at most two lines beside its strip."""
    lines = textwrap.wrap(words, 22)
    if len(lines) > 2:
        lines = [lines[0], textwrap.shorten(" ".join(lines[1:]), 21, placeholder="…")]
    return "\n".join(lines)
