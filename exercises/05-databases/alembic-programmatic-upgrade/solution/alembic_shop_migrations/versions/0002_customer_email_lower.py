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
    op.add_column("customers", sa.Column("email_lower", sa.Text, nullable=True))
    bind = op.get_bind()
    rows = bind.execute(sa.text("SELECT id, email FROM customers")).fetchall()
    for customer_id, email in rows:
        bind.execute(
            sa.text("UPDATE customers SET email_lower = :email_lower WHERE id = :id"),
            {"email_lower": email.lower(), "id": customer_id},
        )
    with op.batch_alter_table("customers") as batch:
        batch.alter_column("email_lower", existing_type=sa.Text, nullable=False)
        batch.create_index("ix_customers_email_lower", ["email_lower"], unique=True)


def downgrade() -> None:
    with op.batch_alter_table("customers") as batch:
        batch.drop_index("ix_customers_email_lower")
        batch.drop_column("email_lower")
