"""Operator commands, the per-kiosk rate limit, purge, closures, migrations."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest
import requests
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import select

from kiosk.domain.token import KeySet, verify
from tests.service.helpers import Api, problem
from turnos import cli, models
from turnos.clock import MovableClock
from turnos.db import Database
from turnos.demo_catalog import demo_catalog
from turnos.embedded import start_embedded
from turnos.migrate import upgrade
from turnos.outbox import messages_to


def _run(capsys: pytest.CaptureFixture[str], *argv: str, status: int = 0) -> str:
    assert cli.main(list(argv)) == status
    return capsys.readouterr().out


@pytest.fixture
def no_turnos_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """Operator commands see only their arguments: no TURNOS_DEMO, no TURNOS_* at all."""
    for name in [n for n in os.environ if n.startswith("TURNOS_")]:
        monkeypatch.delenv(name)


@pytest.mark.usefixtures("no_turnos_env")
def test_operator_commands_against_a_running_service(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    d = ["--data-dir", str(tmp_path)]
    assert "up to date" in _run(capsys, "db", "upgrade", *d)
    assert "up to date" in _run(capsys, "db", "upgrade", *d)  # idempotent
    catalog_file = tmp_path / "catalog.json"
    catalog = demo_catalog()
    catalog["agencies"] = catalog["agencies"][:2]
    catalog_file.write_text(json.dumps(catalog))
    out = _run(capsys, "catalog", "import", str(catalog_file), *d)
    assert out.strip() == "imported 24 provinces, 4 procedures, 2 agencies"
    # Not a demo: the service serves what the commands put in the database.
    with start_embedded(tmp_path, demo=False) as svc:
        issued = json.loads(_run(capsys, "tokens", "issue", "kiosk", "--name", "K1", *d))
        assert issued["role"] == "kiosk"
        assert issued["token"].startswith("tk_")
        kiosk = {"Authorization": f"Bearer {issued['token']}"}
        r = requests.get(svc.url + "/v1/catalog", headers=kiosk, timeout=10)
        assert r.status_code == 200
        assert [a["id"] for a in r.json()["agencies"]] == [11, 12]
        etag = r.headers["ETag"]

        catalog["agencies"][0]["name"]["es"] = "Agencia de demostración Cuenca Renovada"
        catalog_file.write_text(json.dumps(catalog))
        _run(capsys, "catalog", "import", str(catalog_file), *d)
        r = requests.get(
            svc.url + "/v1/catalog", headers={**kiosk, "If-None-Match": etag}, timeout=10
        )
        assert r.status_code == 200
        assert r.json()["agencies"][0]["name"]["es"].endswith("Cuenca Renovada")

        heartbeat = {"version": "9.9", "printer_state": "ok", "paper": "low", "last_error": None}
        r = requests.post(
            svc.url + "/v1/kiosks/heartbeat", json=heartbeat, headers=kiosk, timeout=10
        )
        assert r.status_code == 200
        [listed] = json.loads(_run(capsys, "kiosks", "--json", *d))["kiosks"]
        assert (listed["name"], listed["version"], listed["paper"]) == ("K1", "9.9", "low")
        assert listed["revoked"] is False

        assert cli.main(["tokens", "issue", "staff", "--name", "S", *d]) == 2  # needs --agency
        assert "--agency" in capsys.readouterr().err
        staff = json.loads(
            _run(capsys, "tokens", "issue", "staff", "--name", "S", "--agency", "11", *d)
        )
        as_staff = {"Authorization": f"Bearer {staff['token']}"}
        r = requests.get(svc.url + "/v1/agencies/11/bookings", headers=as_staff, timeout=10)
        assert r.status_code == 200
        r = requests.get(svc.url + "/v1/agencies/12/bookings", headers=as_staff, timeout=10)
        problem(r, 403, "forbidden")

        before = requests.get(svc.url + "/v1/keys", timeout=10).json()["keys"]
        out = _run(capsys, "keys", "rotate", *d)
        assert out.startswith("new signing key ")
        after = requests.get(svc.url + "/v1/keys", timeout=10).json()["keys"]
        assert len(after) == len(before) + 1
        assert {k["kid"] for k in before} < {k["kid"] for k in after}

        assert _run(capsys, "tokens", "revoke", str(issued["id"]), *d).strip() == "revoked"
        problem(
            requests.get(svc.url + "/v1/catalog", headers=kiosk, timeout=10), 401, "unauthorized"
        )
        out = _run(capsys, "tokens", "revoke", str(issued["id"]), *d, status=1)
        assert out.strip() == "no such active token"
        [listed] = json.loads(_run(capsys, "kiosks", "--json", *d))["kiosks"]
        assert listed["revoked"] is True

        out = _run(capsys, "purge", *d)
        assert out.startswith("purged 0 bookings, 0 verifications, 0 sessions")


def test_rate_limit_per_kiosk(tmp_path: Path) -> None:
    with start_embedded(tmp_path, demo=True, rate_per_minute=6, rate_burst=3) as svc:
        api = Api(svc.url, svc.credentials, svc.outbox)
        for _ in range(3):
            assert api.call("GET", "/v1/catalog").status_code == 200
        r = api.call("GET", "/v1/catalog")
        problem(r, 429, "rate_limited")
        assert 1 <= int(r.headers["Retry-After"]) <= 10
        # Staff and other kiosks have buckets of their own (or none).
        assert api.call("GET", "/v1/catalog", headers=api.staff(171)).status_code == 200


@pytest.mark.usefixtures("no_turnos_env")
def test_closure_cancels_and_notifies_through_the_demo_outbox(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The command runs without TURNOS_DEMO and still writes to the demo service's outbox."""
    with start_embedded(tmp_path, demo=True) as svc:
        api = Api(svc.url, svc.credentials, svc.outbox)
        citizen = api.verified_citizen()
        slot = api.find_slot(agency=11)
        booked = api.booked(citizen, slot["id"])["booking"]
        day = slot["start"][:10]
        out = _run(
            capsys,
            "closures",
            "add",
            "--agency",
            "11",
            "--from",
            day,
            "--to",
            day,
            "--reason",
            "Feriado local",
            "--data-dir",
            str(tmp_path),
        )
        assert "1 turns cancelled, 1 citizens notified, 0 not notified" in out
        notice = messages_to(svc.outbox, citizen.email)[-1]
        assert notice["X-Turnos-Kind"] == "cancellation"
        assert notice["Subject"] == f"Turno IESS {booked['code']} cancelado"
        text = notice.get_body(("plain",)).get_content()  # type: ignore[union-attr]
        assert "Agencia de demostración Cuenca Centro" in text
        assert "Clave patronal portal IESS" in text
        assert "(Feriado local)" in text
        assert api.call("GET", "/v1/bookings/current", headers=api.as_citizen(citizen)).json() == {
            "bookings": []
        }
        r = api.call(
            "GET", "/v1/slots", params={"agency": 11, "procedure": "CLAVE_PATRONAL", "date": day}
        )
        assert r.json() == {"slots": []}


