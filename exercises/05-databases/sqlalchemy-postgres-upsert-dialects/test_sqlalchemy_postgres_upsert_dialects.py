import pytest
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from sqlalchemy_postgres_upsert_dialects import (
    metadata, products, save_product, search_names, search_statement, upsert_statement,
)


def as_postgres(stmt):
    return stmt.compile(dialect=postgresql.dialect())


def as_sqlite(stmt):
    return stmt.compile(dialect=sqlite.dialect())


@pytest.fixture
def engine():
    engine = sa.create_engine("sqlite://")
    metadata.create_all(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def conn(engine):
    with engine.begin() as conn:
        yield conn


def test_the_postgres_upsert_uses_on_conflict_do_update_and_returning():
    sql = str(as_postgres(upsert_statement("postgresql", "PEN", "Pen", 150)))
    assert "INSERT INTO products" in sql
    assert "ON CONFLICT (sku) DO UPDATE SET" in sql, f"use the dialect's insert(...).on_conflict_do_update: {sql}"
    assert "RETURNING products.id, products.version" in sql, f"return id and version: {sql}"


def test_the_postgres_upsert_only_updates_when_a_value_is_distinct():
    sql = str(as_postgres(upsert_statement("postgresql", "PEN", "Pen", 150)))
    assert "products.name IS DISTINCT FROM excluded.name" in sql, (
        f"guard the update with is_distinct_from (NULL-safe !=), or every save bumps the version: {sql}"
    )
    assert "products.price_cents IS DISTINCT FROM excluded.price_cents" in sql


def test_the_postgres_upsert_sends_values_as_parameters():
    compiled = as_postgres(upsert_statement("postgresql", "MUG", "Kid's mug", 900))
    assert "Kid" not in str(compiled) and "900" not in str(compiled), "values belong in parameters, not in the SQL"
    assert "%(name)s" in str(compiled), "psycopg's parameter style is %(name)s"
    assert compiled.params["name"] == "Kid's mug" and compiled.params["price_cents"] == 900


def test_the_sqlite_upsert_is_the_same_statement_in_sqlite_spelling():
    compiled = as_sqlite(upsert_statement("sqlite", "MUG", "Kid's mug", 900))
    sql = str(compiled)
    assert "ON CONFLICT (sku) DO UPDATE SET" in sql
    assert "products.name IS NOT excluded.name" in sql, f"SQLite spells IS DISTINCT FROM as IS NOT: {sql}"
    assert "Kid" not in sql and "?" in sql


@pytest.mark.parametrize("dialect_name", ["mysql", "", "PostgreSQL"], ids=["mysql", "empty", "wrong-case"])
def test_an_unknown_dialect_is_refused(dialect_name):
    with pytest.raises(ValueError, match="dialect"):
        upsert_statement(dialect_name, "PEN", "Pen", 150)


def test_save_inserts_then_updates_and_bumps_the_version(conn):
    assert save_product(conn, "PEN", "Pen", 150) == (1, 1)
    assert save_product(conn, "INK", "Ink", 500) == (2, 1)
    assert save_product(conn, "PEN", "Blue pen", 150) == (1, 2)
    assert save_product(conn, "PEN", "Blue pen", 175) == (1, 3)
    rows = conn.execute(sa.select(products.c.sku, products.c.name, products.c.price_cents, products.c.version)
                        .order_by(products.c.id)).all()
    assert rows == [("PEN", "Blue pen", 175, 3), ("INK", "Ink", 500, 1)]


def test_saving_identical_values_keeps_the_version(conn):
    save_product(conn, "PEN", "Pen", 150)
    save_product(conn, "PEN", "Pen", 175)
    assert save_product(conn, "PEN", "Pen", 175) == (1, 2), (
        "nothing changed, so the version stays; the guarded upsert then RETURNs no row: read id and version with a SELECT"
    )


def test_saving_a_name_with_quotes_works(conn):
    save_product(conn, "MUG", "Kid's \"best\" mug", 900)
    assert search_names(conn, "kid's") == ["Kid's \"best\" mug"]


@pytest.fixture
def catalog(conn):
    for sku, name in [("A", "50% off mug"), ("B", "500 pens"), ("C", "MUG of tea"), ("D", "snake_case cup"),
                      ("E", "snakescase cup"), ("F", "Zoë's pen")]:
        save_product(conn, sku, name, 100)
    return conn


@pytest.mark.parametrize(
    "term, names",
    [("mug", ["50% off mug", "MUG of tea"]), ("50%", ["50% off mug"]), ("_", ["snake_case cup"]),
     ("zoë", ["Zoë's pen"]), ("tea", ["MUG of tea"]), ("nothing", []), ("' OR 1=1 --", [])],
    ids=["case-insensitive", "percent-is-literal", "underscore-is-literal", "non-ascii-letter", "one", "none", "injection"],
)
def test_search_finds_names_containing_the_term(catalog, term, names):
    assert search_names(catalog, term) == names, (
        "case-insensitive 'contains', with % and _ in the term matched literally (autoescape=True), sorted by name"
    )


def test_search_compiles_to_ilike_on_postgres():
    sql = str(as_postgres(search_statement("mug")))
    assert "ILIKE" in sql and "ESCAPE" in sql, f"icontains(term, autoescape=True) is ILIKE ... ESCAPE on PostgreSQL: {sql}"
    assert "ORDER BY products.name" in sql


def test_the_given_products_table_is_unchanged():
    assert [(c.name, c.nullable, bool(c.unique)) for c in products.columns] == [
        ("id", False, False), ("sku", False, True), ("name", False, False),
        ("price_cents", False, False), ("version", False, False),
    ], "the products table is given: leave it as it was"
