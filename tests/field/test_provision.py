"""`kiosk provision` against the real service on loopback and real printers: what it writes,
what it refuses and how it says so, with and without a terminal."""

from __future__ import annotations

import os
import pty
import select
import stat
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import pytest

from kiosk.cli import build_parser
from kiosk.config import check_pin, load_settings
from kiosk.field.dropin import compose
from kiosk.field.fields import read_old
from kiosk.field.provision import Questions, run_provision
from kiosk.field.words import Words
from tests.field.conftest import (
    CupsServer,
    FakeEscposPrinter,
    env_without_kiosk_settings,
    issue_token,
    write_config,
)
from turnos.embedded import EmbeddedService

PIN = "135790"


class Site:
    """A kiosk's /etc/turnero-kiosk in tmp_path, and the flags that provision it."""

    def __init__(self, tmp_path: Path, service: EmbeddedService, token: str | None = None) -> None:
        self.config = write_config(tmp_path / "etc" / "turnero-kiosk")
        self.dropin = self.config.parent / "kiosk.d" / "50-provision.toml"
        self.token = token or service.credentials["kiosk_token"]
        self.token_file = tmp_path / "token.txt"
        self.token_file.write_text(self.token + "\n")
        self.slips = tmp_path / "slips"
        self.service = service

    def flags(self, **changes: str | None) -> list[str]:
        values: dict[str, str | None] = {
            "service-url": self.service.url,
            "kiosk-token-file": str(self.token_file),
            "agency": "171",
            "kiosk-id": "KIOSCO-QUITO-01",
            "printer-backend": "file",
            "printer-output-dir": str(self.slips),
            "paper": "80mm",
            "screen-diagonal": "21,5",
            "screen-width": "1080",
            "screen-height": "1920",
            "bottom-edge-mm": "800",
            "pin": PIN,
            "dropin": str(self.dropin),
        }
        values.update(changes)
        return [part for k, v in values.items() if v is not None for part in (f"--{k}", v)]


@pytest.fixture
def site(tmp_path: Path, service: EmbeddedService) -> Site:
    return Site(tmp_path, service)


def provision(site: Site, argv: list[str], **kwargs: object) -> int:
    args = build_parser().parse_args(["--config", str(site.config), "provision", *argv])
    return run_provision(args, interactive=False, **kwargs)  # type: ignore[arg-type]


def run_cli(argv: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kiosk.cli", *argv],
        capture_output=True,
        text=True,
        env=env_without_kiosk_settings(),
        stdin=subprocess.DEVNULL,
        timeout=120,
    )


def no_secrets(text: str, site: Site) -> None:
    assert site.token not in text
    assert PIN not in text


def test_flags_without_a_terminal_write_a_dropin_the_kiosk_loads(site: Site) -> None:
    done = run_cli(["provision", *site.flags()])
    assert done.returncode == 0, done.stdout + done.stderr
    no_secrets(done.stdout + done.stderr, site)
    assert "[ OK  ] Token del kiosco: aceptado, es de un kiosco" in done.stdout
    assert "[ OK  ] Agencia: 171 Agencia de demostración Quito Centro" in done.stdout
    assert f"Escrito: {site.dropin} (permisos 0640" in done.stdout
    assert stat.S_IMODE(site.dropin.stat().st_mode) == 0o640
    assert [p.name for p in site.dropin.parent.iterdir()] == ["50-provision.toml"]
    text = site.dropin.read_text()
    assert PIN not in text
    assert "# agencies: 171\n" in text
    # only what was given: nothing of idle, branding, staff, ESC/POS...
    keys = {line.split(" = ")[0] for line in text.splitlines() if " = " in line}
    assert keys == {
        "url", "kiosk_token", "id", "backend", "output_dir", "paper", "diagonal_in", "width_px",
        "height_px", "bottom_edge_mm", "pin_hash",
    }  # fmt: skip
    # The kiosk, started on the packaged file, reads it from kiosk.d/
    settings = load_settings(site.config, environ={})
    assert settings.service.url == site.service.url
    assert settings.service.kiosk_token == site.token
    assert settings.kiosk.id == "KIOSCO-QUITO-01"
    assert (settings.printer.backend, settings.printer.output_dir) == ("file", site.slips)
    assert settings.screen.diagonal_in == 21.5
    assert (settings.screen.width_px, settings.screen.height_px) == (1080, 1920)
    assert check_pin(PIN, settings.maintenance.pin_hash)
    # and the doctor agrees about the service
    doctor = run_cli(["--config", str(site.config), "doctor", "--json", "--no-display"])
    assert '"name": "token",\n      "ok": true' in doctor.stdout


