import sqlite3

import fakeredis
import pytest

from shop_repository_capstone import open_repository
from shoprepo import MIGRATIONS, OutOfStockError, Product, StaleVersionError

# Migration 1 exactly as it shipped: databases in production were created with it.
SCHEMA_V1 = """
    CREATE TABLE products (
        sku TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        price_cents INTEGER NOT NULL CHECK (price_cents >= 0),
        stock INTEGER NOT NULL DEFAULT 0 CHECK (stock >= 0)
    );
    CREATE TABLE orders (
        id INTEGER PRIMARY KEY,
        customer_email TEXT NOT NULL,
        total_cents INTEGER NOT NULL CHECK (total_cents >= 0)
    );
    CREATE TABLE order_lines (
        order_id INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
        sku TEXT NOT NULL REFERENCES products(sku),
        qty INTEGER NOT NULL CHECK (qty > 0),
        unit_price_cents INTEGER NOT NULL CHECK (unit_price_cents >= 0),
        PRIMARY KEY (order_id, sku)
    );
"""

SEED = [("PEN", "Pen", 150, 10), ("INK", "Ink", 500, 2), ("MUG", "Kid's mug", 900, 0), ("CUP", "Cup", 300, 5)]


@pytest.fixture
def server():
    return fakeredis.FakeServer()


@pytest.fixture
def redis_client(server):
    return fakeredis.FakeRedis(server=server, decode_responses=True)


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "shop.db"


@pytest.fixture
def repo(db_path, redis_client):
    repo = open_repository(db_path, redis_client, busy_timeout_ms=2000)
    for sku, name, price, stock in SEED:
        repo.add(sku, name, price, stock)
    yield repo
    repo.conn.close()


@pytest.fixture
def other(db_path, repo):
    """Another process's connection to the same file; it never waits for a lock."""
    conn = sqlite3.connect(db_path, timeout=0, isolation_level=None)
    yield conn
    conn.close()


@pytest.fixture
def db_reads(repo):
    reads = []
    repo.conn.set_trace_callback(lambda sql: reads.append(sql) if sql.lstrip().upper().startswith("SELECT") else None)
    yield reads
    repo.conn.set_trace_callback(None)


def row(db_path, sql, params=()):
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute(sql, params).fetchone()
    finally:
        conn.close()


def stock_of(db_path):
    conn = sqlite3.connect(db_path)
    try:
        return dict(conn.execute("SELECT sku, stock FROM products"))
    finally:
        conn.close()


# -- opening: connection settings and migrations ------------------------------------------------

def test_open_repository_migrates_a_new_file_to_the_latest_version(repo, db_path):
    assert row(db_path, "PRAGMA user_version") == (len(MIGRATIONS),) == (2,)
    assert row(db_path, "SELECT version FROM products WHERE sku = 'PEN'") == (1,), (
        "migration 2 adds products.version, INTEGER NOT NULL DEFAULT 1"
    )
    assert row(db_path, "SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'idx_orders_customer_email'")


def test_reopening_keeps_the_data_and_applies_nothing_twice(repo, db_path, redis_client):
    again = open_repository(db_path, redis_client)
    try:
        assert again.get("PEN") == Product("PEN", "Pen", 150, 10, 1)
        assert again.conn.execute("PRAGMA busy_timeout").fetchone() == (5000,), "busy_timeout_ms defaults to 5000"
    finally:
        again.conn.close()


def test_a_version_1_database_is_upgraded_in_place(db_path, redis_client):
    old = sqlite3.connect(db_path, isolation_level=None)
    old.executescript(SCHEMA_V1 + "\nPRAGMA user_version = 1;")
    old.execute("INSERT INTO products (sku, name, price_cents, stock) VALUES ('OLD', 'Old pen', 99, 3)")
    old.close()
    repo = open_repository(db_path, redis_client)
    try:
        assert repo.get("OLD") == Product("OLD", "Old pen", 99, 3, 1), (
            "a database created by migration 1 must get the version column from migration 2 (never edit migration 1)"
        )
        assert row(db_path, "PRAGMA user_version") == (2,)
    finally:
        repo.conn.close()


def test_the_connection_is_set_up_for_a_service(repo):
    conn = repo.conn
    assert conn.isolation_level is None, "open in autocommit mode (isolation_level=None): you write BEGIN yourself"
    assert conn.execute("PRAGMA foreign_keys").fetchone() == (1,), "PRAGMA foreign_keys = ON, on every connection"
    assert conn.execute("PRAGMA busy_timeout").fetchone() == (2000,), "wait busy_timeout_ms for locks"
    assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",), "PRAGMA journal_mode = WAL"


