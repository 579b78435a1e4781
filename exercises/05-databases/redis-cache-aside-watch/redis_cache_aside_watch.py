"""Cache-aside with TTLs, and an atomic check-and-decrement with WATCH/MULTI.

The tests pass a Redis client (fakeredis, created with decode_responses=True,
so values come back as str) and a sqlite3 connection to a database with
    products(id INTEGER PRIMARY KEY, name TEXT NOT NULL,
             price_cents INTEGER NOT NULL CHECK (price_cents >= 0))
Other clients share the same Redis server, as other processes of your service
would.

1. get_product(r, conn, product_id, *, ttl=300, negative_ttl=30) -> dict | None
   Cache-aside: look in Redis under the key f"product:{product_id}" first; on
   a hit return it without touching the database. On a miss, SELECT the row
   (the id is a ? parameter: it may come straight from a URL), store it as JSON with an expiry of `ttl` seconds, and
   return {"id": ..., "name": ..., "price_cents": ...}. A product that does
   not exist is cached too (as JSON null) but only for `negative_ttl`
   seconds, and None is returned: otherwise every request for a missing id
   goes to the database.

2. update_price(r, conn, product_id, price_cents) -> None
   UPDATE the price and COMMIT, and only then delete the cache key (do not
   write the new value into it; the next read will cache it). Deleting before
   the commit lets a reader in between cache the old price for a whole TTL.
   An unknown id raises LookupError naming the id (and leaves the cache
   alone); a negative price raises sqlite3.IntegrityError (the CHECK) and
   leaves no transaction open.

3. reserve_stock(r, sku, qty) -> bool
   The stock is a counter under f"stock:{sku}" (a missing key means 0).
   Take qty units only if at least qty are left, and return whether you did.
   GET-then-DECRBY is a race: another client can take units in between and
   the stock goes negative. Make it atomic with optimistic locking:
       with r.pipeline() as pipe:
           pipe.watch(key)        # EXEC will fail if key changes after this
           ... pipe.get(key) ...  # immediate, since the pipe is watching
           pipe.multi(); pipe.decrby(key, qty); pipe.execute()
   and start again when execute() raises redis.WatchError. qty <= 0 raises
   ValueError naming qty.

    >>> r.set("stock:PEN", 5)
    >>> reserve_stock(r, "PEN", 3), reserve_stock(r, "PEN", 3)
    (True, False)
"""
import json
import sqlite3

import redis


def get_product(r: redis.Redis, conn: sqlite3.Connection, product_id: int, *,
                ttl: int = 300, negative_ttl: int = 30) -> dict | None:
    # TODO: r.get -> hit? json.loads : SELECT, r.set(key, json.dumps(...), ex=...)
    raise NotImplementedError


def update_price(r: redis.Redis, conn: sqlite3.Connection, product_id: int, price_cents: int) -> None:
    # TODO: UPDATE + commit, then r.delete(key)
    raise NotImplementedError


def reserve_stock(r: redis.Redis, sku: str, qty: int) -> bool:
    # TODO: WATCH / GET / MULTI / DECRBY / EXEC, retry on redis.WatchError
    raise NotImplementedError
