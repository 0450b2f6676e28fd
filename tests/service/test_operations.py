"""Operator commands, the per-kiosk rate limit, purge, closures, migrations."""

from __future__ import annotations

import json
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


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert cli.main(list(argv)) == 0
    return capsys.readouterr().out


def test_tokens_catalog_and_kiosks_commands(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    d = ["--data-dir", str(tmp_path)]
    assert "up to date" in _run(capsys, "db", "upgrade", *d)
    catalog_file = tmp_path / "catalog.json"
    catalog = demo_catalog()
    catalog["agencies"] = catalog["agencies"][:2]
    catalog_file.write_text(json.dumps(catalog))
    assert "2 agencies" in _run(capsys, "catalog", "import", str(catalog_file), *d)
    issued = json.loads(_run(capsys, "tokens", "issue", "kiosk", "--name", "K1", *d))
    assert issued["token"].startswith("tk_")
    assert cli.main(["tokens", "issue", "staff", "--name", "S", *d]) == 2  # needs --agency
    capsys.readouterr()
    staff = json.loads(
        _run(capsys, "tokens", "issue", "staff", "--name", "S", "--agency", "11", *d)
    )
    assert staff["role"] == "staff"
    listed = [json.loads(line) for line in _run(capsys, "kiosks", *d).splitlines()]
    assert [k["name"] for k in listed] == ["K1"]
    assert "revoked" in _run(capsys, "tokens", "revoke", str(issued["id"]), *d)
    assert "new signing key" in _run(capsys, "keys", "rotate", *d)


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


def test_closure_cancels_and_notifies(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    with start_embedded(tmp_path, demo=True) as svc:
        api = Api(svc.url, svc.credentials, svc.outbox)
        citizen = api.verified_citizen()
        slot = api.find_slot(agency=11)
        booked = api.booked(citizen, slot["id"])["booking"]
        day = slot["start"][:10]
        monkeypatch.setenv("TURNOS_DEMO", "1")
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
        assert "1 turns cancelled, 1 citizens notified" in out
        notice = messages_to(svc.outbox, citizen.email)[-1]
        assert notice["X-Turnos-Kind"] == "cancellation"
        assert booked["code"] in notice["Subject"]
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
