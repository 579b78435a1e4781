import inspect
import warnings
from datetime import datetime, timedelta, timezone

import jwt
import pytest
from sqlalchemy import create_engine, event
from sqlalchemy.orm import Session
from sqlalchemy.pool import StaticPool

with warnings.catch_warnings():  # Starlette's note about httpx versions is not the learner's business
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from fastapi_bookmarks import repository, security
from fastapi_bookmarks.models import Base, Bookmark, User
from fastapi_bookmarks.settings import Settings
from fastapi_bookmarks_service import create_app

SECRET = "k" * 32
SETTINGS = Settings(secret_key=SECRET)
N = 16  # a tiny scrypt cost keeps the tests fast; production keeps 2**14


@pytest.fixture
def client():
    with TestClient(create_app(SETTINGS, password_n=N)) as client:
        yield client


NO_TABLE_HINT = (
    "an in-memory SQLite database lives in ONE connection, and FastAPI runs `def` routes in other threads: "
    "create_engine(url, connect_args={'check_same_thread': False}, poolclass=StaticPool)"
)


def register(client, username="ann", password="password-1"):
    try:
        response = client.post("/users", json={"username": username, "password": password})
    except Exception as error:
        if "no such table" in str(error) or "same thread" in str(error):
            raise AssertionError(f"{error}: {NO_TABLE_HINT}") from error
        raise
    assert response.status_code == 201, (
        f"POST /users answered {response.status_code}: {response.text[:300]}"
    )
    return response


def auth(client, username="ann", password="password-1"):
    register(client, username, password)
    response = client.post("/token", json={"username": username, "password": password})
    assert response.status_code == 200, f"POST /token answered {response.status_code}: {response.text[:300]}"
    body = response.json()
    assert set(body) == {"access_token", "token_type"} and body["token_type"] == "bearer", body
    return {"Authorization": f"Bearer {body['access_token']}"}


def add(client, headers, url="https://example.org/", title="Example"):
    response = client.post("/bookmarks", json={"url": url, "title": title}, headers=headers)
    assert response.status_code == 201, f"POST /bookmarks answered {response.status_code}: {response.text[:300]}"
    return response.json()


# --- security.py ------------------------------------------------------------------------

def test_hash_password_defaults_to_a_strong_cost_and_a_16_byte_salt():
    scheme, n, salt, key = security.hash_password("pw").split("$")
    assert (scheme, n, len(bytes.fromhex(salt)), len(bytes.fromhex(key))) == ("scrypt", "16384", 16, 32)


def test_the_app_defaults_to_the_strong_password_cost():
    assert inspect.signature(create_app).parameters["password_n"].default == 2**14


def test_verify_password_accepts_only_the_right_password():
    stored = security.hash_password("correct horse", n=N)
    assert security.verify_password("correct horse", stored) is True
    assert security.verify_password("correct horsE", stored) is False
    assert security.verify_password("", stored) is False


@pytest.mark.parametrize(
    "stored",
    ["", "plaintext", "scrypt$16$zz$00", "scrypt$sixteen$00$00", "bcrypt$16$00$00", "scrypt$16$00",
     "scrypt$16$00$00$00"],
    ids=["empty", "no-dollars", "bad-hex", "bad-n", "other-scheme", "three-parts", "five-parts"],
)
def test_verify_password_says_false_for_a_malformed_hash(stored):
    assert security.verify_password("anything", stored) is False


def test_verify_password_refuses_another_scheme_with_a_valid_key():
    stored = security.hash_password("pw-123456", n=N, salt=b"0123456789abcdef")
    assert security.verify_password("pw-123456", "bcrypt" + stored[len("scrypt"):]) is False


