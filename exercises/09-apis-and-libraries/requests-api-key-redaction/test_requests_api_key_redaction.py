import logging

import pytest
import requests
import responses

from requests_api_key_redaction import ApiKeyAuth, ApiKeySession, RedactingFilter, load_api_key, origin

KEY = "ck_live_9fQ2xZ7pL1"
API = "https://api.example.com"


@pytest.fixture
def server():
    """Fake HTTP for requests: answers what the test registers, records every call."""
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        yield mock


@pytest.fixture
def session():
    with ApiKeySession(KEY, API) as session:
        yield session


def sent_key(call):
    return call.request.headers.get("X-Api-Key")


# ---------------------------------------------------------------- load_api_key


@pytest.mark.parametrize("value", [KEY, f"{KEY}\n", f"  {KEY}\t"], ids=["plain", "trailing-newline", "spaces-around"])
def test_load_api_key_reads_the_environment(monkeypatch, value):
    monkeypatch.setenv("CATALOG_API_KEY", value)

    assert load_api_key() == KEY, "strip the spaces and newline around the key: a key pasted from a file ends in \\n"


def test_load_api_key_reads_a_given_mapping():
    assert load_api_key({"CATALOG_API_KEY": KEY}) == KEY


@pytest.mark.parametrize("environ", [{}, {"CATALOG_API_KEY": ""}, {"CATALOG_API_KEY": " \n"}], ids=["missing", "empty", "blank"])
def test_load_api_key_refuses_a_missing_key(environ):
    with pytest.raises(RuntimeError, match="^CATALOG_API_KEY is not set$"):
        load_api_key(environ)


# ---------------------------------------------------------------- origin


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://api.example.com/books", ("https", "api.example.com", 443)),
        ("https://API.Example.com:443/x", ("https", "api.example.com", 443)),
        ("HTTP://api.example.com", ("http", "api.example.com", 80)),
        ("https://api.example.com:8443/", ("https", "api.example.com", 8443)),
        ("https://user@evil.org/", ("https", "evil.org", 443)),
        ("ftp://files.example.com/", ("ftp", "files.example.com", None)),
    ],
    ids=["default-port", "upper-case-and-explicit-443", "upper-case-scheme", "other-port", "userinfo", "unknown-scheme"],
)
def test_origin_is_scheme_host_and_port(url, expected):
    assert origin(url) == expected


# ---------------------------------------------------------------- ApiKeyAuth and ApiKeySession


def test_the_key_is_sent_in_the_header_to_the_api(server, session):
    server.get(f"{API}/books", json=[])

    session.get(f"{API}/books?page=2", timeout=10)

    (call,) = server.calls
    assert sent_key(call) == KEY
    assert KEY not in call.request.url, "the key goes in the X-Api-Key header, never in the URL (URLs are logged everywhere)"


@pytest.mark.parametrize(
    "url",
    ["https://api.example.com:443/books", "https://API.EXAMPLE.COM/books"],
    ids=["explicit-default-port", "upper-case-host"],
)
def test_the_same_origin_written_differently_gets_the_key(server, session, url):
    server.get(url, json=[])

    session.get(url, timeout=10)
    assert sent_key(server.calls[0]) == KEY


@pytest.mark.parametrize(
    "url",
    [
        "https://api.example.com.evil.org/books",
        "https://evil.org/api.example.com",
        "https://api.example.com@evil.org/books",
        "http://api.example.com/books",
        "https://api.example.com:8443/books",
        "https://example.com/books",
    ],
    ids=["host-as-prefix", "host-in-the-path", "userinfo-trick", "plain-http", "other-port", "parent-domain"],
)
def test_the_key_is_never_sent_to_another_origin(server, session, url):
    server.get(url, json=[])

    session.get(url, timeout=10)
    assert sent_key(server.calls[0]) is None, (
        f"{url} is not {API}: compare (scheme, host, port) exactly, not with startswith or `in`"
    )


def test_a_redirect_to_another_host_does_not_carry_the_key(server, session):
    server.get(f"{API}/exports/7", status=302, headers={"Location": "https://cdn.example.net/exports/7.csv"})
    server.get("https://cdn.example.net/exports/7.csv", body="id,title\n")

    response = session.get(f"{API}/exports/7", timeout=10)

    assert response.text == "id,title\n"
    first, second = server.calls
    assert sent_key(first) == KEY
    assert sent_key(second) is None, (
        "requests copies the first request's headers onto a redirect and drops only Authorization: "
        "override rebuild_auth to drop X-Api-Key when the redirect leaves the API's origin"
    )


