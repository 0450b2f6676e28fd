"""Alembic environment: runs on the connection that turnos.migrate hands in."""

from __future__ import annotations

from alembic import context

from turnos.models import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only turnos.migrate runs migrations
    raise RuntimeError("run migrations with `turnos db upgrade`")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