def test_a_token_carries_the_user_and_expires_after_the_given_minutes():
    now = datetime.now(timezone.utc).replace(microsecond=0)
    token = security.create_token("ann", SECRET, 30, now=now)
    claims = jwt.decode(token, SECRET, algorithms=["HS256"])
    assert claims["sub"] == "ann"
    assert claims["exp"] - claims["iat"] == 30 * 60
    assert claims["iat"] == int(now.timestamp())
    assert jwt.get_unverified_header(token)["alg"] == "HS256"
    assert security.read_token(token, SECRET) == "ann"


def test_a_token_made_without_now_starts_now():
    before = int(datetime.now(timezone.utc).timestamp())
    claims = jwt.decode(security.create_token("ann", SECRET, 5), SECRET, algorithms=["HS256"])
    assert before <= claims["iat"] <= before + 5 and claims["exp"] - claims["iat"] == 300


def forged_tokens():
    now = datetime.now(timezone.utc)
    good = jwt.encode({"sub": "ann", "exp": now + timedelta(minutes=5)}, SECRET, algorithm="HS256")
    head, body, sig = good.split(".")
    other = jwt.encode({"sub": "bob", "exp": now + timedelta(minutes=5)}, SECRET, algorithm="HS256")
    return {
        "other-secret": jwt.encode({"sub": "ann", "exp": now + timedelta(minutes=5)}, "x" * 32, algorithm="HS256"),
        "expired": jwt.encode({"sub": "ann", "exp": now - timedelta(seconds=5)}, SECRET, algorithm="HS256"),
        "no-exp": jwt.encode({"sub": "ann"}, SECRET, algorithm="HS256"),
        "no-sub": jwt.encode({"exp": now + timedelta(minutes=5)}, SECRET, algorithm="HS256"),
        "alg-none": jwt.encode({"sub": "ann", "exp": now + timedelta(minutes=5)}, None, algorithm="none"),
        "hs512": jwt.encode({"sub": "ann", "exp": now + timedelta(minutes=5)}, SECRET, algorithm="HS512"),
        "swapped-body": f"{head}.{other.split('.')[1]}.{sig}",
        "garbage": "not.a.token",
        "empty": "",
    }


with warnings.catch_warnings():  # PyJWT warns that 32 bytes is short for HS512: this token is a forgery anyway
    warnings.simplefilter("ignore")
    FORGED = forged_tokens()


WHY = {
    "other-secret": "its signature was made with another key",
    "expired": "its exp is in the past",
    "no-exp": "it has no exp: require it (options={'require': ['exp', 'sub']}), or a stolen token works for ever",
    "no-sub": "it names no user: require sub",
    "alg-none": "it is unsigned (alg none): decode with algorithms=['HS256'] only",
    "hs512": "it uses another algorithm than the one you chose: algorithms=['HS256'] only",
    "swapped-body": "its claims were swapped under another token's signature",
    "garbage": "it is not a JWT at all",
    "empty": "it is empty",
}


@pytest.mark.parametrize("kind", list(FORGED))
def test_read_token_refuses_forged_expired_and_malformed_tokens(kind):
    try:
        user = security.read_token(FORGED[kind], SECRET)
    except security.InvalidToken:
        return
    pytest.fail(f"read_token accepted the {kind} token (user {user!r}): {WHY[kind]}; raise InvalidToken "
                "for every jwt.PyJWTError")


# --- repository.py ------------------------------------------------------------------------

@pytest.fixture
def session():
    engine = create_engine("sqlite://", poolclass=StaticPool)
    Base.metadata.create_all(engine)
    with Session(engine) as session:
        yield session


@pytest.fixture
def ann(session):
    return repository.create_user(session, "ann", "hash")


def test_create_and_get_a_user(session, ann):
    assert ann.id is not None, "flush() so the new user gets its id"
    assert repository.get_user(session, "ann") is ann
    assert repository.get_user(session, "bob") is None


def test_a_taken_username_raises_username_taken(session, ann):
    with pytest.raises(repository.UsernameTaken):
        repository.create_user(session, "ann", "other-hash")
    assert repository.create_user(session, "bob", "h").id is not None, "after the refusal the session still works"


