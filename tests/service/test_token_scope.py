"""Kiosk tokens limited to agencies or provinces, over HTTP (SQLite and PostgreSQL).

A scoped token sees only its part of the catalogue, and an agency outside it answers exactly as
an unknown one (404 `not_found`) for availability, slots and holds. Tokens are issued with the
real command (`turnos tokens issue`) against the running service's database.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import requests
from alembic import command
from sqlalchemy import Connection, inspect, select, text

from tests.service.helpers import Api, problem
from turnos import cli, models
from turnos.db import Database
from turnos.demo_catalog import PROVINCES, demo_catalog
from turnos.embedded import EmbeddedService, start_embedded
from turnos.migrate import alembic_config
from turnos.security import hash_token, new_token
from turnos.services import tokens
from turnos.services.catalog import import_catalog

# The demo catalogue: Pichincha (17) has agencies 171-173, Guayas (09) 91-93, Azuay (01) 11-12.
QUITO = [171, 172]
GUAYAS = [91, 92, 93]
ALL_AGENCIES = sum(3 if code in {"09", "17"} else 2 for code, _, _ in PROVINCES)
PROCEDURE = "CLAVE_PATRONAL"


def _db_args(service: EmbeddedService) -> list[str]:
    return ["--data-dir", str(service.settings.data_dir), "--database-url", service.database_url]


def _turnos(
    capsys: pytest.CaptureFixture[str], service: EmbeddedService, *argv: str
) -> tuple[int, str, str]:
    """`turnos ARGV` against the service's database: (exit status, stdout, stderr)."""
    status = cli.main([*argv, *_db_args(service)])
    out, err = capsys.readouterr()
    return status, out, err


def _scoped_kiosk(
    capsys: pytest.CaptureFixture[str], service: EmbeddedService, api: Api, *scope: str
) -> tuple[dict[str, Any], Api]:
    """A kiosk token issued by `turnos tokens issue kiosk SCOPE...`, and a client using it."""
    status, out, err = _turnos(capsys, service, "tokens", "issue", "kiosk", "--name", "K", *scope)
    assert status == 0, err
    issued: dict[str, Any] = json.loads(out)
    credentials = {**service.credentials, "kiosk_token": issued["token"]}
    return issued, Api(service.url, credentials, service.outbox, api.clock)


def _calendar(api: Api, agency: int) -> tuple[requests.Response, requests.Response]:
    day = api.today().isoformat()
    availability = api.call(
        "GET",
        "/v1/availability",
        params={"agency": agency, "procedure": PROCEDURE, "from": day, "to": day},
    )
    slots = api.call(
        "GET", "/v1/slots", params={"agency": agency, "procedure": PROCEDURE, "date": day}
    )
    return availability, slots


def test_a_scoped_kiosk_sees_only_its_agencies_in_the_catalog(
    api: Api, service: EmbeddedService, capsys: pytest.CaptureFixture[str]
) -> None:
    full = api.call("GET", "/v1/catalog")
    assert full.status_code == 200
    issued, quito = _scoped_kiosk(capsys, service, api, "--agencies", "172,171,171")
    # Stored sorted and once each; the command says so.
    assert issued["scope"] == {"agencies": QUITO, "provinces": []}

    r = quito.call("GET", "/v1/catalog")
    assert r.status_code == 200
    body = r.json()
    assert [a["id"] for a in body["agencies"]] == QUITO
    assert [p["code"] for p in body["provinces"]] == ["17"]
    # Procedures are the institution's, the same everywhere; the agencies keep theirs.
    assert body["procedures"] == full.json()["procedures"]
    whole = {a["id"]: a for a in full.json()["agencies"]}
    assert body["agencies"] == [whole[i] for i in QUITO]
    assert body["privacy"] == full.json()["privacy"]

    # Another body, another ETag: the whole catalogue's tag does not validate the part.
    etag = r.headers["ETag"]
    assert etag != full.headers["ETag"]
    r = quito.call("GET", "/v1/catalog", headers={**quito.kiosk, "If-None-Match": etag})
    assert r.status_code == 304
    stale = {**quito.kiosk, "If-None-Match": full.headers["ETag"]}
    r = quito.call("GET", "/v1/catalog", headers=stale)
    assert r.status_code == 200
    assert [a["id"] for a in r.json()["agencies"]] == QUITO


