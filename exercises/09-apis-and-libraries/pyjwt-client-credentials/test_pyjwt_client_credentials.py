import base64
import json
import time
from urllib.parse import parse_qsl

import jwt
import pytest
import requests
import responses

from pyjwt_client_credentials import (
    ClientCredentials,
    TokenError,
    issue_access_token,
    verify_access_token,
)

KEY = "a-shared-secret-of-at-least-32-bytes!"
ISSUER = "https://auth.example.com"
AUDIENCE = "reports-api"
TOKEN_URL = "https://auth.example.com/oauth/token"
CLIENT_ID = "reports-service"
CLIENT_SECRET = "s3cret"


def now():
    return int(time.time())


# ---------------------------------------------------------------- PyJWT: issue and verify


def test_an_issued_token_verifies_with_all_its_claims():
    issued_at = now()
    token = issue_access_token(KEY, subject="reports-service", audience=AUDIENCE, issuer=ISSUER, lifetime=120, now=issued_at)

    claims = verify_access_token(token, KEY, audience=AUDIENCE, issuer=ISSUER)

    assert claims == {
        "iss": ISSUER,
        "sub": "reports-service",
        "aud": AUDIENCE,
        "iat": issued_at,
        "exp": issued_at + 120,
    }


def test_issue_access_token_uses_the_current_time_by_default():
    before = now()
    claims = jwt.decode(
        issue_access_token(KEY, subject="s", audience=AUDIENCE, issuer=ISSUER), KEY, algorithms=["HS256"], audience=AUDIENCE
    )

    assert before <= claims["iat"] <= now()
    assert claims["exp"] == claims["iat"] + 300, "the default lifetime is 300 seconds"


@pytest.mark.parametrize(("issued_at", "lifetime"), [(0, 300), (1_700_000_000, 0)], ids=["now-is-zero", "lifetime-is-zero"])
def test_issue_access_token_takes_zero_as_a_value(issued_at, lifetime):
    token = issue_access_token(KEY, subject="s", audience=AUDIENCE, issuer=ISSUER, lifetime=lifetime, now=issued_at)

    claims = jwt.decode(token, KEY, algorithms=["HS256"], audience=AUDIENCE, options={"verify_exp": False})

    assert (claims["iat"], claims["exp"]) == (issued_at, issued_at + lifetime), (
        "0 is a value, not 'not given': test `now is None`, never `now or time.time()` / `lifetime or 300`"
    )


def test_issue_access_token_adds_the_scope_only_when_given():
    with_scope = issue_access_token(KEY, subject="s", audience=AUDIENCE, issuer=ISSUER, scope="reports:read reports:write")
    without = issue_access_token(KEY, subject="s", audience=AUDIENCE, issuer=ISSUER)

    assert verify_access_token(with_scope, KEY, audience=AUDIENCE, issuer=ISSUER)["scope"] == "reports:read reports:write"
    assert "scope" not in verify_access_token(without, KEY, audience=AUDIENCE, issuer=ISSUER)


def test_issue_access_token_signs_with_hs256():
    token = issue_access_token(KEY, subject="s", audience=AUDIENCE, issuer=ISSUER)

    assert jwt.get_unverified_header(token)["alg"] == "HS256"


def test_verify_access_token_refuses_an_expired_token():
    token = issue_access_token(KEY, subject="s", audience=AUDIENCE, issuer=ISSUER, lifetime=300, now=now() - 3600)

    with pytest.raises(jwt.ExpiredSignatureError):
        verify_access_token(token, KEY, audience=AUDIENCE, issuer=ISSUER)


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"audience": "billing-api", "issuer": ISSUER}, jwt.InvalidAudienceError),
        ({"audience": AUDIENCE, "issuer": "https://evil.example.com"}, jwt.InvalidIssuerError),
    ],
    ids=["other-audience", "other-issuer"],
)
def test_verify_access_token_checks_audience_and_issuer(kwargs, error):
    token = issue_access_token(KEY, subject="s", audience=AUDIENCE, issuer=ISSUER)

    with pytest.raises(error):
        verify_access_token(token, KEY, **kwargs)


def test_verify_access_token_refuses_a_token_signed_with_another_key():
    token = issue_access_token("another-secret-that-is-32-bytes-long", subject="s", audience=AUDIENCE, issuer=ISSUER)

    with pytest.raises(jwt.InvalidSignatureError):
        verify_access_token(token, KEY, audience=AUDIENCE, issuer=ISSUER)


@pytest.mark.parametrize(
    ("algorithm", "key"),
    [("none", None), ("HS512", KEY * 2)],  # HS512 wants a 64-byte key
    ids=["unsigned", "hs512"],
)
def test_verify_access_token_accepts_only_hs256(algorithm, key):
    claims = {"iss": ISSUER, "sub": "s", "aud": AUDIENCE, "iat": now(), "exp": now() + 60}
    token = jwt.encode(claims, key, algorithm=algorithm)

    with pytest.raises(jwt.InvalidAlgorithmError):
        verify_access_token(token, KEY, audience=AUDIENCE, issuer=ISSUER)


