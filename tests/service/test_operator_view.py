"""What operators see of the fleet: a kiosk over its budget (in `GET /v1/kiosks` and in its
heartbeat), and the kiosks that went silent (`GET /v1/kiosks`, `turnos kiosks`)."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.service.helpers import Api, new_cedula, problem
from turnos.clock import MovableClock
from turnos.embedded import EmbeddedService, start_embedded
from turnos.services import tokens
from turnos.services.kiosks import is_silent
from turnos.services.tokens import Role
from turnos.terminal import seconds_ago

HEARTBEAT = {"version": "9.9.9", "printer_state": "ok", "paper": "ok", "last_error": None}


@pytest.fixture
def clock() -> MovableClock:
    return MovableClock()  # this test's own: it moves an hour on


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def tight(
    request: pytest.FixtureRequest, clock: MovableClock, tmp_path: Path
) -> Iterator[EmbeddedService]:
    """Two lookups an hour per kiosk (its own database): the third is refused."""
    database_url = None
    if request.param == "postgres":
        fresh: Callable[[], str] = request.getfixturevalue("pg_schema")
        database_url = fresh()
    service = start_embedded(
        tmp_path / "turnos",
        database_url=database_url,
        clock=clock,
        kiosk_lookups_per_hour=2,
        kiosk_lookups_burst=2,
    )
    try:
        yield service
    finally:
        service.stop()


def _lookup(api: Api) -> int:
    body = {"id_type": "cedula", "id_number": new_cedula()}
    r = api.call("POST", "/v1/citizens/lookup", json=body)
    if r.status_code == 429:
        problem(r, 429, "kiosk_budget")
    return r.status_code


def _kiosk_row(api: Api) -> dict[str, object]:
    r = api.call("GET", "/v1/kiosks", headers=api.operator)
    assert r.status_code == 200, r.text
    [row] = [k for k in r.json()["kiosks"] if k["version"] == HEARTBEAT["version"]]
    assert isinstance(row, dict)
    return row


def test_a_kiosk_over_its_budget_shows_in_the_heartbeat_and_the_kiosk_list(
    tight: EmbeddedService, clock: MovableClock
) -> None:
    api = Api(tight.url, tight.credentials, tight.outbox, clock)
    r = api.call("POST", "/v1/kiosks/heartbeat", json=HEARTBEAT)
    assert r.status_code == 200, r.text
    assert r.json()["over_budget"] == {}  # within budget: nothing to show
    assert _kiosk_row(api)["over_budget"] == {}

    assert [_lookup(api) for _ in range(3)] == [200, 200, 429]
    refused_at = dt.datetime.fromtimestamp(clock.now(), dt.UTC)

    r = api.call("POST", "/v1/kiosks/heartbeat", json=HEARTBEAT)
    assert r.status_code == 200, r.text
    [(budget, when)] = r.json()["over_budget"].items()
    assert budget == "lookups"
    assert abs((dt.datetime.fromisoformat(when) - refused_at).total_seconds()) <= 2
    assert _kiosk_row(api)["over_budget"] == {"lookups": when}

    clock.advance(3601)  # shown for an hour after the last refusal, then gone
    assert api.call("POST", "/v1/kiosks/heartbeat", json=HEARTBEAT).json()["over_budget"] == {}
    assert _kiosk_row(api)["over_budget"] == {}


# --- silent kiosks ------------------------------------------------------------------------


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def fleet(
    request: pytest.FixtureRequest, clock: MovableClock, tmp_path: Path
) -> Iterator[EmbeddedService]:
    """The demo service on a database of its own, with this test's clock."""
    database_url = None
    if request.param == "postgres":
        fresh: Callable[[], str] = request.getfixturevalue("pg_schema")
        database_url = fresh()
    service = start_embedded(tmp_path / "turnos", database_url=database_url, clock=clock)
    try:
        yield service
    finally:
        service.stop()


def _issue_kiosk(service: EmbeddedService, name: str, *, revoked: bool = False) -> str:
    """A kiosk token issued as `turnos tokens issue kiosk` does (revoked at once if asked)."""
    ctx = service.context
    with ctx.db.transaction() as session:
        token_id, token = tokens.issue(session, Role.KIOSK, name, ctx.now())
        if revoked:
            assert tokens.revoke(session, token_id, ctx.now())
    return token


def _beat(service: EmbeddedService, token: str, **fields: Any) -> None:
    api = Api(service.url, {"kiosk_token": token}, service.outbox)
    r = api.call("POST", "/v1/kiosks/heartbeat", json={**HEARTBEAT, **fields})
    assert r.status_code == 200, r.text


def test_a_kiosk_that_stops_reporting_is_silent_after_five_minutes(
    fleet: EmbeddedService, clock: MovableClock
) -> None:
    api = Api(fleet.url, fleet.credentials, fleet.outbox, clock)
    _issue_kiosk(fleet, "never-seen")
    _issue_kiosk(fleet, "retired", revoked=True)

    def silent() -> dict[str, bool]:
        r = api.call("GET", "/v1/kiosks", headers=api.operator)
        assert r.status_code == 200, r.text
        return {k["name"]: k["silent"] for k in r.json()["kiosks"]}

    _beat(fleet, fleet.credentials["kiosk_token"])
    # Never seen: silent from the start. Revoked: it may not report, so its silence is not news.
    assert silent() == {"demo kiosk": False, "never-seen": True, "retired": False}
    # TURNOS_KIOSK_SILENT_AFTER_S is 300 s. The movable clock keeps running (a loaded machine
    # may take seconds between two calls), so the checks stand clear of the boundary; its exact
    # second is `is_silent`'s, tested below.
    clock.advance(280)
    assert silent()["demo kiosk"] is False
    clock.advance(25)
    assert silent()["demo kiosk"] is True
    _beat(fleet, fleet.credentials["kiosk_token"])  # it reports again: no longer silent
    assert silent()["demo kiosk"] is False


