"""The tour shows the language it was asked for, or fails saying why.

A kiosk that cannot load a catalogue stays in Spanish and only logs it (a citizen is better
served by Spanish than by an error): the controller keeps that failure to itself. The tour is
where a broken installation must show, so it checks the catalogue before walking and the
language shown once the citizen has chosen it.
"""

from __future__ import annotations

from typing import Any

from kiosk.domain.models import Language

NAMES = {Language.ES: "Spanish", Language.EN: "English"}


class LanguageNotShownError(RuntimeError):
    """The kiosk cannot show the language the tour was asked for."""


def require_catalogue(switcher: Any, language: Language) -> None:
    """Fail unless the compiled catalogue of `language` loads (kiosk_es.qm too: Spanish
    plural forms come from it)."""
    from PySide6.QtCore import QTranslator

    path = switcher.qm_path(language)
    if not QTranslator().load(str(path)):
        raise LanguageNotShownError(
            f"cannot show {NAMES[language]}: {path.name} is missing or unreadable in "
            f"{path.parent} (run scripts/build-translations)"
        )


def require_shown(switcher: Any, language: Language) -> None:
    """Fail unless the kiosk switched to `language` (the controller only logs a failure)."""
    if switcher.language is not language:
        raise LanguageNotShownError(
            f"asked for {NAMES[language]}, the kiosk shows {NAMES[switcher.language]} "
            "(see tour.log)"
        )
