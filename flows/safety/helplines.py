"""National help lines a student can call right now, per country (a cohort's setting)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class HelpLine:
    """One help line: its text key (who it is for, in the student's language) and number."""

    key: str
    name: str
    number: str


# Emergencies first: 112 works in every EU country. Names are the lines' own, not translated.
EMERGENCY = HelpLine("emergency", "112", "112")
COUNTRIES: dict[str, tuple[HelpLine, ...]] = {
    "NL": (
        HelpLine("suicide", "113 Zelfmoordpreventie", "0800-0113"),
        HelpLine("children", "De Kindertelefoon", "0800-0432"),
    ),
    "BE": (
        HelpLine("children", "Awel", "102"),
        HelpLine("suicide", "Zelfmoordlijn 1813", "1813"),
    ),
}


def help_lines(country: str) -> tuple[HelpLine, ...]:
    """The lines for a country, emergencies first; an unknown country still gets 112."""
    return (EMERGENCY, *COUNTRIES.get(country.upper(), ()))
