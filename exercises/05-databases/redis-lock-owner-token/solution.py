"""A Redis lock that only its owner can release: SET NX PX and a token."""
import secrets

import redis


def lock_key(name: str) -> str:
    return f"lock:{name}"


def acquire(r: redis.Redis, name: str, ttl_ms: int) -> str | None:
    if ttl_ms <= 0:
        raise ValueError(f"ttl_ms must be positive, got {ttl_ms}")
    token = secrets.token_hex(16)
    if r.set(lock_key(name), token, nx=True, px=ttl_ms):
        return token
    return None


def _if_owner(r: redis.Redis, name: str, token: str, apply) -> bool:
    key = lock_key(name)
    with r.pipeline() as pipe:
        try:
            pipe.watch(key)
            if pipe.get(key) != token:
                return False
            pipe.multi()
            apply(pipe, key)
            pipe.execute()
            return True
        except redis.WatchError:
            return False


def release(r: redis.Redis, name: str, token: str) -> bool:
    return _if_owner(r, name, token, lambda pipe, key: pipe.delete(key))


def extend(r: redis.Redis, name: str, token: str, ttl_ms: int) -> bool:
    if ttl_ms <= 0:
        raise ValueError(f"ttl_ms must be positive, got {ttl_ms}")
    return _if_owner(r, name, token, lambda pipe, key: pipe.pexpire(key, ttl_ms))
