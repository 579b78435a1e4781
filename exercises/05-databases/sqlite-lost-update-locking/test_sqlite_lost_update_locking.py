import sqlite3
import threading
import time

import pytest

from sqlite_lost_update_locking import StaleVersionError, add_stock, connect, get_product, rename_product


@pytest.fixture
def db_path(tmp_path):
    path = tmp_path / "shop.db"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("""CREATE TABLE products (sku TEXT PRIMARY KEY, name TEXT NOT NULL,
                    qty INTEGER NOT NULL, version INTEGER NOT NULL DEFAULT 1)""")
    conn.executemany("INSERT INTO products (sku, name, qty) VALUES (?, ?, ?)",
                     [("PEN", "Pen", 10), ("MUG", "Kid's mug", 0)])
    conn.close()
    return path


@pytest.fixture
def conn(db_path):
    conn = connect(db_path, busy_timeout_ms=2000)
    yield conn
    conn.close()


@pytest.fixture
def other(db_path):
    """A second process's connection: it never waits for locks."""
    conn = sqlite3.connect(db_path, timeout=0, isolation_level=None)
    yield conn
    conn.close()


def read(db_path, sql, params=()):
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute(sql, params).fetchone()
    finally:
        conn.close()


@pytest.fixture
def interleave():
    """interleave(conn, action): run action() once, just before conn starts its first UPDATE."""

    def install(conn, action):
        done = []

        def on_statement(sql):
            if not done and sql.lstrip().upper().startswith("UPDATE"):
                done.append(True)
                action()

        conn.set_trace_callback(on_statement)

    return install


def try_write(conn, sql, params=()):
    """Run one write on the other connection; report whether the database let it through."""
    try:
        conn.execute(sql, params)
        return True
    except sqlite3.OperationalError as exc:
        assert "locked" in str(exc) or "busy" in str(exc)
        return False


def naive_add_stock(conn, sku, delta):
    (qty,) = conn.execute("SELECT qty FROM products WHERE sku = ?", (sku,)).fetchone()
    conn.execute("UPDATE products SET qty = ? WHERE sku = ?", (qty + delta, sku))
    return qty + delta


def test_connect_sets_the_busy_timeout_and_autocommit_mode(db_path):
    conn = connect(db_path, busy_timeout_ms=250)
    try:
        assert conn.execute("PRAGMA busy_timeout").fetchone() == (250,), (
            "wait up to busy_timeout_ms for a lock: sqlite3.connect(path, timeout=seconds)"
        )
        assert conn.isolation_level is None, "open with isolation_level=None and write BEGIN/COMMIT yourself"
    finally:
        conn.close()


def test_the_default_busy_timeout_is_five_seconds(db_path):
    conn = connect(db_path)
    try:
        assert conn.execute("PRAGMA busy_timeout").fetchone() == (5000,)
    finally:
        conn.close()


@pytest.mark.parametrize("delta, expected", [(5, 15), (-10, 0), (0, 10)],
                         ids=["add", "take-everything", "nothing"])
def test_add_stock_commits_the_new_quantity(conn, db_path, delta, expected):
    assert add_stock(conn, "PEN", delta) == expected
    assert read(db_path, "SELECT qty FROM products WHERE sku = 'PEN'") == (expected,)
    assert not conn.in_transaction


def test_stock_never_goes_negative(conn, db_path):
    with pytest.raises(ValueError, match="PEN"):
        add_stock(conn, "PEN", -11)
    assert read(db_path, "SELECT qty FROM products WHERE sku = 'PEN'") == (10,)
    assert not conn.in_transaction, "the failed call left its transaction open: roll back before raising"


@pytest.mark.parametrize("sku", ["NOPE", "PEN' OR '1'='1"], ids=["unknown", "injection-attempt"])
def test_an_unknown_sku_raises_lookup_error(conn, sku):
    with pytest.raises(LookupError):
        add_stock(conn, sku, 1)
    assert not conn.in_transaction


def test_the_harness_shows_the_lost_update_a_plain_read_then_write_makes(conn, other, db_path, interleave):
    # Not your code: the read-then-write that loses updates, to show what the next test guards against.
    interleave(conn, lambda: other.execute("UPDATE products SET qty = qty + 5 WHERE sku = 'PEN'"))
    naive_add_stock(conn, "PEN", 3)
    assert read(db_path, "SELECT qty FROM products WHERE sku = 'PEN'") == (13,), "10 + 5 + 3 should be 18: +5 was lost"


