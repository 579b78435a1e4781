"""Normalise a spreadsheet of orders into tables, and query NULLs correctly.

Sales arrive as a flat export, one row per order line, repeating the customer
and product on every line (see FlatRow). Stored like that, a customer's name
lives in many rows and one UPDATE can leave them disagreeing (an update
anomaly). Normal form stores every fact once, keyed by what it depends on:

    customers(id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE,
              name TEXT NOT NULL, phone TEXT UNIQUE)        -- phone optional
    products(sku TEXT PRIMARY KEY, name TEXT NOT NULL)
    orders(id INTEGER PRIMARY KEY,                          -- the order_id
           customer_id INTEGER NOT NULL REFERENCES customers(id),
           coupon TEXT)                                     -- optional
    order_lines(order_id INTEGER NOT NULL REFERENCES orders(id),
                sku TEXT NOT NULL REFERENCES products(sku),
                quantity INTEGER NOT NULL CHECK (quantity > 0),
                unit_price_cents INTEGER NOT NULL CHECK (unit_price_cents >= 0),
                PRIMARY KEY (order_id, sku))

The unit price sits on the line, not the product: it is what was paid at the
time of that sale (a historical fact), and prices change.

1. SCHEMA: write those four CREATE TABLE statements; create_schema(conn) runs
   them. The tests switch on PRAGMA foreign_keys themselves.

2. import_flat_rows(conn, rows): store the rows in normal form, every value
   as a ? parameter ("Grace O'Neil" is an ordinary name).
   - A blank phone or coupon (empty or only spaces) means "none": store NULL,
     never ''. NULLs do not clash in a UNIQUE column, so any number of
     customers may have no phone while two equal phones are refused.
   - The same fact must not arrive with two values: an email with another
     name or phone, a sku with another product name, an order id with another
     customer or coupon. Raise ValueError naming the key (the email, sku or
     order id) instead of silently keeping either value.
   - All or nothing: if any row fails (ValueError, or an IntegrityError from a
     constraint such as quantity 0 or the same sku twice in an order), no row
     of this call stays stored. Earlier calls are not touched.

3. count_orders_not_using(conn, coupon) -> int
   How many orders did NOT use this coupon, orders with no coupon included.
   Beware three-valued logic: `NULL != 'SPRING'` is NULL, not true, so
   `WHERE coupon != ?` silently drops them. Compare NULL-safely with
   `IS NOT` (PostgreSQL spells it `IS DISTINCT FROM`).

    >>> import_flat_rows(conn, [FlatRow(1, "ada@example.com", "Ada", "", "",
    ...                                 "PEN", "Pen", 2, 150)])
    >>> count_orders_not_using(conn, "SPRING")
    1
"""
import sqlite3
from typing import NamedTuple


class FlatRow(NamedTuple):
    order_id: int
    email: str
    customer_name: str
    phone: str
    coupon: str
    sku: str
    product_name: str
    quantity: int
    unit_price_cents: int


SCHEMA = """
-- TODO: customers, products, orders, order_lines
"""


def create_schema(conn: sqlite3.Connection) -> None:
    conn.executescript(SCHEMA)


def import_flat_rows(conn: sqlite3.Connection, rows: list[FlatRow]) -> None:
    # TODO: one transaction; per row upsert customer, product, order, then the line
    raise NotImplementedError


def count_orders_not_using(conn: sqlite3.Connection, coupon: str) -> int:
    # TODO: a NULL-safe comparison
    raise NotImplementedError
