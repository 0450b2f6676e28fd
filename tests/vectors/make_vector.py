"""Regenerate tests/vectors/token-v1.json, the byte-exact test vector of token format v1.

Run from the repository root: `.venv/bin/python tests/vectors/make_vector.py`. Ed25519 is
deterministic, so the same inputs always give the same token; tests/unit/test_token.py checks
that the committed file still reproduces. Only regenerate on purpose (a format change is v2).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import base45
import cbor2
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kiosk.domain.token import Claims, KeySet, PublicKey, encode, expiry_for, kid_for

# RFC 8032 §7.1 TEST 1 secret key: a seed anyone can recognise and reuse.
SEED_HEX = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"
GUAYAQUIL = dt.timezone(dt.timedelta(hours=-5))
ISSUED = dt.datetime(2025, 3, 10, 9, 12, 0, tzinfo=GUAYAQUIL)
TURN_START = dt.datetime(2025, 3, 12, 10, 30, 0, tzinfo=GUAYAQUIL)
GRACE_S = 7200
KEY_NOT_BEFORE = int(dt.datetime(2025, 1, 1, tzinfo=dt.UTC).timestamp())

OUT = Path(__file__).with_name("token-v1.json")


def vector_claims() -> Claims:
    return Claims(
        issuer="IESS-TURNOS",
        issued_at=int(ISSUED.timestamp()),
        expires_at=expiry_for(TURN_START, "America/Guayaquil", GRACE_S),
        booking_id=bytes.fromhex("5f3a9c01e47b2d86"),
        turn_code="CP-0417",
        agency_id=1701,
        procedure_code="CLAVE_PATRONAL",
        turn_start=int(TURN_START.timestamp()),
        masked_id="17******90",
    )


def claims_json(claims: Claims) -> dict[str, Any]:
    """Claims by CBOR label (as JSON keys), byte strings as hex."""
    return {
        "1": claims.issuer,
        "4": claims.expires_at,
        "6": claims.issued_at,
        "-1": claims.booking_id.hex(),
        "-2": claims.turn_code,
        "-3": claims.agency_id,
        "-4": claims.procedure_code,
        "-5": claims.turn_start,
        "-6": claims.masked_id,
    }


def build() -> dict[str, Any]:
    private = Ed25519PrivateKey.from_private_bytes(bytes.fromhex(SEED_HEX))
    claims = vector_claims()
    token = encode(claims, private)
    cose = base45.b45decode(token.removeprefix("TRN1:"))
    protected, _unprotected, payload, signature = cbor2.loads(cose).value
    keys = KeySet(
        [PublicKey(kid_for(private.public_key()), private.public_key(), KEY_NOT_BEFORE, None)]
    )
    return {
        "description": "Turn confirmation token v1 (docs/token.md); byte strings are hex",
        "seed_hex": SEED_HEX,
        "public_key_hex": next(iter(keys)).raw.hex(),
        "kid_hex": kid_for(private.public_key()).hex(),
        "claims": claims_json(claims),
        "protected_hex": protected.hex(),
        "payload_hex": payload.hex(),
        "signature_hex": signature.hex(),
        "cose_hex": cose.hex(),
        "token": token,
        "verify_at": claims.issued_at + 60,
        "jwks": keys.to_jwks(),
    }


if __name__ == "__main__":
    OUT.write_text(json.dumps(build(), indent=2) + "\n", encoding="utf-8")
    print(f"wrote {OUT}")
