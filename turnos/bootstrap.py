"""Getting a database ready to serve: schema, a signing key, and in demo mode the demo data."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from turnos import migrate, models
from turnos.context import AppContext
from turnos.demo_catalog import demo_catalog
from turnos.services import catalog, tokens
from turnos.services.tokens import Role

CREDENTIALS_FILE = "demo-credentials.json"


def prepare(ctx: AppContext, *, upgrade: bool = True) -> None:
    if upgrade:
        migrate.upgrade(ctx.db)
    with ctx.db.transaction() as session:
        ctx.signer.ensure_key(session, ctx.now())
    if ctx.settings.demo:
        seed_demo(ctx)


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