def test_a_redirect_to_another_host_still_drops_authorization(server, session):
    server.get(f"{API}/exports/7", status=302, headers={"Location": "https://cdn.example.net/exports/7.csv"})
    server.get("https://cdn.example.net/exports/7.csv", body="id,title\n")

    session.get(f"{API}/exports/7", headers={"Authorization": "Bearer user-token"}, timeout=10)

    assert server.calls[1].request.headers.get("Authorization") is None, (
        "call super().rebuild_auth(...) first: it is what drops Authorization when a redirect leaves the host"
    )


def test_a_redirect_that_downgrades_to_http_does_not_carry_the_key(server, session):
    server.get(f"{API}/old", status=301, headers={"Location": "http://api.example.com/new"})
    server.get("http://api.example.com/new", json=[])

    session.get(f"{API}/old", timeout=10)
    assert sent_key(server.calls[1]) is None, "plain http is another origin: the key would cross the network readable"


def test_a_redirect_inside_the_api_keeps_the_key(server, session):
    server.get(f"{API}/v1/books", status=308, headers={"Location": "/v2/books"})
    server.get(f"{API}/v2/books", json=[])

    session.get(f"{API}/v1/books", timeout=10)
    assert [sent_key(call) for call in server.calls] == [KEY, KEY], "a redirect within the API's origin still needs the key"


def test_the_auth_can_be_used_on_its_own(server):
    server.get(f"{API}/books", json=[])
    server.get("https://elsewhere.example.org/", json=[])

    auth = ApiKeyAuth(KEY, API)
    requests.get(f"{API}/books", auth=auth, timeout=10)
    requests.get("https://elsewhere.example.org/", auth=auth, timeout=10)

    assert [sent_key(call) for call in server.calls] == [KEY, None]


def test_the_repr_shows_at_most_the_last_four_characters():
    text = repr(ApiKeyAuth(KEY, API))

    assert text == "ApiKeyAuth(origin='https://api.example.com:443', key='...7pL1')"
    assert KEY not in text


# ---------------------------------------------------------------- RedactingFilter


@pytest.fixture
def logger():
    logger = logging.getLogger("catalog.test_redaction")
    filters = list(logger.filters)
    yield logger
    logger.filters[:] = filters


def test_the_filter_redacts_a_secret_in_the_arguments(logger, caplog):
    logger.addFilter(RedactingFilter([KEY]))
    caplog.set_level(logging.INFO, logger=logger.name)

    logger.info("calling %s with key %s", API, KEY)
    logger.info("headers: %s", {"X-Api-Key": KEY, "Accept": "application/json"})
    logger.info(f"pre-formatted {KEY}!")

    assert caplog.messages == [
        f"calling {API} with key [REDACTED]",
        "headers: {'X-Api-Key': '[REDACTED]', 'Accept': 'application/json'}",
        "pre-formatted [REDACTED]!",
    ], "redact the FINAL message (record.getMessage()): a secret passed as a %s argument is not in record.msg"
    assert KEY not in caplog.text


def test_the_filter_keeps_every_record(logger, caplog):
    logger.addFilter(RedactingFilter([KEY]))
    caplog.set_level(logging.DEBUG, logger=logger.name)

    logger.debug("nothing secret here: %d items", 3)

    assert caplog.messages == ["nothing secret here: 3 items"], "return True: the filter changes records, it does not drop them"


def test_the_filter_redacts_the_longer_secret_first(logger, caplog):
    short, long = "sk_live_123", "sk_live_123456789"
    logger.addFilter(RedactingFilter([short, long]))
    caplog.set_level(logging.INFO, logger=logger.name)

    logger.info("keys %s and %s", long, short)

    assert caplog.messages == ["keys [REDACTED] and [REDACTED]"], (
        "replace longer secrets first: replacing the short one first leaves '[REDACTED]456789' visible"
    )


def test_an_empty_secret_is_ignored(logger, caplog):
    logger.addFilter(RedactingFilter(["", KEY]))
    caplog.set_level(logging.INFO, logger=logger.name)

    logger.info("ok %s", KEY)

    assert caplog.messages == ["ok [REDACTED]"], "'' is in every string: replacing it would put [REDACTED] between every letter"
