import pytest
from werkzeug.http import parse_cookie
from werkzeug.security import check_password_hash

from flask_login_session_roles import SESSION_SECONDS, create_app

FAST_HASH = "pbkdf2:sha256:1000"  # cheap for tests; a real site keeps the slow default


class Clock:
    def __init__(self):
        self.now = 1_000_000.0

    def __call__(self):
        return self.now


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def app(clock):
    app = create_app("admin-pass-1", clock=clock, hash_method=FAST_HASH)
    app.testing = True
    return app


@pytest.fixture
def admin(app):
    client = app.test_client()
    login(client, "admin", "admin-pass-1")
    return client


def login(client, username, password):
    response = client.post("/login", json={"username": username, "password": password})
    assert response.status_code == 200, f"login of {username} answered {response.status_code}: {response.get_json()}"
    return response


def add_user(admin, username, role, password="password-1"):
    response = admin.post("/users", json={"username": username, "password": password, "role": role})
    assert response.status_code == 201, f"adding {username} answered {response.status_code}: {response.get_json()}"


def as_user(app, admin, username, role):
    add_user(admin, username, role)
    client = app.test_client()
    login(client, username, "password-1")
    return client


def set_cookie_header(response):
    headers = [h for h in response.headers.getlist("Set-Cookie") if h.startswith("sid=")]
    assert len(headers) == 1, f"expected one Set-Cookie for sid, got {response.headers.getlist('Set-Cookie')}"
    return headers[0]


def flags(header):
    return {part.strip().split("=")[0].lower(): part.strip().partition("=")[2] for part in header.split(";")[1:]}


def sid_of(client):
    cookie = client.get_cookie("sid")
    return cookie.value if cookie else None


# --- logging in ---------------------------------------------------------------------

def test_login_answers_who_you_are_and_sets_a_session_cookie(app):
    client = app.test_client()
    response = login(client, "admin", "admin-pass-1")
    assert response.get_json() == {"user": "admin", "role": "admin"}
    assert client.get("/me").get_json() == {"user": "admin", "role": "admin"}, "the cookie must log the browser in"


def test_the_session_cookie_has_the_protective_flags(app):
    header = set_cookie_header(login(app.test_client(), "admin", "admin-pass-1"))
    got = flags(header)
    assert "httponly" in got, "HttpOnly: page scripts (and XSS) cannot read the session id"
    assert "secure" in got, "Secure: the browser sends the cookie over HTTPS only"
    assert got.get("samesite") == "Lax", "SameSite=Lax: other sites' forms cannot send it (CSRF)"
    assert got.get("path") == "/"
    assert got.get("max-age") == "3600", "the cookie lives as long as the session, an hour: max_age=SESSION_SECONDS"


def test_the_session_id_is_random_and_new_on_every_login(app):
    first, second = app.test_client(), app.test_client()
    login(first, "admin", "admin-pass-1")
    login(second, "admin", "admin-pass-1")
    a, b = sid_of(first), sid_of(second)
    assert a != b, "every login gets its own session id"
    assert len(a) == 43 and "admin" not in a, (
        "the session id must be 32 random bytes, secrets.token_urlsafe(32), 43 characters: not derived from the user"
    )


@pytest.mark.parametrize(
    "body",
    [
        {"username": "admin", "password": "wrong"},
        {"username": "admin", "password": "ADMIN-PASS-1"},
        {"username": "nobody", "password": "admin-pass-1"},
        {"username": "admin"},
        {"password": "admin-pass-1"},
        {"username": "admin", "password": ""},
        {"username": ["admin"], "password": "admin-pass-1"},
        {"username": "admin", "password": 1},
        ["admin", "admin-pass-1"],
        "form-data",
    ],
    ids=["wrong-password", "password-in-other-case", "unknown-user", "no-password", "no-username",
         "empty-password", "username-not-a-string", "password-not-a-string", "json-list", "not-json"],
)
def test_a_failed_login_is_401_with_one_vague_message_and_no_cookie(app, body):
    client = app.test_client()
    if body == "form-data":
        response = client.post("/login", data={"username": "admin", "password": "admin-pass-1"})
    else:
        response = client.post("/login", json=body)
    assert response.status_code == 401
    assert response.get_json() == {"error": "invalid username or password"}, (
        "the same message for an unknown user and a wrong password: telling them apart lists your users"
    )
    assert sid_of(client) is None and client.get("/me").status_code == 401


def test_the_stored_hash_is_not_a_password(app):
    stored = app.extensions["auth"].users["admin"]["password_hash"]
    response = app.test_client().post("/login", json={"username": "admin", "password": stored})
    assert response.status_code == 401, "log in with check_password_hash(stored, password), never by comparing strings"


