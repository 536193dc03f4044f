"""The scale chart: a PNG of a size a phone shows sharply, carrying exactly the series it plots."""

from __future__ import annotations

import io
from datetime import UTC, datetime

import pytest
from PIL import Image

from bot.charts import BACKGROUND, Mark, Point, ScaleChart, read_series, render_scale
from bot.growth_chart import Field, GrowthChart, render_growth


def _chart(title: str = "Elke week mijn huiswerk plannen en op tijd af hebben") -> ScaleChart:
    def at(day: int) -> datetime:
        return datetime(2026, 3, day, 15, 30, tzinfo=UTC)

    points = [Point(at(2), 4, "2 mrt"), Point(at(9), 6, "9 mrt"), Point(at(23), 5, "23 mrt")]
    points.append(Point(at(23), 7, "23 mrt"))  # two scores on one day
    marks = [Mark(at(16), "goal", "terug naar het doel"), Mark(at(20), "route", "route opnieuw")]
    return ScaleChart(title, points, marks, "jouw cijfer (0–10)")


def test_the_png_carries_the_points_and_marks_it_plots() -> None:
    png = render_scale(_chart())
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    assert read_series(png) == {
        "points": [
            {"at": "2026-03-02T15:30:00+00:00", "value": 4},
            {"at": "2026-03-09T15:30:00+00:00", "value": 6},
            {"at": "2026-03-23T15:30:00+00:00", "value": 5},
            {"at": "2026-03-23T15:30:00+00:00", "value": 7},
        ],
        "marks": [
            {"at": "2026-03-16T15:30:00+00:00", "kind": "goal"},
            {"at": "2026-03-20T15:30:00+00:00", "kind": "route"},
        ],
    }


def test_the_same_data_draws_the_same_opaque_image() -> None:
    """No clock, version or randomness in the file: the picture depends on the data alone."""
    first, second = render_scale(_chart()), render_scale(_chart())
    assert first == second
    with Image.open(io.BytesIO(first)) as image:
        assert image.size == (960, 780)
        rgb = image.convert("RGB")
        # An opaque light card: Telegram's dark theme never shows through the corners.
        corner = rgb.getpixel((2, 2))
        assert corner == tuple(int(BACKGROUND[i : i + 2], 16) for i in (1, 3, 5))
        assert image.mode in ("RGB", "RGBA") and rgb.getextrema()[0][0] < 60  # dark ink is there


def test_a_long_title_and_a_single_point_still_draw() -> None:
    one = ScaleChart("woord " * 80, [Point(datetime(2026, 1, 5, tzinfo=UTC), 0, "5 jan")])
    assert read_series(render_scale(one))["points"] == [
        {"at": "2026-01-05T00:00:00+00:00", "value": 0}
    ]


def test_an_image_without_a_series_is_told_apart() -> None:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4)).save(buffer, format="PNG")
    with pytest.raises(ValueError, match="no chart series"):
        read_series(buffer.getvalue())


def test_the_growth_chart_carries_roles_and_places_per_conversation() -> None:
    """A coach's roles and tension places, numbered in order, come back out of the PNG."""
    fields = [
        Field("goal_process", "Ik hield ons bij het doel", "Ik ging mee", {1: 1, 2: 4}),
        Field("narrow_broad", "Dit ene onderwerp", "De hele persoon", {2: 5}),  # one skipped
    ]
    chart = GrowthChart(
        title="Jouw groei als coach",
        roles_title="Je rol per gesprek",
        role_names=[("supporter", "Supporter"), ("challenger", "Uitdager")],
        roles={1: "supporter", 2: "challenger"},
        fields=fields,
        fields_title="Waar je stond",
        axis="gesprekken",
    )
    png = render_growth(chart)
    assert png == render_growth(chart)  # the data alone decides the picture
    assert read_series(png) == {
        "roles": [
            {"conversation": 1, "role": "supporter"},
            {"conversation": 2, "role": "challenger"},
        ],
        "tensions": {
            "goal_process": [{"conversation": 1, "place": 1}, {"conversation": 2, "place": 4}],
            "narrow_broad": [{"conversation": 2, "place": 5}],
        },
    }
    with Image.open(io.BytesIO(png)) as image:
        width, height = image.size
        assert width == 960 and height > 800  # each field its own strip, readable on a phone


def test_dollar_signs_in_a_goal_are_text_not_mathematics() -> None:
    # Paired "$" with TeX markup between them made matplotlib fail to draw at all.
    png = render_scale(_chart("Sparen: het kost $5^{ of $ per week, en $x_1$ wordt $10"))
    assert read_series(png)["points"][0]["value"] == 4
