"""Run Alembic migrations from Python: upgrade, downgrade, current revision.

Alembic is SQLAlchemy's migration tool: each revision is a Python file with
upgrade() and downgrade(), chained by `down_revision`; the database records
its current revision in a table alembic_version. Usually you type
`alembic upgrade head`; here you drive it from code (as a deploy script or a
test fixture does), with no alembic.ini, against a SQLite file.

Next to this file is alembic_shop_migrations/:
    env.py                                  how to connect        (given)
    versions/0001_create_customers.py       customers(id, name, email)  (given)
    versions/0002_customer_email_lower.py   <- TODO

1. Revision 0002 (the expand / backfill / contract pattern):
   upgrade(): add a column email_lower TEXT (nullable at first, since the
   rows that exist have no value); fill every existing row with its
   email.lower() computed in Python (SQLite's lower() only folds ASCII, so
   'ZOË' would stay 'ZOË'): read with op.get_bind().execute(sa.text(...)),
   write with a bound parameter `:name` per value; then, inside
   `with op.batch_alter_table("customers") as batch:`, make the column NOT
   NULL and create the UNIQUE index ix_customers_email_lower on it. (SQLite
   cannot ALTER a column: batch mode rebuilds the table.) Rows whose emails
   differ only in case make the upgrade fail on the unique index.
   downgrade(): the exact inverse: drop the index, then the column; rows
   keep their other values.

2. Here:
   alembic_config(db_path) -> alembic.config.Config with two main options,
       script_location = the alembic_shop_migrations folder (MIGRATIONS_DIR)
       sqlalchemy.url  = f"sqlite:///{db_path}"
     Config values go through configparser interpolation, so a '%' in a
     path must be set as '%%' (get_main_option then gives back one '%').
   upgrade(db_path, revision="head") / downgrade(db_path, revision):
     alembic.command.upgrade / downgrade with that config. "head" is the
     newest revision, "base" the empty database, or a revision id ("0001").
   current_revision(db_path) -> "0002", "0001" or None (never migrated):
     open a SQLAlchemy connection and ask
     MigrationContext.configure(connection).get_current_revision().

    >>> upgrade(Path("shop.db")); current_revision(Path("shop.db"))
    '0002'
"""
from pathlib import Path

from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).parent / "alembic_shop_migrations"


def alembic_config(db_path: Path) -> Config:
    # TODO: Config(); set_main_option("script_location", ...); set_main_option("sqlalchemy.url", ...)
    raise NotImplementedError


def upgrade(db_path: Path, revision: str = "head") -> None:
    # TODO: alembic.command.upgrade(config, revision)
    raise NotImplementedError


def downgrade(db_path: Path, revision: str) -> None:
    # TODO: alembic.command.downgrade(config, revision)
    raise NotImplementedError


def current_revision(db_path: Path) -> str | None:
    # TODO: sqlalchemy.create_engine(...), MigrationContext.configure(connection).get_current_revision()
    raise NotImplementedError
