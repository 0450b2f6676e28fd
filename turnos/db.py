"""Engine and transactions.

SQLite runs every writing transaction as BEGIN IMMEDIATE: a deferred transaction that reads and
then writes fails with "database is locked" when another writer got there first, instead of
waiting. Work that only reads uses `Database.read()`, a deferred transaction (plain BEGIN): in
WAL mode it reads a snapshot without the one writer lock, so a GET never queues behind writers.
SQLite's own wait for the writer lock polls with sleeps of up to 100 ms, so under load the lock
sat idle between writers: within one process, writers queue on a Python lock first
(`Database._writer`) and take SQLite's lock at once, handed over as soon as the last commits;
another process (an operator command) still meets SQLite's busy timeout.
PostgreSQL runs at READ COMMITTED; the rules that must hold under concurrency are conditional
UPDATEs and unique constraints, which are correct at that level.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, create_engine, event, make_url
from sqlalchemy.exc import TimeoutError as PoolTimeoutError
from sqlalchemy.orm import Session, sessionmaker

SQLITE_BUSY_TIMEOUT_MS = 30_000
# An execution option of the engine behind `Database.read()`: begin deferred on SQLite.
READ_ONLY = "turnos_read_only"


@dataclass(frozen=True)
class PoolLimits:
    """Connections one process keeps to a database server; SQLite keeps its own sizing."""

    size: int = 5
    max_overflow: int = 5
    timeout_s: float = 5.0


def make_engine(url: str, pool: PoolLimits | None = None) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(
            url,
            pool_size=8,
            max_overflow=32,
            connect_args={"check_same_thread": False, "timeout": SQLITE_BUSY_TIMEOUT_MS / 1000},
        )
        _configure_sqlite(engine)
        return engine
    pool = pool or PoolLimits()
    connect_args: dict[str, Any] = {}
    parsed = make_url(url)
    if parsed.get_backend_name() == "postgresql" and "connect_timeout" not in parsed.query:
        # A database host that does not answer fails the request as fast as a busy pool does,
        # instead of waiting minutes for TCP to give up (libpq's minimum is 2 s).
        connect_args["connect_timeout"] = max(2, math.ceil(pool.timeout_s))
    return create_engine(
        url,
        pool_size=pool.size,
        max_overflow=pool.max_overflow,
        pool_timeout=pool.timeout_s,
        # A connection broken by a database restart is replaced before use, not handed out.
        pool_pre_ping=True,
        connect_args=connect_args,
    )


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Take transaction control away from the sqlite3 module; "begin" below issues it.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys=ON")
        # WAL + NORMAL: never corrupts; a power cut may lose the last commits only.
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        read_only = connection.get_execution_options().get(READ_ONLY, False)
        connection.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")


class Database:
    def __init__(self, url: str, pool: PoolLimits | None = None) -> None:
        self.url = url
        self.engine = make_engine(url, pool)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._readers = sessionmaker(
            self.engine.execution_options(**{READ_ONLY: True}), expire_on_commit=False
        )
        # SQLite: this process's writers, one at a time (re-entrant: a nested writer meets
        # SQLite's busy timeout as before, instead of waiting on itself).
        self._writer = threading.RLock() if self.is_sqlite else None

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back if it raises."""
        if self._writer is None:
            with self._sessions() as session, session.begin():
                yield session
            return
        if not self._writer.acquire(timeout=SQLITE_BUSY_TIMEOUT_MS / 1000):
            raise PoolTimeoutError("no turn at the SQLite writer lock")  # answered 503
        try:
            with self._sessions() as session, session.begin():
                yield session
        finally:
            self._writer.release()

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A transaction for work that only reads: deferred on SQLite, so it never waits for
        the writer lock (nor holds it). Writing in it is a programming error: on SQLite it may
        fail with "database is locked" at once instead of waiting its turn."""
        with self._readers() as session, session.begin():
            yield session

    def dispose(self) -> None:
        self.engine.dispose()
