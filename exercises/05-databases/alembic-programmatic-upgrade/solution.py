"""Run Alembic migrations from Python: upgrade, downgrade, current revision."""
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext

MIGRATIONS_DIR = Path(__file__).parent / "alembic_shop_migrations"


def alembic_config(db_path: Path) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR).replace("%", "%%"))
    config.set_main_option("sqlalchemy.url", f"sqlite:///{db_path}".replace("%", "%%"))
    return config


def upgrade(db_path: Path, revision: str = "head") -> None:
    command.upgrade(alembic_config(db_path), revision)


def downgrade(db_path: Path, revision: str) -> None:
    command.downgrade(alembic_config(db_path), revision)


def current_revision(db_path: Path) -> str | None:
    engine = sa.create_engine(f"sqlite:///{db_path}")
    try:
        with engine.connect() as connection:
            return MigrationContext.configure(connection).get_current_revision()
    finally:
        engine.dispose()