def test_purge_removes_personal_data_after_retention(tmp_path: Path) -> None:
    clock = MovableClock()
    with start_embedded(tmp_path, demo=True, clock=clock, retention_days=30) as svc:
        api = Api(svc.url, svc.credentials, svc.outbox, clock)
        citizen = api.verified_citizen()
        booking = api.booked(citizen, api.find_slot()["id"])["booking"]
        from turnos.services.maintenance import purge

        assert purge(svc.context).bookings == 0
        clock.advance(60 * 86_400)
        outcome = purge(svc.context)
        assert outcome.bookings == 1
        assert outcome.verifications >= 1
        with svc.context.db.transaction() as session:
            row = session.get(models.Booking, booking["id"])
            assert row is not None
            assert (row.email, row.phone, row.citizen_key, row.token) == (None, None, None, None)
            assert row.masked_id == ""
            assert row.code == booking["code"]
            assert not session.scalars(select(models.Verification)).all()


def test_rotated_keys_keep_old_tokens_valid(tmp_path: Path) -> None:
    with start_embedded(tmp_path, demo=True) as svc:
        api = Api(svc.url, svc.credentials, svc.outbox)
        token = api.booked(api.verified_citizen(), api.find_slot()["id"])["token"]
        with svc.context.db.transaction() as session:
            svc.context.signer.rotate(session, svc.context.now())
        jwks = requests.get(svc.url + "/v1/keys", timeout=10).json()
        assert len(jwks["keys"]) == 2
        verify(token, KeySet.from_jwks(jwks), svc.context.now())
        newer = api.booked(api.verified_citizen(), api.find_slot(pick=1)["id"])["token"]
        assert newer[:20] != token[:20] or newer != token
        verify(newer, KeySet.from_jwks(jwks), svc.context.now())


@pytest.mark.parametrize(
    "backend", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
)
def test_migrations_match_the_models(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    if backend == "sqlite":
        url = f"sqlite:///{tmp_path / 'm.db'}"
    else:
        fresh: Callable[[], str] = request.getfixturevalue("pg_schema")
        url = fresh()
    db = Database(url)
    try:
        upgrade(db)
        upgrade(db)  # idempotent
        with db.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), models.Base.metadata)
        assert diff == []
    finally:
        db.dispose()


def test_operator_commands_on_a_database_never_upgraded_say_what_to_do(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = str(tmp_path / "fresh")
    assert cli.main(["tokens", "issue", "kiosk", "--name", "K1", "--data-dir", data]) == 2
    assert "turnos db upgrade" in capsys.readouterr().err
    assert cli.main(["db", "upgrade", "--data-dir", data]) == 0
    assert cli.main(["tokens", "issue", "kiosk", "--name", "K1", "--data-dir", data]) == 0
    assert json.loads(capsys.readouterr().out.splitlines()[-1])["role"] == "kiosk"
