"""Which ended matches still keep their members apart: the "no repeat partners" rule's input.

Partners who did not click, who chose to stop, or whose match a coordinator ended are not
paired together again. A match that ended only because one member erased their data is
different: that member is gone, and the ones who stayed never chose to part, so they may be
paired with each other again (nothing else about them changes).
"""

from __future__ import annotations

# The reason stored on a match that dissolved because a member erased their data.
MEMBER_ERASED = "member_erased"


def keeps_apart(status: str, reason: str | None) -> bool:
    """Whether a past match (active, closed or dissolved) still counts as "partners before"."""
    return not (status == "dissolved" and reason == MEMBER_ERASED)
