"""Tests of the catalogkit package, layer by layer, then the client that glues it.

Nothing touches the network: every client is built on httpx.MockTransport(handler),
where handler is a plain function from httpx.Request to httpx.Response.
"""
import base64
import json
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from urllib.parse import parse_qs

import httpx
import pytest

from catalogkit.retry import utc_now
from catalogkit import ApiError, AuthError, Book, ClientCredentialsAuth, RetryTransport, book_payload, parse_book, retry_after
from catalogkit_api_client_capstone import DEFAULT_TIMEOUT, CatalogClient

API = "https://catalog.example.com"
TOKEN_URL = "https://auth.example.com/oauth/token"
CLIENT_ID = "shop-frontend"
SECRET = "s3cr3t-Zq8!x"
NOW = datetime(2026, 12, 7, 10, 0, tzinfo=timezone.utc)
DUNE = {"id": 7, "title": "Dune", "price": "9.99", "updated": "2026-12-07T10:00:00Z"}
DUNE_BOOK = Book(7, "Dune", Decimal("9.99"), datetime(2026, 12, 7, 10, 0, tzinfo=timezone.utc))


class FakeClock:
    """A monotonic clock the test moves by hand (`clock.now += 60`), without waiting."""

    def __init__(self, now=5000.0):
        self.now = now

    def __call__(self):
        return self.now


class Script:
    """An httpx handler answering queued (status, headers, body) in order; records every request."""

    def __init__(self, *answers):
        self.answers = list(answers)
        self.requests = []

    def __call__(self, request):
        self.requests.append(request)
        assert self.answers, f"one request too many: {request.method} {request.url}"
        answer = self.answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        status, headers, body = answer
        return httpx.Response(status, headers=headers, content=body if isinstance(body, bytes) else json.dumps(body).encode())


def retrying(script, sleeps, **options):
    transport = RetryTransport(httpx.MockTransport(script), sleep=sleeps.append, now=lambda: NOW, **options)
    return httpx.Client(base_url=API, transport=transport)


@pytest.fixture
def sleeps():
    """The delays asked for; nothing really sleeps."""
    return []


# ================================================================ models.py


def test_parse_book_reads_a_book():
    book = parse_book(dict(DUNE, extra="ignored"))

    assert book == DUNE_BOOK
    assert isinstance(book.price, Decimal) and book.price == Decimal("9.99")
    assert book.updated.utcoffset() == timedelta(0), "'Z' means UTC: an aware datetime"


def test_parse_book_keeps_an_offset_time_and_an_exact_price():
    book = parse_book(dict(DUNE, price="0.10", updated="2026-12-07T11:30:00+01:30"))

    assert str(book.price) == "0.10", "Decimal(the string) keeps every digit the API sent"
    assert book.updated == datetime(2026, 12, 7, 10, 0, tzinfo=timezone.utc)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"id": True}, "id"),
        ({"id": 0}, "id"),
        ({"id": "7"}, "id"),
        ({"id": None}, "id"),
        ({"title": ""}, "title"),
        ({"title": "   "}, "title"),
        ({"title": 42}, "title"),
        ({"price": 9.99}, "price"),
        ({"price": "nine"}, "price"),
        ({"price": "NaN"}, "price"),
        ({"price": "Infinity"}, "price"),
        ({"price": "-0.01"}, "price"),
        ({"updated": "2026-12-07T10:00:00"}, "updated"),
        ({"updated": "yesterday"}, "updated"),
        ({"updated": 1765101600}, "updated"),
    ],
    ids=[
        "id-bool", "id-zero", "id-string", "id-null", "title-empty", "title-spaces", "title-number",
        "price-float", "price-words", "price-nan", "price-infinity", "price-negative",
        "updated-no-zone", "updated-words", "updated-number",
    ],
)
def test_parse_book_refuses_a_wrong_field(changes, field):
    with pytest.raises(ApiError, match=f"invalid book: {field}"):
        parse_book(dict(DUNE, **changes))
        pytest.fail(f"{changes} must be refused: never trust what came over the wire")


@pytest.mark.parametrize("field", ["id", "title", "price", "updated"])
def test_parse_book_refuses_a_missing_field(field):
    data = {key: value for key, value in DUNE.items() if key != field}

    with pytest.raises(ApiError, match=f"invalid book: {field}"):
        parse_book(data)


