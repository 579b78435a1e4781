import shutil
import sqlite3
from contextlib import closing

import pytest

import alembic_programmatic_upgrade
from alembic_programmatic_upgrade import alembic_config, current_revision, downgrade, upgrade


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "shop.db"


def query(db_path, sql, params=()):
    with closing(sqlite3.connect(db_path)) as conn:
        return conn.execute(sql, params).fetchall()


def execute(db_path, sql, params=()):
    with closing(sqlite3.connect(db_path)) as conn, conn:
        conn.execute(sql, params)


def columns(db_path, table):
    return {row[1]: bool(row[3]) for row in query(db_path, f"PRAGMA table_info({table})")}


def tables(db_path):
    return {row[0] for row in query(db_path, "SELECT name FROM sqlite_master WHERE type = 'table'")}


def add_customers(db_path, *customers):
    for name, email in customers:
        execute(db_path, "INSERT INTO customers (name, email) VALUES (?, ?)", (name, email))


def test_the_config_points_alembic_at_the_scripts_and_the_database(db_path):
    config = alembic_config(db_path)
    assert config.get_main_option("sqlalchemy.url") == f"sqlite:///{db_path}"
    assert config.get_main_option("script_location").endswith("alembic_shop_migrations")


def test_a_fresh_database_has_no_revision(db_path):
    assert current_revision(db_path) is None


def test_upgrade_to_head_creates_the_schema_and_records_the_revision(db_path):
    upgrade(db_path)
    assert current_revision(db_path) == "0002"
    cols = columns(db_path, "customers")
    assert set(cols) == {"id", "name", "email", "email_lower"}, (
        "revision 0002 (versions/0002_customer_email_lower.py) must add the column email_lower"
    )
    assert cols["email_lower"], "after 0002, customers.email_lower must be NOT NULL"


def test_upgrade_to_one_revision_stops_there(db_path):
    upgrade(db_path, "0001")
    assert current_revision(db_path) == "0001"
    assert columns(db_path, "customers") == {"id": True, "name": True, "email": True}


def test_existing_rows_are_backfilled_with_the_lowercased_email(db_path):
    upgrade(db_path, "0001")
    add_customers(db_path, ("Ada", "Ada@Example.COM"), ("Zoë", "ZOË@Example.com"), ("Bob", "bob@example.com"),
                  ("Ciarán", "O'Brien@Example.ie"))
    upgrade(db_path, "head")
    assert query(db_path, "SELECT name, email, email_lower FROM customers ORDER BY id") == [
        ("Ada", "Ada@Example.COM", "ada@example.com"),
        ("Zoë", "ZOË@Example.com", "zoë@example.com"),
        ("Bob", "bob@example.com", "bob@example.com"),
        ("Ciarán", "O'Brien@Example.ie", "o'brien@example.ie"),
    ], "each row's email_lower must be email.lower() (SQLite's lower() leaves Ë alone: compute it in Python)"


def test_email_lower_is_unique_and_required_after_the_migration(db_path):
    upgrade(db_path)
    execute(db_path, "INSERT INTO customers (name, email, email_lower) VALUES (?, ?, ?)",
            ("Ada", "Ada@Example.com", "ada@example.com"))
    with pytest.raises(sqlite3.IntegrityError, match="UNIQUE"):
        execute(db_path, "INSERT INTO customers (name, email, email_lower) VALUES (?, ?, ?)",
                ("Ada again", "ADA@example.com", "ada@example.com"))
    with pytest.raises(sqlite3.IntegrityError, match="NOT NULL"):
        execute(db_path, "INSERT INTO customers (name, email) VALUES (?, ?)", ("No lower", "x@example.com"))
    indexes = {row[1]: row[2] for row in query(db_path, "PRAGMA index_list(customers)")}
    assert indexes.get("ix_customers_email_lower") == 1, "expected a UNIQUE index named ix_customers_email_lower"


def test_duplicates_that_differ_only_in_case_stop_the_upgrade(db_path):
    upgrade(db_path, "0001")
    add_customers(db_path, ("Ada", "ada@example.com"), ("Ada", "ADA@example.com"))
    with pytest.raises(Exception, match="UNIQUE"):
        upgrade(db_path)


def test_downgrade_removes_the_column_and_index_but_keeps_the_rows(db_path):
    upgrade(db_path, "0001")
    add_customers(db_path, ("Ada", "Ada@Example.COM"))
    upgrade(db_path)
    downgrade(db_path, "0001")
    assert current_revision(db_path) == "0001"
    assert set(columns(db_path, "customers")) == {"id", "name", "email"}, "the downgrade must drop email_lower"
    assert query(db_path, "PRAGMA index_list(customers)") == [], "the downgrade must drop the index too"
    assert query(db_path, "SELECT id, name, email FROM customers") == [(1, "Ada", "Ada@Example.COM")]


def test_upgrade_downgrade_upgrade_round_trips(db_path):
    upgrade(db_path)
    downgrade(db_path, "0001")
    upgrade(db_path)
    assert current_revision(db_path) == "0002"
    assert "email_lower" in columns(db_path, "customers")


def test_downgrade_to_base_removes_everything(db_path):
    upgrade(db_path)
    downgrade(db_path, "base")
    assert current_revision(db_path) is None
    assert "customers" not in tables(db_path)


def test_upgrading_an_up_to_date_database_changes_nothing(db_path):
    upgrade(db_path)
    add_customers_sql = "INSERT INTO customers (name, email, email_lower) VALUES ('A', 'a@x', 'a@x')"
    execute(db_path, add_customers_sql)
    upgrade(db_path)
    assert query(db_path, "SELECT COUNT(*) FROM customers") == [(1,)]


def test_a_percent_sign_in_the_path_works(tmp_path):
    db_path = tmp_path / "50%_off" / "shop.db"
    db_path.parent.mkdir()
    upgrade(db_path)
    assert current_revision(db_path) == "0002", (
        "Config options go through configparser interpolation: a '%' in a path must be written as '%%'"
    )
    assert alembic_config(db_path).get_main_option("sqlalchemy.url") == f"sqlite:///{db_path}"


def test_a_percent_sign_in_the_migrations_folder_works(tmp_path, monkeypatch):
    moved = tmp_path / "100%" / "alembic_shop_migrations"
    shutil.copytree(alembic_programmatic_upgrade.MIGRATIONS_DIR, moved,
                    ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(alembic_programmatic_upgrade, "MIGRATIONS_DIR", moved)
    db_path = tmp_path / "shop.db"
    upgrade(db_path)
    assert current_revision(db_path) == "0002", "escape '%' as '%%' in script_location too"
