"""Signing keys of the turn service: generate, encrypt at rest, rotate, publish.

Pure functions over small immutable records; the database layer stores the records as they
are. A private key exists in clear only in memory, for signing: at rest it is sealed with
AES-256-GCM under a key derived (HKDF-SHA256, fresh salt per record) from the settings secret,
and the record's kid is bound to it as associated data so records cannot be swapped.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
from collections.abc import Iterable
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
)

from kiosk.domain.token import KID_BYTES, KeySet, PublicKey

# The settings secret feeds HKDF, which needs input that is already random, not a password.
MIN_SECRET_BYTES = 32
_SEAL_VERSION = b"\x01"
_SALT_BYTES = 16
_NONCE_BYTES = 12
_HKDF_INFO = b"turnos signing key at rest v1"


class SigningKeyError(ValueError):
    """A record that cannot be opened with this secret, or is inconsistent."""


@dataclass(frozen=True)
class SigningKeyRecord:
    """One signing key as persisted. `private_encrypted` is sealed; repr never shows it.

    Lifecycle: signs from `not_before` until `retired_at`; published (verifiable) from creation
    until `expires`, after which no token it signed can still be valid and it is dropped.
    """

    kid: bytes
    public_raw: bytes
    private_encrypted: bytes
    not_before: int
    expires: int | None = None
    retired_at: int | None = None

    def __post_init__(self) -> None:
        if len(self.public_raw) != 32:
            raise SigningKeyError("public_raw must be a raw 32-byte Ed25519 key")
        if self.kid != hashlib.sha256(self.public_raw).digest()[:KID_BYTES]:
            raise SigningKeyError("kid does not match public_raw")

    def __repr__(self) -> str:
        return (
            f"SigningKeyRecord(kid={self.kid.hex()}, not_before={self.not_before}, "
            f"expires={self.expires}, retired_at={self.retired_at}, "
            f"private_encrypted=<sealed, {len(self.private_encrypted)} bytes>)"
        )

    def signs_at(self, now: int) -> bool:
        return (
            self.not_before <= now
            and (self.retired_at is None or now < self.retired_at)
            and (self.expires is None or now < self.expires)
        )

    def published_at(self, now: int) -> bool:
        return self.expires is None or now < self.expires


def _check_secret(secret: bytes) -> None:
    if len(secret) < MIN_SECRET_BYTES:
        raise SigningKeyError(f"the settings secret must have at least {MIN_SECRET_BYTES} bytes")


def _wrapping_key(secret: bytes, salt: bytes) -> AESGCM:
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=_HKDF_INFO).derive(secret)
    return AESGCM(key)


def _seal(private_raw: bytes, kid: bytes, secret: bytes) -> bytes:
    salt, nonce = os.urandom(_SALT_BYTES), os.urandom(_NONCE_BYTES)
    sealed = _wrapping_key(secret, salt).encrypt(nonce, private_raw, _SEAL_VERSION + kid)
    return _SEAL_VERSION + salt + nonce + sealed


def generate_signing_key(secret: bytes, now: int) -> SigningKeyRecord:
    """A fresh Ed25519 key, sealed under the secret, signing from `now`."""
    _check_secret(secret)
    private = Ed25519PrivateKey.generate()
    public_raw = private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    kid = hashlib.sha256(public_raw).digest()[:KID_BYTES]
    private_raw = private.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    return SigningKeyRecord(
        kid=kid,
        public_raw=public_raw,
        private_encrypted=_seal(private_raw, kid, secret),
        not_before=now,
    )


def load_private_key(record: SigningKeyRecord, secret: bytes) -> Ed25519PrivateKey:
    """Open the sealed key. Raises SigningKeyError on a wrong secret or a tampered record."""
    _check_secret(secret)
    blob = record.private_encrypted
    header = len(_SEAL_VERSION) + _SALT_BYTES + _NONCE_BYTES
    if len(blob) <= header or blob[:1] != _SEAL_VERSION:
        raise SigningKeyError(f"signing key {record.kid.hex()}: unknown sealing format")
    salt = blob[1 : 1 + _SALT_BYTES]
    nonce = blob[1 + _SALT_BYTES : header]
    try:
        private_raw = _wrapping_key(secret, salt).decrypt(
            nonce, blob[header:], _SEAL_VERSION + record.kid
        )
    except InvalidTag:
        raise SigningKeyError(
            f"signing key {record.kid.hex()}: wrong secret or damaged record"
        ) from None
    private = Ed25519PrivateKey.from_private_bytes(private_raw)
    public_raw = private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    if public_raw != record.public_raw:
        raise SigningKeyError(f"signing key {record.kid.hex()}: public key does not match")
    return private


def active_key(records: Iterable[SigningKeyRecord], now: int) -> SigningKeyRecord | None:
    """The key to sign with at `now`: the newest one in its signing window, if any."""
    signing = [r for r in records if r.signs_at(now)]
    return max(signing, key=lambda r: r.not_before, default=None)


def rotate(
    records: Iterable[SigningKeyRecord],
    secret: bytes,
    now: int,
    max_token_lifetime_s: int,
    *,
    activate_at: int | None = None,
) -> list[SigningKeyRecord]:
    """The new full list of records after starting a new signing key.

    The new key signs from `activate_at` (default `now`; later lets counters fetch the new key
    set before the first token needs it). Every key still able to sign is retired at that
    moment and kept published for `max_token_lifetime_s` more, the longest a token can live
    (booking horizon + one day + grace). Keys past `expires` are dropped: persist the returned
    list as the whole set.
    """
    if max_token_lifetime_s < 0:
        raise ValueError("max_token_lifetime_s must not be negative")
    start = now if activate_at is None else activate_at
    if start < now:
        raise ValueError("activate_at must not be in the past")
    new = dataclasses.replace(generate_signing_key(secret, now), not_before=start)
    kept: list[SigningKeyRecord] = []
    for record in records:
        if not record.published_at(now):
            continue
        if record.retired_at is None or record.retired_at > start:
            if record.not_before >= start and record.not_before > now:
                # Scheduled, not yet signing, and superseded before it starts: it never signs.
                # (A key whose not_before is now may already have signed in this second.)
                continue
            until = start + max_token_lifetime_s
            expires = until if record.expires is None else min(record.expires, until)
            record = dataclasses.replace(record, retired_at=start, expires=expires)
        kept.append(record)
    return [*kept, new]


def published_keyset(records: Iterable[SigningKeyRecord], now: int) -> KeySet:
    """The verification keys to serve at GET /v1/keys: every key not yet past `expires`,
    including one scheduled to sign later, so counters learn it in advance."""
    return KeySet(
        PublicKey(
            kid=r.kid,
            key=Ed25519PublicKey.from_public_bytes(r.public_raw),
            not_before=r.not_before,
            expires=r.expires,
        )
        for r in records
        if r.published_at(now)
    )
