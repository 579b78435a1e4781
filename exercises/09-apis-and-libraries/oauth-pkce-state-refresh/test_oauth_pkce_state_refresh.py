"""The challenge vector is RFC 7636, Appendix B."""
import base64
import hashlib
import string
from urllib.parse import parse_qs, parse_qsl, urlsplit

import httpx
import pytest

from oauth_pkce_state_refresh import AuthError, PkceClient, Tokens, add_query, b64url, code_challenge

AUTHORIZE = "https://auth.example.com/authorize"
TOKEN_URL = "https://auth.example.com/token"
REDIRECT = "https://app.example.com/callback"
RFC_VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"
RFC_CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"


class FakeClock:
    def __init__(self, now=1000.0):
        self.now = now

    def __call__(self):
        return self.now


class CountingBytes:
    """token_bytes for tests: n bytes of 1, then n bytes of 2, ... so every call gives new, known bytes."""

    def __init__(self):
        self.calls = []

    def __call__(self, n):
        self.calls.append(n)
        return bytes([len(self.calls)]) * n


class AuthServer:
    """The token endpoint: checks PKCE for codes it issued and hands out numbered tokens."""

    def __init__(self, clock):
        self.clock = clock
        self.codes = {}  # code -> the code_challenge the login started with
        self.forms = []
        self.next_answer = None  # (status, body) to give instead
        self.rotate = True
        self.delay = 0
        self.issued = 0

    def login(self, authorization_url, code="code-1"):
        """The user logs in: the server remembers the challenge and redirects back with a code."""
        params = dict(parse_qsl(urlsplit(authorization_url).query))
        self.codes[code] = params["code_challenge"]
        return f"{params['redirect_uri']}?code={code}&state={params['state']}"

    def __call__(self, request):
        assert str(request.url) == TOKEN_URL and request.method == "POST"
        form = dict(parse_qsl(request.content.decode()))
        self.forms.append(form)
        self.clock.now += self.delay
        if self.next_answer is not None:
            status, body = self.next_answer
            return httpx.Response(status, content=body) if isinstance(body, bytes) else httpx.Response(status, json=body)
        if form.get("grant_type") == "authorization_code":
            challenge = self.codes.pop(form.get("code"), None)
            verifier = form.get("code_verifier", "")
            digest = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
            if challenge is None or digest != challenge:
                return httpx.Response(400, json={"error": "invalid_grant"})
        self.issued += 1
        body = {"access_token": f"at-{self.issued}", "token_type": "Bearer", "expires_in": 3600}
        if self.rotate or form.get("grant_type") == "authorization_code":
            body["refresh_token"] = f"rt-{self.issued}"
        return httpx.Response(200, json=body)


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def server(clock):
    return AuthServer(clock)


@pytest.fixture
def random_bytes():
    return CountingBytes()


@pytest.fixture
def app(server, clock, random_bytes):
    with httpx.Client(transport=httpx.MockTransport(server)) as http:
        yield PkceClient(
            http, authorize_url=AUTHORIZE, token_url=TOKEN_URL, client_id="app", redirect_uri=REDIRECT,
            clock=clock, token_bytes=random_bytes,
        )


def query(url):
    return dict(parse_qsl(urlsplit(url).query))


# ---------------------------------------------------------------- b64url, code_challenge, add_query


def test_code_challenge_reproduces_rfc_7636():
    assert code_challenge(RFC_VERIFIER) == RFC_CHALLENGE, (
        "b64url of the SHA-256 DIGEST bytes of the verifier, without '=' (not the hex digest, not the verifier itself)"
    )


@pytest.mark.parametrize(
    ("data", "text"),
    [(b"", ""), (b"\xfb", "-w"), (b"\xfb\xff", "-_8"), (b"\xfb\xff\xbf", "-_-_"), (b"\x00\x00\x17", "AAAX")],
    ids=["empty", "one", "two", "three", "ends-in-a-letter"],
)
def test_b64url_is_url_safe_without_padding(data, text):
    assert b64url(data) == text


@pytest.mark.parametrize("length", [43, 128], ids=["shortest", "longest"])
def test_code_challenge_accepts_verifiers_from_43_to_128_characters(length):
    verifier = ("aZ09-._~" * 20)[:length]
    assert len(code_challenge(verifier)) == 43


def test_code_challenge_accepts_every_allowed_character_at_once():
    verifier = string.ascii_letters + string.digits + "-._~"
    assert len(code_challenge(verifier)) == 43, "A-Z a-z 0-9 - . _ ~ are all allowed, together too"


