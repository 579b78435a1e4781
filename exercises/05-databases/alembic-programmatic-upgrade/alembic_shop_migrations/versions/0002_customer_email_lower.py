"""customers.email_lower: backfilled, NOT NULL, unique

Revision ID: 0002
Revises: 0001
"""
import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # TODO 1. add the column email_lower (TEXT), nullable for now
    # TODO 2. backfill it: every row's email.lower(), computed in Python
    # TODO 3. batch_alter_table: make it NOT NULL, unique index ix_customers_email_lower
    pass


def downgrade() -> None:
    # TODO: the exact inverse of upgrade (the index, then the column)
    pass
