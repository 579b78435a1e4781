import sqlite3

import fakeredis
import pytest
import redis

from redis_cache_aside_watch import get_product, reserve_stock, update_price


@pytest.fixture
def server():
    return fakeredis.FakeServer()


@pytest.fixture
def r(server):
    return fakeredis.FakeRedis(server=server, decode_responses=True)


@pytest.fixture
def other_client(server):
    """Another process using the same Redis server."""
    return fakeredis.FakeRedis(server=server, decode_responses=True)


@pytest.fixture
def db_path(tmp_path):
    path = tmp_path / "shop.db"
    conn = sqlite3.connect(path)
    conn.executescript("""
        CREATE TABLE products (id INTEGER PRIMARY KEY, name TEXT NOT NULL,
                               price_cents INTEGER NOT NULL CHECK (price_cents >= 0));
    """)
    conn.executemany("INSERT INTO products VALUES (?, ?, ?)",
                     [(1, "Pen", 150), (2, "Zoë's mug", 900), (3, "Free sticker", 0)])
    conn.commit()
    conn.close()
    return path


@pytest.fixture
def conn(db_path):
    conn = sqlite3.connect(db_path)
    yield conn
    conn.close()


@pytest.fixture
def db_reads(conn):
    """The SELECTs the code under test sends to the database."""
    statements = []
    conn.set_trace_callback(lambda sql: statements.append(sql) if sql.lstrip().upper().startswith("SELECT") else None)
    return statements


@pytest.fixture
def hook(monkeypatch):
    """hook(command, callback): run callback() once, right after the client under test sends that command."""
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

    def add(command, callback):
        hooks[command.upper()] = callback

    return add


@pytest.mark.parametrize(
    "product_id, expected",
    [(1, {"id": 1, "name": "Pen", "price_cents": 150}),
     (2, {"id": 2, "name": "Zoë's mug", "price_cents": 900}),
     (3, {"id": 3, "name": "Free sticker", "price_cents": 0})],
    ids=["plain", "unicode-and-quote", "zero-price"],
)
def test_a_miss_reads_the_database_and_a_hit_does_not(r, conn, db_reads, product_id, expected):
    assert get_product(r, conn, product_id) == expected
    assert len(db_reads) == 1, "the first lookup misses the cache and reads the database once"
    assert get_product(r, conn, product_id) == expected
    assert len(db_reads) == 1, "the second lookup must come from Redis: the database was read again"


def test_an_id_straight_from_a_url_is_a_parameter_not_sql(r, conn):
    assert get_product(r, conn, "0 OR 1=1") is None, (
        "the id was formatted into the SQL and rewrote the query: pass it as a ? parameter"
    )


def test_cached_entries_expire_after_the_ttl(r, conn):
    get_product(r, conn, 1, ttl=120)
    assert r.ttl("product:1") == 120, "cache entries need a TTL (r.set(key, value, ex=ttl)), or stale data lives forever"


def test_the_default_ttls_are_300_and_30_seconds(r, conn):
    get_product(r, conn, 1)
    get_product(r, conn, 99)
    assert (r.ttl("product:1"), r.ttl("product:99")) == (300, 30)


def test_the_cache_is_shared_with_other_processes(r, conn, other_client, db_reads):
    get_product(other_client, conn, 1)
    assert get_product(r, conn, 1)["price_cents"] == 150
    assert len(db_reads) == 1, "the entry cached by another client under product:1 must be used"


def test_a_missing_product_is_cached_briefly_as_none(r, conn, db_reads):
    assert get_product(r, conn, 99, negative_ttl=7) is None
    assert get_product(r, conn, 99, negative_ttl=7) is None
    assert len(db_reads) == 1, "a missing id must be cached too, or every request for it hits the database"
    assert r.ttl("product:99") == 7, "a missing product is cached for negative_ttl seconds only"


