"""The service's public signing keys, kept on disk so that a counter verifies offline.

`GET /v1/keys` is fetched at start and then in the background; each good answer replaces the
file atomically (written beside it, then renamed), so a power cut leaves the old set or the new
one, never half of each. A set that does not parse is refused and the old one kept. A key the
service stops publishing (revoked, or past its end) drops out at the next refresh; until then a
key outside its own validity window is refused by the token check anyway.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kiosk.domain.token import KeySet, KeySetError

log = logging.getLogger(__name__)

#: The file's own shape: the JWKS as served, and when it was fetched (Unix seconds).
_KEYS = "jwks"
_FETCHED = "fetched_at"


class KeyStore:
    def __init__(self, path: Path, now: Callable[[], float]) -> None:
        self._path = path
        self._now = now
        self._lock = threading.Lock()
        self._keys = KeySet()
        self._fetched_at: float | None = None
        self._load()

    @property
    def keys(self) -> KeySet:
        with self._lock:
            return self._keys

    @property
    def fetched_at(self) -> float | None:
        """When the keys in use were fetched from the service; None if never."""
        with self._lock:
            return self._fetched_at

    def replace(self, jwks: dict[str, Any]) -> KeySet:
        """Keep `jwks` (as `GET /v1/keys` answered) in memory and on disk."""
        keys = KeySet.from_jwks(jwks)  # KeySetError: keep the old set
        fetched = self._now()
        self._write({_KEYS: keys.to_jwks(), _FETCHED: fetched})
        with self._lock:
            self._keys, self._fetched_at = keys, fetched
        log.info("verification keys refreshed: %d key(s)", len(keys))
        return keys

    def _load(self) -> None:
        try:
            stored = json.loads(self._path.read_text(encoding="utf-8"))
            keys = KeySet.from_jwks(stored[_KEYS])
            fetched = float(stored[_FETCHED])
        except FileNotFoundError:
            log.info("no verification keys kept yet (%s)", self._path)
            return
        except (OSError, ValueError, KeyError, TypeError, KeySetError) as exc:
            log.warning("kept verification keys unreadable (%s): %s", self._path, exc)
            return
        self._keys, self._fetched_at = keys, fetched
        log.info("verification keys loaded from disk: %d key(s)", len(keys))

    def _write(self, content: dict[str, Any]) -> None:
        self._path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=".keys-", dir=self._path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump(content, out)
                out.flush()
                os.fsync(out.fileno())
            os.replace(temp, self._path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
