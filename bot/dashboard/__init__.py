"""The staff dashboard in the browser: funnel, needs attention, activity, CSV (issue 17)."""

from bot.dashboard.web import add_pages

__all__ = ["add_pages"]
