"""The service benchmark's two baselines, served by the same uvicorn with the same settings as
`turnos serve` (host, workers, no access log, log_config=None) on the same database and pool:

- `GET /ceiling`: a bare FastAPI endpoint answering a small JSON (what the stack allows);
- `POST /book`: the least a booking must do, one transaction through SQLAlchemy (the service's
  own `Database`, so the same pool and, on SQLite, the same pragmas and BEGIN IMMEDIATE): a
  conditional UPDATE of the slot's free places and an INSERT of the booking.

Both are plain `def` endpoints, run in the threadpool as the service's are.

    python -m bench.service_baselines --setup --slots 2000 --capacity 3   # tables, once
    python -m bench.service_baselines --port 8090 --workers 2             # serve
Database: TURNOS_DATABASE_URL, or SQLite in TURNOS_DATA_DIR, as the service.
"""

from __future__ import annotations

import argparse
import time
from typing import Any

from fastapi import FastAPI
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    Column,
    Integer,
    MetaData,
    String,
    Table,
    func,
    insert,
    select,
    update,
)

from turnos.db import Database, PoolLimits
from turnos.settings import Settings

metadata = MetaData()
slots = Table(
    "bench_slots",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("capacity", Integer, nullable=False),
    Column("taken", Integer, nullable=False, default=0),
    CheckConstraint("taken >= 0 AND taken <= capacity", name="bench_taken_within_capacity"),
)
bookings = Table(
    "bench_bookings",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("slot_id", Integer, nullable=False),
    Column("citizen", String(64), nullable=False),
    Column("created_at", BigInteger, nullable=False),
)


def database() -> Database:
    s = Settings()
    s.data_dir.mkdir(parents=True, exist_ok=True)
    return Database(
        s.effective_database_url,
        PoolLimits(s.db_pool_size, s.db_max_overflow, s.db_pool_timeout_s),
    )


class BookIn(BaseModel):
    slot: int
    citizen: str = "bench"


def create_app() -> FastAPI:
    db = database()
    app = FastAPI()

    @app.get("/ceiling")
    def ceiling() -> dict[str, Any]:
        return {"status": "ok", "version": "1"}

    @app.post("/book", status_code=201)
    def book(body: BookIn) -> Any:
        with db.transaction() as session:
            taken = session.execute(
                update(slots)
                .where(slots.c.id == body.slot, slots.c.taken < slots.c.capacity)
                .values(taken=slots.c.taken + 1)
            ).rowcount  # type: ignore[attr-defined]
            if not taken:
                return JSONResponse({"code": "slot_unavailable"}, status_code=409)
            session.execute(
                insert(bookings).values(
                    slot_id=body.slot, citizen=body.citizen, created_at=int(time.time())
                )
            )
        return {"slot": body.slot}

    return app


def setup(count: int, capacity: int) -> None:
    db = database()
    metadata.drop_all(db.engine)
    metadata.create_all(db.engine)
    with db.transaction() as session:
        session.execute(
            insert(slots), [{"id": i, "capacity": capacity, "taken": 0} for i in range(count)]
        )
    db.dispose()


def double_bookings() -> int:
    """Slots with more bookings than places (zero: the conditional UPDATE held)."""
    db = database()
    with db.transaction() as session:
        per_slot = (
            select(bookings.c.slot_id, func.count().label("n"))
            .group_by(bookings.c.slot_id)
            .subquery()
        )
        over = session.scalar(
            select(func.count())
            .select_from(per_slot.join(slots, slots.c.id == per_slot.c.slot_id))
            .where(per_slot.c.n > slots.c.capacity)
        )
    db.dispose()
    return int(over or 0)


def main() -> None:
    import uvicorn

    parser = argparse.ArgumentParser()
    parser.add_argument("--setup", action="store_true")
    parser.add_argument("--slots", type=int, default=2000)
    parser.add_argument("--capacity", type=int, default=3)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8090)
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    if args.setup:
        setup(args.slots, args.capacity)
        return
    # As `turnos serve --no-access-log` runs it.
    uvicorn.run(
        f"{__name__}:create_app",
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        log_config=None,
        access_log=False,
    )


if __name__ == "__main__":
    main()
