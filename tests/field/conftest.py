"""Real parts for the field tools: the reference service on loopback (its own, so tokens can be
issued and revoked), the printing tests' private cupsd and loopback ESC/POS printer, and a
folder laid out as a kiosk PC's /etc, /proc, /sys and /run for the system checks."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from kiosk.field.doctor import Machine
from kiosk.field.qt_probe import run_probe
from tests.helpers.escpos_loopback import FakeEscposPrinter, escpos_printer  # noqa: F401
from tests.printing.conftest import CupsServer, cups_server  # noqa: F401
from turnos.embedded import EmbeddedService, start_embedded
from turnos.services import tokens

# /proc/bus/input/devices of a kiosk PC: a USB keyboard, a laptop-style touchpad (multi-touch,
# but a pointer) and an ILITEK touchscreen (multi-touch, direct).
INPUT_DEVICES = """\
I: Bus=0003 Vendor=046d Product=c31c Version=0110
N: Name="Logitech USB Keyboard"
P: Phys=usb-0000:00:14.0-1/input0
H: Handlers=sysrq kbd event2 leds
B: PROP=0
B: EV=120013
B: KEY=1000000000007 ff9f207ac14057ff febeffdfffefffff fffffffffffffffe

I: Bus=0018 Vendor=06cb Product=7e7e Version=0100
N: Name="SYNA7DB5:01 06CB:7E7E Touchpad"
H: Handlers=mouse1 event5
B: PROP=5
B: EV=1b
B: KEY=e520 10000 0 0 0 0
B: ABS=2e0800000000003

I: Bus=0003 Vendor=222a Product=0001 Version=0110
N: Name="ILITEK ILITEK-TP"
H: Handlers=mouse2 event6
B: PROP=2
B: EV=1b
B: KEY=400 0 0 0 0 0
B: ABS=3273800000000003
"""


@dataclass
class KioskPc:
    """A folder standing in for the kiosk PC's root, with a display and a touchscreen."""

    root: Path

    def machine(self, **environ: str) -> Machine:
        return Machine(root=self.root, environ=environ, qt=qt_answer)

    def zone(self, name: str) -> None:
        localtime = self.root / "etc" / "localtime"
        localtime.unlink(missing_ok=True)
        localtime.symlink_to(f"/usr/share/zoneinfo/{name}")


_QT_ANSWERS: dict[tuple[str, ...], dict[str, Any]] = {}


def qt_answer(languages: Sequence[str]) -> dict[str, Any]:
    """The real Qt child's answer, asked once per session and set of languages (it starts Qt:
    about a second)."""
    key = tuple(languages)
    if key not in _QT_ANSWERS:
        _QT_ANSWERS[key] = run_probe(key)
    return dict(_QT_ANSWERS[key])


@pytest.fixture
def kiosk_pc(tmp_path: Path) -> KioskPc:
    root = tmp_path / "root"
    for folder in ("etc", "proc/bus/input", "sys/class/drm/card0-HDMI-A-1", "run/udev/data"):
        (root / folder).mkdir(parents=True)
    (root / "proc/bus/input/devices").write_text(INPUT_DEVICES)
    (root / "sys/class/drm/card0-HDMI-A-1/status").write_text("connected\n")
    pc = KioskPc(root)
    pc.zone("America/Guayaquil")
    return pc


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmbeddedService]:
    running = start_embedded(tmp_path_factory.mktemp("turnos"), demo=True)
    try:
        yield running
    finally:
        running.stop()


def issue_token(service: EmbeddedService, role: str, *, revoked: bool = False, **scope: Any) -> str:
    """A new token of `role` on `service` (staff: for agency 171), revoked if asked."""
    ctx = service.context
    now = ctx.now()
    with ctx.db.transaction() as session:
        agency = 171 if role == "staff" else None
        token_id, token = tokens.issue(
            session, tokens.Role(role), f"field-{role}", now, agency, **scope
        )
        if revoked:
            tokens.revoke(session, token_id, now)
    return token


def write_config(folder: Path, text: str = "") -> Path:
    """An /etc/turnero-kiosk of the test's own: the packaged kiosk.toml, and kiosk.d/."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "kiosk.d").mkdir(exist_ok=True)
    path = folder / "kiosk.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def cups_env(cups_server: CupsServer, monkeypatch: pytest.MonkeyPatch) -> CupsServer:  # noqa: F811
    """The kiosk's lpstat and lp talk to the private cupsd."""
    monkeypatch.setenv("CUPS_SERVER", cups_server.server)
    return cups_server


def env_without_kiosk_settings() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith("KIOSK_")}
