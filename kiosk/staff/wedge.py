"""A USB barcode scanner that types: telling its burst of keys from a person at the keyboard.

A scanner in keyboard mode "types" the QR's text a few milliseconds per key and ends with
Enter. The counter window holds back every key that could start a slip's text ("T"), keeps
holding while the keys come fast and still spell the token's prefix, and then takes the whole
burst for itself, so a space in the token never presses a button and a field in focus never
fills with it. Keys that turn out to be a person typing are given back, in order.

A scanner set to a US layout on a PC with the Latin American layout sends the keys of US
characters, which the PC reads as others: `:` arrives as `Ñ`, `*` as `(`, `+` as `¡`, `-` as
`'` and `/` as `-`. The prefix says which happened ("TRN1Ñ"), and the burst is mapped back.
Caps Lock turns the letters lower-case; Base45 has upper-case letters only, so they go back too.
Pure: no Qt.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kiosk.domain.token import MAX_INPUT_CHARS, PREFIX

#: Longest pause between two keys of one scan. Scanners send a key every 1–15 ms; a person
#: typing leaves 80 ms or more between keys.
SCAN_GAP_MS = 50.0
#: A scan that stops without its Enter for this long is given up as incomplete.
INCOMPLETE_MS = 400.0

_ENDS = {"\r", "\n", "\t"}
_US_ON_LATAM = str.maketrans({"Ñ": ":", "ñ": ":", "(": "*", "¡": "+", "'": "-", "-": "/"})
# The token's prefix as it may arrive: as sent, or read through a Latin American layout.
_PREFIXES = (PREFIX, PREFIX[:-1] + "Ñ")


def normalise(burst: str) -> str:
    """The token a scanner meant, from what the keyboard layout made of it."""
    text = burst.rstrip("\r\n")  # never spaces: docs/token.md forbids trimming a token
    if text[: len(PREFIX) - 1].upper() == PREFIX[:-1] and text[len(PREFIX) - 1 : len(PREFIX)] in (
        "Ñ",
        "ñ",
    ):
        text = text.translate(_US_ON_LATAM)
    if text[: len(PREFIX)].upper() == PREFIX and text[: len(PREFIX)] != PREFIX:
        text = text.upper()  # Caps Lock was on: Base45 has no lower-case letters
    return text


def _could_start(held: str) -> bool:
    upper = held.upper()
    return any(p.startswith(upper) or upper.startswith(p) for p in _PREFIXES)


@dataclass(frozen=True)
class Step:
    """What the window does with a key: `give_back` keys held before (a person typed them),
    then `hold` this one (or let it through), or take `scanned` (a whole scan) for itself."""

    give_back: str = ""
    hold: bool = False
    scanned: str | None = None


@dataclass
class ScannerWedge:
    gap_ms: float = SCAN_GAP_MS
    _held: list[str] = field(default_factory=list)
    _last_ms: float = 0.0

    @property
    def holding(self) -> bool:
        return bool(self._held)

    @property
    def in_scan(self) -> bool:
        """Past the prefix: the keys are a scanner's, whatever comes next, until Enter."""
        return len(self._held) >= len(PREFIX)

    def key(self, text: str, at_ms: float) -> Step:
        """A key with its text (one character, or Enter/Tab) typed at `at_ms`."""
        give_back = ""
        if self._held and at_ms - self._last_ms > self.gap_ms and not self.in_scan:
            give_back = self._release()
        if not text:
            return Step(give_back=give_back)
        if self.in_scan:
            self._last_ms = at_ms
            if text in _ENDS:
                return Step(give_back=give_back, scanned=normalise("".join(self._release())))
            if len(self._held) < MAX_INPUT_CHARS:
                self._held.append(text)
            return Step(give_back=give_back, hold=True)
        if text in _ENDS or not _could_start("".join(self._held) + text):
            give_back += self._release()
            return Step(give_back=give_back)
        self._held.append(text)
        self._last_ms = at_ms
        return Step(give_back=give_back, hold=True)

    def idle(self, at_ms: float) -> Step:
        """Time passed with no key: keys a person typed go back; a scan that stopped short is
        handed over as it is (the token check then calls it damaged: scan again)."""
        if not self._held:
            return Step()
        if self.in_scan:
            if at_ms - self._last_ms >= INCOMPLETE_MS:
                return Step(scanned=normalise(self._release()))
            return Step()
        if at_ms - self._last_ms > self.gap_ms:
            return Step(give_back=self._release())
        return Step()

    def _release(self) -> str:
        held = "".join(self._held)
        self._held.clear()
        return held
