"""A kiosk with a CUPS or file printer starts without python-escpos, whose import parses its
printer-capabilities YAML (~95 ms of the start, issue 15); the escpos back end still gets it."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import sys
import kiosk.app
from kiosk.config import load_settings
from kiosk.printing.factory import printer_from_settings
env = {"KIOSK_PRINTER__BACKEND": sys.argv[1], "KIOSK_PRINTER__QUEUE": "THERMAL",
       "KIOSK_PRINTER__ESCPOS_HOST": "127.0.0.1"}
printer = printer_from_settings(load_settings(environ=env).printer)
print(type(printer).__name__, "escpos" in sys.modules)
"""


def _start(backend: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, backend],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"},
    )
    return done.stdout.strip()


def test_file_and_cups_printers_start_without_python_escpos() -> None:
    assert _start("file") == "FilePrinter False"
    assert _start("cups") == "CupsPrinter False"


def test_the_escpos_back_end_still_loads_it() -> None:
    assert _start("escpos") == "EscposPrinter True"
