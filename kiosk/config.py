"""The kiosk's settings: a TOML file, environment overrides, validated once at start.

Sources, later ones winning: built-in defaults (enough for the demo), the TOML file
(`--config FILE` or `$KIOSK_CONFIG`), the drop-ins beside it, then environment variables
`KIOSK_<SECTION>__<FIELD>` (e.g. `KIOSK_PRINTER__BACKEND=cups`). Unknown sections and keys are
errors, in the files and in the environment alike, so a typo never passes silently. A bad value
raises `ConfigError` whose message names the key (`printer.paper: must be one of 80mm, 58mm, a4,
letter`) and never repeats the value, which may be a secret. Relative paths are relative to the
file that sets them.

Drop-ins: every `*.toml` in the folder `kiosk.d/` beside the settings file (for
/etc/turnero-kiosk/kiosk.toml: /etc/turnero-kiosk/kiosk.d/*.toml), read in name order after the
file; a later file wins key by key within a section, so a drop-in holds only the keys it
changes. Names starting with a dot are skipped (a file being written). The Debian package ships
kiosk.toml as a conffile and never touches kiosk.d/, where `kiosk provision` writes
50-provision.toml: an upgrade never stops to ask about a changed settings file. An error in a
drop-in names the drop-in (`…/kiosk.d/50-provision.toml: printer.quue: unknown setting`).

Every key is documented in kiosk.example.toml, shipped inside the package
(kiosk/resources/kiosk.example.toml; `EXAMPLE_CONFIG` is its path in this install).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import os
import re
import secrets
import tomllib
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Literal, get_args

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from kiosk.domain.screen import ScreenGeometry
from kiosk.resources import example_config, translations_dir

#: The documented example of every setting, as installed with the package.
EXAMPLE_CONFIG = example_config()
ENV_PREFIX = "KIOSK_"
ENV_CONFIG_FILE = "KIOSK_CONFIG"
#: The folder of drop-ins beside the settings file, read after it (module docstring).
DROPIN_DIR = "kiosk.d"
_ENV_KEY = re.compile(r"^KIOSK_([A-Z0-9_]+?)__([A-Z0-9_]+)$")
_LANGUAGE_CODE = re.compile(r"[a-z]{2,3}")


class ConfigError(Exception):
    """A setting is missing, unknown or bad; `keys` lists the dotted keys concerned."""

    def __init__(self, message: str, keys: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.keys = keys


# -- the maintenance PIN -----------------------------------------------------------------------

_SCRYPT_N, _SCRYPT_R, _SCRYPT_P = 2**14, 8, 1
_SCRYPT_MAXMEM = 2**27  # refuse hashes whose parameters would exhaust the kiosk's memory


def hash_pin(pin: str) -> str:
    """`scrypt$n$r$p$salt$hash` (base64) of the PIN, with a random salt: for maintenance.pin_hash.

    PINs are 4 to 12 digits (the panel has a numeric keypad).
    """
    if not (pin.isascii() and pin.isdigit() and 4 <= len(pin) <= 12):
        raise ValueError("the PIN must be 4 to 12 digits")
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(
        pin.encode(), salt=salt, n=_SCRYPT_N, r=_SCRYPT_R, p=_SCRYPT_P, dklen=32
    )
    enc = base64.b64encode
    return f"scrypt${_SCRYPT_N}${_SCRYPT_R}${_SCRYPT_P}${enc(salt).decode()}${enc(digest).decode()}"


def _parse_pin_hash(stored: str) -> tuple[str, tuple[int, ...], bytes, bytes]:
    """(scheme, parameters, salt, digest); ValueError when malformed."""
    parts = stored.strip().split("$")
    try:
        if parts[0] == "scrypt" and len(parts) == 6:
            n, r, p = int(parts[1]), int(parts[2]), int(parts[3])
            if n < 2 or n & (n - 1) or r < 1 or p < 1 or 128 * r * n > _SCRYPT_MAXMEM:
                raise ValueError("bad scrypt parameters")
            params: tuple[int, ...] = (n, r, p)
            salt, digest = parts[4], parts[5]
        elif parts[0] in ("pbkdf2_sha256", "pbkdf2-sha256") and len(parts) == 4:
            iterations = int(parts[1])
            if not 1 <= iterations <= 10_000_000:
                raise ValueError("bad pbkdf2 iterations")
            params, salt, digest = (iterations,), parts[2], parts[3]
        else:
            raise ValueError("unknown PIN hash scheme")
        salt_bytes = base64.b64decode(salt, validate=True)
        digest_bytes = base64.b64decode(digest, validate=True)
    except binascii.Error as exc:
        raise ValueError("bad base64 in PIN hash") from exc
    if len(salt_bytes) < 8 or len(digest_bytes) < 16:
        raise ValueError("PIN hash salt or digest too short")
    return parts[0], params, salt_bytes, digest_bytes


def check_pin(pin: str, stored: str) -> bool:
    """Whether `pin` matches `stored`; constant-time; a malformed hash never matches."""
    try:
        scheme, params, salt, want = _parse_pin_hash(stored)
    except ValueError:
        return False
    if scheme == "scrypt":
        n, r, p = params
        got = hashlib.scrypt(
            pin.encode(), salt=salt, n=n, r=r, p=p, dklen=len(want), maxmem=_SCRYPT_MAXMEM
        )
    else:
        got = hashlib.pbkdf2_hmac("sha256", pin.encode(), salt, params[0], len(want))
    return hmac.compare_digest(got, want)


#: hash_pin("2468") once: the demo's maintenance PIN. Change it on every real kiosk.
DEMO_PIN_HASH = (
    "scrypt$16384$8$1$a2lvc2stZGVtby1zYWx0IQ==$RGxFuk6N1Y0EysGfGuQBEggIRy4AgmTDFFGj4Va0yQo="
)


# -- the sections ------------------------------------------------------------------------------


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, validate_default=True)


def _optional_text(value: object) -> object:
    # An empty string (as an environment variable can only give) means "not set".
    return None if isinstance(value, str) and not value.strip() else value


class ServiceSettings(_Section):
    url: str | None = None  # None: the embedded demo service
    kiosk_token: str | None = Field(default=None, repr=False)
    timeout_s: float = Field(default=10.0, gt=0, le=300)
    health_poll_s: float = Field(default=5.0, gt=0, le=3600)

    _empty_is_none = field_validator("url", "kiosk_token", mode="before")(_optional_text)

    @field_validator("url")
    @classmethod
    def _http_url(cls, value: str | None) -> str | None:
        if value is None:
            return None
        if not re.match(r"^https?://[^/\s:]+(:\d{1,5})?(/\S*)?$", value):
            raise ValueError("must be an http:// or https:// URL")
        return value.rstrip("/")


class KioskSection(_Section):
    id: str = Field(default="KIOSK-DEMO-01", pattern=r"^[A-Za-z0-9._-]{1,64}$")
    #: the languages the kiosk offers, in the order its language button cycles through them;
    #: each needs its catalogue kiosk_<code>.qm (a .ts file compiled with the others)
    languages: tuple[str, ...] = ("es", "en")
    #: the language a touch outside the language buttons starts in; one of `languages`
    default_language: str = "es"
    contact_phone: str = Field(default="593 23945666", min_length=1, max_length=40)
    #: issuer expected in confirmation tokens (must match the service's TURNOS_ISSUER)
    issuer: str = Field(default="turnos", pattern=r"^[!-~]{1,32}$")
    #: the kiosk's own zone, for clock times on screen (a code's life, a limit's end)
    time_zone: Literal["America/Guayaquil", "Pacific/Galapagos"] = "America/Guayaquil"

    @field_validator("languages", mode="before")
    @classmethod
    def _comma_list(cls, value: object) -> object:
        # From the environment: KIOSK_KIOSK__LANGUAGES=es,en
        return (
            tuple(p.strip() for p in value.split(",") if p.strip())
            if isinstance(value, str)
            else value
        )

    @field_validator("languages")
    @classmethod
    def _language_codes(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        if not value:
            raise ValueError("must list at least one language")
        for code in value:
            if not _LANGUAGE_CODE.fullmatch(code):
                raise ValueError("each must be a language code of two or three lower-case letters")
        if len(set(value)) != len(value):
            raise ValueError("lists a language twice")
        return value

    @field_validator("default_language")
    @classmethod
    def _default_offered(cls, value: str, info: ValidationInfo) -> str:
        # `languages` comes first in the class, so it is validated (or failed) already.
        offered = info.data.get("languages")
        if offered is not None and value not in offered:
            raise ValueError(f"must be one of {', '.join(offered)} (kiosk.languages)")
        return value


class ScreenSettings(_Section):
    diagonal_in: float = Field(default=21.5, gt=5, le=100)
    width_px: int = Field(default=1080, ge=320, le=10_000)
    height_px: int = Field(default=1920, ge=320, le=10_000)
    bottom_edge_mm: float = Field(default=800.0, ge=0, le=2500)

    def geometry(self) -> ScreenGeometry:
        return ScreenGeometry(self.diagonal_in, self.width_px, self.height_px, self.bottom_edge_mm)


class IdleSettings(_Section):
    default_s: int = Field(default=60, ge=10, le=3600)
    code_step_s: int = Field(default=180, ge=10, le=3600)
    warning_s: int = Field(default=20, ge=5, le=600)

    @model_validator(mode="after")
    def _warning_fits(self) -> IdleSettings:
        if self.warning_s >= min(self.default_s, self.code_step_s):
            raise ValueError("warning_s: must be shorter than default_s and code_step_s")
        return self


Paper = Literal["80mm", "58mm", "a4", "letter"]


class PrinterSettings(_Section):
    backend: Literal["file", "cups", "escpos"] = "file"
    queue: str | None = None  # CUPS queue
    paper: Paper = "80mm"
    dpi: int = Field(default=203, ge=72, le=1200)
    output_dir: Path | None = None  # file back end; None: the printing module's default
    escpos_host: str | None = None
    escpos_port: int = Field(default=9100, ge=1, le=65535)
    escpos_usb_vendor: int | None = Field(default=None, ge=0, le=0xFFFF)
    escpos_usb_product: int | None = Field(default=None, ge=0, le=0xFFFF)
    escpos_profile: str = Field(default="TM-T88V", min_length=1)
    escpos_qr: Literal["native", "image"] = "image"

    _empty_is_none = field_validator(
        "queue",
        "output_dir",
        "escpos_host",
        "escpos_usb_vendor",
        "escpos_usb_product",
        mode="before",
    )(_optional_text)

    @field_validator("escpos_usb_vendor", "escpos_usb_product", mode="before")
    @classmethod
    def _hex_id(cls, value: object) -> object:
        # USB ids are written in hex (lsusb: 04b8:0202); accept "0x04b8" from the environment.
        if isinstance(value, str) and value.strip().lower().startswith("0x"):
            try:
                return int(value.strip(), 16)
            except ValueError:
                raise ValueError("must be a number such as 0x04b8") from None
        return value

    @model_validator(mode="after")
    def _backend_complete(self) -> PrinterSettings:
        if self.backend == "cups" and not self.queue:
            raise ValueError("queue: required when backend is cups")
        usb = (self.escpos_usb_vendor, self.escpos_usb_product)
        if (usb[0] is None) != (usb[1] is None):
            raise ValueError(
                "escpos_usb_product: set both escpos_usb_vendor and escpos_usb_product"
            )
        if self.backend == "escpos" and not self.escpos_host and usb[0] is None:
            raise ValueError(
                "escpos_host: required when backend is escpos (or a USB vendor/product)"
            )
        return self


class MaintenanceSettings(_Section):
    pin_hash: str = Field(default=DEMO_PIN_HASH, repr=False)
    gesture: Literal["corner-taps"] = "corner-taps"

    @field_validator("pin_hash")
    @classmethod
    def _well_formed(cls, value: str) -> str:
        try:
            _parse_pin_hash(value)
        except ValueError:
            raise ValueError(
                "must be a hash from `python -c 'from kiosk.config import hash_pin; "
                'print(hash_pin("NEW PIN"))\'`'
            ) from None
        return value.strip()


class BrandingSettings(_Section):
    name: str = Field(default="Turnos", min_length=1, max_length=60)
    primary_color: str = "#0B5394"
    secondary_color: str = "#F1C232"
    logo: Path | None = None

    _empty_is_none = field_validator("logo", mode="before")(_optional_text)

    @field_validator("primary_color", "secondary_color")
    @classmethod
    def _hex_colour(cls, value: str) -> str:
        if not re.fullmatch(r"#(?:[0-9A-Fa-f]{3}|[0-9A-Fa-f]{6})", value):
            raise ValueError("must be a colour such as #0B5394")
        return value.upper()

    @field_validator("logo")
    @classmethod
    def _logo_exists(cls, value: Path | None) -> Path | None:
        if value is not None and not value.is_file():
            raise ValueError("file not found")
        return value


class StaffSettings(_Section):
    """The counter app (`kiosk staff`): its own token and agency, its files, its window."""

    #: the staff member's own token (role staff, scoped to one agency), from the operator
    token: str | None = Field(default=None, repr=False)
    #: the agency this counter serves; its turns are checked in, others refused
    agency_id: int | None = Field(default=None, ge=1, lt=2**31)
    #: where the service's public keys are kept for offline checks (None: the user's data dir)
    keys_file: Path | None = None
    #: where check-ins verified offline wait for the service (None: the user's data dir)
    queue_dir: Path | None = None
    #: seconds between refreshes of the keys and of the day's list
    refresh_s: float = Field(default=60.0, ge=5, le=3600)
    #: the check-in window offline; must match the service's TURNOS_CHECKIN_BEFORE_S / _AFTER_S
    checkin_before_s: int = Field(default=1800, ge=0, le=86400)
    checkin_after_s: int = Field(default=900, ge=0, le=86400)
    #: "auto": the first camera found, "off": none, else part of a camera's description
    camera: str = Field(default="auto", min_length=1, max_length=200)
    sounds: bool = True
    language: Literal["es", "en"] = "es"
    fullscreen: bool = False

    _empty_is_none = field_validator("token", mode="before")(_optional_text)


class KioskSettings(_Section):
    service: ServiceSettings = ServiceSettings()
    kiosk: KioskSection = KioskSection()
    screen: ScreenSettings = ScreenSettings()
    idle: IdleSettings = IdleSettings()
    printer: PrinterSettings = PrinterSettings()
    maintenance: MaintenanceSettings = MaintenanceSettings()
    branding: BrandingSettings = BrandingSettings()
    staff: StaffSettings = StaffSettings()


_SECTIONS: dict[str, type[_Section]] = {
    name: info.annotation  # type: ignore[misc]
    for name, info in KioskSettings.model_fields.items()
}
# Fields holding paths: relative values in the file are relative to the file.
_PATH_FIELDS = {
    ("printer", "output_dir"),
    ("branding", "logo"),
    ("staff", "keys_file"),
    ("staff", "queue_dir"),
}


# -- loading -----------------------------------------------------------------------------------


def load_settings(
    path: Path | None = None,
    environ: Mapping[str, str] | None = None,
    *,
    dropins: Sequence[Path] | None = None,
) -> KioskSettings:
    """Settings from defaults, the TOML file (`path` or $KIOSK_CONFIG), the drop-ins beside it
    and KIOSK_* variables.

    `dropins` replaces the drop-ins found beside the file (`dropin_files`), in the order given:
    `kiosk provision` checks a new drop-in this way before putting it in place.
    """
    env = os.environ if environ is None else environ
    if path is None and env.get(ENV_CONFIG_FILE):
        path = Path(env[ENV_CONFIG_FILE])
    data: dict[str, Any] = {}
    if path is not None:
        data = _read_toml(path)
    if dropins is None:
        dropins = dropin_files(path) if path is not None else []
    # The drop-in that set each dotted key last, to name it when its value is refused.
    origin: dict[str, Path] = {}
    for dropin in dropins:
        for section, table in _read_dropin(dropin).items():
            merged = data.setdefault(section, {})
            if not isinstance(merged, dict):
                raise ConfigError(f"{section}: must be a table", (section,))
            merged.update(table)
            origin.update({f"{section}.{key}": dropin for key in table})
    for (section, key), value in _env_overrides(env).items():
        section_data = data.setdefault(section, {})
        if not isinstance(section_data, dict):
            raise ConfigError(f"{section}: must be a table", (section,))
        section_data[key] = value
        origin.pop(f"{section}.{key}", None)
    try:
        settings = KioskSettings.model_validate(data)
    except ValidationError as exc:
        raise _config_error(exc, origin) from None
    _require_catalogues(settings.kiosk.languages, origin)
    try:
        settings.screen.geometry().reach_band_px()
    except ValueError:
        key = "screen.bottom_edge_mm"
        raise ConfigError(
            f"{key}: the screen lies outside the reach band of 380-1220 mm{_set_in(key, origin)}",
            (key,),
        ) from None
    return settings


def _require_catalogues(codes: Sequence[str], origin: Mapping[str, Path]) -> None:
    """Adding a language is adding its .ts file and its code to kiosk.languages: a code
    without a compiled catalogue would show Spanish under another name, so it is refused."""
    folder = translations_dir()
    missing = [code for code in codes if not (folder / f"kiosk_{code}.qm").is_file()]
    if missing:
        key = "kiosk.languages"
        names = ", ".join(f"kiosk_{code}.qm" for code in missing)
        raise ConfigError(
            f"{key}: no compiled catalogue {names} in {folder} (add kiosk_<code>.ts and run "
            f"scripts/build-translations){_set_in(key, origin)}",
            (key,),
        )


def dropin_files(config_file: Path) -> list[Path]:
    """The drop-ins read after `config_file`: `kiosk.d/*.toml` beside it, in name order."""
    folder = config_file.parent / DROPIN_DIR
    try:
        entries = list(folder.iterdir())
    except (FileNotFoundError, NotADirectoryError):
        return []
    except OSError as exc:
        raise ConfigError(f"config folder not readable: {folder} ({exc.strerror})") from None
    found = [
        entry
        for entry in entries
        if entry.suffix == ".toml" and not entry.name.startswith(".") and entry.is_file()
    ]
    return sorted(found, key=lambda entry: entry.name)


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as f:
            data = tomllib.load(f)
    except FileNotFoundError:
        raise ConfigError(f"config file not found: {path}") from None
    except OSError as exc:
        raise ConfigError(f"config file not readable: {path} ({exc.strerror})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"config file is not valid TOML: {path}: {exc}") from None
    base = path.resolve().parent
    for section, key in _PATH_FIELDS:
        table = data.get(section)
        if isinstance(table, dict) and isinstance(table.get(key), str) and table[key]:
            table[key] = str(base / Path(table[key]).expanduser())
    return data


def _read_dropin(path: Path) -> dict[str, dict[str, Any]]:
    """A drop-in's tables; an unknown section or key is an error naming the drop-in."""
    data = _read_toml(path)
    problems: list[str] = []
    keys: list[str] = []
    for section, table in data.items():
        model = _SECTIONS.get(section)
        if model is None or not isinstance(table, dict):
            keys.append(section)
            problems.append(
                f"{section}: must be a table"
                if model is not None
                else f"{section}: unknown setting (see kiosk.example.toml)"
            )
            continue
        for key in table:
            if key not in model.model_fields:
                keys.append(f"{section}.{key}")
                problems.append(f"{section}.{key}: unknown setting (see kiosk.example.toml)")
    if problems:
        raise ConfigError(f"{path}: " + "; ".join(problems), tuple(keys))
    return data