@pytest.mark.parametrize("data", [[DUNE], "Dune", None], ids=["list", "string", "null"])
def test_parse_book_refuses_what_is_not_an_object(data):
    with pytest.raises(ApiError, match="invalid book"):
        parse_book(data)


@pytest.mark.parametrize(
    ("changes", "check"),
    [({"id": 1}, lambda b: b.id == 1), ({"price": "0"}, lambda b: b.price == 0), ({"price": "0.00"}, lambda b: str(b.price) == "0.00")],
    ids=["id-one", "free", "free-with-cents"],
)
def test_parse_book_accepts_the_edge_values(changes, check):
    assert check(parse_book(dict(DUNE, **changes))), f"{changes} is a valid book: the smallest id is 1, a price may be 0"


def test_book_payload_sends_the_price_as_an_exact_string():
    assert book_payload("Dune", Decimal("12.50")) == {"title": "Dune", "price": "12.50"}, (
        "str(Decimal('12.50')) is '12.50'; a float would send 12.5 and lose the cents' meaning"
    )


# ================================================================ retry.py: retry_after


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("7", 7.0),
        ("0", 0.0),
        (" 120 ", 120.0),
        ("Mon, 07 Dec 2026 10:00:30 GMT", 30.0),
        ("Mon, 07 Dec 2026 09:59:00 GMT", 0.0),
    ],
    ids=["seconds", "zero", "spaces-around", "http-date-ahead", "http-date-past"],
)
def test_retry_after_reads_both_forms(value, expected):
    assert retry_after(value, NOW) == expected


@pytest.mark.parametrize(
    "value",
    [None, "", "1.5", "-1", "\u0663", "soon", "Mon, 07 Dec 2026 10:00:30 -0000"],
    ids=["missing", "empty", "fraction", "negative", "arabic-indic-three", "words", "date-without-zone"],
)
def test_retry_after_gives_none_for_anything_else(value):
    assert retry_after(value, NOW) is None


# ================================================================ retry.py: RetryTransport


def test_a_get_is_retried_after_a_503_with_back_off(sleeps):
    script = Script((503, {}, {}), (502, {}, {}), (200, {}, DUNE))

    with retrying(script, sleeps) as client:
        response = client.get("/books/7")

    assert response.status_code == 200 and response.json() == DUNE
    assert len(script.requests) == 3
    assert sleeps == [0.5, 1.0], "back off: backoff * 2 ** n, n counting the retries made so far"


@pytest.mark.parametrize(
    ("header", "delay"),
    [("7", 7.0), ("Mon, 07 Dec 2026 10:00:30 GMT", 30.0), ("60", 60.0)],
    ids=["seconds", "http-date", "exactly-the-default-max-delay"],
)
def test_retry_after_is_obeyed(sleeps, header, delay):
    script = Script((429, {"Retry-After": header}, {}), (200, {}, DUNE))

    with retrying(script, sleeps) as client:
        assert client.get("/books/7").status_code == 200

    assert sleeps == [delay], f"the server said Retry-After: {header}: wait {delay} s, not your own back-off"


@pytest.mark.parametrize("header", ["3600", "61"], ids=["an-hour", "just-over-the-default-60"])
def test_a_retry_after_longer_than_max_delay_is_not_waited_for(sleeps, header):
    script = Script((429, {"Retry-After": header}, {}), (200, {}, DUNE))

    with retrying(script, sleeps) as client:
        response = client.get("/books/7")

    assert response.status_code == 429, "return the 429 at once: the caller decides, the client must not hang an hour"
    assert sleeps == [] and len(script.requests) == 1


def test_the_retries_end_with_the_last_answer(sleeps):
    script = Script(*[(503, {}, {})] * 4)

    with retrying(script, sleeps) as client:
        assert client.get("/books/7").status_code == 503

    assert len(script.requests) == 4, f"max_retries=3: 4 sends in all, not {len(script.requests)}"
    assert sleeps == [0.5, 1.0, 2.0], "no wait after the last send: nothing comes after it"


def test_max_retries_zero_sends_once(sleeps):
    script = Script((503, {}, {}))

    with retrying(script, sleeps, max_retries=0) as client:
        assert client.get("/books/7").status_code == 503
    assert sleeps == []


