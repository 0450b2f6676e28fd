"""Kiosk heartbeats and the operator's list of kiosks."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from turnos.deps import Ctx, KioskCaller, OperatorCaller
from turnos.routes.common import problems, utc_iso
from turnos.schemas import HeartbeatIn, HeartbeatOut, KiosksOut
from turnos.services import kiosks

router = APIRouter()


@router.post("/kiosks/heartbeat", response_model=HeartbeatOut, responses=problems())
def heartbeat(ctx: Ctx, kiosk: KioskCaller, body: HeartbeatIn) -> dict[str, Any]:
    now = kiosks.heartbeat(ctx, kiosk, body.model_dump())
    refused = kiosks.over_budget(ctx, kiosk.token_id)
    return {"status": "ok", "server_time": utc_iso(now), "over_budget": _iso_times(refused)}


@router.get("/kiosks", response_model=KiosksOut, responses=problems())
def list_kiosks(ctx: Ctx, _operator: OperatorCaller) -> dict[str, Any]:
    rows = kiosks.list_kiosks(ctx)
    for row in rows:
        row["last_seen"] = utc_iso(row["last_seen"]) if row["last_seen"] is not None else None
        row["over_budget"] = _iso_times(row["over_budget"])
    return {"kiosks": rows}


def _iso_times(refused: dict[str, int]) -> dict[str, str]:
    return {budget: utc_iso(at) for budget, at in sorted(refused.items())}
