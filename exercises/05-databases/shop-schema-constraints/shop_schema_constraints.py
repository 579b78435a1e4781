"""Write the DDL for a small shop, with the rules enforced by SQLite itself.

A normalised schema stores each fact once: a customer's email lives only in
`customers`, a product's name and price only in `products`; orders point at
them by id. Write SCHEMA (CREATE TABLE statements) for exactly these tables
and columns, in this order:

  customers(id, email, name)
      id is the primary key; email and name are required; no two
      customers share an email.
  products(id, sku, name, price_cents)
      sku is required and unique; name is required; price_cents is a
      required integer that is never negative (0 is fine: freebies).
  orders(id, customer_id, placed_at)
      customer_id must be an existing customer (never NULL); placed_at is
      required text like "2024-05-01". A customer who has orders cannot be
      deleted.
  order_items(order_id, product_id, quantity)
      order_id must be an existing order, product_id an existing product,
      quantity an integer above 0; none of the three may be NULL. A product
      appears at most once per order: (order_id, product_id) is the primary
      key. Deleting an order deletes its items.

Careful with NULL: a CHECK lets it through (NULL > 0 is unknown, not false),
a foreign key does not check it, and in SQLite even a composite PRIMARY KEY
accepts it. Only NOT NULL keeps a required column filled.

Then write connect(path): open the database file, switch foreign-key
enforcement on (SQLite leaves it OFF on every new connection!), create the
tables if they do not exist yet, and return the connection. Any broken rule
must raise sqlite3.IntegrityError, e.g.

    >>> conn = connect("shop.db")          # or ":memory:"
    >>> conn.execute("INSERT INTO orders (customer_id, placed_at) VALUES (99, '2024-05-01')")
    sqlite3.IntegrityError: FOREIGN KEY constraint failed
"""
import sqlite3
from pathlib import Path

# TODO: four CREATE TABLE IF NOT EXISTS statements with PRIMARY KEY, NOT NULL,
# UNIQUE, CHECK and REFERENCES ... constraints.
SCHEMA = """
"""


def connect(path: str | Path) -> sqlite3.Connection:
    # TODO: sqlite3.connect, PRAGMA foreign_keys = ON, executescript(SCHEMA).
    raise NotImplementedError
