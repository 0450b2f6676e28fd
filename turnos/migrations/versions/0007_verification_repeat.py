"""a verification asked again after a lost answer: the kiosk's request key and body (keyed
hashes), when its code was accepted and the session that opened

Revision ID: 0007_verification_repeat
Revises: 0006_sealed_contacts
Create Date: 2026-12-03 07:30:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007_verification_repeat"
down_revision: str | None = "0006_sealed_contacts"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_INDEX = "ix_verifications_kiosk_request"


def upgrade() -> None:
    # Nullable with no default: verifications written before stay as they were (no repeat).
    with op.batch_alter_table("verifications", schema=None) as batch_op:
        batch_op.add_column(sa.Column("request_key_hash", sa.String(64), nullable=True))
        batch_op.add_column(sa.Column("request_body_hash", sa.String(64), nullable=True))
        batch_op.add_column(sa.Column("confirmed_at", sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column("session_id", sa.Integer(), nullable=True))
        batch_op.create_index(_INDEX, ["kiosk_token_id", "request_key_hash"], unique=False)


def downgrade() -> None:
    # No table rebuild on SQLite (see 0005): plain columns and an index drop in place.
    with op.batch_alter_table("verifications", schema=None, recreate="never") as batch_op:
        batch_op.drop_index(_INDEX)
        for name in ("session_id", "confirmed_at", "request_body_hash", "request_key_hash"):
            batch_op.drop_column(name)
