"""Charts as PNG images, drawn server-side with matplotlib (Agg, no display) for Telegram.

The plotted series travels inside the PNG as a text chunk (`SERIES_KEY`), so whoever holds the
image can read back exactly which points it shows.
"""

from __future__ import annotations

import io
import json
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

SERIES_KEY = "peercoach-series"
# An opaque light card with dark ink and a coloured line reads the same in Telegram's light
# and dark themes: the chat background never shows through.
BACKGROUND = "#fbfaf7"
INK = "#1f2328"
GRID = "#d8d4cc"
LINE = "#1565c0"
MARK_COLOURS = {"goal": "#c2185b", "route": "#2e7d32"}  # the captions name these colours
OTHER_MARK = "#6d6d6d"
WIDTH_INCHES, HEIGHT_INCHES, DPI = 6.4, 5.2, 150  # 960 by 780 pixels: sharp on a phone
TITLE_WIDTH = 38  # characters a title line holds at this size
TITLE_LINES = 3


@dataclass(frozen=True, slots=True)
class Point:
    """One score on the chart, with its date label as the reader sees it."""

    at: datetime
    value: int
    label: str


@dataclass(frozen=True, slots=True)
class Mark:
    """A moment drawn as a dashed line: the coachee went back to the goal or the route."""

    at: datetime
    kind: str  # a stable name, e.g. "goal" or "route"
    label: str  # the legend's words in the reader's language


@dataclass(frozen=True, slots=True)
class ScaleChart:
    """What a scale chart shows: a title, the scores over time and the moments marked."""

    title: str
    points: Sequence[Point]
    marks: Sequence[Mark] = ()
    axis: str = "0–10"


def series(chart: ScaleChart) -> dict[str, Any]:
    """The data the chart plots, as JSON-able data: what the PNG carries with it."""
    return {
        "points": [{"at": p.at.isoformat(), "value": p.value} for p in chart.points],
        "marks": [{"at": m.at.isoformat(), "kind": m.kind} for m in chart.marks],
    }


def plain_text_only() -> None:
    """Students' words are text, never mathematics: a goal "save $5 by $10" must not be
    parsed as TeX (it garbles the title, or fails to draw). PeerCoach draws no formulas."""
    import matplotlib

    matplotlib.rcParams["text.parse_math"] = False


def render_scale(chart: ScaleChart) -> bytes:
    """Draw the scale over time as a PNG with its series embedded."""
    # Imported here: only the few turns that draw pay for loading matplotlib.
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.dates import date2num
    from matplotlib.figure import Figure

    plain_text_only()

    figure = Figure(figsize=(WIDTH_INCHES, HEIGHT_INCHES), dpi=DPI, facecolor=BACKGROUND)
    canvas = FigureCanvasAgg(figure)
    axes = figure.add_subplot(1, 1, 1, facecolor=BACKGROUND)
    xs = [date2num(point.at) for point in chart.points]
    ys = [point.value for point in chart.points]
    axes.plot(xs, ys, color=LINE, linewidth=3, marker="o", markersize=10, zorder=3)
    for x, y in zip(xs, ys, strict=True):
        axes.annotate(
            str(y),
            (x, y),
            textcoords="offset points",
            xytext=(0, 12),
            ha="center",
            fontsize=15,
            fontweight="bold",
            color=INK,
            zorder=4,
        )
    _marks(axes, chart.marks, date2num)
    _axes_look(axes, chart, xs, [*xs, *(date2num(mark.at) for mark in chart.marks)])
    title = _title(chart.title)
    figure.suptitle(title, color=INK, fontsize=16, fontweight="bold", y=0.97)
    figure.tight_layout()  # makes room for the title too
    out = io.BytesIO()
    canvas.print_png(
        out, metadata={"Software": None, SERIES_KEY: json.dumps(series(chart), sort_keys=True)}
    )
    return out.getvalue()


def read_series(png: bytes) -> dict[str, Any]:
    """The series a chart PNG carries (for tests and anyone checking an image)."""
    from PIL import Image

    with Image.open(io.BytesIO(png)) as image:
        found = image.text.get(SERIES_KEY)  # type: ignore[attr-defined]  # PNG text chunks
    if found is None:
        raise ValueError("this PNG carries no chart series")
    data: dict[str, Any] = json.loads(found)
    return data


def _title(text: str) -> str:
    lines = textwrap.wrap(" ".join(text.split()), TITLE_WIDTH) or ["…"]
    if len(lines) > TITLE_LINES:
        lines = [*lines[: TITLE_LINES - 1], textwrap.shorten(lines[TITLE_LINES - 1], 35) + " …"]
    return "\n".join(lines)


def _marks(axes: Any, marks: Sequence[Mark], date2num: Any) -> None:
    """Dashed lines where the coachee went back, one colour and one legend entry per kind."""
    labelled: set[str] = set()
    for mark in marks:
        first = mark.kind not in labelled
        labelled.add(mark.kind)
        axes.axvline(
            date2num(mark.at),
            color=MARK_COLOURS.get(mark.kind, OTHER_MARK),
            linestyle="--",
            linewidth=2,
            label=mark.label if first else None,
            zorder=2,
        )
    if marks:
        legend = axes.legend(loc="lower right", fontsize=12, framealpha=0.9)
        legend.get_frame().set_facecolor(BACKGROUND)
        for text in legend.get_texts():
            text.set_color(INK)


def _axes_look(axes: Any, chart: ScaleChart, xs: Sequence[float], spread: Sequence[float]) -> None:
    """0 to 10 upright, the dates of the points along the bottom, large enough for a phone."""
    axes.set_ylim(-0.5, 11)
    axes.set_yticks(range(0, 11, 2))
    axes.set_ylabel(chart.axis, color=INK, fontsize=14)
    ticks: dict[str, float] = {}
    for x, point in zip(xs, chart.points, strict=True):
        ticks.setdefault(point.label, x)  # two scores on one day share one date
    low, high = (min(spread), max(spread)) if spread else (0.0, 1.0)
    margin = max(1.0, (high - low) * 0.08)
    axes.set_xlim(low - margin, high + margin)
    axes.set_xticks(list(ticks.values()), list(ticks.keys()))
    axes.tick_params(colors=INK, labelsize=13)
    for label in axes.get_xticklabels():
        label.set_rotation(30 if len(ticks) > 4 else 0)
        label.set_horizontalalignment("right" if len(ticks) > 4 else "center")
    axes.grid(axis="y", color=GRID, linewidth=1)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        axes.spines[side].set_color(INK)
