"""The USB scanner at the counter window: a burst of keys is one scan, wherever the focus is.

A scanner types the token a few milliseconds per key and ends with Enter. The burst must be
taken whole by the window: a space in it must not press the focused button, a focused text
field must stay empty, and it must read the same whether the scanner and the PC agree on the
keyboard layout or not, and with Caps Lock on. A person typing keeps every key, in order.
"""

from __future__ import annotations

from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from PySide6.QtCore import Qt

from kiosk.domain.token import Claims, encode
from kiosk.staff.verdict import Answer
from tests.staff.conftest import AGENCY
from turnos.clock import MovableClock
from turnos.embedded import EmbeddedService

US_ON_LATIN_AMERICAN = str.maketrans({":": "Ñ", "*": "(", "+": "¡", "-": "'", "/": "-"})


def layouts(token: str) -> dict[str, str]:
    return {
        "as sent": token,
        "US scanner on a Latin American PC": token.translate(US_ON_LATIN_AMERICAN),
        "Caps Lock on": "".join(c.lower() if c.isalpha() else c for c in token),
    }


@pytest.fixture(scope="module")
def token(staff_clock: MovableClock) -> str:
    """A slip's token with a space and the characters layouts change (signed by a key no
    one published: the counter answers it without checking anyone in)."""
    now = staff_clock.now()
    for number in range(1000):
        claims = Claims(
            issuer="turnos",
            issued_at=now,
            expires_at=now + 86400,
            booking_id=number.to_bytes(8, "big"),
            turn_code="CP-001",
            agency_id=AGENCY,
            procedure_code="CLAVE_PATRONAL",
            turn_start=now + 600,
            masked_id="17******90",
        )
        text = encode(claims, Ed25519PrivateKey.generate())
        if " " in text and any(c in text for c in "*+-/") and any(c.isalpha() for c in text[5:]):
            return text
    raise AssertionError("no token with a space")


@pytest.fixture
def clerk(make_counter: Any, staff_service: EmbeddedService) -> Any:
    return make_counter(staff_service.url, staff_service.credentials["staff_tokens"][str(AGENCY)])


def scanned_texts(clerk: Any) -> list[str]:
    seen: list[str] = []
    clerk.counter.scanner.scanned.connect(seen.append)
    return seen


@pytest.mark.parametrize("layout", ["as sent", "US scanner on a Latin American PC", "Caps Lock on"])
def test_a_burst_on_a_focused_button_is_one_scan_and_presses_nothing(
    clerk: Any, token: str, layout: str
) -> None:
    pressed: list[bool] = []
    clerk.window.manual_button.clicked.connect(lambda: pressed.append(True))
    seen = scanned_texts(clerk)
    clerk.click("Código del turno")
    clerk.press(Qt.Key.Key_Tab)
    clerk.press(Qt.Key.Key_Tab)
    assert clerk.window.focusWidget() is clerk.window.manual_button

    clerk.scan(layouts(token)[layout])
    outcome = clerk.answer()
    assert seen == [token]  # mapped back to what the scanner meant
    assert pressed == []  # no space of the token pressed "Registrar"
    assert clerk.window.manual_error.text() == ""
    assert "check_in_by_code" not in clerk.counter.client.calls
    assert outcome.answer is Answer.FORGED
    assert outcome.source == "scanner"


@pytest.mark.parametrize("layout", ["as sent", "US scanner on a Latin American PC", "Caps Lock on"])
@pytest.mark.parametrize("field", ["Código del turno", "Buscar"])
def test_a_burst_into_a_focused_text_field_leaves_it_empty(
    clerk: Any, token: str, layout: str, field: str
) -> None:
    seen = scanned_texts(clerk)
    if field == "Buscar":
        clerk.press(Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)  # keyboard-first
        widget = clerk.window.day.search
    else:
        widget = clerk.click(field)
    assert widget.hasFocus()
    clerk.scan(layouts(token)[layout])
    clerk.answer()
    assert seen == [token]
    assert widget.text() == ""


def test_a_person_typing_keeps_every_key_in_order(clerk: Any) -> None:
    seen = scanned_texts(clerk)
    # Slowly, even the token's own prefix is just typing.
    field = clerk.type("Código del turno", "TRN1 X")
    assert field.text() == "TRN1 X"
    field.clear()
    # A lone "T" is held a moment in case a scan starts, then given to the field.
    clerk.type("Código del turno", "T")
    assert field.text() == "T"
    # Fast, but not a slip's text: the held "T" goes first, then the rest.
    from PySide6.QtTest import QTest

    QTest.keyClicks(field, "X2")
    clerk.qtbot.waitUntil(lambda: field.text() == "TX2", timeout=2000)
    assert seen == []


def test_function_keys_reach_the_ways_in(clerk: Any) -> None:
    clerk.press(Qt.Key.Key_F2)
    assert clerk.window.focusWidget() is clerk.window.code_field
    clerk.press(Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert clerk.window.focusWidget() is clerk.window.day.search