@pytest.mark.parametrize(
    "verifier",
    ["a" * 42, "a" * 129, "a" * 42 + "+", "a" * 42 + "=", "a" * 42 + " ", "a" * 42 + "é"],
    ids=["too-short", "too-long", "plus", "padding", "space", "non-ascii"],
)
def test_code_challenge_refuses_a_bad_verifier(verifier):
    with pytest.raises(ValueError, match="43 to 128 characters"):
        code_challenge(verifier)


def test_add_query_keeps_an_existing_query_and_encodes_values():
    url = add_query("https://auth.example.com/authorize?tenant=acme", {"redirect_uri": "https://app/cb?x=1&y=2", "scope": "read write"})

    assert url == "https://auth.example.com/authorize?tenant=acme&redirect_uri=https%3A%2F%2Fapp%2Fcb%3Fx%3D1%26y%3D2&scope=read+write"


def test_add_query_to_a_url_without_a_query():
    assert add_query(AUTHORIZE, {"a": "1"}) == AUTHORIZE + "?a=1"


# ---------------------------------------------------------------- start


def test_start_builds_the_authorization_url(app, random_bytes):
    url = app.start("read write")

    verifier, state = b64url(bytes([1]) * 32), b64url(bytes([2]) * 16)
    assert random_bytes.calls == [32, 16], "32 random bytes for the verifier, then 16 for the state"
    assert url.startswith(AUTHORIZE + "?")
    assert list(parse_qsl(urlsplit(url).query)) == [
        ("response_type", "code"),
        ("client_id", "app"),
        ("redirect_uri", REDIRECT),
        ("scope", "read write"),
        ("state", state),
        ("code_challenge", code_challenge(verifier)),
        ("code_challenge_method", "S256"),
    ], "send the challenge (the hash) with method S256, never the verifier itself"
    assert verifier not in url, "the verifier never leaves the app before the code is swapped"


def test_start_encodes_every_value_and_keeps_the_endpoints_query(server, random_bytes):
    with httpx.Client(transport=httpx.MockTransport(server)) as http:
        app = PkceClient(
            http, authorize_url=AUTHORIZE + "?tenant=acme", token_url=TOKEN_URL, client_id="app",
            redirect_uri="https://app.example.com/cb?from=web&v=2", token_bytes=random_bytes,
        )
        url = app.start("read write")

    assert url.startswith(AUTHORIZE + "?tenant=acme&response_type=code&client_id=app&redirect_uri=https%3A%2F%2Fapp.example.com%2Fcb%3Ffrom%3Dweb%26v%3D2&scope=read+write&state="), (
        "build the URL with add_query (urlencode): pasted in by hand, the redirect_uri's '&v=2' becomes a parameter "
        f"of its own and the space in the scope breaks the URL; got {url}"
    )


def test_every_start_makes_a_new_verifier_and_state(app):
    first, second = query(app.start("read")), query(app.start("read"))

    assert first["state"] != second["state"]
    assert first["code_challenge"] != second["code_challenge"], "a new verifier for every login, not one per client"


# ---------------------------------------------------------------- finish


def test_finish_swaps_the_code_with_the_verifier(app, server, clock):
    url = app.start("read")
    tokens = app.finish(server.login(url))

    assert tokens == Tokens("at-1", "rt-1", clock.now + 3600)
    assert server.forms == [
        {
            "grant_type": "authorization_code",
            "code": "code-1",
            "redirect_uri": REDIRECT,
            "client_id": "app",
            "code_verifier": b64url(bytes([1]) * 32),
        }
    ]


def test_two_logins_under_way_finish_in_either_order(app, server):
    first_url, second_url = app.start("read"), app.start("write")
    first_callback = server.login(first_url, code="code-A")
    second_callback = server.login(second_url, code="code-B")

    assert app.finish(second_callback).access_token == "at-1", (
        "each state keeps its own verifier: the second login's code needs the second verifier"
    )
    assert app.finish(first_callback).access_token == "at-2"


@pytest.mark.parametrize(
    "callback",
    [f"{REDIRECT}?code=code-1&state=forged", f"{REDIRECT}?code=code-1", f"{REDIRECT}?code=code-1&state="],
    ids=["forged-state", "no-state", "empty-state"],
)
def test_finish_refuses_a_callback_this_client_did_not_start(app, server, callback):
    server.login(app.start("read"))

    with pytest.raises(AuthError, match="unknown or already used state"):
        app.finish(callback)
        pytest.fail("a callback whose state was never handed out is a forged login (CSRF): refuse it")
    assert server.forms == [], "nothing is sent to the token endpoint"


