"""Signing keys in the database (records from turnos.keys) and the token of a booking."""

from __future__ import annotations

import threading

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from kiosk.domain.token import Claims, KeySet, encode
from turnos import keys, models


def _record(row: models.SigningKey) -> keys.SigningKeyRecord:
    return keys.SigningKeyRecord(
        kid=row.kid,
        public_raw=row.public_raw,
        private_encrypted=row.private_encrypted,
        not_before=row.not_before,
        expires=row.expires,
        retired_at=row.retired_at,
    )


def _row(record: keys.SigningKeyRecord) -> models.SigningKey:
    return models.SigningKey(
        kid=record.kid,
        public_raw=record.public_raw,
        private_encrypted=record.private_encrypted,
        not_before=record.not_before,
        expires=record.expires,
        retired_at=record.retired_at,
    )


def load_records(session: Session) -> list[keys.SigningKeyRecord]:
    return [_record(r) for r in session.scalars(select(models.SigningKey)).all()]


def save_records(session: Session, records: list[keys.SigningKeyRecord]) -> None:
    """Make the table exactly `records` (what `keys.rotate` returns is the whole set)."""
    wanted = {r.kid for r in records}
    existing = set(session.scalars(select(models.SigningKey.kid)).all())
    if existing - wanted:
        session.execute(
            delete(models.SigningKey).where(models.SigningKey.kid.in_(existing - wanted))
        )
    for record in records:
        session.merge(_row(record))


class Signer:
    """Signs booking tokens with the active key; caches opened private keys per kid."""

    def __init__(self, secret: bytes, issuer: str, max_token_lifetime_s: int) -> None:
        self._secret = secret
        self.issuer = issuer
        self.max_token_lifetime_s = max_token_lifetime_s
        self._opened: dict[bytes, Ed25519PrivateKey] = {}
        self._lock = threading.Lock()

    def ensure_key(self, session: Session, now: int) -> None:
        """Create a first signing key if none can sign now; check this secret opens it."""
        records = load_records(session)
        if keys.active_key(records, now) is None:
            save_records(
                session, keys.rotate(records, self._secret, now, self.max_token_lifetime_s)
            )
        else:
            self.check_secret(session, now)

    def check_secret(self, session: Session, now: int) -> None:
        """Raise SigningKeyError, naming the fix, when the service secret is not the one this
        database was sealed with (a restore without its secret): better at start than a 500
        at the first booking."""
        active = keys.active_key(load_records(session), now)
        if active is None:
            return
        try:
            keys.load_private_key(active, self._secret)
        except keys.SigningKeyError as exc:
            raise keys.SigningKeyError(
                f"{exc}. This is not the service secret this database was made with: start "
                "with that one (TURNOS_SECRET or DATA_DIR/secret.key; docs/operations.md)"
            ) from None

    def rotate(self, session: Session, now: int) -> keys.SigningKeyRecord:
        records = keys.rotate(load_records(session), self._secret, now, self.max_token_lifetime_s)
        save_records(session, records)
        return records[-1]

    def keyset(self, session: Session, now: int) -> KeySet:
        return keys.published_keyset(load_records(session), now)

    def sign(self, session: Session, claims: Claims) -> str:
        records = load_records(session)
        record = keys.active_key(records, claims.issued_at)
        if record is None:
            self.ensure_key(session, claims.issued_at)
            record = keys.active_key(load_records(session), claims.issued_at)
            assert record is not None
        with self._lock:
            private = self._opened.get(record.kid)
            if private is None:
                private = keys.load_private_key(record, self._secret)
                self._opened[record.kid] = private
        return encode(claims, private)