def _turnos_kiosks(data_dir: Path, *options: str, **env: str) -> subprocess.CompletedProcess[str]:
    """`turnos kiosks` as an operator runs it, on the system clock, with no other TURNOS_*."""
    environ = {k: v for k, v in os.environ.items() if not k.startswith("TURNOS_")}
    argv = [sys.executable, "-m", "turnos", "kiosks", "--data-dir", str(data_dir), *options]
    return subprocess.run(
        argv, capture_output=True, text=True, timeout=60, env={**environ, **env}, check=False
    )


def test_turnos_kiosks_lists_the_silent_first_and_check_fails_on_them(
    tmp_path: Path,
) -> None:
    """The command reads the system clock: the service's clock starts ten minutes behind it, so
    what the demo kiosk reported then is ten minutes old for the command."""
    clock = MovableClock(-600)
    hostile = "sin papel\x1b]0;owned\x07\x1b[2J\u202e"
    with start_embedded(tmp_path, clock=clock) as svc:
        _beat(svc, svc.credentials["kiosk_token"], paper="out", last_error=hostile)
        clock.advance(600)  # now
        fresh = _issue_kiosk(svc, "KIOSK-QUITO-02")
        _beat(svc, fresh, printer_state="offline")
        never = _issue_kiosk(svc, "KIOSK-GYE-01")
        _issue_kiosk(svc, "KIOSK-RETIRED", revoked=True)

        table = _turnos_kiosks(tmp_path)
        assert table.returncode == 0, table.stderr  # without --check: 0 whatever it lists
        out = table.stdout
        assert all(unicodedata.category(ch) not in {"Cc", "Cf"} for ch in out.replace("\n", ""))
        header, *rows, summary = out.splitlines()
        assert header.split()[:3] == ["STATE", "ID", "NAME"]
        # Silent first, the longest silent (never seen) first; then in service; then revoked.
        assert [row.split("  ")[0] for row in rows] == [
            "SILENCIOSO/silent",
            "SILENCIOSO/silent",
            "ok",
            "revoked",
        ]
        assert "KIOSK-GYE-01" in rows[0]
        assert "never" in rows[0]
        assert "demo kiosk" in rows[1]
        assert " 10 min ago " in rows[1]
        assert "\\u001b]0;owned\\u0007" in rows[1]  # what the kiosk sent, escaped, readable
        assert "KIOSK-QUITO-02" in rows[2]
        assert "offline" in rows[2]
        assert "KIOSK-RETIRED" in rows[3]
        assert summary.startswith("2 of 3 kiosks in service silent")

        probe = _turnos_kiosks(tmp_path, "--json", "--check")
        assert probe.returncode == 1, probe.stderr
        document = json.loads(probe.stdout)
        assert document["silent"] == 2
        listed = {k["name"]: k for k in document["kiosks"]}
        assert [k["id"] for k in document["kiosks"]] == sorted(k["id"] for k in listed.values())
        demo = listed["demo kiosk"]
        assert demo["silent"] is True
        assert 600 <= demo["last_seen_s_ago"] <= 630
        assert (demo["paper"], demo["last_error"]) == ("out", hostile)  # --json: all of it
        assert listed["KIOSK-GYE-01"]["silent"] is True
        assert listed["KIOSK-GYE-01"]["last_seen_s_ago"] is None
        assert listed["KIOSK-QUITO-02"]["silent"] is False
        assert listed["KIOSK-QUITO-02"]["last_seen_s_ago"] <= 30
        assert listed["KIOSK-RETIRED"]["silent"] is False

        _beat(svc, never)
        # The threshold is a setting: ten minutes of silence are fine under a fifteen minutes'.
        relaxed = _turnos_kiosks(tmp_path, "--check", "--json", TURNOS_KIOSK_SILENT_AFTER_S="900")
        assert relaxed.returncode == 0, relaxed.stderr
        assert json.loads(relaxed.stdout)["silent"] == 0


@pytest.mark.parametrize(
    ("seconds", "shown"),
    [
        (None, "never"),
        (0, "0 s ago"),
        (59, "59 s ago"),
        (60, "1 min ago"),
        (301, "5 min ago"),
        (3600, "1 h ago"),
        (3 * 3600 + 5 * 60 + 9, "3 h 5 min ago"),
        (86400, "1 d ago"),
        (2 * 86400 + 4 * 3600 + 59, "2 d 4 h ago"),
    ],
)
def test_how_long_ago_reads_for_a_person(seconds: int | None, shown: str) -> None:
    assert seconds_ago(seconds) == shown


@pytest.mark.parametrize(
    ("revoked", "seconds", "silent"),
    [
        (False, 300, False),  # five minutes are not "more than five minutes"
        (False, 301, True),
        (False, None, True),  # never reported
        (True, None, False),  # revoked: it may not report, its silence is not news
        (True, 10_000, False),
    ],
)
def test_silent_means_more_than_the_threshold(
    revoked: bool, seconds: int | None, silent: bool
) -> None:
    assert is_silent(revoked, seconds, 300) is silent