def test_a_back_off_of_zero_is_kept(sleeps):
    script = Script((503, {}, {}), (503, {}, {}), (200, {}, DUNE))

    with retrying(script, sleeps, backoff=0) as client:
        client.get("/books/7")
    assert sleeps == [0, 0], "backoff=0 means do not wait; `backoff or 0.5` would wait anyway"


@pytest.mark.parametrize("status", [429, 502, 503, 504], ids=["too-many-requests", "bad-gateway", "unavailable", "gateway-timeout"])
def test_each_retry_status_is_retried(sleeps, status):
    script = Script((status, {}, {}), (200, {}, DUNE))

    with retrying(script, sleeps) as client:
        assert client.get("/books/7").status_code == 200
    assert len(script.requests) == 2, f"a {status} means: try again later"


@pytest.mark.parametrize(
    "status", [400, 401, 404, 500, 501, 505],
    ids=["bad-request", "unauthorized", "not-found", "server-error", "not-implemented", "http-version"],
)
def test_other_answers_are_not_retried(sleeps, status):
    script = Script((status, {}, {}))

    with retrying(script, sleeps) as client:
        assert client.get("/books/7").status_code == status
    assert len(script.requests) == 1, f"a {status} will not change by asking again; only 429, 502, 503, 504 are retried"


@pytest.mark.parametrize("method", ["GET", "HEAD", "OPTIONS", "PUT", "DELETE"])
def test_idempotent_methods_are_retried(sleeps, method):
    script = Script((503, {}, b""), (204, {}, b""))

    with retrying(script, sleeps) as client:
        assert client.request(method, "/books/7").status_code == 204
    assert len(script.requests) == 2


@pytest.mark.parametrize("method", ["POST", "PATCH"])
def test_a_non_idempotent_request_is_sent_exactly_once(sleeps, method):
    script = Script((503, {}, {}), (201, {}, DUNE))

    with retrying(script, sleeps) as client:
        assert client.request(method, "/books", json={"title": "Dune"}).status_code == 503
    assert len(script.requests) == 1, (
        f"never retry a {method} without an Idempotency-Key: the first may have been carried out "
        "(an order placed twice, a card charged twice)"
    )
    assert sleeps == []


def test_a_post_with_an_idempotency_key_is_retried(sleeps):
    script = Script((503, {}, {}), (201, {}, DUNE))

    with retrying(script, sleeps) as client:
        response = client.post("/books", json={"title": "Dune"}, headers={"Idempotency-Key": "k-1"})

    assert response.status_code == 201
    assert [r.headers["Idempotency-Key"] for r in script.requests] == ["k-1", "k-1"]
    assert script.requests[1].content == b'{"title":"Dune"}' or json.loads(script.requests[1].content) == {"title": "Dune"}


def test_a_connection_error_is_retried_for_a_get(sleeps):
    script = Script(httpx.ConnectError("refused"), httpx.ReadTimeout("slow"), (200, {}, DUNE))

    with retrying(script, sleeps) as client:
        assert client.get("/books/7").json() == DUNE
    assert sleeps == [0.5, 1.0]


def test_a_back_off_of_zero_is_kept_after_a_connection_error(sleeps):
    script = Script(httpx.ConnectError("refused"), httpx.ConnectError("refused"), (200, {}, DUNE))

    with retrying(script, sleeps, backoff=0) as client:
        client.get("/books/7")
    assert sleeps == [0, 0]


def test_a_connection_error_on_the_last_try_is_raised(sleeps):
    script = Script(*[httpx.ConnectError("refused")] * 3)

    with retrying(script, sleeps, max_retries=2) as client, pytest.raises(httpx.ConnectError, match="refused"):
        client.get("/books/7")
    assert len(script.requests) == 3


def test_a_post_that_timed_out_is_not_sent_again(sleeps):
    script = Script(httpx.ReadTimeout("no answer"), (201, {}, DUNE))

    with retrying(script, sleeps) as client, pytest.raises(httpx.ReadTimeout):
        client.post("/books", json={"title": "Dune"})
    assert len(script.requests) == 1, "the server may have created the book before the answer was lost"


