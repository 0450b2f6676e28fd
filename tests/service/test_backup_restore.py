"""Backup and restore of the service's PostgreSQL database, done as docs/operations.md ("El
servicio en un servidor") tells operators: `pg_dump --format=custom` of the database while the
service runs, `createdb` and `pg_restore` into a fresh database, `turnos db upgrade`, then the
service on the copy with the same secret. And what happens with another secret.

Needs TURNOS_TEST_DATABASE_URL with a user that may create roles and databases (scripts/test's
`postgres` does), and the PostgreSQL client programs. The databases and the role are this
module's own (`turnos_backup_<random>_...`), dropped at the end.
"""

from __future__ import annotations

import datetime as dt
import os
import secrets
import shutil
import subprocess
import sys
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import requests
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import URL, make_url

from kiosk.domain.token import KeySet, verify
from tests.service.conftest import PG_ENV
from tests.service.helpers import Api, Citizen
from turnos import cli
from turnos.embedded import start_embedded
from turnos.keys import SigningKeyError
from turnos.outbox import messages_to
from turnos.services.maintenance import add_closure

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

PG_CLIENTS = ("pg_dump", "pg_restore", "createdb")
SECRET = secrets.token_hex(32)  # TURNOS_SECRET of the service that was backed up


def _unavailable(reason: str) -> None:
    if os.environ.get("CI"):  # CI must run this: a silent skip would hide it
        pytest.fail(reason)
    pytest.skip(reason)


@dataclass
class Cluster:
    """The PostgreSQL server of TURNOS_TEST_DATABASE_URL, with a role of this module's own
    that owns the service's databases, as the `turnos` role does on a server."""

    admin: Engine
    base: URL
    role: str
    made: list[str]

    def url(self, database: str) -> str:
        """The service's URL (TURNOS_DATABASE_URL): SQLAlchemy's, with the driver."""
        return self._url(database, "postgresql+psycopg")

    def libpq(self, database: str) -> str:
        """The same database for pg_dump and pg_restore, which take libpq's `postgresql://`."""
        return self._url(database, "postgresql")

    def _url(self, database: str, scheme: str) -> str:
        url = self.base.set(drivername=scheme, username=self.role, password=None)
        return url.set(database=database).render_as_string(hide_password=False)

    def createdb(self, database: str) -> None:
        """`createdb -h HOST -p PORT -U SUPERUSER -O ROLE NAME`, as the procedure does."""
        argv = ["createdb", "-h", self.base.host or "127.0.0.1", "-p", str(self.base.port or 5432)]
        argv += ["-U", self.base.username or "postgres", "-O", self.role, database]
        env = {**os.environ}
        if self.base.password:
            env["PGPASSWORD"] = self.base.password
        self.made.append(database)
        _run(argv, env=env)


@dataclass
class Backup:
    """A dump of a database on which a citizen booked a turn."""

    dump: Path
    booking: dict[str, Any]  # the confirmation: {"booking": {...}, "token": "TRN1:..."}
    citizen: Citizen
    credentials: dict[str, Any]  # the demo tokens, stored (hashed) in the dumped database
    keys: list[dict[str, Any]]  # GET /v1/keys of the service that was backed up


def _run(argv: list[str], env: dict[str, str] | None = None) -> str:
    done = subprocess.run(argv, capture_output=True, text=True, timeout=120, env=env, check=False)
    assert done.returncode == 0, (argv[0], done.returncode, done.stderr)
    return done.stdout


@pytest.fixture(scope="module")
def cluster() -> Iterator[Cluster]:
    base = os.environ.get(PG_ENV)
    if not base:
        _unavailable(f"{PG_ENV} is not set")
    missing = [name for name in PG_CLIENTS if shutil.which(name) is None]
    if missing:
        _unavailable(f"PostgreSQL client programs missing: {', '.join(missing)}")
    assert base is not None
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    role = f"turnos_backup_{uuid.uuid4().hex[:10]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE ROLE "{role}" LOGIN'))
    cluster = Cluster(admin, make_url(base), role, [])
    try:
        yield cluster
    finally:
        with admin.connect() as conn:
            for database in cluster.made:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)'))
            conn.execute(text(f'DROP ROLE IF EXISTS "{role}"'))
        admin.dispose()


@pytest.fixture(scope="module")
def backup(cluster: Cluster, tmp_path_factory: pytest.TempPathFactory) -> Backup:
    """A database migrated by `turnos db upgrade`, a turn booked through the API of the service
    on it, and `pg_dump --format=custom` of it taken while the service runs."""
    source = f"{cluster.role}_src"
    cluster.createdb(source)
    work = tmp_path_factory.mktemp("backup")
    assert _turnos("db", "upgrade", database_url=cluster.url(source), data_dir=work / "cli") == (
        "database is up to date\n"
    )
    with start_embedded(work / "src", database_url=cluster.url(source), secret=SECRET) as svc:
        api = Api(svc.url, svc.credentials, svc.outbox)
        citizen = api.verified_citizen()
        booked = api.booked(citizen, api.find_slot()["id"])
        keys = requests.get(svc.url + "/v1/keys", timeout=10).json()["keys"]
        dump = work / "turnos.dump"
        _run(["pg_dump", "--format=custom", f"--file={dump}", cluster.libpq(source)])
        credentials = svc.credentials
    return Backup(dump, booked, citizen, credentials, keys)


