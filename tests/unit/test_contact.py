"""Contact data: email through email-validator, Ecuadorian mobiles through phonenumbers, masks."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.contact import (
    Channel,
    ContactProblem,
    InvalidContact,
    limit_key_email,
    mask_email,
    mask_phone,
    national_mobile,
    normalize_email,
    normalize_mobile,
)

# --- email ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "normal"),
    [
        ("Maria.Perez@GMAIL.com", "Maria.Perez@gmail.com"),
        ("  juan@iess.gob.ec \n", "juan@iess.gob.ec"),
        ("ñandú@Correo.EC", "ñandú@correo.ec"),
        ("ana+turnos@example.com", "ana+turnos@example.com"),
        # No DNS query is made: a domain that surely does not exist is still well formed.
        ("nadie@dominio-inexistente-7f3a9.ec", "nadie@dominio-inexistente-7f3a9.ec"),
    ],
)
def test_email_is_normalised(raw: str, normal: str) -> None:
    assert normalize_email(raw) == normal
    assert normalize_email(normal) == normal


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        ("", ContactProblem.EMPTY),
        ("   ", ContactProblem.EMPTY),
        ("maria", ContactProblem.EMAIL_FORMAT),
        ("ma ria@gmail.com", ContactProblem.EMAIL_FORMAT),
        (".maria@gmail.com", ContactProblem.EMAIL_FORMAT),
        ("@gmail.com", ContactProblem.EMAIL_FORMAT),
        ("maria@", ContactProblem.EMAIL_FORMAT),
        ("a" * 250 + "@gmail.com", ContactProblem.EMAIL_FORMAT),
        ("maria@gmail", ContactProblem.EMAIL_DOMAIN),
        ("maria@gm_ail.com", ContactProblem.EMAIL_DOMAIN),
        ("maria@gmail..com", ContactProblem.EMAIL_DOMAIN),
        ("maria@localhost", ContactProblem.EMAIL_DOMAIN),
        ("maria@buzon.test", ContactProblem.EMAIL_DOMAIN),  # reserved for testing, never real
    ],
)
def test_email_problems(raw: str, problem: ContactProblem) -> None:
    with pytest.raises(InvalidContact) as caught:
        normalize_email(raw)
    assert caught.value.problem is problem
    assert caught.value.field == "email"
    assert caught.value.__cause__ is None
    if raw.strip():
        assert raw.strip() not in f"{caught.value} {caught.value!r}"


# --- mobile -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw",
    [
        "0991234567",
        "099 123 4567",
        "099-123-4567",
        "(099) 123-4567",
        "+593991234567",
        "+593 99 123 4567",
        "593991234567",
        "593 99 123 4567",
        " 0991234567 ",
    ],
)
def test_mobile_written_forms(raw: str) -> None:
    assert normalize_mobile(raw) == "+593991234567"
    assert national_mobile(raw) == "0991234567"


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        ("", ContactProblem.EMPTY),
        ("099123", ContactProblem.PHONE_FORMAT),
        ("09912345678", ContactProblem.PHONE_FORMAT),
        ("09ABCDEFGH", ContactProblem.PHONE_FORMAT),  # phonenumbers would read letters as digits
        ("099 123 4567 ext 5", ContactProblem.PHONE_FORMAT),
        ("0991234567;ext=5", ContactProblem.PHONE_FORMAT),
        ("9" * 60, ContactProblem.PHONE_FORMAT),
        ("022345678", ContactProblem.PHONE_NOT_MOBILE),  # a Quito landline
        ("(02) 234-5678", ContactProblem.PHONE_NOT_MOBILE),
        ("+1 650 253 0000", ContactProblem.PHONE_NOT_MOBILE),  # valid, but not Ecuadorian
        ("+34 612 345 678", ContactProblem.PHONE_NOT_MOBILE),
    ],
)
def test_mobile_problems(raw: str, problem: ContactProblem) -> None:
    with pytest.raises(InvalidContact) as caught:
        normalize_mobile(raw)
    assert caught.value.problem is problem
    assert caught.value.field == "phone"
    if raw:
        assert raw not in str(caught.value)


def test_national_mobile_rejects_what_is_not_a_mobile() -> None:
    with pytest.raises(InvalidContact):
        national_mobile("+59322345678")


# --- masks and channel ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("email", "masked"),
    [
        ("maria@gmail.com", "m•••@gmail.com"),
        ("mo@gmail.com", "m•••@gmail.com"),  # always three dots: the length stays hidden
        ("m@gmail.com", "•••@gmail.com"),  # one character would be the whole local part
        ("not an email", "•••"),
        ("", "•••"),
    ],
)
def test_mask_email(email: str, masked: str) -> None:
    assert mask_email(email) == masked


@pytest.mark.parametrize(
    ("phone", "masked"),
    [
        ("+593991234678", "09•••••678"),
        ("0991234678", "09•••••678"),
        ("099 123 4678", "09•••••678"),
        ("12345", "•••••"),
        ("", "•••••"),
    ],
)
def test_mask_phone(phone: str, masked: str) -> None:
    assert mask_phone(phone) == masked


def test_channel_values() -> None:
    assert [c.value for c in Channel] == ["email", "sms"]
    assert Channel("sms") is Channel.SMS


# --- properties -------------------------------------------------------------------------------

# 098… and 099… are mobile ranges in phonenumbers' metadata for Ecuador.
subscriber = st.from_regex(r"9[89][0-9]{7}", fullmatch=True)
WRITTEN_FORMS: tuple[Callable[[str], str], ...] = (
    lambda s: f"0{s}",
    lambda s: f"0{s[:2]} {s[2:5]} {s[5:]}",
    lambda s: f"0{s[:2]}-{s[2:5]}-{s[5:]}",
    lambda s: f"+593{s}",
    lambda s: f"+593 {s[:2]} {s[2:5]} {s[5:]}",
    lambda s: f"593{s}",
)


@given(subscriber, st.sampled_from(WRITTEN_FORMS))
def test_normalize_mobile_is_idempotent(sub: str, form: Callable[[str], str]) -> None:
    e164 = normalize_mobile(form(sub))
    assert e164 == f"+593{sub}"
    assert normalize_mobile(e164) == e164
    national = national_mobile(e164)
    assert national == f"0{sub}"
    assert normalize_mobile(national) == e164
    masked = mask_phone(e164)
    assert masked == national[:2] + "•" * 5 + national[-3:]


@given(st.text(alphabet="+0123456789 -()", max_size=20))
def test_normalize_mobile_on_any_typing(raw: str) -> None:
    try:
        e164 = normalize_mobile(raw)
    except InvalidContact:
        return  # rejecting is fine; the problem codes are covered above
    assert normalize_mobile(e164) == e164
    assert e164.startswith("+5939")
    assert len(e164) == 13


@given(st.emails())
def test_email_mask_never_shows_the_local_part(email: str) -> None:
    local = email.rpartition("@")[0]
    masked_local = mask_email(email).rpartition("@")[0]
    assert local not in masked_local
    assert sum(c != "•" for c in masked_local) <= 1


@pytest.mark.parametrize(
    "raw",
    ["ana+1@gmail.com", "a.n.a@gmail.com", "ANA@gmail.com", " A.na+kiosk@GoogleMail.com "],
)
def test_gmail_spellings_share_one_limit_key(raw: str) -> None:
    assert limit_key_email(raw) == "ana@gmail.com"


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("Ana.Perez+turnos@Example.COM", "ana.perez@example.com"),  # dots matter elsewhere
        ("ana@gmail.com.ec", "ana@gmail.com.ec"),  # not Gmail
        ("+solo@example.com", "+solo@example.com"),  # all tag: kept, never "@example.com"
    ],
)
def test_limit_key_outside_gmail(raw: str, key: str) -> None:
    assert limit_key_email(raw) == key


def test_limit_key_leaves_the_address_to_send_to_alone() -> None:
    assert normalize_email("Ana.Perez+turnos@gmail.com") == "Ana.Perez+turnos@gmail.com"


def test_limit_key_refuses_what_is_not_an_address() -> None:
    with pytest.raises(InvalidContact):
        limit_key_email("ana@")