def test_a_product_created_after_a_negative_entry_expired_is_found(r, conn):
    assert get_product(r, conn, 4) is None
    conn.execute("INSERT INTO products VALUES (4, 'Cup', 500)")
    conn.commit()
    r.delete("product:4")  # as if negative_ttl had passed
    assert get_product(r, conn, 4) == {"id": 4, "name": "Cup", "price_cents": 500}


def test_a_price_update_is_seen_by_the_next_read(r, conn):
    get_product(r, conn, 1)
    update_price(r, conn, 1, 175)
    assert get_product(r, conn, 1)["price_cents"] == 175, "after an update the cached copy must be invalidated"


def test_a_price_update_is_committed(r, conn, db_path):
    update_price(r, conn, 2, 0)
    other = sqlite3.connect(db_path)
    try:
        assert other.execute("SELECT price_cents FROM products WHERE id = 2").fetchone() == (0,), (
            "another connection still sees the old price: update_price must commit"
        )
    finally:
        other.close()


def test_the_cache_is_invalidated_only_after_the_commit(r, conn, db_path, hook):
    seen_by_other_readers = []

    def a_reader_in_between():
        other = sqlite3.connect(db_path)
        try:
            seen_by_other_readers.append(other.execute("SELECT price_cents FROM products WHERE id = 1").fetchone()[0])
        finally:
            other.close()

    get_product(r, conn, 1)
    hook("DEL", a_reader_in_between)
    hook("UNLINK", a_reader_in_between)
    update_price(r, conn, 1, 175)
    assert seen_by_other_readers == [175], (
        "when the cache key was deleted the new price was not committed yet: a reader in between "
        "re-caches the old price for a whole TTL. Commit first, then delete the key"
    )


def test_updating_an_unknown_product_raises_and_keeps_the_cache(r, conn):
    get_product(r, conn, 1)
    with pytest.raises(LookupError, match="42"):
        update_price(r, conn, 42, 100)
    assert r.exists("product:1")


def test_an_invalid_price_changes_nothing(r, conn):
    get_product(r, conn, 1)
    with pytest.raises(sqlite3.IntegrityError):
        update_price(r, conn, 1, -5)
    assert get_product(r, conn, 1)["price_cents"] == 150
    assert not conn.in_transaction, "the failed update left a transaction open"


@pytest.mark.parametrize(
    "stock, qty, allowed, left",
    [(5, 3, True, 2), (5, 5, True, 0), (5, 6, False, 5), (None, 1, False, None)],
    ids=["enough", "exactly-all", "one-too-many", "unknown-sku"],
)
def test_reserve_stock_decrements_only_when_enough_is_left(r, stock, qty, allowed, left):
    if stock is not None:
        r.set("stock:PEN", stock)
    assert reserve_stock(r, "PEN", qty) is allowed
    assert r.get("stock:PEN") == (None if left is None else str(left))


@pytest.mark.parametrize("qty", [0, -2], ids=["zero", "negative"])
def test_reserving_nothing_or_less_is_refused(r, qty):
    r.set("stock:PEN", 5)
    with pytest.raises(ValueError, match="qty"):
        reserve_stock(r, "PEN", qty)
    assert r.get("stock:PEN") == "5"


def test_a_reservation_racing_another_client_never_oversells(r, other_client, hook):
    r.set("stock:PEN", 5)
    hook("GET", lambda: other_client.decrby("stock:PEN", 3))  # someone buys 3 right after we read 5
    assert reserve_stock(r, "PEN", 4) is False, (
        "between your GET and your DECRBY another client took 3 of the 5: reading then writing is not "
        "atomic. WATCH the key, then MULTI/EXEC the decrement and retry on WatchError"
    )
    assert r.get("stock:PEN") == "2"


def test_a_reservation_retries_after_a_harmless_race(r, other_client, hook):
    r.set("stock:PEN", 10)
    hook("GET", lambda: other_client.decrby("stock:PEN", 3))
    assert reserve_stock(r, "PEN", 4) is True, "after a WatchError, read the stock again and retry"
    assert r.get("stock:PEN") == "3"
