"""Time pairing realistic cohorts of 30, 300 and 3,000 students; prints a table, asserts nothing.

Run: python bench/bench_pairing.py [--quick]
"""

from __future__ import annotations

import argparse
import importlib
import random
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

import rustworkx as rx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from flows.pairing import (
    Candidate,
    ClassPreference,
    PairingHistory,
    PairingRules,
    PastMatch,
    Proposal,
    RoundMode,
    UnmatchedReason,
    Wants,
    propose_round,
)
from flows.pairing.arrays import PoolArrays
from flows.pairing.graph import candidate_graph, seeded_order, weighted_edges
from flows.pairing.scoring import PairingContext

SIZES = (30, 300, 3000)
TARGET_SIZE = 3000
TARGET_SECONDS = 2.0
DAYS = ("mon", "tue", "wed", "thu", "fri")
SLOTS = tuple(f"{day}-{part}" for day in DAYS for part in ("am", "pm"))


@dataclass(frozen=True)
class Cohort:
    """Everything propose_round needs for one generated cohort."""

    candidates: tuple[Candidate, ...]
    rules: PairingRules
    history: PairingHistory
    do_not_pair: frozenset[frozenset[int]]


def _wants(rng: random.Random) -> Wants:
    """Most students opt in both ways; some only coach or only want a coach."""
    roll = rng.random()
    if roll < 0.7:
        return Wants.BOTH
    return Wants.COACH if roll < 0.85 else Wants.BE_COACHED