@pytest.mark.parametrize("missing", ["exp", "iat", "iss", "aud", "sub"])
def test_verify_access_token_requires_every_standard_claim(missing):
    claims = {"iss": ISSUER, "sub": "s", "aud": AUDIENCE, "iat": now(), "exp": now() + 60}
    del claims[missing]
    token = jwt.encode(claims, KEY, algorithm="HS256")

    with pytest.raises(jwt.MissingRequiredClaimError, match=missing):
        verify_access_token(token, KEY, audience=AUDIENCE, issuer=ISSUER)


# ---------------------------------------------------------------- the client-credentials cache


class FakeClock:
    """A monotonic clock that only moves when a test moves it."""

    def __init__(self, start=1000.0):
        self.now = start

    def __call__(self):
        return self.now


class FakeTokenEndpoint:
    """The authorization server's token endpoint, as a `responses` callback.

    It checks HTTP Basic client authentication and the form, then issues a JWT.
    `latency` moves the fake clock forward while the request is "on the wire"."""

    def __init__(self, clock, expires_in=300, token_type="Bearer", latency=0.0):
        self.clock = clock
        self.expires_in = expires_in
        self.token_type = token_type
        self.latency = latency
        self.forms = []
        self.issued = 0

    def __call__(self, request):
        self.clock.now += self.latency
        form = dict(parse_qsl(request.body))
        self.forms.append(form)
        expected = "Basic " + base64.b64encode(f"{CLIENT_ID}:{CLIENT_SECRET}".encode()).decode()
        if request.headers.get("Authorization") != expected:
            return 401, {}, json.dumps({"error": "invalid_client"})
        if form.get("grant_type") != "client_credentials":
            return 400, {}, json.dumps({"error": "unsupported_grant_type"})
        self.issued += 1
        token = jwt.encode(
            {"iss": ISSUER, "sub": CLIENT_ID, "aud": AUDIENCE, "iat": now(), "exp": now() + self.expires_in, "jti": str(self.issued)},
            KEY,
            algorithm="HS256",
        )
        answer = {"access_token": token, "token_type": self.token_type, "expires_in": self.expires_in}
        return 200, {}, json.dumps(answer)


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def endpoint(clock):
    return FakeTokenEndpoint(clock)


@pytest.fixture
def server(endpoint):
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        mock.add_callback(responses.POST, TOKEN_URL, callback=endpoint, content_type="application/json")
        yield mock


@pytest.fixture
def make_client(server, clock):
    def make(**kwargs):
        kwargs.setdefault("clock", clock)
        return ClientCredentials(requests.Session(), TOKEN_URL, CLIENT_ID, CLIENT_SECRET, **kwargs)

    return make


def test_access_token_fetches_a_token_with_the_client_credentials_grant(make_client, server, endpoint):
    token = make_client().access_token()

    assert endpoint.forms == [{"grant_type": "client_credentials"}]
    assert server.calls[0].request.req_kwargs["timeout"] == 10, "always pass a timeout to requests"
    assert verify_access_token(token, KEY, audience=AUDIENCE, issuer=ISSUER)["sub"] == CLIENT_ID


def test_access_token_sends_the_scope_when_one_is_given(make_client, endpoint):
    make_client(scope="reports:read").access_token()

    assert endpoint.forms == [{"grant_type": "client_credentials", "scope": "reports:read"}]


def test_access_token_reuses_the_cached_token(make_client, clock, endpoint):
    client = make_client()

    first = client.access_token()
    clock.now += 100
    tokens = [client.access_token() for _ in range(5)]

    assert tokens == [first] * 5
    assert endpoint.issued == 1, f"the token endpoint was called {endpoint.issued} times; one token lasts 300 s"


def test_access_token_refreshes_shortly_before_expiry(make_client, clock, endpoint):
    client = make_client(refresh_margin=30)
    first = client.access_token()  # at t=1000, expires at t=1300

    clock.now = 1269.0
    assert client.access_token() == first, "31 s before expiry the cached token is still good"
    clock.now = 1270.0
    second = client.access_token()

    assert endpoint.issued == 2, "30 s before expiry (refresh_margin) a new token must be fetched"
    assert second != first
    clock.now = 1500.0
    assert client.access_token() == second, "the new token is cached in its turn (it expires at 1570)"
    assert endpoint.issued == 2


