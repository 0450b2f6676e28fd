"""Check-ins verified offline, kept on disk until the service has them.

One file per slip, named by a hash of its booking id (the id stays out of file names), so a
slip scanned twice while offline is queued once (the second scan: "already checked in"). A
file is removed only after the service answered it; if the counter dies between the answer and
the removal, the check-in is sent again and the service answers "already checked in", changing
nothing: each reaches it once. One sender at a time (a lock file), even with two counter
windows on one PC.

The files hold the token (as printed on the slip: a masked id, no name) and when it was scanned.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import logging
import os
import re
import tempfile
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from kiosk.backend.errors import ServiceUnavailable

log = logging.getLogger(__name__)

_NAME = re.compile(r"^[0-9a-f]{32}\.json$")


def _key(booking_id: bytes) -> str:
    return hashlib.sha256(b"queued-checkin:" + booking_id).hexdigest()[:32]


@dataclass(frozen=True)
class Queued:
    key: str  # the file's name: a hash of the booking id
    token: str
    scanned_at: int


@dataclass(frozen=True)
class Sent:
    queued: Queued
    result: str  # the service's check-in result for it


class CheckinQueue:
    def __init__(self, folder: Path) -> None:
        self._folder = folder
        self._lock = threading.Lock()

    def add(self, booking_id: bytes, token: str, scanned_at: int) -> bool:
        """Queue a check-in; False when this slip is queued already (its first scan stands).

        Raises OSError when the disk will not take it (full, read-only): then nothing of it
        stays on disk, and the clerk must be told it was not queued."""
        self._folder.mkdir(parents=True, exist_ok=True)
        path = self._path(_key(booking_id))
        if path.exists():
            return False
        fd, temp = tempfile.mkstemp(prefix=".queued-", dir=self._folder)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump({"token": token, "scanned_at": scanned_at}, out)
                out.flush()
                os.fsync(out.fileno())
            os.link(temp, path)  # fails if another scan queued it meanwhile
        except FileExistsError:
            return False
        except OSError as exc:  # a full disk (ENOSPC), a read-only one: nothing half-written
            log.error("check-in not queued: %s", exc.strerror or type(exc).__name__)
            raise
        finally:
            os.unlink(temp)
        log.info("check-in queued offline (%d waiting)", len(self))
        return True

    def get(self, booking_id: bytes) -> Queued | None:
        return self._read(self._path(_key(booking_id)))

    def pending(self) -> list[Queued]:
        """What waits, oldest scan first."""
        if not self._folder.is_dir():
            return []
        found = (self._read(p) for p in self._folder.iterdir() if _NAME.match(p.name))
        return sorted((q for q in found if q is not None), key=lambda q: q.scanned_at)

    def __len__(self) -> int:
        return len(self.pending())

    def flush(self, send: Callable[[Queued], str]) -> list[Sent]:
        """Send what waits, oldest first, through `send` (which answers the service's result).

        Stops at the first `ServiceUnavailable`, keeping that one and the rest for later. Any
        other answer, a refusal included, is final: the file goes.
        """
        sent: list[Sent] = []
        with self._exclusive():
            for queued in self.pending():
                try:
                    result = send(queued)
                except ServiceUnavailable:
                    log.info("service still away: %d check-in(s) kept", len(self))
                    break
                self._path(queued.key).unlink(missing_ok=True)
                sent.append(Sent(queued, result))
        if sent:
            log.info("%d queued check-in(s) sent", len(sent))
        return sent

    @contextlib.contextmanager
    def _exclusive(self) -> Iterator[None]:
        self._folder.mkdir(parents=True, exist_ok=True)
        with self._lock, open(self._folder / ".lock", "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def _path(self, key: str) -> Path:
        return self._folder / f"{key}.json"

    def _read(self, path: Path) -> Queued | None:
        try:
            stored = json.loads(path.read_text(encoding="utf-8"))
            return Queued(path.stem, str(stored["token"]), int(stored["scanned_at"]))
        except FileNotFoundError:
            return None  # sent meanwhile
        except (OSError, ValueError, KeyError, TypeError) as exc:
            log.warning("unreadable queued check-in %s: %s", path.name, type(exc).__name__)
            return None
