"""Prometheus metrics for the web process.

Each app gets its own registry (several apps live side by side in tests). Counters count what
this process saw; the gauges read the database at scrape time, so they agree across processes.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

from prometheus_client import CollectorRegistry, Counter
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.registry import Collector
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from coach.db.models import Alert, Message

log = logging.getLogger(__name__)


class _DatabaseCollector(Collector):
    def __init__(self, factory: sessionmaker[Session]) -> None:
        self._factory = factory

    def collect(self) -> Iterator[Metric]:
        up = GaugeMetricFamily("coach_database_up", "1 if the last scrape could read the database")
        open_alerts = GaugeMetricFamily(
            "coach_open_alerts", "Alerts not yet acknowledged, by level", labels=["level"]
        )
        outbound = GaugeMetricFamily(
            "coach_outbound_messages", "Outbound messages by status", labels=["status"]
        )
        try:
            with self._factory() as session:
                alert_rows = session.execute(
                    select(Alert.level, func.count())
                    .where(Alert.status == "open")
                    .group_by(Alert.level)
                ).all()
                message_rows = session.execute(
                    select(Message.status, func.count())
                    .where(Message.direction == "out")
                    .group_by(Message.status)
                ).all()
        except Exception as exc:  # a scrape must answer even when the database does not
            log.warning("metrics: database unavailable: %s", type(exc).__name__)
            up.add_metric([], 0)
            yield up
            return
        up.add_metric([], 1)
        for level, count in alert_rows:
            open_alerts.add_metric([level], count)
        for status, count in message_rows:
            outbound.add_metric([status], count)
        yield up
        yield open_alerts
        yield outbound


class WebMetrics:
    def __init__(self, factory: sessionmaker[Session] | None = None) -> None:
        self.registry = CollectorRegistry()
        self.inbound = Counter(
            "coach_inbound_messages",
            "Inbound SMS webhooks handled, by outcome (processed, duplicate, simulated)",
            ["outcome"],
            registry=self.registry,
        )
        self.red_flags = Counter(
            "coach_red_flags",
            "Inbound messages that raised a red flag, by level",
            ["level"],
            registry=self.registry,
        )
        self.rejections = Counter(
            "coach_webhook_rejections",
            "Twilio webhook requests refused, by endpoint and reason",
            ["endpoint", "reason"],
            registry=self.registry,
        )
        self.status_callbacks = Counter(
            "coach_status_callbacks",
            "Delivery status callbacks, by whether they moved a message forward",
            ["applied"],
            registry=self.registry,
        )
        if factory is not None:
            self.registry.register(_DatabaseCollector(factory))
        # Every webhook counts itself: the labelled children looked up once (labels() takes
        # a lock and builds its key on each call).
        self._inbound: dict[str, Counter] = {}
        self._red_flags: dict[str, Counter] = {}

    def inbound_counter(self, outcome: str) -> Counter:
        child = self._inbound.get(outcome)
        if child is None:
            child = self._inbound[outcome] = self.inbound.labels(outcome=outcome)
        return child

    def red_flag_counter(self, level: str) -> Counter:
        child = self._red_flags.get(level)
        if child is None:
            child = self._red_flags[level] = self.red_flags.labels(level=level)
        return child
