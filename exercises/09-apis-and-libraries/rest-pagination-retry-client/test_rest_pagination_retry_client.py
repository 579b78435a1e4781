from itertools import islice

import pytest
import requests
import responses
from responses import matchers

from rest_pagination_retry_client import ApiClient, ApiError, retry_delay

BOOKS = "https://api.example.com/books"
NO_QUERY = [matchers.query_param_matcher({})]  # so BOOKS does not also answer BOOKS?page=2


@pytest.fixture
def server():
    """Fake HTTP: requests made through `requests` are answered by the responses library.
    Several answers registered for one URL are given out in that order."""
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        yield mock


@pytest.fixture
def sleeps():
    """The delays the client asked to sleep for; nothing really sleeps."""
    return []


@pytest.fixture
def client(sleeps):
    return ApiClient(requests.Session(), sleep=sleeps.append)


def make_response(status=503, **headers):
    response = requests.Response()
    response.status_code = status
    response.headers.update(headers)
    return response


# ---------------------------------------------------------------- retry_delay


@pytest.mark.parametrize(("header", "expected"), [("2", 2), ("0", 0), ("120", 120)], ids=["two", "zero", "two-minutes"])
def test_retry_delay_honours_retry_after_seconds(header, expected):
    assert retry_delay(make_response(429, **{"Retry-After": header}), attempt=3, backoff=0.5) == expected


@pytest.mark.parametrize(("attempt", "expected"), [(0, 0.5), (1, 1.0), (2, 2.0), (3, 4.0)], ids=["first", "second", "third", "fourth"])
def test_retry_delay_doubles_the_back_off_with_each_attempt(attempt, expected):
    assert retry_delay(make_response(503), attempt=attempt, backoff=0.5) == expected


@pytest.mark.parametrize(
    "header",
    ["1.5", "-1", "Wed, 21 Oct 2015 07:28:00 GMT", "", "\u00b2", "\u0663"],
    ids=["fraction", "negative", "http-date", "empty", "superscript-two", "arabic-indic-three"],
)
def test_retry_delay_falls_back_to_back_off_for_other_retry_after_values(header):
    assert retry_delay(make_response(503, **{"Retry-After": header}), attempt=1, backoff=0.25) == 0.5


# ---------------------------------------------------------------- get_json


def test_get_json_returns_the_decoded_body_and_sets_a_timeout(server, sleeps):
    server.get(BOOKS, json={"items": [], "next": None})

    assert ApiClient(requests.Session(), timeout=4, sleep=sleeps.append).get_json(BOOKS) == {"items": [], "next": None}
    assert server.calls[0].request.req_kwargs["timeout"] == 4, "pass timeout=self.timeout to session.get"
    assert sleeps == []


def test_get_json_retries_a_503_after_backing_off(server, client, sleeps):
    server.get(BOOKS, status=503)
    server.get(BOOKS, json={"ok": True})

    assert client.get_json(BOOKS) == {"ok": True}
    assert len(server.calls) == 2
    assert sleeps == [0.5]


def test_get_json_waits_as_long_as_retry_after_says(server, client, sleeps):
    server.get(BOOKS, status=429, headers={"Retry-After": "3"})
    server.get(BOOKS, json={"ok": True})

    assert client.get_json(BOOKS) == {"ok": True}
    assert sleeps == [3], "a 429 with Retry-After: 3 means: wait 3 seconds"


def test_get_json_backs_off_exponentially(server, client, sleeps):
    for _ in range(3):
        server.get(BOOKS, status=503)
    server.get(BOOKS, json={"ok": True})

    assert client.get_json(BOOKS) == {"ok": True}
    assert sleeps == [0.5, 1.0, 2.0], "the first retry waits backoff, then the wait doubles"


def test_get_json_gives_up_after_max_retries(server, client, sleeps):
    server.get(BOOKS, status=503)  # the last registered answer repeats forever

    with pytest.raises(ApiError, match="returned 503") as excinfo:
        client.get_json(BOOKS)

    assert excinfo.value.status == 503
    assert len(server.calls) == 4, f"max_retries=3 allows 4 requests in all, not {len(server.calls)}"
    assert sleeps == [0.5, 1.0, 2.0], "no sleep after the last attempt: nothing comes after it"


def test_get_json_with_max_retries_zero_tries_once(server, sleeps):
    server.get(BOOKS, status=429)

    with pytest.raises(ApiError, match="returned 429"):
        ApiClient(requests.Session(), max_retries=0, sleep=sleeps.append).get_json(BOOKS)

    assert len(server.calls) == 1
    assert sleeps == []


