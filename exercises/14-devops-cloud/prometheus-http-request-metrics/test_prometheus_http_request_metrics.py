import pytest
from prometheus_client import REGISTRY, CollectorRegistry, generate_latest
from prometheus_client.parser import text_string_to_metric_families

from prometheus_http_request_metrics import HttpMetrics, error_ratio

ROUTES = ["/health", "/users/me", "/users/{id}", "/users/{id}/orders/{order_id}"]


class FakeClock:
    """Each call returns the next of the given times."""

    def __init__(self, *times):
        self.times = list(times)

    def __call__(self):
        return self.times.pop(0)


@pytest.fixture
def registry():
    return CollectorRegistry()  # a fresh registry per test: no metric leaks between tests


@pytest.fixture
def metrics(registry):
    return HttpMetrics(registry, ROUTES)


def scrape(registry):
    """{(sample name, sorted labels): value} from the text a Prometheus scrape would read."""
    text = generate_latest(registry).decode()
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
    }


def requests_total(registry):
    return {
        dict(labels)["method"] + " " + dict(labels)["route"] + " " + dict(labels)["status"]: value
        for (name, labels), value in scrape(registry).items()
        if name == "http_requests_total"
    }


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/health", "/health"),
        ("/users/42", "/users/{id}"),
        ("/users/me", "/users/me"),
        ("/users/7/orders/99", "/users/{id}/orders/{order_id}"),
        ("/users/", "unmatched"),
        ("/users/42/", "unmatched"),
        ("/users/42/orders", "unmatched"),
        ("/healthz", "unmatched"),
        ("/", "unmatched"),
        ("/wp-admin/setup.php", "unmatched"),
    ],
    ids=["static", "placeholder", "first-template-wins", "two-placeholders", "empty-part",
         "trailing-slash", "too-few-parts", "prefix-is-not-a-match", "root", "scanner-probe"],
)
def test_route_for_maps_a_path_to_its_template(metrics, path, expected):
    assert metrics.route_for(path) == expected


def test_route_for_tries_the_templates_in_order(registry):
    metrics = HttpMetrics(registry, ["/users/{id}", "/users/me"])
    assert metrics.route_for("/users/me") == "/users/{id}", "the FIRST matching template wins"


def test_route_for_a_literal_brace_part_is_not_a_placeholder(registry):
    metrics = HttpMetrics(registry, ["/files/{}", "/files/{name"])
    assert metrics.route_for("/files/report") == "unmatched", "only {name} is a placeholder"
    assert metrics.route_for("/files/{}") == "/files/{}"


def test_track_returns_the_status_and_counts_it_by_template(metrics, registry):
    assert metrics.track("GET", "/users/42", lambda: 200) == 200
    assert metrics.track("GET", "/users/43", lambda: 404) == 404
    assert metrics.track("POST", "/users/me", lambda: 201) == 201
    assert requests_total(registry) == {
        "GET /users/{id} 200": 1.0,
        "GET /users/{id} 404": 1.0,
        "POST /users/me 201": 1.0,
    }, "count each request once, labelled by method, route TEMPLATE (not the raw path) and status code"


def test_track_keeps_one_series_however_many_users_call(metrics, registry):
    for user_id in range(1000):
        metrics.track("GET", f"/users/{user_id}", lambda: 200)
        metrics.track("GET", f"/no/such/page/{user_id}", lambda: 404)
    assert requests_total(registry) == {"GET /users/{id} 200": 1000.0, "GET unmatched 404": 1000.0}, (
        "label by the route TEMPLATE (and 'unmatched'): a raw path or a user id as a label makes one time "
        "series per user, which is how a Prometheus server runs out of memory"
    )


@pytest.mark.parametrize(
    ("method", "expected"),
    [("get", "GET"), ("Delete", "DELETE"), ("OPTIONS", "OPTIONS"), ("BREW", "other"), ("GET\r\n", "other")],
    ids=["lower-case", "mixed-case", "options", "unknown-method", "junk-method"],
)
def test_track_keeps_the_method_label_to_a_fixed_set(metrics, registry, method, expected):
    metrics.track(method, "/health", lambda: 200)
    assert requests_total(registry) == {f"{expected} /health 200": 1.0}, (
        "methods are upper-cased, and any method not in METHODS is counted as 'other' "
        "(a client can send any string as a method)"
    )


def test_track_observes_the_duration_from_the_injected_clock(registry):
    metrics = HttpMetrics(registry, ROUTES, clock=FakeClock(100.0, 100.3))
    metrics.track("GET", "/users/1", lambda: 200)
    samples = scrape(registry)
    labels = (("method", "GET"), ("route", "/users/{id}"))
    assert samples[("http_request_duration_seconds_count", labels)] == 1.0
    assert samples[("http_request_duration_seconds_sum", labels)] == pytest.approx(0.3), (
        "the duration is clock() after the handler minus clock() before it"
    )
    assert samples[("http_request_duration_seconds_bucket", (("le", "0.25"),) + labels)] == 0.0
    assert samples[("http_request_duration_seconds_bucket", (("le", "0.5"),) + labels)] == 1.0


