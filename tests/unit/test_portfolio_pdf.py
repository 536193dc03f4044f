"""The portfolio PDF: Unicode with DejaVu Sans, and a clean fall-back to a core font."""

from __future__ import annotations

import io

from pypdf import PdfReader

from bot.portfolio_pdf import Line, Style, dejavu, render

LINES = [
    Line(Style.TITLE, "Coachportfolio van Zoë"),
    Line(Style.HEADING, "Gesprek 1"),
    Line(Style.TEXT, "Ik hield ons bij het doel ○●○○○ Ik ging mee waar het gesprek heen ging"),
    Line(Style.QUIET, "“Stilte” helpt – écht 💐"),
]


def text_of(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    assert reader.metadata is not None and reader.metadata.title == "Coachportfolio van Zoë"
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def test_dejavu_is_found_in_every_install_and_sets_unicode() -> None:
    fonts = dejavu()
    assert fonts is not None  # matplotlib, a dependency, carries it
    text = text_of(render("Coachportfolio van Zoë", LINES, fonts=fonts))
    assert "Coachportfolio van Zoë" in text
    assert "○●○○○" in text and "“Stilte” helpt – écht" in text


def test_without_a_font_file_the_core_font_sets_latin1() -> None:
    text = text_of(render("Coachportfolio van Zoë", LINES, fonts=None))
    assert "Coachportfolio van Zoë" in text  # ë is Latin-1
    assert "Ik hield ons bij het doel oXooo Ik ging mee" in text
    assert '"Stilte" helpt - écht ?' in text  # what Latin-1 lacks becomes a plain mark


def test_a_long_portfolio_runs_over_pages() -> None:
    many = [Line(Style.TEXT, f"Antwoord {n}: " + "woorden " * 40) for n in range(60)]
    reader = PdfReader(io.BytesIO(render("Lang", many, fonts=dejavu())))
    assert len(reader.pages) > 3
    assert "Antwoord 59:" in reader.pages[-1].extract_text()