def test_repository_functions_never_commit(session):
    commits = []
    event.listen(session, "after_commit", lambda s: commits.append(1))
    ann = repository.create_user(session, "ann", "hash")
    repository.get_user(session, "ann")
    repository.add_bookmark(session, ann, "https://a.example/", "A")
    repository.list_bookmarks(session, ann)
    repository.delete_bookmark(session, ann, 1)
    assert commits == [], "the request's transaction commits once at the end: use flush(), never commit()"


def titles(session, owner, q=None):
    return [b.title for b in repository.list_bookmarks(session, owner, q)]


@pytest.fixture
def shelf(session, ann):
    for title in ["100% cotton", "1000 cuts", "snake_case guide", "snakecase", "Python Docs", "C:\\path tips",
                  "Straße"]:
        repository.add_bookmark(session, ann, "https://example.org/", title)
    bob = repository.create_user(session, "bob", "hash")
    repository.add_bookmark(session, bob, "https://bob.example/", "Python for bob")
    return ann


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        (None, ["100% cotton", "1000 cuts", "snake_case guide", "snakecase", "Python Docs", "C:\\path tips", "Straße"]),
        ("", ["100% cotton", "1000 cuts", "snake_case guide", "snakecase", "Python Docs", "C:\\path tips", "Straße"]),
        ("python", ["Python Docs"]),
        ("DOCS", ["Python Docs"]),
        ("100%", ["100% cotton"]),
        ("%", ["100% cotton"]),
        ("_", ["snake_case guide"]),
        ("e_c", ["snake_case guide"]),
        ("\\", ["C:\\path tips"]),
        ("nothing", []),
    ],
    ids=["no-query", "empty-query", "lower-case", "upper-case", "percent-is-text", "lone-percent",
         "underscore-is-text", "underscore-inside", "backslash", "no-match"],
)
def test_list_bookmarks_searches_titles_as_plain_text(session, shelf, q, expected):
    assert titles(session, shelf, q) == expected, (
        f"q={q!r}: a title CONTAINS the text, ignoring case; % and _ are wildcards in LIKE, so escape them "
        "(and the escape character) before building the pattern; only the owner's bookmarks"
    )


def test_delete_bookmark_deletes_only_the_owners(session, ann):
    bob = repository.create_user(session, "bob", "hash")
    mine = repository.add_bookmark(session, ann, "https://a.example/", "A")
    theirs = repository.add_bookmark(session, bob, "https://b.example/", "B")
    assert repository.delete_bookmark(session, ann, theirs.id) is False, "ann must not delete bob's bookmark"
    assert repository.delete_bookmark(session, ann, 999) is False
    assert repository.delete_bookmark(session, ann, mine.id) is True
    assert titles(session, ann) == [] and titles(session, bob) == ["B"]


# --- the app: users and tokens ----------------------------------------------------------------

def test_healthz_needs_no_login(client):
    assert client.get("/healthz").json() == {"status": "ok"}


def test_register_stores_a_salted_hash(client):
    assert register(client, "ann", "same-password").json() == {"username": "ann"}
    register(client, "bob", "same-password")
    assert client.post("/token", json={"username": "ann", "password": "same-password"}).status_code == 200


def test_the_app_hashes_with_its_password_cost(monkeypatch):
    calls = []
    real = security.hash_password
    monkeypatch.setattr(security, "hash_password", lambda password, **kw: calls.append(kw) or real(password, **kw))
    with TestClient(create_app(SETTINGS, password_n=32)) as client:
        register(client)
    assert calls == [{"n": 32}], "hash the password with security.hash_password(password, n=password_n)"


def test_a_taken_username_is_409(client):
    register(client)
    response = client.post("/users", json={"username": "ann", "password": "another-pw"})
    assert response.status_code == 409
    assert response.json() == {"detail": "username ann is taken"}
    assert client.post("/token", json={"username": "ann", "password": "password-1"}).status_code == 200, (
        "the refused registration must not change the first ann"
    )


