import sqlite3

import pytest

from immutable_query_builder import query


@pytest.fixture
def db():
    conn = sqlite3.connect(":memory:")
    conn.executescript(
        """
        CREATE TABLE users (id INTEGER, name TEXT, role TEXT, active INTEGER, created INTEGER);
        INSERT INTO users VALUES (1, 'Ada', 'admin', 1, 30), (2, 'O''Brien', 'user', 1, 10),
                                 (3, 'Zoë', 'admin', 0, 20), (4, 'Bob', 'user', 1, 40);
        """
    )
    yield conn
    conn.close()


def run(db, q):
    sql, params = q.build()
    return db.execute(sql, params).fetchall()


def test_the_simplest_query_selects_everything():
    assert query("users").build() == ("SELECT * FROM users", [])


def test_every_clause_in_the_documented_order():
    q = query("users").select("id", "name").where("active", "=", 1).where("role", "=", "admin")
    q = q.order_by("created", descending=True).order_by("name").limit(5)

    assert q.build() == (
        "SELECT id, name FROM users WHERE active = ? AND role = ? ORDER BY created DESC, name LIMIT ?",
        [1, "admin", 5],
    )


def test_each_step_returns_a_new_query_and_leaves_the_old_one_alone():
    base = query("users").where("active", "=", 1)
    admins = base.where("role", "=", "admin")
    recent = base.order_by("created").limit(2)

    assert base.build() == ("SELECT * FROM users WHERE active = ?", [1]), "where() must not change the query it was called on"
    assert admins.build() == ("SELECT * FROM users WHERE active = ? AND role = ?", [1, "admin"])
    assert recent.build() == ("SELECT * FROM users WHERE active = ? ORDER BY created LIMIT ?", [1, 2]), (
        "a branch must not see the conditions added to another branch"
    )


def test_the_built_query_runs_on_sqlite(db):
    q = query("users").select("name").where("active", "=", 1).order_by("created", descending=True)
    assert run(db, q) == [("Bob",), ("Ada",), ("O'Brien",)]


def test_values_are_parameters_so_quotes_are_just_data(db):
    q = query("users").select("id").where("name", "=", "O'Brien")
    sql, params = q.build()

    assert "O'Brien" not in sql and params == ["O'Brien"], "values go into params as ?, never into the SQL text"
    assert run(db, q) == [(2,)]


def test_an_injection_attempt_in_a_value_matches_nothing(db):
    q = query("users").where("name", "=", "x' OR '1'='1")
    assert run(db, q) == []


@pytest.mark.parametrize(
    "op, value, expected",
    [("!=", "user", [1, 3]), ("<", 30, [2, 3]), ("<=", 30, [1, 2, 3]), (">", 30, [4]), (">=", 30, [1, 4]),
     ("LIKE", "%o%", [2, 3, 4])],
    ids=["not-equal", "less", "less-or-equal", "greater", "greater-or-equal", "like"],
)
def test_every_operator_works(db, op, value, expected):
    column = "role" if op == "!=" else "name" if op == "LIKE" else "created"
    q = query("users").select("id").where(column, op, value).order_by("id")
    assert [row[0] for row in run(db, q)] == expected


def test_limit_zero_is_kept(db):
    q = query("users").limit(0)
    assert q.build() == ("SELECT * FROM users LIMIT ?", [0]), "0 is a real limit: test `is not None`, not truthiness"
    assert run(db, q) == []


@pytest.mark.parametrize("n", [-1, 2.5, True, "3"], ids=["negative", "float", "bool", "string"])
def test_a_bad_limit_is_refused(n):
    with pytest.raises(ValueError, match="limit"):
        query("users").limit(n)


@pytest.mark.parametrize("op", ["==", "OR", "; DROP", "like"], ids=["double-equals", "or", "injection", "lowercase-like"])
def test_an_unknown_operator_is_refused(op):
    with pytest.raises(ValueError, match="operator"):
        query("users").where("id", op, 1)


@pytest.mark.parametrize(
    "make",
    [
        lambda: query("users; DROP TABLE users"),
        lambda: query("users").select("id", "name, role"),
        lambda: query("users").where("1=1 OR id", "=", 1),
        lambda: query("users").order_by("created DESC"),
        lambda: query("9users"),
        lambda: query(""),
    ],
    ids=["table", "column", "where-column", "order-column", "leading-digit", "empty"],
)
def test_identifiers_are_validated(make):
    with pytest.raises(ValueError, match="identifier"):
        make()


def test_select_replaces_the_columns_and_accepts_underscores():
    q = query("_users_2").select("a").select("b_1", "C")
    assert q.build() == ("SELECT b_1, C FROM _users_2", [])


def test_queries_are_frozen():
    q = query("users")
    with pytest.raises(AttributeError):
        q.table = "other"
