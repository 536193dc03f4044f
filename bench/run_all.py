"""Run every benchmark in bench/ (bench_*.py) one after another and summarise their targets.

Run: python bench/run_all.py [--quick]

Each benchmark runs as its own process with its output shown as it comes. The exit status is
non-zero only when a benchmark crashed; a missed target is a figure to read, not a failure.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

BENCH = Path(__file__).resolve().parent
TARGET_PREFIX = "target:"


@dataclass
class Outcome:
    """How one benchmark ended: its exit status, duration and the target lines it printed."""

    name: str
    status: int
    seconds: float
    targets: list[str] = field(default_factory=list)


def benchmarks() -> list[Path]:
    """Every bench_*.py next to this file, in name order."""
    return sorted(BENCH.glob("bench_*.py"))


def run_one(script: Path, quick: bool) -> Outcome:
    """Run a benchmark, echoing its output line by line and keeping its target lines."""
    command = [sys.executable, str(script), *(["--quick"] if quick else [])]
    print(f"\n=== {script.name}{' --quick' if quick else ''} ===", flush=True)
    started = time.monotonic()
    targets: list[str] = []
    with subprocess.Popen(
        command,
        cwd=BENCH.parent,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        bufsize=1,
    ) as process:
        assert process.stdout is not None
        try:
            for line in process.stdout:
                print(line, end="", flush=True)
                if line.startswith(TARGET_PREFIX):
                    targets.append(line.strip())
            status = process.wait()
        except BaseException:
            # Interrupted (Ctrl-C): do not leave the benchmark running.
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
            raise
    seconds = time.monotonic() - started
    verdict = "done" if status == 0 else f"CRASHED (exit status {status})"
    print(f"--- {script.name}: {verdict} in {seconds:.0f} s", flush=True)
    return Outcome(script.name, status, seconds, targets)


def summary(outcomes: Sequence[Outcome]) -> str:
    """One line per benchmark with its targets below it."""
    lines = ["", "=== summary ==="]
    for outcome in outcomes:
        verdict = "ok" if outcome.status == 0 else f"CRASHED (exit status {outcome.status})"
        lines.append(f"{outcome.name}: {verdict}, {outcome.seconds:.0f} s")
        lines += [f"  {target}" for target in outcome.targets]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Run them all; return 1 when any benchmark crashed, else 0."""
    parser = argparse.ArgumentParser(description="Run every benchmark in bench/.")
    parser.add_argument("--quick", action="store_true", help="the short form of each (CI)")
    args = parser.parse_args(argv)
    outcomes = [run_one(script, args.quick) for script in benchmarks()]
    print(summary(outcomes), flush=True)
    return 1 if any(outcome.status != 0 for outcome in outcomes) else 0


if __name__ == "__main__":
    sys.exit(main())
