"""A Redis lock that only its owner can release: SET NX PX and a token.

Several worker processes must not run the nightly report at the same time.
A Redis key lock:<name> is the lock: whoever creates it holds it. Three
classic bugs make such locks unsafe, and the tests try each:
  * SET then EXPIRE as two commands: a worker that dies between them leaves
    a lock with no TTL that nobody can ever take again. Set both at once:
    r.set(key, token, nx=True, px=ttl_ms) (nx: only if the key is absent;
    px: expire after ttl_ms milliseconds). It returns True, or None if taken.
  * DEL on release: if your work took longer than the TTL, the lock expired
    and another worker holds it now; a plain DEL frees THEIR lock. Store a
    random token as the value and delete only if it is still yours.
  * GET, compare, then DEL: the lock can expire and be taken between your
    GET and your DEL. Make check-and-delete atomic. (In production this is
    a 3-line Lua script run with EVAL; the fakeredis in this course has no
    Lua, so use optimistic locking: WATCH the key, GET it, then MULTI, DEL,
    EXEC; EXEC raises redis.WatchError if the key changed after WATCH.)

The tests pass clients created with decode_responses=True (values are str).

1. acquire(r, name, ttl_ms) -> token or None
   Take lock:<name> for ttl_ms milliseconds with a fresh random token
   (secrets.token_hex(16)); None if someone holds it. ttl_ms < 1 raises
   ValueError naming ttl_ms.
2. release(r, name, token) -> bool
   Delete the lock only if its value is exactly token; True if you did.
   A changed key during the check (WatchError) means it is not yours: False.
3. extend(r, name, token, ttl_ms) -> bool
   The same, but instead of deleting, set the TTL to ttl_ms (PEXPIRE).
   ttl_ms < 1 raises ValueError naming ttl_ms.

    >>> token = acquire(r, "report", 30_000)
    >>> acquire(r, "report", 30_000) is None
    True
    >>> release(r, "report", "someone-else"), release(r, "report", token)
    (False, True)
"""
import secrets  # noqa: F401  (you will need it)

import redis


def acquire(r: redis.Redis, name: str, ttl_ms: int) -> str | None:
    # TODO
    raise NotImplementedError


def release(r: redis.Redis, name: str, token: str) -> bool:
    # TODO: WATCH, GET, compare, MULTI, DEL, EXEC
    raise NotImplementedError


def extend(r: redis.Redis, name: str, token: str, ttl_ms: int) -> bool:
    # TODO: like release, with PEXPIRE
    raise NotImplementedError
