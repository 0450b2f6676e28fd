"""The catalogue: importing it (`turnos catalog import`) and serving it (`GET /v1/catalog`)."""

from __future__ import annotations

import hashlib
import json
import re
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, Field, field_validator, model_validator
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from turnos import models
from turnos.schemas import AppliesTo
from turnos.services.tokens import Scope

_HHMM = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


class TextIn(BaseModel):
    es: str = Field(min_length=1, max_length=2000)
    en: str = Field("", max_length=2000)


class RequirementIn(BaseModel):
    # Short: one checklist line on the kiosk and the slip.
    title: TextIn
    detail: TextIn = TextIn(es="-", en="")
    # Everyone (the default), or only some citizens: see `turnos.schemas.AppliesTo`.
    applies_to: AppliesTo = "all"


class HoursIn(BaseModel):
    weekdays: list[int] = Field(min_length=1)
    opens: str
    closes: str

    @model_validator(mode="after")
    def _check(self) -> HoursIn:
        if any(not 1 <= d <= 7 for d in self.weekdays):
            raise ValueError("weekdays are ISO numbers 1..7")
        if not (_HHMM.match(self.opens) and _HHMM.match(self.closes)):
            raise ValueError("times are HH:MM")
        if self.opens >= self.closes:
            raise ValueError("opens must be before closes")
        return self


class ProvinceIn(BaseModel):
    code: str = Field(pattern=r"^\d{2}$")
    name: TextIn


class ProcedureIn(BaseModel):
    code: str = Field(pattern=r"^[A-Z0-9_]{1,32}$")
    prefix: str = Field(pattern=r"^[A-Z]{1,3}$")
    name: TextIn
    requirements: list[RequirementIn] = []


class AgencyIn(BaseModel):
    id: int = Field(gt=0, lt=2**31)
    name: TextIn
    province_code: str
    address: TextIn
    time_zone: str
    hours: list[HoursIn]
    slot_minutes: int = Field(20, ge=5, le=240)
    # Places per slot: one number, or [min, max] for a stable per-slot spread (the demo).
    places: int | tuple[int, int] = 1
    procedures: list[str]

    @field_validator("time_zone")
    @classmethod
    def _zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError("unknown time zone") from exc
        return value

    @property
    def places_range(self) -> tuple[int, int]:
        low, high = (self.places, self.places) if isinstance(self.places, int) else self.places
        if not 1 <= low <= high <= 1000:
            raise ValueError("places must be 1..1000 and min <= max")
        return low, high


class CatalogIn(BaseModel):
    provinces: list[ProvinceIn]
    procedures: list[ProcedureIn]
    agencies: list[AgencyIn]

    @model_validator(mode="after")
    def _references(self) -> CatalogIn:
        provinces = {p.code for p in self.provinces}
        procedures = {p.code for p in self.procedures}
        for agency in self.agencies:
            if agency.province_code not in provinces:
                raise ValueError(f"agency {agency.id}: unknown province {agency.province_code}")
            unknown = set(agency.procedures) - procedures
            if unknown:
                raise ValueError(f"agency {agency.id}: unknown procedures {sorted(unknown)}")
            agency.places_range  # noqa: B018 - validates
        return self


def import_catalog(session: Session, data: dict[str, Any]) -> tuple[int, int, int]:
    """Insert or update everything in `data`; returns (provinces, procedures, agencies)."""
    catalog = CatalogIn.model_validate(data)
    for p in catalog.provinces:
        session.merge(models.Province(code=p.code, name_es=p.name.es, name_en=p.name.en))
    for pos, proc in enumerate(catalog.procedures):
        session.merge(
            models.Procedure(
                code=proc.code,
                prefix=proc.prefix,
                name_es=proc.name.es,
                name_en=proc.name.en,
                requirements=[r.model_dump() for r in proc.requirements],
                position=pos,
            )
        )
    session.flush()
    for a in catalog.agencies:
        low, high = a.places_range
        session.merge(
            models.Agency(
                id=a.id,
                name_es=a.name.es,
                name_en=a.name.en,
                province_code=a.province_code,
                address_es=a.address.es,
                address_en=a.address.en,
                time_zone=a.time_zone,
                hours=[h.model_dump() for h in a.hours],
                slot_minutes=a.slot_minutes,
                places_min=low,
                places_max=high,
            )
        )
        session.flush()
        session.execute(
            delete(models.AgencyProcedure).where(models.AgencyProcedure.agency_id == a.id)
        )
        for code in dict.fromkeys(a.procedures):
            session.add(models.AgencyProcedure(agency_id=a.id, procedure_code=code))
    session.flush()
    return len(catalog.provinces), len(catalog.procedures), len(catalog.agencies)


def _text(es: str, en: str) -> dict[str, str]:
    return {"es": es, "en": en or es}


def build_catalog(session: Session, scope: Scope | None = None) -> dict[str, Any]:
    """The whole catalogue, or for a scoped kiosk token only its agencies and their provinces
    (and the provinces of its scope). Procedures are the institution's, the same everywhere:
    they stay, so a citizen's turn booked elsewhere still has its name on this kiosk."""
    provinces = session.scalars(select(models.Province).order_by(models.Province.code)).all()
    procedures = session.scalars(
        select(models.Procedure).order_by(models.Procedure.position, models.Procedure.code)
    ).all()
    agencies = session.scalars(select(models.Agency).order_by(models.Agency.id)).all()
    if scope is not None:
        agencies = [a for a in agencies if scope.allows(a)]
        shown = scope.provinces | {a.province_code for a in agencies}
        provinces = [p for p in provinces if p.code in shown]
    offered: dict[int, list[str]] = {}
    for row in session.execute(
        select(models.AgencyProcedure.agency_id, models.AgencyProcedure.procedure_code).order_by(
            models.AgencyProcedure.agency_id, models.AgencyProcedure.procedure_code
        )
    ):
        offered.setdefault(row.agency_id, []).append(row.procedure_code)
    return {
        "provinces": [{"code": p.code, "name": _text(p.name_es, p.name_en)} for p in provinces],
        "procedures": [
            {
                "code": p.code,
                "name": _text(p.name_es, p.name_en),
                "requirements": [
                    {
                        "title": _text(r["title"]["es"], r["title"].get("en", "")),
                        "detail": _text(r["detail"]["es"], r["detail"].get("en", "")),
                        "applies_to": r.get("applies_to", "all"),
                    }
                    for r in p.requirements
                ],
            }
            for p in procedures
        ],
        "agencies": [
            {
                "id": a.id,
                "name": _text(a.name_es, a.name_en),
                "province_code": a.province_code,
                "address": _text(a.address_es, a.address_en),
                "time_zone": a.time_zone,
                "hours": a.hours,
                "procedures": offered.get(a.id, []),
            }
            for a in agencies
        ],
    }


def etag_for(catalog: dict[str, Any]) -> str:
    blob = json.dumps(catalog, sort_keys=True, ensure_ascii=False).encode()
    return '"' + hashlib.sha256(blob).hexdigest()[:32] + '"'
