"""A hold's place in a slot: given back once when the hold ends, however it ends.

Apart from the booking rules so that ending a citizen session (`verification.end_session`) can
release its hold without the session code importing the booking code that depends on it.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from turnos import models
from turnos.db import Database
from turnos.models import ACTIVE


def rowcount(result: Any) -> int:
    """The rows an UPDATE changed: the only count that holds under concurrent requests."""
    return int(result.rowcount)


def end_hold(session: Session, hold_id: str, slot_id: str, state: str) -> bool:
    """Move an active hold to `state` and give its place back, once (conditional update)."""
    changed = rowcount(
        session.execute(
            update(models.Hold)
            .where(models.Hold.id == hold_id, models.Hold.state == ACTIVE)
            .values(state=state)
        )
    )
    if changed:
        session.execute(
            update(models.Slot).where(models.Slot.id == slot_id).values(taken=models.Slot.taken - 1)
        )
    return bool(changed)


def sweep_expired_holds(session: Session, now: int, limit: int = 500) -> int:
    rows = session.execute(
        select(models.Hold.id, models.Hold.slot_id)
        .where(models.Hold.state == ACTIVE, models.Hold.expires_at <= now)
        .limit(limit)
    ).all()
    return sum(end_hold(session, r.id, r.slot_id, "expired") for r in rows)


def sweep_expired_holds_if_any(db: Database, now: int) -> int:
    """Give back the places of expired holds before a read counts them: a read-only look first
    (no writer lock on SQLite), a writing transaction only when there is something to sweep."""
    with db.read() as session:
        due = session.scalar(
            select(models.Hold.id)
            .where(models.Hold.state == ACTIVE, models.Hold.expires_at <= now)
            .limit(1)
        )
    if due is None:
        return 0
    with db.transaction() as session:
        return sweep_expired_holds(session, now)


def release_session_holds(session: Session, session_id: int, state: str) -> None:
    rows = session.execute(
        select(models.Hold.id, models.Hold.slot_id).where(
            models.Hold.session_id == session_id, models.Hold.state == ACTIVE
        )
    ).all()
    for r in rows:
        end_hold(session, r.id, r.slot_id, state)