def test_histogram_uses_the_given_buckets(metrics, registry):
    metrics.track("GET", "/health", lambda: 200)
    bounds = [
        dict(labels)["le"]
        for (name, labels), _ in scrape(registry).items()
        if name == "http_request_duration_seconds_bucket"
    ]
    assert bounds == ["0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1.0", "2.5", "+Inf"], (
        "pass buckets=BUCKETS to the Histogram"
    )


def test_each_metric_has_its_type_and_help_text(metrics, registry):
    text = generate_latest(registry).decode()
    families = {family.name: (family.type, family.documentation) for family in text_string_to_metric_families(text)}
    assert families["http_requests"] == ("counter", "HTTP requests handled.")
    assert families["http_request_duration_seconds"] == ("histogram", "Time spent handling HTTP requests.")
    assert families["http_requests_in_flight"] == ("gauge", "HTTP requests being handled right now.")


@pytest.mark.parametrize("method", ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"])
def test_track_keeps_every_standard_method(metrics, registry, method):
    metrics.track(method, "/health", lambda: 204)
    assert requests_total(registry) == {f"{method} /health 204": 1.0}


def test_track_measures_in_flight_requests_while_they_run(metrics, registry):
    seen = []

    def inner():
        seen.append(registry.get_sample_value("http_requests_in_flight"))
        return 200

    def outer():
        seen.append(registry.get_sample_value("http_requests_in_flight"))
        metrics.track("GET", "/health", inner)
        return 200

    assert registry.get_sample_value("http_requests_in_flight") == 0.0
    metrics.track("GET", "/health", outer)
    assert seen == [1.0, 2.0], "in_flight goes up by one BEFORE the handler runs"
    assert registry.get_sample_value("http_requests_in_flight") == 0.0, "and back down when it returns"


def test_track_counts_a_crashing_handler_as_500_and_re_raises(registry):
    metrics = HttpMetrics(registry, ROUTES, clock=FakeClock(5.0, 5.5))

    def crash():
        raise RuntimeError("database is down")

    with pytest.raises(RuntimeError, match="database is down"):
        metrics.track("GET", "/users/9", crash)
    assert requests_total(registry) == {"GET /users/{id} 500": 1.0}, "a crash is counted, as status 500"
    assert registry.get_sample_value("http_requests_in_flight") == 0.0, (
        "in_flight must come back down in a `finally`, or every crash leaks one request for ever"
    )
    assert registry.get_sample_value(
        "http_request_duration_seconds_sum", {"method": "GET", "route": "/users/{id}"}
    ) == pytest.approx(0.5), "a crashed request's duration is observed too"


def test_metrics_live_only_on_the_given_registry():
    first, second = CollectorRegistry(), CollectorRegistry()
    try:
        a = HttpMetrics(first, ROUTES)
        b = HttpMetrics(second, ROUTES)
    except ValueError as error:
        pytest.fail(f"two HttpMetrics on two registries must not clash ({error}): pass registry= to every metric")
    a.track("GET", "/health", lambda: 200)
    assert requests_total(first) == {"GET /health 200": 1.0}
    assert requests_total(second) == {}, "each instance counts only its own requests"
    assert REGISTRY.get_sample_value("http_requests_total", {"method": "GET", "route": "/health", "status": "200"}) is None, (
        "nothing may be registered on prometheus_client's global default REGISTRY"
    )


def test_error_ratio_reads_5xx_over_all_requests_from_a_scrape(metrics, registry):
    for status in [200, 200, 503, 404, 200]:
        metrics.track("GET", "/users/1", lambda status=status: status)
    metrics.track("POST", "/users/1", lambda: 500)
    metrics.track("GET", "/health", lambda: 200)
    text = generate_latest(registry).decode()
    assert error_ratio(text, "/users/{id}") == pytest.approx(2 / 6), (
        "2 of the 6 requests to /users/{id} were 5xx (404 is a client error, not a server error); "
        "count only samples named exactly http_requests_total (not http_requests_created, a timestamp)"
    )
    assert error_ratio(text, "/health") == 0.0


def test_error_ratio_of_a_route_without_traffic_is_none(metrics, registry):
    metrics.track("GET", "/health", lambda: 200)
    assert error_ratio(generate_latest(registry).decode(), "/users/{id}") is None, (
        "no requests is not 0% errors: return None"
    )
    assert error_ratio("", "/health") is None


def test_error_ratio_reads_a_hand_written_exposition():
    text = (
        "# TYPE http_requests_total counter\n"
        'http_requests_total{method="GET",route="/a",status="500"} 3\n'
        'http_requests_total{method="GET",route="/a",status="200"} 9\n'
        'http_requests_total{method="GET",route="/ab",status="500"} 50\n'
        "# TYPE http_requests_created gauge\n"
        'http_requests_created{method="GET",route="/a",status="200"} 1.7e+09\n'
    )
    assert error_ratio(text, "/a") == pytest.approx(0.25), "3 of 12; /ab is another route"
