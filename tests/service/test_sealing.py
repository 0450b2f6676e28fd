"""Contact data at rest: no email, number or code readable in the database without the secret."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from sqlalchemy import select, text

from tests.service.helpers import Api, Citizen, e164, new_cedula, new_email, new_mobile
from turnos import models
from turnos.clock import MovableClock
from turnos.db import Database
from turnos.embedded import EmbeddedService, start_embedded
from turnos.migrate import downgrade, upgrade
from turnos.outbox import messages_to, text_of
from turnos.sealing import Sealer, SealError
from turnos.services.maintenance import add_closure

BEFORE_SEALING = "0005_kiosk_scope"


def test_a_sealed_value_opens_only_with_its_key_and_in_its_column() -> None:
    sealer = Sealer(os.urandom(32))
    stored = sealer.seal("ana@example.com", "bookings.email")
    assert stored is not None
    assert "ana" not in stored
    assert sealer.seal("ana@example.com", "bookings.email") != stored  # a fresh nonce each time
    assert sealer.open(stored, "bookings.email") == "ana@example.com"
    assert sealer.seal(None, "bookings.email") is None
    with pytest.raises(SealError, match="does not open"):
        sealer.open(stored, "sessions.email")  # moved to another column
    with pytest.raises(SealError, match="does not open"):
        Sealer(os.urandom(32)).open(stored, "bookings.email")  # another service secret
    with pytest.raises(SealError, match="not a sealed value"):
        sealer.open("ana@example.com", "bookings.email")
    tampered = stored[:-2] + ("A" if stored[-2] != "A" else "B") + stored[-1]
    with pytest.raises(SealError):
        sealer.open(tampered, "bookings.email")
    raw = sealer.seal_bytes(b"To: ana@example.com", "outbox.payload")
    assert b"ana" not in raw
    assert sealer.open_bytes(raw, "outbox.payload") == b"To: ana@example.com"
    with pytest.raises(SealError):
        sealer.open_bytes(raw, "bookings.email")


def _secrets_of(citizen: Citizen) -> list[str]:
    phone = e164(citizen.phone)
    return [citizen.email, citizen.email.split("@")[0], phone, phone[4:], citizen.phone]


def _every_row(svc: EmbeddedService) -> str:
    """Every row of every table as text, as a copy of the database would show it."""
    dump: list[str] = []
    with svc.context.db.transaction() as session:
        for table in models.Base.metadata.sorted_tables:
            for row in session.execute(select(table)).all():
                dump.append(repr(tuple(row)))
    return "\n".join(dump)


def _book_by_mail_and_by_sms(api: Api, day_offset: int = 2) -> tuple[Citizen, Citizen, str]:
    by_mail = api.verified_citizen()
    by_sms = Citizen(new_cedula(), new_email(), new_mobile())
    api.lookup(by_sms)
    r = api.start_verification(by_sms, "sms", email=None)  # a mobile only: told by SMS
    assert r.status_code == 201, r.text
    by_sms.verification = r.json()["id"]
    r = api.confirm(by_sms, api.code_for(by_sms, "sms"))
    assert r.status_code == 200, r.text
    by_sms.session = r.json()["session_token"]
    slot = api.find_slot(agency=11, skip_days=day_offset)
    api.booked(by_mail, slot["id"])
    api.booked(by_sms, api.find_slot(agency=11, skip_days=day_offset, pick=1)["id"])
    return by_mail, by_sms, slot["start"][:10]


def test_no_address_or_number_is_stored_in_clear(
    tmp_path: Path, fresh_database: str | None
) -> None:
    with start_embedded(tmp_path, demo=True, database_url=fresh_database) as svc:
        api = Api(svc.url, svc.credentials, svc.outbox)
        by_mail, by_sms, _day = _book_by_mail_and_by_sms(api)
        # A code still pending in the outbox's table is sealed too: the address and the code.
        waiting = Citizen(new_cedula(), new_email(), new_mobile())
        api.lookup(waiting)
        assert api.start_verification(waiting).status_code == 201
        dump = _every_row(svc)
        for citizen in (by_mail, by_sms, waiting):
            for value in _secrets_of(citizen):
                assert value not in dump
        assert api.code_for(waiting) not in dump
        assert "s1:" in dump  # the sealed values are there
        if fresh_database is None:  # and the SQLite file's pages, free ones included
            raw = b"".join(p.read_bytes() for p in tmp_path.glob("turnos.db*"))
            for citizen in (by_mail, by_sms, waiting):
                assert citizen.email.encode() not in raw
                assert e164(citizen.phone).encode() not in raw


def test_rows_stored_before_sealing_are_sealed_by_the_upgrade_and_still_reach_the_citizen(
    tmp_path: Path, fresh_database: str | None
) -> None:
    clock = MovableClock()
    with start_embedded(tmp_path, demo=True, database_url=fresh_database, clock=clock) as svc:
        api = Api(svc.url, svc.credentials, svc.outbox, clock)
        by_mail, by_sms, day = _book_by_mail_and_by_sms(api)
        url, sealer = svc.database_url, svc.context.sealer
    db = Database(url)
    try:
        downgrade(db, BEFORE_SEALING, sealer)  # as an older release stored them: in clear
        with db.engine.connect() as conn:
            emails = set(conn.scalars(text("SELECT email FROM bookings")))
        assert by_mail.email in emails
        with pytest.raises(RuntimeError, match="needs the service secret"):
            upgrade(db)  # without the key nothing is half done
        upgrade(db, sealer)
        with db.engine.connect() as conn:
            stored = list(conn.scalars(text("SELECT email FROM bookings")))
            stored += list(conn.scalars(text("SELECT phone FROM sessions")))
        assert all(v is None or v.startswith("s1:") for v in stored)
        assert by_mail.email not in stored
    finally:
        db.dispose()
    with start_embedded(tmp_path, demo=True, database_url=url, clock=clock) as svc:
        outcome = add_closure(svc.context, 11, *(dt.date.fromisoformat(day),) * 2, "Feriado")
        assert (outcome.cancelled, outcome.notified) == (2, 2)
        [notice] = [
            m
            for m in messages_to(svc.outbox, by_mail.email)
            if m["X-Turnos-Kind"] == "cancellation"
        ]
        assert notice["To"] == by_mail.email
        texts = messages_to(svc.outbox, e164(by_sms.phone))
        assert [m["X-Turnos-Kind"] for m in texts] == ["verification", "cancellation"]
        assert text_of(texts[-1]).startswith("IESS: su turno")
