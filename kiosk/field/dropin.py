"""The settings drop-in `kiosk provision` writes: its text, and how it is put in place.

The file is written beside its final name under a hidden name (the kiosk skips names starting
with a dot), with mode 0640, then loaded with `kiosk.config.load_settings` together with the
settings file and the other drop-ins exactly as the kiosk will load them, and only then renamed
over the old one: a kiosk never finds half a file, nor a file it would refuse. The new file
keeps the old one's owner and group; a first one takes its folder's group (the package gives
the folder to the kiosk's group), a folder made here its parent's.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from kiosk import __version__
from kiosk.config import (
    DROPIN_DIR,
    ENV_CONFIG_FILE,
    ConfigError,
    dropin_files,
    load_settings,
)
from kiosk.field.fields import FIELDS, Values

MODE = 0o640


class WriteError(Exception):
    """The drop-in could not be written or would not load; the message names no value."""


def toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    text = str(value)
    out = []
    for char in text:
        if char in ('"', "\\"):
            out.append("\\" + char)
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04X}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def compose(
    values: Values, *, failed_checks: Sequence[str] = (), now: dt.datetime | None = None
) -> str:
    """The drop-in's text: a header that says what it is, then one table per section with only
    the values given (the rest stays as the packaged settings file has it)."""
    stamp = (now or dt.datetime.now(dt.UTC)).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        f"# Ajustes de este kiosco, escritos por `kiosk provision` (kiosk {__version__}),",
        f"# {stamp}. Para cambiarlos, vuelva a ejecutarlo; no edite el kiosk.toml del paquete.",
        "# This kiosk's settings, written by `kiosk provision`; run it again to change them.",
        "# Contiene el token del kiosco: no lo copie ni lo comparta. / Holds the kiosk token.",
    ]
    if "agency" in values:
        lines.append("# agencies: " + ", ".join(str(a) for a in values["agency"]))
    if failed_checks:
        lines.append("# --force: written although these checks failed: " + ", ".join(failed_checks))
    sections: dict[str, list[str]] = {}
    for field in FIELDS:
        if field.place is None or field.flag not in values:
            continue
        section, key = field.place
        sections.setdefault(section, []).append(f"{key} = {toml_value(values[field.flag])}")
    for section, entries in sections.items():
        lines += ["", f"[{section}]", *entries]
    return "\n".join(lines) + "\n"


def main_config_for(target: Path, given: Path | None, environ: Mapping[str, str]) -> Path | None:
    """The settings file whose drop-ins `target` is meant to be among."""
    if given is not None:
        return given
    if environ.get(ENV_CONFIG_FILE):
        return Path(environ[ENV_CONFIG_FILE])
    if target.parent.name == DROPIN_DIR:
        return target.parent.parent / "kiosk.toml"
    return None


def load_order(main: Path | None, target: Path, new: Path) -> list[Path]:
    """The drop-ins the kiosk will read once `new` is renamed to `target`, in order."""
    existing = dropin_files(main) if main is not None and main.exists() else []
    if main is None or target.parent.resolve() != (main.parent / DROPIN_DIR).resolve():
        return [*existing, new]  # a drop-in elsewhere: checked on top of what is read
    others = [p for p in existing if p.name != target.name]
    return sorted([*others, new], key=lambda p: target.name if p == new else p.name)


def writable(target: Path) -> bool:
    """Whether `target` can be written here (its folder, or the nearest one that exists):
    asked before any question, so a technician without sudo learns it first."""
    folder = target.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    return os.access(folder, os.W_OK | os.X_OK)


def write(target: Path, text: str, main: Path | None) -> None:
    """Write `text` to `target` atomically with mode 0640, after loading it as the kiosk will;
    raises WriteError."""
    folder = target.parent
    try:
        _make_folder(folder)
        handle, name = tempfile.mkstemp(prefix=f".{target.name}.", dir=folder)
    except OSError as exc:
        raise WriteError(f"{folder}: {exc.strerror}") from None
    partial = Path(name)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        os.chmod(partial, MODE)
        _same_owner(partial, target)
        _check_loads(main, target, partial)
        os.replace(partial, target)
        _sync_folder(folder)
    except OSError as exc:
        raise WriteError(f"{target}: {exc.strerror}") from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            partial.unlink()


def _make_folder(folder: Path) -> None:
    if folder.is_dir():
        return
    folder.mkdir(mode=0o750, parents=True)
    with contextlib.suppress(OSError):
        os.chown(folder, -1, folder.parent.stat().st_gid)


def _same_owner(partial: Path, target: Path) -> None:
    """The old file's owner and group, else the folder's group; as far as allowed."""
    try:
        old = target.stat()
        uid, gid = old.st_uid, old.st_gid
    except FileNotFoundError:
        uid, gid = -1, target.parent.stat().st_gid
    with contextlib.suppress(PermissionError):
        os.chown(partial, -1, gid)  # allowed to root, and to a member of that group
    if uid not in (-1, os.geteuid()):
        with contextlib.suppress(PermissionError):
            os.chown(partial, uid, -1)  # root only


def _check_loads(main: Path | None, target: Path, partial: Path) -> None:
    if main is not None and not main.exists():
        main = None
    try:
        load_settings(main, environ={}, dropins=load_order(main, target, partial))
    except ConfigError as exc:
        raise WriteError(str(exc).replace(str(partial), str(target))) from None


def _sync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def group_name(path: Path) -> str:
    import grp

    gid = path.stat().st_gid
    try:
        return grp.getgrgid(gid).gr_name
    except KeyError:
        return str(gid)
