"""Shared benchmark tools: watched child processes, databases, percentiles, tables, JSON."""

from __future__ import annotations

import asyncio
import contextlib
import cProfile
import json
import math
import os
import pstats
import signal
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import psutil
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from bot.settings import async_database_url

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "bench" / "results"
DEFAULT_POSTGRES_URL = "postgresql://postgres@127.0.0.1:5432/test"
RSS_SAMPLE_SECONDS = 0.1
STOP_GRACE_SECONDS = 10.0
MB = 1024 * 1024
PROFILE_ENV = "BENCH_PROFILE_PATH"
PROFILE_ROWS = 15
SQL_SHOWN = 90


class ProcessCrashed(RuntimeError):
    """A process under test exited while it was being measured."""


class WatchedProcess:
    """A child process whose CPU time and peak resident memory are measured from outside."""

    def __init__(self, name: str, argv: Sequence[str], env: dict[str, str]) -> None:
        self.name = name
        self.argv = list(argv)
        self.env = env
        self.peak_rss = 0
        self._process: asyncio.subprocess.Process | None = None
        self._psutil: psutil.Process | None = None
        self._sampler: asyncio.Task[None] | None = None
        # Open for the process's whole life and closed in stop(), so no `with` block fits.
        self._stderr = tempfile.TemporaryFile()  # noqa: SIM115
        self._stderr_text = ""

    async def start(self) -> None:
        """Start the process and sample its memory every 100 ms from now on."""
        self._process = await asyncio.create_subprocess_exec(
            *self.argv,
            env={**os.environ, **self.env},
            cwd=REPO,
            stdout=asyncio.subprocess.DEVNULL,
            stderr=self._stderr,
        )
        self._psutil = psutil.Process(self._process.pid)
        self._sampler = asyncio.create_task(self._sample_rss(), name=f"rss {self.name}")

    @property
    def pid(self) -> int:
        """The operating system's id of the running process."""
        assert self._process is not None, "start() first"
        return self._process.pid

    def cpu_seconds(self) -> float:
        """User plus system CPU seconds the process has used so far (all its threads)."""
        self.check_alive()
        assert self._psutil is not None
        times = self._psutil.cpu_times()
        return float(times.user + times.system)

    def send_signal(self, signal_number: int) -> None:
        """Send a signal to the running process."""
        self.check_alive()
        assert self._process is not None
        self._process.send_signal(signal_number)

    def check_alive(self) -> None:
        """Raise ProcessCrashed with the end of its error output when the process has exited."""
        assert self._process is not None, "start() first"
        if self._process.returncode is not None:
            raise ProcessCrashed(
                f"{self.name} exited with status {self._process.returncode}:\n{self.stderr_tail()}"
            )

    def stderr_tail(self, lines: int = 20) -> str:
        """The last lines the process wrote to stderr (kept after stop())."""
        if not self._stderr.closed:
            self._stderr.seek(0)
            self._stderr_text = self._stderr.read().decode(errors="replace")
        return "\n".join(self._stderr_text.splitlines()[-lines:])

    async def stop(self) -> None:
        """Terminate (SIGTERM), then kill when it does not stop in time; safe to call twice."""
        if self._sampler is not None:
            self._sampler.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._sampler
            self._sampler = None
        process = self._process
        if process is not None and process.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                process.terminate()
            try:
                await asyncio.wait_for(process.wait(), STOP_GRACE_SECONDS)
            except TimeoutError:
                with contextlib.suppress(ProcessLookupError):
                    process.kill()
                await process.wait()
        if not self._stderr.closed:
            self.stderr_tail()
            self._stderr.close()

    async def _sample_rss(self) -> None:
        assert self._psutil is not None
        while True:
            with contextlib.suppress(psutil.Error):
                self.peak_rss = max(self.peak_rss, self._psutil.memory_info().rss)
            await asyncio.sleep(RSS_SAMPLE_SECONDS)


def python_command(code: str) -> list[str]:
    """Run a snippet with this interpreter (the project's virtual environment)."""
    return [sys.executable, "-c", code]


def postgres_url() -> str:
    """The PostgreSQL database to measure on (its public schema is emptied first).

    BENCH_POSTGRES_URL, else TEST_DATABASE_URL, else the local default; the first lets a
    benchmark run beside a test suite that empties the test database.
    """
    return (
        os.environ.get("BENCH_POSTGRES_URL")
        or os.environ.get("TEST_DATABASE_URL")
        or DEFAULT_POSTGRES_URL
    )


async def postgres_problem(url: str) -> str | None:
    """Why PostgreSQL cannot be used, or None when it answers."""
    engine = create_async_engine(async_database_url(url))
    try:
        async with asyncio.timeout(5), engine.connect() as connection:
            await connection.execute(text("SELECT 1"))
    except Exception as error:  # any failure means "skip PostgreSQL"; the note says which
        return f"{error.__class__.__name__}: {str(error).splitlines()[0] if str(error) else ''}"
    finally:
        await engine.dispose()
    return None