def _turnos(*argv: str, database_url: str, data_dir: Path, secret: str = SECRET) -> str:
    """A `turnos` command as an operator runs it: its own process, settings from TURNOS_*."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("TURNOS_")}
    env.update(
        TURNOS_DATABASE_URL=database_url, TURNOS_SECRET=secret, TURNOS_DATA_DIR=str(data_dir)
    )
    return _run([sys.executable, "-m", "turnos", *argv], env=env)


def _restore(cluster: Cluster, backup: Backup, name: str) -> str:
    """`createdb` and `pg_restore` into a fresh database: its TURNOS_DATABASE_URL."""
    database = f"{cluster.role}_{name}"
    cluster.createdb(database)
    restore = ["pg_restore", "--no-owner", "--single-transaction"]
    _run([*restore, f"--dbname={cluster.libpq(database)}", str(backup.dump)])
    return cluster.url(database)


def _turn_day(backup: Backup) -> dt.date:
    return dt.date.fromisoformat(backup.booking["booking"]["start"][:10])


def test_a_restored_database_serves_its_turns_with_the_same_secret(
    cluster: Cluster, backup: Backup, tmp_path: Path
) -> None:
    url = _restore(cluster, backup, "dst")
    # A backup from an older release is brought up to date; this one already is.
    assert _turnos("db", "upgrade", database_url=url, data_dir=tmp_path / "cli") == (
        "database is up to date\n"
    )
    outbox = tmp_path / "outbox"
    # Not a demo: nothing is seeded, the tokens are the restored ones.
    with start_embedded(
        tmp_path / "svc", demo=False, database_url=url, secret=SECRET, outbox_dir=outbox
    ) as svc:
        api = Api(svc.url, backup.credentials, outbox)
        booking = backup.booking["booking"]

        # The citizen's turn is there, seen by the citizen's own session and by the counter.
        r = api.call("GET", "/v1/bookings/current", headers=api.as_citizen(backup.citizen))
        assert r.status_code == 200, r.text
        [current] = r.json()["bookings"]
        assert (current["id"], current["code"], current["token"]) == (
            booking["id"],
            booking["code"],
            backup.booking["token"],
        )
        r = api.call(
            "GET",
            f"/v1/agencies/{booking['agency']}/bookings",
            params={"date": _turn_day(backup).isoformat()},
            headers=api.staff(booking["agency"]),
        )
        assert r.status_code == 200, r.text
        assert booking["id"] in [b["id"] for b in r.json()["bookings"]]

        # Its confirmation token verifies against the restored service's keys: the same keys.
        jwks = requests.get(svc.url + "/v1/keys", timeout=10).json()
        assert jwks["keys"] == backup.keys
        claims = verify(backup.booking["token"], KeySet.from_jwks(jwks), svc.context.now())
        assert claims.turn_code == booking["code"]
        # And the sealed private key opens: a new turn is signed by it.
        later = (_turn_day(backup) - api.today()).days + 1  # not on the day closed below
        slot = api.find_slot(procedure="CLAVE_AFILIADO", skip_days=later)
        again = api.booked(backup.citizen, slot["id"])
        verify(again["token"], KeySet.from_jwks(jwks), svc.context.now())

        # The sealed contact opens: a closure notice reaches the address the citizen gave.
        day = _turn_day(backup)
        outcome = add_closure(svc.context, booking["agency"], day, day, "Cierre de prueba")
        assert (outcome.cancelled, outcome.notified, outcome.not_notified) == (1, 1, 0)
        *_confirmation, notice = messages_to(outbox, backup.citizen.email)
        assert notice["To"] == backup.citizen.email
        assert booking["code"] in notice.get_body(("plain",)).get_content()


def test_another_secret_is_refused_at_start_and_opens_nothing(
    cluster: Cluster,
    backup: Backup,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """What an operator meets who restores without the secret the database was sealed with
    (docs/operations.md): `turnos db upgrade` and the service's start both stop at once and
    name the fix, instead of a service that answers 500 at its first booking; a closure, which
    needs the citizens' sealed contacts, is refused and cancels nothing."""
    url = _restore(cluster, backup, "other")
    other = secrets.token_hex(32)
    env = {k: v for k, v in os.environ.items() if not k.startswith("TURNOS_")}
    env.update(TURNOS_DATABASE_URL=url, TURNOS_SECRET=other, TURNOS_DATA_DIR=str(tmp_path / "cli"))
    upgrade = subprocess.run(
        [sys.executable, "-m", "turnos", "db", "upgrade"],
        capture_output=True, text=True, timeout=120, env=env, check=False,
    )  # fmt: skip
    assert upgrade.returncode == 2, upgrade.stderr
    assert "not the service secret this database was made with" in upgrade.stderr
    assert "TURNOS_SECRET" in upgrade.stderr
    with pytest.raises(SigningKeyError, match="not the service secret this database was made"):
        start_embedded(tmp_path / "svc", demo=False, database_url=url, secret=other)

    # A closure needs the citizens' sealed contacts: refused, and nothing is cancelled.
    outbox = tmp_path / "outbox"
    for name, value in {
        "TURNOS_DATABASE_URL": url,
        "TURNOS_SECRET": other,
        "TURNOS_DATA_DIR": str(tmp_path / "cli"),
        "TURNOS_OUTBOX_DIR": str(outbox),
    }.items():
        monkeypatch.setenv(name, value)
    day = _turn_day(backup).isoformat()
    close = ["closures", "add", "--agency", str(backup.booking["booking"]["agency"])]
    assert cli.main([*close, "--from", day, "--to", day, "--reason", "Cierre"]) == 2
    err = capsys.readouterr().err
    assert err.strip() == "turnos: bookings.email: does not open with this service secret"
    with start_embedded(tmp_path / "again", demo=False, database_url=url, secret=SECRET) as svc:
        api = Api(svc.url, backup.credentials, outbox)
        r = api.call("GET", "/v1/bookings/current", headers=api.as_citizen(backup.citizen))
        assert [b["state"] for b in r.json()["bookings"]] == ["active"]
    assert not outbox.exists() or not list(outbox.iterdir())
