"""The data directory and the SQLite file, readable by the service's user only.

The directory holds the secret key, the demo credentials, the demo outbox (codes) and the SQLite
database (personal data): 0700 for the directory, 0600 for the files. Applied at every start, so
an installation made before this rule is tightened too.
"""

from __future__ import annotations

import os
from pathlib import Path

from turnos.settings import Settings

PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600
# SQLite gives its -wal, -shm and -journal files the mode of the database file.
_SQLITE_SUFFIXES = ("", "-wal", "-shm", "-journal")


def secure_data_dir(settings: Settings, sqlite_file: Path | None) -> None:
    """Create or tighten the data directory, and the SQLite file when there is one."""
    data_dir = settings.data_dir
    data_dir.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
    os.chmod(data_dir, PRIVATE_DIR)
    if sqlite_file is not None:
        sqlite_file.parent.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
        # Created here, before SQLite does it with the umask's mode (often 0644).
        os.close(os.open(sqlite_file, os.O_WRONLY | os.O_CREAT, PRIVATE_FILE))
        for suffix in _SQLITE_SUFFIXES:
            _tighten(Path(f"{sqlite_file}{suffix}"))
    for child in data_dir.iterdir():
        if child.is_file() and not child.is_symlink():
            _tighten(child)


def _tighten(path: Path) -> None:
    if path.exists():
        os.chmod(path, PRIVATE_FILE)