def test_an_agency_out_of_scope_answers_as_an_unknown_one(
    api: Api, service: EmbeddedService, capsys: pytest.CaptureFixture[str]
) -> None:
    _issued, quito = _scoped_kiosk(capsys, service, api, "--agencies", "171,172")
    for response in _calendar(quito, 171):
        assert response.status_code == 200, response.text
    unknown = [problem(r, 404, "not_found") for r in _calendar(quito, 999_999)]
    outside = [problem(r, 404, "not_found") for r in _calendar(quito, 91)]
    assert outside == unknown  # word for word: no oracle of what exists elsewhere
    # The same agency answers the unscoped kiosk.
    for response in _calendar(api, 91):
        assert response.status_code == 200, response.text

    # A hold in Guayaquil with a slot id learnt elsewhere: refused as an unknown slot, and the
    # place stays free.
    guayaquil = api.find_slot(agency=91, pick=2)
    citizen = quito.verified_citizen()
    r = quito.hold(citizen, guayaquil["id"])
    outside_hold = problem(r, 404, "not_found")
    made_up = guayaquil["id"].replace("91.", "999999.", 1)
    assert made_up.startswith("999999.")
    assert problem(quito.hold(citizen, made_up), 404, "not_found") == outside_hold
    day = dt.date.fromisoformat(guayaquil["start"][:10])
    still = next(s for s in api.slots(91, PROCEDURE, day) if s["id"] == guayaquil["id"])
    assert still["free_places"] == guayaquil["free_places"]

    # In scope, the whole path works: hold, book (the confirmation), the current turns.
    quito_slot = quito.find_slot(agency=172, pick=1)
    booked = quito.booked(citizen, quito_slot["id"])
    assert booked["booking"]["agency"] == 172
    current = quito.call("GET", "/v1/bookings/current", headers=quito.as_citizen(citizen))
    assert [b["agency"] for b in current.json()["bookings"]] == [172]


def test_a_hold_from_another_kiosk_cannot_be_booked_through_a_scoped_one(
    api: Api, service: EmbeddedService, capsys: pytest.CaptureFixture[str]
) -> None:
    """The booking path takes a hold, not an agency: a hold belongs to a citizen session, and a
    session to the kiosk token that opened it, so a scoped kiosk only ever books its holds."""
    _issued, quito = _scoped_kiosk(capsys, service, api, "--provinces", "17")
    citizen = api.verified_citizen()
    r = api.hold(citizen, api.find_slot(agency=92, pick=1)["id"])
    assert r.status_code == 201, r.text
    hold_id = r.json()["id"]
    foreign = {**quito.kiosk, "X-Citizen-Session": citizen.session, "Idempotency-Key": "k1"}
    r = quito.call("POST", "/v1/bookings", json={"hold": hold_id}, headers=foreign)
    problem(r, 401, "unauthorized")
    r = api.call("DELETE", "/v1/sessions/current", headers=api.as_citizen(citizen))
    assert r.status_code == 204