def test_an_answer_that_is_retried_is_closed_first(sleeps):
    closed = []

    class Body(httpx.SyncByteStream):
        def __iter__(self):
            yield b"{}"

        def close(self):
            closed.append(True)

    answers = [httpx.Response(503, stream=Body()), httpx.Response(200, json=DUNE)]
    transport = RetryTransport(httpx.MockTransport(lambda request: answers.pop(0)), sleep=sleeps.append)
    with httpx.Client(base_url=API, transport=transport) as client:
        client.get("/books/7")
    assert closed == [True], "close() the answer you throw away before retrying: it holds a pooled connection"


def test_utc_now_is_an_aware_now():
    before = datetime.now(timezone.utc)
    assert before <= utc_now() <= datetime.now(timezone.utc)


def test_closing_the_client_closes_the_inner_transport(sleeps):
    closed = []

    class Inner(httpx.MockTransport):
        def close(self):
            closed.append(True)

    client = httpx.Client(transport=RetryTransport(Inner(Script()), sleep=sleeps.append))
    client.close()
    assert closed == [True]


# ================================================================ auth.py


class TokenServer:
    """An httpx handler for the token endpoint and the API behind it."""

    def __init__(self, clock, lifetime=3600):
        self.clock = clock
        self.lifetime = lifetime
        self.issued = []  # tokens handed out
        self.token_requests = []
        self.api_requests = []
        self.api_bearers = []  # the Authorization header of each API request, as it arrived
        self.api_answers = []  # statuses to answer the API with, else 200
        self.token_answer = None  # (status, body) to answer the token endpoint with instead
        self.token_delay = 0

    def __call__(self, request):
        if str(request.url) == TOKEN_URL:
            self.token_requests.append(request)
            self.clock.now += self.token_delay
            if self.token_answer is not None:
                status, body = self.token_answer
                return httpx.Response(status, content=body if isinstance(body, bytes) else json.dumps(body).encode())
            token = f"tok-{len(self.issued) + 1}"
            self.issued.append(token)
            return httpx.Response(200, json={"access_token": token, "token_type": "Bearer", "expires_in": self.lifetime})
        self.api_requests.append(request)
        self.api_bearers.append(request.headers.get("Authorization"))
        status = self.api_answers.pop(0) if self.api_answers else 200
        return httpx.Response(status, json=DUNE)

    def bearers(self):
        return self.api_bearers


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def server(clock):
    return TokenServer(clock)


def authed(server, clock, **options):
    auth = ClientCredentialsAuth(TOKEN_URL, CLIENT_ID, SECRET, clock=clock, **options)
    return httpx.Client(base_url=API, auth=auth, transport=httpx.MockTransport(server))


def test_the_token_request_is_client_credentials_with_basic_auth(server, clock):
    with authed(server, clock) as client:
        client.get("/books/7")

    (token_request,) = server.token_requests
    assert token_request.method == "POST"
    assert parse_qs(token_request.content.decode()) == {"grant_type": ["client_credentials"]}, (
        "the form body is grant_type=client_credentials, and nothing else: the secret goes in the Basic header"
    )
    assert token_request.headers["Authorization"] == "Basic " + base64.b64encode(f"{CLIENT_ID}:{SECRET}".encode()).decode()
    assert SECRET not in str(token_request.url), "a secret in the URL ends up in every proxy and access log"


def test_the_token_is_sent_as_a_bearer_and_reused(server, clock):
    with authed(server, clock) as client:
        client.get("/books/7")
        clock.now += 600
        client.get("/books/8")

    assert len(server.token_requests) == 1, "one token serves every request until it is about to expire"
    assert server.bearers() == ["Bearer tok-1", "Bearer tok-1"]


@pytest.mark.parametrize(
    ("margin", "wait", "tokens"),
    [(None, 3569, 1), (None, 3570, 2), (10.0, 3589, 1), (10.0, 3590, 2), (0.0, 3599, 1), (0.0, 3600, 2)],
    ids=[
        "default-30-just-before", "default-30-at-the-margin", "margin-10-just-before", "margin-10-at-the-margin",
        "margin-zero-before-expiry", "margin-zero-at-expiry",
    ],
)
def test_the_token_is_refreshed_before_it_expires(server, clock, margin, wait, tokens):
    options = {} if margin is None else {"refresh_margin": margin}
    with authed(server, clock, **options) as client:
        client.get("/books/7")
        clock.now += wait
        client.get("/books/7")

    assert len(server.issued) == tokens, (
        f"expires_in=3600, refresh_margin={30.0 if margin is None else margin}, {wait} s later: refresh when clock() >= expires_at - margin "
        "(and a margin of 0 is a margin, not 'use the default')"
    )
    assert server.bearers()[-1] == f"Bearer tok-{tokens}"


