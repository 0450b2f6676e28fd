"""Token format v1: the vector, an independent verifier, every refusal, and the QR size."""

from __future__ import annotations

import base64
import datetime as dt
import json
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import base45
import cbor2
import pytest
import zxingcpp
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.domain.qr_matrix import QUIET_ZONE_MODULES, encode_qr
from kiosk.domain.token import (
    MAX_QR_CHARS,
    Claims,
    KeySet,
    KeySetError,
    PublicKey,
    TokenError,
    TokenProblem,
    encode,
    expiry_for,
    kid_for,
    verify,
)
from kiosk.printing.qr import qr_image

VECTOR: dict[str, Any] = json.loads(
    (Path(__file__).parents[1] / "vectors" / "token-v1.json").read_text(encoding="utf-8")
)
BASE45_CHARSET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"


def vector_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.from_private_bytes(bytes.fromhex(VECTOR["seed_hex"]))


def vector_claims() -> Claims:
    c = VECTOR["claims"]
    return Claims(
        issuer=c["1"],
        issued_at=c["6"],
        expires_at=c["4"],
        booking_id=bytes.fromhex(c["-1"]),
        turn_code=c["-2"],
        agency_id=c["-3"],
        procedure_code=c["-4"],
        turn_start=c["-5"],
        masked_id=c["-6"],
    )


def vector_keys() -> KeySet:
    return KeySet.from_jwks(VECTOR["jwks"])


NOW: int = VECTOR["verify_at"]


def claims_map() -> dict[int, Any]:
    """The vector's payload as a plain dict, to alter and re-sign in refusal tests."""
    return dict(cbor2.loads(bytes.fromhex(VECTOR["payload_hex"])))


def hand_sign(
    payload: bytes | None = None,
    *,
    protected: bytes | None = None,
    unprotected: Any = None,
    tag: int = 18,
    key: Ed25519PrivateKey | None = None,
    parts: int = 4,
) -> str:
    """Build a TRN1 token by hand, validly signed over whatever bytes it is given."""
    key = key or vector_key()
    if protected is None:
        protected = cbor2.dumps({1: -8, 4: kid_for(vector_key().public_key())}, canonical=True)
    if payload is None:
        payload = bytes.fromhex(VECTOR["payload_hex"])
    signature = key.sign(cbor2.dumps(["Signature1", protected, b"", payload]))
    body = [protected, {} if unprotected is None else unprotected, payload, signature]
    cose = cbor2.dumps(cbor2.CBORTag(tag, body[:parts] + [b""] * (parts - 4)))
    return token_from_cose(cose)


def token_from_cose(cose: bytes) -> str:
    text: str = base45.b45encode(cose).decode()
    return "TRN1:" + text


def problem_of(token: str, keys: KeySet | None = None, now: int = NOW) -> TokenProblem:
    with pytest.raises(TokenError) as caught:
        verify(token, vector_keys() if keys is None else keys, now)
    return caught.value.problem


# --- the vector ------------------------------------------------------------------------------


def test_vector_reproduces_byte_for_byte() -> None:
    private = vector_key()
    token = encode(vector_claims(), private)
    assert token == VECTOR["token"]
    assert kid_for(private.public_key()).hex() == VECTOR["kid_hex"]
    cose = base45.b45decode(token.removeprefix("TRN1:"))
    assert cose.hex() == VECTOR["cose_hex"]
    assert (
        KeySet(
            [PublicKey(kid_for(private.public_key()), private.public_key(), 1735689600)]
        ).to_jwks()
        == VECTOR["jwks"]
    )


def mini_verify(token: str, jwks: dict[str, Any], now: int) -> dict[int, Any]:
    """An independent verifier from the spec in docs/token.md: cbor2, base45, cryptography."""
    assert token.startswith("TRN1:")
    cose = base45.b45decode(token[5:])
    sign1 = cbor2.loads(cose)
    assert sign1.tag == 18
    protected, unprotected, payload, signature = sign1.value
    assert dict(unprotected) == {}
    header = dict(cbor2.loads(protected))
    assert header[1] == -8
    kid_b64 = base64.urlsafe_b64encode(header[4]).rstrip(b"=").decode()
    jwk = next(k for k in jwks["keys"] if k["kid"] == kid_b64)
    x = base64.urlsafe_b64decode(jwk["x"] + "=" * (-len(jwk["x"]) % 4))
    assert jwk.get("nbf", now) <= now
    Ed25519PublicKey.from_public_bytes(x).verify(
        signature, cbor2.dumps(["Signature1", protected, b"", payload])
    )
    claims = dict(cbor2.loads(payload))
    assert now < claims[4]
    return claims


