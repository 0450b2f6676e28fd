"""`kiosk provision`: this kiosk's own settings, checked live, written as a drop-in.

Values come from the flags, then from the drop-in an earlier run wrote (so changing the printer
does not need the token again), then, on a terminal, from questions (Spanish first, `--lang
en`). Without a terminal nothing is asked: a missing value is named by its flag (exit 2).
Each value is then checked against the live service and the printer (kiosk/field/service.py,
printer.py) and the result said per value, with what to fix. The drop-in is written (0640,
atomically, after loading it as the kiosk will: dropin.py) only when every check passed, or
with `--force`, which lists the failures in the file. On a terminal, failed values may be
corrected at once. The token and the PIN are never printed or logged; only the PIN's hash is
written.

Exit: 0 written; 1 a check failed, nothing written; 2 a value missing or unusable, or the
questions were cancelled; 3 the file could not be written or would not load; 4 written with
--force although checks failed.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kiosk.config import DROPIN_DIR, PrinterSettings
from kiosk.domain.screen import ScreenGeometry
from kiosk.field import dropin, service
from kiosk.field.checks import Check, passed, render_lines
from kiosk.field.fields import (
    BY_FLAG,
    FIELDS,
    PRINTER_FLAGS,
    SCREEN_FLAGS,
    BadValueError,
    Field,
    Values,
    applying,
    needed,
    read_old,
)
from kiosk.field.printer import check_paper, check_printer, read_printer
from kiosk.field.system import check_reach_band
from kiosk.field.words import Words

EXIT_WRITTEN, EXIT_FAILED, EXIT_USAGE, EXIT_WRITE, EXIT_FORCED = 0, 1, 2, 3, 4
MAX_TRIES = 5
#: --kiosk-token-file - reads the token from standard input.
STDIN_NAME = "-"


class QuestionsEndedError(Exception):
    """The technician ended the questions (Ctrl-D, Ctrl-C, or too many unusable answers)."""


class Questions:
    """Asks on the terminal; `line` and `secret` are input() and getpass() unless given."""

    def __init__(
        self,
        words: Words,
        line: Callable[[str], str] = input,
        secret: Callable[[str], str] = getpass.getpass,
    ) -> None:
        self.words, self._line, self._secret = words, line, secret

    def ask(self, field: Field, current: Any = None) -> Any:
        w = self.words
        hint = f" ({'/'.join(field.choices)})" if field.choices else ""
        offer = field.default
        if current is not None:
            offer = w("ask.keep") if field.secret else _shown(current)
        prompt = f"{w('ask.' + field.flag)}{hint}{f' [{offer}]' if offer else ''}: "
        read = self._secret if field.secret else self._line
        for _ in range(MAX_TRIES):
            text = _read(read, prompt).strip()
            if not text and current is not None:
                return current
            text = text or field.default or ""
            if not text:
                continue
            try:
                value = field.parse(text)
            except BadValueError as exc:
                print(f"  {w(exc.key, **exc.values)}")
                continue
            if (
                field.flag == "pin"
                and _read(self._secret, w("ask.pin-again") + ": ").strip() != text
            ):
                print(f"  {w('pin.mismatch')}")
                continue
            return value
        raise QuestionsEndedError

    def yes(self, question: str) -> bool:
        answer = _read(self._line, f"{question} [{self.words('yes.short')}/n]: ").strip().lower()
        return answer in ("", "s", "si", "sí", "y", "yes")


def _read(read: Callable[[str], str], prompt: str) -> str:
    try:
        return read(prompt)
    except (EOFError, KeyboardInterrupt):
        print()
        raise QuestionsEndedError from None


def _shown(value: Any) -> str:
    return ",".join(str(v) for v in value) if isinstance(value, tuple) else str(value)


# -- values -------------------------------------------------------------------------------------


def from_flags(args: argparse.Namespace) -> tuple[Values, dict[str, BadValueError]]:
    values: Values = {}
    bad: dict[str, BadValueError] = {}
    given: dict[str, str | None] = {
        f.flag: getattr(args, f.flag.replace("-", "_"), None) for f in FIELDS
    }
    given["agency"] = ",".join(args.agency) if args.agency else None
    if args.kiosk_token_file:
        try:
            given["kiosk-token"] = _read_token_file(args.kiosk_token_file)
        except BadValueError as exc:
            bad["kiosk-token"] = exc
    for flag, text in given.items():
        if text is None or flag in bad:
            continue
        try:
            values[flag] = BY_FLAG[flag].parse(text)
        except BadValueError as exc:
            bad[flag] = exc
    return values, bad


def _read_token_file(name: str) -> str:
    try:
        text = sys.stdin.read() if name == STDIN_NAME else Path(name).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        raise BadValueError("bad.token_file", file=name) from None
    return text.strip()


def missing(values: Values) -> list[Field]:
    return [f for f in needed(values) if f.flag not in values]


# -- checks -------------------------------------------------------------------------------------


def run_checks(values: Values, words: Words) -> tuple[list[Check], list[str]]:
    """One check per value (or group of values), and notes that are not failures."""
    notes: list[str] = []
    printer_flags = tuple(f for f in PRINTER_FLAGS if BY_FLAG[f].applies(values))
    printer = read_printer(
        PrinterSettings(  # every value was read by its field: this validates
            backend=values["printer-backend"],
            queue=values.get("printer-queue"),
            escpos_host=values.get("escpos-host"),
            escpos_port=values.get("escpos-port", 9100),
            output_dir=values.get("printer-output-dir"),
            paper=values["paper"],
        )
    )
    printer_check = check_printer(words, printer, provisioning=True, fields=printer_flags)
    state, paper = printer.heartbeat()
    checks: list[Check] = []
    found = service.probe(
        values["service-url"], values["kiosk-token"], printer_state=state, paper=paper
    )
    url_flag, token_flag = ("service-url",), ("kiosk-token",)
    checks += [
        service.check_service(words, found, url_flag),
        service.check_api_version(words, found, url_flag),
        service.check_token(words, found, token_flag),
    ]
    agency_check, note = service.check_agencies(words, found, values["agency"], ("agency",))
    checks.append(agency_check)
    if note:
        notes.append(note)
    checks.append(passed("kiosk_id", values["kiosk-id"], ("kiosk-id",)))
    checks.append(printer_check)
    checks.append(
        check_paper(words, values["printer-backend"], values["paper"], ("paper", "printer-backend"))
    )
    geometry = ScreenGeometry(*(values[flag] for flag in SCREEN_FLAGS))
    size = words(
        "screen.ok",
        diagonal=f"{geometry.diagonal_in:g}",
        width=geometry.width_px,
        height=geometry.height_px,
        orientation=words(f"screen.{geometry.orientation}"),
        edge=f"{geometry.bottom_edge_mm:g}",
    )
    checks.append(passed("screen", size, SCREEN_FLAGS))
    checks.append(check_reach_band(words, geometry, SCREEN_FLAGS))
    checks.append(passed("pin", words("pin.ok"), ("pin",)))
    return checks, notes


# -- the command --------------------------------------------------------------------------------


def run_provision(
    args: argparse.Namespace,
    *,
    interactive: bool | None = None,
    questions: Questions | None = None,
) -> int:
    words = Words(args.lang)
    if interactive is None:
        interactive = sys.stdin.isatty() and args.kiosk_token_file != STDIN_NAME
    ask = questions or Questions(words)
    try:
        return _provision(args, words, interactive, ask)
    except QuestionsEndedError:
        print(words("provision.cancelled"))
        return EXIT_USAGE


def _provision(args: argparse.Namespace, words: Words, interactive: bool, ask: Questions) -> int:
    target: Path = args.dropin
    print(words("provision.head", target=target))
    if target.suffix != ".toml" or target.name.startswith("."):
        print(words("provision.bad_flag", flag="dropin", why=words("bad.dropin")))
        return EXIT_USAGE
    if not dropin.writable(target):
        print(words("provision.not_writable", target=target))
        return EXIT_WRITE
    old, others = read_old(target)
    values, bad = from_flags(args)
    if bad and not interactive:
        for flag, exc in bad.items():
            print(words("provision.bad_flag", flag=flag, why=words(exc.key, **exc.values)))
        return EXIT_USAGE
    for flag in bad:
        print(words("provision.bad_flag", flag=flag, why=words(bad[flag].key, **bad[flag].values)))
    from_old = [f.flag for f in FIELDS if f.flag in old and f.flag not in {*values, *bad}]
    values.update({f: old[f] for f in from_old})
    if interactive:
        for field in FIELDS:  # in order: a later question may depend on an earlier answer
            if field.applies(values) and field.flag not in values:
                if field.optional and field.default is None:
                    continue
                values[field.flag] = ask.ask(field)
    lacking = missing(values)
    if lacking:
        print(words("provision.missing", flags=", ".join(_flag_names(lacking, words))))
        return EXIT_USAGE
    if from_old:
        print(words("provision.kept", flags=", ".join(f"--{f}" for f in from_old)))
    values = applying(values)
    while True:
        print(words("provision.checking"))
        checks, notes = run_checks(values, words)
        print("\n".join(render_lines(checks, words)))
        for note in notes:
            print(f"{words('note')}: {note}")
        failures = [c for c in checks if not c.ok]
        if not failures:
            break
        to_fix = [BY_FLAG[f] for c in failures for f in c.fields if f in BY_FLAG]
        if interactive and to_fix and ask.yes(words("provision.fix_now")):
            for field in dict.fromkeys(to_fix):
                if field.applies(values):
                    values[field.flag] = ask.ask(field, values.get(field.flag))
            for field in missing(values):
                values[field.flag] = ask.ask(field)
            values = applying(values)
            continue
        if not args.force:
            print(words("provision.not_written"))
            return EXIT_FAILED
        print(words("provision.forced", checks=", ".join(c.name for c in failures)))
        break
    return _write(args, words, values, [c.name for c in failures], others)


def _write(
    args: argparse.Namespace, words: Words, values: Values, failures: list[str], others: list[str]
) -> int:
    target: Path = args.dropin
    main = dropin.main_config_for(target, args.config, os.environ)
    text = dropin.compose(values, failed_checks=failures)
    try:
        dropin.write(target, text, main)
    except dropin.WriteError as exc:
        print(words("provision.write_failed", why=str(exc)))
        return EXIT_WRITE
    print(words("provision.written", target=target, group=dropin.group_name(target)))
    if others:
        print(f"{words('note')}: {words('provision.dropped', keys=', '.join(sorted(others)))}")
    if main is None or not main.exists():
        expected = main or target.parent.parent / "kiosk.toml"
        print(f"{words('note')}: {words('provision.no_main', main=expected)}")
    elif target.parent.resolve() != (main.parent / DROPIN_DIR).resolve():
        folder = main.parent / DROPIN_DIR
        print(f"{words('note')}: {words('provision.elsewhere', folder=folder)}")
    print(words("provision.next"))
    return EXIT_FORCED if failures else EXIT_WRITTEN


def _flag_names(fields: list[Field], words: Words) -> list[str]:
    names = [f"--{field.flag}" for field in fields]
    return [words("provision.token_flags") if name == "--kiosk-token" else name for name in names]
