"""Prometheus metrics of one running bot: counts by kind and result, never ids or names."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from telegram.error import BadRequest, Forbidden, InvalidToken, NetworkError, RetryAfter

from storage.outbox import BULK, INTERACTIVE
from storage.stats import Snapshot

# A timer this far past its due time counts as late (the dispatcher looks every second).
LATE_AFTER = timedelta(minutes=1)
UPDATE_FIELDS = (
    "message",
    "edited_message",
    "callback_query",
    "my_chat_member",
    "chat_member",
)
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)


def update_kind(update: dict[str, Any]) -> str:
    """The Telegram field an update carries (message, callback_query, ...), as a label."""
    return next((name for name in UPDATE_FIELDS if name in update), "other")


def send_result(error: Exception | None) -> str:
    """How a Bot API send ended, as a label: ok, 429, 403, 400, 401, 5xx (incl. network)."""
    if error is None:
        return "ok"
    if isinstance(error, RetryAfter):
        return "429"
    if isinstance(error, Forbidden):
        return "403"
    if isinstance(error, BadRequest):
        return "400"
    if isinstance(error, InvalidToken):
        return "401"
    if isinstance(error, NetworkError):
        return "5xx"  # Telegram's server errors and the network alike: both are retried
    return "other"


class Metrics:
    """The bot's instruments, in a registry of its own so that two apps never share one."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.updates_received = Counter(
            "peercoach_updates_received",
            "Updates stored in the inbox, per kind.",
            ["kind"],
            registry=self.registry,
        )
        self.updates_processed = Counter(
            "peercoach_updates_processed",
            "Updates handled, per kind and outcome (done or failed).",
            ["kind", "outcome"],
            registry=self.registry,
        )
        self.processing_seconds = Histogram(
            "peercoach_update_processing_seconds",
            "Time from taking up a stored update to committing its turn.",
            buckets=LATENCY_BUCKETS,
            registry=self.registry,
        )
        self.sends = Counter(
            "peercoach_sends",
            "Bot API calls made by the delivery worker, per result.",
            ["result"],
            registry=self.registry,
        )
        self.outbox_backlog = Gauge(
            "peercoach_outbox_backlog",
            "Pending outbox rows per priority (0 interactive, 1 bulk).",
            ["priority"],
            registry=self.registry,
        )
        self.timers_due = Gauge(
            "peercoach_timers_due", "Pending timers whose time has come.", registry=self.registry
        )
        self.timers_late = Gauge(
            "peercoach_timers_late",
            f"Pending timers more than {LATE_AFTER.seconds}s past their time.",
            registry=self.registry,
        )
        self.active_trajectories = Gauge(
            "peercoach_active_trajectories",
            "Trajectories neither closed nor dissolved.",
            registry=self.registry,
        )
        self.active_rooms = Gauge(
            "peercoach_active_rooms", "Rooms not closed.", registry=self.registry
        )

    def received(self, updates: list[dict[str, Any]]) -> None:
        """Count updates the intake stored."""
        for update in updates:
            self.updates_received.labels(kind=update_kind(update)).inc()

    def processed(self, update: dict[str, Any], *, seconds: float, failed: bool) -> None:
        """Count one handled update and how long it took."""
        outcome = "failed" if failed else "done"
        self.updates_processed.labels(kind=update_kind(update), outcome=outcome).inc()
        self.processing_seconds.observe(seconds)

    def sent(self, error: Exception | None) -> None:
        """Count one send by how it ended."""
        self.sends.labels(result=send_result(error)).inc()

    def exposition(self, snapshot: Snapshot) -> bytes:
        """The text format, with the database counts of this moment."""
        self.outbox_backlog.clear()
        for priority in (INTERACTIVE, BULK, *snapshot.outbox_pending):
            count = snapshot.outbox_pending.get(priority, 0)
            self.outbox_backlog.labels(priority=str(priority)).set(count)
        self.timers_due.set(snapshot.timers_due)
        self.timers_late.set(snapshot.timers_late)
        self.active_trajectories.set(snapshot.active_trajectories)
        self.active_rooms.set(snapshot.active_rooms)
        return generate_latest(self.registry)
