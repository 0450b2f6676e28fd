"""Kiosk heartbeats and the operator's view of every kiosk."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from turnos import models
from turnos.context import AppContext
from turnos.services.ratelimit import recent_refusals
from turnos.services.tokens import Principal, Role, scope_json


def heartbeat(ctx: AppContext, kiosk: Principal, data: dict[str, Any]) -> int:
    now = ctx.now()
    with ctx.db.transaction() as session:
        row = session.get(models.KioskStatus, kiosk.token_id, with_for_update=True)
        if row is None:
            row = models.KioskStatus(token_id=kiosk.token_id, last_seen=now)
            session.add(row)
        row.last_seen = now
        row.version = data.get("version") or ""
        row.printer_state = data.get("printer_state") or ""
        row.paper = data.get("paper") or ""
        row.last_error = data.get("last_error")
    return now


# A kiosk refused a budget within this long shows as over budget.
OVER_BUDGET_SHOWN_S = 3600


def over_budget(ctx: AppContext, token_id: int) -> dict[str, int]:
    """One kiosk's budgets refused in the last hour -> time of the last refusal (epoch s)."""
    with ctx.db.transaction() as session:
        return recent_refusals(session, token_id, ctx.now() - OVER_BUDGET_SHOWN_S)


def list_kiosks(ctx: AppContext) -> list[dict[str, Any]]:
    since = ctx.now() - OVER_BUDGET_SHOWN_S
    with ctx.db.transaction() as session:
        rows = session.execute(
            select(models.ApiToken, models.KioskStatus)
            .outerjoin(models.KioskStatus, models.KioskStatus.token_id == models.ApiToken.id)
            .where(models.ApiToken.role == str(Role.KIOSK))
            .order_by(models.ApiToken.id)
        ).all()
        return [
            {
                "id": token.id,
                "name": token.name,
                "revoked": token.revoked_at is not None,
                # Where it may book: {"agencies": [...], "provinces": [...]}; None: everywhere.
                "scope": scope_json(token),
                "last_seen": status.last_seen if status else None,
                "version": status.version if status else None,
                "printer_state": status.printer_state if status else None,
                "paper": status.paper if status else None,
                "last_error": status.last_error if status else None,
                # Budgets refused in the last hour -> time of the last refusal (epoch s).
                "over_budget": recent_refusals(session, token.id, since),
            }
            for token, status in rows
        ]