@pytest.mark.parametrize(
    "status", [400, 404, 500, 501, 502], ids=["bad-request", "not-found", "server-error", "not-implemented", "bad-gateway"]
)
def test_get_json_does_not_retry_other_errors(server, client, sleeps, status):
    server.get(BOOKS, status=status, json={"error": "nope"})

    with pytest.raises(ApiError, match=f"GET {BOOKS} returned {status}") as excinfo:
        client.get_json(BOOKS)

    assert excinfo.value.status == status
    assert len(server.calls) == 1, "retrying cannot fix a 4xx, and only 429/503 say 'try again later'"
    assert sleeps == []


def test_get_json_reports_a_body_that_is_not_json(server, client):
    server.get(BOOKS, body="<html>maintenance</html>", content_type="text/html")

    with pytest.raises(ApiError, match="not JSON"):
        client.get_json(BOOKS)


def test_get_json_wraps_a_connection_error(server, client):
    server.get(BOOKS, body=requests.ConnectionError("connection refused"))

    with pytest.raises(ApiError, match="failed: connection refused") as excinfo:
        client.get_json(BOOKS)

    assert isinstance(excinfo.value.__cause__, requests.ConnectionError), "chain it: raise ApiError(...) from exc"


def test_a_negative_max_retries_is_refused():
    with pytest.raises(ValueError, match="max_retries must not be negative"):
        ApiClient(requests.Session(), max_retries=-1)


# ---------------------------------------------------------------- iter_items


def test_iter_items_follows_next_links_through_every_page(server, client):
    server.get(BOOKS, json={"items": [1, 2], "next": f"{BOOKS}?page=2"}, match=NO_QUERY)
    server.get(f"{BOOKS}?page=2", json={"items": [3, 4], "next": "?page=3"})
    server.get(f"{BOOKS}?page=3", json={"items": [5], "next": "/books?page=4"})
    server.get(f"{BOOKS}?page=4", json={"items": [6], "next": None})

    assert list(client.iter_items(BOOKS)) == [1, 2, 3, 4, 5, 6], (
        "follow absolute and relative next links alike: urljoin(current_url, next)"
    )


def test_iter_items_fetches_a_page_only_when_its_items_are_needed(server, client):
    server.get(BOOKS, json={"items": ["a", "b"], "next": f"{BOOKS}?page=2"}, match=NO_QUERY)
    server.get(f"{BOOKS}?page=2", json={"items": ["c"], "next": None})

    items = client.iter_items(BOOKS)
    assert len(server.calls) == 0, "calling iter_items must not fetch anything yet: make it a generator"
    assert next(items) == "a"
    assert next(items) == "b"
    assert len(server.calls) == 1, "page 2 is fetched only when the items of page 1 are used up"
    assert list(items) == ["c"]


@pytest.mark.parametrize(
    "page",
    [{"items": [], "next": None}, {"items": []}, {"items": [], "next": ""}],
    ids=["next-null", "next-missing", "next-empty"],
)
def test_iter_items_of_an_empty_collection_is_empty(server, client, page):
    server.get(BOOKS, json=page)

    assert list(client.iter_items(BOOKS)) == []
    assert len(server.calls) == 1


def test_iter_items_retries_a_busy_page(server, client, sleeps):
    server.get(BOOKS, json={"items": [1], "next": f"{BOOKS}?page=2"}, match=NO_QUERY)
    server.get(f"{BOOKS}?page=2", status=503, headers={"Retry-After": "1"})
    server.get(f"{BOOKS}?page=2", json={"items": [2], "next": None})

    assert list(client.iter_items(BOOKS)) == [1, 2]
    assert sleeps == [1], "fetch every page with get_json so it gets the retries too"


def test_iter_items_stops_a_pagination_loop(server, client):
    server.get(BOOKS, json={"items": [1], "next": f"{BOOKS}?page=2"}, match=NO_QUERY)
    server.get(f"{BOOKS}?page=2", json={"items": [2], "next": BOOKS})
    # A second visit to page 1 gets "508 Loop Detected", so a client that does not notice cannot run forever.
    server.get(BOOKS, status=508, match=NO_QUERY)

    with pytest.raises(ApiError) as excinfo:
        list(islice(client.iter_items(BOOKS), 10))

    assert "pagination loop" in str(excinfo.value), (
        f"page 2 links back to page 1: stop with ApiError('pagination loop: ...') instead of fetching "
        f"page 1 again (the client fetched it again and got: {excinfo.value})"
    )


@pytest.mark.parametrize("status", [199, 300, 304], ids=["below-2xx", "multiple-choices", "not-modified"])
def test_get_json_refuses_a_status_outside_2xx(server, client, status):
    server.get(BOOKS, status=status, json={"items": []} if status == 300 else None)  # 1xx and 304 have no body

    with pytest.raises(ApiError, match=f"GET {BOOKS} returned {status}") as excinfo:
        client.get_json(BOOKS)
        pytest.fail(f"only a 2xx answer carries the JSON asked for; response.ok is True for a {status} too")

    assert excinfo.value.status == status