def test_vector_verifies_independently() -> None:
    claims = mini_verify(VECTOR["token"], VECTOR["jwks"], NOW)
    expected = {
        int(label): bytes.fromhex(value) if label == "-1" else value
        for label, value in VECTOR["claims"].items()
    }
    assert claims == expected


def test_vector_verifies_with_module() -> None:
    assert verify(VECTOR["token"], vector_keys(), NOW) == vector_claims()


def test_every_single_character_change_is_refused() -> None:
    token: str = VECTOR["token"]
    keys = vector_keys()
    refused = 0
    for position, original in enumerate(token):
        for replacement in BASE45_CHARSET:
            if replacement == original:
                continue
            variant = token[:position] + replacement + token[position + 1 :]
            with pytest.raises(TokenError):
                verify(variant, keys, NOW)
            refused += 1
    assert refused == len(token) * (len(BASE45_CHARSET) - 1)


# --- each refusal ----------------------------------------------------------------------------


def malformed_because(token: str) -> str:
    """The detail of a MALFORMED refusal, so each case proves which check caught it."""
    with pytest.raises(TokenError) as caught:
        verify(token, vector_keys(), NOW)
    assert caught.value.problem is TokenProblem.MALFORMED
    return str(caught.value)


TOKEN: str = VECTOR["token"]


@pytest.mark.parametrize(
    ("token", "reason"),
    [
        pytest.param("", "prefix", id="empty"),
        pytest.param("TRN1:", "not CBOR", id="prefix-only"),
        pytest.param("TRN2:" + TOKEN[5:], "prefix", id="other-version"),
        pytest.param("trn1:" + TOKEN[5:], "prefix", id="lower-case-prefix"),
        pytest.param(TOKEN[5:], "prefix", id="no-prefix"),
        pytest.param(TOKEN + "\n", "canonical Base45", id="trailing-newline"),
        pytest.param(TOKEN[:-1], "not Base45", id="lone-last-character"),
        pytest.param(TOKEN.replace("Q", "q"), "not Base45", id="lower-case"),
        pytest.param("TRN1:" + "A" * 5000, "too long", id="too-long"),
        pytest.param("TRN1:GGW", "not Base45", id="triple-above-0xffff"),
    ],
)
def test_text_layer_refusals(token: str, reason: str) -> None:
    assert reason in malformed_because(token)


