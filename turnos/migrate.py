"""`turnos db upgrade`: Alembic configured programmatically from the installed package."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, text

from turnos.db import Database
from turnos.sealing import Sealer

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# Any fixed number: serialises concurrent upgrades of one PostgreSQL database.
_ADVISORY_LOCK = 7_270_417


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


@contextmanager
def _migrating(db: Database) -> Iterator[Connection]:
    """One transaction for a whole migration run.

    PostgreSQL: an advisory lock serialises concurrent upgrades. SQLite: a table whose column
    changes type is copied, dropped and renamed (Alembic's batch mode), which foreign keys
    referring to it would refuse; SQLite's documented way is to turn them off outside the
    transaction and check them all before it commits.
    """
    with db.engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        driver: Any = connection.connection.driver_connection
        if sqlite:
            driver.execute("PRAGMA foreign_keys=OFF")
        try:
            with connection.begin():
                if connection.dialect.name == "postgresql":
                    connection.execute(
                        text("SELECT pg_advisory_xact_lock(:k)"), {"k": _ADVISORY_LOCK}
                    )
                yield connection
                if sqlite and connection.exec_driver_sql("PRAGMA foreign_key_check").first():
                    raise RuntimeError("the migration left rows whose foreign keys do not match")
        finally:
            if sqlite:
                driver.execute("PRAGMA foreign_keys=ON")


def upgrade(db: Database, sealer: Sealer | None = None, revision: str = "head") -> None:
    """`sealer` seals contact data stored before it was sealed (0006); a database that holds
    such data cannot be upgraded without it."""
    cfg = alembic_config()
    cfg.attributes["sealer"] = sealer
    with _migrating(db) as connection:
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, revision)


def downgrade(db: Database, revision: str, sealer: Sealer | None = None) -> None:
    """Back to `revision` (a rollback); `sealer` opens contact data that was sealed after it."""
    cfg = alembic_config()
    cfg.attributes["sealer"] = sealer
    with _migrating(db) as connection:
        cfg.attributes["connection"] = connection
        command.downgrade(cfg, revision)


def is_current(db: Database) -> bool:
    """Whether the database's schema is at the newest migration of this package."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    with db.engine.connect() as connection:
        current = MigrationContext.configure(connection).get_current_revision()
    return current == head


def revision(db: Database, message: str) -> None:
    """Developer helper: autogenerate a new migration against an up-to-date database."""
    cfg = alembic_config()
    with db.engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.revision(cfg, message=message, autogenerate=True)