def test_a_state_is_used_only_once(app, server):
    callback = server.login(app.start("read"))
    app.finish(callback)

    with pytest.raises(AuthError) as excinfo:
        app.finish(callback)
        pytest.fail("a callback replayed must be refused: forget each state once it is used")
    assert "unknown or already used state" in str(excinfo.value), (
        "a replayed callback must be refused before anything is sent: forget each state once it is used "
        f"(self._pending.pop, not .get); here the code went to the token endpoint again: {excinfo.value}"
    )
    assert len(server.forms) == 1


def test_a_denied_login_uses_up_its_state(app, server):
    state = query(app.start("read"))["state"]

    with pytest.raises(AuthError, match="authorization denied: access_denied"):
        app.finish(f"{REDIRECT}?error=access_denied&state={state}")
    with pytest.raises(AuthError) as excinfo:
        app.finish(f"{REDIRECT}?code=code-1&state={state}")
    assert "unknown or already used state" in str(excinfo.value), (
        f"a state is used up by its callback even when the login was denied (pop it first): {excinfo.value}"
    )
    assert server.forms == []


def test_an_error_with_a_forged_state_is_refused_as_forged(app):
    app.start("read")

    with pytest.raises(AuthError, match="unknown or already used state"):
        app.finish(f"{REDIRECT}?error=access_denied&state=forged")


def test_a_callback_without_a_code_is_refused(app, server):
    state = query(app.start("read"))["state"]

    with pytest.raises(AuthError, match="the callback has no code"):
        app.finish(f"{REDIRECT}?state={state}")
    assert server.forms == []


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        ((400, {"error": "invalid_grant"}), "token endpoint returned 400: invalid_grant"),
        ((401, {"error_description": "who?"}), "token endpoint returned 401: no error code"),
        ((503, b"<html>down</html>"), "token endpoint returned 503: no error code"),
        ((400, b'["invalid_grant"]'), "token endpoint returned 400: no error code"),
        ((201, {"access_token": "at", "expires_in": 60}), "token endpoint returned 201"),
    ],
    ids=["invalid-grant", "no-error-field", "not-json", "not-an-object", "created-is-not-ok"],
)
def test_a_token_error_raises_auth_error(app, server, answer, message):
    callback = server.login(app.start("read"))
    server.next_answer = answer

    with pytest.raises(AuthError, match=message):
        app.finish(callback)


def test_finish_sends_the_verifier_of_this_callbacks_state(app, server):
    url = app.start("read")
    app.start("read")  # a second login: its verifier is not the first one's
    state = query(url)["state"]
    server.login(url)

    assert app.finish(f"{REDIRECT}?code=code-1&state={state}").access_token == "at-1", (
        "send the verifier remembered under THIS callback's state"
    )


# ---------------------------------------------------------------- refresh and fresh


@pytest.fixture
def tokens(app, server):
    return app.finish(server.login(app.start("read")))


def test_refresh_sends_the_refresh_token(app, server, tokens, clock):
    clock.now += 100
    new = app.refresh(tokens)

    assert new == Tokens("at-2", "rt-2", clock.now + 3600)
    assert server.forms[-1] == {"grant_type": "refresh_token", "refresh_token": "rt-1", "client_id": "app"}


def test_refresh_keeps_the_refresh_token_when_none_comes_back(app, server, tokens):
    server.rotate = False

    assert app.refresh(tokens).refresh_token == "rt-1", "no new refresh_token in the answer: keep the one you have"


def test_refresh_without_a_refresh_token_asks_for_a_new_login(app, server):
    with pytest.raises(AuthError, match="no refresh token: log in again"):
        app.refresh(Tokens("at", None, 0.0))
    assert server.forms == []


def test_the_lifetime_counts_from_when_the_request_was_sent(app, server, tokens, clock):
    server.delay = 30
    sent = clock.now
    assert app.refresh(tokens).expires_at == sent + 3600, "read sent_at = clock() before the POST: the token aged in flight"


@pytest.mark.parametrize(
    ("margin", "later", "refreshed"),
    [(None, 3539, False), (None, 3540, True), (0.0, 3599, False), (0.0, 3600, True), (10.0, 3590, True), (10.0, 3589, False)],
    ids=["default-60-before", "default-60-at", "zero-before", "zero-at-expiry", "ten-at", "ten-before"],
)
def test_fresh_refreshes_a_little_before_expiry(app, tokens, clock, margin, later, refreshed):
    clock.now += later
    result = app.fresh(tokens) if margin is None else app.fresh(tokens, margin=margin)

    assert (result is not tokens) == refreshed, (
        f"expires_at - margin (margin {60.0 if margin is None else margin}) is the moment to refresh: "
        f"{later} s after login it {'must' if refreshed else 'must not'} refresh (a margin of 0 is not 'the default')"
    )
    if refreshed:
        assert result.access_token == "at-2"