def test_a_customers_orders_are_found_through_the_index(repo):
    plan = " | ".join(r[3] for r in repo.conn.execute(
        "EXPLAIN QUERY PLAN SELECT id, total_cents FROM orders WHERE customer_email = ? ORDER BY id", ("a@x",)))
    assert "idx_orders_customer_email" in plan and "TEMP B-TREE" not in plan, (
        f"index orders on (customer_email, id) so this is a SEARCH with no sort: {plan}"
    )


# -- get: cache-aside ---------------------------------------------------------------------------

def test_get_reads_the_database_once_then_the_cache(repo, db_reads, redis_client):
    assert repo.get("MUG") == Product("MUG", "Kid's mug", 900, 0, 1)
    assert repo.get("MUG") == Product("MUG", "Kid's mug", 900, 0, 1)
    assert len(db_reads) == 1, "the second get must be served from Redis"
    assert redis_client.ttl("shoprepo:product:MUG") == 300, "cache through repo.cache (JsonCache) under product:<sku>"


def test_get_of_an_unknown_sku_is_none(repo):
    assert repo.get("NOPE") is None
    assert repo.get("PEN' OR '1'='1") is None, "the sku must be a ? parameter"


# -- page: keyset pagination ----------------------------------------------------------------------

def test_add_returns_the_new_product_at_version_1(repo):
    assert repo.add("NEW", "New", 1) == Product("NEW", "New", 1, 0, 1)


def test_pages_follow_the_sku_order(repo):
    assert [p.sku for p in repo.page(1)] == ["CUP"], "a page of 1 is allowed"
    assert [p.sku for p in repo.page(2)] == ["CUP", "INK"]
    assert [p.sku for p in repo.page(2, after_sku="INK")] == ["MUG", "PEN"]
    assert repo.page(2, after_sku="PEN") == []
    assert repo.page(100)[0] == Product("CUP", "Cup", 300, 5, 1)


def test_a_page_is_stable_when_products_are_added_before_it(repo):
    first = repo.page(2)
    repo.add("AAA", "Early bird", 100)
    assert [p.sku for p in repo.page(2, after_sku=first[-1].sku)] == ["MUG", "PEN"], (
        "the next page starts strictly after the last sku seen (WHERE sku > ?), not at an OFFSET"
    )


def test_the_next_page_seeks_with_the_primary_key(repo):
    statements = []
    repo.conn.set_trace_callback(statements.append)
    repo.page(2, after_sku="INK")
    repo.conn.set_trace_callback(None)
    assert not any("OFFSET" in s.upper() for s in statements), "no OFFSET: seek after the last sku"


@pytest.mark.parametrize("limit", [0, 101], ids=["zero", "over-100"])
def test_a_page_limit_outside_1_to_100_is_refused(repo, limit):
    with pytest.raises(ValueError, match="limit"):
        repo.page(limit)


def test_an_after_sku_from_a_client_is_a_parameter(repo):
    assert [p.sku for p in repo.page(10, after_sku="MUG' OR '1'='1")] == ["PEN"]


# -- change_price: optimistic locking + invalidation ----------------------------------------------

def test_change_price_bumps_the_version_and_the_next_get_sees_it(repo):
    repo.get("PEN")  # now cached
    assert repo.change_price("PEN", 175, 1) == Product("PEN", "Pen", 175, 10, 2)
    assert repo.get("PEN") == Product("PEN", "Pen", 175, 10, 2), "drop the cached copy after a change"


def test_a_price_change_based_on_an_old_version_is_refused(repo, db_path):
    repo.change_price("PEN", 175, 1)
    with pytest.raises(StaleVersionError, match="2"):
        repo.change_price("PEN", 120, 1)
    assert row(db_path, "SELECT price_cents, version FROM products WHERE sku = 'PEN'") == (175, 2)


def test_a_concurrent_save_between_check_and_write_is_not_lost(repo, other, db_path):
    done = []

    def on_statement(sql):
        if not done and sql.lstrip().upper().startswith("UPDATE"):
            done.append(True)
            try:
                other.execute("UPDATE products SET price_cents = 111, version = version + 1 WHERE sku = 'PEN'")
                done.append("other saved")
            except sqlite3.OperationalError:
                pass

    repo.conn.set_trace_callback(on_statement)
    try:
        repo.change_price("PEN", 175, 1)
        ours_saved = True
    except StaleVersionError:
        ours_saved = False
    repo.conn.set_trace_callback(None)
    assert not (ours_saved and "other saved" in done), (
        "another save slipped in between your version check and your UPDATE: check the version in the UPDATE itself"
    )