def _set_in(key: str, origin: Mapping[str, Path]) -> str:
    """Names the drop-in that set `key`, if one did: the technician knows which file to edit."""
    return f" (set in {origin[key]})" if key in origin else ""


def _env_overrides(env: Mapping[str, str]) -> dict[tuple[str, str], str]:
    """KIOSK_<SECTION>__<FIELD> variables; unknown sections or fields are errors."""
    found: dict[tuple[str, str], str] = {}
    for name, value in env.items():
        if not name.startswith(ENV_PREFIX) or "__" not in name:
            continue
        match = _ENV_KEY.match(name)
        section, key = (match.group(1).lower(), match.group(2).lower()) if match else ("", "")
        model = _SECTIONS.get(section)
        if model is None or key not in model.model_fields:
            raise ConfigError(f"{name}: unknown setting (see kiosk.example.toml)", (name,))
        found[(section, key)] = value
    return found


def _config_error(exc: ValidationError, origin: Mapping[str, Path]) -> ConfigError:
    messages: list[str] = []
    keys: list[str] = []
    for error in exc.errors():
        loc = [str(part) for part in error["loc"]]
        text = _describe(error, loc)
        if error["type"] == "value_error" and ": " in text and len(loc) == 1:
            # A check across fields of a section names its own field first ("queue: ...").
            field, text = text.split(": ", 1)
            loc.append(field)
        key = ".".join(loc)
        keys.append(key)
        messages.append(f"{key}: {text}{_set_in(key, origin)}")
    return ConfigError("; ".join(messages), tuple(keys))


def _describe(error: Any, loc: list[str]) -> str:
    kind = error["type"]
    if kind == "extra_forbidden":
        return "unknown setting (see kiosk.example.toml)"
    if kind == "literal_error":
        choices = _literal_choices(loc)
        if choices:
            return "must be one of " + ", ".join(choices)
    if kind == "value_error":
        return str(error["ctx"]["error"])
    if kind == "string_pattern_mismatch":
        return "has characters that are not allowed"
    # Pydantic's own wording ("Input should be greater than 0"), without the input itself.
    message = str(error["msg"])
    return message[0].lower() + message[1:]


def _literal_choices(loc: list[str]) -> tuple[str, ...]:
    if len(loc) < 2 or loc[0] not in _SECTIONS:
        return ()
    info = _SECTIONS[loc[0]].model_fields.get(loc[1])
    return tuple(str(a) for a in get_args(info.annotation)) if info else ()