def test_a_cbor2_without_our_keywords_is_an_error_not_a_forged_token(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """cbor2 5.x has no `allow_duplicate_keys` and raises TypeError: counted as bad input,
    every genuine token read "malformed: not CBOR". It must surface as the bug it is."""
    real_loads = cbor2.loads

    def loads_of_cbor2_5(data: bytes, **kwargs: Any) -> Any:
        if "allow_duplicate_keys" in kwargs:
            raise TypeError("loads() got an unexpected keyword argument 'allow_duplicate_keys'")
        return real_loads(data, **kwargs)

    monkeypatch.setattr(cbor2, "loads", loads_of_cbor2_5)
    with pytest.raises(TypeError):
        verify(TOKEN, vector_keys(), NOW)


def test_not_a_string_is_malformed() -> None:
    assert "prefix" in malformed_because(TOKEN.encode())  # type: ignore[arg-type]


COSE = bytes.fromhex(VECTOR["cose_hex"])
REENCODING = "deterministic encoding or trailing"


@pytest.mark.parametrize(
    ("cose", "reason"),
    [
        pytest.param(b"", "not CBOR", id="empty"),
        pytest.param(b"\xff\xff", "not CBOR", id="not-cbor"),
        pytest.param(COSE + b"\x00", REENCODING, id="trailing-byte"),
        pytest.param(COSE[1:], "tagged COSE_Sign1", id="untagged"),
        pytest.param(b"\xd1" + COSE[1:], "tagged COSE_Sign1", id="tag-17-mac0"),
        pytest.param(b"\xd8\x12" + COSE[1:], REENCODING, id="tag-18-two-bytes"),
        pytest.param(b"\xd2\x83" + COSE[2:-66], "four parts", id="three-parts"),
        pytest.param(COSE[:-66] + b"\x59\x00\x40" + COSE[-64:], REENCODING, id="long-length"),
        pytest.param(COSE[:-66] + b"\x58\x3f" + COSE[-64:-1], "64 bytes", id="short-signature"),
        pytest.param(b"\xd2\x9f" + COSE[2:] + b"\xff", "not CBOR", id="indefinite-array"),
    ],
)
def test_cose_layer_refusals(cose: bytes, reason: str) -> None:
    assert reason in malformed_because(token_from_cose(cose))


def test_five_parts_are_malformed() -> None:
    assert "four parts" in malformed_because(hand_sign(parts=5))


def test_non_empty_unprotected_header_is_malformed() -> None:
    # A kid moved to the unsigned header must not be honoured.
    token = hand_sign(unprotected={4: bytes.fromhex(VECTOR["kid_hex"])})
    assert "unprotected" in malformed_because(token)


def test_unprotected_header_not_a_map_is_malformed() -> None:
    assert "unprotected" in malformed_because(hand_sign(unprotected=[]))


KID = bytes.fromhex(VECTOR["kid_hex"])
EXACTLY = "exactly alg and kid"


@pytest.mark.parametrize(
    ("protected", "reason"),
    [
        pytest.param(cbor2.dumps({1: -7, 4: KID}), "EdDSA", id="es256"),
        pytest.param(cbor2.dumps({1: "EdDSA", 4: KID}), "EdDSA", id="alg-as-text"),
        pytest.param(cbor2.dumps({4: KID}), EXACTLY, id="no-alg"),
        pytest.param(cbor2.dumps({1: -8}), EXACTLY, id="no-kid"),
        pytest.param(cbor2.dumps({1: -8, 4: KID[:7]}), "8 bytes", id="short-kid"),
        pytest.param(cbor2.dumps({1: -8, 4: KID.hex()}), "8 bytes", id="kid-as-text"),
        pytest.param(cbor2.dumps({1: -8, 2: [1], 4: KID}), EXACTLY, id="crit"),
        pytest.param(cbor2.dumps({1: -8, 3: 60, 4: KID}), EXACTLY, id="content-type"),
        pytest.param(b"\xa2\x04\x48" + KID + b"\x01\x27", "deterministic", id="unordered"),
        pytest.param(b"\xa2\xf5\x27\x04\x48" + KID, "deterministic", id="label-true"),
        pytest.param(b"\xa2\x01\x38\x07\x04\x48" + KID, "deterministic", id="alg-two-bytes"),
        pytest.param(cbor2.dumps([1, -8, 4, KID]), EXACTLY, id="array"),
        pytest.param(b"\xff", "not CBOR", id="not-cbor"),
        pytest.param(b"", "not CBOR", id="empty"),
    ],
)
def test_protected_header_refusals(protected: bytes, reason: str) -> None:
    # Validly signed over the odd header: only the header checks can refuse it.
    assert reason in malformed_because(hand_sign(protected=protected))


def with_claim(label: int, value: Any) -> bytes:
    payload = claims_map()
    payload[label] = value
    return cbor2.dumps(payload, canonical=True)


def without_claim(label: int) -> bytes:
    payload = claims_map()
    del payload[label]
    return cbor2.dumps(payload, canonical=True)


PAYLOAD = bytes.fromhex(VECTOR["payload_hex"])


@pytest.mark.parametrize(
    ("payload", "reason"),
    [
        pytest.param(cbor2.dumps([1, 2, 3]), "must be a map", id="array"),
        pytest.param(b"\xff", "not CBOR", id="not-cbor"),
        pytest.param(PAYLOAD + b"\x00", "deterministic", id="trailing-byte"),
        pytest.param(
            cbor2.dumps(dict(reversed(claims_map().items()))), "deterministic", id="unordered"
        ),
        # a tenth entry: a second `iss` after a valid map's nine
        pytest.param(b"\xaa" + PAYLOAD[1:] + b"\x01\x61X", "not CBOR", id="duplicate-label"),
        pytest.param(b"\xbf" + PAYLOAD[1:] + b"\xff", "not CBOR", id="indefinite-map"),
        *(
            pytest.param(without_claim(label), "missing", id=f"missing-{label}")
            for label in (1, 4, 6, -1, -2, -3, -4, -5, -6)
        ),
        pytest.param(with_claim(1, ""), "issuer", id="iss-empty"),
        pytest.param(with_claim(1, "X" * 33), "issuer", id="iss-long"),
        pytest.param(with_claim(4, "1741849200"), "expires_at", id="exp-text"),
        pytest.param(with_claim(4, True), "expires_at", id="exp-bool"),
        pytest.param(with_claim(6, 1741615920.0), "issued_at", id="iat-float"),
        pytest.param(with_claim(6, -1), "issued_at", id="iat-negative"),
        pytest.param(with_claim(-1, bytes(7)), "booking_id", id="booking-7-bytes"),
        pytest.param(with_claim(-1, "5f3a9c01e47b2d86"), "booking_id", id="booking-text"),
        pytest.param(with_claim(-2, "CP-04170001"), "turn_code", id="code-11-chars"),
        pytest.param(with_claim(-2, "CP-Ñ17"), "turn_code", id="code-not-ascii"),
        pytest.param(with_claim(-2, "CP\n17"), "turn_code", id="code-control-char"),
        pytest.param(with_claim(-3, -1), "agency_id", id="agency-negative"),
        pytest.param(with_claim(-3, "1701"), "agency_id", id="agency-text"),
        pytest.param(with_claim(-4, b"CLAVE"), "procedure_code", id="procedure-bytes"),
        pytest.param(with_claim(-5, None), "turn_start", id="start-null"),
        pytest.param(with_claim(-6, "1712345690"), "masked_id", id="full-id"),
        pytest.param(with_claim(-6, 1712345690), "masked_id", id="id-as-int"),
    ],
)
def test_payload_refusals(payload: bytes, reason: str) -> None:
    # Validly signed, so only the structure and the claims can be at fault.
    assert reason in malformed_because(hand_sign(payload))


def test_unknown_claims_are_ignored() -> None:
    token = hand_sign(with_claim(-7, "future"))
    assert verify(token, vector_keys(), NOW) == vector_claims()


def test_unknown_key() -> None:
    assert problem_of(VECTOR["token"], KeySet()) is TokenProblem.UNKNOWN_KEY
    other = Ed25519PrivateKey.from_private_bytes(bytes(32)).public_key()
    assert problem_of(VECTOR["token"], KeySet([PublicKey(kid_for(other), other)])) is (
        TokenProblem.UNKNOWN_KEY
    )


def keys_with(not_before: int | None, expires: int | None) -> KeySet:
    public = vector_key().public_key()
    return KeySet([PublicKey(kid_for(public), public, not_before, expires)])


def test_key_not_valid_yet_or_any_more() -> None:
    assert problem_of(VECTOR["token"], keys_with(NOW + 1, None)) is TokenProblem.KEY_NOT_VALID
    assert problem_of(VECTOR["token"], keys_with(None, NOW)) is TokenProblem.KEY_NOT_VALID
    iat = VECTOR["claims"]["6"]
    assert verify(VECTOR["token"], keys_with(iat, NOW + 1), NOW) == vector_claims()


def test_key_not_valid_when_the_token_was_issued() -> None:
    iat = VECTOR["claims"]["6"]
    assert problem_of(VECTOR["token"], keys_with(iat + 1, None)) is TokenProblem.KEY_NOT_VALID


def test_bad_signature_from_another_key_under_the_same_kid() -> None:
    forger = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))
    assert problem_of(hand_sign(key=forger)) is TokenProblem.BAD_SIGNATURE


