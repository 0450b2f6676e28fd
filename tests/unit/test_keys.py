"""Signing keys of the service: sealed at rest, rotated, published, and usable end to end."""

from __future__ import annotations

import dataclasses
import json
import os

import pytest
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat

from kiosk.domain.token import Claims, KeySet, TokenError, TokenProblem, encode, verify
from turnos.keys import (
    MIN_SECRET_BYTES,
    SigningKeyError,
    SigningKeyRecord,
    active_key,
    generate_signing_key,
    load_private_key,
    published_keyset,
    rotate,
)

SECRET = bytes.fromhex("a1" * 32)
T0 = 1_750_000_000
DAY = 86_400
LIFETIME = 32 * DAY  # booking horizon of 30 days + the day itself + grace


def claims_at(iat: int, exp: int) -> Claims:
    return Claims(
        issuer="IESS-TURNOS",
        issued_at=iat,
        expires_at=exp,
        booking_id=os.urandom(8),
        turn_code="CP-0417",
        agency_id=17,
        procedure_code="CLAVE_PATRONAL",
        turn_start=exp - 3 * 3600,
        masked_id="17******90",
    )


def sign_now(records: list[SigningKeyRecord], now: int, exp: int) -> str:
    record = active_key(records, now)
    assert record is not None
    return encode(claims_at(now, exp), load_private_key(record, SECRET))


def served(records: list[SigningKeyRecord], now: int) -> KeySet:
    """The key set as a counter gets it: through JSON, as GET /v1/keys sends it."""
    return KeySet.from_jwks(json.loads(json.dumps(published_keyset(records, now).to_jwks())))


def private_raw(record: SigningKeyRecord) -> bytes:
    return load_private_key(record, SECRET).private_bytes(
        Encoding.Raw, PrivateFormat.Raw, NoEncryption()
    )


# --- sealing ---------------------------------------------------------------------------------


def test_generated_key_signs_and_verifies() -> None:
    record = generate_signing_key(SECRET, T0)
    assert record.not_before == T0
    assert record.expires is None
    assert record.retired_at is None
    token = sign_now([record], T0, T0 + DAY)
    assert verify(token, served([record], T0), T0).issued_at == T0


def test_private_key_is_sealed_and_never_shown() -> None:
    record = generate_signing_key(SECRET, T0)
    raw = private_raw(record)
    assert raw not in record.private_encrypted
    for text in (repr(record), str(record)):
        assert raw.hex() not in text
        assert record.private_encrypted.hex()[:16] not in text
        assert SECRET.hex() not in text
    assert record.kid.hex() in repr(record)
    # Fresh salt and nonce: the same secret never seals two keys alike.
    other = generate_signing_key(SECRET, T0)
    assert record.private_encrypted[1:29] != other.private_encrypted[1:29]


def test_published_key_set_holds_no_private_material() -> None:
    record = generate_signing_key(SECRET, T0)
    text = json.dumps(published_keyset([record], T0).to_jwks())
    assert '"d"' not in text
    assert record.private_encrypted.hex() not in text


def test_wrong_secret_is_refused_without_quoting_it() -> None:
    record = generate_signing_key(SECRET, T0)
    wrong = bytes.fromhex("b2" * 32)
    with pytest.raises(SigningKeyError, match="wrong secret or damaged") as caught:
        load_private_key(record, wrong)
    assert wrong.hex() not in str(caught.value)


def test_tampered_record_is_refused() -> None:
    record = generate_signing_key(SECRET, T0)
    blob = bytearray(record.private_encrypted)
    blob[-1] ^= 0x01
    with pytest.raises(SigningKeyError, match="damaged"):
        load_private_key(dataclasses.replace(record, private_encrypted=bytes(blob)), SECRET)
    with pytest.raises(SigningKeyError, match="format"):
        load_private_key(
            dataclasses.replace(record, private_encrypted=b"\x02" + bytes(blob[1:])), SECRET
        )
    with pytest.raises(SigningKeyError, match="format"):
        load_private_key(dataclasses.replace(record, private_encrypted=b"\x01"), SECRET)


def test_sealed_key_is_bound_to_its_record() -> None:
    # Pasting one record's sealed key into another's row must not give a working signer.
    first, second = generate_signing_key(SECRET, T0), generate_signing_key(SECRET, T0)
    swapped = dataclasses.replace(second, private_encrypted=first.private_encrypted)
    with pytest.raises(SigningKeyError):
        load_private_key(swapped, SECRET)


def test_record_kid_must_match_public_key() -> None:
    record = generate_signing_key(SECRET, T0)
    with pytest.raises(SigningKeyError, match="kid"):
        dataclasses.replace(record, kid=bytes(8))
    with pytest.raises(SigningKeyError, match="32-byte"):
        dataclasses.replace(record, public_raw=record.public_raw[:31])


def test_short_secret_is_refused() -> None:
    with pytest.raises(SigningKeyError, match=str(MIN_SECRET_BYTES)):
        generate_signing_key(b"2468", T0)
    record = generate_signing_key(SECRET, T0)
    with pytest.raises(SigningKeyError, match=str(MIN_SECRET_BYTES)):
        load_private_key(record, SECRET[:16])


