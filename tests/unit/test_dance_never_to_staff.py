"""No code that builds what staff see (progress, dashboard, CSV, digest, retention warning)
reads the dance check: it is for the pair alone. The e2e test checks the outputs themselves."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).parents[2]
# The module, its table or its model (word bounds: "attendance" or "guidance" are fine).
DANCE = re.compile(r"\bdance(_checks|_models)?\b|DanceCheck")
STAFF_OUTPUT = [
    "bot/dashboard",
    "bot/handlers/dashboard.py",
    "bot/handlers/trajectory/progress.py",
    "bot/handlers/privacy/retention.py",
    "bot/handlers/pairing/csv.py",
    "storage/dashboard.py",
    "storage/stats.py",
    "flows/dashboard.py",
    "flows/progress.py",
]


def test_no_staff_output_reads_the_dance_check() -> None:
    files = [
        path
        for name in STAFF_OUTPUT
        for path in ([ROOT / name] if name.endswith(".py") else sorted((ROOT / name).rglob("*")))
        if path.is_file() and path.suffix in {".py", ".html", ".js"}
    ]
    assert len(files) > len(STAFF_OUTPUT)  # the dashboard folder was really read
    readers = [
        str(path.relative_to(ROOT))
        for path in files
        if DANCE.search(path.read_text(encoding="utf-8"))
    ]
    assert readers == []
