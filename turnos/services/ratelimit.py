"""A token bucket per kiosk, kept in the database so every service process shares it.

One conditional UPDATE refills and takes a token atomically: with READ COMMITTED on
PostgreSQL the row lock serialises concurrent takers, and the WHERE clause is re-checked
against the committed row, so two processes can never both spend the last token.
"""

from __future__ import annotations

import math

from sqlalchemy import case, literal, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from turnos import models
from turnos.db import Database


def take(db: Database, key: str, now: float, per_minute: float, burst: int) -> float | None:
    """Spend one token of `key`'s bucket; None if granted, else seconds until one is free."""
    rate = per_minute / 60.0
    bucket = models.RateBucket
    with db.transaction() as session:
        insert = pg_insert if db.engine.dialect.name == "postgresql" else sqlite_insert
        session.execute(
            insert(bucket)
            .values(key=key, tokens=float(burst), updated_at=now)
            .on_conflict_do_nothing()
        )
        elapsed = case((bucket.updated_at < now, literal(now) - bucket.updated_at), else_=0.0)
        refilled = bucket.tokens + elapsed * rate
        level = case((refilled > burst, float(burst)), else_=refilled)
        result = session.execute(
            update(bucket)
            .where(bucket.key == key, level >= 1.0)
            .values(
                tokens=level - 1.0,
                updated_at=case((bucket.updated_at < now, now), else_=bucket.updated_at),
            )
        )
        if result.rowcount:  # type: ignore[attr-defined]
            return None
        tokens = session.scalar(select(bucket.tokens).where(bucket.key == key)) or 0.0
    return max(1.0, math.ceil((1.0 - tokens) / rate))
