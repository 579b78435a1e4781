"""One upsert, two dialects: SQLAlchemy Core compiles it for PostgreSQL and SQLite."""
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

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

INSERTS = {"postgresql": postgresql.insert, "sqlite": sqlite.insert}


def upsert_statement(dialect_name: str, sku: str, name: str, price_cents: int):
    try:
        insert = INSERTS[dialect_name]
    except KeyError:
        raise ValueError(f"no upsert for dialect {dialect_name!r}") from None
    stmt = insert(products).values(sku=sku, name=name, price_cents=price_cents)
    new = stmt.excluded
    return stmt.on_conflict_do_update(
        index_elements=[products.c.sku],
        set_={"name": new.name, "price_cents": new.price_cents, "version": products.c.version + 1},
        where=sa.or_(
            products.c.name.is_distinct_from(new.name),
            products.c.price_cents.is_distinct_from(new.price_cents),
        ),
    ).returning(products.c.id, products.c.version)


def save_product(conn: sa.Connection, sku: str, name: str, price_cents: int) -> tuple[int, int]:
    row = conn.execute(upsert_statement(conn.dialect.name, sku, name, price_cents)).first()
    if row is None:
        row = conn.execute(sa.select(products.c.id, products.c.version).where(products.c.sku == sku)).one()
    return row.id, row.version


def search_statement(term: str):
    return (
        sa.select(products.c.name)
        .where(products.c.name.icontains(term, autoescape=True))
        .order_by(products.c.name)
    )


def search_names(conn: sa.Connection, term: str) -> list[str]:
    return list(conn.execute(search_statement(term)).scalars())
