import time
from urllib.parse import parse_qs

import pytest
import requests
import responses

from requests_session_retry_after import LoginFailed, PoliteClient, TooManyRetries, retry_after_seconds

BASE = "https://shop.example"
AGENT = "pricewatch/2.1 (+https://example.org/bot; bot@example.org)"
NOW = 1_767_225_600.0  # Thu, 01 Jan 2026 00:00:00 GMT


class FakeClock:
    """time() and sleep() like the time module; time passes only in sleep()."""

    def __init__(self, start=NOW):
        self.now = start
        self.sleeps = []

    def time(self):
        return self.now

    def sleep(self, seconds):
        assert seconds >= 0, f"sleep({seconds}): a negative wait"
        self.sleeps.append(round(seconds, 6))
        self.now += seconds


@pytest.fixture
def clock(monkeypatch):
    def refuse(seconds):
        raise AssertionError("wait with the injected clock (self.clock.sleep), never with time.sleep()")

    monkeypatch.setattr(time, "sleep", refuse)
    return FakeClock()


@pytest.fixture
def rs():
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        yield mock


@pytest.fixture
def client(clock):
    return PoliteClient(BASE, AGENT, clock=clock, min_interval=0.25)


def form(request):
    return {k: v[0] for k, v in parse_qs(request.body or "").items()}


def cookies(request):
    header = request.headers.get("Cookie", "")
    return dict(part.strip().split("=", 1) for part in header.split(";") if "=" in part)


# --- retry_after_seconds ---------------------------------------------------------


@pytest.mark.parametrize(
    "value, expected",
    [
        ("120", 120.0),
        ("0", 0.0),
        (" 7 ", 7.0),
        ("Thu, 01 Jan 2026 00:00:30 GMT", 30.0),
        ("Wed, 31 Dec 2025 23:59:00 GMT", 0.0),
        (None, None),
        ("soon", None),
        ("-5", None),
        ("1.5", None),
        ("", None),
    ],
    ids=["seconds", "zero", "spaces", "an HTTP date 30 s ahead", "a date in the past", "no header",
         "words", "negative", "a fraction", "empty"],
)
def test_retry_after_reads_seconds_or_an_http_date(value, expected):
    assert retry_after_seconds(value, NOW) == expected


# --- the session: identity, timeouts, cookies ------------------------------------


def test_every_request_names_the_bot_and_has_a_timeout(rs, client):
    rs.add(responses.GET, f"{BASE}/a", body="A")
    rs.add(responses.GET, f"{BASE}/b", body="B")
    assert client.get_text("/a") == "A"
    assert client.get_text("b") == "B", "resolve paths against base_url with urljoin"
    for call in rs.calls:
        assert call.request.headers.get("User-Agent") == AGENT, "set the User-Agent once on the Session's headers"
        assert call.request.req_kwargs.get("timeout") == 10.0, (
            "pass timeout=self.timeout to every request: without one a stuck server hangs the scraper forever"
        )


def test_a_custom_timeout_is_used(rs, clock):
    rs.add(responses.GET, f"{BASE}/a", body="A")
    PoliteClient(BASE, AGENT, clock=clock, timeout=3.5).get_text("/a")
    assert rs.calls[0].request.req_kwargs.get("timeout") == 3.5


@pytest.fixture
def shop(rs):
    """A login form with a CSRF token and cookie; /account needs the session cookie."""

    def login_form(request):
        page = '<form method="post"><input type="hidden" name="csrf_token" value="tok-123"><input name="username"></form>'
        return 200, {"Set-Cookie": "csrftoken=tok-123; Path=/"}, page

    def login(request):
        data = form(request)
        if cookies(request).get("csrftoken") != "tok-123" or data.get("csrf_token") != "tok-123":
            return 403, {}, "CSRF verification failed"
        if (data.get("username"), data.get("password")) != ("ada", "p@ss word&1"):
            return 401, {}, "wrong user name or password"
        return 302, {"Location": f"{BASE}/account", "Set-Cookie": "sessionid=s3cr3t; Path=/; HttpOnly"}, ""

    def account(request):
        if cookies(request).get("sessionid") != "s3cr3t":
            return 403, {}, "please log in"
        return 200, {}, "Hello ada"

    rs.add_callback(responses.GET, f"{BASE}/login", callback=login_form)
    rs.add_callback(responses.POST, f"{BASE}/login", callback=login)
    rs.add_callback(responses.GET, f"{BASE}/account", callback=account)
    return rs


