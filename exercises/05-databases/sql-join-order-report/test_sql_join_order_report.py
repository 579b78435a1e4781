import sqlite3

import pytest

from sql_join_order_report import customers_spending_at_least, orders_per_customer, revenue_by_country

SCHEMA = """
CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT NOT NULL, country TEXT NOT NULL);
CREATE TABLE orders (
    id INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers(id),
    total_cents INTEGER NOT NULL
);
"""

CUSTOMERS = [(1, "Ada", "UK"), (2, "Brian", "US"), (3, "Chloé", "FR"), (4, "Dmitri", "DE"), (5, "Eve", "US")]
ORDERS = [(1, 1200), (1, 3400), (1, 500), (2, 9900), (3, 2500), (3, 2600)]


@pytest.fixture
def empty_db():
    conn = sqlite3.connect(":memory:")
    conn.executescript(SCHEMA)
    yield conn
    conn.close()


@pytest.fixture
def shop_db(empty_db):
    empty_db.executemany("INSERT INTO customers VALUES (?, ?, ?)", CUSTOMERS)
    empty_db.executemany("INSERT INTO orders (customer_id, total_cents) VALUES (?, ?)", ORDERS)
    return empty_db


@pytest.fixture
def namesakes_db(shop_db):
    """Two different customers called Ada, and Bea (added last) who never ordered."""
    shop_db.executemany("INSERT INTO customers VALUES (?, ?, ?)", [(6, "Ada", "FR"), (7, "Bea", "US")])
    shop_db.execute("INSERT INTO orders (customer_id, total_cents) VALUES (6, 100)")
    return shop_db


class CountingConnection:
    """Passes everything to the real connection; counts the queries sent and the rows Python fetched."""

    def __init__(self, conn):
        self._conn = conn
        self.queries = []
        self.rows_fetched = 0

    def execute(self, sql, *args):
        self.queries.append(" ".join(sql.split()))
        return CountingCursor(self, self._conn.execute(sql, *args))

    def cursor(self, *args):
        return CountingCursor(self, self._conn.cursor(*args))

    def __getattr__(self, name):
        return getattr(self._conn, name)


class CountingCursor:
    def __init__(self, owner, cursor):
        self._owner = owner
        self._cursor = cursor

    def execute(self, sql, *args):
        self._owner.queries.append(" ".join(sql.split()))
        self._cursor.execute(sql, *args)
        return self

    def _counted(self, rows):
        self._owner.rows_fetched += len(rows)
        return rows

    def fetchall(self):
        return self._counted(self._cursor.fetchall())

    def fetchmany(self, *args):
        return self._counted(self._cursor.fetchmany(*args))

    def fetchone(self):
        row = self._cursor.fetchone()
        self._owner.rows_fetched += row is not None
        return row

    def __iter__(self):
        for row in self._cursor:
            self._owner.rows_fetched += 1
            yield row

    def __getattr__(self, name):
        return getattr(self._cursor, name)


@pytest.mark.parametrize(
    "ask",
    [
        pytest.param(orders_per_customer, id="orders_per_customer"),
        pytest.param(lambda conn: customers_spending_at_least(conn, 5101), id="customers_spending_at_least"),
        pytest.param(revenue_by_country, id="revenue_by_country"),
    ],
)
def test_each_answer_is_one_query_that_returns_only_the_answer(namesakes_db, ask):
    counting = CountingConnection(namesakes_db)
    answer = ask(counting)
    assert len(counting.queries) == 1, (
        f"expected ONE query, {len(counting.queries)} were sent: {counting.queries}. A query per customer (N+1 "
        "queries) or a second query to patch the result is what JOIN and GROUP BY are for"
    )
    assert counting.rows_fetched == len(answer), (
        f"Python fetched {counting.rows_fetched} rows to return {len(answer)}: filter with WHERE/HAVING and "
        "aggregate with GROUP BY in SQL, so the database sends only the answer"
    )


def test_the_threshold_is_sent_as_a_parameter_not_formatted_into_the_sql(namesakes_db):
    counting = CountingConnection(namesakes_db)
    customers_spending_at_least(counting, 5101)
    assert counting.queries and all("5101" not in sql for sql in counting.queries), (
        f"the threshold was formatted into the SQL text {counting.queries}: write ? and pass (min_cents,) to execute, "
        "so the database never parses a value as SQL"
    )


def test_customers_who_share_a_name_are_counted_separately_and_ties_sort_by_name(namesakes_db):
    assert orders_per_customer(namesakes_db) == [
        ("Ada", 3),
        ("Chloé", 2),
        ("Ada", 1),
        ("Brian", 1),
        ("Bea", 0),
        ("Dmitri", 0),
        ("Eve", 0),
    ], "two customers named Ada are two customers: GROUP BY c.id (names are not unique), and sort ties by name, not id"


def test_spending_totals_keep_namesakes_apart(namesakes_db):
    assert customers_spending_at_least(namesakes_db, 0) == [("Brian", 9900), ("Ada", 5100), ("Chloé", 5100), ("Ada", 100)], (
        "the two Adas were merged: group by the customer's id, not by the name"
    )
    assert revenue_by_country(namesakes_db) == {"UK": 5100, "US": 9900, "FR": 5200, "DE": 0}


def test_orders_per_customer_counts_and_sorts_busiest_first(shop_db):
    assert orders_per_customer(shop_db) == [("Ada", 3), ("Chloé", 2), ("Brian", 1), ("Dmitri", 0), ("Eve", 0)]


def test_orders_per_customer_shows_customers_without_orders_as_zero(shop_db):
    counts = dict(orders_per_customer(shop_db))
    assert "Dmitri" in counts, "a customer with no orders disappeared: an INNER JOIN drops them, use a LEFT JOIN"
    assert counts["Dmitri"] == 0, "COUNT(*) counts the NULL row of a LEFT JOIN as 1; count a column of orders instead"


def test_orders_per_customer_of_an_empty_database_is_empty(empty_db):
    assert orders_per_customer(empty_db) == []


@pytest.mark.parametrize(
    ("min_cents", "expected"),
    [
        (0, [("Brian", 9900), ("Ada", 5100), ("Chloé", 5100)]),
        (5100, [("Brian", 9900), ("Ada", 5100), ("Chloé", 5100)]),
        (5101, [("Brian", 9900)]),
        (10_000, []),
    ],
    ids=["zero-means-everyone-who-ordered", "threshold-is-inclusive", "just-above-a-total", "nobody-that-rich"],
)
def test_customers_spending_at_least_filters_groups_by_their_total(shop_db, min_cents, expected):
    assert customers_spending_at_least(shop_db, min_cents) == expected


def test_customers_spending_at_least_rejects_a_negative_threshold(shop_db):
    with pytest.raises(ValueError, match="must not be negative"):
        customers_spending_at_least(shop_db, -1)


def test_revenue_by_country_includes_countries_without_sales_as_zero(shop_db):
    revenue = revenue_by_country(shop_db)
    assert "DE" in revenue, "Germany has a customer but no orders and vanished: an INNER JOIN drops it, use a LEFT JOIN"
    assert revenue["DE"] == 0, f"SUM over no rows is NULL, got {revenue['DE']!r}: wrap it in COALESCE(..., 0)"
    assert revenue == {"UK": 5100, "US": 9900, "FR": 5100, "DE": 0}


def test_revenue_by_country_of_an_empty_database_is_an_empty_dict(empty_db):
    assert revenue_by_country(empty_db) == {}