def test_invalid_credentials_bodies_are_422(client):
    for body in [{"username": "an", "password": "password-1"}, {"username": "a" * 31, "password": "password-1"},
                 {"username": "Ann", "password": "password-1"}, {"username": "ann bob", "password": "password-1"},
                 {"username": "ann", "password": "seven77"}, {"username": "ann", "password": "p" * 129},
                 {"username": "ann", "password": "password-1", "role": "admin"}]:
        assert client.post("/users", json=body).status_code == 422, f"{body} must be refused with 422"
    register(client, "a" * 30, "p" * 128)
    register(client, "ann", "eight888")


@pytest.mark.parametrize(("username", "password"), [("ann", "wrong-pass"), ("nobody", "password-1")],
                         ids=["wrong-password", "unknown-user"])
def test_a_failed_token_request_is_401_and_the_same_for_both(client, username, password):
    register(client)
    response = client.post("/token", json={"username": username, "password": password})
    assert response.status_code == 401
    assert response.json() == {"detail": "wrong username or password"}
    assert response.headers.get("WWW-Authenticate") == "Bearer"


def test_the_token_lives_for_the_configured_minutes():
    with TestClient(create_app(Settings(secret_key=SECRET, token_minutes=7), password_n=N)) as client:
        token = auth(client)["Authorization"].split()[1]
    claims = jwt.decode(token, SECRET, algorithms=["HS256"])
    assert (claims["sub"], claims["exp"] - claims["iat"]) == ("ann", 7 * 60)


@pytest.mark.parametrize(
    "headers",
    [{}, {"Authorization": "Bearer not-a-token"}, {"Authorization": "Basic YW5uOnB3"},
     {"Authorization": "Bearer " + jwt.encode({"sub": "ghost", "exp": 4102444800}, SECRET, algorithm="HS256")},
     {"Authorization": "Bearer " + jwt.encode({"sub": "ann", "exp": 4102444800}, "x" * 32, algorithm="HS256")}],
    ids=["no-header", "garbage-token", "basic-auth", "user-that-does-not-exist", "other-secret"],
)
def test_bookmark_routes_need_a_valid_token(client, headers):
    register(client)
    for method, url in [("get", "/bookmarks"), ("post", "/bookmarks"), ("delete", "/bookmarks/1"),
                        ("get", "/bookmarks.html")]:
        kwargs = {"json": {"url": "https://a.example/", "title": "A"}} if method == "post" else {}
        response = getattr(client, method)(url, headers=headers, **kwargs)
        assert response.status_code == 401, f"{method.upper()} {url} with {headers or 'no header'}: {response.status_code}"
        assert response.json() == {"detail": "not authenticated"}
        assert response.headers.get("WWW-Authenticate") == "Bearer"


# --- the app: bookmarks ------------------------------------------------------------------------

def test_bookmarks_are_created_listed_and_private(client):
    ann, bob = auth(client, "ann"), auth(client, "bob")
    assert add(client, ann, "https://docs.python.org/3/", "  Python docs ") == {
        "id": 1, "url": "https://docs.python.org/3/", "title": "Python docs"}
    add(client, bob, "https://bob.example/", "Bob's")
    add(client, ann, "HTTP://EXAMPLE.ORG/x", "Café ☕")
    assert client.get("/bookmarks", headers=ann).json() == [
        {"id": 1, "url": "https://docs.python.org/3/", "title": "Python docs"},
        {"id": 3, "url": "HTTP://EXAMPLE.ORG/x", "title": "Café ☕"},
    ]
    assert [b["title"] for b in client.get("/bookmarks", headers=bob).json()] == ["Bob's"]


