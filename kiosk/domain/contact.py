"""Contact data the citizen gives for the verification code: an email address and a mobile number.

Emails are checked by email-validator without any DNS query (the kiosk may be offline and a
lookup would leak the address); phone numbers by phonenumbers' Ecuadorian metadata, and only
mobile numbers are accepted because the code may go out by SMS.
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Literal

import phonenumbers
from email_validator import EmailNotValidError, validate_email

# The email mask is re-exported: contact data's masks are asked of this module.
from kiosk.domain.masking import mask_email as mask_email
from kiosk.domain.masking import mask_phone_digits

REGION = "EC"
COUNTRY_CODE = 593
MAX_RAW_LENGTH = 254  # the longest deliverable address (RFC 5321 path limit less brackets)

# What people write around the digits of a phone number; anything else (letters above all,
# which phonenumbers would read as a vanity number) is not a phone number.
_PHONE_CHARS = re.compile(r"\+?[\d\s().-]+")
_NON_DIGITS = re.compile(r"\D")

ContactField = Literal["email", "phone"]


class ContactProblem(StrEnum):
    EMPTY = "empty"
    EMAIL_FORMAT = "email_format"
    EMAIL_DOMAIN = "email_domain"
    PHONE_FORMAT = "phone_format"
    PHONE_NOT_MOBILE = "phone_not_mobile"  # also a foreign number: only Ecuadorian mobiles


class Channel(StrEnum):
    EMAIL = "email"
    SMS = "sms"


class InvalidContact(ValueError):  # noqa: N818 - name fixed by the shared contract
    """Rejected contact data; the message names the field and problem, never the value."""

    def __init__(self, field: ContactField, problem: ContactProblem) -> None:
        self.field: ContactField = field
        self.problem = problem
        super().__init__(f"invalid {field}: {problem}")


def _email_syntax_ok(address: str) -> bool:
    try:
        validate_email(address, check_deliverability=False)
    except EmailNotValidError:
        return False
    return True


def normalize_email(raw: str) -> str:
    """The address in normal form (domain lower-cased, IDNA-normalised) or `InvalidContact`."""
    address = raw.strip()
    if not address:
        raise InvalidContact("email", ContactProblem.EMPTY)
    if len(address) > MAX_RAW_LENGTH:
        raise InvalidContact("email", ContactProblem.EMAIL_FORMAT)
    try:
        return validate_email(address, check_deliverability=False).normalized
    except EmailNotValidError:
        pass
    # email-validator says what is wrong only in prose; ask it again about the domain alone
    # (with a local part known to be good) to tell a bad domain from a bad address.
    local, at, domain = address.rpartition("@")
    if at and local and domain and not _email_syntax_ok(f"a@{domain}"):
        raise InvalidContact("email", ContactProblem.EMAIL_DOMAIN) from None
    raise InvalidContact("email", ContactProblem.EMAIL_FORMAT) from None


# Providers that ignore dots in the local part: a.n.a@ and ana@ reach one mailbox.
_DOTLESS_DOMAINS = frozenset({"gmail.com", "googlemail.com"})


def limit_key_email(raw: str) -> str:
    """The mailbox an address reaches, for counting sends against limits (never to send to).

    Lower-cased, `+tag` dropped, and dots dropped in the local part for Gmail (whose two
    domains are one): `ANA+1@gmail.com`, `a.n.a@googlemail.com` and `ana@gmail.com` share one
    key. Raises `InvalidContact` like `normalize_email`.
    """
    local, _, domain = normalize_email(raw).rpartition("@")
    local, domain = local.lower().split("+", 1)[0], domain.lower()
    if domain in _DOTLESS_DOMAINS:
        local, domain = local.replace(".", ""), "gmail.com"
    # A local part that was all tag ("+x@") keeps its address rather than collapse to "@".
    return f"{local}@{domain}" if local else normalize_email(raw).lower()


def _parse_mobile(raw: str) -> phonenumbers.PhoneNumber:
    text = raw.strip()
    if not text:
        raise InvalidContact("phone", ContactProblem.EMPTY)
    if len(text) > 40 or not _PHONE_CHARS.fullmatch(text):
        raise InvalidContact("phone", ContactProblem.PHONE_FORMAT)
    try:
        number = phonenumbers.parse(text, REGION)
    except phonenumbers.NumberParseException:
        raise InvalidContact("phone", ContactProblem.PHONE_FORMAT) from None
    if number.extension or not phonenumbers.is_valid_number(number):
        raise InvalidContact("phone", ContactProblem.PHONE_FORMAT)
    if number.country_code != COUNTRY_CODE:
        raise InvalidContact("phone", ContactProblem.PHONE_NOT_MOBILE)
    if phonenumbers.number_type(number) != phonenumbers.PhoneNumberType.MOBILE:
        raise InvalidContact("phone", ContactProblem.PHONE_NOT_MOBILE)
    return number


def normalize_mobile(raw: str) -> str:
    """An Ecuadorian mobile in E.164 (`+5939XXXXXXXX`) from `09…`, `+593 9…`, `5939…`."""
    number = _parse_mobile(raw)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def national_mobile(e164: str) -> str:
    """The ten-digit national form `09XXXXXXXX`, as citizens write it."""
    number = _parse_mobile(e164)
    national = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return _NON_DIGITS.sub("", national)


def mask_phone(phone: str) -> str:
    """`+593991234678` or `0991234678` -> `09•••••678` (national form: 2 digits, 5 dots, 3 digits).

    Never raises: text that is not a mobile number is masked from its digits, or hidden whole.
    """
    try:
        digits = national_mobile(phone)
    except InvalidContact:
        digits = _NON_DIGITS.sub("", phone)
    return mask_phone_digits(digits)
