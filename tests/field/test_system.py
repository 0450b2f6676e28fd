"""The kiosk PC's own checks on a folder laid out as its /etc, /proc, /sys and /run, and the
words both commands use."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from kiosk.domain.screen import ScreenGeometry
from kiosk.field import system
from kiosk.field.service import clock_offset
from kiosk.field.words import WORDS, Words
from kiosk.tour import LANDSCAPE, PORTRAIT
from tests.field.conftest import KioskPc

ES, EN = Words("es"), Words("en")


def test_time_zone_from_the_link_the_copy_the_name_and_tz(kiosk_pc: KioskPc) -> None:
    root = kiosk_pc.root
    check = system.check_time_zone(ES, root, {})
    assert (check.ok, check.detail) == (True, "America/Guayaquil (de /etc/localtime)")
    kiosk_pc.zone("Etc/UTC")
    check = system.check_time_zone(ES, root, {})
    assert not check.ok
    assert check.detail == "la zona es Etc/UTC; debe ser America/Guayaquil"
    assert check.fix is not None
    assert "set-timezone America/Guayaquil" in check.fix
    # A Galápagos agency's kiosk runs on its islands' time
    kiosk_pc.zone("Pacific/Galapagos")
    assert system.check_time_zone(ES, root, {}, {"Pacific/Galapagos"}).ok
    assert not system.check_time_zone(ES, root, {}).ok
    # TZ wins for the processes that have it
    assert system.check_time_zone(ES, root, {"TZ": ":America/Guayaquil"}).ok
    assert not system.check_time_zone(ES, root, {"TZ": "UTC"}).ok
    # /etc/localtime copied from the zone file, named in /etc/timezone (no timedatectl)
    localtime = root / "etc" / "localtime"
    localtime.unlink()
    zoneinfo = root / "usr" / "share" / "zoneinfo" / "America"
    zoneinfo.mkdir(parents=True)
    (zoneinfo / "Guayaquil").write_bytes(b"TZif2 Guayaquil")
    localtime.write_bytes(b"TZif2 Guayaquil")
    (root / "etc" / "timezone").write_text("America/Guayaquil\n")
    assert system.check_time_zone(ES, root, {}).detail == "America/Guayaquil (de /etc/localtime)"
    localtime.write_bytes(b"TZif2 somewhere else")
    assert system.check_time_zone(ES, root, {}).detail == "America/Guayaquil (de /etc/timezone)"
    localtime.unlink()
    assert system.system_zone(root, {}) == ("UTC", "/etc/localtime")  # glibc's default
    (root / "etc" / "timezone").unlink()
    localtime.write_bytes(b"TZif2 unnamed")
    unknown = system.check_time_zone(EN, root, {})
    assert (unknown.ok, unknown.detail) == (False, "the system's time zone could not be read")


def test_display_from_qt_platform_sessions_and_connectors(kiosk_pc: KioskPc) -> None:
    root = kiosk_pc.root
    offscreen = system.check_display(ES, root, {"QT_QPA_PLATFORM": "offscreen"}, True)
    assert not offscreen.ok
    assert offscreen.detail == "Qt está configurado sin pantalla (QT_QPA_PLATFORM=offscreen)"
    assert offscreen.fix is not None
    assert "--no-display" in offscreen.fix
    assert system.check_display(ES, root, {"QT_QPA_PLATFORM": "offscreen"}, False).ok
    assert system.check_display(ES, root, {}, True).detail == "monitor conectado: card0-HDMI-A-1"
    # a session whose socket exists
    (root / "run" / "user" / "1000").mkdir(parents=True)
    (root / "run" / "user" / "1000" / "wayland-0").touch()
    wayland = {"WAYLAND_DISPLAY": "wayland-0", "XDG_RUNTIME_DIR": "/run/user/1000"}
    assert system.check_display(ES, root, wayland, True).detail == (
        "sesión gráfica Wayland (wayland-0)"
    )
    (root / "tmp" / ".X11-unix").mkdir(parents=True)
    (root / "tmp" / ".X11-unix" / "X0").touch()
    assert system.check_display(ES, root, {"DISPLAY": ":0"}, True).detail == (
        "sesión gráfica X11 (:0)"
    )
    # nothing plugged in, no session
    (root / "sys" / "class" / "drm" / "card0-HDMI-A-1" / "status").write_text("disconnected\n")
    none = system.check_display(ES, root, {"DISPLAY": ":7"}, True)
    assert (none.ok, none.detail) == (False, "no se encontró ninguna pantalla conectada")
    assert none.fix is not None
    assert "HDMI" in none.fix


def test_touch_from_the_kernel_and_udev(kiosk_pc: KioskPc) -> None:
    root = kiosk_pc.root
    assert system.touchscreens(root) == ["ILITEK ILITEK-TP"]
    devices = root / "proc" / "bus" / "input" / "devices"
    text = devices.read_text()
    devices.write_text(text[: text.index("I: Bus=0003 Vendor=222a")])  # keyboard and touchpad
    missing = system.check_touch(ES, root, True)
    assert (missing.ok, missing.detail) == (False, "no se encontró una pantalla táctil")
    assert missing.fix is not None
    assert "/proc/bus/input/devices" in missing.fix
    assert system.check_touch(ES, root, False).detail == "sin táctil (esperado: --no-display)"
    (root / "run" / "udev" / "data" / "c13:70").write_text(
        "E:ID_INPUT=1\nE:ID_INPUT_TOUCHSCREEN=1\n"
    )
    assert system.check_touch(ES, root, True).detail == "udev c13:70"


@pytest.mark.parametrize(
    ("geometry", "ok", "start"),
    [
        (ScreenGeometry(21.5, 1080, 1920, 800), True, "en modo de alcance bajo quedan 420 mm"),
        (ScreenGeometry(21.5, 1080, 1920, 700), True, "toda la pantalla (476 mm)"),
        (ScreenGeometry(21.5, 1920, 1080, 900), True, "toda la pantalla (268 mm)"),
        # Mounted low: the shell keeps the controls above 380 mm, and 426 mm are left.
        (ScreenGeometry(21.5, 1080, 1920, 330), True, "en modo de alcance bajo quedan 426 mm"),
        (ScreenGeometry(21.5, 1080, 1920, 300), False, "el borde inferior está a 300 mm"),
        (ScreenGeometry(21.5, 1080, 1920, 950), False, "en modo de alcance bajo quedarían 270"),
        (ScreenGeometry(21.5, 1080, 1920, 1300), False, "la pantalla queda fuera de la franja"),
    ],
)
def test_the_reach_band(geometry: ScreenGeometry, ok: bool, start: str) -> None:
    check = system.check_reach_band(ES, geometry)
    assert check.ok is ok
    assert check.detail.startswith(start), check.detail
    if not ok:
        # portrait screens are tested with 420 mm inside the band: its lower edge at 1220 - 420
        # = 800 mm at most, and at 380 + 420 - 476 = 324 mm at least (the panel is 476 mm tall)
        assert check.fix is not None
        assert "entre 324 y 800 mm del piso" in check.fix


@pytest.mark.parametrize(
    ("geometry", "ok", "start"),
    [
        (ScreenGeometry(21.5, 1920, 1080, 900), True, "the whole screen (268 mm)"),
        (ScreenGeometry(21.5, 1920, 1080, 952), True, "the whole screen (268 mm)"),
        # 5 cm higher, its top 48 mm lie above the band: the screens were never measured in 220
        (ScreenGeometry(21.5, 1920, 1080, 1000), False, "in low-reach mode 220 mm of screen"),
        (ScreenGeometry(21.5, 1920, 1080, 300), False, "the lower edge is 300 mm"),
        # a larger landscape panel holds the tested room lower down than its whole height
        (ScreenGeometry(27, 1920, 1080, 900), True, "in low-reach mode 320 mm"),
    ],
)
def test_the_reach_band_of_a_landscape_screen(
    geometry: ScreenGeometry, ok: bool, start: str
) -> None:
    check = system.check_reach_band(EN, geometry)
    assert check.ok is ok
    assert check.detail.startswith(start), check.detail
    if not ok:
        assert check.fix is not None
        assert "between 380 and 952 mm above the floor" in check.fix


def test_no_layout_fits_a_screen_smaller_than_the_tested_room_mounted_across_the_band() -> None:
    # A 15.6" landscape panel (194 mm tall) fits only wholly inside the band.
    small = ScreenGeometry(15.6, 1920, 1080, 1100)
    check = system.check_reach_band(EN, small)
    assert not check.ok
    assert check.fix is not None
    assert f"between 380 and {1220 - small.height_mm:.0f} mm" in check.fix
    placed = ScreenGeometry(15.6, 1920, 1080, 1000)
    assert system.check_reach_band(EN, placed).ok


def test_the_tested_geometries_are_those_the_ui_tests_measure() -> None:
    assert system.TESTED_PORTRAIT == PORTRAIT
    assert system.TESTED_LANDSCAPE == LANDSCAPE


def test_disk_space_per_file_system(tmp_path: Path) -> None:
    ok = system.check_disk(ES, [tmp_path / "not" / "yet", tmp_path])
    assert ok.ok
    assert ok.detail.endswith(f"({tmp_path / 'not' / 'yet'}, {tmp_path})")
    free = shutil.disk_usage(tmp_path).free
    low = system.check_disk(EN, [tmp_path], min_free=free * 2)
    assert not low.ok
    assert low.detail.startswith("only ")


def test_version() -> None:
    check = system.check_version(ES)
    assert check.ok
    assert check.detail.startswith("kiosk 0.1.0, Python 3.")


def test_clock_offset_from_a_date_header() -> None:
    # stamped at 12:00:00 (anywhere in that second), asked at 11:59:59.8, answered 12:00:00.2
    date = "Mon, 02 Mar 2026 12:00:00 GMT"
    noon = 1772452800.0
    assert clock_offset(date, noon + 0.2, 0.4) == pytest.approx(0.5)
    assert clock_offset(date, noon - 59.8, 0.4) == pytest.approx(60.5)
    assert clock_offset("not a date", noon, 0.1) is None


def test_every_entry_is_said_in_both_languages_with_the_same_blanks() -> None:
    for key, (spanish, english) in WORDS.items():
        assert spanish.strip(), key
        assert english.strip(), key
        blanks = [set(re.findall(r"\{(\w+)\}", text)) for text in (spanish, english)]
        assert blanks[0] == blanks[1], key
    assert Words("fr").lang == "es"  # anything else is Spanish, the kiosks' language
