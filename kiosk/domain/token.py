"""The signed confirmation token printed as a QR on the slip (format v1, see docs/token.md).

`TRN1:` + Base45 (RFC 9285) of a tagged COSE_Sign1 (RFC 9052) signed with Ed25519, carrying
a CWT-style claims map. The service signs with `encode`; the counter app checks a scanned QR
offline with `verify` against the published key set. Pure: no Qt, no HTTP, no files.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import base45
import cbor2
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

PREFIX = "TRN1:"
COSE_SIGN1_TAG = 18
ALG_EDDSA = -8
HEADER_ALG = 1
HEADER_KID = 4
KID_BYTES = 8
SIGNATURE_BYTES = 64
BOOKING_ID_BYTES = 8
# Alphanumeric capacity of a version-12 QR at error level Q: the size every token must keep.
MAX_QR_CHARS = 287
# Capacity of the largest QR (version 40, level L): anything longer cannot come from a scan,
# so it is refused before any decoding work.
MAX_INPUT_CHARS = 4296

# Claim labels: registered CWT labels (RFC 8392) and private ones (negative).
CLAIM_ISS = 1
CLAIM_EXP = 4
CLAIM_IAT = 6
CLAIM_BOOKING_ID = -1
CLAIM_TURN_CODE = -2
CLAIM_AGENCY_ID = -3
CLAIM_PROCEDURE = -4
CLAIM_TURN_START = -5
CLAIM_MASKED_ID = -6

MAX_ISSUER_CHARS = 32
MAX_TURN_CODE_CHARS = 10
MAX_PROCEDURE_CHARS = 32
MAX_MASKED_ID_CHARS = 24
_MAX_UINT64 = 2**64 - 1

# What bad bytes raise. Not TypeError: that is this code calling cbor2 wrongly (cbor2 5.x has
# no `allow_duplicate_keys`), and counting it as a bad token refused every genuine one.
_CBOR_ERRORS = (cbor2.CBORError, ValueError, OverflowError, RecursionError)
_B64URL = re.compile(r"[A-Za-z0-9_-]*")


class TokenProblem(StrEnum):
    MALFORMED = "malformed"
    UNKNOWN_KEY = "unknown_key"
    KEY_NOT_VALID = "key_not_valid"
    BAD_SIGNATURE = "bad_signature"
    EXPIRED = "expired"


class TokenError(ValueError):
    """A token refused for a precise reason. The message never quotes the token."""

    def __init__(self, problem: TokenProblem, detail: str = "") -> None:
        super().__init__(f"{problem.value}: {detail}" if detail else problem.value)
        self.problem = problem


class KeySetError(ValueError):
    """A JWK set that cannot be trusted as published (the message names the member)."""


def _is_int(value: object) -> bool:
    # bool is an int subclass in Python but a different CBOR/JSON type.
    return isinstance(value, int) and not isinstance(value, bool)


def _is_uint(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= _MAX_UINT64


def _is_short_ascii(value: object, max_chars: int) -> bool:
    return (
        isinstance(value, str)
        and 0 < len(value) <= max_chars
        and value.isascii()
        and value.isprintable()
    )


@dataclass(frozen=True)
class Claims:
    """What the token says. Validated on construction, so a decoded token is a valid one."""

    issuer: str
    issued_at: int
    expires_at: int
    booking_id: bytes
    turn_code: str
    agency_id: int
    procedure_code: str
    turn_start: int
    masked_id: str

    def __post_init__(self) -> None:
        if not _is_short_ascii(self.issuer, MAX_ISSUER_CHARS):
            raise ValueError(f"issuer must be 1..{MAX_ISSUER_CHARS} printable ASCII characters")
        for name in ("issued_at", "expires_at", "turn_start", "agency_id"):
            if not _is_uint(getattr(self, name)):
                raise ValueError(f"{name} must be an unsigned integer")
        if not (isinstance(self.booking_id, bytes) and len(self.booking_id) == BOOKING_ID_BYTES):
            raise ValueError(f"booking_id must be {BOOKING_ID_BYTES} bytes")
        if not _is_short_ascii(self.turn_code, MAX_TURN_CODE_CHARS):
            raise ValueError(
                f"turn_code must be 1..{MAX_TURN_CODE_CHARS} printable ASCII characters"
            )
        if not _is_short_ascii(self.procedure_code, MAX_PROCEDURE_CHARS):
            raise ValueError(
                f"procedure_code must be 1..{MAX_PROCEDURE_CHARS} printable ASCII characters"
            )
        # A masked id always hides something: a full id must never reach the QR.
        if not _is_short_ascii(self.masked_id, MAX_MASKED_ID_CHARS) or "*" not in self.masked_id:
            raise ValueError("masked_id must be short printable ASCII containing '*'")

    def __repr__(self) -> str:
        # The booking id is a bearer secret of sorts: keep it out of logs.
        return (
            f"Claims(issuer={self.issuer!r}, issued_at={self.issued_at}, "
            f"expires_at={self.expires_at}, booking_id=<{len(self.booking_id)} bytes>, "
            f"turn_code={self.turn_code!r}, agency_id={self.agency_id}, "
            f"procedure_code={self.procedure_code!r}, turn_start={self.turn_start}, "
            f"masked_id={self.masked_id!r})"
        )


def _claims_map(claims: Claims) -> dict[int, object]:
    return {
        CLAIM_ISS: claims.issuer,
        CLAIM_EXP: claims.expires_at,
        CLAIM_IAT: claims.issued_at,
        CLAIM_BOOKING_ID: claims.booking_id,
        CLAIM_TURN_CODE: claims.turn_code,
        CLAIM_AGENCY_ID: claims.agency_id,
        CLAIM_PROCEDURE: claims.procedure_code,
        CLAIM_TURN_START: claims.turn_start,
        CLAIM_MASKED_ID: claims.masked_id,
    }


def _claims_from_map(payload: Mapping[Any, Any]) -> Claims:
    """Raises KeyError or ValueError; unknown labels are ignored by design."""
    return Claims(
        issuer=payload[CLAIM_ISS],
        issued_at=payload[CLAIM_IAT],
        expires_at=payload[CLAIM_EXP],
        booking_id=payload[CLAIM_BOOKING_ID],
        turn_code=payload[CLAIM_TURN_CODE],
        agency_id=payload[CLAIM_AGENCY_ID],
        procedure_code=payload[CLAIM_PROCEDURE],
        turn_start=payload[CLAIM_TURN_START],
        masked_id=payload[CLAIM_MASKED_ID],
    )


def _raw_public(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(Encoding.Raw, PublicFormat.Raw)


def kid_for(public_key: Ed25519PublicKey) -> bytes:
    """Key id: the first 8 bytes of SHA-256 of the raw 32-byte public key."""
    return hashlib.sha256(_raw_public(public_key)).digest()[:KID_BYTES]


def _dumps(obj: object) -> bytes:
    return cbor2.dumps(obj, canonical=True)


def _sig_structure(protected: bytes, payload: bytes) -> bytes:
    # RFC 9052 §4.4: Sig_structure for COSE_Sign1 with empty external_aad.
    return _dumps(["Signature1", protected, b"", payload])


def _protected_header(kid: bytes) -> bytes:
    return _dumps({HEADER_ALG: ALG_EDDSA, HEADER_KID: kid})


def encode(claims: Claims, private_key: Ed25519PrivateKey) -> str:
    """Sign the claims; the result is the QR text. Raises ValueError if it would not fit."""
    protected = _protected_header(kid_for(private_key.public_key()))
    payload = _dumps(_claims_map(claims))
    signature = private_key.sign(_sig_structure(protected, payload))
    cose = _dumps(cbor2.CBORTag(COSE_SIGN1_TAG, [protected, {}, payload, signature]))
    token: str = PREFIX + base45.b45encode(cose).decode("ascii")
    if len(token) > MAX_QR_CHARS:
        raise ValueError(
            f"token of {len(token)} characters exceeds {MAX_QR_CHARS} (QR version 12, level Q)"
        )
    return token


def expiry_for(turn_start: dt.datetime, tz: str, grace_s: int) -> int:
    """`exp` for a turn: the end of its day in the agency's zone plus a grace period.

    The end of the day is the next local midnight (exclusive, as CWT `exp` is), so a turn at
    16:30 in Guayaquil is accepted until 00:00 of the next day there plus `grace_s`.
    """
    if turn_start.tzinfo is None or turn_start.utcoffset() is None:
        raise ValueError("turn_start must be timezone-aware")
    if grace_s < 0:
        raise ValueError("grace_s must not be negative")
    try:
        zone = ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError("unknown time zone") from exc
    local_day = turn_start.astimezone(zone).date()
    next_midnight = dt.datetime.combine(local_day + dt.timedelta(days=1), dt.time(), tzinfo=zone)
    return int(next_midnight.timestamp()) + grace_s


# --- key set ---------------------------------------------------------------------------------


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _from_b64url(text: object, member: str) -> bytes:
    if not isinstance(text, str) or not _B64URL.fullmatch(text) or len(text) % 4 == 1:
        raise KeySetError(f"{member} is not unpadded base64url")
    try:
        data = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError) as exc:
        raise KeySetError(f"{member} is not unpadded base64url") from exc
    if _b64url(data) != text:  # non-zero padding bits: two spellings of one value
        raise KeySetError(f"{member} is not canonical base64url")
    return data


@dataclass(frozen=True)
class PublicKey:
    """A published verification key and its validity window (`not_before` <= t < `expires`)."""

    kid: bytes
    key: Ed25519PublicKey
    not_before: int | None = None
    expires: int | None = None

    def __post_init__(self) -> None:
        if self.kid != kid_for(self.key):
            raise ValueError("kid does not match the public key")

    @property
    def raw(self) -> bytes:
        return _raw_public(self.key)

    def valid_at(self, when: int) -> bool:
        return (self.not_before is None or self.not_before <= when) and (
            self.expires is None or when < self.expires
        )

    def to_jwk(self) -> dict[str, Any]:
        jwk: dict[str, Any] = {
            "kty": "OKP",
            "crv": "Ed25519",
            "x": _b64url(self.raw),
            "kid": _b64url(self.kid),
        }
        if self.not_before is not None:
            jwk["nbf"] = self.not_before
        if self.expires is not None:
            jwk["exp"] = self.expires
        return jwk

    @classmethod
    def from_jwk(cls, jwk: Mapping[str, Any]) -> PublicKey:
        if "d" in jwk:
            raise KeySetError("d: private key material in a published key set")
        x = _from_b64url(jwk.get("x"), "x")
        if len(x) != 32:
            raise KeySetError("x: an Ed25519 public key has 32 bytes")
        kid = _from_b64url(jwk.get("kid"), "kid")
        key = Ed25519PublicKey.from_public_bytes(x)
        if kid != kid_for(key):
            raise KeySetError("kid: does not match x")
        bounds: dict[str, int | None] = {}
        for member in ("nbf", "exp"):
            value = jwk.get(member)
            if value is not None and not _is_int(value):
                raise KeySetError(f"{member}: must be an integer (seconds, UTC)")
            bounds[member] = value
        return cls(kid=kid, key=key, not_before=bounds["nbf"], expires=bounds["exp"])


class KeySet:
    """The verification keys a counter trusts, by kid. JWK Set (RFC 7517) JSON in and out."""

    def __init__(self, keys: Iterable[PublicKey] = ()) -> None:
        self._keys: dict[bytes, PublicKey] = {}
        for key in keys:
            if key.kid in self._keys:
                raise KeySetError("kid: duplicated in the key set")
            self._keys[key.kid] = key

    @classmethod
    def from_jwks(cls, obj: Mapping[str, Any]) -> KeySet:
        keys = obj.get("keys") if isinstance(obj, Mapping) else None
        if not isinstance(keys, list | tuple):
            raise KeySetError("keys: a JWK set needs a 'keys' array")
        parsed = []
        for jwk in keys:
            if not isinstance(jwk, Mapping):
                raise KeySetError("keys: every entry must be an object")
            # RFC 7517 §5: ignore keys of a type we do not understand.
            if jwk.get("kty") != "OKP" or jwk.get("crv") != "Ed25519":
                continue
            if jwk.get("alg", "EdDSA") != "EdDSA" or jwk.get("use", "sig") != "sig":
                continue
            parsed.append(PublicKey.from_jwk(jwk))
        return cls(parsed)

    def to_jwks(self) -> dict[str, Any]:
        return {"keys": [key.to_jwk() for key in self._keys.values()]}

    def get(self, kid: bytes) -> PublicKey | None:
        return self._keys.get(kid)

    def __iter__(self) -> Iterator[PublicKey]:
        return iter(self._keys.values())

    def __len__(self) -> int:
        return len(self._keys)

    def __repr__(self) -> str:
        return f"KeySet(kids=[{', '.join(k.hex() for k in self._keys)}])"


# --- verification ----------------------------------------------------------------------------


def _malformed(detail: str) -> TokenError:
    return TokenError(TokenProblem.MALFORMED, detail)


def _decode_cose(token: str) -> tuple[bytes, bytes, bytes, bytes]:
    """Strictly parse the token into (kid, protected, payload, signature)."""
    if not isinstance(token, str) or not token.startswith(PREFIX):
        raise _malformed("missing TRN1: prefix")
    if len(token) > MAX_INPUT_CHARS:
        raise _malformed("too long")
    text = token[len(PREFIX) :]
    try:
        raw: bytes = base45.b45decode(text)
    except ValueError:
        raise _malformed("not Base45") from None
    # The library tolerates a trailing newline; only the exact canonical text is a token.
    if base45.b45encode(raw).decode("ascii") != text:
        raise _malformed("not canonical Base45")
    try:
        outer = cbor2.loads(raw, allow_indefinite=False, allow_duplicate_keys=False, max_depth=3)
    except _CBOR_ERRORS:
        raise _malformed("not CBOR") from None
    if not isinstance(outer, cbor2.CBORTag) or outer.tag != COSE_SIGN1_TAG:
        raise _malformed("not a tagged COSE_Sign1")
    parts = outer.value
    if not isinstance(parts, tuple | list) or len(parts) != 4:
        raise _malformed("COSE_Sign1 needs four parts")
    protected, unprotected, payload, signature = parts
    if not (isinstance(protected, bytes) and isinstance(payload, bytes)):
        raise _malformed("protected header and payload must be byte strings")
    if not isinstance(unprotected, Mapping) or unprotected:
        raise _malformed("unprotected header must be an empty map")
    if not isinstance(signature, bytes) or len(signature) != SIGNATURE_BYTES:
        raise _malformed("an Ed25519 signature has 64 bytes")
    # Re-encoding catches trailing bytes and any non-preferred length or type encoding, so no
    # unsigned byte can change without the token being refused.
    rebuilt = _dumps(cbor2.CBORTag(COSE_SIGN1_TAG, [protected, {}, payload, signature]))
    if rebuilt != raw:
        raise _malformed("not in deterministic encoding or trailing bytes")
    return _parse_protected(protected), protected, payload, signature


def _parse_protected(protected: bytes) -> bytes:
    try:
        header = cbor2.loads(
            protected, allow_indefinite=False, allow_duplicate_keys=False, max_depth=2
        )
    except _CBOR_ERRORS:
        raise _malformed("protected header is not CBOR") from None
    if not isinstance(header, Mapping) or set(header) != {HEADER_ALG, HEADER_KID}:
        # Anything else (crit, content type, counter signatures...) is not understood here.
        raise _malformed("protected header must hold exactly alg and kid")
    alg, kid = header[HEADER_ALG], header[HEADER_KID]
    if not _is_int(alg) or alg != ALG_EDDSA:
        raise _malformed("alg must be EdDSA (-8)")
    if not isinstance(kid, bytes) or len(kid) != KID_BYTES:
        raise _malformed("kid must be 8 bytes")
    if _protected_header(kid) != protected:
        raise _malformed("protected header not in deterministic encoding")
    return kid


def _parse_payload(payload: bytes) -> Claims:
    try:
        claims_map = cbor2.loads(
            payload, allow_indefinite=False, allow_duplicate_keys=False, max_depth=8
        )
    except _CBOR_ERRORS:
        raise _malformed("payload is not CBOR") from None
    if not isinstance(claims_map, Mapping):
        raise _malformed("payload must be a map")
    try:
        canonical = _dumps(claims_map) == payload
    except _CBOR_ERRORS:
        canonical = False
    if not canonical:
        raise _malformed("payload not in deterministic encoding")
    try:
        return _claims_from_map(claims_map)
    except KeyError:
        raise _malformed("a required claim is missing") from None
    except ValueError as exc:
        raise _malformed(f"bad claim: {exc}") from None


def verify(token: str, keys: KeySet, now: int) -> Claims:
    """The claims of a genuine, unexpired token; otherwise TokenError with the reason.

    Checks run outside in: structure, key, key window at `now`, signature, claims, key window
    at the token's `iat` (a key only vouches for what it signed while valid), expiry.
    """
    claims = authentic(token, keys, now)
    if now >= claims.expires_at:
        raise TokenError(TokenProblem.EXPIRED)
    return claims


def authentic(token: str, keys: KeySet, now: int) -> Claims:
    """The claims of a genuine token, expired or not (the counter still names the turn of an
    expired slip: "another day" reads better than "expired"); otherwise TokenError."""
    kid, protected, payload, signature = _decode_cose(token)
    key = keys.get(kid)
    if key is None:
        raise TokenError(TokenProblem.UNKNOWN_KEY, f"kid {kid.hex()}")
    if not key.valid_at(now):
        raise TokenError(TokenProblem.KEY_NOT_VALID, f"kid {kid.hex()} not valid now")
    try:
        key.key.verify(signature, _sig_structure(protected, payload))
    except InvalidSignature:
        raise TokenError(TokenProblem.BAD_SIGNATURE) from None
    claims = _parse_payload(payload)
    if not key.valid_at(claims.issued_at):
        raise TokenError(TokenProblem.KEY_NOT_VALID, f"kid {kid.hex()} not valid at iat")
    return claims