def test_the_list_can_be_searched(client):
    ann = auth(client)
    add(client, ann, title="100% cotton")
    add(client, ann, title="1000 cuts")
    assert [b["title"] for b in client.get("/bookmarks", params={"q": "100%"}, headers=ann).json()] == ["100% cotton"]


def test_an_invalid_bookmark_is_422(client):
    ann = auth(client)
    for body in [{"url": "javascript:alert(1)", "title": "x"}, {"url": "JavaScript://x.example/%0aalert(1)", "title": "x"},
                 {"url": "ftp://files.example/", "title": "x"}, {"url": "https://", "title": "x"},
                 {"url": "//evil.example/", "title": "x"}, {"url": "example.org", "title": "x"},
                 {"url": "https://example.org/" + "a" * 1981, "title": "x"},
                 {"url": "https://example.org/", "title": "   "}, {"url": "https://example.org/", "title": "t" * 201},
                 {"url": "https://example.org/", "title": "x", "owner_id": 2}]:
        response = client.post("/bookmarks", json=body, headers=ann)
        assert response.status_code == 422, (
            f"{str(body)[:80]} must be refused with 422, got {response.status_code}: only http:// and https:// "
            "URLs with a host, titles of 1..200 characters once stripped, no other fields"
        )
    assert client.get("/bookmarks", headers=ann).json() == []


def test_bookmarks_at_the_limits_are_accepted(client):
    ann = auth(client)
    add(client, ann, "https://example.org/" + "a" * 1980, "t" * 200)
    add(client, ann, "http://x.example", "t")


def test_a_refused_url_says_why(client):
    response = client.post("/bookmarks", json={"url": "javascript:alert(1)", "title": "x"}, headers=auth(client))
    messages = [error["msg"] for error in response.json()["detail"]]
    assert any("url must be an http:// or https:// address" in m for m in messages), messages


def test_delete_removes_only_your_own_bookmark(client):
    ann, bob = auth(client, "ann"), auth(client, "bob")
    add(client, ann)
    response = client.delete("/bookmarks/1", headers=bob)
    assert response.status_code == 404 and response.json() == {"detail": "bookmark 1 not found"}
    assert client.delete("/bookmarks/1", headers=ann).status_code == 204
    assert client.get("/bookmarks", headers=ann).json() == []
    assert client.delete("/bookmarks/1", headers=ann).status_code == 404


def test_a_failed_request_changes_nothing(client):
    ann = auth(client)
    add(client, ann)
    with pytest.raises(Exception):
        client.post("/bookmarks", json={"url": "https://a.example/", "title": "x" * 201}, headers=ann).raise_for_status()
    assert len(client.get("/bookmarks", headers=ann).json()) == 1


def test_each_app_has_its_own_database():
    with TestClient(create_app(SETTINGS, password_n=N)) as first, TestClient(create_app(SETTINGS, password_n=N)) as second:
        register(first)
        register(second)  # would be 409 if the two apps shared one database


# --- the HTML page ---------------------------------------------------------------------------------

def test_the_page_lists_the_bookmarks_escaped(client):
    ann = auth(client)
    add(client, ann, 'https://example.org/?q="><script>alert(1)</script>', "<b>Bold</b> & co")
    response = client.get("/bookmarks.html", headers=ann)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    html = response.text
    assert "<title>Bookmarks of ann</title>" in html and "<h1>Bookmarks of ann</h1>" in html
    assert "<script>" not in html and "<b>" not in html, "turn autoescaping on: select_autoescape() in the Environment"
    assert "&lt;b&gt;Bold&lt;/b&gt; &amp; co</a>" in html
    assert 'href="https://example.org/?q=&#34;&gt;&lt;script&gt;' in html, "the quote in the URL must not end the href"
    assert 'rel="noopener noreferrer"' in html
    assert "No bookmarks yet" not in html


def test_the_page_says_when_there_is_nothing(client):
    html = client.get("/bookmarks.html", headers=auth(client)).text
    assert '<li class="empty">No bookmarks yet</li>' in html
