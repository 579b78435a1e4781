"""HTTP request metrics with prometheus_client, the way Prometheus wants them.

HttpMetrics(registry, routes, clock=time.perf_counter) registers three
metrics on the GIVEN CollectorRegistry (never the global default one: two
apps, or two tests, each get their own):

    name                           type      labels / options
    http_requests_total            Counter   method, route, status
    http_request_duration_seconds  Histogram method, route; buckets=BUCKETS
    http_requests_in_flight        Gauge     no labels
with these help texts (the documentation line of each metric):
    "HTTP requests handled.", "Time spent handling HTTP requests.",
    "HTTP requests being handled right now."

Every label value must come from a small, fixed set, because each distinct
label combination is a separate time series in Prometheus (a user id or a
raw path as a label creates millions of them):
  - route_for(path): the first template of `routes` that matches the path,
    returned as written ("/users/{id}"), else "unmatched". A template
    matches when path and template have the same number of "/"-separated
    parts and each part is equal, or is a "{name}" placeholder and the
    path's part is not empty. "/users/42" matches "/users/{id}";
    "/users/", "/users/42/" and "/users/42/x" do not.
  - method: upper-cased; anything not in METHODS becomes "other".
  - status: the status code as a string, "200".

track(method, path, handler) calls handler() (it returns the status code)
and returns what it returns. Around the call: in_flight goes up by one
before and down after; the duration (clock() after minus clock() before,
read from the injected clock) is observed; the counter goes up once.
If handler raises, all of that still happens with status "500", and the
exception propagates.

error_ratio(exposition, route): parse the text a scrape returns
(generate_latest(registry).decode(), read with
prometheus_client.parser.text_string_to_metric_families) and return
(requests of that route with a 5xx status) / (all requests of that route),
or None when the route had no requests. Only samples named exactly
"http_requests_total" count: the text also has http_requests_created
samples, which are timestamps, not requests.

    >>> metrics = HttpMetrics(CollectorRegistry(), ["/users/{id}"])
    >>> metrics.track("get", "/users/42", lambda: 200)
    200
    >>> # generate_latest(...) now contains:
    >>> # http_requests_total{method="GET",route="/users/{id}",status="200"} 1.0
"""
import time
from collections.abc import Callable, Iterable

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram
from prometheus_client.parser import text_string_to_metric_families

METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5)


class HttpMetrics:
    def __init__(
        self,
        registry: CollectorRegistry,
        routes: Iterable[str],
        clock: Callable[[], float] = time.perf_counter,
    ) -> None:
        # TODO: keep routes and clock; create the three metrics on `registry`.
        raise NotImplementedError

    def route_for(self, path: str) -> str:
        # TODO: the first matching template, else "unmatched".
        raise NotImplementedError

    def track(self, method: str, path: str, handler: Callable[[], int]) -> int:
        # TODO: in_flight, duration, counter around handler(), also when it raises.
        raise NotImplementedError


def error_ratio(exposition: str, route: str) -> float | None:
    # TODO: sum the http_requests_total samples of the route; 5xx / all.
    raise NotImplementedError