def test_login_keeps_the_cookies_in_the_session(shop, client):
    client.login("ada", "p@ss word&1")
    assert client.get_text("/account") == "Hello ada", (
        "use self.session for every request: a plain requests.get() forgets the session cookie"
    )
    post = [c for c in shop.calls if c.request.method == "POST"][0]
    assert form(post.request) == {"username": "ada", "password": "p@ss word&1", "csrf_token": "tok-123"}, (
        "POST the form fields as data=..., with the csrf_token read from the login page"
    )


def test_wrong_credentials_raise_login_failed(shop, client):
    with pytest.raises(LoginFailed, match="login refused for 'ada'"):
        client.login("ada", "guess")


@pytest.mark.parametrize(
    "page",
    ["<form><input name='username'></form>", "<form><input type='hidden' name='csrf_token' value=''></form>"],
    ids=["no token field", "an empty token"],
)
def test_a_login_form_without_a_token_raises_login_failed(rs, client, page):
    rs.add(responses.GET, f"{BASE}/login", body=page)
    with pytest.raises(LoginFailed, match="no csrf_token"):
        client.login("ada", "x")
    assert len(rs.calls) == 1, "do not post a login form without its CSRF token"


def test_other_login_errors_are_raised_as_http_errors(rs, client):
    rs.add(responses.GET, f"{BASE}/login", body='<input name="csrf_token" value="t">')
    rs.add(responses.POST, f"{BASE}/login", status=403, body="CSRF verification failed")
    with pytest.raises(requests.HTTPError):
        client.login("ada", "x")


# --- pacing -----------------------------------------------------------------------


def test_requests_are_spaced_by_min_interval(rs, clock, client):
    rs.add(responses.GET, f"{BASE}/a", body="A")
    client.get_text("/a")
    assert clock.sleeps == [], "the first request does not wait"
    client.get_text("/a")
    client.get_text("/a")
    assert clock.sleeps == [0.25, 0.25], "wait until min_interval has passed since the previous request"


def test_time_already_spent_counts_towards_the_interval(rs, clock, client):
    rs.add(responses.GET, f"{BASE}/a", body="A")
    client.get_text("/a")
    clock.now += 0.1
    client.get_text("/a")
    clock.now += 5
    client.get_text("/a")
    assert clock.sleeps == [0.15], "only wait for what is left of the interval, and not at all when it has passed"


def test_a_min_interval_of_zero_never_waits(rs, clock):
    rs.add(responses.GET, f"{BASE}/a", body="A")
    client = PoliteClient(BASE, AGENT, clock=clock, min_interval=0)
    for _ in range(3):
        client.get_text("/a")
    assert clock.sleeps == [], "min_interval=0 is a real value, not 'use the default'"


def test_the_default_interval_is_one_second(rs, clock):
    rs.add(responses.GET, f"{BASE}/a", body="A")
    client = PoliteClient(BASE, AGENT, clock=clock)
    client.get_text("/a")
    client.get_text("/a")
    assert clock.sleeps == [1.0]


# --- 429 / 503 and Retry-After ------------------------------------------------------


def test_a_429_is_retried_after_the_seconds_the_server_asks_for(rs, clock, client):
    rs.add(responses.GET, f"{BASE}/a", status=429, headers={"Retry-After": "7"})
    rs.add(responses.GET, f"{BASE}/a", body="A")
    assert client.get_text("/a") == "A"
    assert clock.sleeps == [7.0], "honour Retry-After: wait exactly what the server asked for"


def test_a_503_with_an_http_date_is_retried_at_that_time(rs, clock, client):
    rs.add(responses.GET, f"{BASE}/a", status=503, headers={"Retry-After": "Thu, 01 Jan 2026 00:00:30 GMT"})
    rs.add(responses.GET, f"{BASE}/a", body="A")
    assert client.get_text("/a") == "A"
    assert clock.sleeps == [30.0]


def test_retry_after_zero_retries_at_the_normal_pace(rs, clock, client):
    rs.add(responses.GET, f"{BASE}/a", status=429, headers={"Retry-After": "0"})
    rs.add(responses.GET, f"{BASE}/a", body="A")
    client.get_text("/a")
    assert [s for s in clock.sleeps if s] == [0.25], "Retry-After: 0 means now (then min_interval still applies), not 'no header'"


def test_without_retry_after_the_waits_double(rs, clock, client):
    for _ in range(3):
        rs.add(responses.GET, f"{BASE}/a", status=503)
    rs.add(responses.GET, f"{BASE}/a", body="A")
    assert client.get_text("/a") == "A"
    assert clock.sleeps == [1.0, 2.0, 4.0], "no Retry-After: back off 1, 2, 4 s (2 ** attempt)"


