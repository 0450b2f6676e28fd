"""`kiosk doctor` against the real service on loopback, real printers and a kiosk PC's files."""

from __future__ import annotations

import email.utils
import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kiosk.field.checks import Check
from kiosk.field.doctor import diagnose
from kiosk.field.words import Words
from tests.field.conftest import (
    CupsServer,
    FakeEscposPrinter,
    KioskPc,
    env_without_kiosk_settings,
    issue_token,
    write_config,
)
from tests.helpers import scripted_http
from tests.helpers.scripted_http import Reply, ScriptedServer
from turnos.embedded import EmbeddedService, start_embedded

ES = Words("es")
NAMES = [
    "config", "version", "service", "token", "api_version", "clock", "timezone", "printer",
    "display", "touch", "fonts", "translations", "disk", "reach_band",
]  # fmt: skip


def settings_text(url: str, token: str, printer: str) -> str:
    return f'[service]\nurl = "{url}"\nkiosk_token = "{token}"\n[printer]\n{printer}\n'


def file_printer(tmp_path: Path) -> str:
    return f'backend = "file"\noutput_dir = "{tmp_path / "slips"}"'


def by_name(checks: list[Check]) -> dict[str, Check]:
    return {c.name: c for c in checks}


def test_a_healthy_kiosk_passes_every_check(
    tmp_path: Path, service: EmbeddedService, kiosk_pc: KioskPc
) -> None:
    token = service.credentials["kiosk_token"]
    config = write_config(
        tmp_path / "etc", settings_text(service.url, token, file_printer(tmp_path))
    )
    checks = diagnose(config, ES, machine=kiosk_pc.machine())
    assert [c.name for c in checks] == NAMES
    failures = [c for c in checks if not c.ok]
    assert not failures, failures
    found = by_name(checks)
    assert found["service"].detail == f"responde en {service.url} (servicio 0.1.0)"
    assert found["token"].detail.startswith("aceptado, es de un kiosco")
    assert found["clock"].detail.endswith("s de diferencia con el servicio")
    assert found["timezone"].detail == "America/Guayaquil (de /etc/localtime)"
    assert found["display"].detail == "monitor conectado: card0-HDMI-A-1"
    assert found["touch"].detail == "ILITEK ILITEK-TP"  # the touchpad is not a touchscreen
    assert "DejaVu Sans" in found["fonts"].detail
    assert found["translations"].detail == "kiosk_en.qm, kiosk_es.qm cargan"
    assert all(c.fix is None for c in checks)
    assert token not in json.dumps([c.to_json() for c in checks])


def test_the_catalogue_of_every_offered_language_is_checked(
    tmp_path: Path, service: EmbeddedService, kiosk_pc: KioskPc
) -> None:
    """Every offered language's catalogue is loaded by Qt, not only Spanish and English (the
    pseudo language's is built with the others)."""
    token = service.credentials["kiosk_token"]
    base = settings_text(service.url, token, file_printer(tmp_path))
    offered = write_config(tmp_path / "a", base + '[kiosk]\nlanguages = ["es", "en", "qps"]\n')
    found = by_name(diagnose(offered, ES, machine=kiosk_pc.machine()))
    assert found["translations"].ok
    assert found["translations"].detail == "kiosk_en.qm, kiosk_es.qm, kiosk_qps.qm cargan"
    # One offered without its catalogue fails already as configuration, naming the file.
    missing = write_config(tmp_path / "b", base + '[kiosk]\nlanguages = ["es", "qu"]\n')
    found = by_name(diagnose(missing, ES, machine=kiosk_pc.machine()))
    assert not found["config"].ok
    assert "kiosk_qu.qm" in found["config"].detail


def test_service_down_says_it_cannot_connect_and_what_to_do(
    tmp_path: Path, kiosk_pc: KioskPc
) -> None:
    gone = start_embedded(tmp_path / "turnos", demo=True)
    url, token = gone.url, gone.credentials["kiosk_token"]
    gone.stop()
    config = write_config(tmp_path / "etc", settings_text(url, token, file_printer(tmp_path)))
    found = by_name(diagnose(config, ES, machine=kiosk_pc.machine()))
    assert not found["service"].ok
    assert found["service"].detail == f"no se puede conectar con {url}"
    assert found["service"].fix is not None
    assert f"curl {url}/v1/health" in found["service"].fix
    for name in ("token", "api_version", "clock"):
        assert not found[name].ok
        assert found[name].detail == "sin comprobar: el servicio no respondió"
    assert found["printer"].ok
    assert found["config"].ok


@pytest.mark.parametrize(
    ("role", "revoked", "detail"),
    [
        ("kiosk", True, "el servicio no reconoce el token (mal copiado o revocado)"),
        ("staff", False, "el token es válido pero no es de un kiosco"),
        ("operator", False, "el token es válido pero no es de un kiosco"),
    ],
)
def test_a_token_not_authorised_as_a_kiosk_fails(
    tmp_path: Path,
    service: EmbeddedService,
    kiosk_pc: KioskPc,
    role: str,
    revoked: bool,
    detail: str,
) -> None:
    token = issue_token(service, role, revoked=revoked)
    config = write_config(
        tmp_path / "etc", settings_text(service.url, token, file_printer(tmp_path))
    )
    found = by_name(diagnose(config, ES, machine=kiosk_pc.machine()))
    assert found["service"].ok
    assert found["api_version"].ok
    assert not found["token"].ok
    assert found["token"].detail.startswith(detail)
    assert found["token"].fix is not None
    assert "turnos tokens issue kiosk" in found["token"].fix


