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
    with ctx.db.read() as session:
        return recent_refusals(session, token_id, ctx.now() - OVER_BUDGET_SHOWN_S)


def is_silent(revoked: bool, seconds_ago: int | None, silent_after_s: int) -> bool:
    """A kiosk in service that never reported, or not for longer than `silent_after_s`.

    A revoked token cannot report, so its silence says nothing: it is never silent.
    """
    if revoked:
        return False
    return seconds_ago is None or seconds_ago > silent_after_s


def list_kiosks(ctx: AppContext) -> list[dict[str, Any]]:
    """Every kiosk token (by id) with its last heartbeat, its budget alerts and whether it is
    silent (`TURNOS_KIOSK_SILENT_AFTER_S`), judged at `ctx.now()`."""
    now = ctx.now()
    since = now - OVER_BUDGET_SHOWN_S
    silent_after_s = ctx.settings.kiosk_silent_after_s
    with ctx.db.read() as session:
        rows = session.execute(
            select(models.ApiToken, models.KioskStatus)
            .outerjoin(models.KioskStatus, models.KioskStatus.token_id == models.ApiToken.id)
            .where(models.ApiToken.role == str(Role.KIOSK))
            .order_by(models.ApiToken.id)
        ).all()
        listed = []
        for token, status in rows:
            revoked = token.revoked_at is not None
            # A heartbeat stamped ahead of this clock (another host's) counts as just now.
            ago = max(0, now - status.last_seen) if status else None
            listed.append(
                {
                    "id": token.id,
                    "name": token.name,
                    "revoked": revoked,
                    # Where it may book: {"agencies": [...], "provinces": [...]}; None: anywhere.
                    "scope": scope_json(token),
                    "last_seen": status.last_seen if status else None,
                    "last_seen_s_ago": ago,
                    "silent": is_silent(revoked, ago, silent_after_s),
                    "version": status.version if status else None,
                    "printer_state": status.printer_state if status else None,
                    "paper": status.paper if status else None,
                    "last_error": status.last_error if status else None,
                    # Budgets refused in the last hour -> time of the last refusal (epoch s).
                    "over_budget": recent_refusals(session, token.id, since),
                }
            )
        return listed
