"""Bearer tokens of kiosks, staff and operators (`turnos tokens issue|revoke`)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from turnos import models
from turnos.security import hash_token, new_token


class Role(StrEnum):
    KIOSK = "kiosk"
    STAFF = "staff"
    OPERATOR = "operator"


@dataclass(frozen=True)
class Scope:
    """Where a kiosk token may book and see availability: the agencies listed, and every agency
    of the provinces listed (imported later ones too). A stolen token of a Quito kiosk then
    cannot book out Guayaquil."""

    agencies: frozenset[int] = frozenset()
    provinces: frozenset[str] = frozenset()

    def allows(self, agency: models.Agency) -> bool:
        return agency.id in self.agencies or agency.province_code in self.provinces


@dataclass(frozen=True)
class Principal:
    token_id: int
    role: Role
    name: str
    agency_id: int | None
    # Kiosk tokens only; None: every agency.
    scope: Scope | None = None

    def may_serve(self, agency: models.Agency) -> bool:
        """Whether this caller may see and book `agency`. Callers answer an agency out of
        scope exactly as an unknown one (404 not_found), so a token learns nothing beyond it."""
        return self.scope is None or self.scope.allows(agency)


def province_code(value: str) -> str:
    """A province as the catalogue stores it (INEC code, two digits): "9" -> "09"."""
    value = value.strip()
    return value.zfill(2) if value.isdigit() and len(value) <= 2 else value


def _checked_scope(
    session: Session, agencies: Iterable[int] | None, provinces: Iterable[str] | None
) -> tuple[list[int] | None, list[str] | None]:
    """The scope as stored (sorted, no repeats), after checking that each part exists."""
    agency_ids = sorted(set(agencies)) if agencies is not None else None
    codes = sorted({province_code(p) for p in provinces}) if provinces is not None else None
    if agency_ids == [] or codes == []:
        raise ValueError("a scope needs at least one agency or province")
    if agency_ids:
        known = set(
            session.scalars(select(models.Agency.id).where(models.Agency.id.in_(agency_ids)))
        )
        unknown = [str(a) for a in agency_ids if a not in known]
        if unknown:
            raise ValueError(f"unknown agencies: {', '.join(unknown)}")
    if codes:
        known_codes = set(
            session.scalars(select(models.Province.code).where(models.Province.code.in_(codes)))
        )
        missing = [c for c in codes if c not in known_codes]
        if missing:
            raise ValueError(f"unknown provinces: {', '.join(missing)}")
    return agency_ids, codes


def issue(
    session: Session,
    role: Role,
    name: str,
    now: int,
    agency_id: int | None = None,
    *,
    scope_agencies: Iterable[int] | None = None,
    scope_provinces: Iterable[str] | None = None,
) -> tuple[int, str]:
    """A new token; returns (id, token). Only its hash is stored: show it once.

    A kiosk token may be limited to agencies and/or provinces (`Scope`); None: unrestricted."""
    if role is Role.STAFF:
        if agency_id is None or session.get(models.Agency, agency_id) is None:
            raise ValueError("a staff token needs an existing --agency")
    elif agency_id is not None:
        raise ValueError("only staff tokens belong to an agency")
    scoped = scope_agencies is not None or scope_provinces is not None
    if scoped and role is not Role.KIOSK:
        # Staff are bound by their agency already, operators see everything by design.
        raise ValueError("only kiosk tokens take --agencies or --provinces")
    agencies, provinces = _checked_scope(session, scope_agencies, scope_provinces)
    token = new_token({Role.KIOSK: "tk", Role.STAFF: "ts", Role.OPERATOR: "to"}[role])
    row = models.ApiToken(
        role=str(role),
        name=name,
        agency_id=agency_id,
        token_hash=hash_token(token),
        created_at=now,
        scope_agencies=agencies,
        scope_provinces=provinces,
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


def scope_of(row: models.ApiToken) -> Scope | None:
    if row.scope_agencies is None and row.scope_provinces is None:
        return None  # tokens issued before scopes existed, and unscoped ones: everything
    return Scope(frozenset(row.scope_agencies or ()), frozenset(row.scope_provinces or ()))


def scope_json(row: models.ApiToken) -> dict[str, list[Any]] | None:
    """The scope as operators see it (`turnos tokens issue`, `turnos kiosks`); None: none."""
    if scope_of(row) is None:
        return None
    return {
        "agencies": list(row.scope_agencies or []),
        "provinces": list(row.scope_provinces or []),
    }


def authenticate(session: Session, token: str) -> Principal | None:
    row = session.scalar(
        select(models.ApiToken).where(
            models.ApiToken.token_hash == hash_token(token), models.ApiToken.revoked_at.is_(None)
        )
    )
    if row is None:
        return None
    return Principal(row.id, Role(row.role), row.name, row.agency_id, scope_of(row))
