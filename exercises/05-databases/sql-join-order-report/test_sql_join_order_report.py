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
