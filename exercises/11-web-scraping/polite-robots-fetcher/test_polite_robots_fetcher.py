import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from polite_robots_fetcher import PoliteFetcher

ROBOTS = Path(__file__).parent / "robots"
OUR_AGENT = "PyRoadBot/1.0 (+https://pyroad.example/bot)"
OTHER_AGENT = "TeaCrawler/2.3 (mailto:ops@tea.example)"


class FakeClock:
    """monotonic() starts at 1000.0; sleep() moves time on at once and records it."""

    def __init__(self):
        self.now = 1000.0
        self.sleeps: list[float] = []

    def monotonic(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        assert seconds > 0, f"sleep({seconds}) is pointless: only sleep when you must wait"
        self.sleeps.append(seconds)
        self.now += seconds


@pytest.fixture(autouse=True)
def no_real_sleeping(monkeypatch):
    def refuse(seconds):
        raise AssertionError("use the injected clock.sleep(), not time.sleep()")

    monkeypatch.setattr(time, "sleep", refuse)


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def robots_requests():
    return []


@pytest.fixture
def fetch_robots(robots_requests):
    """Serves robots/<host>.txt for https://<host>/robots.txt; None (a 404) otherwise."""

    def fetch(robots_url: str) -> str | None:
        robots_requests.append(robots_url)
        parts = urlsplit(robots_url)
        assert parts.path == "/robots.txt", f"robots.txt lives at the site root, not {robots_url!r}"
        path = ROBOTS / f"{parts.netloc}.txt"
        return path.read_text(encoding="utf-8") if path.exists() else None

    return fetch


@pytest.fixture
def requests_sent():
    return []


@pytest.fixture
def transport(clock, requests_sent):
    def send(url: str, headers: dict[str, str]) -> str:
        requests_sent.append((url, dict(headers), clock.now))
        return f"<html>{url}</html>"

    return send


@pytest.fixture
def make_fetcher(fetch_robots, transport, clock):
    def make(user_agent=OUR_AGENT, default_delay=1.0):
        return PoliteFetcher(user_agent, fetch_robots, transport, clock, default_delay=default_delay)

    return make


def test_fetch_returns_the_page_and_sends_the_user_agent(make_fetcher, requests_sent):
    body = make_fetcher().fetch("https://books.example/catalogue/")
    assert body == "<html>https://books.example/catalogue/</html>"
    [(url, headers, _)] = requests_sent
    assert headers == {"User-Agent": OUR_AGENT}


@pytest.mark.parametrize(
    ("agent", "url", "expected"),
    [
        (OUR_AGENT, "https://books.example/private/stats", False),
        (OUR_AGENT, "https://books.example/admin/users", True),
        (OTHER_AGENT, "https://books.example/admin/users", False),
        (OTHER_AGENT, "https://books.example/admin/help/faq.html", True),
        (OTHER_AGENT, "https://books.example/cart?add=3", False),
        (OTHER_AGENT, "https://books.example/private/stats", True),
        ("GreedyBot/9.9", "https://books.example/", False),
        (OTHER_AGENT, "https://shop.example/search?q=tea", False),
        (OTHER_AGENT, "https://shop.example/teapots", True),
        (OTHER_AGENT, "https://blog.example/anything/at/all", True),
        (OTHER_AGENT, "https://books.example/admin", True),
        (OTHER_AGENT, "https://books.example/administrator", True),
        (OTHER_AGENT, "https://books.example/admin/help", False),
        (OTHER_AGENT, "https://books.example/cartoons", False),
        (OTHER_AGENT, "https://books.example/%61dmin/users", False),
        (OUR_AGENT, "https://books.example/private", True),
        (OUR_AGENT, "https://books.example/PRIVATE/x", True),
        (OUR_AGENT, "https://books.example:8443/private/x", True),
        ("pyroadbot/2.0", "https://books.example/private/x", False),
    ],
    ids=[
        "our-group-disallows-private",
        "our-group-replaces-the-star-group",
        "others-follow-the-star-group",
        "allow-line-makes-an-exception",
        "disallow-is-a-path-prefix",
        "others-may-see-private",
        "disallow-everything",
        "shop-search-is-off-limits",
        "shop-products-are-fine",
        "no-robots-txt-allows-everything",
        "admin-without-slash-is-not-under-admin-slash",
        "administrator-is-not-under-admin-slash",
        "admin-help-without-slash-is-not-under-the-allow",
        "disallow-cart-covers-cartoons",
        "percent-encoded-path-is-the-same-path",
        "private-without-slash-is-not-under-private-slash",
        "paths-are-case-sensitive",
        "another-port-is-another-site",
        "agent-names-ignore-case",
    ],
)
def test_allowed_follows_robots_txt_for_our_user_agent(make_fetcher, agent, url, expected):
    # robots.txt rules are path PREFIXES ("/cart" covers "/cartoons", "/admin/" does not cover "/admin"),
    # compared after decoding %xx, and each scheme://host:port has its own robots.txt
    assert make_fetcher(agent).allowed(url) is expected


def test_fetch_refuses_a_disallowed_url_without_sending_anything(make_fetcher, requests_sent):
    fetcher = make_fetcher()
    with pytest.raises(PermissionError, match="robots.txt disallows https://books.example/private/x"):
        fetcher.fetch("https://books.example/private/x")
    assert requests_sent == [], "a disallowed page must never be requested"


@pytest.mark.parametrize(
    ("agent", "url", "expected"),
    [
        (OUR_AGENT, "https://books.example/", 5.0),
        (OTHER_AGENT, "https://books.example/", 2.0),
        (OTHER_AGENT, "https://shop.example/", 0.5),
        (OTHER_AGENT, "https://blog.example/", 0.5),
        (OTHER_AGENT, "https://fast.example/", 0.0),
    ],
    ids=["our-crawl-delay", "star-crawl-delay", "no-crawl-delay-uses-default", "no-robots-uses-default", "crawl-delay-zero-is-kept"],
)
def test_delay_for_reads_crawl_delay_or_falls_back_to_the_default(make_fetcher, agent, url, expected):
    assert make_fetcher(agent, default_delay=0.5).delay_for(url) == expected


def test_requests_to_one_host_are_spaced_by_its_crawl_delay(make_fetcher, requests_sent, clock):
    fetcher = make_fetcher()
    for page in ("a", "b", "c"):
        fetcher.fetch(f"https://books.example/{page}")
    times = [sent_at for _, _, sent_at in requests_sent]
    assert times == [1000.0, 1005.0, 1010.0], (
        "the first request goes at once, each next one 5 s (PyRoadBot's Crawl-delay) after the previous"
    )


def test_only_the_rest_of_the_delay_is_slept(make_fetcher, clock):
    fetcher = make_fetcher()
    fetcher.fetch("https://books.example/a")
    clock.now += 3.5  # parsing the page took a while
    fetcher.fetch("https://books.example/b")
    assert clock.sleeps == [1.5], "3.5 of the 5 seconds have already passed"


def test_no_sleep_when_the_delay_has_already_passed(make_fetcher, clock):
    fetcher = make_fetcher()
    fetcher.fetch("https://books.example/a")
    clock.now += 60
    fetcher.fetch("https://books.example/b")
    assert clock.sleeps == [], "a minute has passed since the last request: no need to wait"


def test_each_host_has_its_own_delay(make_fetcher, requests_sent):
    fetcher = make_fetcher(OTHER_AGENT, default_delay=1.0)
    for url in (
        "https://books.example/a",
        "https://shop.example/a",
        "https://books.example/b",
        "https://shop.example/b",
    ):
        fetcher.fetch(url)
    times = {url: sent_at for url, _, sent_at in requests_sent}
    assert times["https://shop.example/a"] == 1000.0, "a new host need not wait for another host"
    assert times["https://books.example/b"] == 1002.0, "books.example asks for 2 s"
    assert times["https://shop.example/b"] == 1002.0, "shop.example's 1 s passed while we waited for books"


def test_robots_txt_is_downloaded_once_per_host(make_fetcher, robots_requests, clock):
    fetcher = make_fetcher()
    for page in ("a", "b", "c"):
        fetcher.fetch(f"https://books.example/{page}")
    fetcher.allowed("https://books.example/d")
    fetcher.fetch("https://blog.example/")
    fetcher.fetch("https://blog.example/about")
    assert robots_requests == ["https://books.example/robots.txt", "https://blog.example/robots.txt"]


@pytest.mark.parametrize(
    "agent",
    ["", "python-requests", "/1.0", "My Bot/1.0", "Bot/v1"],
    ids=["empty", "no-version", "no-name", "space-in-name", "version-not-a-number"],
)
def test_an_anonymous_or_malformed_user_agent_is_rejected(make_fetcher, agent):
    with pytest.raises(ValueError, match="user agent must look like 'Name/1.0'"):
        make_fetcher(agent)


@pytest.mark.parametrize(
    ("elapsed", "expected"), [(4.5, [0.5]), (4.75, [0.25]), (5.0, [])], ids=["half-a-second-left", "a-quarter-left", "exactly-the-delay"]
)
def test_the_wait_is_exact_at_the_end_of_the_crawl_delay(make_fetcher, clock, elapsed, expected):
    fetcher = make_fetcher()
    fetcher.fetch("https://books.example/a")
    clock.now += elapsed
    fetcher.fetch("https://books.example/b")
    assert clock.sleeps == expected, (
        f"{elapsed} s of PyRoadBot's 5 s Crawl-delay have passed: sleep the rest, however small, and nothing at 5 s"
    )


def test_the_default_delay_is_one_second(fetch_robots, transport, clock):
    fetcher = PoliteFetcher(OTHER_AGENT, fetch_robots, transport, clock)

    assert fetcher.delay_for("https://blog.example/") == 1.0


def test_the_delay_counts_from_when_the_last_request_started(fetch_robots, clock, requests_sent):
    def slow_transport(url, headers):
        requests_sent.append((url, dict(headers), clock.now))
        clock.now += 2.0  # the server took 2 s to answer
        return "<html></html>"

    fetcher = PoliteFetcher(OUR_AGENT, fetch_robots, slow_transport, clock)
    fetcher.fetch("https://books.example/a")
    fetcher.fetch("https://books.example/b")

    assert [sent_at for _, _, sent_at in requests_sent] == [1000.0, 1005.0], (
        "remember the time just BEFORE calling transport: the 5 s run from when the last request started"
    )


def test_a_refused_url_does_not_count_as_a_request(make_fetcher, clock, requests_sent):
    fetcher = make_fetcher()
    with pytest.raises(PermissionError):
        fetcher.fetch("https://books.example/private/x")
    fetcher.fetch("https://books.example/a")

    assert clock.sleeps == [], "nothing was sent for the refused URL, so there is nothing to wait for"


@pytest.mark.parametrize(
    ("url", "default_delay"), [("https://fast.example/a", 1.0), ("https://blog.example/a", 0.0)], ids=["crawl-delay-0", "default-delay-0"]
)
def test_a_delay_of_zero_means_no_waiting(make_fetcher, clock, url, default_delay):
    fetcher = make_fetcher(OTHER_AGENT, default_delay=default_delay)
    for _ in range(3):
        fetcher.fetch(url)

    assert clock.sleeps == [], "0 is a delay too: test `is None`, not `delay or default`"
