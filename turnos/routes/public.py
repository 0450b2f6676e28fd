"""No token needed: health and the published verification keys."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from turnos import API_VERSION, __version__
from turnos.deps import Ctx
from turnos.schemas import Health, KeysOut

router = APIRouter()


@router.get("/health", response_model=Health)
def health() -> dict[str, Any]:
    return {"status": "ok", "api_version": API_VERSION, "version": __version__}


@router.get("/keys", response_model=KeysOut, response_model_exclude_none=True)
def published_keys(ctx: Ctx) -> dict[str, Any]:
    now = ctx.now()
    with ctx.db.transaction() as session:
        return ctx.signer.keyset(session, now).to_jwks()