async def reset_postgres(url: str) -> None:
    """Start from an empty public schema, as the test suite does."""
    engine = create_async_engine(async_database_url(url))
    try:
        async with engine.begin() as connection:
            await connection.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
            await connection.execute(text("CREATE SCHEMA public"))
    finally:
        await engine.dispose()


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0..100) by the nearest-rank method; NaN for no values."""
    if not values:
        return math.nan
    ordered = sorted(values)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[rank - 1]


def table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    """A plain text table, numbers right-aligned."""
    cells = [[_cell(value) for value in row] for row in rows]
    widths = [max(len(h), *(len(r[i]) for r in cells)) for i, h in enumerate(headers)]
    lines = ["  ".join(h.rjust(w) for h, w in zip(headers, widths, strict=True))]
    lines += ["  ".join(c.rjust(w) for c, w in zip(row, widths, strict=True)) for row in cells]
    return "\n".join(lines)


def _cell(value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "-"
    if isinstance(value, float):
        return f"{value:.1f}" if abs(value) >= 10 else f"{value:.2f}"
    return str(value)


def write_json(name: str, data: dict[str, Any]) -> Path:
    """Write results to bench/results/<name>.json (git-ignored) and return the path."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"{name}.json"
    path.write_text(json.dumps(_without_nan(data), indent=2) + "\n")
    return path


def _without_nan(value: Any) -> Any:
    """JSON has no NaN: a figure that could not be measured becomes null."""
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, dict):
        return {key: _without_nan(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_without_nan(item) for item in value]
    return value


def run_profiled_bot() -> None:
    """`peercoach run` in the bot's process, profiled between SIGUSR1 and SIGUSR2 (--profile).

    cProfile times the main thread by CPU, not wall clock, so waiting costs nothing; a
    SQLAlchemy listener counts the statements sent in the same window.
    """
    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    from bot.cli.main import main as peercoach

    profiler = cProfile.Profile(time.process_time)
    statements: Counter[str] = Counter()
    window = {"open": False}

    def count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if window["open"]:
            statements[" ".join(statement.split())[:SQL_SHOWN]] += 1

    def open_window(*_args: Any) -> None:
        window["open"] = True
        profiler.enable()

    def close_window(*_args: Any) -> None:
        window["open"] = False
        profiler.disable()

    event.listen(Engine, "before_cursor_execute", count)
    signal.signal(signal.SIGUSR1, open_window)
    signal.signal(signal.SIGUSR2, close_window)
    try:
        peercoach(["run"])
    finally:
        profiler.disable()
        path = Path(os.environ[PROFILE_ENV])
        profiler.dump_stats(path)
        path.with_suffix(".sql.json").write_text(json.dumps(statements.most_common()))


def print_profile(path: Path, title: str, updates: int) -> None:
    """Where the bot's CPU went in a profiled window of `updates`: by package, function, SQL."""
    if not path.exists():
        print(f"  (no profile was written to {path})")
        return
    stats = pstats.Stats(str(path), stream=sys.stdout)
    # typeshed leaves out the raw table; get_stats_profile() would merge same-named functions.
    entries: dict[tuple[str, int, str], tuple[Any, ...]] = stats.stats  # type: ignore[attr-defined]
    by_package: Counter[str] = Counter()
    for (filename, _line, _name), (_calls, _primitive, own, *_rest) in entries.items():
        by_package[_package(filename)] += own
    total = sum(by_package.values()) or math.nan
    print(f"  profile of {title}: {1000 * total / updates:.1f} CPU ms/update profiled")
    for package, seconds in by_package.most_common(PROFILE_ROWS):
        print(f"    {100 * seconds / total:5.1f}%  {package}")
    print("  top functions by own CPU time:")
    stats.sort_stats("tottime").print_stats(PROFILE_ROWS)
    sql = json.loads(path.with_suffix(".sql.json").read_text())
    print(f"  SQL statements per update ({sum(n for _, n in sql) / updates:.1f} in all):")
    for statement, number in sql[:PROFILE_ROWS]:
        print(f"    {number / updates:5.2f}  {statement}")


def _package(filename: str) -> str:
    """Group a profiled file by top-level package (site-packages) or project folder."""
    path = Path(filename)
    if "site-packages" in path.parts:
        return path.parts[path.parts.index("site-packages") + 1].removesuffix(".py")
    if path.is_relative_to(REPO):
        return "project " + path.relative_to(REPO).parts[0]
    if filename.startswith("<frozen importlib"):
        return "importlib (imports at run time)"
    if filename.startswith(("~", "<")):
        return "C built-ins (sockets, isinstance, greenlet, ...)"
    return "standard library " + path.parent.name
