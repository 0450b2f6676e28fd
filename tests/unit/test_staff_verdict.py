"""The counter's offline answer for a slip (kiosk.staff.verdict), in the service's order."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kiosk.domain.token import Claims, KeySet, PublicKey, TokenProblem, encode, expiry_for, kid_for
from kiosk.staff.verdict import Answer, OfflineVerdict, Window, judge

ZONE = ZoneInfo("America/Guayaquil")
START = dt.datetime(2026, 12, 3, 9, 30, tzinfo=ZONE)
AGENCY = 241
KEY = Ed25519PrivateKey.generate()


def _keys(*keys: PublicKey) -> KeySet:
    return KeySet(keys or [PublicKey(kid_for(KEY.public_key()), KEY.public_key())])


def _token(key: Ed25519PrivateKey = KEY, **changes: object) -> str:
    fields: dict[str, object] = {
        "issuer": "turnos",
        "issued_at": int((START - dt.timedelta(days=2)).timestamp()),
        "expires_at": expiry_for(START, "America/Guayaquil", 3600),
        "booking_id": bytes(range(8)),
        "turn_code": "CP-014",
        "agency_id": AGENCY,
        "procedure_code": "CLAVE_PATRONAL",
        "turn_start": int(START.timestamp()),
        "masked_id": "******4590",
    }
    fields.update(changes)
    return encode(Claims(**fields), key)  # type: ignore[arg-type]


def _at(minutes: float, day: dt.datetime = START) -> int:
    return int((day + dt.timedelta(minutes=minutes)).timestamp())


def _judge(
    token: str, now: int, keys: KeySet | None = None, agency: int | None = AGENCY
) -> OfflineVerdict:
    return judge(
        token,
        _keys() if keys is None else keys,
        now,
        ZONE,
        agency_id=agency,
        today=dt.datetime.fromtimestamp(now, ZONE).date(),
        window=Window(),
    )


def test_a_genuine_slip_in_its_window_is_accepted() -> None:
    verdict = _judge(_token(), _at(-10))
    assert verdict.answer is Answer.CHECKED_IN
    assert verdict.answer.accepted
    assert verdict.claims is not None
    assert verdict.claims.masked_id == "******4590"


@pytest.mark.parametrize(
    ("minutes", "answer"),
    [
        (-31, Answer.TOO_EARLY),
        (-30, Answer.CHECKED_IN),
        (15, Answer.CHECKED_IN),
        (16, Answer.TOO_LATE),
    ],
)
def test_the_window_is_the_services(minutes: float, answer: Answer) -> None:
    assert _judge(_token(), _at(minutes)).answer is answer


def test_another_agency_comes_before_the_day() -> None:
    verdict = _judge(_token(agency_id=242), _at(-24 * 60))
    assert verdict.answer is Answer.WRONG_AGENCY


def test_another_day_before_or_after() -> None:
    assert _judge(_token(), _at(-24 * 60)).answer is Answer.WRONG_DAY
    later = _judge(_token(), _at(3 * 24 * 60))  # past its expiry: a turn of an earlier day
    assert later.answer is Answer.WRONG_DAY
    assert later.expired


def test_forged_altered_unknown_or_untrusted_keys_are_refused() -> None:
    token = _token()
    other = Ed25519PrivateKey.generate()
    forged = _token(key=other)
    # The same claims signed by a key we do not trust: its kid is unknown.
    assert _judge(forged, _at(0)).problem is TokenProblem.UNKNOWN_KEY
    # A key we trust, claiming another's kid: the signature does not hold.
    impostor = KeySet([PublicKey(kid_for(KEY.public_key()), KEY.public_key())])
    assert _judge(token, _at(0), impostor).answer is Answer.CHECKED_IN
    for i in range(5, len(token)):
        changed = token[:i] + ("0" if token[i] != "0" else "1") + token[i + 1 :]
        verdict = _judge(changed, _at(0))
        assert verdict.answer is Answer.FORGED, i
        assert verdict.claims is None
    verdict = _judge(_token(), _at(0), KeySet())
    assert verdict.answer is Answer.FORGED
    assert verdict.problem is TokenProblem.UNKNOWN_KEY


def test_a_key_outside_its_validity_is_refused() -> None:
    kid = kid_for(KEY.public_key())
    retired = KeySet([PublicKey(kid, KEY.public_key(), expires=_at(-60))])
    verdict = _judge(_token(), _at(0), retired)
    assert verdict.answer is Answer.FORGED
    assert verdict.problem is TokenProblem.KEY_NOT_VALID
    not_yet = KeySet([PublicKey(kid, KEY.public_key(), not_before=_at(60))])
    assert _judge(_token(), _at(0), not_yet).problem is TokenProblem.KEY_NOT_VALID


def test_only_what_is_asked_is_checked() -> None:
    token = _token(agency_id=242)
    now = _at(-3 * 60)
    plain = judge(token, _keys(), now, ZONE)
    assert plain.answer is Answer.CHECKED_IN  # signature and expiry only
    assert judge(token, _keys(), now, ZONE, agency_id=AGENCY).answer is Answer.WRONG_AGENCY
    other_day = START.date() + dt.timedelta(days=1)
    assert judge(token, _keys(), now, ZONE, today=other_day).answer is Answer.WRONG_DAY
