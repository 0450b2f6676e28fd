"""Command line of the kiosk: argument parsing only; every command lives in its own module.

kiosk [--config FILE] [run] [--windowed]   the citizen kiosk on the configured service
                                           (with none configured: as `kiosk demo`)
kiosk demo [--windowed]                    kiosk + embedded demo service + file printer
kiosk tour [--out DIR] [--portrait|--landscape] [--lang CODE] [--mode MODE[,MODE]]...
           [--translations DIR]              MODE: high-contrast, large-text, low-reach,
                                           pseudo (the 40 %-longer pseudo language), speech
kiosk print-test [--paper ...] [--lang es|en] [--out FILE.pdf]
kiosk staff [--fullscreen|--windowed]      the counter app: scan slips, check citizens in
kiosk staff demo [--fullscreen|--windowed] the counter app on an embedded demo service
kiosk staff verify TOKEN|IMAGE|PDF|- [--keys FILE] [--agency ID] [--date D] [--json]
                                           check a slip offline (exit 0/1/2/3)
kiosk provision [--service-url URL --kiosk-token-file FILE --agency ID ...] [--force]
                                           check this kiosk's values live and write them
                                           to kiosk.d/50-provision.toml (kiosk/field)
kiosk doctor [--json] [--lang es|en] [--no-display]
                                           one line per check of an installed kiosk
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from importlib.util import find_spec
from pathlib import Path
from typing import NoReturn

from kiosk import __version__

PAPERS = ("80mm", "58mm", "a4", "letter")
LANGS = ("es", "en")  # the slip's languages (kiosk/printing/texts.py)
TOUR_MODES = ("high-contrast", "large-text", "low-reach", "pseudo", "speech")


class UsageExit3Parser(argparse.ArgumentParser):
    """`kiosk staff verify` keeps exit 2 for "genuine but not for here": bad usage is 3."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(3, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kiosk", description="Turn-booking kiosk.")
    parser.add_argument("--version", action="version", version=f"kiosk {__version__}")
    parser.add_argument(
        "--config", type=Path, default=None, help="TOML settings file (default: $KIOSK_CONFIG)"
    )
    sub = parser.add_subparsers(dest="command")

    run = sub.add_parser("run", help="the citizen kiosk on the configured service (default)")
    run.add_argument("--windowed", action="store_true", help="a normal window, for development")

    demo = sub.add_parser("demo", help="the kiosk on an embedded demo service")
    demo.add_argument("--windowed", action="store_true", help="a normal window, for development")

    tour = sub.add_parser("tour", help="walk a whole booking headless and save screenshots")
    tour.add_argument("--out", type=Path, default=Path("tour"))
    orient = tour.add_mutually_exclusive_group()
    orient.add_argument("--portrait", dest="orientation", action="store_const", const="portrait")
    orient.add_argument("--landscape", dest="orientation", action="store_const", const="landscape")
    tour.set_defaults(orientation="portrait")
    tour.add_argument(
        "--lang",
        type=_language_code,
        default=None,
        help="language the citizen reads: es (default), en, or another with a catalogue",
    )
    tour.add_argument(
        "--mode",
        type=_tour_modes,
        action="append",
        default=[],
        metavar="MODE[,MODE]",
        help=(
            f"one of {', '.join(TOUR_MODES)}; modes combine: repeat --mode or separate them by"
            " commas (--mode high-contrast,low-reach). pseudo shows the pseudo language (every"
            " text 40 %% longer) instead of --lang; speech writes each screen's spoken text"
            " to the summary"
        ),
    )
    tour.add_argument(
        "--translations",
        type=Path,
        default=None,
        help="folder of the compiled catalogues kiosk_*.qm (default: the installed ones)",
    )

    staff = sub.add_parser("staff", help="the counter app: scan slips and check citizens in")
    size = staff.add_mutually_exclusive_group()
    size.add_argument("--fullscreen", dest="fullscreen", action="store_true", default=None)
    size.add_argument("--windowed", dest="fullscreen", action="store_false")
    staff_sub = staff.add_subparsers(dest="staff_command", parser_class=UsageExit3Parser)
    from kiosk.staff.verify_cli import add_verify_arguments  # no Qt: argparse only

    staff_demo = staff_sub.add_parser(
        "demo", help="the counter app on an embedded demo service, with a day of turns"
    )
    demo_size = staff_demo.add_mutually_exclusive_group()
    # SUPPRESS: `kiosk staff --fullscreen demo` keeps the flag given before the word.
    demo_size.add_argument(
        "--fullscreen", dest="fullscreen", action="store_true", default=argparse.SUPPRESS
    )
    demo_size.add_argument(
        "--windowed", dest="fullscreen", action="store_false", default=argparse.SUPPRESS
    )

    add_verify_arguments(
        staff_sub.add_parser(
            "verify",
            help="check a slip offline: signature and expiry, agency and day when asked",
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
    )

    from kiosk.field.arguments import add_doctor_arguments, add_provision_arguments

    add_provision_arguments(
        sub.add_parser(
            "provision",
            help="field installation: check this kiosk's values live and write its drop-in",
        )
    )
    add_doctor_arguments(
        sub.add_parser("doctor", help="check an installed kiosk: one line per check")
    )

    pt = sub.add_parser("print-test", help="print a sample slip with a demo token")
    pt.add_argument("--paper", choices=PAPERS, default=None)
    pt.add_argument("--lang", choices=LANGS, default="es")
    pt.add_argument("--out", type=Path, default=None, help="write the PDF here instead")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    command = args.command or "run"
    if command == "staff" and args.staff_command == "verify":
        from kiosk.staff.verify_cli import run_verify  # before the settings: works without

        return run_verify(args)
    if command == "provision":  # before the settings: it writes them
        from kiosk.field.provision import run_provision

        return run_provision(args)
    if command == "doctor" and args.qt_probe:  # the doctor's own child (kiosk/field/qt_probe)
        from kiosk.field.qt_probe import probe_main

        return probe_main()
    if command == "doctor":  # loads the settings itself: an error there is one of its checks
        from kiosk.field.doctor import run_doctor

        return run_doctor(args)

    # Imports are local so that `kiosk --help` and the tour stay fast and need no display.
    from kiosk.config import ConfigError, load_settings

    try:
        settings = load_settings(args.config)
    except ConfigError as exc:
        print(f"kiosk: configuration error: {exc}", file=sys.stderr)
        return 2

    if command == "demo" or (command == "run" and not settings.service.url):
        if not _demo_installed(command):
            return 2
        from kiosk.demo import run_demo  # no service configured: the demo's own

        return run_demo(settings, windowed=args.windowed)
    if command == "run":
        from kiosk.app import run_kiosk

        return run_kiosk(settings, windowed=args.windowed)
    if command == "tour":
        if not _demo_installed(command):
            return 2
        from kiosk.tour import run_tour

        modes = sorted({mode for given in args.mode for mode in given})
        if "pseudo" in modes and args.lang not in (None, "qps"):
            print(
                "kiosk tour: --mode pseudo shows the pseudo language; leave out --lang",
                file=sys.stderr,
            )
            return 2
        lang = "qps" if "pseudo" in modes else args.lang or "es"
        return run_tour(args.out, args.orientation, lang, modes, translations=args.translations)
    if command == "staff" and args.staff_command == "demo":
        if not _demo_installed("staff demo"):
            return 2
        from kiosk.staff.demo import run_staff_demo

        return run_staff_demo(settings, fullscreen=args.fullscreen)
    if command == "staff":
        from kiosk.staff.app import run_staff

        return run_staff(settings, fullscreen=args.fullscreen)
    if command == "print-test":
        from kiosk.printing.testprint import run_print_test

        return run_print_test(settings, args.paper, args.lang, args.out)
    raise AssertionError(command)


def _language_code(value: str) -> str:
    if not (2 <= len(value) <= 3 and value.isascii() and value.isalpha() and value.islower()):
        raise argparse.ArgumentTypeError(f"not a language code: {value!r}")
    return value


def _tour_modes(value: str) -> list[str]:
    modes = [mode.strip() for mode in value.split(",") if mode.strip()]
    unknown = [mode for mode in modes if mode not in TOUR_MODES]
    if unknown or not modes:
        raise argparse.ArgumentTypeError(
            f"unknown mode {', '.join(unknown) or repr(value)}"
            f" (choose from {', '.join(TOUR_MODES)})"
        )
    return modes


def _demo_installed(command: str) -> bool:
    """The demo and the tour run the reference service inside the kiosk; a kiosk installed
    without it (`turnero-kiosk[kiosk]`) says what to install instead of a traceback."""
    missing = [m for m in ("fastapi", "sqlalchemy", "uvicorn") if find_spec(m) is None]
    if missing:
        print(
            f"kiosk {command}: the embedded demo service is not installed"
            f" (missing: {', '.join(missing)}). Install it with:"
            " pip install 'turnero-kiosk[demo]', or set [service] url in the settings.",
            file=sys.stderr,
        )
    return not missing


if __name__ == "__main__":
    sys.exit(main())
