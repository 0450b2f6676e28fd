"""No token needed: health, readiness and the published verification keys."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from sqlalchemy import text

from turnos import API_VERSION, __version__
from turnos.deps import Ctx
from turnos.routes.common import problems
from turnos.schemas import Health, KeysOut

router = APIRouter()


@router.get("/health", response_model=Health)
def health() -> dict[str, Any]:
    return {"status": "ok", "api_version": API_VERSION, "version": __version__}


@router.get("/health/ready", response_model=Health, responses={503: problems(503)[503]})
def ready(ctx: Ctx) -> dict[str, Any]:
    """Liveness (`/health`) says the process answers; readiness says it can reach the
    database, so a load balancer sends traffic elsewhere while it cannot (503)."""
    with ctx.db.read() as session:
        session.execute(text("SELECT 1"))
    return health()


@router.get("/keys", response_model=KeysOut, response_model_exclude_none=True)
def published_keys(ctx: Ctx) -> dict[str, Any]:
    now = ctx.now()
    with ctx.db.read() as session:
        return ctx.signer.keyset(session, now).to_jwks()
