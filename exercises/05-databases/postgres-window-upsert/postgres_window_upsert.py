"""PostgreSQL-style SQL that SQLite runs too: UPSERT, RETURNING, CTE, windows.

Everything below is standard PostgreSQL syntax: INSERT ... ON CONFLICT ...
DO UPDATE (PostgreSQL 9.5+), RETURNING, WITH (common table expressions) and
window functions like ROW_NUMBER()/RANK() OVER (PARTITION BY ...). SQLite
(3.35+) accepts the same statements, so you can practise them here and run
them unchanged against PostgreSQL later (where the id column would be
`id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY`, and psycopg uses %s
instead of ? for parameters). The tests create:

    products(id INTEGER PRIMARY KEY, sku TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
             price_cents INTEGER NOT NULL CHECK (price_cents >= 0),
             version INTEGER NOT NULL DEFAULT 1)
    employees(id INTEGER PRIMARY KEY, name TEXT NOT NULL,
              department TEXT NOT NULL, salary INTEGER NOT NULL)

1. upsert_product(conn, sku, name, price_cents) -> (id, version)
   Insert the product, or if the sku exists update its name and price and
   add 1 to its version, keeping its id. ONE statement (no SELECT first:
   another connection could insert the same sku in between), RETURNING id,
   version. The values travel as ? parameters, never formatted into the SQL
   text: a name like "Kid's mug" (or an injection attempt) is stored as is.
       upsert_product(conn, "PEN", "Pen", 150)      -> (1, 1)
       upsert_product(conn, "PEN", "Blue pen", 175) -> (1, 2)

2. top_paid_per_department(conn, n) -> [(department, name, salary), ...]
   The n best-paid employees of each department (equal salaries: by name),
   sorted by department, then salary high to low. n < 1 raises
   ValueError("n must be at least 1 ..."). Use a CTE and ROW_NUMBER().

3. salary_ranks(conn) -> [(department, name, salary, rank), ...]
   Every employee's RANK() by salary inside their department (equal
   salaries share a rank and the next rank is skipped: 1, 1, 3), sorted by
   department, rank, name.
"""
import sqlite3


def upsert_product(conn: sqlite3.Connection, sku: str, name: str, price_cents: int) -> tuple[int, int]:
    # TODO: INSERT ... ON CONFLICT (sku) DO UPDATE SET ... RETURNING id, version
    raise NotImplementedError


def top_paid_per_department(conn: sqlite3.Connection, n: int) -> list[tuple[str, str, int]]:
    # TODO: WITH ranked AS (... ROW_NUMBER() OVER (PARTITION BY ...) ...) SELECT ...
    raise NotImplementedError


def salary_ranks(conn: sqlite3.Connection) -> list[tuple[str, str, int, int]]:
    # TODO: RANK() OVER (PARTITION BY department ORDER BY salary DESC)
    raise NotImplementedError
