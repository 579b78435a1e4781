import asyncio
import json

import httpx
import pytest

from httpx_etag_conditional_cache import ApiError, JsonCache, get_json, get_json_async, max_age

BASE = "https://api.example.com"
DUNE = {"title": "Dune", "tags": ["sf"]}


class FakeClock:
    """A clock the test moves by hand: `clock.now += 60` is one minute later, without waiting."""

    def __init__(self, now=1000.0):
        self.now = now

    def __call__(self):
        return self.now


class FakeApi:
    """An httpx handler: answers the queued responses in order and records every request."""

    def __init__(self):
        self.answers = []
        self.requests = []

    def answer(self, status=200, body=None, **headers):
        headers = {name.replace("_", "-"): value for name, value in headers.items()}
        content = b"" if body is None else json.dumps(body).encode()
        self.answers.append((status, headers, content))

    def __call__(self, request):
        self.requests.append(request)
        assert self.answers, f"unexpected request: {request.method} {request.url} (the cached answer was still usable)"
        status, headers, content = self.answers.pop(0)
        return httpx.Response(status, headers=headers, content=content)

    def sent_if_none_match(self):
        return [request.headers.get("If-None-Match") for request in self.requests]


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def cache(clock):
    return JsonCache(clock=clock)


@pytest.fixture
def api():
    return FakeApi()


@pytest.fixture
def client(api):
    with httpx.Client(base_url=BASE, transport=httpx.MockTransport(api)) as client:
        yield client


# ---------------------------------------------------------------- max_age


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("max-age=60", 60),
        ("public, max-age=3600", 3600),
        ("Max-Age=60", 60),
        ("private ,  max-age=5 , must-revalidate", 5),
        ("max-age=0", 0),
    ],
    ids=["alone", "after-public", "upper-case-name", "spaces-around", "zero"],
)
def test_max_age_reads_the_directive(header, expected):
    assert max_age(header) == expected


@pytest.mark.parametrize(
    "header",
    ["", "public", "max-age=60, no-cache", "No-Cache, max-age=60", "x-max-age=100", "s-maxage=100",
     "max-age=60s", "max-age=-1", "max-age=", "max-age=٦٠", "max-age"],
    ids=["empty", "no-max-age", "no-cache", "no-cache-first-upper", "x-max-age-extension", "s-maxage",
         "unit-suffix", "negative", "empty-value", "arabic-indic-digits", "no-value"],
)
def test_max_age_is_zero_unless_a_whole_max_age_is_given(header):
    assert max_age(header) == 0, (
        f"{header!r}: only a directive NAMED max-age (compare whole names, not a regex search) with ASCII digits "
        "counts, and no-cache means revalidate every time"
    )


# ---------------------------------------------------------------- freshness


def test_a_fresh_answer_is_served_without_a_request(api, client, cache, clock):
    api.answer(200, DUNE, ETag='"v1"', Cache_Control="max-age=60")

    assert get_json(client, cache, "/books/1") == DUNE
    clock.now += 59
    assert get_json(client, cache, "/books/1") == DUNE
    assert len(api.requests) == 1, "within max-age the stored answer is used as is: no request at all"


def test_an_answer_is_stale_at_exactly_max_age(api, client, cache, clock):
    api.answer(200, DUNE, ETag='"v1"', Cache_Control="max-age=60")
    api.answer(304, ETag='"v1"')

    get_json(client, cache, "/books/1")
    clock.now += 60
    assert get_json(client, cache, "/books/1") == DUNE
    assert len(api.requests) == 2, "fresh means age < max-age: at exactly 60 s it must be revalidated"


def test_freshness_counts_from_when_the_request_was_sent(api, cache, clock):
    def slow_api(request):
        clock.now += 10  # the answer takes 10 s to arrive
        return api(request)

    api.answer(200, DUNE, ETag='"v1"', Cache_Control="max-age=60")
    api.answer(304)
    with httpx.Client(base_url=BASE, transport=httpx.MockTransport(slow_api)) as client:
        get_json(client, cache, "/books/1")  # sent at 1000, arrived at 1010
        clock.now = 1000 + 61
        get_json(client, cache, "/books/1")

    assert len(api.requests) == 2, (
        "the server's 60 s started when it answered, so read sent_at = cache.clock() BEFORE client.get: "
        "counting from the arrival keeps a stale answer 10 s too long"
    )


