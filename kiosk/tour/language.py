"""The tour shows the language it was asked for, or fails saying why.

A kiosk that cannot load a catalogue stays in Spanish and only logs it (a citizen is better
served by Spanish than by an error): the controller keeps that failure to itself. The tour is
where a broken installation must show, so it checks the catalogue before walking and the
language shown once the citizen has chosen it.

Spanish and English have a start button each on the welcome screen; any other offered language
(the pseudo language, one day Kichwa) is the tour's default language, which a touch anywhere
else on the welcome screen starts in.
"""

from __future__ import annotations

from typing import Any

from kiosk.domain.flow import Step
from kiosk.domain.models import Language
from kiosk.tour.citizen import Citizen, CitizenStuckError

NAMES = {Language.ES: "Spanish", Language.EN: "English"}
#: The pseudo language (kiosk/ui/pseudo_locale.py): every text 40 % longer.
PSEUDO = "qps"
NAMES[Language(PSEUDO)] = "the pseudo language"


def language_name(language: Language) -> str:
    return NAMES.get(language, f"the language {language.value!r}")


def tour_settings_env(language: Language) -> dict[str, str]:
    """The settings (as KIOSK_* variables) of a kiosk that offers `language`: a line of
    config, as for any added language; other than Spanish and English, it is the default."""
    if language in (Language.ES, Language.EN):
        return {}
    return {
        "KIOSK_KIOSK__LANGUAGES": f"es,en,{language.value}",
        "KIOSK_KIOSK__DEFAULT_LANGUAGE": language.value,
    }


class LanguageNotShownError(RuntimeError):
    """The kiosk cannot show the language the tour was asked for."""


def require_catalogue(switcher: Any, language: Language) -> None:
    """Fail unless the compiled catalogue of `language` loads (kiosk_es.qm too: Spanish
    plural forms come from it)."""
    from PySide6.QtCore import QTranslator

    path = switcher.qm_path(language)
    if not QTranslator().load(str(path)):
        raise LanguageNotShownError(
            f"cannot show {language_name(language)}: {path.name} is missing or unreadable in "
            f"{path.parent} (run scripts/build-translations)"
        )


def require_shown(switcher: Any, language: Language) -> None:
    """Fail unless the kiosk switched to `language` (the controller only logs a failure)."""
    if switcher.language is not language:
        raise LanguageNotShownError(
            f"asked for {language_name(language)}, the kiosk shows "
            f"{language_name(switcher.language)} (see tour.log)"
        )


class CitizenReading(Citizen):
    """The tour's citizen, who reads `language`: taps its start button, or, for a language
    without one, touches the welcome screen outside the buttons (the default language)."""

    def __init__(self, kiosk: Any, outbox: Any, language: Language, **kwargs: Any) -> None:
        super().__init__(kiosk, outbox, **kwargs)
        self.language = language

    def start(self, english: bool = False) -> None:
        if self.language in (Language.ES, Language.EN):
            super().start(english)
            return
        self.wait_until(
            lambda: self.controller.catalog is not None, self.patience_ms, "the catalogue"
        )
        # On the heading, which is text, not a control: the welcome screen itself gets it.
        welcome = self.view(Step.WELCOME)
        heading = welcome.heading
        hit = self.finger.tap_at(heading.mapTo(self.shell, heading.rect().center()))
        if hit is None or not (hit is welcome or welcome.isAncestorOf(hit)):
            raise CitizenStuckError(f"touching the welcome screen: the finger landed on {hit!r}")
        self.at(Step.IDENTIFY)
