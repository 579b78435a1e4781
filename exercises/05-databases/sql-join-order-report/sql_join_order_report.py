"""Answer three business questions with SQL joins and aggregates.

The database (a `sqlite3.Connection` is passed in) has two tables:

    customers(id INTEGER PRIMARY KEY, name TEXT NOT NULL, country TEXT NOT NULL)
    orders(id INTEGER PRIMARY KEY,
           customer_id INTEGER NOT NULL REFERENCES customers(id),
           total_cents INTEGER NOT NULL)

Money is stored in integer cents, so sums are exact. Write each function as
ONE SQL query; do the joining, counting and filtering in SQL, not in Python
(the query returns only the rows of the answer). Names are not unique: two
customers may both be called "Ada", and they stay two rows.

1. orders_per_customer(conn) -> list[(name, order_count)]
   EVERY customer, including those with no orders (count 0), sorted by
   count (highest first), then name.
       [("Ada", 3), ("Chloé", 2), ("Brian", 1), ("Dmitri", 0), ("Eve", 0)]

2. customers_spending_at_least(conn, min_cents) -> list[(name, total_cents)]
   Customers who have orders totalling at least min_cents, highest total
   first, then name. Pass min_cents as a ? parameter, never formatted into
   the SQL. A negative min_cents raises
   ValueError("min_cents must not be negative ...").

3. revenue_by_country(conn) -> dict[country, total_cents]
   Every country that has a customer; a country whose customers have
   never ordered maps to 0, not None.
"""
import sqlite3


def orders_per_customer(conn: sqlite3.Connection) -> list[tuple[str, int]]:
    # TODO: LEFT JOIN orders onto customers, GROUP BY the customer, count orders.
    raise NotImplementedError


def customers_spending_at_least(conn: sqlite3.Connection, min_cents: int) -> list[tuple[str, int]]:
    # TODO: validate min_cents, then JOIN + GROUP BY + HAVING with a ? parameter.
    raise NotImplementedError


def revenue_by_country(conn: sqlite3.Connection) -> dict[str, int]:
    # TODO: LEFT JOIN, GROUP BY country, and turn a NULL sum into 0.
    raise NotImplementedError