def test_the_lifetime_counts_from_when_the_token_was_asked_for(server, clock):
    server.token_delay = 20  # the token endpoint takes 20 s to answer
    with authed(server, clock, refresh_margin=0) as client:
        client.get("/books/7")  # asked at 5000, answered at 5020
        clock.now = 5000 + 3600
        client.get("/books/7")

    assert len(server.issued) == 2, "read sent_at = clock() BEFORE yielding the token request: expires_at = sent_at + expires_in"


def test_a_revoked_token_is_replaced_once(server, clock):
    server.api_answers = [401]
    with authed(server, clock) as client:
        response = client.get("/books/7")

    assert response.status_code == 200
    assert server.bearers() == ["Bearer tok-1", "Bearer tok-2"], "on a 401, fetch a new token and send the request again with it"


def test_a_second_401_is_the_answer_not_a_loop(server, clock):
    server.api_answers = [401, 401, 401]
    with authed(server, clock) as client:
        response = client.get("/books/7")

    assert response.status_code == 401
    assert len(server.api_requests) == 2 and len(server.issued) == 2, "one new token and one resend, never more"


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        ((401, {"error": "invalid_client"}), "token endpoint returned 401"),
        ((500, b"<html>oops</html>"), "token endpoint returned 500"),
        ((302, {"access_token": "tok", "expires_in": 3600}), "token endpoint returned 302"),
        ((201, {"access_token": "tok", "expires_in": 3600}), "token endpoint returned 201"),
        ((200, b"<html>login</html>"), "not JSON"),
        ((200, {"token_type": "Bearer", "expires_in": 3600}), "no usable access_token"),
        ((200, {"access_token": "", "expires_in": 3600}), "no usable access_token"),
        ((200, {"access_token": "tok", "expires_in": "3600"}), "no usable access_token"),
        ((200, {"access_token": "tok"}), "no usable access_token"),
        ((200, ["tok"]), "no usable access_token"),
    ],
    ids=["refused", "server-error", "redirect", "created", "html", "no-token", "empty-token", "lifetime-string", "no-lifetime", "not-an-object"],
)
def test_a_bad_token_answer_raises_auth_error(server, clock, answer, message):
    server.token_answer = answer
    with authed(server, clock) as client, pytest.raises(AuthError, match=message) as excinfo:
        client.get("/books/7")

    assert server.api_requests == [], "without a token nothing is sent to the API"
    assert SECRET not in str(excinfo.value)
    if answer[0] != 200:
        assert excinfo.value.status == answer[0]


def test_a_failed_token_fetch_keeps_nothing(server, clock):
    server.token_answer = (200, {"access_token": "", "expires_in": 3600})
    with authed(server, clock) as client:
        with pytest.raises(AuthError):
            client.get("/books/7")
        server.token_answer = None
        client.get("/books/7")

    assert server.bearers() == ["Bearer tok-1"], "store the token only after every check has passed"


def test_secrets_and_tokens_never_reach_the_logs_or_the_repr(server, clock, caplog):
    caplog.set_level("DEBUG")
    auth = ClientCredentialsAuth(TOKEN_URL, CLIENT_ID, SECRET, clock=clock)
    with httpx.Client(base_url=API, auth=auth, transport=httpx.MockTransport(server)) as client:
        client.get("/books/7")

    assert ("catalogkit.auth", "new access token for shop-frontend, valid for 3600 s") in [
        (record.name, record.getMessage()) for record in caplog.records
    ], "log it on the logger named catalogkit.auth"
    basic = base64.b64encode(f"{CLIENT_ID}:{SECRET}".encode()).decode()
    for secret in (SECRET, "tok-1", basic):
        assert secret not in caplog.text, f"{secret!r} was logged: logs are read by many people and kept for years"
    assert repr(auth) == f"ClientCredentialsAuth(token_url={TOKEN_URL!r}, client_id={CLIENT_ID!r})"
    assert SECRET not in repr(auth) and "tok-1" not in repr(auth)


