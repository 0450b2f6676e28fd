"""What spoken guidance may say, decided without Qt: the screen's words made speakable, and a
last check that nothing personal is read aloud.

The words themselves come from the screen (the same Qt translations the citizen reads); the Qt
side (`kiosk.ui.speech`) collects them and speaks what `screened()` lets through. Three rules:

- A masked value on the screen (`17••••••90`, `m•••@gmail.com`, `09•••••678`) is said as a hint
  about its visible end ("terminado en 678"), never as dots; a masked name is left out.
- Whatever the words, an utterance that contains a personal value of the session (the number
  typed, the email, the mobile, the verification code, the turn's code, the name) in any
  spacing or case is refused whole (`screened()` returns None): saying nothing is the safe
  failure.
- The voice's locale follows the citizen's language (es-EC first for Spanish).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from kiosk.domain.masking import DOT

#: A value shorter than this (once squashed) is not checked: "90" or "678" are the hints we
#: say on purpose, and a two-digit number occurs in ordinary sentences ("Tiene 6 dígitos").
MIN_CHECKED = 4
#: Seconds left at which a running countdown is said again (besides when it first shows).
MILESTONES = frozenset({60, 30, 10})

_MASKED = re.compile(rf"[^\s()«»\"]*{DOT}[^\s()«»\"]*")
_CLOCK = re.compile(r"\b\d{1,2}:\d{2}\b")
_TRAILING = ".,;:!?"


@dataclass(frozen=True)
class PersonalValues:
    """The session's personal values (raw, as typed or as the service gave them)."""

    values: tuple[str, ...] = ()

    @classmethod
    def of(cls, *values: str | None) -> PersonalValues:
        return cls(tuple(v for v in values if v and v.strip()))

    def forms(self) -> frozenset[str]:
        """Every squashed form worth looking for (see `squash`)."""
        found: set[str] = set()
        for value in self.values:
            found.update(_forms(value))
        return frozenset(f for f in found if len(f) >= MIN_CHECKED)


def squash(text: str) -> str:
    """Lower case letters and digits only, accents removed: "17 10-03" and "1710 03" and
    "1710·03" all become "171003", so spacing or punctuation cannot smuggle a value through."""
    plain = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in plain if ch.isalnum() and not unicodedata.combining(ch))


def _forms(value: str) -> set[str]:
    whole = squash(value)
    forms = {whole}
    if whole.isdigit():
        # A mobile in E.164 (+593991234567) is also 0991234567 and 991234567 when said.
        if whole.startswith("593") and len(whole) > 9:
            forms.update({"0" + whole[3:], whole[3:]})
        elif whole.startswith("0") and len(whole) > 8:
            forms.add(whole[1:])
    if "@" in value:
        local = value.strip().rpartition("@")[0]
        forms.add(squash(local))
    else:
        # A name: each word long enough to be telling, and the whole.
        words = value.split()
        if len(words) > 1:
            forms.update(squash(w) for w in words)
    return forms


def reveals(text: str, personal: PersonalValues) -> bool:
    """Whether `text` contains any of the personal values, whatever the spacing or case."""
    said = squash(text)
    return any(form in said for form in personal.forms())


def screened(text: str, personal: PersonalValues) -> str | None:
    """`text` if it may be said aloud, None if it would read a personal value."""
    return None if reveals(text, personal) else text


def speak_masks(text: str, ends_in: Callable[[str], str]) -> str:
    """Replace every masked value with `ends_in(visible end)` ("terminado en 678"); a masked
    value whose end shows nothing (a masked name, `M•••`) is left out."""

    def replace(match: re.Match[str]) -> str:
        token = match.group(0)
        stripped = token.rstrip(_TRAILING)
        after = token[len(stripped) :]
        end = stripped.rpartition(DOT)[2]
        if not any(ch.isalnum() for ch in end):
            return after
        return ends_in(end) + after

    said = _MASKED.sub(replace, text)
    said = re.sub(r"\(\s*\)", "", said)
    return re.sub(r"\s+([.,;:])", r"\1", re.sub(r"\s{2,}", " ", said)).strip()


def has_clock(text: str) -> bool:
    """Whether `text` shows a countdown or a time (`4:59`, `10:30`)."""
    return bool(_CLOCK.search(text))


def sentence(text: str) -> str:
    """One sentence: stripped, ending in a stop so that a voice pauses between parts."""
    text = " ".join(text.split())
    if text and text[-1] not in ".!?…:»":
        text += "."
    return text


def utterance(parts: Iterable[str]) -> str:
    """The non-empty parts as one utterance, each part its own sentence; repeats dropped."""
    seen: list[str] = []
    for part in parts:
        said = sentence(part)
        if said and said not in seen:
            seen.append(said)
    return " ".join(seen)


def end_hint(value: str, keep: int = 2) -> str:
    """The last `keep` characters of a typed number, the most a hint may say."""
    kept = "".join(ch for ch in value if ch.isalnum())
    return kept[-keep:] if len(kept) > keep * 2 else ""


#: Voices to try for each language, best first (Qt locale names).
_VOICE_LOCALES: dict[str, tuple[str, ...]] = {
    "es": ("es_EC", "es_419", "es_MX", "es_ES", "es"),
    "en": ("en_US", "en_GB", "en"),
}


def voice_locales(language: str) -> tuple[str, ...]:
    """The locales to try for a language code ("es", "en", "qu"...), best first."""
    return _VOICE_LOCALES.get(language, (language,))


def pick_locale(language: str, available: Sequence[str]) -> str | None:
    """The best available locale for `language`: an exact wish, else any of that language."""
    names = list(available)
    for wish in voice_locales(language):
        if wish in names:
            return wish
    prefix = language + "_"
    return next((n for n in names if n == language or n.startswith(prefix)), None)
