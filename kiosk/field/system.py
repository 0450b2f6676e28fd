"""Checks of the kiosk PC itself: versions, time zone, display, touch, disk, the reach band.

Each reads the system the way the kernel and glibc expose it (files under /proc, /sys, /etc,
/run), from a `root` that tests point at a folder of their own; nothing here needs systemd.
"""

from __future__ import annotations

import contextlib
import os
import platform
import re
import shutil
import struct
from collections.abc import Iterable, Mapping
from pathlib import Path

from kiosk import __version__
from kiosk.domain.screen import ScreenGeometry
from kiosk.field.checks import Check, failed, passed
from kiosk.field.words import Words

GUAYAQUIL = "America/Guayaquil"
#: PySide6 6.12.0 aborts a long-running kiosk (docs/architecture.md, "bool_dealloc").
BAD_PYSIDE = frozenset({"6.12.0"})
#: Free space wanted where slips and logs go.
MIN_FREE_BYTES = 500 * 1000**2

# The geometries tests/ui/test_views_sizes.py measures every screen at, in every mode
# (kiosk.tour.PORTRAIT and LANDSCAPE; tests/field checks they are still the same).
TESTED_PORTRAIT = ScreenGeometry(21.5, 1080, 1920, 800)
TESTED_LANDSCAPE = ScreenGeometry(21.5, 1920, 1080, 900)

# linux/input-event-codes.h
_ABS_MT_POSITION_X = 0x35
_INPUT_PROP_POINTER = 0  # a touchpad: moves a pointer, is not a screen
_LONG_BITS = 8 * struct.calcsize("l")


# -- versions -----------------------------------------------------------------------------------


def check_version(words: Words) -> Check:
    try:
        import PySide6
    except ImportError:
        return failed("version", words("version.no_qt"), words("version.no_qt.fix"))
    qt = str(PySide6.__version__)
    detail = words("version.ok", kiosk=__version__, python=platform.python_version(), qt=qt)
    if qt in BAD_PYSIDE:
        return failed("version", words("version.bad_qt", qt=qt), words("version.bad_qt.fix"))
    return passed("version", detail)


# -- time zone ----------------------------------------------------------------------------------


def system_zone(root: Path, environ: Mapping[str, str]) -> tuple[str | None, str]:
    """(the zone programs here run in, where it was read); (None, "") when unknown.

    TZ wins for the processes that have it; else /etc/localtime (what glibc reads: a link into
    the zone database, or a copy of a zone file), else Debian's /etc/timezone. No
    /etc/localtime at all is UTC to glibc.
    """
    tz = environ.get("TZ", "").strip().lstrip(":")
    if tz:
        return _zone_name(tz), "TZ"
    localtime = root / "etc" / "localtime"
    if localtime.is_symlink():
        return _zone_name(os.readlink(localtime)), "/etc/localtime"
    named: str | None = None
    with contextlib.suppress(OSError, UnicodeDecodeError):
        named = (root / "etc" / "timezone").read_text(encoding="utf-8").strip() or None
    if not localtime.exists():
        return "UTC", "/etc/localtime"
    if named and _same_file(localtime, root / "usr" / "share" / "zoneinfo" / named):
        return named, "/etc/localtime"
    if named:
        return named, "/etc/timezone"
    return None, ""


def _zone_name(value: str) -> str:
    return value.split("zoneinfo/", 1)[1] if "zoneinfo/" in value else value


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.read_bytes() == b.read_bytes()
    except OSError:
        return False


def check_time_zone(
    words: Words, root: Path, environ: Mapping[str, str], also: Iterable[str] = ()
) -> Check:
    """The system's zone is Ecuador's mainland one, or an agency's this kiosk serves."""
    wanted = sorted({GUAYAQUIL, *also})
    zone, source = system_zone(root, environ)
    fix = words("tz.fix", zone=GUAYAQUIL)
    if zone is None:
        return failed("timezone", words("tz.unknown"), fix)
    if zone not in wanted:
        return failed("timezone", words("tz.wrong", zone=zone, wanted=" / ".join(wanted)), fix)
    return passed("timezone", words("tz.ok", zone=zone, source=source))


# -- display and touch --------------------------------------------------------------------------


def connected_outputs(root: Path) -> list[str]:
    """DRM connectors with a monitor plugged in (card0-HDMI-A-1, ...)."""
    found = []
    for status in sorted((root / "sys" / "class" / "drm").glob("*/status")):
        try:
            if status.read_text(encoding="ascii").strip() == "connected":
                found.append(status.parent.name)
        except (OSError, UnicodeDecodeError):
            continue
    return found


def check_display(words: Words, root: Path, environ: Mapping[str, str], expected: bool) -> Check:
    if not expected:
        return passed("display", words("display.not_expected"))
    platform_name = environ.get("QT_QPA_PLATFORM", "").split(":", 1)[0].strip()
    if platform_name in ("offscreen", "minimal"):
        return failed(
            "display", words("display.offscreen", value=platform_name), words("display.fix_qt")
        )
    wayland = environ.get("WAYLAND_DISPLAY", "").strip()
    if wayland:
        runtime = Path(environ.get("XDG_RUNTIME_DIR", "") or "/nonexistent")
        if _under(root, runtime / wayland).exists():  # an absolute WAYLAND_DISPLAY stays
            return passed("display", words("display.wayland", name=wayland))
    x11 = environ.get("DISPLAY", "").strip()
    local = re.fullmatch(r"(?:unix)?:(\d+)(?:\.\d+)?", x11)
    if local and (root / "tmp" / ".X11-unix" / f"X{local.group(1)}").exists():
        return passed("display", words("display.x11", name=x11))
    if x11 and not local:
        return passed("display", words("display.x11", name=x11))
    outputs = connected_outputs(root)
    if outputs:
        return passed("display", words("display.drm", outputs=", ".join(outputs)))
    return failed("display", words("display.none"), words("display.fix"))


