import sqlite3

import pytest

from shop_schema_constraints import connect


@pytest.fixture
def shop():
    """An in-memory database with one customer, one product and one order holding two pens."""
    conn = connect(":memory:")
    conn.execute("INSERT INTO customers (id, email, name) VALUES (1, 'ada@example.com', 'Ada')")
    conn.execute("INSERT INTO products (id, sku, name, price_cents) VALUES (1, 'PEN-1', 'Pen', 150)")
    conn.execute("INSERT INTO orders (id, customer_id, placed_at) VALUES (1, 1, '2024-05-01')")
    conn.execute("INSERT INTO order_items (order_id, product_id, quantity) VALUES (1, 1, 2)")
    conn.commit()
    yield conn
    conn.close()


def columns(conn, table):
    return [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        ("customers", ["id", "email", "name"]),
        ("products", ["id", "sku", "name", "price_cents"]),
        ("orders", ["id", "customer_id", "placed_at"]),
        ("order_items", ["order_id", "product_id", "quantity"]),
    ],
    ids=["customers", "products", "orders", "order-items"],
)
def test_connect_creates_each_table_with_exactly_these_columns(shop, table, expected):
    assert columns(shop, table) == expected, f"table {table!r} should have exactly the columns {expected}"


def test_connect_switches_foreign_key_enforcement_on(shop):
    assert shop.execute("PRAGMA foreign_keys").fetchone() == (1,), (
        "run PRAGMA foreign_keys = ON on the connection: SQLite starts every connection with it OFF"
    )


def test_connect_reopens_a_database_file_keeping_rows_and_rules(tmp_path):
    path = tmp_path / "shop.db"
    first = connect(path)
    first.execute("INSERT INTO customers (email, name) VALUES ('ada@example.com', 'Ada')")
    first.commit()
    first.close()
    second = connect(path)
    try:
        assert second.execute("SELECT email FROM customers").fetchall() == [("ada@example.com",)]
        with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
            second.execute("INSERT INTO orders (customer_id, placed_at) VALUES (42, '2024-05-02')")
    finally:
        second.close()


def test_valid_rows_including_a_free_product_and_unicode_are_accepted(shop):
    shop.execute("INSERT INTO customers (email, name) VALUES ('zoe@example.com', 'Zoë Ångström')")
    shop.execute("INSERT INTO products (sku, name, price_cents) VALUES ('STICKER', 'Sticker', 0)")
    shop.execute("INSERT INTO order_items (order_id, product_id, quantity) VALUES (1, 2, 1)")
    assert shop.execute("SELECT COUNT(*) FROM order_items WHERE order_id = 1").fetchone() == (2,)


@pytest.mark.parametrize(
    ("sql", "message"),
    [
        ("INSERT INTO customers (email, name) VALUES ('ada@example.com', 'Another Ada')", "UNIQUE"),
        ("INSERT INTO customers (email, name) VALUES (NULL, 'No Email')", "NOT NULL"),
        ("INSERT INTO products (sku, name, price_cents) VALUES ('PEN-1', 'Pen again', 100)", "UNIQUE"),
        ("INSERT INTO products (sku, name, price_cents) VALUES ('REFUND', 'Refund', -100)", "CHECK"),
        ("INSERT INTO products (sku, name, price_cents) VALUES ('FREE', 'Free', NULL)", "NOT NULL"),
        ("INSERT INTO orders (customer_id, placed_at) VALUES (99, '2024-05-01')", "FOREIGN KEY"),
        ("INSERT INTO orders (customer_id, placed_at) VALUES (NULL, '2024-05-01')", "NOT NULL"),
        ("INSERT INTO order_items (order_id, product_id, quantity) VALUES (1, 99, 1)", "FOREIGN KEY"),
        ("INSERT INTO order_items (order_id, product_id, quantity) VALUES (99, 1, 1)", "FOREIGN KEY"),
        ("INSERT INTO order_items (order_id, product_id, quantity) VALUES (1, 1, 5)", "UNIQUE"),
        ("UPDATE order_items SET quantity = 0 WHERE order_id = 1", "CHECK"),
        ("INSERT INTO customers (email, name) VALUES ('bo@example.com', NULL)", "NOT NULL"),
        ("INSERT INTO products (sku, name, price_cents) VALUES (NULL, 'Nameless sku', 100)", "NOT NULL"),
        ("INSERT INTO products (sku, name, price_cents) VALUES ('INK-1', NULL, 100)", "NOT NULL"),
        ("INSERT INTO orders (customer_id, placed_at) VALUES (1, NULL)", "NOT NULL"),
        ("INSERT INTO order_items (order_id, product_id, quantity) VALUES (NULL, 1, 1)", "NOT NULL"),
        ("INSERT INTO order_items (order_id, product_id, quantity) VALUES (1, NULL, 1)", "NOT NULL"),
        ("INSERT INTO order_items (order_id, product_id, quantity) VALUES (1, 1, NULL)", "NOT NULL"),
        ("UPDATE order_items SET quantity = -3 WHERE order_id = 1", "CHECK"),
    ],
    ids=[
        "duplicate-email",
        "missing-email",
        "duplicate-sku",
        "negative-price",
        "missing-price",
        "order-for-unknown-customer",
        "order-without-customer",
        "item-for-unknown-product",
        "item-for-unknown-order",
        "same-product-twice-in-an-order",
        "zero-quantity",
        "missing-customer-name",
        "missing-sku",
        "missing-product-name",
        "missing-order-date",
        "item-without-order-NULL-references-nothing-so-the-foreign-key-is-not-checked",
        "item-without-product-NULL-is-not-caught-by-a-composite-primary-key-in-sqlite",
        "missing-quantity-a-CHECK-lets-NULL-through",
        "negative-quantity",
    ],
)
def test_rule_breaking_statements_raise_integrity_error(shop, sql, message):
    with pytest.raises(sqlite3.IntegrityError, match=message):
        shop.execute(sql)
    # NULL passes a CHECK (NULL > 0 is not false), skips a foreign key and, in SQLite, slips into a
    # composite PRIMARY KEY: only NOT NULL keeps it out.


def test_deleting_an_order_deletes_its_items(shop):
    shop.execute("DELETE FROM orders WHERE id = 1")
    assert shop.execute("SELECT COUNT(*) FROM order_items").fetchone() == (0,), (
        "the order's items are still there: declare ON DELETE CASCADE on order_items.order_id"
    )


def test_deleting_a_customer_who_has_orders_is_refused(shop):
    with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
        shop.execute("DELETE FROM customers WHERE id = 1")
    assert shop.execute("SELECT COUNT(*) FROM customers").fetchone() == (1,)


def test_deleting_a_product_still_on_an_order_is_refused(shop):
    with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
        shop.execute("DELETE FROM products WHERE id = 1")