@pytest.mark.parametrize("status", [200, 203, 299], ids=["ok", "non-authoritative", "last-2xx"])
def test_get_json_accepts_every_2xx_status(server, client, status):
    server.get(BOOKS, status=status, json={"items": []})

    assert client.get_json(BOOKS) == {"items": []}


def test_the_default_timeout_is_10_seconds(server, client):
    server.get(BOOKS, json={})

    client.get_json(BOOKS)

    assert server.calls[0].request.req_kwargs["timeout"] == 10


def test_a_back_off_of_zero_is_kept(server, sleeps):
    server.get(BOOKS, status=503)
    server.get(BOOKS, status=503)
    server.get(BOOKS, json={"ok": True})

    assert ApiClient(requests.Session(), backoff=0, sleep=sleeps.append).get_json(BOOKS) == {"ok": True}
    assert sleeps == [0, 0], "backoff=0 means do not wait; `backoff or 0.5` would wait anyway"


def test_iter_items_goes_on_after_a_page_without_items(server, client):
    server.get(BOOKS, json={"items": [1], "next": f"{BOOKS}?page=2"}, match=NO_QUERY)
    server.get(f"{BOOKS}?page=2", json={"items": [], "next": f"{BOOKS}?page=3"})
    server.get(f"{BOOKS}?page=3", json={"items": [3], "next": None})

    assert list(client.iter_items(BOOKS)) == [1, 3], "an empty page with a next link is not the last page: only next ends it"


def test_iter_items_resolves_next_against_the_page_it_came_from(server, client):
    server.get(BOOKS, json={"items": [1], "next": "https://api.example.com/books/pages/2"}, match=NO_QUERY)
    server.get("https://api.example.com/books/pages/2", json={"items": [2], "next": "3"})
    server.get("https://api.example.com/books/pages/3", json={"items": [3], "next": "../archive/1"})
    server.get("https://api.example.com/books/archive/1", json={"items": [4], "next": "//api.example.com/books/last"})
    server.get("https://api.example.com/books/last", json={"items": [5], "next": None})

    assert list(client.iter_items(BOOKS)) == [1, 2, 3, 4, 5], (
        "'3' on .../books/pages/2 is .../books/pages/3, '../archive/1' climbs one folder, '//host/path' keeps "
        "the scheme: urljoin(URL of the current page, next), not the first URL or the site root"
    )


def test_iter_items_stops_a_loop_back_to_a_page_in_the_middle(server, client):
    server.get(BOOKS, json={"items": [1], "next": f"{BOOKS}?page=2"}, match=NO_QUERY)
    server.get(f"{BOOKS}?page=2", json={"items": [2], "next": "?page=3"})
    server.get(f"{BOOKS}?page=3", json={"items": [3], "next": "?page=2"})
    server.get(f"{BOOKS}?page=2", status=508)  # a second visit to page 2 gets "508 Loop Detected"

    with pytest.raises(ApiError) as excinfo:
        list(islice(client.iter_items(BOOKS), 10))

    assert "pagination loop" in str(excinfo.value), (
        "page 3 links back to page 2: remember EVERY page fetched, not only the first or the previous one "
        f"(the client fetched page 2 again and got: {excinfo.value})"
    )
    assert len(server.calls) == 3, "stop before fetching page 2 a second time"


@pytest.mark.parametrize(
    "next_link",
    [
        "https://api.example.com.evil.org/books?page=2",
        "https://evil-api.example.com/books?page=2",
        "https://api.example.com@evil.org/books?page=2",
        "//evil.org/books?page=2",
        "http://api.example.com/books?page=2",
        "https://api.example.com:8443/books?page=2",
    ],
    ids=["host-as-prefix", "look-alike-host", "userinfo-trick", "scheme-relative-elsewhere", "https-to-http", "other-port"],
)
def test_iter_items_does_not_follow_next_off_the_api(server, client, next_link):
    server.get(BOOKS, json={"items": [1], "next": next_link}, match=NO_QUERY)

    items = client.iter_items(BOOKS)
    assert next(items) == 1
    with pytest.raises(ApiError, match="pagination leaves the API"):
        next(items)
        pytest.fail(f"{next_link!r} is not https://api.example.com: compare urlsplit(...) scheme, hostname and port, not a prefix")

    assert len(server.calls) == 1, "nothing may be sent off the API"


def test_iter_items_treats_host_names_case_insensitively(server, client):
    server.get(BOOKS, json={"items": [1], "next": "https://API.Example.com/books?page=2"}, match=NO_QUERY)
    server.get(f"{BOOKS}?page=2", json={"items": [2], "next": None})

    assert list(client.iter_items(BOOKS)) == [1, 2], "API.Example.com is api.example.com: host names ignore case"
