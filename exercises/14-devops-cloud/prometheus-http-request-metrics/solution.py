"""HTTP request metrics with prometheus_client: bounded labels, an injected registry and clock."""
import re
import time
from collections.abc import Callable, Iterable

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram
from prometheus_client.parser import text_string_to_metric_families

METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
PLACEHOLDER = re.compile(r"\{\w+\}")
BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5)


class HttpMetrics:
    def __init__(
        self,
        registry: CollectorRegistry,
        routes: Iterable[str],
        clock: Callable[[], float] = time.perf_counter,
    ) -> None:
        self.routes = [route.split("/") for route in routes]
        self.clock = clock
        self.requests = Counter(
            "http_requests_total", "HTTP requests handled.",
            ["method", "route", "status"], registry=registry,
        )
        self.duration = Histogram(
            "http_request_duration_seconds", "Time spent handling HTTP requests.",
            ["method", "route"], buckets=BUCKETS, registry=registry,
        )
        self.in_flight = Gauge(
            "http_requests_in_flight", "HTTP requests being handled right now.", registry=registry,
        )

    def route_for(self, path: str) -> str:
        parts = path.split("/")
        for template in self.routes:
            if len(template) == len(parts) and all(
                want == got or (PLACEHOLDER.fullmatch(want) and got)
                for want, got in zip(template, parts)
            ):
                return "/".join(template)
        return "unmatched"

    def track(self, method: str, path: str, handler: Callable[[], int]) -> int:
        method = method.upper()
        if method not in METHODS:
            method = "other"
        route = self.route_for(path)
        status = 500
        self.in_flight.inc()
        start = self.clock()
        try:
            status = handler()
            return status
        finally:
            self.duration.labels(method, route).observe(self.clock() - start)
            self.requests.labels(method, route, str(status)).inc()
            self.in_flight.dec()


def error_ratio(exposition: str, route: str) -> float | None:
    total = errors = 0.0
    for family in text_string_to_metric_families(exposition):
        for sample in family.samples:
            if sample.name == "http_requests_total" and sample.labels.get("route") == route:
                total += sample.value
                if sample.labels["status"].startswith("5"):
                    errors += sample.value
    if total == 0:
        return None
    return errors / total
