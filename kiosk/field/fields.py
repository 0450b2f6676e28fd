"""The values `kiosk provision` takes: their flags, where each goes in the settings, how a
typed answer is read (plain words when it cannot be), and when each is needed.

Values are kept parsed (`Values`, keyed by flag name): numbers as numbers, the PIN only as its
hash (kiosk.config.hash_pin) from the moment it is read.
"""

from __future__ import annotations

import contextlib
import re
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from kiosk.config import (
    KioskSection,
    MaintenanceSettings,
    ServiceSettings,
    check_pin,
    hash_pin,
)

Values = dict[str, Any]
DEMO_PIN = "2468"
PAPERS = ("80mm", "58mm", "a4", "letter")
BACKENDS = ("cups", "escpos", "file")
#: The drop-in's comment line that keeps the agencies checked (there is no setting for them:
#: the token's scope is what limits a kiosk; docs/security.md).
AGENCIES_LINE = re.compile(r"^# agencies: ([\d, ]+)$", re.MULTILINE)


class BadValueError(ValueError):
    """A value that cannot be used; `key` is its words key, `values` fill it in."""

    def __init__(self, key: str, **values: object) -> None:
        super().__init__(key)
        self.key = key
        self.values = values


def _url(text: str) -> str:
    text = text.strip().rstrip("/")
    text = text.removesuffix("/v1")  # the setting is the base URL; the kiosk adds /v1
    try:
        url = ServiceSettings(url=text).url
    except ValidationError:
        raise BadValueError("bad.url") from None
    assert url is not None
    return url


def _token(text: str) -> str:
    text = text.strip()
    if not text or len(text) > 512 or any(c.isspace() or not c.isprintable() for c in text):
        raise BadValueError("bad.token")
    return text


def _agencies(text: str) -> tuple[int, ...]:
    found: list[int] = []
    for part in re.split(r"[\s,]+", text.strip()):
        if not part:
            continue
        if not part.isdigit() or not 1 <= int(part) < 2**31:
            raise BadValueError("bad.agency")
        if int(part) not in found:
            found.append(int(part))
    if not found:
        raise BadValueError("bad.agency")
    return tuple(found)


def _kiosk_id(text: str) -> str:
    try:
        return KioskSection(id=text.strip()).id
    except ValidationError:
        raise BadValueError("bad.kiosk_id") from None


def _choice(choices: tuple[str, ...]) -> Callable[[str], str]:
    def parse(text: str) -> str:
        value = text.strip().lower()
        if value not in choices:
            raise BadValueError("bad.choice", choices=", ".join(choices))
        return value

    return parse


def _queue(text: str) -> str:
    # CUPS: up to 127 printable characters, none of space, tab, / \ # ' "
    value = text.strip()
    if not re.fullmatch(r"[^\s/\\#'\"]{1,127}", value) or not value.isprintable():
        raise BadValueError("bad.queue")
    return value


def _host(text: str) -> str:
    value = text.strip()
    if not re.fullmatch(r"[A-Za-z0-9._:\[\]-]{1,253}", value):
        raise BadValueError("bad.host")
    return value


def _number(
    kind: type[int] | type[float], low: float, high: float, key: str
) -> Callable[[str], Any]:
    def parse(text: str) -> int | float:
        try:
            value = kind(text.strip().replace(",", "."))  # 21,5 as written in Ecuador
        except ValueError:
            raise BadValueError(key, low=_num(low), high=_num(high)) from None
        if not low <= value <= high:
            raise BadValueError(key, low=_num(low), high=_num(high))
        return value

    return parse


def _num(value: float) -> str:
    return f"{value:g}"


def _folder(text: str) -> str:
    if not text.strip():
        raise BadValueError("bad.folder")
    return str(Path(text.strip()).expanduser().absolute())


def _pin(text: str) -> str:
    pin = text.strip()
    if pin == DEMO_PIN:
        raise BadValueError("bad.pin_demo")
    try:
        return hash_pin(pin)
    except ValueError:
        raise BadValueError("bad.pin") from None


def _stored_pin_hash(value: object) -> str:
    try:
        stored = MaintenanceSettings(pin_hash=str(value)).pin_hash
    except ValidationError:
        raise BadValueError("bad.pin") from None
    if check_pin(DEMO_PIN, stored):
        raise BadValueError("bad.pin_demo")
    return stored