def test_a_concurrent_update_is_never_lost(conn, other, db_path, interleave):
    other_got_through = []
    interleave(conn, lambda: other_got_through.append(
        try_write(other, "UPDATE products SET qty = qty + 5 WHERE sku = 'PEN'")))
    try:
        result = add_stock(conn, "PEN", 3)
    except sqlite3.OperationalError as exc:
        pytest.fail(
            f"{exc}: a deferred BEGIN reads a snapshot another connection then changes, so SQLite refuses your "
            "write. BEGIN IMMEDIATE takes the write lock before you read"
        )
    if not other_got_through[0]:  # it was locked out: the other process retries afterwards
        assert try_write(other, "UPDATE products SET qty = qty + 5 WHERE sku = 'PEN'")
    assert read(db_path, "SELECT qty FROM products WHERE sku = 'PEN'") == (18,), (
        "the other connection's +5 was overwritten by a value computed from a stale read (a lost update): "
        "read and write inside one BEGIN IMMEDIATE ... COMMIT"
    )
    assert result in (13, 18), "add_stock returns the quantity it committed"


def test_a_held_lock_is_waited_for_up_to_the_busy_timeout(db_path):
    holder = sqlite3.connect(db_path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    release = threading.Timer(0.05, lambda: holder.execute("COMMIT"))
    conn = connect(db_path, busy_timeout_ms=2000)
    try:
        release.start()
        assert add_stock(conn, "PEN", 1) == 11, "another writer held the lock for 50 ms: wait for it (busy timeout)"
    finally:
        release.join()
        holder.close()
        conn.close()


def test_a_lock_held_longer_than_the_busy_timeout_fails_cleanly(db_path):
    holder = sqlite3.connect(db_path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    conn = connect(db_path, busy_timeout_ms=20)
    try:
        started = time.perf_counter()
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            add_stock(conn, "PEN", 1)
        assert time.perf_counter() - started < 1.5
        assert not conn.in_transaction
    finally:
        holder.execute("ROLLBACK")
        holder.close()
        conn.close()


def test_get_product_returns_name_and_version(conn):
    assert get_product(conn, "MUG") == ("Kid's mug", 1)
    with pytest.raises(LookupError, match="NOPE"):
        get_product(conn, "NOPE")


def test_rename_with_the_current_version_bumps_it(conn, db_path):
    assert rename_product(conn, "PEN", "Blue pen", 1) == 2
    assert rename_product(conn, "PEN", "Ballpoint's pen", 2) == 3
    assert read(db_path, "SELECT name, version FROM products WHERE sku = 'PEN'") == ("Ballpoint's pen", 3)


def test_the_second_of_two_editors_gets_a_stale_version_error(db_path, conn, other):
    _, version_seen_by_alice = get_product(conn, "PEN")
    _, version_seen_by_bob = get_product(other, "PEN")
    rename_product(other, "PEN", "Bob's pen", version_seen_by_bob)
    with pytest.raises(StaleVersionError, match="2"):
        rename_product(conn, "PEN", "Alice's pen", version_seen_by_alice)
    assert read(db_path, "SELECT name, version FROM products WHERE sku = 'PEN'") == ("Bob's pen", 2), (
        "Alice's save, based on version 1, must not overwrite Bob's version 2"
    )


def test_a_version_bumped_between_check_and_write_is_still_caught(conn, other, db_path, interleave):
    bumped = []
    interleave(conn, lambda: bumped.append(try_write(
        other, "UPDATE products SET name = 'Bob''s pen', version = version + 1 WHERE sku = 'PEN'")))
    try:
        rename_product(conn, "PEN", "Alice's pen", 1)
        alice_saved = True
    except StaleVersionError:
        alice_saved = False
    assert not (alice_saved and bumped[0]), (
        "checking the version with a SELECT and then updating by sku alone lets another save slip in between: "
        "put the check in the UPDATE itself (WHERE sku = ? AND version = ?)"
    )


@pytest.mark.parametrize("expected_version", [0, 2, -1], ids=["older", "newer", "negative"])
def test_any_other_expected_version_is_stale(conn, db_path, expected_version):
    with pytest.raises(StaleVersionError):
        rename_product(conn, "PEN", "Other", expected_version)
    assert read(db_path, "SELECT name, version FROM products WHERE sku = 'PEN'") == ("Pen", 1)


def test_renaming_an_unknown_sku_raises_lookup_error(conn):
    with pytest.raises(LookupError, match="NOPE"):
        rename_product(conn, "NOPE", "x", 1)