def test_a_stale_answer_is_revalidated_with_its_etag_exactly(api, client, cache, clock):
    api.answer(200, DUNE, ETag='W/"v1-gzip"', Cache_Control="max-age=60")
    api.answer(304)

    get_json(client, cache, "/books/1")
    clock.now += 61
    assert get_json(client, cache, "/books/1") == DUNE, "a 304 has no body: return the stored one"
    assert api.sent_if_none_match() == [None, 'W/"v1-gzip"'], (
        "send If-None-Match with the ETag exactly as the server wrote it, W/ prefix and quotes included"
    )


def test_a_304_renews_freshness_with_its_own_max_age(api, client, cache, clock):
    api.answer(200, DUNE, ETag='"v1"', Cache_Control="max-age=60")
    api.answer(304, Cache_Control="max-age=300")

    get_json(client, cache, "/books/1")
    clock.now += 100
    get_json(client, cache, "/books/1")  # revalidated at 1100, fresh for 300 s now
    clock.now += 299
    assert get_json(client, cache, "/books/1") == DUNE
    assert len(api.requests) == 2, "after a 304 the answer is fresh again, for the 304's max-age, from its sent_at"


def test_a_304_without_cache_control_keeps_the_stored_max_age(api, client, cache, clock):
    api.answer(200, DUNE, ETag='"v1"', Cache_Control="max-age=60")
    api.answer(304)

    get_json(client, cache, "/books/1")
    clock.now += 100
    get_json(client, cache, "/books/1")
    clock.now += 59
    get_json(client, cache, "/books/1")
    assert len(api.requests) == 2, "a 304 with no Cache-Control renews the entry for the max-age it already had"
    api.answer(304)
    clock.now += 1
    get_json(client, cache, "/books/1")
    assert len(api.requests) == 3, "60 s after the revalidation the entry is stale again: max-age is still 60"


def test_a_304_with_no_cache_makes_every_use_ask_again(api, client, cache, clock):
    api.answer(200, DUNE, ETag='"v1"', Cache_Control="max-age=60")
    api.answer(304, Cache_Control="no-cache")
    api.answer(304)

    get_json(client, cache, "/books/1")
    clock.now += 61
    get_json(client, cache, "/books/1")
    get_json(client, cache, "/books/1")
    assert len(api.requests) == 3, "the 304's Cache-Control replaces the stored one, even when it says max-age 0"


def test_a_new_200_replaces_the_stored_answer_and_etag(api, client, cache, clock):
    api.answer(200, DUNE, ETag='"v1"', Cache_Control="max-age=0")
    api.answer(200, {"title": "Dune Messiah"}, ETag='"v2"', Cache_Control="max-age=0")
    api.answer(304)

    assert get_json(client, cache, "/books/1") == DUNE
    assert get_json(client, cache, "/books/1") == {"title": "Dune Messiah"}
    assert get_json(client, cache, "/books/1") == {"title": "Dune Messiah"}, "the 304 confirms the NEW body"
    assert api.sent_if_none_match() == [None, '"v1"', '"v2"']


def test_an_answer_without_etag_or_max_age_is_fetched_again_plainly(api, client, cache):
    api.answer(200, DUNE)
    api.answer(200, DUNE)

    get_json(client, cache, "/books/1")
    get_json(client, cache, "/books/1")
    assert api.sent_if_none_match() == [None, None], "without an ETag there is nothing to revalidate with"


def test_no_store_keeps_nothing_and_drops_the_old_entry(api, client, cache, clock):
    api.answer(200, DUNE, ETag='"v1"', Cache_Control="max-age=60")
    api.answer(200, {"balance": 10}, ETag='"v2"', Cache_Control="no-store, max-age=60")
    api.answer(200, {"balance": 12}, ETag='"v3"', Cache_Control="max-age=60")

    get_json(client, cache, "/books/1")
    clock.now += 61
    assert get_json(client, cache, "/books/1") == {"balance": 10}
    assert get_json(client, cache, "/books/1") == {"balance": 12}, "no-store: keep nothing, not even for max-age=60"
    assert api.sent_if_none_match() == [None, '"v1"', None], (
        "after a no-store answer the old entry is gone too: nothing to revalidate"
    )


