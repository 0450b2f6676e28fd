"""A token bucket per kiosk, kept in the database so every service process shares it.

One conditional UPDATE refills and takes a token atomically: with READ COMMITTED on
PostgreSQL the row lock serialises concurrent takers, and the WHERE clause is re-checked
against the committed row, so two processes can never both spend the last token.

Besides the general bucket per kiosk (every request), each kiosk has budgets of its own for
bookings, code sends by email and by SMS, and citizen lookups (`Budget`): the same buckets
under other keys. A refused budget is remembered in the same table under `refused:<key>`
(`updated_at` is the time of the last refusal) so operators see the kiosk in `turnos kiosks`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import Float, String, bindparam, select, text
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from kiosk.domain.contact import Channel
from turnos import models
from turnos.context import AppContext
from turnos.db import Database
from turnos.errors import ApiError, ErrorCode
from turnos.services.tokens import Principal

# Refill and spend in one statement, the same SQL on PostgreSQL and SQLite (3.35+): a new
# bucket is born full less the token taken; an existing one is refilled by the time since its
# last update (never backwards: another process's clock may be ahead), capped at the burst, and
# spends one token only if one is there (the DO UPDATE's WHERE). A row comes back only when the
# token was granted. The text is parsed once per process, not compiled anew per request.
# The bucket's level now (refilled, capped at the burst) is written out twice below: in SET and
# in the WHERE that lets the update happen only with a whole token there.
_TAKE = text(
    "INSERT INTO rate_buckets (key, tokens, updated_at) VALUES (:key, :burst - 1.0, :now) "
    "ON CONFLICT (key) DO UPDATE SET tokens = "
    "CASE WHEN rate_buckets.tokens + (CASE WHEN rate_buckets.updated_at < :now "
    "THEN :now - rate_buckets.updated_at ELSE 0.0 END) * :rate > :burst THEN :burst "
    "ELSE rate_buckets.tokens + (CASE WHEN rate_buckets.updated_at < :now "
    "THEN :now - rate_buckets.updated_at ELSE 0.0 END) * :rate END - 1.0, "
    "updated_at = CASE WHEN rate_buckets.updated_at < :now THEN :now "
    "ELSE rate_buckets.updated_at END WHERE "
    "CASE WHEN rate_buckets.tokens + (CASE WHEN rate_buckets.updated_at < :now "
    "THEN :now - rate_buckets.updated_at ELSE 0.0 END) * :rate > :burst THEN :burst "
    "ELSE rate_buckets.tokens + (CASE WHEN rate_buckets.updated_at < :now "
    "THEN :now - rate_buckets.updated_at ELSE 0.0 END) * :rate END >= 1.0 "
    "RETURNING key"
).bindparams(
    bindparam("key", type_=String()),
    bindparam("now", type_=Float()),
    bindparam("rate", type_=Float()),
    bindparam("burst", type_=Float()),
)


def take_in(session: Session, key: str, now: float, per_minute: float, burst: int) -> float | None:
    """Spend one token of `key`'s bucket in `session`'s transaction; None if granted, else
    seconds until one is free. One statement when granted (the usual case)."""
    rate = per_minute / 60.0
    params = {"key": key, "now": float(now), "rate": rate, "burst": float(burst)}
    if session.execute(_TAKE, params).first() is not None:
        return None
    tokens = session.scalar(select(models.RateBucket.tokens).where(models.RateBucket.key == key))
    return max(1.0, math.ceil((1.0 - (tokens or 0.0)) / rate))


def take(db: Database, key: str, now: float, per_minute: float, burst: int) -> float | None:
    """Spend one token of `key`'s bucket in a transaction of its own (see `take_in`)."""
    with db.transaction() as session:
        return take_in(session, key, now, per_minute, burst)


class Budget(StrEnum):
    BOOKINGS = "bookings"
    EMAIL_SENDS = "email_sends"
    SMS_SENDS = "sms_sends"
    LOOKUPS = "lookups"


def send_budget(channel: Channel | str) -> Budget:
    return Budget.SMS_SENDS if channel == Channel.SMS else Budget.EMAIL_SENDS


@dataclass(frozen=True)
class _Allowance:
    per_hour: float
    burst: int


def _allowance(ctx: AppContext, budget: Budget) -> _Allowance:
    s = ctx.settings
    return {
        Budget.BOOKINGS: _Allowance(s.kiosk_bookings_per_hour, s.kiosk_bookings_burst),
        Budget.EMAIL_SENDS: _Allowance(s.kiosk_email_sends_per_hour, s.kiosk_email_sends_burst),
        Budget.SMS_SENDS: _Allowance(s.kiosk_sms_sends_per_hour, s.kiosk_sms_sends_burst),
        Budget.LOOKUPS: _Allowance(s.kiosk_lookups_per_hour, s.kiosk_lookups_burst),
    }[budget]


def budget_key(budget: Budget, token_id: int) -> str:
    return f"budget:{budget}:{token_id}"


def refusal_key(budget: Budget, token_id: int) -> str:
    return f"refused:{budget}:{token_id}"


def spend(ctx: AppContext, kiosk: Principal, budget: Budget) -> None:
    """Take one unit of the kiosk's `budget`, or answer 429 `kiosk_budget` with Retry-After.

    Every attempt counts, granted or not by what follows (a booking of a full slot too): a
    kiosk serving one person at a time stays far below the budget either way.
    """
    allowance = _allowance(ctx, budget)
    now = ctx.now()
    wait = take(
        ctx.db, budget_key(budget, kiosk.token_id), now, allowance.per_hour / 60.0, allowance.burst
    )
    if wait is None:
        return
    _remember_refusal(ctx.db, refusal_key(budget, kiosk.token_id), now)
    raise ApiError(
        ErrorCode.KIOSK_BUDGET, f"{budget} budget spent", retry_after=math.ceil(wait)
    )  # never "now" too early


def _remember_refusal(db: Database, key: str, now: float) -> None:
    insert = pg_insert if db.engine.dialect.name == "postgresql" else sqlite_insert
    with db.transaction() as session:
        session.execute(
            insert(models.RateBucket)
            .values(key=key, tokens=0.0, updated_at=now)
            .on_conflict_do_update(index_elements=["key"], set_={"updated_at": now})
        )


def recent_refusals(session: Session, token_id: int, since: float) -> dict[str, int]:
    """The kiosk's budgets refused since `since`: budget name -> time of the last refusal."""
    keys = {refusal_key(b, token_id): b for b in Budget}
    rows = session.execute(
        select(models.RateBucket.key, models.RateBucket.updated_at).where(
            models.RateBucket.key.in_(keys), models.RateBucket.updated_at >= since
        )
    ).all()
    return {str(keys[key]): int(at) for key, at in rows}
