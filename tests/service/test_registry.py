"""Identity bound to the registry: a code goes only to the citizen's registered email or mobile.

Over real HTTP on SQLite and PostgreSQL, against the demo service with an imported registry:
imported citizens with registered contacts are strict in demo mode too, demo visitors are not.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from tests.service.helpers import Api, Citizen, new_cedula, new_email, new_mobile, problem
from turnos import models
from turnos.embedded import EmbeddedService, start_embedded
from turnos.services.citizens import import_citizens


def _register(service: EmbeddedService, tmp_path: Path, rows: list[str]) -> None:
    csv = tmp_path / "registry.csv"
    csv.write_text("id_type,id_number,name,registered,email,mobile\n" + "".join(rows))
    ctx = service.context
    with ctx.db.transaction() as session:
        import_citizens(session, ctx.hasher, csv, ctx.now())


def _registered_citizen(service: EmbeddedService, tmp_path: Path) -> Citizen:
    citizen = Citizen(new_cedula(), new_email(), new_mobile())
    _register(
        service,
        tmp_path,
        [f"cedula,{citizen.cedula},Rosa Vera,true,{citizen.email},{citizen.phone}\n"],
    )
    return citizen


def test_only_hashes_and_masks_of_the_registered_contacts_are_stored(
    service: EmbeddedService, tmp_path: Path
) -> None:
    citizen = _registered_citizen(service, tmp_path)
    with service.context.db.transaction() as session:
        row = session.scalars(select(models.Citizen).order_by(models.Citizen.id.desc())).first()
        assert row is not None
        stored = " ".join(str(v) for v in vars(row).values())
    assert citizen.email not in stored
    assert citizen.phone[1:] not in stored
    assert row.email_hash == service.context.hasher.contact(citizen.email)
    assert row.email_mask == f"{citizen.email[0]}•••@example.com"
    assert row.phone_mask == f"09•••••{citizen.phone[-3:]}"


def test_someone_who_knows_the_cedula_gets_no_code_and_books_nothing(
    api: Api, service: EmbeddedService, tmp_path: Path
) -> None:
    real = _registered_citizen(service, tmp_path)
    attacker = Citizen(real.cedula, new_email(), new_mobile())
    api.lookup(attacker)
    for channel in ("email", "sms"):
        body = problem(api.start_verification(attacker, channel), 403, "contact_not_registered")
        assert body["registered"] == {
            "email": f"{real.email[0]}•••@example.com",
            "phone": f"09•••••{real.phone[-3:]}",
        }
        assert real.email not in str(body)
        assert attacker.email not in str(body)
    # Nothing went out to the attacker's address or number.
    with pytest.raises(LookupError):
        api.code_for(attacker)
    with pytest.raises(LookupError):
        api.code_for(attacker, "sms")
    # The registered address typed with other capitals and spaces still gets the code.
    typed = Citizen(real.cedula, f"  {real.email.upper()} ", new_mobile())
    api.lookup(typed)
    r = api.start_verification(typed)
    assert r.status_code == 201, r.text
    typed.verification = r.json()["id"]
    assert api.confirm(typed, api.code_for(real)).status_code == 200


def test_the_real_citizen_sees_and_cancels_a_turn_booked_in_their_name(
    api: Api, service: EmbeddedService, tmp_path: Path
) -> None:
    # Before the registry knew this citizen's contacts, someone booked with the cédula alone.
    real = Citizen(new_cedula(), new_email(), new_mobile())
    squatter = api.verified_citizen(Citizen(real.cedula, new_email(), new_mobile()))
    squatted = api.booked(squatter, api.find_slot(pick=14)["id"])["booking"]
    _register(
        service, tmp_path, [f"cedula,{real.cedula},Rosa Vera,true,{real.email},{real.phone}\n"]
    )
    # The registered mobile opens a session that sees that turn and cancels it.
    api.verified_citizen(real, "sms")
    r = api.call("GET", "/v1/bookings/current", headers=api.as_citizen(real))
    assert r.status_code == 200, r.text
    assert [b["id"] for b in r.json()["bookings"]] == [squatted["id"]]
    r = api.call("DELETE", f"/v1/bookings/{squatted['id']}", headers=api.as_citizen(real))
    assert r.status_code == 204, r.text
    # Then books their own; the squatter's old session no longer sees it.
    mine = api.booked(real, api.find_slot(pick=15)["id"])["booking"]
    r = api.call("GET", "/v1/bookings/current", headers=api.as_citizen(real))
    assert [b["id"] for b in r.json()["bookings"]] == [mine["id"]]
    r = api.call("GET", "/v1/bookings/current", headers=api.as_citizen(squatter))
    assert r.json()["bookings"] == []
    r = api.call("DELETE", f"/v1/bookings/{mine['id']}", headers=api.as_citizen(squatter))
    problem(r, 404, "not_found")


def test_demo_visitors_keep_any_email(api: Api) -> None:
    visitor = api.verified_citizen()  # a made-up cédula: created on the fly, no registry
    api.booked(visitor, api.find_slot(pick=16)["id"])


def test_a_citizen_not_registered_as_employer_is_told_so(
    api: Api, service: EmbeddedService, tmp_path: Path
) -> None:
    cedula = new_cedula()
    _register(service, tmp_path, [f"cedula,{cedula},Rosa Vera,false,,\n"])
    r = api.call("POST", "/v1/citizens/lookup", json={"id_type": "cedula", "id_number": cedula})
    problem(r, 404, "not_registered")


def test_unknown_citizen_outside_demo_is_not_registered(tmp_path: Path) -> None:
    svc = start_embedded(tmp_path, demo=False)
    try:
        api = Api(svc.url, {"kiosk_token": _kiosk_token(svc)}, svc.outbox)
        body = {"id_type": "cedula", "id_number": new_cedula()}
        problem(api.call("POST", "/v1/citizens/lookup", json=body), 404, "not_registered")
    finally:
        svc.stop()


def _kiosk_token(svc: EmbeddedService) -> str:
    from turnos.bootstrap import seed_demo

    token: str = seed_demo(svc.context)["kiosk_token"]
    return token


def test_the_import_refuses_a_bad_contact_without_echoing_it(
    service: EmbeddedService, tmp_path: Path
) -> None:
    with pytest.raises(ValueError, match=r"line 2: invalid email: email_format") as caught:
        _register(service, tmp_path, [f"cedula,{new_cedula()},Rosa Vera,true,not-an-email,\n"])
    assert "not-an-email" not in str(caught.value)
