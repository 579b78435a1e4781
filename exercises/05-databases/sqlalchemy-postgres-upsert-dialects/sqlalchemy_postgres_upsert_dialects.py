"""One upsert, two dialects: SQLAlchemy Core compiles it for PostgreSQL and SQLite.

Services often run PostgreSQL in production and SQLite in tests. SQLAlchemy
Core builds a statement once as Python objects and compiles it for the
database it is sent to: parameters become %(name)s for psycopg and ? for
sqlite3, IS DISTINCT FROM becomes IS NOT, ILIKE becomes lower(...) LIKE
lower(...). You can compile for PostgreSQL without a server:
`str(stmt.compile(dialect=sqlalchemy.dialects.postgresql.dialect()))`, and
the tests do. The `products` table below is given.

1. upsert_statement(dialect_name, sku, name, price_cents) -> Insert
   For "postgresql" use sqlalchemy.dialects.postgresql.insert, for "sqlite"
   sqlalchemy.dialects.sqlite.insert (same API); any other name raises
   ValueError(f"no upsert for dialect {dialect_name!r}"). Insert the values; on a conflict on sku
   (.on_conflict_do_update(index_elements=[products.c.sku], set_=...,
   where=...)) set name and price_cents to the new ones (`stmt.excluded`)
   and version to version + 1, but ONLY where name or price_cents really
   differ: products.c.name.is_distinct_from(excluded.name) OR the same for
   price_cents (a NULL-safe !=; on PostgreSQL: IS DISTINCT FROM). Finally
   .returning(products.c.id, products.c.version).

2. save_product(conn, sku, name, price_cents) -> (id, version)
   Execute upsert_statement for conn.dialect.name. When nothing changed the
   guarded update does not happen and RETURNING yields no row: then SELECT
   the row's id and version.
       save_product(conn, "PEN", "Pen", 150)       -> (1, 1)
       save_product(conn, "PEN", "Blue pen", 150)  -> (1, 2)
       save_product(conn, "PEN", "Blue pen", 150)  -> (1, 2)   nothing changed

3. search_statement(term) -> Select of products.c.name, sorted by name, of
   the names containing term case-insensitively, where % and _ in the term
   are plain characters (products.c.name.icontains(term, autoescape=True):
   ILIKE ... ESCAPE on PostgreSQL). search_names(conn, term) runs it and
   returns the list of names. (SQLite's lower() folds only ASCII letters, so
   there 'ZOË' does not find 'Zoë'; PostgreSQL's ILIKE does.)
"""
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite  # noqa: F401  (you will need them)

metadata = sa.MetaData()
products = sa.Table(
    "products",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("sku", sa.Text, nullable=False, unique=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("price_cents", sa.Integer, nullable=False),
    sa.Column("version", sa.Integer, nullable=False, server_default="1"),
)


def upsert_statement(dialect_name: str, sku: str, name: str, price_cents: int):
    # TODO: pick the dialect's insert; .values(...).on_conflict_do_update(...).returning(...)
    raise NotImplementedError


def save_product(conn: sa.Connection, sku: str, name: str, price_cents: int) -> tuple[int, int]:
    # TODO: conn.execute(...).first(); None? SELECT id, version
    raise NotImplementedError


def search_statement(term: str):
    # TODO: sa.select(products.c.name).where(...icontains(term, autoescape=True)).order_by(...)
    raise NotImplementedError


def search_names(conn: sa.Connection, term: str) -> list[str]:
    # TODO
    raise NotImplementedError
