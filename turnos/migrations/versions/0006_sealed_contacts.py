"""contact data at rest sealed: the email and phone of verifications, sessions and bookings, and
the outbox's payload

Revision ID: 0006_sealed_contacts
Revises: 0005_kiosk_scope
Create Date: 2026-12-02 04:40:00

The rows written before this revision hold plain values; they are sealed here with the service's
key, which `turnos.migrate.upgrade` passes in (`turnos db upgrade` and `turnos serve` do).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import sqlalchemy as sa
from alembic import op

from turnos.sealing import PREFIX, Sealer

revision: str = "0006_sealed_contacts"
down_revision: str | None = "0005_kiosk_scope"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TABLES = ("verifications", "sessions", "bookings")
_ID: dict[str, type[sa.String] | type[sa.Integer]] = {
    "verifications": sa.String,
    "sessions": sa.Integer,
    "bookings": sa.String,
}
_WIDTH = {"email": 320, "phone": 20}


def _sealer() -> Sealer | None:
    config = op.get_context().config
    sealer = config.attributes.get("sealer") if config is not None else None
    assert sealer is None or isinstance(sealer, Sealer)
    return sealer


def _always(change: Callable[[str | None, str], str | None]) -> Callable[[str, str], str]:
    def changed(value: str, column: str) -> str:
        result = change(value, column)
        assert result is not None  # a value in gives a value out
        return result

    return changed


def _needs(sealer: Sealer | None, what: str) -> Sealer:
    if sealer is None:
        raise RuntimeError(
            f"{what} needs the service secret: run `turnos db upgrade` (or `turnos serve`) "
            "with the service's settings"
        )
    return sealer


def _rewrite(table: str, change: Callable[[str, str], str], pick: Callable[[str], bool]) -> None:
    """Apply `change(value, column_label)` to every email and phone of `table` that `pick`s."""
    rows = sa.table(
        table, sa.column("id", _ID[table]), sa.column("email", sa.Text), sa.column("phone", sa.Text)
    )
    bind = op.get_bind()
    for row in bind.execute(sa.select(rows.c.id, rows.c.email, rows.c.phone)).all():
        values = {
            column: change(value, f"{table}.{column}")
            for column, value in (("email", row.email), ("phone", row.phone))
            if value is not None and pick(value)
        }
        if values:
            bind.execute(rows.update().where(rows.c.id == row.id).values(**values))


def _outbox(change: Callable[[bytes], bytes], pick: Callable[[bytes], bool]) -> None:
    rows = sa.table("outbox", sa.column("id", sa.String), sa.column("payload", sa.LargeBinary))
    bind = op.get_bind()
    query = sa.select(rows.c.id, rows.c.payload).where(rows.c.payload.is_not(None))
    for row in bind.execute(query).all():
        if pick(bytes(row.payload)):
            payload = change(bytes(row.payload))
            bind.execute(rows.update().where(rows.c.id == row.id).values(payload=payload))


def _plain(value: str) -> bool:
    return not value.startswith(PREFIX)


def _has_plain_rows() -> bool:
    bind = op.get_bind()
    for table in _TABLES:
        t = sa.table(table, sa.column("email", sa.Text), sa.column("phone", sa.Text))
        if bind.execute(
            sa.select(sa.func.count()).where(sa.or_(t.c.email.is_not(None), t.c.phone.is_not(None)))
        ).scalar_one():
            return True
    box = sa.table("outbox", sa.column("payload", sa.LargeBinary))
    return bool(
        bind.execute(sa.select(sa.func.count()).where(box.c.payload.is_not(None))).scalar_one()
    )


def upgrade() -> None:
    for table in _TABLES:
        with op.batch_alter_table(table) as batch:
            for column, width in _WIDTH.items():
                batch.alter_column(
                    column, type_=sa.Text(), existing_type=sa.String(width), existing_nullable=True
                )
    if not _has_plain_rows():
        return  # a new database, or one without contact data: no key needed
    sealer = _needs(_sealer(), "sealing the contact data already stored")
    for table in _TABLES:
        _rewrite(table, _always(sealer.seal), _plain)
    prefix = PREFIX.encode()
    _outbox(lambda p: sealer.seal_bytes(p, "outbox.payload"), lambda p: not p.startswith(prefix))


def downgrade() -> None:
    if _has_plain_rows():
        sealer = _needs(_sealer(), "opening the sealed contact data")
        for table in _TABLES:
            _rewrite(table, _always(sealer.open), lambda v: not _plain(v))
        prefix = PREFIX.encode()
        _outbox(lambda p: sealer.open_bytes(p, "outbox.payload"), lambda p: p.startswith(prefix))
    for table in _TABLES:
        with op.batch_alter_table(table) as batch:
            for column, width in _WIDTH.items():
                batch.alter_column(
                    column, type_=sa.String(width), existing_type=sa.Text(), existing_nullable=True
                )