def test_changing_an_unknown_product_raises_lookup_error(repo):
    with pytest.raises(LookupError, match="NOPE"):
        repo.change_price("NOPE", 100, 1)


def test_a_negative_price_is_refused_by_the_database(repo, db_path):
    with pytest.raises(sqlite3.IntegrityError):
        repo.change_price("PEN", -1, 1)
    assert row(db_path, "SELECT price_cents, version FROM products WHERE sku = 'PEN'") == (150, 1)


# -- place_order: one transaction ------------------------------------------------------------------

def test_an_order_takes_the_stock_and_records_lines_at_current_prices(repo, db_path):
    order_id = repo.place_order("o'neil@example.com", {"PEN": 3, "INK": 2})
    assert stock_of(db_path) == {"PEN": 7, "INK": 0, "MUG": 0, "CUP": 5}
    assert row(db_path, "SELECT customer_email, total_cents FROM orders WHERE id = ?", (order_id,)) == (
        "o'neil@example.com", 3 * 150 + 2 * 500)
    conn = sqlite3.connect(db_path)
    lines = conn.execute("SELECT sku, qty, unit_price_cents FROM order_lines WHERE order_id = ? ORDER BY sku",
                         (order_id,)).fetchall()
    conn.close()
    assert lines == [("INK", 2, 500), ("PEN", 3, 150)]
    assert repo.orders_of("o'neil@example.com") == [(order_id, 1450)]


def test_lines_keep_the_price_of_their_day(repo, db_path):
    first = repo.place_order("a@example.com", {"PEN": 1})
    repo.change_price("PEN", 200, 1)
    second = repo.place_order("a@example.com", {"PEN": 1})
    assert repo.orders_of("a@example.com") == [(first, 150), (second, 200)]


def test_an_order_makes_the_cached_stock_stale_so_it_is_dropped(repo):
    assert repo.get("CUP").stock == 5
    repo.place_order("a@example.com", {"CUP": 2})
    assert repo.get("CUP").stock == 3, "after the order commits, drop the cached copies of the skus it touched"


@pytest.mark.parametrize(
    "lines, error, match",
    [({"PEN": 2, "INK": 3}, OutOfStockError, "INK"),
     ({"PEN": 2, "MUG": 1}, OutOfStockError, "MUG"),
     ({"PEN": 2, "NOPE": 1}, LookupError, "NOPE"),
     ({"PEN": 2, "CUP": 0}, ValueError, "CUP"),
     ({"PEN": 2, "CUP": -1}, ValueError, "CUP"),
     ({}, ValueError, "line")],
    ids=["second-line-short", "none-left", "unknown-sku", "zero-qty", "negative-qty", "no-lines"],
)
def test_a_failing_order_changes_nothing(repo, db_path, lines, error, match):
    before = stock_of(db_path)
    with pytest.raises(error, match=match):
        repo.place_order("a@example.com", lines)
    assert stock_of(db_path) == before, "the first line's stock was taken although the order failed: roll back"
    assert row(db_path, "SELECT COUNT(*) FROM orders") == (0,)
    assert not repo.conn.in_transaction


def test_exactly_the_stock_left_can_be_ordered(repo, db_path):
    repo.place_order("a@example.com", {"INK": 2})
    assert stock_of(db_path)["INK"] == 0


def test_a_stock_change_by_another_process_is_not_lost(repo, other, db_path):
    done = []

    def on_statement(sql):
        if not done and sql.lstrip().upper().startswith("UPDATE"):
            done.append(True)
            try:
                other.execute("UPDATE products SET stock = stock + 10 WHERE sku = 'PEN'")
            except sqlite3.OperationalError:
                done.append("locked out")

    repo.conn.set_trace_callback(on_statement)
    try:
        repo.place_order("a@example.com", {"PEN": 3})
    except sqlite3.OperationalError as exc:
        pytest.fail(f"{exc}: take the write lock before reading the stock: BEGIN IMMEDIATE")
    finally:
        repo.conn.set_trace_callback(None)
    if "locked out" in done:
        other.execute("UPDATE products SET stock = stock + 10 WHERE sku = 'PEN'")
    assert stock_of(db_path)["PEN"] == 17, "10 - 3 + 10 = 17: the other process's +10 was lost"
