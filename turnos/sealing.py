"""Contact data at rest: sealed with AES-256-GCM under a key derived from the service secret.

A verification, a session and a booking keep the citizen's email or mobile because the service
must write to it later (the code, the confirmation, a closure notice). Nothing ever searches by
it (matching uses the keyed hashes), so each value is stored sealed: a copy of the database or
of its backups without the service secret shows no address or number. The associated data names
the column, so a sealed value copied into another column does not open.
"""

from __future__ import annotations

import base64
import os
from typing import NamedTuple

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

PREFIX = "s1:"  # the format's version, so a later change of cipher can tell old values apart
_NONCE = 12


class SealError(ValueError):
    """A stored value that does not open with this secret: another secret, or altered."""


class Sealer:
    def __init__(self, key: bytes) -> None:
        self._aead = AESGCM(key)

    def seal(self, value: str | None, column: str) -> str | None:
        if value is None:
            return None
        nonce = os.urandom(_NONCE)
        sealed = self._aead.encrypt(nonce, value.encode(), column.encode())
        return PREFIX + base64.urlsafe_b64encode(nonce + sealed).decode()

    def open(self, stored: str | None, column: str) -> str | None:
        if stored is None:
            return None
        if not stored.startswith(PREFIX):
            raise SealError(f"{column}: not a sealed value")
        raw = base64.urlsafe_b64decode(stored[len(PREFIX) :])
        try:
            return self._aead.decrypt(raw[:_NONCE], raw[_NONCE:], column.encode()).decode()
        except InvalidTag as exc:
            raise SealError(f"{column}: does not open with this service secret") from exc

    def seal_bytes(self, value: bytes, column: str) -> bytes:
        nonce = os.urandom(_NONCE)
        return PREFIX.encode() + nonce + self._aead.encrypt(nonce, value, column.encode())

    def open_bytes(self, stored: bytes, column: str) -> bytes:
        prefix = PREFIX.encode()
        if not stored.startswith(prefix):
            raise SealError(f"{column}: not a sealed value")
        raw = stored[len(prefix) :]
        try:
            return self._aead.decrypt(raw[:_NONCE], raw[_NONCE:], column.encode())
        except InvalidTag as exc:
            raise SealError(f"{column}: does not open with this service secret") from exc


class Contact(NamedTuple):
    """A citizen's email and mobile as the service writes to them (either may be absent)."""

    email: str | None
    phone: str | None


def seal_contact(sealer: Sealer, table: str, contact: Contact) -> dict[str, str | None]:
    """The `email` and `phone` column values of a row of `table`, sealed."""
    return {
        "email": sealer.seal(contact.email, f"{table}.email"),
        "phone": sealer.seal(contact.phone, f"{table}.phone"),
    }


def open_contact(sealer: Sealer, table: str, email: str | None, phone: str | None) -> Contact:
    return Contact(sealer.open(email, f"{table}.email"), sealer.open(phone, f"{table}.phone"))