def test_each_url_has_its_own_entry(api, client, cache):
    api.answer(200, {"page": 1}, ETag='"p1"', Cache_Control="max-age=60")
    api.answer(200, {"page": 2}, ETag='"p2"', Cache_Control="max-age=60")

    assert get_json(client, cache, "/books?page=1") == {"page": 1}
    assert get_json(client, cache, "/books?page=2") == {"page": 2}, "the whole URL, query included, is the key"
    assert get_json(client, cache, "/books?page=1") == {"page": 1}
    assert len(api.requests) == 2


def test_changing_a_returned_body_does_not_change_the_cache(api, client, cache):
    api.answer(200, DUNE, ETag='"v1"', Cache_Control="max-age=60")

    first = get_json(client, cache, "/books/1")
    first["title"] = "changed by a caller"
    first["tags"].append("oops")
    second = get_json(client, cache, "/books/1")
    second["tags"].clear()

    assert get_json(client, cache, "/books/1") == DUNE, (
        "decode the stored bytes on every lookup: handing out one shared dict lets any caller change the cache"
    )


# ---------------------------------------------------------------- errors


@pytest.mark.parametrize(
    "status",
    [404, 500, 503, 301, 300, 199],
    ids=["not-found", "server-error", "unavailable", "redirect", "multiple-choices", "below-2xx"],
)
def test_an_error_raises_and_leaves_the_cache_as_it_was(api, client, cache, clock, status):
    api.answer(200, DUNE, ETag='"v1"', Cache_Control="max-age=60")
    api.answer(status, {"error": "nope"}, Cache_Control="max-age=600")
    api.answer(304)

    get_json(client, cache, "/books/1")
    clock.now += 61
    with pytest.raises(ApiError, match=f"GET /books/1 returned {status}") as excinfo:
        get_json(client, cache, "/books/1")
        pytest.fail(f"only a 2xx (or a 304 for a stored entry) is an answer; {status} must raise ApiError")
    assert excinfo.value.status == status
    try:
        assert get_json(client, cache, "/books/1") == DUNE
    except ApiError as exc:
        pytest.fail(f"an error answer must leave the stored entry as it was, so the next 304 can use it ({exc})")
    assert api.sent_if_none_match() == [None, '"v1"', '"v1"'], "an error answer must not replace the stored entry"


def test_a_304_for_nothing_cached_is_an_error(api, client, cache):
    api.answer(304)

    with pytest.raises(ApiError, match="returned 304 for nothing in the cache") as excinfo:
        get_json(client, cache, "/books/1")
    assert excinfo.value.status == 304


@pytest.mark.parametrize("status", [200, 203, 299], ids=["ok", "non-authoritative", "last-2xx"])
def test_every_2xx_is_stored(api, client, cache, status):
    api.answer(status, DUNE, Cache_Control="max-age=60")

    assert get_json(client, cache, "/books/1") == DUNE
    assert get_json(client, cache, "/books/1") == DUNE
    assert len(api.requests) == 1


# ---------------------------------------------------------------- lookup, update and async


def test_lookup_tells_what_to_do(api, cache, clock):
    assert cache.lookup("/books/1") == (False, None, {})
    response = httpx.Response(200, headers={"ETag": '"v1"', "Cache-Control": "max-age=60"}, json=DUNE)
    assert cache.update("/books/1", response, sent_at=clock.now) == DUNE
    assert cache.lookup("/books/1") == (True, DUNE, {})
    clock.now += 60
    assert cache.lookup("/books/1") == (False, None, {"If-None-Match": '"v1"'})


def test_the_async_client_uses_the_same_cache(api, cache, clock):
    api.answer(200, DUNE, ETag='"v1"', Cache_Control="max-age=60")
    api.answer(304)

    async def main():
        async with httpx.AsyncClient(base_url=BASE, transport=httpx.MockTransport(api)) as client:
            first = await get_json_async(client, cache, "/books/1")
            second = await get_json_async(client, cache, "/books/1")
            clock.now += 60
            third = await get_json_async(client, cache, "/books/1")
            return first, second, third

    assert asyncio.run(main()) == (DUNE, DUNE, DUNE)
    assert api.sent_if_none_match() == [None, '"v1"'], "fresh: no request; stale: If-None-Match, then the 304's body"
