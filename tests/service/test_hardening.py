"""The data directory is private to the service's user; `turnos kiosks` prints no terminal
control characters from a heartbeat; outside demo mode there is no /docs."""

from __future__ import annotations

import json
import os
import stat
import unicodedata
from pathlib import Path

import pytest
import requests

from turnos import cli
from turnos.embedded import start_embedded


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_data_directory_and_files_are_private(tmp_path: Path) -> None:
    data = tmp_path / "data"
    # An installation made before the rule: a world-readable directory and secret.
    data.mkdir(mode=0o755)
    os.chmod(data, 0o755)  # noqa: S103 - the permissive state the service must tighten
    (data / "secret.key").write_text("a" * 64)
    os.chmod(data / "secret.key", 0o644)
    old_umask = os.umask(0o022)  # the usual default, under which SQLite makes 0644 files
    try:
        svc = start_embedded(data, demo=False)
    finally:
        os.umask(old_umask)
    with svc:
        # Outside demo mode there is no docs UI (it would load JavaScript from a CDN).
        assert requests.get(svc.url + "/docs", timeout=10).status_code == 404
        assert requests.get(svc.url + "/v1/health", timeout=10).status_code == 200
        assert _mode(data) == 0o700
        files = sorted(p.name for p in data.iterdir() if p.is_file())
        assert {"turnos.db", "secret.key"} <= set(files)
        for name in files:
            assert _mode(data / name) == 0o600, name


def test_a_fresh_data_directory_is_created_private(tmp_path: Path) -> None:
    data = tmp_path / "new" / "data"
    old_umask = os.umask(0o022)
    try:
        svc = start_embedded(data, demo=True)
    finally:
        os.umask(old_umask)
    with svc:
        assert _mode(data) == 0o700
        for name in ("turnos.db", "secret.key"):
            assert _mode(data / name) == 0o600, name


HOSTILE = "año papel\x1b]0;owned\x07\x1b[2J\x9b31m\u202eliated\u200b\x7f fin"


@pytest.fixture
def no_turnos_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in [n for n in os.environ if n.startswith("TURNOS_")]:
        monkeypatch.delenv(name)


@pytest.mark.usefixtures("no_turnos_env")
def test_kiosks_command_prints_no_control_characters(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with start_embedded(tmp_path, demo=True) as svc:
        kiosk = {"Authorization": f"Bearer {svc.credentials['kiosk_token']}"}
        heartbeat = {"version": "1.0\x1b[31m", "printer_state": "ok", "last_error": HOSTILE}
        r = requests.post(
            svc.url + "/v1/kiosks/heartbeat", json=heartbeat, headers=kiosk, timeout=10
        )
        assert r.status_code == 200, r.text
        assert cli.main(["kiosks", "--data-dir", str(tmp_path)]) == 0
        table = capsys.readouterr().out
        assert cli.main(["kiosks", "--json", "--data-dir", str(tmp_path)]) == 0
        document = capsys.readouterr().out
    for out in (table, document):
        assert out.splitlines()
        for ch in out.replace("\n", ""):
            assert unicodedata.category(ch) not in {"Cc", "Cf"}, repr(ch)
        assert "año papel" in out  # text that is not a control stays as it is, readable
    assert "1.0\\u001b[31m" in table  # the table shows the escape, readable
    # --json: one JSON document on one line, saying exactly what the kiosk sent.
    [line] = document.splitlines()
    listed = json.loads(line)["kiosks"]
    seen = next(row for row in listed if row["last_error"] is not None)
    assert seen["last_error"] == HOSTILE
    assert seen["version"] == "1.0\x1b[31m"