def test_the_lifetime_counts_from_when_the_request_was_sent(make_client, clock, endpoint):
    endpoint.latency = 20.0  # the answer arrives 20 s after the request left, at t=1020
    client = make_client(refresh_margin=30)
    client.access_token()  # sent at t=1000, so the token dies at t=1300, not at t=1320

    clock.now = 1275.0
    client.access_token()

    assert endpoint.issued == 2, "read the clock just BEFORE posting: the server's 300 s began then"


@pytest.mark.parametrize("token_type", ["Bearer", "bearer", "BEARER"])
def test_the_token_type_is_case_insensitive(make_client, endpoint, token_type):
    endpoint.token_type = token_type

    assert make_client().access_token()


def test_a_token_type_other_than_bearer_is_refused(make_client, endpoint):
    endpoint.token_type = "mac"

    with pytest.raises(TokenError, match="expected a Bearer token, got 'mac'"):
        make_client().access_token()


def test_wrong_credentials_raise_token_error_and_nothing_is_cached(server, clock, endpoint):
    client = ClientCredentials(requests.Session(), TOKEN_URL, CLIENT_ID, "wrong", clock=clock)

    for _ in range(2):
        with pytest.raises(TokenError, match="token request failed: invalid_client"):
            client.access_token()

    assert len(server.calls) == 2, "after a failure the next call must ask the endpoint again"


def test_a_server_error_without_json_raises_token_error(clock):
    with responses.RequestsMock() as mock:
        mock.post(TOKEN_URL, status=500, body="<h1>Internal Server Error</h1>", content_type="text/html")
        client = ClientCredentials(requests.Session(), TOKEN_URL, CLIENT_ID, CLIENT_SECRET, clock=clock)

        with pytest.raises(TokenError, match="token request failed: status 500"):
            client.access_token()


def test_auth_header_carries_the_bearer_token(make_client):
    client = make_client()

    header = client.auth_header()

    assert header == {"Authorization": f"Bearer {client.access_token()}"}
    assert header["Authorization"].startswith("Bearer eyJ")


def test_a_refresh_margin_of_zero_keeps_the_token_until_it_expires(make_client, clock, endpoint):
    client = make_client(refresh_margin=0)
    first = client.access_token()  # at t=1000, expires at t=1300

    clock.now = 1299.5
    assert client.access_token() == first, "refresh_margin=0 means 'no margin', not the default 30 s"
    assert endpoint.issued == 1
    clock.now = 1300.0
    client.access_token()
    assert endpoint.issued == 2, "at the expiry itself the token is dead: fetch a new one"


def test_access_token_passes_the_timeout_it_was_given(make_client, server):
    make_client(timeout=2.5).access_token()

    assert server.calls[0].request.req_kwargs["timeout"] == 2.5


def test_nothing_is_cached_after_a_refused_token_type(make_client, endpoint):
    client = make_client()
    endpoint.token_type = "mac"
    with pytest.raises(TokenError, match="expected a Bearer token"):
        client.access_token()

    endpoint.token_type = "Bearer"
    token = client.access_token()

    assert endpoint.issued == 2, "the 'mac' token must not have been kept: store a token only after every check"
    assert jwt.decode(token, KEY, algorithms=["HS256"], audience=AUDIENCE)["jti"] == "2"


@pytest.mark.parametrize(
    "answer",
    [
        {"token_type": "Bearer", "expires_in": 300},
        {"access_token": "", "token_type": "Bearer", "expires_in": 300},
        {"access_token": "eyJ.x.y", "token_type": "Bearer"},
        {"access_token": "eyJ.x.y", "token_type": "Bearer", "expires_in": "300"},
    ],
    ids=["no-access-token", "empty-access-token", "no-expires-in", "expires-in-as-text"],
)
def test_a_malformed_good_answer_raises_token_error(clock, answer):
    with responses.RequestsMock() as mock:
        mock.post(TOKEN_URL, json=answer)
        client = ClientCredentials(requests.Session(), TOKEN_URL, CLIENT_ID, CLIENT_SECRET, clock=clock)

        with pytest.raises(TokenError, match="malformed token response"):
            client.access_token()
            pytest.fail("a 200 answer is not automatically a usable token: check access_token and expires_in")


def test_the_default_refresh_margin_is_30_seconds(make_client, clock, endpoint):
    client = make_client()
    client.access_token()  # at t=1000, expires at t=1300

    clock.now = 1269.0
    client.access_token()
    assert endpoint.issued == 1, "31 s before expiry the token is still good"
    clock.now = 1270.0
    client.access_token()
    assert endpoint.issued == 2, "30 s before expiry (the default refresh_margin) a new token is fetched"


def test_the_first_call_fetches_whatever_the_monotonic_clock_reads(make_client, clock, endpoint):
    clock.now = -1000.0  # time.monotonic() counts from an undefined point: its readings may be anything

    token = make_client().access_token()

    assert endpoint.issued == 1 and token, "with no token yet, fetch one: do not compare the clock with a made-up expiry"