def test_bad_signature_after_changing_a_signed_byte() -> None:
    payload_at = COSE.index(bytes.fromhex(VECTOR["payload_hex"]))
    altered = bytearray(COSE)
    altered[payload_at + 20] ^= 0x01
    assert problem_of(token_from_cose(bytes(altered))) is TokenProblem.BAD_SIGNATURE
    altered = bytearray(COSE)
    altered[-1] ^= 0x80
    assert problem_of(token_from_cose(bytes(altered))) is TokenProblem.BAD_SIGNATURE


def test_expired_at_exp_and_not_before() -> None:
    exp = VECTOR["claims"]["4"]
    assert verify(VECTOR["token"], vector_keys(), exp - 1) == vector_claims()
    assert problem_of(VECTOR["token"], now=exp) is TokenProblem.EXPIRED


def test_error_messages_never_quote_the_token() -> None:
    body = VECTOR["token"][5:]
    for variant in (VECTOR["token"] + "\n", hand_sign(with_claim(-6, "1712345690"))):
        with pytest.raises(TokenError) as caught:
            verify(variant, vector_keys(), NOW)
        message = str(caught.value)
        assert body[:12] not in message
        assert "1712345690" not in message
        assert VECTOR["claims"]["-1"] not in message


# --- claims, encoding and size ---------------------------------------------------------------


