"""The weekly activity chart, drawn on the server as SVG (no script runs in the browser)."""

from __future__ import annotations

import io
import threading

from flows.dashboard import Activity

# Colours that keep a 3:1 contrast with white and stay apart for common colour blindness.
COLOURS = ("#1f5fa8", "#b35900", "#2f7d32")
_DRAWING = threading.Lock()  # matplotlib's text layout is not thread-safe


def activity_svg(activity: Activity, labels: tuple[str, str, str]) -> bytes:
    """A grouped bar chart: per week joined, paired, ended; labelled for screen readers too."""
    # Imported on first drawing: matplotlib costs tens of MB that a bot without a dashboard
    # visitor never needs. A bare Figure draws without pyplot or a GUI backend, fine on a server.
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    with _DRAWING:
        figure = Figure(figsize=(8, 3.2), dpi=100)
        axes = figure.add_subplot()
        count = len(activity.weeks)
        width = 0.27
        series = (activity.joined, activity.paired, activity.ended)
        for index, (values, label, colour) in enumerate(zip(series, labels, COLOURS, strict=True)):
            offsets = [week + (index - 1) * width for week in range(count)]
            axes.bar(offsets, values, width=width, label=label, color=colour)
        axes.set_xticks(
            range(count), [week.strftime("%d-%m") for week in activity.weeks], fontsize=8
        )
        axes.yaxis.set_major_locator(MaxNLocator(integer=True))  # people, not fractions
        axes.spines[["top", "right"]].set_visible(False)
        axes.legend(frameon=False, fontsize=9, ncols=3, loc="upper left")
        figure.tight_layout()
        out = io.BytesIO()
        figure.savefig(out, format="svg", metadata={"Date": None, "Creator": None})
    return out.getvalue()
