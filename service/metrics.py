"""Prometheus metrics: requests per route, assessments, degraded answers, spool depth."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest

REGISTRY = CollectorRegistry(auto_describe=True)

REQUESTS = Counter(
    "advisor_requests_total",
    "HTTP requests by route template, method and status",
    ["route", "method", "status"],
    registry=REGISTRY,
)
LATENCY = Histogram(
    "advisor_request_duration_seconds",
    "HTTP request latency by route template",
    ["route"],
    registry=REGISTRY,
    buckets=(0.002, 0.005, 0.01, 0.02, 0.04, 0.06, 0.1, 0.15, 0.3, 0.6, 1, 3, 10),
)
ASSESSMENTS = Counter(
    "advisor_assessments_total",
    "Assessments by recommendation and channel",
    ["recommendation", "source"],
    registry=REGISTRY,
)
DEGRADED = Counter(
    "advisor_degraded_answers_total",
    "Assessments answered without the database (spooled, no guidance)",
    registry=REGISTRY,
)
SPOOL_DEPTH = Gauge(
    "advisor_spool_depth", "Assessments waiting in the spool for the database", registry=REGISTRY
)
DB_UP = Gauge("advisor_database_up", "1 when the last database check succeeded", registry=REGISTRY)


def observe_request(*, method: str, route: str, status: int, seconds: float) -> None:
    """Count and time one HTTP request."""
    REQUESTS.labels(route=route, method=method, status=str(status)).inc()
    LATENCY.labels(route=route).observe(seconds)


def render() -> bytes:
    """The text exposition format."""
    return generate_latest(REGISTRY)
