"""Bearer tokens of kiosks, staff and operators (`turnos tokens issue|revoke`)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from turnos import models
from turnos.security import hash_token, new_token


class Role(StrEnum):
    KIOSK = "kiosk"
    STAFF = "staff"
    OPERATOR = "operator"


@dataclass(frozen=True)
class Principal:
    token_id: int
    role: Role
    name: str
    agency_id: int | None


def issue(
    session: Session, role: Role, name: str, now: int, agency_id: int | None = None
) -> tuple[int, str]:
    """A new token; returns (id, token). Only its hash is stored: show it once."""
    if role is Role.STAFF:
        if agency_id is None or session.get(models.Agency, agency_id) is None:
            raise ValueError("a staff token needs an existing --agency")
    elif agency_id is not None:
        raise ValueError("only staff tokens belong to an agency")
    token = new_token({Role.KIOSK: "tk", Role.STAFF: "ts", Role.OPERATOR: "to"}[role])
    row = models.ApiToken(
        role=str(role), name=name, agency_id=agency_id, token_hash=hash_token(token), created_at=now
    )
    session.add(row)
    session.flush()
    return row.id, token


def revoke(session: Session, token_id: int, now: int) -> bool:
    result = session.execute(
        update(models.ApiToken)
        .where(models.ApiToken.id == token_id, models.ApiToken.revoked_at.is_(None))
        .values(revoked_at=now)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


def authenticate(session: Session, token: str) -> Principal | None:
    row = session.scalar(
        select(models.ApiToken).where(
            models.ApiToken.token_hash == hash_token(token), models.ApiToken.revoked_at.is_(None)
        )
    )
    if row is None:
        return None
    return Principal(row.id, Role(row.role), row.name, row.agency_id)