# --- being logged in -----------------------------------------------------------------

@pytest.mark.parametrize("cookie", [None, "", "forged-session-id", "admin"], ids=["none", "empty", "forged", "user-name"])
def test_without_a_real_session_you_are_not_logged_in(app, cookie):
    client = app.test_client()
    if cookie is not None:
        client.set_cookie("sid", cookie)
    response = client.get("/me")
    assert response.status_code == 401
    assert response.get_json() == {"error": "login required"}


def test_a_session_expires_after_an_hour(app, admin, clock):
    assert SESSION_SECONDS == 3600
    clock.now += 3599
    assert admin.get("/me").status_code == 200, "one second before the hour the session is still valid"
    clock.now += 1
    assert admin.get("/me").status_code == 401, "a session an hour (3600 s) old has expired"
    assert app.extensions["auth"].sessions == {}, "an expired session is deleted from the store"
    clock.now -= 10
    assert admin.get("/me").status_code == 401, "once deleted it stays gone"


def test_logging_in_again_replaces_the_old_session(app, admin):
    old = sid_of(admin)
    login(admin, "admin", "admin-pass-1")
    assert sid_of(admin) != old, (
        "every login hands out a NEW secrets.token_urlsafe(32), never the id the browser came with (session fixation)"
    )
    replay = app.test_client()
    replay.set_cookie("sid", old)
    assert replay.get("/me").status_code == 401, "a login ends the session the browser came with"
    assert list(app.extensions["auth"].sessions) == [sid_of(admin)]


def test_a_planted_session_id_is_never_adopted(app):
    victim = app.test_client()
    victim.set_cookie("sid", "attacker-chosen-id")   # session fixation: the attacker set this cookie earlier
    login(victim, "admin", "admin-pass-1")
    assert sid_of(victim) != "attacker-chosen-id", "log in under a NEW random session id"
    attacker = app.test_client()
    attacker.set_cookie("sid", "attacker-chosen-id")
    assert attacker.get("/me").status_code == 401


# --- logging out -------------------------------------------------------------------------

def test_logout_ends_the_session_on_the_server(app, admin):
    old = sid_of(admin)
    response = admin.post("/logout")
    assert response.status_code == 204
    got = flags(set_cookie_header(response))
    assert got.get("max-age") == "0" or "1970" in got.get("expires", ""), "logout tells the browser to drop the cookie"
    assert "httponly" in got and "secure" in got and got.get("samesite") == "Lax", (
        "the clearing cookie carries the same flags: delete_cookie(..., httponly=True, secure=True, samesite='Lax')"
    )
    stolen = app.test_client()
    stolen.set_cookie("sid", old)
    assert stolen.get("/me").status_code == 401, (
        "a copy of the old cookie must stop working: delete the session from the server's store, "
        "clearing the browser's cookie is not enough"
    )


def test_logout_without_a_session_is_fine(app):
    assert app.test_client().post("/logout").status_code == 204


def test_logout_ends_only_that_session(app, admin):
    other = app.test_client()
    login(other, "admin", "admin-pass-1")
    admin.post("/logout")
    assert other.get("/me").status_code == 200


# --- roles ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("role", "status"), [("admin", 200), ("editor", 200), ("viewer", 403)])
def test_drafts_are_for_admins_and_editors(app, admin, role, status):
    client = admin if role == "admin" else as_user(app, admin, f"{role}-user", role)
    response = client.get("/drafts")
    assert response.status_code == status, f"a {role} asking for /drafts should get {status}"
    if status == 403:
        assert response.get_json() == {"error": "forbidden"}
    else:
        assert response.get_json() == {"drafts": []}


def test_anonymous_visitors_get_401_not_403(app):
    client = app.test_client()
    for method, url in [("get", "/drafts"), ("post", "/users"), ("delete", "/users/admin"), ("get", "/me")]:
        response = getattr(client, method)(url, json={})
        assert response.status_code == 401, f"{method.upper()} {url}: not logged in is 401 (403 means: logged in, not allowed)"


@pytest.mark.parametrize("role", ["editor", "viewer"])
def test_only_admins_manage_users(app, admin, role):
    client = as_user(app, admin, "someone", role)
    assert client.post("/users", json={"username": "x", "password": "password-1", "role": "admin"}).status_code == 403
    assert client.delete("/users/admin").status_code == 403
    assert set(app.extensions["auth"].users) == {"admin", "someone"}


# --- users and their passwords ------------------------------------------------------------------

