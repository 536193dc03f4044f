"""The README shows what the code does: the trajectory diagram and the demo command."""

from __future__ import annotations

from flows.diagram import REPOSITORY_ROOT, mermaid_lines
from flows.trajectory import DIAGRAM


def test_readme_shows_the_current_trajectory_diagram() -> None:
    readme = (REPOSITORY_ROOT / "README.md").read_text(encoding="utf-8")
    assert "\n".join(mermaid_lines(DIAGRAM)) in readme, (
        "README diagram is stale: copy flows/trajectory.md"
    )


def test_readme_names_the_two_setup_commands() -> None:
    readme = (REPOSITORY_ROOT / "README.md").read_text(encoding="utf-8")
    assert "make demo" in readme and "make test" in readme and "peercoach demo" in readme
