"""Getting a database ready to serve: schema, a signing key, and in demo mode the demo data."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from turnos import migrate, models
from turnos.context import AppContext
from turnos.demo_catalog import demo_catalog
from turnos.services import catalog, tokens
from turnos.services.slots import load_holidays
from turnos.services.tokens import Role

CREDENTIALS_FILE = "demo-credentials.json"
# service_meta key: where a demo service writes mail and SMS, so operator commands run without
# TURNOS_DEMO (e.g. `turnos closures add`) deliver their notices to the same outbox.
DEMO_OUTBOX = "demo_outbox"


def prepare(ctx: AppContext, *, upgrade: bool = True) -> None:
    if upgrade:
        migrate.upgrade(ctx.db, ctx.sealer)
    with ctx.db.transaction() as session:
        ctx.signer.ensure_key(session, ctx.now())
        outbox = ctx.settings.effective_outbox
        if ctx.settings.demo and outbox is not None:
            _set_meta(session, DEMO_OUTBOX, str(outbox.resolve()))
        else:
            session.execute(delete(models.ServiceMeta).where(models.ServiceMeta.key == DEMO_OUTBOX))
    if ctx.settings.demo:
        seed_demo(ctx)
    load_holidays(dt.datetime.fromtimestamp(ctx.now(), dt.UTC).date())


def _set_meta(session: Session, key: str, value: str) -> None:
    # An upsert: two processes starting at once on one database must not collide.
    dialect = session.get_bind().dialect.name
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    stmt = insert(models.ServiceMeta).values(key=key, value=value)
    session.execute(stmt.on_conflict_do_update(index_elements=["key"], set_={"value": value}))


def demo_outbox(ctx: AppContext) -> Path | None:
    """The outbox of the demo service that last started on this database, if any."""
    with ctx.db.transaction() as session:
        row = session.get(models.ServiceMeta, DEMO_OUTBOX)
        return Path(row.value) if row is not None else None


def _credentials_valid(ctx: AppContext, creds: dict[str, Any]) -> bool:
    wanted = [creds.get("kiosk_token"), creds.get("operator_token")]
    wanted += list((creds.get("staff_tokens") or {}).values())
    with ctx.db.transaction() as session:
        return all(isinstance(t, str) and tokens.authenticate(session, t) for t in wanted)


def seed_demo(ctx: AppContext) -> dict[str, Any]:
    """Load the demo catalogue if the database has none, and write DATA_DIR/demo-credentials.json
    (a kiosk token, one staff token per agency, an operator token) unless it is still valid."""
    now = ctx.now()
    with ctx.db.transaction() as session:
        if not session.scalar(select(func.count()).select_from(models.Agency)):
            catalog.import_catalog(session, demo_catalog())
    path = ctx.settings.data_dir / CREDENTIALS_FILE
    if path.exists():
        creds: dict[str, Any] = json.loads(path.read_text())
        if _credentials_valid(ctx, creds):
            return creds
    with ctx.db.transaction() as session:
        _, kiosk = tokens.issue(session, Role.KIOSK, "demo kiosk", now)
        _, operator = tokens.issue(session, Role.OPERATOR, "demo operator", now)
        staff = {}
        for agency_id in session.scalars(select(models.Agency.id).order_by(models.Agency.id)):
            _, staff[str(agency_id)] = tokens.issue(
                session, Role.STAFF, f"demo staff {agency_id}", now, agency_id
            )
    creds = {"kiosk_token": kiosk, "staff_tokens": staff, "operator_token": operator}
    _write_private(path, json.dumps(creds, indent=2))
    return creds


def _write_private(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as fh:
        fh.write(text)
    os.replace(tmp, path)