def test_escpos_printer_out_of_paper_fails_with_sin_papel(
    tmp_path: Path,
    service: EmbeddedService,
    kiosk_pc: KioskPc,
    escpos_printer: FakeEscposPrinter,
) -> None:
    token = service.credentials["kiosk_token"]
    printer = f'backend = "escpos"\nescpos_host = "127.0.0.1"\nescpos_port = {escpos_printer.port}'
    config = write_config(tmp_path / "etc", settings_text(service.url, token, printer))
    found = by_name(diagnose(config, ES, machine=kiosk_pc.machine()))
    assert found["printer"].ok
    assert found["printer"].detail == f"lista (escpos 127.0.0.1:{escpos_printer.port})"

    escpos_printer.status[4] = bytes([0x12 | 0x60])  # roll paper sensor: paper end
    found = by_name(diagnose(config, ES, machine=kiosk_pc.machine()))
    assert not found["printer"].ok
    assert found["printer"].detail == "sin papel"
    assert found["printer"].fix == "cargue un rollo de papel nuevo y cierre bien la tapa"
    # the heartbeat the doctor sent told the operators' list the same
    with service.context.db.engine.connect() as db:
        rows = db.exec_driver_sql("SELECT printer_state, paper FROM kiosk_status").fetchall()
    assert ("error", "out") in [tuple(r) for r in rows]


def test_escpos_printer_that_does_not_answer(
    tmp_path: Path, kiosk_pc: KioskPc, closed_port: int
) -> None:
    printer = f'backend = "escpos"\nescpos_host = "127.0.0.1"\nescpos_port = {closed_port}'
    config = write_config(tmp_path / "etc", f"[printer]\n{printer}\n")
    found = by_name(diagnose(config, ES, machine=kiosk_pc.machine()))
    assert not found["printer"].ok
    assert found["printer"].detail == f"la impresora no responde en 127.0.0.1:{closed_port}"
    assert "9100" in (found["printer"].fix or "")


@pytest.mark.cups
def test_cups_queues_present_missing_rejecting_and_stopped(
    tmp_path: Path, kiosk_pc: KioskPc, cups_env: CupsServer
) -> None:
    cups_env.add_pdf_queue("FIELD_OK", cups_env.out_dir / "field-ok.pdf")

    def printer_check(queue: str) -> Check:
        config = write_config(tmp_path / "etc", f'[printer]\nbackend = "cups"\nqueue = "{queue}"\n')
        return by_name(diagnose(config, ES, machine=kiosk_pc.machine()))["printer"]

    ok = printer_check("FIELD_OK")
    assert ok.ok
    assert ok.detail.startswith("lista (cups FIELD_OK)")
    missing = printer_check("FIELD_NOPE")
    assert not missing.ok
    assert missing.detail.startswith("no existe la cola FIELD_NOPE en CUPS (colas que hay: ")
    assert "FIELD_OK" in missing.detail
    assert missing.fix is not None
    assert "lpadmin -p FIELD_NOPE" in missing.fix
    assert cups_env.run("cupsreject", "FIELD_OK").returncode == 0
    rejecting = printer_check("FIELD_OK")
    assert (rejecting.ok, rejecting.fix) == (False, "sudo cupsaccept FIELD_OK")
    assert cups_env.run("cupsaccept", "FIELD_OK").returncode == 0
    assert cups_env.run("cupsdisable", "FIELD_OK").returncode == 0
    stopped = printer_check("FIELD_OK")
    assert not stopped.ok
    assert stopped.fix is not None
    assert "cupsenable FIELD_OK" in stopped.fix


def _shifted_date(seconds: float) -> object:
    def date_time_string(self: object, timestamp: float | None = None) -> str:
        return email.utils.formatdate(time.time() + seconds, usegmt=True)

    return date_time_string


@pytest.mark.parametrize(("shift", "word"), [(120, "atrasado"), (-90, "adelantado")])
def test_a_clock_off_by_more_than_30_s_fails(
    tmp_path: Path,
    kiosk_pc: KioskPc,
    scripted: ScriptedServer,
    monkeypatch: pytest.MonkeyPatch,
    shift: float,
    word: str,
) -> None:
    monkeypatch.setattr(scripted_http._Handler, "date_time_string", _shifted_date(shift))
    scripted.reply("GET", "/v1/health", Reply(body={"status": "ok", "api_version": "1"}))
    config = write_config(tmp_path / "etc", f'[service]\nurl = "{scripted.url}"\n')
    clock = by_name(diagnose(config, ES, machine=kiosk_pc.machine()))["clock"]
    assert not clock.ok
    assert clock.detail == f"el reloj de este kiosco va {abs(shift)} s {word} respecto del servicio"
    assert clock.fix is not None
    assert "timedatectl set-ntp true" in clock.fix


