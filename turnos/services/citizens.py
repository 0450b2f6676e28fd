"""Citizen lookup. The id number is never stored: only a keyed hash and a masked form."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.domain.ids import IdentityDocument, InvalidId, parse_id
from turnos import models
from turnos.demo_catalog import fictitious_name
from turnos.errors import ApiError, ErrorCode
from turnos.security import Hasher, new_id


def mask_name(name: str) -> str:
    """`María Pérez Vera` -> `M••• P••• V•••`: initials only, word lengths hidden."""
    return " ".join(word[0].upper() + "•••" for word in name.split() if word)


@dataclass(frozen=True)
class LookupResult:
    ref: str
    registered: bool
    masked_name: str


def parse_document(id_type: str, number: str) -> IdentityDocument:
    try:
        return parse_id(id_type, number)
    except InvalidId as exc:
        raise ApiError(ErrorCode.INVALID_ID, f"{exc.problem}") from None


def lookup(
    session: Session, hasher: Hasher, id_type: str, number: str, now: int, demo: bool
) -> LookupResult:
    doc = parse_document(id_type, number)
    key = hasher.citizen_key(doc.type, doc.number)
    citizen = session.scalar(select(models.Citizen).where(models.Citizen.citizen_key == key))
    if citizen is None:
        if not demo:
            raise ApiError(ErrorCode.CITIZEN_NOT_FOUND)
        # Demo: every valid id is a registered citizen with a made-up name.
        name = fictitious_name(bytes.fromhex(hasher.digest("demo-name", key)))
        citizen = add_citizen(session, hasher, doc, name, now)
    return LookupResult(citizen.ref, citizen.registered, citizen.masked_name)


def add_citizen(
    session: Session,
    hasher: Hasher,
    doc: IdentityDocument,
    name: str,
    now: int,
    registered: bool = True,
) -> models.Citizen:
    key = hasher.citizen_key(doc.type, doc.number)
    citizen = session.scalar(select(models.Citizen).where(models.Citizen.citizen_key == key))
    if citizen is None:
        citizen = models.Citizen(ref=new_id(), citizen_key=key, created_at=now)
        session.add(citizen)
    citizen.id_type = str(doc.type)
    citizen.masked_id = doc.masked
    citizen.masked_name = mask_name(name)
    citizen.registered = registered
    session.flush()
    return citizen


def import_citizens(session: Session, hasher: Hasher, path: Path, now: int) -> int:
    """CSV with a header `id_type,id_number,name[,registered]`; returns the rows imported."""
    count = 0
    with path.open(newline="", encoding="utf-8") as fh:
        for line, row in enumerate(csv.DictReader(fh), start=2):
            try:
                doc = parse_id(row["id_type"], row["id_number"])
            except (InvalidId, ValueError, KeyError) as exc:
                raise ValueError(f"line {line}: {exc}") from None
            registered = row.get("registered", "true").strip().lower() not in {"0", "false", "no"}
            add_citizen(session, hasher, doc, row.get("name") or "?", now, registered)
            count += 1
    return count


def citizen_by_ref(session: Session, ref: str) -> models.Citizen:
    citizen = session.scalar(select(models.Citizen).where(models.Citizen.ref == ref))
    if citizen is None:
        raise ApiError(ErrorCode.CITIZEN_NOT_FOUND)
    return citizen