def test_a_province_scope_covers_its_agencies(
    api: Api, service: EmbeddedService, capsys: pytest.CaptureFixture[str]
) -> None:
    # "9" is Guayas as the catalogue writes it, "09".
    issued, guayas = _scoped_kiosk(capsys, service, api, "--provinces", "9")
    assert issued["scope"] == {"agencies": [], "provinces": ["09"]}
    body = guayas.call("GET", "/v1/catalog").json()
    assert [a["id"] for a in body["agencies"]] == GUAYAS
    assert [p["code"] for p in body["provinces"]] == ["09"]
    for response in _calendar(guayas, 93):
        assert response.status_code == 200, response.text
    for response in _calendar(guayas, 171):
        problem(response, 404, "not_found")
    citizen = guayas.verified_citizen()
    r = guayas.hold(citizen, api.find_slot(agency=171, pick=3)["id"])
    problem(r, 404, "not_found")
    r = guayas.hold(citizen, guayas.find_slot(agency=92, pick=2)["id"])
    assert r.status_code == 201, r.text

    # Agencies and provinces together: either one admits an agency.
    issued, both = _scoped_kiosk(capsys, service, api, "--agencies", "171", "--provinces", "09")
    assert issued["scope"] == {"agencies": [171], "provinces": ["09"]}
    body = both.call("GET", "/v1/catalog").json()
    assert [a["id"] for a in body["agencies"]] == [*GUAYAS, 171]
    assert [p["code"] for p in body["provinces"]] == ["09", "17"]
    for response in _calendar(both, 172):
        problem(response, 404, "not_found")


def test_unscoped_tokens_are_unchanged(api: Api) -> None:
    for headers in (api.kiosk, api.staff(171), api.operator):
        body = api.call("GET", "/v1/catalog", headers=headers).json()
        assert len(body["agencies"]) == ALL_AGENCIES
        assert [p["code"] for p in body["provinces"]] == [code for code, _, _ in PROVINCES]
    for agency in (11, 91, 171):
        for response in _calendar(api, agency):
            assert response.status_code == 200, response.text


def test_the_command_refuses_a_scope_it_cannot_honour(
    api: Api, service: EmbeddedService, capsys: pytest.CaptureFixture[str]
) -> None:
    def kiosks() -> list[dict[str, Any]]:
        status, out, _err = _turnos(capsys, service, "kiosks", "--json")
        assert status == 0
        listed: list[dict[str, Any]] = json.loads(out)["kiosks"]
        return listed

    before = kiosks()
    issue = ("tokens", "issue")
    refused = {
        (*issue, "kiosk", "--name", "K", "--agencies", "171,999,998"): "unknown agencies: 998, 999",
        (*issue, "kiosk", "--name", "K", "--provinces", "17,99"): "unknown provinces: 99",
        (*issue, "kiosk", "--name", "K", "--agencies", "171", "--provinces", "x"): (
            "unknown provinces: x"
        ),
        (*issue, "staff", "--name", "S", "--agency", "171", "--agencies", "171"): (
            "only kiosk tokens take --agencies or --provinces"
        ),
        (*issue, "operator", "--name", "O", "--provinces", "17"): (
            "only kiosk tokens take --agencies or --provinces"
        ),
    }
    for argv, message in refused.items():
        status, out, err = _turnos(capsys, service, *argv)
        assert (status, out) == (2, ""), argv
        assert err.strip() == f"turnos: {message}", argv
    for bad in ("abc", "171,x", "0", ","):
        with pytest.raises(SystemExit) as exited:
            cli.main([*issue, "kiosk", "--name", "K", "--agencies", bad, *_db_args(service)])
        assert exited.value.code == 2
        assert "expected agency ids separated by commas" in capsys.readouterr().err
    assert kiosks() == before  # nothing was issued

    # The operator sees each kiosk's scope: `turnos kiosks` and GET /v1/kiosks.
    issued, _quito = _scoped_kiosk(capsys, service, api, "--agencies", "171", "--provinces", "17")
    listed = {k["id"]: k for k in kiosks()}
    assert listed[issued["id"]]["scope"] == {"agencies": [171], "provinces": ["17"]}
    demo = [k["id"] for k in before if k["name"] == "demo kiosk"]
    assert demo
    assert all(listed[i]["scope"] is None for i in demo)
    r = api.call("GET", "/v1/kiosks", headers=api.operator)
    assert r.status_code == 200
    by_id = {k["id"]: k for k in r.json()["kiosks"]}
    assert by_id[issued["id"]]["scope"] == {"agencies": [171], "provinces": ["17"]}
    assert all(by_id[i]["scope"] is None for i in demo)


