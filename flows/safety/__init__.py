"""Issue 13: safe for minors. Help lines per country, the worry route's rules, serious words."""

from flows.safety.helplines import COUNTRIES, HelpLine, help_lines
from flows.safety.pledge import Gate, gate
from flows.safety.route import Confidant, Offer, offer_for, relay_partner
from flows.safety.words import WordList, load_words, serious

__all__ = [
    "COUNTRIES",
    "Confidant",
    "Gate",
    "HelpLine",
    "Offer",
    "WordList",
    "gate",
    "help_lines",
    "load_words",
    "offer_for",
    "relay_partner",
    "serious",
]