def _always(_values: Mapping[str, Any]) -> bool:
    return True


def _backend_is(name: str) -> Callable[[Mapping[str, Any]], bool]:
    return lambda values: values.get("printer-backend") == name


@dataclass(frozen=True)
class Field:
    flag: str  # without the dashes; also the words key of its question (ask.FLAG)
    place: tuple[str, str] | None  # (section, key) in the settings; None: not a setting
    parse: Callable[[str], Any]
    secret: bool = False
    choices: tuple[str, ...] = ()
    default: str | None = None  # offered at the question; Enter takes it
    applies: Callable[[Mapping[str, Any]], bool] = _always
    optional: bool = False  # may stay unset (the kiosk's default), even without a terminal
    stored: Callable[[object], Any] | None = None  # reads the value kept in an old drop-in

    def from_file(self, value: object) -> Any:
        return self.stored(value) if self.stored else self.parse(str(value))


FIELDS: tuple[Field, ...] = (
    Field("service-url", ("service", "url"), _url),
    Field("kiosk-token", ("service", "kiosk_token"), _token, secret=True),
    Field("agency", None, _agencies),
    Field("kiosk-id", ("kiosk", "id"), _kiosk_id),
    Field("printer-backend", ("printer", "backend"), _choice(BACKENDS), choices=BACKENDS),
    Field("printer-queue", ("printer", "queue"), _queue, applies=_backend_is("cups")),
    Field("escpos-host", ("printer", "escpos_host"), _host, applies=_backend_is("escpos")),
    Field(
        "escpos-port", ("printer", "escpos_port"), _number(int, 1, 65535, "bad.port"),
        default="9100", applies=_backend_is("escpos"), optional=True,
    ),
    Field(
        "printer-output-dir", ("printer", "output_dir"), _folder,
        applies=_backend_is("file"), optional=True,
    ),
    Field("paper", ("printer", "paper"), _choice(PAPERS), choices=PAPERS, default="80mm"),
    Field(
        "screen-diagonal", ("screen", "diagonal_in"), _number(float, 6, 100, "bad.diagonal")
    ),
    Field("screen-width", ("screen", "width_px"), _number(int, 320, 10_000, "bad.pixels")),
    Field("screen-height", ("screen", "height_px"), _number(int, 320, 10_000, "bad.pixels")),
    Field(
        "bottom-edge-mm", ("screen", "bottom_edge_mm"), _number(float, 0, 2500, "bad.edge")
    ),
    Field("pin", ("maintenance", "pin_hash"), _pin, secret=True, stored=_stored_pin_hash),
)  # fmt: skip
BY_FLAG = {f.flag: f for f in FIELDS}
#: The values that say which printer and where (the paper is checked on its own).
PRINTER_FLAGS = (
    "printer-backend",
    "printer-queue",
    "escpos-host",
    "escpos-port",
    "printer-output-dir",
)
SCREEN_FLAGS = ("screen-diagonal", "screen-width", "screen-height", "bottom-edge-mm")


def needed(values: Mapping[str, Any]) -> list[Field]:
    """The fields that apply to these values and must have one."""
    return [f for f in FIELDS if f.applies(values) and not f.optional]


def applying(values: Mapping[str, Any]) -> Values:
    """Only the values that apply (a CUPS queue is dropped when the printer became ESC/POS)."""
    return {f.flag: values[f.flag] for f in FIELDS if f.flag in values and f.applies(values)}


def read_old(path: Path) -> tuple[Values, list[str]]:
    """The values an earlier `kiosk provision` wrote to `path`, and the keys in it that
    provisioning does not manage (they would be lost: the caller says so). Unusable values
    are left out: they are asked or required again."""
    try:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return {}, []
    values: Values = {}
    managed = {f.place: f for f in FIELDS if f.place}
    others: list[str] = []
    for section, table in data.items():
        if not isinstance(table, dict):
            others.append(section)
            continue
        for key, value in table.items():
            field = managed.get((section, key))
            if field is None:
                others.append(f"{section}.{key}")
                continue
            try:
                values[field.flag] = field.from_file(value)
            except BadValueError:
                continue
    found = AGENCIES_LINE.search(text)
    if found:
        with contextlib.suppress(BadValueError):
            values["agency"] = _agencies(found.group(1))
    return values, others
