"""The command lines of `kiosk provision` and `kiosk doctor`: argparse only, so that building
the kiosk's parser (`kiosk --help`) imports nothing heavy."""

from __future__ import annotations

import argparse
from pathlib import Path

from kiosk.field.words import LANGS

#: Where the Debian package installs the settings (a conffile, never edited by hand).
PACKAGED_CONFIG = Path("/etc/turnero-kiosk/kiosk.toml")
#: Where `kiosk provision` writes: the drop-in folder beside it, which the package never touches.
DEFAULT_DROPIN = PACKAGED_CONFIG.parent / "kiosk.d" / "50-provision.toml"


def add_provision_arguments(parser: argparse.ArgumentParser) -> None:
    a = parser.add_argument
    a("--service-url", metavar="URL", help="the turn service, without /v1")
    token = parser.add_mutually_exclusive_group()
    token.add_argument(
        "--kiosk-token",
        metavar="TOKEN",
        help="this kiosk's token (visible to other users in the process list: prefer "
        "--kiosk-token-file or the question)",
    )
    token.add_argument(
        "--kiosk-token-file",
        metavar="FILE",
        help="a file holding the token; - reads it from standard input",
    )
    a(
        "--agency",
        action="append",
        metavar="ID[,ID]",
        help="the agency or agencies this kiosk serves (checked against the token's catalogue)",
    )
    a("--kiosk-id", metavar="ID", help="this kiosk's name in the operator's list and on slips")
    a("--printer-backend", metavar="cups|escpos|file")
    a("--printer-queue", metavar="QUEUE", help="CUPS queue (cups)")
    a("--escpos-host", metavar="HOST", help="the printer's address (escpos)")
    a("--escpos-port", metavar="PORT", help="its port (escpos; default 9100)")
    a("--printer-output-dir", metavar="DIR", help="where slips go as PDF files (file)")
    a("--paper", metavar="80mm|58mm|a4|letter")
    a("--screen-diagonal", metavar="INCHES")
    a("--screen-width", metavar="PX", help="as mounted: 1080 x 1920 is portrait")
    a("--screen-height", metavar="PX")
    a("--bottom-edge-mm", metavar="MM", help="the picture's lower edge above the floor")
    a("--pin", metavar="PIN", help="the maintenance PIN, 4-12 digits; only its hash is written")
    where = f"the file to write (default {DEFAULT_DROPIN})"
    a("--dropin", type=Path, default=DEFAULT_DROPIN, metavar="PATH", help=where)
    a("--force", action="store_true", help="write even if checks fail (they are listed)")
    a("--lang", choices=LANGS, default="es")


def add_doctor_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="one JSON object instead of lines")
    parser.add_argument("--lang", choices=LANGS, default="es", help="es (default) or en")
    parser.add_argument(
        "--no-display",
        action="store_true",
        help="this machine has no screen on purpose: do not require a display or touch",
    )
    parser.add_argument("--qt-probe", action="store_true", help=argparse.SUPPRESS)