def make_cohort(size: int, rules: PairingRules, seed: int = 7) -> Cohort:
    """Classes of about 25 with a shared timetable, 5% paused, wishes and two earlier rounds."""
    rng = random.Random(seed)
    candidates: list[Candidate] = []
    classes: dict[str, list[int]] = {}
    for start in range(0, size, 25):
        year = 1 + (start // 25) % 6
        class_name = f"{year}{chr(ord('A') + (start // 150) % 26)}{start // 3900}"
        free = rng.sample(SLOTS, 3)
        for person_id in range(start, min(size, start + 25)):
            personal = set(rng.sample(free, rng.randint(1, 3))) | set(rng.sample(SLOTS, 1))
            candidates.append(
                Candidate(
                    person_id=person_id,
                    wants=_wants(rng),
                    availability=frozenset(personal),
                    class_name=class_name,
                    year=year,
                    language="en" if rng.random() < 0.1 else "nl",
                    paused=rng.random() < 0.05,
                )
            )
            classes.setdefault(class_name, []).append(person_id)
    do_not_pair: set[frozenset[int]] = set()
    for members in classes.values():
        for person_id in members:
            if rng.random() < 0.05:
                other = rng.choice(members)
                if other != person_id:
                    do_not_pair.add(frozenset((person_id, other)))
    past: list[PastMatch] = []
    for round_number in (1, 2):
        for members in classes.values():
            shuffled = rng.sample(members, len(members))
            for first, second in zip(shuffled[::2], shuffled[1::2], strict=False):
                past.append(PastMatch(round_number, frozenset((first, second))))
    history = PairingHistory(
        past_matches=tuple(past),
        times_given={c.person_id: rng.randint(0, 3) for c in candidates},
        times_received={c.person_id: rng.randint(0, 3) for c in candidates},
        upcoming_round=3,
    )
    return Cohort(tuple(candidates), rules, history, frozenset(do_not_pair))


def run(cohort: Cohort, seed: int = 1) -> Proposal:
    """One call of propose_round on the cohort."""
    return propose_round(
        cohort.candidates, cohort.rules, cohort.history, cohort.do_not_pair, seed=seed
    )


def median_seconds(action: Callable[[], object], repeats: int) -> float:
    """The median wall time of an action."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def peak_mib(action: Callable[[], object]) -> float:
    """Peak memory traced by tracemalloc during one run (numpy arrays included)."""
    tracemalloc.start()
    try:
        action()
        return tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


def sparse_graph(cohort: Cohort, seed: int = 1) -> tuple[int, list[tuple[int, int, int]]]:
    """The candidate graph propose_round matches on (before any widening), with its weights."""
    context = PairingContext.build(
        cohort.candidates, cohort.rules, cohort.history, cohort.do_not_pair, seed
    )
    active = [c.person_id for c in cohort.candidates if not c.paused]
    pool = PoolArrays.build(context, seeded_order(active, seed))
    return pool.size, weighted_edges(pool.size, candidate_graph(pool))


def rustworkx_seconds(size: int, edges: list[tuple[int, int, int]], repeats: int) -> float:
    """Median time of rustworkx's matching alone on the graph."""
    graph = rx.PyGraph()
    graph.add_nodes_from(range(size))
    graph.add_edges_from(edges)
    return median_seconds(
        lambda: rx.max_weight_matching(graph, max_cardinality=True, weight_fn=int), repeats
    )


def networkx_seconds(networkx: Any, size: int, edges: list[tuple[int, int, int]]) -> float:
    """Time of networkx's pure-Python matching alone on the same graph (one run: it is slow)."""
    graph = networkx.Graph()
    graph.add_nodes_from(range(size))
    graph.add_weighted_edges_from(edges)
    return median_seconds(lambda: networkx.max_weight_matching(graph, maxcardinality=True), 1)


def _load_networkx() -> Any | None:
    """networkx if installed; it is only a baseline, not a project dependency."""
    try:
        return importlib.import_module("networkx")
    except ImportError:
        return None


def describe(proposal: Proposal) -> str:
    """Pairs, triads, paused people and people left without a partner, briefly."""
    pairs = sum(len(match.members) == 2 for match in proposal.matches)
    triads = sum(len(match.members) == 3 for match in proposal.matches)
    paused = sum(entry.why is UnmatchedReason.PAUSED for entry in proposal.unmatched)
    left = len(proposal.unmatched) - paused
    return f"{pairs} pairs, {triads} triads, {paused} paused, {left} left"


def main() -> None:
    """Generate the cohorts, time them, print the table and whether the target is met."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer repeats, no slow baseline")
    args = parser.parse_args()
    networkx = _load_networkx()
    if networkx is None:
        print("note: networkx is not installed here; the networkx baseline column is skipped.")
    scenarios = {
        "reciprocal, same class": PairingRules(class_preference=ClassPreference.SAME),
        "one-way, across, older": PairingRules(
            mode=RoundMode.ONE_WAY,
            class_preference=ClassPreference.ACROSS,
            older_coaches_younger=True,
        ),
    }
    header = (
        f"{'scenario':<24}{'students':>9}{'edges':>8}{'median s':>10}{'peak MiB':>10}"
        f"{'rx match s':>12}{'nx match s':>12}  result"
    )
    print(header)
    print("-" * len(header))
    target_times: list[float] = []
    for name, rules in scenarios.items():
        for size in SIZES:
            cohort = make_cohort(size, rules)
            repeats = 1 if args.quick and size >= TARGET_SIZE else (3 if args.quick else 5)
            proposal = run(cohort)
            seconds = median_seconds(partial(run, cohort), repeats)
            memory = peak_mib(partial(run, cohort))
            nodes, edges = sparse_graph(cohort)
            rx_seconds = rustworkx_seconds(nodes, edges, repeats)
            nx_column = "-"
            if networkx is not None and (size < TARGET_SIZE or not args.quick):
                nx_column = f"{networkx_seconds(networkx, nodes, edges):.3f}"
            if size == TARGET_SIZE:
                target_times.append(seconds)
            print(
                f"{name:<24}{size:>9}{len(edges):>8}{seconds:>10.3f}{memory:>10.1f}"
                f"{rx_seconds:>12.3f}{nx_column:>12}  {describe(proposal)}"
            )
    worst = max(target_times)
    verdict = "met" if worst < TARGET_SECONDS else "NOT met"
    print(
        f"\ntarget: {TARGET_SIZE} students under {TARGET_SECONDS:.0f} s -> {verdict} "
        f"(slowest scenario {worst:.2f} s)"
    )


if __name__ == "__main__":
    main()
