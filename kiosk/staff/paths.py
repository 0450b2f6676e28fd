"""Where the counter app keeps its files when the settings do not say: the user's data folder."""

from __future__ import annotations

import os
from pathlib import Path

from kiosk.config import StaffSettings

APP_DIR = "turnero-kiosk"


def data_dir() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / APP_DIR / "staff"


def keys_file(settings: StaffSettings) -> Path:
    return settings.keys_file or data_dir() / "keys.json"


def queue_dir(settings: StaffSettings) -> Path:
    return settings.queue_dir or data_dir() / "queue"