def realistic_claims(**changes: Any) -> Claims:
    """The largest values the service produces today: a 10-character turn code, a
    five-digit agency id, the longest procedure code of the demo catalogue."""
    base: dict[str, Any] = {
        "issuer": "turnos.iess.gob.ec",
        "issued_at": 1_900_000_000,
        "expires_at": 1_900_500_000,
        "booking_id": bytes.fromhex("ffeeddccbbaa9988"),
        "turn_code": "Q12-CP-047",
        "agency_id": 65_535,
        "procedure_code": "ACTUALIZACION_DATOS",
        "turn_start": 1_900_400_000,
        "masked_id": "17******90",
    }
    return Claims(**(base | changes))


def test_realistic_token_fits_qr_version_12_at_level_q() -> None:
    token = encode(realistic_claims(), vector_key())
    assert len(token) <= MAX_QR_CHARS
    code = encode_qr(token)  # the symbol the slip, the screen and the email show
    version = (code.size - 2 * QUIET_ZONE_MODULES - 17) // 4
    assert version <= 12
    # And the printed code reads back exactly (space and % included), at level Q.
    decoded = zxingcpp.read_barcodes(qr_image(code, 4))
    assert [(d.text, d.ec_level) for d in decoded] == [(token, "Q")]


def test_encode_refuses_a_token_too_large_for_the_qr() -> None:
    with pytest.raises(ValueError, match="version 12"):
        encode(realistic_claims(issuer="I" * 32, procedure_code="P" * 32), vector_key())


def test_size_budget_in_the_docs() -> None:
    # docs/token.md: issuer + procedure code may take 42 bytes together, not one more.
    fits = encode(realistic_claims(issuer="I" * 20, procedure_code="P" * 22), vector_key())
    assert len(fits) == MAX_QR_CHARS
    with pytest.raises(ValueError, match="version 12"):
        encode(realistic_claims(issuer="I" * 21, procedure_code="P" * 22), vector_key())


@pytest.mark.parametrize(
    "changes",
    [
        {"issuer": ""},
        {"issued_at": -1},
        {"expires_at": True},
        {"booking_id": bytes(9)},
        {"turn_code": "ABCDEFGHIJK"},
        {"turn_code": "Ñ-1"},
        {"agency_id": 2**64},
        {"procedure_code": ""},
        {"turn_start": 1.5},
        {"masked_id": "1712345690"},
    ],
)
def test_claims_refuse_bad_values(changes: dict[str, Any]) -> None:
    with pytest.raises(ValueError):  # noqa: PT011 - each case has its own message
        realistic_claims(**changes)


def test_claims_repr_hides_the_booking_id() -> None:
    assert "ffeeddcc" not in repr(realistic_claims())


@settings(max_examples=40, deadline=None)
@given(
    turn_code=st.text(st.characters(min_codepoint=32, max_codepoint=126), min_size=1, max_size=10),
    agency_id=st.integers(0, 65_535),
    booking_id=st.binary(min_size=8, max_size=8),
    issued_at=st.integers(0, 2**32 - 1),
    lifetime=st.integers(1, 10_000_000),
)
def test_round_trip(
    turn_code: str, agency_id: int, booking_id: bytes, issued_at: int, lifetime: int
) -> None:
    claims = realistic_claims(
        turn_code=turn_code,
        agency_id=agency_id,
        booking_id=booking_id,
        issued_at=issued_at,
        expires_at=issued_at + lifetime,
    )
    token = encode(claims, vector_key())
    assert len(token) <= MAX_QR_CHARS
    assert verify(token, keys_with(None, None), issued_at) == claims


@settings(max_examples=300, deadline=None)
@given(
    cose=st.binary(max_size=200)
    | st.builds(
        lambda b, i: COSE[:i] + b + COSE[i:],
        st.binary(min_size=1, max_size=4),
        st.integers(0, len(COSE)),
    )
)
def test_garbage_is_refused_with_token_error_only(cose: bytes) -> None:
    with pytest.raises(TokenError):
        verify(token_from_cose(cose), vector_keys(), NOW)


# --- expiry ----------------------------------------------------------------------------------


def local(tz: str, year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=ZoneInfo(tz))


