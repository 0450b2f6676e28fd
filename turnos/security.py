"""Secrets, HMACs and bearer-token hashing."""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from pathlib import Path

from turnos.settings import Settings

SECRET_FILE = "secret.key"  # noqa: S105 - a file name, not a secret


def load_secret(settings: Settings) -> bytes:
    """The service secret from settings, else from DATA_DIR/secret.key (created if missing)."""
    if settings.secret is not None:
        return settings.secret.get_secret_value().encode()
    path = settings.data_dir / SECRET_FILE
    if not path.exists():
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            os.write(fd, secrets.token_hex(32).encode())
        except BaseException:
            os.close(fd)
            raise
        os.close(fd)
    return Path(path).read_text().strip().encode()


class Hasher:
    """Keyed hashes, one label per purpose so a value from one use means nothing in another."""

    def __init__(self, secret: bytes) -> None:
        self._secret = secret

    def subkey(self, label: str) -> bytes:
        return hmac.new(self._secret, b"turnos/" + label.encode(), hashlib.sha256).digest()

    def digest(self, label: str, value: str) -> str:
        return hmac.new(self.subkey(label), value.encode(), hashlib.sha256).hexdigest()

    def citizen_key(self, id_type: str, number: str) -> str:
        return self.digest("citizen", f"{id_type}:{number}")

    def contact(self, value: str) -> str:
        return self.digest("contact", value.lower())

    def code(self, verification_id: str, code: str) -> str:
        # Bound to the verification: the same digits for another verification hash differently.
        return self.digest("code", f"{verification_id}:{code}")


def hash_token(token: str) -> str:
    """Bearer and session tokens are random and long: a plain SHA-256 is enough at rest."""
    return hashlib.sha256(token.encode()).hexdigest()


def new_token(prefix: str) -> str:
    return f"{prefix}_{secrets.token_urlsafe(32)}"


def new_id() -> str:
    return secrets.token_urlsafe(16)


def same(a: str, b: str) -> bool:
    return hmac.compare_digest(a.encode(), b.encode())
