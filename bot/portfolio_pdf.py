"""A coach portfolio as a PDF: a title, headings and paragraphs, drawn with fpdf2.

The font is DejaVu Sans, which matplotlib (a dependency) carries in every install, or the
system's copy; without either, fpdf2's core Helvetica with the text brought back to Latin-1."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

FAMILY = "DejaVu"
CORE = "helvetica"
SYSTEM_FONTS = (
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/TTF"),
    Path("/usr/share/fonts/dejavu"),
)
# What Latin-1 lacks but the portfolio uses: the tension-field dots and typographic marks.
LATIN1 = str.maketrans({"●": "X", "○": "o", "‘": "'", "’": "'", "“": '"', "”": '"', "–": "-"})


class Style(enum.StrEnum):
    """How a line of the portfolio is set."""

    TITLE = "title"
    HEADING = "heading"
    SUBHEADING = "subheading"
    TEXT = "text"
    QUIET = "quiet"  # small grey print: when it was made, what stays out


@dataclass(frozen=True, slots=True)
class Line:
    """One block of the portfolio."""

    style: Style
    text: str


def dejavu() -> tuple[Path, Path] | None:
    """The regular and bold DejaVu Sans files, if any copy is there."""
    folders: list[Path] = []
    try:
        import matplotlib

        folders.append(Path(matplotlib.get_data_path()) / "fonts" / "ttf")
    except ImportError:  # pragma: no cover - matplotlib is a dependency
        pass
    for folder in [*folders, *SYSTEM_FONTS]:
        regular, bold = folder / "DejaVuSans.ttf", folder / "DejaVuSans-Bold.ttf"
        if regular.is_file() and bold.is_file():
            return regular, bold
    return None


# Size in points and whether bold, per style.
SIZES = {
    Style.TITLE: (18, True),
    Style.HEADING: (14, True),
    Style.SUBHEADING: (11.5, True),
    Style.TEXT: (10.5, False),
    Style.QUIET: (9, False),
}


def render(title: str, lines: Sequence[Line], *, fonts: tuple[Path, Path] | None = None) -> bytes:
    """The PDF's bytes; `fonts` None: the core font with text brought back to Latin-1."""
    from fpdf import FPDF  # imported when a portfolio is asked for: it is large and rarely used

    pdf = FPDF(format="A4")
    pdf.set_title(title)
    pdf.set_creator("PeerCoach")
    pdf.set_auto_page_break(auto=True, margin=18)
    family = CORE
    if fonts is not None:
        pdf.add_font(FAMILY, "", str(fonts[0]))
        pdf.add_font(FAMILY, "B", str(fonts[1]))
        family = FAMILY
    pdf.add_page()
    for line in lines:
        size, bold = SIZES[line.style]
        pdf.set_font(family, "B" if bold else "", size)
        grey = 110 if line.style is Style.QUIET else 0
        pdf.set_text_color(grey, grey, grey)
        if line.style in (Style.HEADING, Style.SUBHEADING):
            pdf.ln(3 if line.style is Style.SUBHEADING else 5)
        text = line.text if fonts is not None else _latin1(line.text)
        pdf.multi_cell(0, size * 0.5, text, align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1.5)
    return bytes(pdf.output())


def _latin1(text: str) -> str:
    """What the core font can set: known marks swapped, anything else a question mark."""
    return text.translate(LATIN1).encode("latin-1", "replace").decode("latin-1")
