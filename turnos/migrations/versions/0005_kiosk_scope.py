"""kiosk tokens limited to agencies or provinces (NULL: every agency)

Revision ID: 0005_kiosk_scope
Revises: 0004_outbox
Create Date: 2026-12-02 09:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005_kiosk_scope"
down_revision: str | None = "0004_outbox"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_COLUMNS = ("scope_agencies", "scope_provinces")


def upgrade() -> None:
    # Nullable with no default: every existing token stays unrestricted.
    with op.batch_alter_table("api_tokens", schema=None) as batch_op:
        for name in _COLUMNS:
            batch_op.add_column(sa.Column(name, sa.JSON(), nullable=True))


def downgrade() -> None:
    # Never a table rebuild on SQLite: dropping api_tokens to rebuild it fails ("FOREIGN KEY
    # constraint failed") once sessions or kiosk_status refer to a token, and foreign keys cannot
    # be switched off inside the migration's transaction. SQLite 3.35+ drops a plain column.
    with op.batch_alter_table("api_tokens", schema=None, recreate="never") as batch_op:
        for name in reversed(_COLUMNS):
            batch_op.drop_column(name)
