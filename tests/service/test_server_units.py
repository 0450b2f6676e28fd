"""The service on a server: installer/systemd/turnos.service and its turnos.env.example.

systemd does not run here, but `systemd-analyze verify` reads a unit as systemd would (unknown
keys, bad values, a command that is not there); the rest is checked by reading the files: the
directives that matter, the command line against `turnos`'s own parser, every variable of the
example against the settings.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
from importlib.metadata import entry_points
from pathlib import Path

import pytest

from turnos import cli
from turnos.settings import Settings

REPO = Path(__file__).resolve().parents[2]
UNITS = REPO / "installer" / "systemd"
SERVICE = UNITS / "turnos.service"
ENV_EXAMPLE = UNITS / "turnos.env.example"
INSTALLED = "/opt/turnos/venv/bin/turnos"  # where the unit expects the service installed


def _unit(path: Path) -> dict[str, dict[str, list[str]]]:
    """A unit file as systemd reads it: sections of keys, each with every value given (a key
    may repeat, e.g. SystemCallFilter=). configparser cannot: it refuses repeated keys."""
    sections: dict[str, dict[str, list[str]]] = {}
    current: dict[str, list[str]] | None = None
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], {})
            continue
        assert current is not None, f"{path.name}: {line!r} before any section"
        assert not line.endswith("\\"), f"{path.name}: no continued lines, please: {line!r}"
        key, sep, value = line.partition("=")
        assert sep, f"{path.name}: not KEY=value: {line!r}"
        current.setdefault(key.strip(), []).append(value.strip())
    return sections


def _env_example() -> tuple[dict[str, str], set[str]]:
    """The variables set in the example, and those only described (commented out)."""
    active: dict[str, str] = {}
    described: set[str] = set()
    for line in ENV_EXAMPLE.read_text(encoding="utf-8").splitlines():
        if m := re.fullmatch(r"(TURNOS_[A-Z0-9_]+)=(\S*)", line):
            assert m[1] not in active, f"{m[1]} set twice"
            active[m[1]] = m[2]
        elif m := re.fullmatch(r"#(TURNOS_[A-Z0-9_]+)=.*", line):
            described.add(m[1])
        else:
            assert not line or line.startswith("#"), f"not KEY=value nor a comment: {line!r}"
    return active, described


def test_the_unit_runs_turnos_serve_as_its_own_user_with_the_settings_file() -> None:
    service = _unit(SERVICE)["Service"]
    assert service["User"] == ["turnos"]
    assert service["Group"] == ["turnos"]
    assert service["EnvironmentFile"] == ["/etc/turnos/turnos.env"]
    assert service["Restart"] == ["on-failure"]
    # `turnos serve` migrates before it answers (under a lock on PostgreSQL): no ExecStartPre,
    # which the start timeout would kill in the middle of a long migration.
    assert "ExecStartPre" not in service
    [exec_start] = service["ExecStart"]
    program, *argv = exec_start.split()
    assert program == INSTALLED
    args = cli.build_parser().parse_args(argv)
    assert args.func is cli.cmd_serve
    assert not args.no_upgrade
    assert not args.demo
    # The program is the project's console script, installed here as it will be there.
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["scripts"]["turnos"] == "turnos.cli:main"
    [script] = entry_points(group="console_scripts", name="turnos")
    assert script.value == "turnos.cli:main"


def test_the_unit_is_hardened_and_writes_only_the_data_directory() -> None:
    service = _unit(SERVICE)["Service"]
    active, _ = _env_example()
    data_dir = active["TURNOS_DATA_DIR"]
    assert data_dir == "/var/lib/" + service["StateDirectory"][0]
    assert service["ReadWritePaths"] == [data_dir]
    assert service["WorkingDirectory"] == [data_dir]
    assert service["StateDirectoryMode"] == ["0700"]
    assert service["UMask"] == ["0077"]
    wanted = {
        "NoNewPrivileges": "yes",
        "ProtectSystem": "strict",
        "ProtectHome": "yes",
        "PrivateTmp": "yes",
        "PrivateDevices": "yes",
        "ProtectKernelTunables": "yes",
        "ProtectKernelModules": "yes",
        "ProtectControlGroups": "yes",
        "RestrictSUIDSGID": "yes",
        "CapabilityBoundingSet": "",
    }
    assert {key: service[key] for key in wanted} == {k: [v] for k, v in wanted.items()}
    assert _unit(SERVICE)["Install"]["WantedBy"] == ["multi-user.target"]


def test_systemd_reads_the_unit_without_a_complaint(tmp_path: Path) -> None:
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        pytest.skip("systemd-analyze is not installed (Debian package systemd)")
    here = Path(sys.executable).parent / "turnos"  # this environment's console script
    assert os.access(here, os.X_OK)
    unit = tmp_path / "turnos.service"
    unit.write_text(SERVICE.read_text(encoding="utf-8").replace(INSTALLED, str(here)))
    done = subprocess.run(
        [analyze, "verify", str(unit)], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "turnos.service" not in done.stderr, done.stderr  # a warning about the unit itself


def test_the_settings_example_names_real_settings_and_no_secret() -> None:
    active, described = _env_example()
    fields = set(Settings.model_fields)
    for name in active.keys() | described:
        assert name.removeprefix("TURNOS_").lower() in fields, f"{name} is no setting"
    # What a PostgreSQL service of several processes must be told.
    must = {"TURNOS_DATABASE_URL", "TURNOS_DATA_DIR", "TURNOS_DB_POOL_SIZE"}
    must |= {"TURNOS_DB_MAX_OVERFLOW", "TURNOS_SMTP_HOST", "TURNOS_MAIL_FROM"}
    must |= {"TURNOS_SMS_GATEWAY_URL", "TURNOS_KIOSK_SILENT_AFTER_S"}
    assert must <= active.keys()
    assert "TURNOS_SECRET" in described  # generated on the server, never a value in a file here
    assert active["TURNOS_DATABASE_URL"].startswith("postgresql+psycopg://")
    assert not active.keys() & {"TURNOS_DEMO", "TURNOS_OUTBOX_DIR"}
    for name, value in active.items():
        if re.search(r"PASSWORD|TOKEN|SECRET", name):
            assert value == "CHANGE-ME", name
    assert ":CHANGE-ME@" in active["TURNOS_DATABASE_URL"]
    # Every value is one the service accepts.
    settings = Settings(**{k.removeprefix("TURNOS_").lower(): v for k, v in active.items()})
    assert settings.database_url == active["TURNOS_DATABASE_URL"]
    assert str(settings.data_dir) == active["TURNOS_DATA_DIR"]


def test_a_shell_reads_the_example_as_systemd_does() -> None:
    """Operator commands load the file with `set -a; . FILE`: the same values must come out."""
    active, _ = _env_example()
    clean = {k: v for k, v in os.environ.items() if not k.startswith("TURNOS_")}
    done = subprocess.run(
        ["sh", "-c", 'set -a; . "$0"; env', str(ENV_EXAMPLE)],
        capture_output=True,
        text=True,
        timeout=30,
        env=clean,
        check=True,
    )
    seen = dict(line.split("=", 1) for line in done.stdout.splitlines() if "=" in line)
    assert {k: v for k, v in seen.items() if k.startswith("TURNOS_")} == active
