"""Prometheus metrics of the worker, on a registry the caller owns."""
from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

OUTCOMES = ("processed", "duplicate", "failed")


class WorkerMetrics:
    def __init__(self, registry: CollectorRegistry) -> None:
        self.messages = Counter(
            "ingestq_messages_total", "Messages handled, by outcome.", ["outcome"], registry=registry
        )
        self.seconds = Histogram(
            "ingestq_processing_seconds", "Time spent handling one message.", registry=registry
        )
        self.in_flight = Gauge("ingestq_in_flight", "Messages being handled right now.", registry=registry)
        for outcome in OUTCOMES:
            self.messages.labels(outcome)