# --- the migration ------------------------------------------------------------------------


@contextmanager
def _alembic(url: str) -> Iterator[tuple[Database, Connection]]:
    """A connection on which Alembic commands run, as `turnos.migrate` runs them."""
    db = Database(url)
    try:
        with db.engine.begin() as connection:
            yield db, connection
    finally:
        db.dispose()


def _migrate(url: str, action: str, revision: str) -> None:
    cfg = alembic_config()
    with _alembic(url) as (_db, connection):
        cfg.attributes["connection"] = connection
        getattr(command, action)(cfg, revision)


def _url(fresh_database: str | None, tmp_path: Path) -> str:
    return fresh_database or f"sqlite:///{tmp_path / 'turnos.db'}"


def test_upgrading_from_0004_keeps_existing_tokens_valid(
    fresh_database: str | None, tmp_path: Path
) -> None:
    url = _url(fresh_database, tmp_path)
    _migrate(url, "upgrade", "0004_outbox")
    token = new_token("tk")
    db = Database(url)
    try:
        with db.transaction() as session:
            import_catalog(session, demo_catalog())
            # Written as the schema of 0004 has it: no scope columns yet.
            session.execute(
                text(
                    "INSERT INTO api_tokens (role, name, token_hash, created_at)"
                    " VALUES ('kiosk', 'old kiosk', :hash, 1)"
                ),
                {"hash": hash_token(token)},
            )
    finally:
        db.dispose()

    with start_embedded(tmp_path / "svc", demo=False, database_url=url) as svc:  # migrates
        old = Api(svc.url, {"kiosk_token": token}, svc.outbox)
        r = old.call("GET", "/v1/catalog")
        assert r.status_code == 200, r.text
        assert len(r.json()["agencies"]) == ALL_AGENCIES
        for agency in (11, 91, 171):
            for response in _calendar(old, agency):
                assert response.status_code == 200, response.text
        with svc.context.db.transaction() as session:
            row = session.scalars(select(models.ApiToken)).one()
            assert (row.scope_agencies, row.scope_provinces) == (None, None)
            principal = tokens.authenticate(session, token)
            assert principal is not None
            assert principal.scope is None


def test_the_scope_migration_downgrades_and_keeps_the_tokens(
    fresh_database: str | None, tmp_path: Path
) -> None:
    url = _url(fresh_database, tmp_path)
    _migrate(url, "upgrade", "0005_kiosk_scope")
    db = Database(url)
    try:
        with db.transaction() as session:
            import_catalog(session, demo_catalog())
            token_id, token = tokens.issue(
                session, tokens.Role.KIOSK, "K", 1, scope_agencies=[171], scope_provinces=["09"]
            )
            # A row that refers to the token: SQLite's table rebuild must keep it valid.
            session.add(models.KioskStatus(token_id=token_id, last_seen=1))
    finally:
        db.dispose()

    _migrate(url, "downgrade", "0004_outbox")
    with _alembic(url) as (_db, connection):
        columns = {c["name"] for c in inspect(connection).get_columns("api_tokens")}
        assert not columns & {"scope_agencies", "scope_provinces"}
        rows = connection.execute(text("SELECT id, token_hash FROM api_tokens")).all()
        assert [tuple(r) for r in rows] == [(token_id, hash_token(token))]
        assert connection.execute(text("SELECT token_id FROM kiosk_status")).scalar() == token_id

    _migrate(url, "upgrade", "0005_kiosk_scope")
    db = Database(url)
    try:
        with db.transaction() as session:
            principal = tokens.authenticate(session, token)
            assert principal is not None
            assert principal.scope is None  # a rollback drops the limits with the columns
    finally:
        db.dispose()
