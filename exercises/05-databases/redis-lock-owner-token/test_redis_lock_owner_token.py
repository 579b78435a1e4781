import fakeredis
import pytest
import redis

from redis_lock_owner_token import acquire, extend, release


@pytest.fixture
def server():
    return fakeredis.FakeServer()


@pytest.fixture
def r(server):
    return fakeredis.FakeRedis(server=server, decode_responses=True)


@pytest.fixture
def other(server):
    """Another worker process using the same Redis."""
    return fakeredis.FakeRedis(server=server, decode_responses=True)


@pytest.fixture
def after_command(monkeypatch):
    """after_command(name, action): run action() once, right after the client under test sends that command."""
    hooks = {}
    busy = []

    def wrap(original):
        def patched(self, *args, **options):
            result = original(self, *args, **options)
            name = str(args[0]).upper()
            if name in hooks and not busy:
                busy.append(True)
                try:
                    hooks.pop(name)()
                finally:
                    busy.clear()
            return result
        return patched

    monkeypatch.setattr(redis.Redis, "execute_command", wrap(redis.Redis.execute_command))
    monkeypatch.setattr(redis.client.Pipeline, "immediate_execute_command",
                        wrap(redis.client.Pipeline.immediate_execute_command))
    return lambda command, action: hooks.__setitem__(command.upper(), action)


def expire_now_and_let_other_take(other):
    """Our lock's TTL runs out and another worker acquires it."""
    other.delete("lock:report")
    other.set("lock:report", "other-token", px=30_000)


def test_acquire_takes_a_free_lock_with_a_ttl(r):
    token = acquire(r, "report", 10_000)
    assert isinstance(token, str) and len(token) >= 32, (
        "return a random token of at least 128 bits (secrets.token_hex(16): 32 hex digits) that identifies this owner"
    )
    assert r.get("lock:report") == token
    assert 0 < r.pttl("lock:report") <= 10_000, "a lock needs a TTL, or a crashed owner holds it forever"


def test_a_held_lock_cannot_be_taken(r, other):
    assert acquire(r, "report", 10_000)
    assert acquire(other, "report", 10_000) is None
    assert acquire(other, "backup", 10_000) is not None, "locks with other names are independent"


def test_every_acquisition_gets_a_new_token(r):
    first = acquire(r, "report", 10_000)
    release(r, "report", first)
    second = acquire(r, "report", 10_000)
    assert second is not None and second != first, "tokens must be random per acquisition (secrets.token_hex)"


def test_a_crash_right_after_acquiring_still_leaves_a_ttl(r, after_command):
    class Crash(Exception):
        pass

    def crash():
        raise Crash

    after_command("SET", crash)
    with pytest.raises(Crash):
        acquire(r, "report", 10_000)
    assert r.pttl("lock:report") != -1, (
        "the process died after SET but before EXPIRE: the lock now never expires. "
        "Set value and expiry in one command: r.set(key, token, nx=True, px=ttl_ms)"
    )


def test_a_ttl_of_1_ms_is_allowed(r):
    assert acquire(r, "flash", 1) is not None
    token = acquire(r, "report", 10_000)
    assert extend(r, "report", token, 1) is True


@pytest.mark.parametrize("ttl_ms", [0, -5], ids=["zero", "negative"])
def test_a_ttl_below_1_ms_is_refused(r, ttl_ms):
    with pytest.raises(ValueError, match="ttl"):
        acquire(r, "report", ttl_ms)
    with pytest.raises(ValueError, match="ttl"):
        extend(r, "report", "token", ttl_ms)


def test_the_owner_can_release(r, other):
    token = acquire(r, "report", 10_000)
    assert release(r, "report", token) is True
    assert not r.exists("lock:report")
    assert acquire(other, "report", 10_000) is not None


def test_a_wrong_token_cannot_release(r):
    token = acquire(r, "report", 10_000)
    assert release(r, "report", "not-" + token) is False, "only the token's owner may release the lock"
    assert release(r, "report", token[:-1]) is False, "compare the whole token, not a prefix"
    assert r.get("lock:report") == token


def test_releasing_after_expiry_does_not_free_someone_elses_lock(r, other):
    token = acquire(r, "report", 10_000)
    expire_now_and_let_other_take(other)
    assert release(r, "report", token) is False
    assert r.get("lock:report") == "other-token", (
        "a plain DEL released the lock another worker holds now: delete only if the value is still your token"
    )


def test_releasing_a_free_lock_is_false(r):
    assert release(r, "report", "whatever") is False


def test_the_check_and_the_delete_are_atomic(r, other, after_command):
    token = acquire(r, "report", 10_000)
    after_command("GET", lambda: expire_now_and_let_other_take(other))
    release(r, "report", token)
    assert r.get("lock:report") == "other-token", (
        "between your GET and your DEL the lock expired and another worker took it, and you deleted theirs: "
        "WATCH the key, GET, then MULTI/DEL/EXEC (a WatchError means it is not yours any more)"
    )


def test_the_owner_can_extend_the_ttl(r):
    token = acquire(r, "report", 1_000)
    assert extend(r, "report", token, 60_000) is True
    assert 1_000 < r.pttl("lock:report") <= 60_000


def test_no_one_else_can_extend(r, other):
    token = acquire(r, "report", 1_000)
    assert extend(r, "report", "not-" + token, 60_000) is False
    assert r.pttl("lock:report") <= 1_000
    expire_now_and_let_other_take(other)
    assert extend(r, "report", token, 60_000) is False
    assert r.pttl("lock:report") <= 30_000, "you extended a lock you no longer own"


def test_the_check_and_the_extend_are_atomic(r, other, after_command):
    token = acquire(r, "report", 1_000)
    after_command("GET", lambda: expire_now_and_let_other_take(other))
    assert extend(r, "report", token, 60_000) is False
    assert r.pttl("lock:report") <= 30_000, "you extended the other worker's lock: WATCH, GET, MULTI/PEXPIRE/EXEC"
