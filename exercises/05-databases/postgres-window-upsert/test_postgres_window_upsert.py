import sqlite3

import pytest

from postgres_window_upsert import salary_ranks, top_paid_per_department, upsert_product

SCHEMA = """
CREATE TABLE products (
    id INTEGER PRIMARY KEY,
    sku TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    price_cents INTEGER NOT NULL CHECK (price_cents >= 0),
    version INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE employees (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    department TEXT NOT NULL,
    salary INTEGER NOT NULL
);
"""

STAFF = [
    ("Linus", "Engineering", 100_000),
    ("Grace", "Engineering", 120_000),
    ("Ken", "Engineering", 90_000),
    ("Ada", "Engineering", 120_000),
    ("Bob", "Sales", 80_000),
    ("Zoë", "Sales", 70_000),
    ("Cleo", "Sales", 95_000),
    ("Dana", "Support", 60_000),
]


@pytest.fixture
def db():
    conn = sqlite3.connect(":memory:")
    conn.executescript(SCHEMA)
    yield conn
    conn.close()


@pytest.fixture
def staffed(db):
    db.executemany("INSERT INTO employees (name, department, salary) VALUES (?, ?, ?)", STAFF)
    return db


class RecordingConnection:
    """Passes everything to the real connection and records each statement and its parameters."""

    def __init__(self, conn):
        self._conn = conn
        self.executed = []

    def execute(self, sql, parameters=()):
        self.executed.append((sql, parameters))
        return self._conn.execute(sql, parameters)

    def cursor(self, *args):
        return RecordingCursor(self, self._conn.cursor(*args))

    def __getattr__(self, name):
        return getattr(self._conn, name)

    def __enter__(self):
        self._conn.__enter__()
        return self

    def __exit__(self, *exc_info):
        return self._conn.__exit__(*exc_info)


class RecordingCursor:
    def __init__(self, recorder, cursor):
        self._recorder = recorder
        self._cursor = cursor

    def execute(self, sql, parameters=()):
        self._recorder.executed.append((sql, parameters))
        self._cursor.execute(sql, parameters)
        return self

    def __getattr__(self, name):
        return getattr(self._cursor, name)

    def __iter__(self):
        return iter(self._cursor)


@pytest.fixture
def recorded(db):
    return RecordingConnection(db)


def data_statements(recorder):
    """The statements that touch data, leaving out transaction control."""
    control = ("BEGIN", "COMMIT", "END", "ROLLBACK", "SAVEPOINT", "RELEASE")
    return [(sql, params) for sql, params in recorder.executed if not sql.strip().upper().startswith(control)]


def product_rows(conn):
    return conn.execute("SELECT id, sku, name, price_cents, version FROM products ORDER BY id").fetchall()


def test_upsert_inserts_a_new_product_and_returns_its_id_and_version(db):
    assert upsert_product(db, "PEN", "Pen", 150) == (1, 1)
    assert upsert_product(db, "INK", "Ink", 300) == (2, 1)
    assert product_rows(db) == [(1, "PEN", "Pen", 150, 1), (2, "INK", "Ink", 300, 1)]


def test_upsert_of_an_existing_sku_updates_it_in_place_and_bumps_the_version(db):
    upsert_product(db, "PEN", "Pen", 150)
    upsert_product(db, "INK", "Ink", 300)
    assert upsert_product(db, "PEN", "Blue pen", 175) == (1, 2), (
        "the id must survive: INSERT OR REPLACE deletes the old row and inserts a new one, ON CONFLICT DO UPDATE does not"
    )
    assert upsert_product(db, "PEN", "Blue pen", 180) == (1, 3)
    assert product_rows(db) == [(1, "PEN", "Blue pen", 180, 3), (2, "INK", "Ink", 300, 1)]


def test_upsert_still_enforces_the_price_check(db):
    upsert_product(db, "PEN", "Pen", 150)
    with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
        upsert_product(db, "PEN", "Pen", -1)
    assert product_rows(db) == [(1, "PEN", "Pen", 150, 1)]


def upsert_verbatim(db, sku, name, price_cents):
    """upsert_product, with the database's complaint about a broken statement explained."""
    try:
        return upsert_product(db, sku, name, price_cents)
    except sqlite3.Error as error:
        pytest.fail(
            f"upsert_product({sku!r}, {name!r}, {price_cents}) broke the SQL ({error}): a value formatted into "
            "the SQL text ends the statement at its first quote (SQL injection); write ? in the SQL and pass "
            "the values as the second argument of execute"
        )