def test_a_new_user_is_stored_with_a_salted_hash_and_can_log_in(app, admin):
    add_user(admin, "bob", "viewer", password="correct horse")
    add_user(admin, "cy", "viewer", password="correct horse")
    users = app.extensions["auth"].users
    bob_hash, cy_hash = users["bob"]["password_hash"], users["cy"]["password_hash"]
    assert "correct horse" not in bob_hash, "store a hash of the password, never the password"
    assert bob_hash.startswith("pbkdf2:sha256:1000$"), "hash with generate_password_hash(password, method=hash_method)"
    assert bob_hash != cy_hash, "the same password must hash differently for two users (a random salt)"
    assert check_password_hash(bob_hash, "correct horse")
    client = app.test_client()
    assert login(client, "bob", "correct horse").get_json() == {"user": "bob", "role": "viewer"}


def test_the_default_hash_is_scrypt():
    app = create_app("admin-pass-1")
    assert app.extensions["auth"].users["admin"]["password_hash"].startswith("scrypt:")


@pytest.mark.parametrize(
    "body",
    [
        {"username": "bob", "password": "seven77", "role": "viewer"},
        {"username": "bob", "password": "password-1", "role": "owner"},
        {"username": "   ", "password": "password-1", "role": "viewer"},
        {"username": "bob", "password": "password-1"},
        {"password": "password-1", "role": "viewer"},
        {"username": "bob", "password": 12345678, "role": "viewer"},
        {"username": 5, "password": "password-1", "role": "viewer"},
    ],
    ids=["password-of-7", "unknown-role", "blank-username", "no-role", "no-username", "password-not-a-string",
         "username-not-a-string"],
)
def test_an_invalid_new_user_is_422(app, admin, body):
    response = admin.post("/users", json=body)
    assert response.status_code == 422
    assert response.get_json() == {"error": "username, a password of 8+ characters and a known role are required"}
    assert set(app.extensions["auth"].users) == {"admin"}


def test_a_password_of_eight_characters_is_enough(app, admin):
    add_user(admin, "bob", "viewer", password="eight888")


@pytest.mark.parametrize("role", ["admin", "editor", "viewer"])
def test_adding_a_user_answers_201_with_the_user(admin, role):
    response = admin.post("/users", json={"username": "dee", "password": "password-1", "role": role})
    assert response.status_code == 201
    assert response.get_json() == {"user": "dee", "role": role}


def test_a_body_that_is_not_json_is_422(app, admin):
    response = admin.post("/users", data={"username": "dee", "password": "password-1", "role": "viewer"})
    assert response.status_code == 422, "read the body with request.get_json(silent=True): a form post is no user"
    assert set(app.extensions["auth"].users) == {"admin"}


def test_an_existing_user_is_409(app, admin):
    response = admin.post("/users", json={"username": "admin", "password": "password-2", "role": "viewer"})
    assert response.status_code == 409
    assert response.get_json() == {"error": "user admin exists"}
    assert login(app.test_client(), "admin", "admin-pass-1").get_json()["role"] == "admin", "the admin was overwritten"


def test_deleting_a_user_ends_their_sessions_at_once(app, admin):
    bob = as_user(app, admin, "bob", "editor")
    other_device = app.test_client()
    login(other_device, "bob", "password-1")
    response = admin.delete("/users/bob")
    assert response.status_code == 204 and response.data == b""
    assert bob.get("/me").status_code == 401 and other_device.get("/me").status_code == 401, (
        "a deleted user's sessions must stop working at once, on every device"
    )
    assert [s["user"] for s in app.extensions["auth"].sessions.values()] == ["admin"]
    assert admin.delete("/users/bob").get_json() == {"error": "user bob not found"}


def test_deleting_an_unknown_user_is_404(admin):
    assert admin.delete("/users/nobody").status_code == 404


def test_each_app_has_its_own_users_and_sessions(app, admin):
    other = create_app("other-pass-1", hash_method=FAST_HASH)
    assert other.extensions["auth"].sessions == {}
    client = other.test_client()
    client.set_cookie("sid", sid_of(admin))
    assert client.get("/me").status_code == 401


def test_a_changed_role_counts_from_the_next_request(app, admin):
    bob = as_user(app, admin, "bob", "editor")
    assert bob.get("/drafts").status_code == 200
    app.extensions["auth"].users["bob"]["role"] = "viewer"   # demoted while logged in
    assert bob.get("/drafts").status_code == 403, (
        "read the role from `users` on every request: a role copied into the session at login outlives a demotion"
    )
    assert bob.get("/me").get_json() == {"user": "bob", "role": "viewer"}
