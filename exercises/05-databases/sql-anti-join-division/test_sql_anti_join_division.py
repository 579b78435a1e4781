import sqlite3

import pytest

from sql_anti_join_division import customers_who_bought_all, customers_without_orders


@pytest.fixture
def conn():
    conn = sqlite3.connect(":memory:")
    conn.executescript("""
        CREATE TABLE customers (id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE);
        CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER REFERENCES customers(id));
        CREATE TABLE order_lines (order_id INTEGER NOT NULL REFERENCES orders(id), sku TEXT NOT NULL,
                                  qty INTEGER NOT NULL, PRIMARY KEY (order_id, sku));
        INSERT INTO customers VALUES (1, 'ada@example.com'), (2, 'grace@example.com'),
                                     (3, 'linus@example.com'), (4, 'zoe@example.com'), (5, 'ken@example.com');
        INSERT INTO orders VALUES (10, 1), (11, 1), (12, 2), (13, 3), (14, NULL);  -- 14: a guest checkout
        INSERT INTO order_lines VALUES
            (10, 'PEN', 1), (10, 'INK', 2),     -- ada buys PEN and INK in one order ...
            (11, 'PAD', 1), (11, 'PEN', 3),     -- ... and PAD (and PEN again) in another
            (12, 'PEN', 5), (12, 'PAD', 1),     -- grace: PEN, PAD
            (13, 'INK', 1), (13, 'Kid''s "mug"', 1),   -- linus: INK and a mug with quotes in its sku
            (14, 'PEN', 1), (14, 'INK', 1), (14, 'PAD', 1);  -- the guest: everything
    """)
    yield conn
    conn.close()


def test_customers_without_orders_survive_a_null_in_orders(conn):
    assert customers_without_orders(conn) == ["ken@example.com", "zoe@example.com"], (
        "a guest order has customer_id NULL, and `id NOT IN (SELECT customer_id ...)` is then never true "
        "(x NOT IN (1, NULL) is NULL): use NOT EXISTS (or LEFT JOIN ... WHERE o.id IS NULL)"
    )


def test_customers_without_orders_when_nobody_ordered(conn):
    conn.executescript("DELETE FROM order_lines; DELETE FROM orders;")
    assert customers_without_orders(conn) == [
        "ada@example.com", "grace@example.com", "ken@example.com", "linus@example.com", "zoe@example.com"]


@pytest.mark.parametrize(
    "skus, emails",
    [
        (["PEN", "INK", "PAD"], ["ada@example.com"]),
        (["PEN", "PAD"], ["ada@example.com", "grace@example.com"]),
        (["INK"], ["ada@example.com", "linus@example.com"]),
        (["PEN", "PEN", "PAD"], ["ada@example.com", "grace@example.com"]),
        (["PEN", "CUP"], []),
        (["CUP"], []),
    ],
    ids=["all-three-across-two-orders", "two", "one", "duplicates-in-the-list", "one-never-sold", "never-sold"],
)
def test_customers_who_bought_every_listed_product(conn, skus, emails):
    assert customers_who_bought_all(conn, skus) == emails, (
        "every listed sku, counted once per customer (a product bought twice still counts once: COUNT(DISTINCT)), "
        "over all their orders; a repeated sku in the list counts once too; guests are not customers"
    )


def test_a_long_list_of_skus_goes_in_as_parameters(conn):
    many = [f"SKU-{i}" for i in range(200)] + ["PEN"]
    assert customers_who_bought_all(conn, ["PEN"]) == ["ada@example.com", "grace@example.com"]
    assert customers_who_bought_all(conn, many) == []


@pytest.mark.parametrize(
    "skus, emails",
    [(["PEN') OR ('1'='1"], []), (['Kid\'s "mug"'], ["linus@example.com"]),
     (["INK", 'Kid\'s "mug"'], ["linus@example.com"])],
    ids=["injection-attempt", "quotes-in-a-sku", "quotes-among-others"],
)
def test_skus_are_parameters_not_sql(conn, skus, emails):
    try:
        found = customers_who_bought_all(conn, skus)
    except sqlite3.Error as exc:
        pytest.fail(f"{exc}: a sku was formatted into the SQL; build one ? per sku and pass the skus as parameters")
    assert found == emails, "build one ? per sku and pass the skus as parameters"


def test_an_empty_list_is_refused(conn):
    with pytest.raises(ValueError, match="sku"):
        customers_who_bought_all(conn, [])


def test_the_list_passed_in_is_not_changed(conn):
    skus = ["PEN", "PEN", "PAD"]
    customers_who_bought_all(conn, skus)
    assert skus == ["PEN", "PEN", "PAD"]