def test_another_api_version_fails_with_the_fix(
    tmp_path: Path, kiosk_pc: KioskPc, scripted: ScriptedServer
) -> None:
    scripted.reply("GET", "/v1/health", Reply(body={"status": "ok", "api_version": "2.0"}))
    config = write_config(tmp_path / "etc", f'[service]\nurl = "{scripted.url}"\n')
    found = by_name(diagnose(config, ES, machine=kiosk_pc.machine()))
    assert found["service"].ok
    assert (found["api_version"].ok, found["api_version"].detail) == (
        False,
        "el servicio usa la API 2.0; este kiosco necesita la 1",
    )
    assert found["token"].detail == "sin comprobar: el servicio no respondió"


def test_a_page_that_is_not_the_service(
    tmp_path: Path, kiosk_pc: KioskPc, scripted: ScriptedServer
) -> None:
    scripted.reply("GET", "/v1/health", Reply(body=b"<html>router</html>"))
    config = write_config(tmp_path / "etc", f'[service]\nurl = "{scripted.url}"\n')
    service_check = by_name(diagnose(config, ES, machine=kiosk_pc.machine()))["service"]
    assert service_check.detail == f"{scripted.url} responde, pero no como el servicio de turnos"


def test_bad_settings_name_the_dropin_and_hold_back_what_needs_them(
    tmp_path: Path, kiosk_pc: KioskPc
) -> None:
    config = write_config(tmp_path / "etc")
    dropin = config.parent / "kiosk.d" / "50-provision.toml"
    dropin.write_text('[printer]\nquue = "X"\n')
    found = by_name(diagnose(config, ES, machine=kiosk_pc.machine()))
    assert not found["config"].ok
    assert found["config"].detail == (
        f"{dropin}: printer.quue: unknown setting (see kiosk.example.toml)"
    )
    for name in ("service", "printer", "disk", "reach_band"):
        assert found[name].detail == "sin comprobar: la configuración no es válida"
    assert found["display"].ok
    assert found["fonts"].ok


def test_no_service_configured(tmp_path: Path, kiosk_pc: KioskPc) -> None:
    found = by_name(diagnose(None, ES, machine=kiosk_pc.machine()))
    assert found["config"].detail == "sin archivo de configuración: valores de demostración"
    assert not found["service"].ok
    assert (
        found["service"].fix
        == "ejecute kiosk provision (dirección del servicio y token del kiosco)"
    )


def test_little_disk_space_fails(tmp_path: Path, kiosk_pc: KioskPc) -> None:
    config = write_config(tmp_path / "etc", f"[printer]\n{file_printer(tmp_path)}\n")
    machine = kiosk_pc.machine()
    machine.min_free_bytes = 10**18
    disk = by_name(diagnose(config, ES, machine=machine))["disk"]
    assert not disk.ok
    assert disk.detail.startswith("solo ")
    assert "hacen falta 1000000000.0 GB" in disk.detail
    assert disk.fix is not None
    assert "journalctl --vacuum-size" in disk.fix


def _run(args: list[str], **env: str) -> subprocess.CompletedProcess[str]:
    environ = env_without_kiosk_settings()
    environ.pop("QT_QPA_PLATFORM", None)
    environ.update(env)
    return subprocess.run(
        [sys.executable, "-m", "kiosk.cli", *args],
        capture_output=True,
        text=True,
        env=environ,
        stdin=subprocess.DEVNULL,
        timeout=120,
    )


def test_the_command_json_shape_and_exit_codes(tmp_path: Path, service: EmbeddedService) -> None:
    token = service.credentials["kiosk_token"]
    config = write_config(
        tmp_path / "etc", settings_text(service.url, token, file_printer(tmp_path))
    )
    # A bench machine: no screen on purpose, Ecuador's time for this process.
    done = _run(
        ["--config", str(config), "doctor", "--json", "--lang", "en", "--no-display"],
        TZ="America/Guayaquil",
    )
    assert done.returncode == 0, done.stdout + done.stderr
    report = json.loads(done.stdout)
    assert set(report) == {"ok", "checks"}
    assert report["ok"] is True
    assert [c["name"] for c in report["checks"]] == NAMES
    for check in report["checks"]:
        assert set(check) == {"name", "ok", "detail", "fix"}
        assert check["ok"] is True
        assert check["fix"] is None
        assert check["detail"]
    assert report["checks"][8]["detail"] == "no display (expected: --no-display)"
    assert token not in done.stdout + done.stderr

    # The same machine, told nothing: no display, and the time zone of the PC.
    done = _run(["--config", str(config), "doctor"], TZ="Europe/Madrid")
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    assert lines[0] == "kiosk doctor — kiosco versión 0.1.0"
    assert "[FALLA] Zona horaria: la zona es Europe/Madrid; debe ser" in done.stdout
    assert any(line.startswith("        Qué hacer: sudo timedatectl") for line in lines)
    assert lines[-1].endswith("vuelva a ejecutar kiosk doctor.")