# --- rotation --------------------------------------------------------------------------------


def test_no_active_key_without_records() -> None:
    assert active_key([], T0) is None
    assert len(published_keyset([], T0)) == 0


def test_rotation_keeps_old_tokens_verifiable_until_they_expire() -> None:
    records = [generate_signing_key(SECRET, T0)]
    original = records[0]
    old_kid = original.kid
    rotated_at = T0 + 2 * DAY
    # The last token of the old key, signed a second before the rotation, lives as long as a
    # token can.
    old_token = sign_now(records, rotated_at - 1, rotated_at - 1 + LIFETIME)

    records = rotate(records, SECRET, rotated_at, LIFETIME)
    new = active_key(records, rotated_at)
    assert new is not None
    assert new.kid != old_kid
    old = next(r for r in records if r.kid == old_kid)
    assert old.retired_at == rotated_at
    assert old.expires == rotated_at + LIFETIME
    # Same key (kid, public and sealed private key, start): only the two dates move.
    assert dataclasses.replace(old, retired_at=None, expires=None) == original

    new_token = sign_now(records, rotated_at, rotated_at + DAY)
    keys = served(records, rotated_at)
    assert {k.kid for k in keys} == {old_kid, new.kid}
    assert verify(old_token, keys, rotated_at).issued_at == rotated_at - 1
    assert verify(new_token, keys, rotated_at).issued_at == rotated_at

    # In the last second of its life the old key's last token is still good...
    last_second = rotated_at - 2 + LIFETIME
    assert verify(old_token, served(records, last_second), last_second)
    # ...then the key is gone from what is served, and from the records at the next rotation.
    gone = rotated_at + LIFETIME
    assert [k.kid for k in served(records, gone)] == [new.kid]
    with pytest.raises(TokenError) as caught:
        verify(old_token, served(records, gone), gone)
    assert caught.value.problem is TokenProblem.UNKNOWN_KEY
    later = rotate(records, SECRET, gone, LIFETIME)
    assert old_kid not in {r.kid for r in later}
    assert len(later) == 2


def test_a_retired_key_stops_vouching_when_its_window_closes() -> None:
    records = [generate_signing_key(SECRET, T0)]
    leaked = load_private_key(records[0], SECRET)
    records = rotate(records, SECRET, T0 + DAY, LIFETIME)
    window_end = T0 + DAY + LIFETIME
    # A counter that still holds the key set fetched at the rotation.
    stale = KeySet.from_jwks(published_keyset(records, T0 + DAY).to_jwks())

    forged = encode(claims_at(window_end, window_end + DAY), leaked)
    for now, reason in ((window_end, "not valid now"), (window_end - 1, "not valid at iat")):
        with pytest.raises(TokenError, match=reason) as caught:
            verify(forged, stale, now)
        assert caught.value.problem is TokenProblem.KEY_NOT_VALID


def test_rotation_announced_in_advance() -> None:
    records = [generate_signing_key(SECRET, T0)]
    old_kid = records[0].kid
    switch = T0 + DAY
    records = rotate(records, SECRET, T0, LIFETIME, activate_at=switch)
    new = next(r for r in records if r.kid != old_kid)
    # Published at once so counters cache it, but the old key still signs until the switch.
    assert {k.kid for k in published_keyset(records, T0)} == {old_kid, new.kid}
    assert active_key(records, switch - 1) == next(r for r in records if r.kid == old_kid)
    assert active_key(records, switch) == new
    early = encode(claims_at(switch - 1, switch + DAY), load_private_key(new, SECRET))
    with pytest.raises(TokenError) as caught:
        verify(early, served(records, T0), switch - 1)
    assert caught.value.problem is TokenProblem.KEY_NOT_VALID


def test_rotating_again_drops_a_key_that_never_signed() -> None:
    records = rotate([generate_signing_key(SECRET, T0)], SECRET, T0, LIFETIME, activate_at=T0 + DAY)
    scheduled = records[-1]
    records = rotate(records, SECRET, T0 + 10, LIFETIME)
    assert scheduled.kid not in {r.kid for r in records}
    assert active_key(records, T0 + 10) == records[-1]
    assert len(records) == 2


def test_rotating_in_the_second_a_key_started_keeps_it() -> None:
    # The key may already have signed in that second: it must stay published.
    records = [generate_signing_key(SECRET, T0)]
    token = sign_now(records, T0, T0 + DAY)
    records = rotate(records, SECRET, T0, LIFETIME)
    assert len(records) == 2
    assert verify(token, served(records, T0), T0).issued_at == T0


def test_rotate_refuses_bad_arguments() -> None:
    records = [generate_signing_key(SECRET, T0)]
    with pytest.raises(ValueError, match="past"):
        rotate(records, SECRET, T0, LIFETIME, activate_at=T0 - 1)
    with pytest.raises(ValueError, match="negative"):
        rotate(records, SECRET, T0, -1)