def _under(root: Path, path: Path) -> Path:
    """`path` (absolute) inside the file system tree at `root`."""
    return root / path.relative_to(path.anchor) if path.is_absolute() else path


def touchscreens(root: Path) -> list[str]:
    """Input devices that are touchscreens: multi-touch positions and not a touchpad
    (/proc/bus/input/devices), or marked ID_INPUT_TOUCHSCREEN by udev (/run/udev/data)."""
    found = []
    try:
        text = (root / "proc" / "bus" / "input" / "devices").read_text(errors="replace")
    except OSError:
        text = ""
    for block in text.split("\n\n"):
        name, abs_bits, props = "", 0, 0
        for line in block.splitlines():
            if line.startswith("N: Name="):
                name = line.removeprefix("N: Name=").strip().strip('"')
            elif line.startswith("B: ABS="):
                abs_bits = _bitmap(line.removeprefix("B: ABS="))
            elif line.startswith("B: PROP="):
                props = _bitmap(line.removeprefix("B: PROP="))
        if abs_bits >> _ABS_MT_POSITION_X & 1 and not props >> _INPUT_PROP_POINTER & 1:
            found.append(name or "?")
    if not found:
        for data in sorted((root / "run" / "udev" / "data").glob("c13:*")):
            try:
                lines = data.read_text(errors="replace").splitlines()
            except OSError:
                continue
            if "E:ID_INPUT_TOUCHSCREEN=1" in lines:
                found.append(f"udev {data.name}")
    return found


def _bitmap(text: str) -> int:
    """A capability bitmap as the kernel prints it: hex longs, the most significant first."""
    value = 0
    for word in text.split():
        try:
            value = (value << _LONG_BITS) | int(word, 16)
        except ValueError:
            return 0
    return value


def check_touch(words: Words, root: Path, expected: bool) -> Check:
    if not expected:
        return passed("touch", words("touch.not_expected"))
    found = touchscreens(root)
    if found:
        return passed("touch", ", ".join(found))
    return failed("touch", words("touch.none"), words("touch.fix"))


# -- disk ---------------------------------------------------------------------------------------


def check_disk(words: Words, places: Iterable[Path], min_free: int = MIN_FREE_BYTES) -> Check:
    """At least `min_free` bytes free on every file system holding one of `places`."""
    free_by_device: dict[int, tuple[int, list[str]]] = {}
    for place in places:
        existing = _nearest_existing(place)
        try:
            device = existing.stat().st_dev
            free = shutil.disk_usage(existing).free
        except OSError:
            continue
        entry = free_by_device.setdefault(device, (free, []))
        entry[1].append(str(place))
    if not free_by_device:
        return failed("disk", words("disk.unknown"), words("disk.fix", path="/"))
    least, where = min(free_by_device.values(), key=lambda e: e[0])
    paths = ", ".join(where)
    if least < min_free:
        return failed(
            "disk",
            words("disk.low", free=_size(least), path=paths, need=_size(min_free)),
            words("disk.fix", path=where[0]),
        )
    return passed("disk", words("disk.ok", free=_size(least), path=paths))


def _nearest_existing(path: Path) -> Path:
    path = path.absolute()
    while not path.exists() and path != path.parent:
        path = path.parent
    return path


def _size(n: int) -> str:
    return f"{n / 1000**3:.1f} GB" if n >= 1000**3 else f"{n / 1000**2:.0f} MB"


# -- the reach band -----------------------------------------------------------------------------


def tested_room_mm(geometry: ScreenGeometry) -> float:
    """The height every screen is measured to fit in, in the low-reach mode, for this
    orientation: the part of the tested panel below the band's top."""
    tested = TESTED_PORTRAIT if geometry.orientation == "portrait" else TESTED_LANDSCAPE
    top, _ = tested.reach_band_px()
    return (tested.height_px - top) * tested.mm_per_px


def check_reach_band(words: Words, geometry: ScreenGeometry, fields: tuple[str, ...] = ()) -> Check:
    """In the low-reach mode every control sits between 380 and 1220 mm above the floor: the
    part of the screen inside that band must hold the screens, as tall as the room they are
    tested in for this orientation (the shell leaves what lies above or below the band empty).
    A screen wholly inside the band needs no low-reach mode at all."""
    tested = tested_room_mm(geometry)
    mounting = geometry.mounting_range_mm(tested)
    if mounting is None:
        fix = words("band.fix_panel", tested=f"{tested:.0f}")
    else:
        fix = words("band.fix", low=f"{mounting[0]:.0f}", high=f"{mounting[1]:.0f}")
    try:
        top, bottom = geometry.reach_band_px()
    except ValueError:
        return failed("reach_band", words("band.outside"), fix, fields)
    room = (bottom - top) * geometry.mm_per_px
    if top == 0 and bottom >= geometry.height_px:
        return passed("reach_band", words("band.whole", height=f"{room:.0f}"), fields)
    if room + 0.5 < tested:
        if bottom < geometry.height_px:
            edge = f"{geometry.bottom_edge_mm:.0f}"
            detail = words("band.too_low", edge=edge, room=f"{room:.0f}", tested=f"{tested:.0f}")
        else:
            detail = words("band.squeezed", room=f"{room:.0f}", tested=f"{tested:.0f}")
        return failed("reach_band", detail, fix, fields)
    return passed(
        "reach_band", words("band.ok", room=f"{room:.0f}", tested=f"{tested:.0f}"), fields
    )