# ================================================================ the client


class FakeCatalog(TokenServer):
    """The token endpoint plus a few Catalog API answers, keyed by (method, path)."""

    def __init__(self, clock):
        super().__init__(clock)
        self.routes = {}

    def __call__(self, request):
        if str(request.url) == TOKEN_URL:
            return super().__call__(request)
        self.api_requests.append(request)
        self.api_bearers.append(request.headers.get("Authorization"))
        status, body = self.routes.get((request.method, request.url.path), (404, {"error": "no such route"}))
        if callable(body):
            status, body = body(request)
        return httpx.Response(status, content=body if isinstance(body, bytes) else json.dumps(body).encode())


@pytest.fixture
def catalog(clock):
    return FakeCatalog(clock)


@pytest.fixture
def client(catalog, clock, sleeps):
    auth = ClientCredentialsAuth(TOKEN_URL, CLIENT_ID, SECRET, clock=clock)
    with CatalogClient(API, auth, transport=httpx.MockTransport(catalog), sleep=sleeps.append, now=lambda: NOW) as client:
        yield client


def test_get_book_returns_a_typed_book(catalog, client):
    catalog.routes[("GET", "/books/7")] = (200, DUNE)

    assert client.get_book(7) == DUNE_BOOK
    assert catalog.bearers() == ["Bearer tok-1"], "the client sends the auth's token"


def test_every_request_has_a_timeout(catalog, client):
    catalog.routes[("GET", "/books/7")] = (200, DUNE)

    client.get_book(7)

    timeouts = catalog.api_requests[0].extensions["timeout"]
    assert timeouts == {"connect": 3.0, "read": 10.0, "write": 10.0, "pool": 10.0}, (
        "pass timeout=DEFAULT_TIMEOUT to httpx.Client: without one a dead server hangs the caller for ever"
    )
    assert DEFAULT_TIMEOUT == httpx.Timeout(10.0, connect=3.0)


def test_search_sends_the_query_as_a_parameter(catalog, client):
    catalog.routes[("GET", "/books")] = (200, {"items": [DUNE, dict(DUNE, id=8, title="C++ & Rust")]})

    books = client.search_books("C++ & Rust #1")

    assert [book.title for book in books] == ["Dune", "C++ & Rust"]
    params = catalog.api_requests[0].url.params
    assert list(params.multi_items()) == [("q", "C++ & Rust #1")], (
        "pass params={'q': query}: a query built into the URL by hand turns '+' into a space, '&' into a "
        f"second parameter and '#' into a fragment (the server got {list(params.multi_items())})"
    )


@pytest.mark.parametrize("body", [{"results": []}, {"items": None}, [DUNE]], ids=["other-key", "items-null", "bare-list"])
def test_search_refuses_an_answer_without_an_items_list(catalog, client, body):
    catalog.routes[("GET", "/books")] = (200, body)

    with pytest.raises(ApiError, match="GET /books returned no items list"):
        client.search_books("dune")


def test_search_checks_every_book(catalog, client):
    catalog.routes[("GET", "/books")] = (200, {"items": [DUNE, dict(DUNE, price=9.99)]})

    with pytest.raises(ApiError, match="invalid book: price"):
        client.search_books("dune")


def test_create_book_posts_the_payload_with_its_idempotency_key(catalog, client, sleeps):
    answers = [(503, {}), (201, dict(DUNE, id=99))]
    catalog.routes[("POST", "/books")] = (None, lambda request: answers.pop(0))

    try:
        book = client.create_book("Dune", Decimal("9.99"), idempotency_key="order-41-line-1")
    except ApiError as exc:
        pytest.fail(
            "a POST with an Idempotency-Key that gets a 503 is retried: send the header, and build "
            f"self.http on a RetryTransport around the given transport ({exc})"
        )

    assert book.id == 99
    first, second = catalog.api_requests
    assert json.loads(first.content) == {"title": "Dune", "price": "9.99"}
    assert first.headers.get("Idempotency-Key") == "order-41-line-1"
    assert second.headers.get("Idempotency-Key") == "order-41-line-1", "the retry carries the same key"
    assert sleeps == [0.5], "the client's requests go through the RetryTransport"