@pytest.mark.parametrize(
    ("start", "tz", "grace", "end_of_day"),
    [
        # 10:30 in Quito: the day ends at 00:00 -05:00 of the next day.
        (
            local("America/Guayaquil", 2025, 3, 12, 10, 30),
            "America/Guayaquil",
            0,
            local("America/Guayaquil", 2025, 3, 13),
        ),
        # Given in UTC (03:00 on the 13th) but still the 12th in Quito.
        (
            dt.datetime(2025, 3, 13, 3, 0, tzinfo=dt.UTC),
            "America/Guayaquil",
            7200,
            local("America/Guayaquil", 2025, 3, 13),
        ),
        # Galápagos is one hour behind the mainland.
        (
            local("Pacific/Galapagos", 2025, 3, 12, 23, 59),
            "Pacific/Galapagos",
            60,
            local("Pacific/Galapagos", 2025, 3, 13),
        ),
        # A day of 23 hours where clocks move (the format is not tied to Ecuador).
        (
            local("America/New_York", 2025, 3, 9, 1, 0),
            "America/New_York",
            0,
            local("America/New_York", 2025, 3, 10),
        ),
    ],
    ids=["quito", "utc-input", "galapagos", "dst-day"],
)
def test_expiry_for(start: dt.datetime, tz: str, grace: int, end_of_day: dt.datetime) -> None:
    assert expiry_for(start, tz, grace) == int(end_of_day.timestamp()) + grace


def test_expiry_for_refuses_bad_input() -> None:
    with pytest.raises(ValueError, match="aware"):
        expiry_for(dt.datetime(2025, 3, 12, 10, 30), "America/Guayaquil", 0)
    with pytest.raises(ValueError, match="grace"):
        expiry_for(local("America/Guayaquil", 2025, 3, 12), "America/Guayaquil", -1)
    with pytest.raises(ValueError, match="zone"):
        expiry_for(local("America/Guayaquil", 2025, 3, 12), "Mars/Olympus", 0)


# --- key sets --------------------------------------------------------------------------------


def test_jwks_round_trip() -> None:
    keys = vector_keys()
    assert KeySet.from_jwks(json.loads(json.dumps(keys.to_jwks()))).to_jwks() == VECTOR["jwks"]
    key = keys.get(KID)
    assert key is not None
    assert key.raw.hex() == VECTOR["public_key_hex"]
    assert key.not_before == 1735689600
    assert key.expires is None


def test_jwks_ignores_keys_of_other_types() -> None:
    jwk = VECTOR["jwks"]["keys"][0]
    other = [
        {"kty": "EC", "crv": "P-256", "x": "AA", "y": "AA", "kid": "x"},
        {"kty": "OKP", "crv": "X25519", "x": jwk["x"], "kid": "y"},
        {**jwk, "alg": "ES256"},
        {**jwk, "use": "enc"},
    ]
    keys = KeySet.from_jwks({"keys": [*other, jwk]})
    assert [k.kid for k in keys] == [KID]


def jwk_variant(**changes: Any) -> dict[str, Any]:
    jwk = dict(VECTOR["jwks"]["keys"][0])
    jwk.update(changes)
    return {"keys": [jwk]}


@pytest.mark.parametrize(
    ("jwks", "member"),
    [
        ({}, "keys"),
        ({"keys": "x"}, "keys"),
        ({"keys": [1]}, "keys"),
        (jwk_variant(d="AA"), "d"),
        (jwk_variant(x=VECTOR["jwks"]["keys"][0]["x"] + "="), "x"),
        (jwk_variant(x=VECTOR["jwks"]["keys"][0]["x"][:-1] + "p"), "x"),  # non-zero pad bits
        (jwk_variant(x="AAAA"), "x"),
        (jwk_variant(x=None), "x"),
        (jwk_variant(kid="AAAAAAAAAAA"), "kid"),
        (jwk_variant(kid="If4x36FUom+"), "kid"),
        (jwk_variant(nbf="1735689600"), "nbf"),
        (jwk_variant(exp=True), "exp"),
        ({"keys": [VECTOR["jwks"]["keys"][0]] * 2}, "kid"),
    ],
    ids=[
        "no-keys",
        "keys-not-array",
        "entry-not-object",
        "private",
        "padded",
        "pad-bits",
        "short-x",
        "no-x",
        "kid-mismatch",
        "kid-not-b64url",
        "nbf-text",
        "exp-bool",
        "duplicate",
    ],
)
def test_jwks_refusals(jwks: dict[str, Any], member: str) -> None:
    with pytest.raises(KeySetError, match=f"^{member}"):
        KeySet.from_jwks(jwks)


def test_public_key_kid_must_match() -> None:
    public = vector_key().public_key()
    with pytest.raises(ValueError, match="kid"):
        PublicKey(bytes(8), public)
