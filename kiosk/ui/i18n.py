"""Language switching through Qt's translation system.

Source strings are Spanish (Ecuador); Spanish still has its catalogue, kiosk_es.qm, for the
plural forms ("%n intento" / "%n intentos"). English comes from kiosk_en.qm. Both are compiled
from the .ts sources in kiosk/resources/translations when the package is built (setup.py), and
by scripts/build-translations for an editable install.
Installing or removing the translator makes Qt send QEvent.LanguageChange to every widget,
and each widget re-sets its texts in `retranslate()`.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTranslator, Signal

from kiosk.domain.models import Language
from kiosk.resources import translations_dir

log = logging.getLogger(__name__)

TRANSLATIONS_DIR = translations_dir()
SOURCE_LANGUAGE = Language.ES


class MissingTranslationError(RuntimeError):
    """The compiled catalogue for a language is missing: run scripts/build-translations."""


class LanguageSwitcher(QObject):
    """Installs the translator of the citizen's language on the application."""

    language_changed = Signal(object)  # Language

    def __init__(
        self,
        app: QCoreApplication,
        directory: Path = TRANSLATIONS_DIR,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._app = app
        self._directory = directory
        self._translator: QTranslator | None = None
        self._language: Language | None = None

    @property
    def language(self) -> Language:
        return self._language or SOURCE_LANGUAGE

    def qm_path(self, language: Language) -> Path:
        return self._directory / f"kiosk_{language.value}.qm"

    def set_language(self, language: Language) -> None:
        """Switch every visible text to `language`.

        Raises MissingTranslationError (and stays in the current language) if the compiled
        catalogue is missing, so a broken installation shows up in tests and at start-up.
        """
        if language == self._language:
            return
        new = QTranslator(self)
        path = self.qm_path(language)
        if not new.load(str(path)):
            raise MissingTranslationError(
                f"cannot load {path.name}; run scripts/build-translations"
            )
        if self._translator is not None:
            self._app.removeTranslator(self._translator)
            self._translator.deleteLater()
        self._translator = new
        self._app.installTranslator(new)
        self._language = language
        log.info("language switched to %s", language.value)
        self.language_changed.emit(language)

    def uninstall(self) -> None:
        """Remove the installed catalogue (when the kiosk closes)."""
        if self._translator is not None:
            self._app.removeTranslator(self._translator)
            self._translator.deleteLater()
        self._translator = None
        self._language = None
