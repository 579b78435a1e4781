import sqlite3

import pytest

from soft_delete_partial_unique import EmailTaken, create_schema, find_live, register, restore, soft_delete

NOW = "2026-03-10T12:00:00Z"


@pytest.fixture
def conn():
    conn = sqlite3.connect(":memory:")
    create_schema(conn)
    yield conn
    conn.close()


def plan(conn, sql, params):
    return " | ".join(row[3] for row in conn.execute("EXPLAIN QUERY PLAN " + sql, params))


def test_register_returns_the_new_id_and_finds_it(conn):
    ada = register(conn, "ada@example.com")
    grace = register(conn, "grace@example.com")
    assert (ada, grace) == (1, 2)
    assert find_live(conn, "grace@example.com") == grace


@pytest.mark.parametrize("second", ["ada@example.com", "ADA@Example.com"], ids=["same", "different-case"])
def test_two_live_users_cannot_share_an_email(conn, second):
    register(conn, "ada@example.com")
    with pytest.raises(EmailTaken):
        register(conn, second)
    assert conn.execute("SELECT COUNT(*) FROM users").fetchone() == (1,)


def test_the_database_itself_refuses_a_duplicate_live_email(conn):
    conn.execute("INSERT INTO users (email) VALUES ('ada@example.com')")
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("INSERT INTO users (email) VALUES ('Ada@example.com')")
    # UNIQUE (email, deleted_at) would not do it: NULLs never equal each other, so two live rows both pass


def test_a_deleted_users_email_can_be_registered_again(conn):
    old = register(conn, "ada@example.com")
    soft_delete(conn, old, NOW)
    new = register(conn, "Ada@example.com")
    assert new != old
    assert find_live(conn, "ada@example.com") == new, "find_live must ignore soft-deleted rows"


def test_several_deleted_rows_may_share_an_email(conn):
    for _ in range(3):
        soft_delete(conn, register(conn, "ada@example.com"), NOW)
    assert conn.execute("SELECT COUNT(*) FROM users WHERE deleted_at IS NOT NULL").fetchone() == (3,)
    assert find_live(conn, "ada@example.com") is None, "every account with this email is deleted: no live user"


def test_soft_delete_keeps_the_row_and_stamps_it(conn):
    uid = register(conn, "ada@example.com")
    soft_delete(conn, uid, NOW)
    assert conn.execute("SELECT email, deleted_at FROM users WHERE id = ?", (uid,)).fetchone() == (
        "ada@example.com", NOW)


@pytest.mark.parametrize("setup", ["unknown", "already-deleted"])
def test_soft_deleting_a_missing_or_deleted_user_raises(conn, setup):
    uid = register(conn, "ada@example.com")
    if setup == "already-deleted":
        soft_delete(conn, uid, NOW)
        with pytest.raises(LookupError):
            soft_delete(conn, uid, "2030-01-01T00:00:00Z")
        assert conn.execute("SELECT deleted_at FROM users WHERE id = ?", (uid,)).fetchone() == (NOW,), (
            "deleting twice must not move the deletion time"
        )
    else:
        with pytest.raises(LookupError):
            soft_delete(conn, 99, NOW)


def test_find_live_matches_case_insensitively_and_safely(conn):
    uid = register(conn, "O'Brien@Example.ie")
    assert find_live(conn, "o'brien@example.IE") == uid
    assert find_live(conn, "x' OR '1'='1") is None
    assert find_live(conn, "nobody@example.com") is None


def test_restore_brings_a_user_back(conn):
    uid = register(conn, "ada@example.com")
    soft_delete(conn, uid, NOW)
    restore(conn, uid)
    assert find_live(conn, "ada@example.com") == uid


def test_restore_is_refused_when_the_email_was_taken_meanwhile(conn):
    old = register(conn, "ada@example.com")
    soft_delete(conn, old, NOW)
    new = register(conn, "ADA@example.com")
    with pytest.raises(EmailTaken):
        restore(conn, old)
    assert find_live(conn, "ada@example.com") == new
    assert not conn.in_transaction


@pytest.mark.parametrize("setup", ["unknown", "live"])
def test_restoring_a_user_that_is_not_deleted_raises(conn, setup):
    uid = register(conn, "ada@example.com")
    with pytest.raises(LookupError):
        restore(conn, 99 if setup == "unknown" else uid)


def test_every_write_is_committed(conn, tmp_path):
    path = tmp_path / "users.db"
    file_conn = sqlite3.connect(path)
    create_schema(file_conn)
    uid = register(file_conn, "ada@example.com")
    soft_delete(file_conn, uid, NOW)
    other = sqlite3.connect(path)
    try:
        assert other.execute("SELECT deleted_at FROM users").fetchall() == [(NOW,)], (
            "another connection does not see the deletion: commit it (with conn:)"
        )
    finally:
        other.close()
        file_conn.close()


def test_find_live_uses_the_partial_index(conn):
    for i in range(50):
        register(conn, f"user{i}@example.com")
    recorded = []
    conn.set_trace_callback(recorded.append)
    find_live(conn, "user7@example.com")
    conn.set_trace_callback(None)
    selects = [s for s in recorded if s.lstrip().upper().startswith("SELECT")]
    assert selects
    text = plan(conn, selects[0], ())
    assert "SEARCH users USING INDEX users_live_email" in text, (
        f"the planner uses a partial expression index only when the query repeats its expression and its "
        f"WHERE: lower(email) = lower(?) AND deleted_at IS NULL. Plan: {text}"
    )


def test_create_schema_can_run_twice(conn):
    register(conn, "ada@example.com")
    create_schema(conn)
    assert find_live(conn, "ada@example.com") == 1
