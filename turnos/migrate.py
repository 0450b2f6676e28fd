"""`turnos db upgrade`: Alembic configured programmatically from the installed package."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text

from turnos.db import Database

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# Any fixed number: serialises concurrent upgrades of one PostgreSQL database.
_ADVISORY_LOCK = 7_270_417


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def upgrade(db: Database, revision: str = "head") -> None:
    cfg = alembic_config()
    with db.engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _ADVISORY_LOCK})
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, revision)


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
