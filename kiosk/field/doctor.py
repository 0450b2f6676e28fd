"""`kiosk doctor [--json] [--lang es|en] [--no-display]`: is this kiosk ready to serve?

One line per check, passed or failed, and under each failure what to do; exit 0 when every
check passed, 1 otherwise. `--json` prints {"ok": bool, "checks": [{"name", "ok", "detail",
"fix"}]} instead (names are stable English ids, the words follow --lang). `--no-display` says
this machine has no screen on purpose (a bench test): the display and touch checks then pass.

The checks, in order, and what each reads:
config        the settings as the kiosk loads them (kiosk.config.load_settings: the file, its
              kiosk.d/ drop-ins, KIOSK_* variables)
version       the kiosk's, Python's and PySide6's versions (6.12.0 is known to abort)
service       GET /v1/health at service.url
token         GET /v1/catalog with the kiosk token, then one heartbeat (a kiosk token's call)
api_version   the health answer's api_version against kiosk.backend.client.API_MAJOR_VERSION
clock         the health answer's Date header against this clock (30 s at most)
timezone      TZ, /etc/localtime, /etc/timezone: America/Guayaquil or a served agency's zone
printer       the printer's status through kiosk.printing (lpstat; ESC/POS status bytes;
              the folder), a CUPS queue's `lpstat -a`; paper out fails
display       QT_QPA_PLATFORM, WAYLAND_DISPLAY and DISPLAY with their sockets, connected
              DRM connectors (/sys/class/drm/*/status)
touch         /proc/bus/input/devices (multi-touch, not a touchpad), udev's
              ID_INPUT_TOUCHSCREEN (/run/udev/data)
fonts         the bundled fonts loaded by Qt (kiosk.ui.fonts), in a child process
translations  kiosk_<code>.qm of every language in kiosk.languages (es and en without a
              configuration) present and loaded by QTranslator, same child
disk          500 MB free where slips, spool files and logs go
reach_band    the low-reach mode's band on the configured screen (kiosk.domain.screen)
"""

from __future__ import annotations

import argparse
import os
import tempfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk import __version__
from kiosk.config import ENV_CONFIG_FILE, ConfigError, KioskSettings, dropin_files, load_settings
from kiosk.field import qt_probe, service, system
from kiosk.field.arguments import PACKAGED_CONFIG
from kiosk.field.checks import Check, failed, passed, render_json, render_lines
from kiosk.field.printer import check_printer, read_printer
from kiosk.field.words import Words
from kiosk.printing.factory import default_output_dir

_SERVICE_CHECKS = ("service", "token", "api_version", "clock")


def run_doctor(args: argparse.Namespace) -> int:
    words = Words(args.lang)
    config = config_path(args.config, os.environ)
    checks = diagnose(config, words, expect_display=not args.no_display)
    if args.json:
        print(render_json(checks))
    else:
        print(words("doctor.head", version=__version__))
        print("\n".join(render_lines(checks, words)))
        bad = sum(not c.ok for c in checks)
        print(words("doctor.summary.ok") if not bad else words("doctor.summary.bad", count=bad))
    return 0 if all(c.ok for c in checks) else 1


def config_path(given: Path | None, environ: Mapping[str, str]) -> Path | None:
    """The settings file as the kiosk would read it, else the packaged one if present: a
    technician's shell has no $KIOSK_CONFIG, and must check what the kiosk's unit loads."""
    if given is not None:
        return given
    if environ.get(ENV_CONFIG_FILE):
        return Path(environ[ENV_CONFIG_FILE])
    return PACKAGED_CONFIG if PACKAGED_CONFIG.exists() else None


@dataclass
class Machine:
    """Where the system checks look; tests point them at folders and values of their own."""

    root: Path = Path("/")
    environ: Mapping[str, str] | None = None
    min_free_bytes: int = system.MIN_FREE_BYTES
    qt: Callable[[Sequence[str]], dict[str, Any]] = qt_probe.run_probe

    @property
    def env(self) -> Mapping[str, str]:
        return os.environ if self.environ is None else self.environ


def diagnose(
    config: Path | None,
    words: Words,
    *,
    expect_display: bool = True,
    machine: Machine | None = None,
) -> list[Check]:
    machine = machine or Machine()
    env = machine.env
    checks: list[Check] = []
    settings: KioskSettings | None = None
    try:
        settings = load_settings(config, environ=env)
    except ConfigError as exc:
        checks.append(failed("config", str(exc), words("config.fix")))
    else:
        checks.append(passed("config", _config_detail(config, words)))
    checks.append(system.check_version(words))

    facts: service.ServiceFacts | None = None
    printer_check: Check | None = None
    if settings is not None:
        printer = read_printer(settings.printer)
        printer_check = check_printer(words, printer)
        if settings.service.url:
            state, paper = printer.heartbeat()
            facts = service.probe(
                settings.service.url,
                settings.service.kiosk_token,
                timeout_s=settings.service.timeout_s,
                printer_state=state,
                paper=paper,
            )
    if facts is not None:
        checks += [
            service.check_service(words, facts),
            service.check_token(words, facts),
            service.check_api_version(words, facts),
            service.check_clock(words, facts),
        ]
    elif settings is None:
        checks += [_config_first(name, words) for name in _SERVICE_CHECKS]
    else:  # no service configured: the kiosk would run the demo
        checks.append(failed("service", words("service.none"), words("service.none.fix")))
        later = words("unchecked.no_service"), words("unchecked.service.fix")
        checks += [failed(name, *later) for name in _SERVICE_CHECKS[1:]]
    zones = service.agency_zones(facts.catalog if facts else None)
    checks.append(system.check_time_zone(words, machine.root, env, zones))
    checks.append(printer_check or _config_first("printer", words))
    checks.append(system.check_display(words, machine.root, env, expect_display))
    checks.append(system.check_touch(words, machine.root, expect_display))
    # The catalogues of the languages this kiosk offers: one missing would leave its citizens
    # in Spanish without a word.
    languages = settings.kiosk.languages if settings is not None else qt_probe.LANGUAGES
    answer = machine.qt(languages)
    checks.append(qt_probe.check_fonts(words, answer))
    checks.append(qt_probe.check_translations(words, answer, languages))
    if settings is not None:
        checks.append(system.check_disk(words, _disk_places(settings), machine.min_free_bytes))
        checks.append(system.check_reach_band(words, settings.screen.geometry()))
    else:
        checks += [_config_first("disk", words), _config_first("reach_band", words)]
    return checks


def _config_detail(config: Path | None, words: Words) -> str:
    if config is None:
        return words("config.none")
    names = [str(config), *(f"{p.parent.name}/{p.name}" for p in dropin_files(config))]
    return words("config.ok", files=" + ".join(names))


def _config_first(name: str, words: Words) -> Check:
    return failed(name, words("unchecked.config"), words("unchecked.config.fix"))


def _disk_places(settings: KioskSettings) -> list[Path]:
    """Slips (the file back end's folder, CUPS' spool), logs (the journal), temporary files."""
    places = [Path(tempfile.gettempdir()), Path("/var/log")]
    if settings.printer.backend == "file":
        places.append(settings.printer.output_dir or default_output_dir())
    if settings.printer.backend == "cups":
        places.append(Path("/var/spool/cups"))
    return places
