import sqlite3

import pytest

from normalise_flat_orders_nulls import FlatRow, count_orders_not_using, create_schema, import_flat_rows

ROWS = [
    FlatRow(1, "ada@example.com", "Ada", "+44 1", "", "PEN", "Pen", 2, 150),
    FlatRow(1, "ada@example.com", "Ada", "+44 1", "", "INK", "Ink", 1, 500),
    FlatRow(2, "grace@example.com", "Grace O'Neil", "", "SPRING", "PEN", "Pen", 10, 120),
    FlatRow(3, "zoe@example.com", "Zoë", "   ", "WELCOME", "INK", "Ink", 1, 480),
    FlatRow(4, "linus@example.com", "Linus", "", "  ", "PEN", "Pen", 1, 150),
]


@pytest.fixture
def conn():
    conn = sqlite3.connect(":memory:")
    conn.execute("PRAGMA foreign_keys = ON")
    create_schema(conn)
    yield conn
    conn.close()


@pytest.fixture
def shop(conn):
    import_flat_rows(conn, ROWS)
    return conn


def counts(conn):
    return {
        table: conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
        for table in ("customers", "products", "orders", "order_lines")
    }


def test_every_fact_is_stored_once(shop):
    assert counts(shop) == {"customers": 4, "products": 2, "orders": 4, "order_lines": 5}


def test_lines_point_at_their_order_and_product(shop):
    lines = shop.execute(
        "SELECT o.id, c.email, p.name, l.quantity FROM order_lines l "
        "JOIN orders o ON o.id = l.order_id JOIN customers c ON c.id = o.customer_id "
        "JOIN products p ON p.sku = l.sku ORDER BY o.id, p.name"
    ).fetchall()
    assert lines == [
        (1, "ada@example.com", "Ink", 1),
        (1, "ada@example.com", "Pen", 2),
        (2, "grace@example.com", "Pen", 10),
        (3, "zoe@example.com", "Ink", 1),
        (4, "linus@example.com", "Pen", 1),
    ]


def test_each_line_keeps_the_price_paid_at_the_time(shop):
    prices = shop.execute("SELECT order_id, unit_price_cents FROM order_lines WHERE sku = 'PEN' ORDER BY order_id")
    assert prices.fetchall() == [(1, 150), (2, 120), (4, 150)]


def test_names_with_quotes_are_stored_as_given(shop):
    assert shop.execute("SELECT name FROM customers WHERE email = 'grace@example.com'").fetchone() == ("Grace O'Neil",)


def test_blank_phones_and_coupons_are_stored_as_null_not_empty_text(shop):
    phones = dict(shop.execute("SELECT email, phone FROM customers"))
    assert phones == {"ada@example.com": "+44 1", "grace@example.com": None,
                      "zoe@example.com": None, "linus@example.com": None}, (
        "a blank phone (empty or only spaces) means 'no phone': store NULL (None), not ''"
    )
    coupons = dict(shop.execute("SELECT id, coupon FROM orders"))
    assert coupons == {1: None, 2: "SPRING", 3: "WELCOME", 4: None}


@pytest.mark.parametrize(
    "sql, params",
    [
        ("INSERT INTO customers (email, name) VALUES (?, ?)", ("ada@example.com", "Other Ada")),
        ("INSERT INTO customers (email, name) VALUES (?, ?)", (None, "Nobody")),
        ("INSERT INTO customers (email, name) VALUES (?, ?)", ("x@example.com", None)),
        ("INSERT INTO customers (email, name, phone) VALUES (?, ?, ?)", ("x@example.com", "X", "+44 1")),
        ("INSERT INTO products (sku, name) VALUES (?, ?)", ("PEN", "Another pen")),
        ("INSERT INTO products (sku, name) VALUES (?, ?)", ("CUP", None)),
        ("INSERT INTO orders (id, customer_id) VALUES (?, ?)", (9, 999)),
        ("INSERT INTO orders (id, customer_id) VALUES (?, ?)", (9, None)),
        ("INSERT INTO order_lines VALUES (?, ?, ?, ?)", (1, "PEN", 1, 100)),
        ("INSERT INTO order_lines VALUES (?, ?, ?, ?)", (2, "INK", 0, 100)),
        ("INSERT INTO order_lines VALUES (?, ?, ?, ?)", (2, "INK", 1, -1)),
        ("INSERT INTO order_lines VALUES (?, ?, ?, ?)", (2, "CUP", 1, 100)),
        ("INSERT INTO order_lines VALUES (?, ?, ?, ?)", (99, "INK", 1, 100)),
        ("INSERT INTO order_lines VALUES (?, ?, ?, ?)", (2, "INK", None, 100)),
        ("INSERT INTO order_lines VALUES (?, ?, ?, ?)", (2, "INK", 1, None)),
    ],
    ids=[
        "duplicate-email", "missing-email", "missing-name", "duplicate-phone",
        "duplicate-sku", "missing-product-name", "order-for-unknown-customer", "order-without-customer",
        "same-product-twice-in-an-order", "zero-quantity", "negative-price", "unknown-product",
        "line-for-unknown-order", "missing-quantity", "missing-price",
    ],
)
def test_the_schema_refuses_bad_data(shop, sql, params):
    with pytest.raises(sqlite3.IntegrityError):
        shop.execute(sql, params)


