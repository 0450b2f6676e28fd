"""A barcode scanner typing a slip's token, told from a person typing (kiosk.staff.wedge)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.staff.wedge import INCOMPLETE_MS, SCAN_GAP_MS, ScannerWedge, Step, normalise

BASE45 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"
TOKEN = "TRN1:6BF*TS0BI$ZD.%+H/-4 WQ:9"

#: What a scanner set to a US layout types on a PC with the Latin American layout.
US_ON_LATAM = str.maketrans({":": "Ñ", "*": "(", "+": "¡", "-": "'", "/": "-"})


def type_burst(
    wedge: ScannerWedge, text: str, start: float = 1000.0, every: float = 4.0
) -> list[Step]:
    return [wedge.key(ch, start + i * every) for i, ch in enumerate(text)]


def scanned(wedge: ScannerWedge, text: str) -> str | None:
    steps = type_burst(wedge, text + "\r")
    assert all(s.hold for s in steps[:-1]), "a key of the scan went through"
    assert not any(s.give_back for s in steps)
    return steps[-1].scanned


def test_a_burst_ending_in_enter_is_one_scan_and_nothing_reaches_the_window() -> None:
    assert scanned(ScannerWedge(), TOKEN) == TOKEN


def test_a_us_scanner_on_a_latin_american_layout_is_mapped_back() -> None:
    typed = TOKEN.translate(US_ON_LATAM)
    assert typed.startswith("TRN1Ñ")
    assert "(" in typed
    assert "¡" in typed
    assert scanned(ScannerWedge(), typed) == TOKEN


def test_caps_lock_lower_case_letters_go_back_to_upper_case() -> None:
    assert scanned(ScannerWedge(), TOKEN.swapcase()) == TOKEN
    assert scanned(ScannerWedge(), TOKEN.translate(US_ON_LATAM).swapcase()) == TOKEN


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=BASE45, min_size=1, max_size=300))
def test_every_base45_text_survives_both_layouts(body: str) -> None:
    token = "TRN1:" + body.strip() if body.strip() else "TRN1:0"
    assert normalise(token) == token
    assert normalise(token.translate(US_ON_LATAM)) == token


def test_a_person_typing_gets_every_key_back_in_order() -> None:
    wedge = ScannerWedge()
    # "Tr" typed by hand: T is held (it could start a scan), then given back with the r.
    first = wedge.key("T", 0.0)
    assert first.hold
    assert not first.give_back
    second = wedge.key("r", 150.0)
    assert second.give_back == "T"
    assert not second.hold
    # Held keys go back when the person stops, too.
    assert wedge.key("T", 400.0).hold
    assert wedge.idle(400.0 + SCAN_GAP_MS / 2).give_back == ""
    assert wedge.idle(400.0 + SCAN_GAP_MS + 1).give_back == "T"
    assert not wedge.holding


def test_a_fast_word_that_is_not_a_token_reaches_the_window_whole_and_in_order() -> None:
    wedge = ScannerWedge()
    word = "TRAMITE"
    steps = type_burst(wedge, word)
    # What the window receives: keys given back, then the key itself unless held.
    received = "".join(
        s.give_back + ("" if s.hold else ch) for ch, s in zip(word, steps, strict=True)
    )
    received += wedge.idle(10_000.0).give_back  # the last T, held, goes back when typing stops
    assert received == word
    # T and R were held while they could still start "TRN1:"; A showed they do not.
    assert steps[2].give_back == "TR"


def test_enter_alone_and_other_keys_pass() -> None:
    wedge = ScannerWedge()
    for text in ("\r", " ", "5", "a"):
        step = wedge.key(text, 0.0)
        assert not step.hold
        assert step.scanned is None


def test_a_scan_that_stops_short_is_handed_over_as_damaged() -> None:
    wedge = ScannerWedge()
    type_burst(wedge, TOKEN[:12], start=0.0)
    assert wedge.in_scan
    last = 11 * 4.0
    assert wedge.idle(last + INCOMPLETE_MS / 2).scanned is None
    assert wedge.idle(last + INCOMPLETE_MS).scanned == TOKEN[:12]
    assert not wedge.holding


@pytest.mark.parametrize("end", ["\n", "\t"])
def test_scanners_ending_with_newline_or_tab(end: str) -> None:
    wedge = ScannerWedge()
    steps = type_burst(wedge, TOKEN + end)
    assert steps[-1].scanned == TOKEN