@pytest.mark.parametrize(
    "name",
    ["Kid's mug", 'The "big" mug', "Robert'); DROP TABLE products; --", "x', 0) ON CONFLICT (sku) DO NOTHING --"],
    ids=["apostrophe", "double-quotes", "injection-drop-table", "injection-rewrites-the-statement"],
)
def test_upsert_stores_names_with_quotes_and_injection_attempts_verbatim(db, name):
    assert upsert_verbatim(db, "MUG-1", name, 999) == (1, 1)
    assert upsert_verbatim(db, "MUG-1", name + "!", 1099) == (1, 2)
    assert product_rows(db) == [(1, "MUG-1", name + "!", 1099, 2)], (
        "the name must be stored exactly as given: pass values as ? parameters, never format them into the SQL"
    )


def test_upsert_sends_the_values_as_parameters_not_inside_the_sql_text(recorded):
    upsert_product(recorded, "SKU-7731", "Kid's mug", 4321)
    statements = data_statements(recorded)
    assert statements, "upsert_product must run its statement on the connection it is given"
    for sql, params in statements:
        for value in ("SKU-7731", "Kid", "4321"):
            assert value not in sql, (
                f"the value {value!r} was formatted into the SQL text {sql!r}: that is SQL injection waiting to happen; "
                "write ? in the SQL and pass the values as the second argument of execute"
            )
    sent = [value for _, params in statements for value in (params.values() if isinstance(params, dict) else params)]
    assert {"SKU-7731", "Kid's mug", 4321} <= set(sent), f"the values must travel as parameters, got {sent}"


def test_upsert_is_one_statement_so_two_connections_cannot_race_between_a_select_and_an_insert(recorded):
    upsert_product(recorded, "PEN", "Pen", 150)
    upsert_product(recorded, "PEN", "Blue pen", 175)
    statements = [" ".join(sql.split()) for sql, _ in data_statements(recorded)]
    assert len(statements) == 2, (
        "each upsert must be ONE INSERT ... ON CONFLICT ... RETURNING statement; a SELECT followed by an INSERT "
        f"or UPDATE lets another connection insert the same sku in between. Statements run: {statements}"
    )


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (1, [("Engineering", "Ada", 120_000), ("Sales", "Cleo", 95_000), ("Support", "Dana", 60_000)]),
        (
            2,
            [
                ("Engineering", "Ada", 120_000),
                ("Engineering", "Grace", 120_000),
                ("Sales", "Cleo", 95_000),
                ("Sales", "Bob", 80_000),
                ("Support", "Dana", 60_000),
            ],
        ),
    ],
    ids=["best-paid-only-ties-broken-by-name", "top-two-and-a-one-person-department"],
)
def test_top_paid_per_department_keeps_n_rows_per_department(staffed, n, expected):
    rows = top_paid_per_department(staffed, n)
    engineers = [row for row in rows if row[0] == "Engineering"]
    assert len(engineers) == n, (
        f"Engineering should have exactly {n} row(s), got {engineers}: RANK() lets ties through, ROW_NUMBER() never ties"
    )
    assert rows == expected


def test_top_paid_per_department_with_n_larger_than_any_department_returns_everyone(staffed):
    rows = top_paid_per_department(staffed, 10)
    assert len(rows) == len(STAFF)
    assert rows[-1] == ("Support", "Dana", 60_000)


def test_top_paid_per_department_of_no_employees_is_empty(db):
    assert top_paid_per_department(db, 3) == []


@pytest.mark.parametrize("n", [0, -2], ids=["zero", "negative"])
def test_top_paid_per_department_rejects_n_below_one(staffed, n):
    with pytest.raises(ValueError, match="at least 1"):
        top_paid_per_department(staffed, n)


def test_salary_ranks_share_a_rank_on_ties_and_skip_the_next(staffed):
    ranks = salary_ranks(staffed)
    assert ranks[:2] == [("Engineering", "Ada", 120_000, 1), ("Engineering", "Grace", 120_000, 1)], (
        "Ada and Grace earn the same, so they share rank 1: use RANK(), not ROW_NUMBER()"
    )
    assert ranks == [
        ("Engineering", "Ada", 120_000, 1),
        ("Engineering", "Grace", 120_000, 1),
        ("Engineering", "Linus", 100_000, 3),
        ("Engineering", "Ken", 90_000, 4),
        ("Sales", "Cleo", 95_000, 1),
        ("Sales", "Bob", 80_000, 2),
        ("Sales", "Zoë", 70_000, 3),
        ("Support", "Dana", 60_000, 1),
    ]


def test_salary_ranks_of_no_employees_is_empty(db):
    assert salary_ranks(db) == []
