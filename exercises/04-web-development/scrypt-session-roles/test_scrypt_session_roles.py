"""Tests use n=1024 to stay fast; real servers keep the default 2**14 or more."""
import hmac

import pytest

import scrypt_session_roles
from scrypt_session_roles import (
    InvalidToken,
    hash_password,
    read_session,
    require_role,
    sign_session,
    verify_password,
)

SALT = b"0123456789abcdef"
SECRET = b"server-secret"
FAST = 256


def test_hash_password_has_the_scrypt_n_salt_key_format():
    assert hash_password("hunter2", salt=SALT, n=1024) == (
        "scrypt$1024$30313233343536373839616263646566$"
        "c61ca0081fbefe59ea909b97caaa6ea88c325e9d5f66e0beab7775ebc9212140"
    )


def test_hash_password_uses_n_16384_by_default():
    stored = hash_password("hunter2", salt=SALT)
    assert stored == (
        "scrypt$16384$30313233343536373839616263646566$"
        "a84c7deddb70b3d9f7b8233a571e6e722a03466fd864c2fa2ff39ec82654646f"
    )


def test_hash_password_picks_a_fresh_random_salt_each_time():
    first = hash_password("hunter2", n=FAST)
    second = hash_password("hunter2", n=FAST)
    assert first != second, "without a random salt, equal passwords give equal hashes"
    assert len(first.split("$")[2]) == 32, "the salt should be 16 random bytes (32 hex digits)"


def test_hash_password_never_contains_the_password():
    assert "hunter2" not in hash_password("hunter2", n=FAST)


def test_hash_password_rejects_an_empty_password():
    with pytest.raises(ValueError, match="must not be empty"):
        hash_password("", n=FAST)


@pytest.mark.parametrize("password", ["hunter2", "pässwörd 🔑"], ids=["ascii", "unicode"])
def test_verify_password_accepts_the_right_password(password):
    assert verify_password(password, hash_password(password, n=FAST)) is True


@pytest.mark.parametrize(
    "attempt", ["hunter3", "Hunter2", ""], ids=["one-char", "case", "empty"]
)
def test_verify_password_rejects_a_wrong_password(attempt):
    assert verify_password(attempt, hash_password("hunter2", n=FAST)) is False


@pytest.fixture
def compare_digest_calls(monkeypatch):
    """Records every call of compare_digest, however it was imported.

    `import hmac` + `hmac.compare_digest`, `from hmac import compare_digest` (under any name) and
    `secrets.compare_digest` all reach the same function: each of those names is watched.
    """
    import secrets

    calls = []
    real = hmac.compare_digest

    def spy(a, b):
        calls.append((a, b))
        return real(a, b)

    monkeypatch.setattr(hmac, "compare_digest", spy)
    monkeypatch.setattr(secrets, "compare_digest", spy)
    for name, value in list(vars(scrypt_session_roles).items()):
        if value is real:
            monkeypatch.setattr(scrypt_session_roles, name, spy)
    return calls


def test_verify_password_compares_the_keys_in_constant_time(compare_digest_calls):
    stored = hash_password("hunter2", n=FAST)
    assert verify_password("hunter2", stored) is True
    assert verify_password("hunter3", stored) is False
    assert len(compare_digest_calls) >= 2, (
        "compare the keys with hmac.compare_digest (or secrets.compare_digest), not ==: == stops at the first "
        "differing byte, so its timing tells an attacker how much of a guess was right"
    )


@pytest.mark.parametrize(
    "stored",
    ["plaintext-password", "scrypt$1024$abcd", "md5$1024$00$00", "scrypt$1024$zz$00"],
    ids=["no-dollars", "three-parts", "other-scheme", "salt-not-hex"],
)
def test_verify_password_rejects_a_malformed_stored_hash(stored):
    with pytest.raises(ValueError, match="malformed password hash"):
        verify_password("hunter2", stored)


def test_sign_session_appends_the_hex_hmac_sha256_signature():
    assert sign_session("alice", "admin", SECRET) == (
        "alice:admin.c46ea36e9fa1d07a79d9c9e1a7cb0c5f50b2dd59f72609b247c549e75523eb1e"
    )


@pytest.mark.parametrize(("user", "role"), [("alice", "admin"), ("zoë", "editor")], ids=["ascii", "unicode"])
def test_read_session_returns_what_was_signed(user, role):
    assert read_session(sign_session(user, role, SECRET), SECRET) == {"user": user, "role": role}


@pytest.mark.parametrize(
    "token",
    [
        # bob's real token was "bob:viewer.3715...": he edits his cookie but cannot re-sign it
        "bob:admin.3715faf3b4d1376833e5cbe3eff5641cb2239f36d0f401f23e73328bb56467b8",
        # "alice:admin" signed with some other secret than the server's
        "alice:admin.09f01f0d2ff0427c1464abaf52939fb700af64e2a2579c52138145eeef09dbf0",
        "alice:admin",
        "alice:admin.é" + "0" * 63,
        "",
    ],
    ids=["tampered-role", "wrong-secret", "no-signature", "non-ascii-signature", "empty-token"],
)
def test_read_session_rejects_forged_or_malformed_tokens(token):
    with pytest.raises(InvalidToken):
        read_session(token, SECRET)