def test_missing_values_without_a_terminal_are_named_not_asked(site: Site) -> None:
    done = run_cli(["provision", "--service-url", site.service.url, "--dropin", str(site.dropin)])
    assert done.returncode == 2
    assert "Faltan datos y no hay terminal para preguntarlos: --kiosk-token (o " in done.stdout
    assert "--agency, --kiosk-id, --printer-backend, --paper, --screen-diagonal," in done.stdout
    assert done.stdout.rstrip().endswith("--bottom-edge-mm, --pin")
    assert not site.dropin.exists()


@pytest.mark.parametrize(
    ("role", "revoked", "said"),
    [
        ("kiosk", True, "[FALLA] Token del kiosco: el servicio no reconoce el token"),
        ("staff", False, "[FALLA] Token del kiosco: el token es válido pero no es de un kiosco"),
    ],
)
def test_a_token_that_is_not_a_working_kiosk_token_is_refused(
    tmp_path: Path,
    service: EmbeddedService,
    capsys: pytest.CaptureFixture[str],
    role: str,
    revoked: bool,
    said: str,
) -> None:
    site = Site(tmp_path, service, issue_token(service, role, revoked=revoked))
    assert provision(site, site.flags()) == 1
    out = capsys.readouterr().out
    no_secrets(out, site)
    assert said in out
    assert "        Qué hacer: " in out
    assert "turnos tokens issue kiosk --name NOMBRE" in out
    assert "[FALLA] Agencia: sin comprobar: el token no fue aceptado" in out
    assert out.rstrip().endswith("(o use --force para escribir de todos modos).")
    assert not site.dropin.exists()


def test_the_agency_must_be_one_the_token_serves(
    tmp_path: Path, service: EmbeddedService, capsys: pytest.CaptureFixture[str]
) -> None:
    site = Site(tmp_path, service, issue_token(service, "kiosk", scope_agencies=[171]))
    assert provision(site, site.flags(agency="172")) == 1
    out = capsys.readouterr().out
    assert (
        "[FALLA] Agencia: la agencia 172 no está entre las que sirve este token "
        "(171 Agencia de demostración Quito Centro)"
    ) in out
    assert "pida al operador un token para ella" in out
    assert not site.dropin.exists()
    assert provision(site, site.flags()) == 0
    assert "sirve además" not in capsys.readouterr().out  # a token for this agency alone


