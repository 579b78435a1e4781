"""Anti-joins and relational division: NOT EXISTS, NULLs, and IN lists as parameters.

The tests create
    customers(id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE)
    orders(id INTEGER PRIMARY KEY, customer_id INTEGER REFERENCES customers(id))
                      -- customer_id is NULL for a guest checkout
    order_lines(order_id INTEGER NOT NULL REFERENCES orders(id), sku TEXT NOT NULL,
                qty INTEGER NOT NULL, PRIMARY KEY (order_id, sku))

1. customers_without_orders(conn) -> sorted emails
   Customers with no order at all (an anti-join). The obvious
   `WHERE id NOT IN (SELECT customer_id FROM orders)` returns NOTHING as soon
   as one guest order has customer_id NULL: `5 NOT IN (1, NULL)` is
   `5 <> 1 AND 5 <> NULL`, which is NULL, not true. Write it with
   `NOT EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id)`.

2. customers_who_bought_all(conn, skus) -> sorted emails
   Customers who bought EVERY sku in the list, across all their orders
   (relational division): keep their lines whose sku is in the list, group
   by customer, and keep the groups with as many DISTINCT skus as the list
   has distinct skus (a product bought twice counts once, and so does a sku
   listed twice). The list can be long and comes from a request: build one
   `?` per distinct sku, `sku IN (?, ?, ?)`, and pass the skus as parameters
   (only the placeholders are formatted into the SQL, never a value). An
   empty list raises ValueError naming skus. Do not change the caller's list.

    >>> customers_who_bought_all(conn, ["PEN", "PAD"])
    ['ada@example.com', 'grace@example.com']
"""
import sqlite3


def customers_without_orders(conn: sqlite3.Connection) -> list[str]:
    # TODO: NOT EXISTS
    raise NotImplementedError


def customers_who_bought_all(conn: sqlite3.Connection, skus: list[str]) -> list[str]:
    # TODO: ", ".join("?" * n) placeholders; GROUP BY customer HAVING COUNT(DISTINCT sku) = ?
    raise NotImplementedError