def test_a_get_is_retried_through_the_client(catalog, client, sleeps):
    answers = [(429, {}), (200, DUNE)]
    catalog.routes[("GET", "/books/7")] = (None, lambda request: answers.pop(0))

    assert client.get_book(7) == DUNE_BOOK
    assert sleeps == [0.5]


@pytest.mark.parametrize(
    ("status", "method", "path", "call"),
    [
        (404, "GET", "/books/7", lambda c: c.get_book(7)),
        (500, "GET", "/books", lambda c: c.search_books("x")),
        (409, "POST", "/books", lambda c: c.create_book("Dune", Decimal("1"), idempotency_key="k")),
        (300, "GET", "/books/7", lambda c: c.get_book(7)),
        (199, "GET", "/books/7", lambda c: c.get_book(7)),
    ],
    ids=["not-found", "server-error", "conflict", "multiple-choices", "below-2xx"],
)
def test_a_non_2xx_answer_raises_api_error(catalog, client, status, method, path, call):
    catalog.routes[(method, path)] = (status, {"error": "nope"})

    with pytest.raises(ApiError, match=f"^{method} {path} returned {status}$") as excinfo:
        call(client)
        pytest.fail(f"a {status} is not the answer asked for: raise ApiError")
    assert excinfo.value.status == status


@pytest.mark.parametrize("status", [200, 201, 299], ids=["ok", "created", "last-2xx"])
def test_every_2xx_answer_is_read(catalog, client, status):
    catalog.routes[("GET", "/books/7")] = (status, DUNE)

    assert client.get_book(7) == DUNE_BOOK


def test_a_body_that_is_not_json_raises_api_error(catalog, client):
    catalog.routes[("GET", "/books/7")] = (200, b"<html>maintenance</html>")

    with pytest.raises(ApiError, match="GET /books/7 returned a body that is not JSON"):
        client.get_book(7)


def test_a_connection_failure_raises_api_error_from_it(clock, sleeps):
    def refuse(request):
        raise httpx.ConnectError("connection refused")

    auth = ClientCredentialsAuth(TOKEN_URL, CLIENT_ID, SECRET, clock=clock)
    with CatalogClient(API, auth, transport=httpx.MockTransport(refuse), sleep=sleeps.append, now=lambda: NOW) as client:
        with pytest.raises(ApiError, match="^POST /books failed: connection refused$") as excinfo:
            client.create_book("Dune", Decimal("9.99"), idempotency_key="k")

    assert isinstance(excinfo.value.__cause__, httpx.ConnectError), "chain it: raise ApiError(...) from exc"


def test_the_client_logs_each_answer_without_secrets(catalog, client, caplog):
    caplog.set_level("DEBUG")
    catalog.routes[("GET", "/books/7")] = (200, DUNE)

    client.get_book(7)

    assert ("catalogkit.client", "GET /books/7 -> 200") in [(record.name, record.getMessage()) for record in caplog.records]
    assert "tok-1" not in caplog.text and SECRET not in caplog.text


def test_without_a_transport_the_client_uses_a_real_one(clock, sleeps, monkeypatch):
    sent = []

    def refuse(self, request):  # stands in for the network: nothing leaves the machine
        sent.append(request.url.host)
        raise httpx.ConnectError("connection refused")

    monkeypatch.setattr(httpx.HTTPTransport, "handle_request", refuse)
    auth = ClientCredentialsAuth(TOKEN_URL, CLIENT_ID, SECRET, clock=clock)
    with CatalogClient(API, auth, sleep=sleeps.append, now=lambda: NOW) as client:
        with pytest.raises(ApiError, match="^GET /books/7 failed: connection refused$"):
            client.get_book(7)

    assert sent == ["auth.example.com"], "with no transport given, wrap a real httpx.HTTPTransport()"
    assert sleeps == [], "the token POST is not retried, so nothing waits"


def test_leaving_the_with_block_closes_the_client(catalog, clock):
    auth = ClientCredentialsAuth(TOKEN_URL, CLIENT_ID, SECRET, clock=clock)
    with CatalogClient(API, auth, transport=httpx.MockTransport(catalog)) as client:
        pass

    assert client.http.is_closed