def test_an_unscoped_token_is_noted(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    assert provision(site, site.flags()) == 0
    out = capsys.readouterr().out
    assert "Nota: este token sirve además otras " in out
    assert "--agencies 171)" in out


def test_a_service_address_that_does_not_answer_or_is_no_address(
    site: Site, closed_port: int, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"http://127.0.0.1:{closed_port}"
    assert provision(site, site.flags(**{"service-url": url})) == 1
    out = capsys.readouterr().out
    assert f"[FALLA] Servicio de turnos: no se puede conectar con {url}" in out
    assert "Qué hacer: revise que la dirección esté bien escrita" in out
    assert "[FALLA] Token del kiosco: sin comprobar: el servicio no respondió" in out
    assert provision(site, site.flags(**{"service-url": "turnos.local"})) == 2
    assert capsys.readouterr().out.splitlines()[-1] == (
        "--service-url: debe ser una dirección http:// o https://, p. ej. https://turnos.ejemplo.ec"
    )
    assert provision(site, site.flags(pin="2468")) == 2
    assert "--pin: ese es el PIN de demostración" in capsys.readouterr().out
    assert provision(site, site.flags(dropin=str(site.dropin.with_suffix(".conf")))) == 2
    assert "--dropin: el kiosco solo lee archivos *.toml" in capsys.readouterr().out
    assert not site.dropin.exists()


def test_force_writes_and_lists_the_failures(
    tmp_path: Path, service: EmbeddedService, capsys: pytest.CaptureFixture[str]
) -> None:
    site = Site(tmp_path, service, issue_token(service, "kiosk", revoked=True))
    assert provision(site, [*site.flags(), "--force"]) == 4
    out = capsys.readouterr().out
    assert "--force: se escribe aunque fallaron: token, agency" in out
    no_secrets(out, site)
    assert (
        "# --force: written although these checks failed: token, agency" in site.dropin.read_text()
    )
    assert load_settings(site.config, environ={}).service.kiosk_token == site.token


def test_running_again_keeps_the_token_and_changes_only_what_is_given(
    site: Site, escpos_printer: FakeEscposPrinter, capsys: pytest.CaptureFixture[str]
) -> None:
    assert provision(site, site.flags()) == 0
    first = load_settings(site.config, environ={})
    capsys.readouterr()
    with site.dropin.open("a") as dropin:  # someone added a key by hand
        dropin.write("\n[idle]\ndefault_s = 90\n")
    # The printer was replaced by a network thermal printer, out of paper on the day.
    escpos_printer.status[4] = bytes([0x12 | 0x60])
    argv = [
        "--printer-backend", "escpos", "--escpos-host", "127.0.0.1",
        "--escpos-port", str(escpos_printer.port), "--dropin", str(site.dropin),
    ]  # fmt: skip
    assert provision(site, argv) == 0
    out = capsys.readouterr().out
    no_secrets(out, site)
    assert "Se conservan del archivo actual: --service-url, --kiosk-token, --agency," in out
    assert "Nota: el archivo anterior tenía claves que kiosk provision no maneja" in out
    assert "no se conservaron: idle.default_s; póngalas en otro archivo" in out
    assert (
        f"[ OK  ] Impresora: responde (escpos 127.0.0.1:{escpos_printer.port}), pero: sin papel"
    ) in out
    again = load_settings(site.config, environ={})
    assert again.service.kiosk_token == site.token
    assert again.maintenance.pin_hash == first.maintenance.pin_hash
    assert (again.printer.backend, again.printer.escpos_port) == ("escpos", escpos_printer.port)
    assert again.printer.output_dir is None  # the file back end's folder went with it
    # A4 paper on a thermal printer is refused
    assert provision(site, ["--paper", "a4", "--dropin", str(site.dropin)]) == 1
    assert "[FALLA] Papel: a4 no es papel en rollo" in capsys.readouterr().out


def test_escpos_printer_that_does_not_answer(
    site: Site, closed_port: int, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = site.flags(
        **{"printer-backend": "escpos", "printer-output-dir": None, "escpos-host": "127.0.0.1",
           "escpos-port": str(closed_port)}
    )  # fmt: skip
    assert provision(site, argv) == 1
    out = capsys.readouterr().out
    assert f"[FALLA] Impresora: la impresora no responde en 127.0.0.1:{closed_port}" in out


@pytest.mark.cups
def test_a_cups_queue_must_exist_and_accept_jobs(
    site: Site, cups_env: CupsServer, capsys: pytest.CaptureFixture[str]
) -> None:
    cups_env.add_pdf_queue("FIELD_PROVISION", cups_env.out_dir / "field-provision.pdf")
    cups = {"printer-backend": "cups", "printer-output-dir": None}
    assert provision(site, site.flags(**cups, **{"printer-queue": "FIELD_MISSING"})) == 1
    out = capsys.readouterr().out
    assert "[FALLA] Impresora: no existe la cola FIELD_MISSING en CUPS" in out
    assert provision(site, site.flags(**cups, **{"printer-queue": "FIELD_PROVISION"})) == 0
    assert "[ OK  ] Impresora: lista (cups FIELD_PROVISION)" in capsys.readouterr().out
    assert load_settings(site.config, environ={}).printer.queue == "FIELD_PROVISION"


def test_the_file_must_load_with_the_others_before_it_replaces_the_old_one(
    site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    assert provision(site, site.flags()) == 0
    before = site.dropin.read_bytes()
    local = site.dropin.parent / "60-local.toml"
    local.write_text("[idle]\ndefualt_s = 90\n")  # a typo of someone else's
    assert provision(site, site.flags(**{"kiosk-id": "KIOSCO-QUITO-02"})) == 3
    out = capsys.readouterr().out
    assert f"No se pudo escribir: {local}: idle.defualt_s: unknown setting" in out
    assert site.dropin.read_bytes() == before
    assert sorted(p.name for p in site.dropin.parent.iterdir()) == [
        "50-provision.toml", "60-local.toml",
    ]  # fmt: skip


class Answers:
    """What a technician types: lines for questions, secrets for hidden ones; prompts noted."""

    def __init__(self, lines: list[str], secrets: list[str]) -> None:
        self.lines, self.secrets = iter(lines), iter(secrets)
        self.prompts: list[str] = []

    def line(self, prompt: str) -> str:
        self.prompts.append(prompt)
        return next(self.lines)

    def secret(self, prompt: str) -> str:
        self.prompts.append(prompt)
        return next(self.secrets)


def test_questions_for_what_is_missing_and_corrections_after_a_failure(
    site: Site, capsys: pytest.CaptureFixture[str], service: EmbeddedService
) -> None:
    revoked = issue_token(service, "kiosk", revoked=True)
    answers = Answers(
        lines=[
            "turnos.local", service.url,  # a bad address first
            "171", "KIOSCO-QUITO-03", "file", "",  # Enter: the offered 80mm
            "21.5", "1080", "1920", "800",
            "",  # correct the failed values now? Enter: yes
        ],
        secrets=[revoked, "2468", PIN, PIN, site.token],
    )  # fmt: skip
    words = Words("es")
    args = build_parser().parse_args(
        ["--config", str(site.config), "provision", "--dropin", str(site.dropin)]
    )
    code = run_provision(
        args, interactive=True, questions=Questions(words, answers.line, answers.secret)
    )
    out = capsys.readouterr().out
    assert code == 0, out
    no_secrets(out, site)
    assert revoked not in out
    assert answers.prompts[:3] == [
        "Dirección del servicio de turnos (p. ej. https://turnos.ejemplo.ec): ",
        "Dirección del servicio de turnos (p. ej. https://turnos.ejemplo.ec): ",
        "Token del kiosco (no se muestra): ",
    ]
    assert "Papel (80mm/58mm/a4/letter) [80mm]: " in answers.prompts
    assert "  debe ser una dirección http:// o https://" in out
    assert "  ese es el PIN de demostración, que todos conocen: elija otro" in out
    assert "[FALLA] Token del kiosco: el servicio no reconoce el token" in out
    assert answers.prompts[-2:] == [
        "¿Corregir ahora los datos con falla? [S/n]: ",
        "Token del kiosco (no se muestra) [Enter: el actual]: ",
    ]
    settings = load_settings(site.config, environ={})
    assert settings.service.kiosk_token == site.token
    assert settings.kiosk.id == "KIOSCO-QUITO-03"
    assert settings.printer.output_dir is None  # optional, not asked: the kiosk's default
    assert check_pin(PIN, settings.maintenance.pin_hash)


def _read_until(fd: int, wanted: bytes | None, seen: bytearray, timeout: float = 60.0) -> None:
    """Read the terminal until `wanted` shows, or (None) until the child closes it."""
    deadline = time.monotonic() + timeout
    while wanted is None or wanted not in seen:
        left = deadline - time.monotonic()
        assert left > 0, f"waited for {wanted!r}, saw {bytes(seen)!r}"
        ready, _, _ = select.select([fd], [], [], left)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 4096)
        except OSError:  # EIO: the child ended and closed the terminal
            chunk = b""
        if not chunk:
            assert wanted is None, f"the terminal closed before {wanted!r}: {bytes(seen)!r}"
            return
        seen += chunk


# Makes the terminal on its standard input its controlling one (it runs in a new session),
# as a login does, so getpass finds /dev/tty; then becomes the kiosk command.
_ON_TERMINAL = (
    "import fcntl, os, sys, termios; fcntl.ioctl(0, termios.TIOCSCTTY, 0); "
    "os.execv(sys.executable, [sys.executable, '-m', 'kiosk.cli', *sys.argv[1:]])"
)


def test_on_a_real_terminal_the_pin_is_asked_twice_and_never_shown(site: Site) -> None:
    master, slave = pty.openpty()
    child = subprocess.Popen(
        [sys.executable, "-c", _ON_TERMINAL, "provision", *site.flags(pin=None)],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env_without_kiosk_settings(),
        start_new_session=True,
    )
    os.close(slave)
    seen = bytearray()
    try:
        _read_until(master, b"(no se muestra): ", seen)
        os.write(master, PIN.encode() + b"\n")
        _read_until(master, b"Repita el PIN: ", seen)
        os.write(master, PIN.encode() + b"\n")
        _read_until(master, None, seen)
        code = child.wait(timeout=60)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        os.close(master)
    text = seen.decode()
    assert code == 0, text
    assert PIN not in text
    assert site.token not in text
    assert "PIN de mantenimiento, 4 a 12 dígitos" in text
    assert "kiosk doctor" in text
    assert check_pin(PIN, load_settings(site.config, environ={}).maintenance.pin_hash)


def test_values_that_need_quoting_round_trip_and_english_words(
    site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    odd = 'tk_"quoted"\\back\u00f1'
    text = compose({"kiosk-token": odd, "screen-diagonal": 21.5, "agency": (171, 172)})
    assert tomllib.loads(text)["service"]["kiosk_token"] == odd
    assert read_old_text(site, text)["agency"] == (171, 172)
    assert provision(site, [*site.flags(pin="12"), "--lang", "en"]) == 2
    assert capsys.readouterr().out.splitlines()[-1] == "--pin: the PIN must be 4 to 12 digits"


def read_old_text(site: Site, text: str) -> dict[str, object]:
    site.dropin.write_text(text)
    return read_old(site.dropin)[0]