def test_retries_stop_after_max_retries(rs, clock):
    rs.add(responses.GET, f"{BASE}/a", status=429, headers={"Retry-After": "1"})
    client = PoliteClient(BASE, AGENT, clock=clock, max_retries=2)
    with pytest.raises(TooManyRetries, match="still answers 429 after 2 retries"):
        client.get_text("/a")
    assert len(rs.calls) == 3, "max_retries=2 means 3 attempts in all, then give up"
    assert clock.sleeps == [1.0, 1.0], "no wait after the last attempt"


def test_by_default_there_are_three_retries(rs, clock):
    rs.add(responses.GET, f"{BASE}/a", status=503, headers={"Retry-After": "2"})
    with pytest.raises(TooManyRetries, match="after 3 retries"):
        PoliteClient(BASE, AGENT, clock=clock).get_text("/a")
    assert len(rs.calls) == 4, "max_retries defaults to 3: four attempts in all"


def test_max_retries_zero_means_one_attempt(rs, clock):
    rs.add(responses.GET, f"{BASE}/a", status=503)
    client = PoliteClient(BASE, AGENT, clock=clock, max_retries=0)
    with pytest.raises(TooManyRetries, match="503 after 0 retries"):
        client.get_text("/a")
    assert len(rs.calls) == 1 and clock.sleeps == []


def test_a_wait_longer_than_max_wait_gives_up_without_sleeping(rs, clock, client):
    rs.add(responses.GET, f"{BASE}/a", status=429, headers={"Retry-After": "3600"})
    with pytest.raises(TooManyRetries, match="wait 3600 s, more than 60 s"):
        client.get_text("/a")
    assert clock.sleeps == [] and len(rs.calls) == 1, "do not sleep an hour inside a scraper"


def test_a_wait_of_exactly_max_wait_is_still_honoured(rs, clock):
    rs.add(responses.GET, f"{BASE}/a", status=429, headers={"Retry-After": "5"})
    rs.add(responses.GET, f"{BASE}/a", body="A")
    client = PoliteClient(BASE, AGENT, clock=clock, max_wait=5)
    assert client.get_text("/a") == "A"
    assert clock.sleeps == [5.0]


@pytest.mark.parametrize("status", [404, 500, 403], ids=["404", "500", "403"])
def test_other_errors_are_not_retried(rs, clock, client, status):
    rs.add(responses.GET, f"{BASE}/a", status=status)
    with pytest.raises(requests.HTTPError):
        client.get_text("/a")
    assert len(rs.calls) == 1, f"only 429 and 503 are 'come back later'; {status} is not retried"


# --- conditional requests --------------------------------------------------------------


def test_a_page_with_an_etag_is_asked_for_conditionally(rs, client):
    rs.add(responses.GET, f"{BASE}/a", body="fresh", headers={"ETag": '"v1"'})
    rs.add(responses.GET, f"{BASE}/a", status=304)
    assert client.get_text("/a") == "fresh"
    assert client.get_text("/a") == "fresh", "on 304 Not Modified return the body you kept"
    assert "If-None-Match" not in rs.calls[0].request.headers
    assert rs.calls[1].request.headers.get("If-None-Match") == '"v1"', "send the ETag back in If-None-Match"


def test_the_cache_is_kept_per_full_url(rs, client):
    rs.add(responses.GET, f"{BASE}/items?page=1", body="one", headers={"ETag": '"p1"'})
    rs.add(responses.GET, f"{BASE}/items?page=2", body="two", headers={"ETag": '"p2"'})
    assert client.get_text("/items?page=1") == "one"
    assert client.get_text("/items?page=2") == "two"
    assert "If-None-Match" not in rs.calls[1].request.headers, (
        "page=2 is another resource: key the cache by the full URL, query string included"
    )


def test_a_changed_page_replaces_the_cached_copy(rs, client):
    rs.add(responses.GET, f"{BASE}/a", body="old", headers={"ETag": '"v1"'})
    rs.add(responses.GET, f"{BASE}/a", body="new", headers={"ETag": '"v2"'})
    rs.add(responses.GET, f"{BASE}/a", status=304)
    assert [client.get_text("/a") for _ in range(3)] == ["old", "new", "new"]
    assert rs.calls[2].request.headers.get("If-None-Match") == '"v2"'


def test_a_page_without_an_etag_is_not_cached(rs, client):
    rs.add(responses.GET, f"{BASE}/a", body="x")
    client.get_text("/a")
    client.get_text("/a")
    assert "If-None-Match" not in rs.calls[1].request.headers
