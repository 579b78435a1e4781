"""Alembic's environment script: how to connect, then run the migrations.

Given (nothing to change here). Alembic runs this file itself on every
command, with `context.config` being the Config your code built.
"""
from alembic import context
from sqlalchemy import engine_from_config, pool

config = context.config


def run_migrations_online() -> None:
    engine = engine_from_config(
        config.get_section(config.config_ini_section, {}),
        prefix="sqlalchemy.",
        poolclass=pool.NullPool,
    )
    with engine.connect() as connection:
        # render_as_batch: SQLite cannot ALTER a column, so batch operations
        # rebuild the table (create new, copy rows, drop old, rename).
        context.configure(connection=connection, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    raise RuntimeError("this project only runs migrations online, against a database")
run_migrations_online()