def test_many_customers_may_have_no_phone(shop):
    shop.execute("INSERT INTO customers (email, name, phone) VALUES ('new@example.com', 'New', NULL)")
    assert shop.execute("SELECT COUNT(*) FROM customers WHERE phone IS NULL").fetchone() == (4,)


@pytest.mark.parametrize(
    "bad_row, key",
    [
        (FlatRow(5, "ada@example.com", "Ada Lovelace", "+44 1", "", "PEN", "Pen", 1, 150), "ada@example.com"),
        (FlatRow(5, "ada@example.com", "Ada", "+44 2", "", "PEN", "Pen", 1, 150), "ada@example.com"),
        (FlatRow(5, "ada@example.com", "Ada", "", "", "PEN", "Pen", 1, 150), "ada@example.com"),
        (FlatRow(5, "new@example.com", "New", "", "", "PEN", "Blue pen", 1, 150), "PEN"),
        (FlatRow(2, "new@example.com", "New", "", "SPRING", "INK", "Ink", 1, 500), "2"),
        (FlatRow(2, "grace@example.com", "Grace O'Neil", "", "", "INK", "Ink", 1, 500), "2"),
        (FlatRow(2, "grace@example.com", "Grace O'Neil", "", "WELCOME", "INK", "Ink", 1, 500), "2"),
    ],
    ids=["customer-renamed", "customer-phone-changed", "customer-phone-dropped", "product-renamed",
         "order-moved-to-another-customer", "order-coupon-dropped", "order-coupon-changed"],
)
def test_a_fact_arriving_with_a_second_value_is_a_conflict(shop, bad_row, key):
    with pytest.raises(ValueError, match=key):
        import_flat_rows(shop, [bad_row])


@pytest.mark.parametrize(
    "bad_row",
    [
        FlatRow(6, "bob@example.com", "Bob", "", "", "CUP", "Cup", 0, 300),
        FlatRow(6, "bob@example.com", "Bob", "", "", "CUP", "Cup", 1, 300),
        FlatRow(6, "bob@example.com", "Bob", "", "", "CUP", "Mug", 1, 300),
    ],
    ids=["zero-quantity", "same-product-twice-in-the-order", "product-renamed-within-the-batch"],
)
def test_a_failing_batch_leaves_nothing_behind(shop, bad_row):
    good = [FlatRow(5, "new@example.com", "New", "", "", "CUP", "Cup", 1, 300),
            FlatRow(6, "bob@example.com", "Bob", "", "", "CUP", "Cup", 1, 300)]
    before = counts(shop)
    with pytest.raises((ValueError, sqlite3.IntegrityError)):
        import_flat_rows(shop, good + [bad_row])
    assert counts(shop) == before, "rows of a failed import stayed stored: the whole call must be one transaction"
    shop.commit()
    assert counts(shop) == before, "rows of a failed import were committed: roll back on error"


def test_a_later_batch_can_reuse_customers_and_products(shop):
    import_flat_rows(shop, [FlatRow(5, "ada@example.com", "Ada", "+44 1", "SPRING", "INK", "Ink", 3, 500)])
    assert counts(shop) == {"customers": 4, "products": 2, "orders": 5, "order_lines": 6}
    (customer,) = shop.execute("SELECT c.email FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.id = 5").fetchone()
    assert customer == "ada@example.com"


@pytest.mark.parametrize(
    "coupon, expected",
    [("SPRING", 3), ("WELCOME", 3), ("NOPE", 4), ("SPRING' --", 4), ("O'Brien", 4), ("", 4)],
    ids=["used-once", "another-used-once", "never-used", "injection-attempt", "quote-in-value", "empty"],
)
def test_orders_without_the_coupon_include_those_with_no_coupon(shop, coupon, expected):
    assert count_orders_not_using(shop, coupon) == expected, (
        "orders whose coupon is NULL did not use this coupon either: `coupon != ?` is NULL for them, "
        "so use `coupon IS NOT ?`; and pass the coupon as a ? parameter"
    )


def test_no_orders_means_zero(conn):
    assert count_orders_not_using(conn, "SPRING") == 0
