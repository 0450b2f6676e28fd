"""Citizen lookup and the registry. The id number, the registered email and the registered
mobile are never stored: only keyed hashes (to match) and masked forms (to show)."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.domain.contact import (
    Channel,
    InvalidContact,
    mask_email,
    mask_phone,
    normalize_email,
    normalize_mobile,
)
from kiosk.domain.ids import IdentityDocument, InvalidId, parse_id
from kiosk.domain.masking import mask_name
from turnos import models
from turnos.demo_catalog import fictitious_name
from turnos.errors import ApiError, ErrorCode
from turnos.security import Hasher, new_id, same


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
            raise ApiError(ErrorCode.NOT_REGISTERED)
        # Demo: every valid id is a registered citizen with a made-up name and no registered
        # contacts, so a visitor may use any email.
        name = fictitious_name(bytes.fromhex(hasher.digest("demo-name", key)))
        citizen = add_citizen(session, hasher, doc, name, now)
    if not citizen.registered:
        raise ApiError(ErrorCode.NOT_REGISTERED)
    return LookupResult(citizen.ref, citizen.registered, citizen.masked_name)


@dataclass(frozen=True)
class RegisteredContacts:
    """A citizen's contacts as the registry has them: normalised, in clear only in memory."""

    email: str | None = None
    mobile: str | None = None


def registry_bound(citizen: models.Citizen) -> bool:
    """A citizen with a registered email or mobile gets codes only at those (docs/security.md)."""
    return citizen.email_hash is not None or citizen.phone_hash is not None


def registered_masks(citizen: models.Citizen) -> dict[str, str]:
    masks = {"email": citizen.email_mask, "phone": citizen.phone_mask}
    return {channel: mask for channel, mask in masks.items() if mask}


def check_code_recipient(
    hasher: Hasher, citizen: models.Citizen, channel: Channel, contact: str
) -> None:
    """Refuse a code for a citizen not registered as employer, or to a normalised contact that
    is not the registry's for this channel.

    Citizens without registered contacts (demo visitors) may use any contact. The refusal
    carries the masks so the kiosk can say which address the registry has, never the address.
    """
    if not citizen.registered:
        raise ApiError(ErrorCode.NOT_REGISTERED)
    if not registry_bound(citizen):
        return
    expected = citizen.email_hash if channel is Channel.EMAIL else citizen.phone_hash
    if expected is not None and same(hasher.contact(contact), expected):
        return
    raise ApiError(
        ErrorCode.CONTACT_NOT_REGISTERED,
        f"{channel}: not the registered one",
        extra={"registered": registered_masks(citizen)},
    )


def _set_registered_contacts(
    citizen: models.Citizen, hasher: Hasher, contacts: RegisteredContacts
) -> None:
    email, mobile = contacts.email, contacts.mobile
    citizen.email_hash = hasher.contact(email) if email else None
    citizen.email_mask = mask_email(email) if email else None
    citizen.phone_hash = hasher.contact(mobile) if mobile else None
    citizen.phone_mask = mask_phone(mobile) if mobile else None


def _registry_contacts(row: dict[str, str | None]) -> RegisteredContacts:
    """The optional `email` and `mobile` columns, normalised as the kiosk's input is."""
    email = (row.get("email") or "").strip()
    mobile = (row.get("mobile") or "").strip()
    try:
        return RegisteredContacts(
            normalize_email(email) if email else None,
            normalize_mobile(mobile) if mobile else None,
        )
    except InvalidContact as exc:  # names the field and problem, never the value
        raise ValueError(str(exc)) from None


def add_citizen(
    session: Session,
    hasher: Hasher,
    doc: IdentityDocument,
    name: str,
    now: int,
    registered: bool = True,
    contacts: RegisteredContacts | None = None,
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
    _set_registered_contacts(citizen, hasher, contacts or RegisteredContacts())
    session.flush()
    return citizen


def import_citizens(session: Session, hasher: Hasher, path: Path, now: int) -> int:
    """CSV with a header `id_type,id_number,name[,registered][,email][,mobile]`.

    `email` and `mobile` are the contacts the registry has for the citizen (either may be
    empty); they are kept only as keyed hashes and masks. A row replaces what an earlier import
    said about the citizen. Returns the rows imported.
    """
    count = 0
    with path.open(newline="", encoding="utf-8") as fh:
        for line, row in enumerate(csv.DictReader(fh), start=2):
            try:
                doc = parse_id(row["id_type"], row["id_number"])
                contacts = _registry_contacts(row)
            except (InvalidId, ValueError, KeyError) as exc:
                raise ValueError(f"line {line}: {exc}") from None
            registered = row.get("registered", "true").strip().lower() not in {"0", "false", "no"}
            add_citizen(session, hasher, doc, row.get("name") or "?", now, registered, contacts)
            count += 1
    return count


def citizen_by_ref(session: Session, ref: str) -> models.Citizen:
    citizen = session.scalar(select(models.Citizen).where(models.Citizen.ref == ref))
    if citizen is None:
        raise ApiError(ErrorCode.CITIZEN_NOT_FOUND)
    return citizen
