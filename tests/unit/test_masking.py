"""One form of each masked value, wherever it is shown or logged (kiosk.domain.masking)."""

from __future__ import annotations

import pytest

from kiosk.domain.contact import mask_email, mask_phone
from kiosk.domain.ids import parse_id
from kiosk.domain.masking import ascii_masked, mask_middle, mask_name
from kiosk.logsafe import mask_personal_data

CEDULA = "1714307103"
EMAIL = "maria.perez@gmail.com"
MOBILE = "+593991234678"


def test_the_log_masks_as_the_screens_do() -> None:
    document = parse_id("cedula", CEDULA)
    assert mask_personal_data(f"id {CEDULA}") == f"id {document.masked}"
    assert mask_personal_data(f"to {EMAIL}") == f"to {mask_email(EMAIL)}"
    assert mask_personal_data(f"sms {MOBILE}") == f"sms {mask_phone(MOBILE)}"


def test_the_ascii_form_only_swaps_the_bullet() -> None:
    document = parse_id("cedula", CEDULA)
    assert ascii_masked(document.masked) == document.masked_ascii == "17******03"
    assert ascii_masked("M••• P•••") == "M*** P***"


@pytest.mark.parametrize(
    ("name", "masked"),
    [
        ("María Pérez Vera", "M••• P••• V•••"),
        ("  ana   de la torre ", "A••• D••• L••• T•••"),
        ("", ""),
    ],
)
def test_names_keep_only_initials(name: str, masked: str) -> None:
    assert mask_name(name) == masked


def test_mask_middle_keeps_the_ends_it_is_told() -> None:
    assert mask_middle("1792060346001", 2, 3) == "17••••••••001"
    assert mask_middle("abcdef", 2, 0) == "ab••••"