@pytest.mark.parametrize(
    ("user", "role"),
    [("", "admin"), ("alice", ""), ("al:ice", "admin"), ("alice", "ad:min"), ("al.ice", "admin"), ("alice", "ad.min")],
    ids=["empty-user", "empty-role", "colon-in-user", "colon-in-role", "dot-in-user", "dot-in-role"],
)
def test_sign_session_rejects_names_that_would_break_the_token(user, role):
    with pytest.raises(ValueError):
        sign_session(user, role, SECRET)


class WatchedToken(str):
    """A token from the browser that notices `==` and `!=` on itself or on any piece cut from it.

    Those stop at the first differing character, so their timing leaks how much of a forged
    signature was right. hmac.compare_digest (however imported) does not call them.
    """

    compared = []

    def __eq__(self, other):
        WatchedToken.compared.append("==")
        return str.__eq__(self, other)

    def __ne__(self, other):
        WatchedToken.compared.append("!=")
        return str.__ne__(self, other)

    __hash__ = str.__hash__

    def encode(self, *args, **kwargs):
        return WatchedBytes(str.encode(self, *args, **kwargs))

    def __getitem__(self, index):
        return WatchedToken(str.__getitem__(self, index))

    def partition(self, sep):
        return tuple(WatchedToken(part) for part in str.partition(self, sep))

    def rpartition(self, sep):
        return tuple(WatchedToken(part) for part in str.rpartition(self, sep))

    def split(self, *args, **kwargs):
        return [WatchedToken(part) for part in str.split(self, *args, **kwargs)]

    def rsplit(self, *args, **kwargs):
        return [WatchedToken(part) for part in str.rsplit(self, *args, **kwargs)]


class WatchedBytes(bytes):
    def __eq__(self, other):
        WatchedToken.compared.append("==")
        return bytes.__eq__(self, other)

    def __ne__(self, other):
        WatchedToken.compared.append("!=")
        return bytes.__ne__(self, other)

    __hash__ = bytes.__hash__


@pytest.mark.parametrize(
    "token",
    [
        "alice:admin.c46ea36e9fa1d07a79d9c9e1a7cb0c5f50b2dd59f72609b247c549e75523eb1e",
        "alice:admin.c46ea36e9fa1d07a79d9c9e1a7cb0c5f50b2dd59f72609b247c549e75523eb10",
    ],
    ids=["genuine", "last-digit-forged"],
)
def test_read_session_compares_the_signature_in_constant_time(monkeypatch, token):
    monkeypatch.setattr(WatchedToken, "compared", [])
    try:
        read_session(WatchedToken(token), SECRET)
    except InvalidToken:
        pass
    assert WatchedToken.compared == [], (
        f"the signature was compared with {WatchedToken.compared[0]}: its timing lets an attacker forge a signature "
        "one character at a time. Use hmac.compare_digest on the .encode()d signatures"
    )


def test_a_token_without_a_dot_is_refused_even_if_it_is_the_signature_of_nothing():
    bare = hmac.new(SECRET, b"", "sha256").hexdigest()
    with pytest.raises(InvalidToken):
        read_session(bare, SECRET)


@pytest.fixture
def delete_post():
    """A view only admins and editors may call (built here, so a broken decorator fails only these tests)."""

    @require_role("admin", "editor")
    def delete_post(session, post_id):
        """Delete one blog post."""
        return f"{session['user']} deleted post {post_id}"

    return delete_post


@pytest.mark.parametrize("role", ["admin", "editor"])
def test_require_role_lets_an_allowed_role_through(delete_post, role):
    assert delete_post({"user": "alice", "role": role}, 7) == "alice deleted post 7"


def test_require_role_refuses_a_role_that_is_not_allowed(delete_post):
    with pytest.raises(PermissionError, match="'viewer' may not call delete_post"):
        delete_post({"user": "bob", "role": "viewer"}, 7)


@pytest.mark.parametrize("role", ["edit", "min", "", "Admin"], ids=["prefix-of-editor", "part-of-admin", "empty", "other-case"])
def test_require_role_matches_whole_role_names_exactly(delete_post, role):
    with pytest.raises(PermissionError, match="may not call delete_post"):
        delete_post({"user": "bob", "role": role}, 7)


def test_require_role_asks_anonymous_visitors_to_log_in(delete_post):
    with pytest.raises(PermissionError, match="login required"):
        delete_post(None, 7)


def test_require_role_keeps_the_view_name_and_docstring(delete_post):
    assert delete_post.__name__ == "delete_post"
    assert delete_post.__doc__ == "Delete one blog post."


def test_a_whole_login_flow_from_password_to_protected_view(delete_post):
    stored = hash_password("correct horse", n=FAST)
    assert verify_password("correct horse", stored)
    token = sign_session("alice", "editor", SECRET)
    assert delete_post(read_session(token, SECRET), post_id=3) == "alice deleted post 3"
