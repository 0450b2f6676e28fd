"""Spoken guidance: while the citizen has it on, the kiosk says each screen's question, the
field in focus (its caption, never its value), each message shown (errors above all) and each
countdown, offline, through Qt's QtTextToSpeech (speech-dispatcher and espeak-ng on Debian).

The words are the screen's own, read from the widgets after Qt's translator has set them, so
what is heard and what is seen change language together; `kiosk.booking.spoken` makes them
speakable (masked values become "terminado en 678") and refuses any utterance that would read
a personal value of the session. Whatever is queued during one turn of the event loop is said
as one utterance on the next, and a new utterance interrupts the one being said.

QtTextToSpeech is imported only when speech is first turned on: start-up does not pay for it.
When no engine or no voice exists the guide logs one line, turns itself off and hides the
speaker control; nothing else changes.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QLocale, QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QApplication, QLabel, QLayout, QLineEdit, QPushButton, QWidget

from kiosk.booking.spoken import (
    MILESTONES,
    PersonalValues,
    end_hint,
    pick_locale,
    screened,
    speak_masks,
    utterance,
)
from kiosk.domain.flow import Step
from kiosk.domain.ids import IdType
from kiosk.domain.models import Language
from kiosk.ui.countdown import Countdown, countdown_text
from kiosk.ui.labels import MessageLabel
from kiosk.ui.overlays import BusyOverlay, IdleWarningOverlay, Overlay
from kiosk.ui.speech_engine import DEFAULT_ENGINE, ENGINE_VARIABLE, make_engine
from kiosk.ui.step_view import StepView

log = logging.getLogger(__name__)

# What is queued, in the order it is said within one utterance.
_QUESTION, _OVERLAY, _FIELD, _MESSAGE, _COUNTDOWN = range(5)
_SKIPPED_ROLES = frozenset({"small", "code"})  # technical detail; a bare number


def _caption_of(edit: QWidget) -> str:
    """The words naming a field: the label just before it in its layout (or the first label
    of the row before it), else its accessible name or placeholder. Never its text."""
    parent = edit.parentWidget()
    layout = parent.layout() if parent is not None else None
    found = _label_before(layout, edit) if layout is not None else None
    if found:
        return found
    if edit.accessibleName():
        return edit.accessibleName()
    return edit.placeholderText() if isinstance(edit, QLineEdit) else ""


def _label_before(layout: QLayout, target: QWidget) -> str | None:
    previous: Any = None
    for i in range(layout.count()):
        item = layout.itemAt(i)
        if item is None:
            continue
        if item.widget() is target:
            return _first_label(previous)
        inner = item.layout()
        if inner is not None:
            found = _label_before(inner, target)
            if found is not None:
                return found
        if item.widget() is not None or inner is not None:
            previous = item.widget() or inner
    return None


def _first_label(thing: Any) -> str | None:
    if isinstance(thing, QLabel):
        return thing.text() or None
    if isinstance(thing, QLayout):
        for i in range(thing.count()):
            item = thing.itemAt(i)
            if item is not None and isinstance(item.widget(), QLabel):
                return item.widget().text() or None  # type: ignore[union-attr]
    return None


class SpeechGuide(QObject):
    """Says what the shell shows, while on. `spoken` carries every utterance said."""

    spoken = Signal(str)
    unavailable = Signal(str)  # why (for the log and the tests)

    def __init__(
        self,
        shell: Any,
        *,
        engine: str = DEFAULT_ENGINE,
        personal: Callable[[], PersonalValues] = PersonalValues,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent if parent is not None else shell)
        self._shell = shell
        self._engine_name = engine
        self._personal = personal
        self._engine: Any = None
        self._available: bool | None = None  # None: not tried yet
        self._erred = False
        self._on = False
        self._language = Language.ES
        self._pending: list[tuple[int, Any, Any]] = []
        self._said_question: tuple[int, str] | None = None
        self._said_messages: dict[int, str] = {}
        self._flush_timer = QTimer(self)
        self._flush_timer.setSingleShot(True)
        self._flush_timer.setInterval(0)
        self._flush_timer.timeout.connect(self._flush)
        self._overlays: list[Overlay] = []
        self._messages: list[MessageLabel] = []
        self._hook()

    # --- switching -----------------------------------------------------------------------

    @property
    def enabled(self) -> bool:
        return self._on

    @property
    def available(self) -> bool | None:
        """False once the engine failed; None until speech was first turned on."""
        return self._available

    @property
    def engine(self) -> Any:
        """The QTextToSpeech in use (None until speech is first turned on)."""
        return self._engine

    def set_engine(self, name: str) -> None:
        """Use engine `name` ("speechd", "mock"), at once if speech is on."""
        was_on = self._on
        if was_on:
            self.set_enabled(False)
        if self._engine is not None:
            self._engine.stop()
            self._engine.deleteLater()
            self._engine = None
        self._engine_name = name
        self._available = None
        self._erred = False
        if was_on:
            self.set_enabled(True)

    @Slot(bool)
    def set_enabled(self, on: bool) -> None:
        if on and not self._start_engine():
            return
        if on != self._on:
            # Watched only while on: a Python filter on every paint of a silent kiosk is waste.
            if on:
                self._messages = self._shell.findChildren(MessageLabel)
            for widget in (*self._overlays, *self._messages):
                if on:
                    widget.installEventFilter(self)
                else:
                    widget.removeEventFilter(self)
        self._on = on
        self._pending.clear()
        self._said_messages.clear()
        self._said_question = None
        if not on:
            if self._engine is not None:
                self._engine.stop()
            return
        view = self._shell.current_view()
        if view is not None:
            self._queue(_QUESTION, view)
            self._queue_messages(view)
        focused = QApplication.focusWidget()
        if isinstance(focused, QLineEdit) and self._shell.isAncestorOf(focused):
            self._queue(_FIELD, focused)

    def set_language(self, language: Language | str) -> None:
        """The voice follows the citizen's language; the words follow the translator."""
        self._language = Language(language)
        if self._engine is not None:
            self._apply_locale()

    # --- the engine ----------------------------------------------------------------------

    def _start_engine(self) -> bool:
        if self._engine is not None:
            return True
        if self._available is False:
            return False
        reason = self._create_engine()
        if reason:
            self._give_up(reason)
            return False
        self._available = True
        self._apply_locale()
        return True

    def _create_engine(self) -> str:
        """Make the engine; '' if it works, else why not."""
        engine, reason = make_engine(self._engine_name, self)
        if engine is not None:
            engine.stateChanged.connect(self._on_engine_state)
            self._engine = engine
        return reason

    def _apply_locale(self) -> None:
        engine = self._engine
        names = [loc.name() for loc in engine.availableLocales()]
        chosen = pick_locale(self._language.value, names)
        if chosen is None:
            log.info("no %s voice in %s; speaking with its default", self._language.value, names)
            return
        if engine.locale().name() != chosen:
            engine.setLocale(QLocale(chosen))

    def _on_engine_state(self, state: Any) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech

        if state == QTextToSpeech.State.Error and self._engine is not None and not self._erred:
            # Once per engine: a kiosk without a working sound output would say it each time.
            self._erred = True
            log.warning("speech engine error: %s", self._engine.errorString())

    def _give_up(self, reason: str) -> None:
        self._available = False
        self._on = False
        log.warning("spoken guidance unavailable: %s", reason)
        set_speech = getattr(self._shell, "set_speech", None)
        if callable(set_speech):
            set_speech(False)
        button = getattr(self._shell, "speech_button", None)
        if isinstance(button, QWidget):
            button.hide()
        self.unavailable.emit(reason)

    # --- what to listen to ---------------------------------------------------------------

    def _hook(self) -> None:
        shell = self._shell
        shell.stack.currentChanged.connect(self._on_screen)
        for view in shell.views():
            view.changed.connect(self._on_view_changed)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_focus)
        self._overlays = [
            o
            for o in shell.overlays()
            if isinstance(o, Overlay)
            and not isinstance(o, BusyOverlay)
            and type(o).__name__ != "MaintenancePanel"  # the technician's, PIN and all
        ]
        self._messages = shell.findChildren(MessageLabel)
        for countdown in shell.findChildren(Countdown):
            countdown.tick.connect(self._on_tick)

    def watch_idle(self, idle: Any) -> None:
        """Say the idle warning's countdown again at its milestones."""
        idle.warning.connect(self._on_idle_seconds)

    @Slot(int)
    def _on_screen(self, _index: int) -> None:
        view = self._shell.current_view()
        if self._on and view is not None:
            self._said_question = None
            self._queue(_QUESTION, view)

    @Slot()
    def _on_view_changed(self) -> None:
        view = self.sender()
        if not self._on or view is not self._shell.current_view():
            return
        if self._said_question != (id(view), self._question(view)):
            self._queue(_QUESTION, view)
        self._queue_messages(view)

    @Slot(QWidget, QWidget)
    def _on_focus(self, _old: QWidget | None, new: QWidget | None) -> None:
        if self._on and isinstance(new, QLineEdit) and self._shell.isAncestorOf(new):
            self._queue(_FIELD, new)

    @Slot(int)
    def _on_tick(self, seconds: int) -> None:
        countdown = self.sender()
        view = self._shell.current_view()
        if self._on and seconds in MILESTONES and view is not None and countdown.parent() is view:
            self._queue(_COUNTDOWN, (view, seconds))

    @Slot(int)
    def _on_idle_seconds(self, seconds: int) -> None:
        overlay = self._shell.idle_warning
        if self._on and seconds in MILESTONES and overlay.isVisible():
            self._queue(_COUNTDOWN, overlay)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Show and self._on:
            if isinstance(watched, MessageLabel):
                self._queue(_MESSAGE, watched)
            elif watched in self._overlays:
                self._queue(_OVERLAY, watched)
        elif kind == QEvent.Type.Hide and isinstance(watched, MessageLabel):
            self._said_messages.pop(id(watched), None)
        return False

    def _queue_messages(self, view: QWidget) -> None:
        for message in view.findChildren(MessageLabel):
            if message.isVisible() and self._said_messages.get(id(message)) != message.text():
                self._queue(_MESSAGE, message)

    def _queue(self, kind: int, what: Any) -> None:
        if not any(k == kind and w is what for k, w, _ in self._pending):
            self._pending.append((kind, what, None))
        self._flush_timer.start()

    # --- saying --------------------------------------------------------------------------

    def flush(self) -> None:
        """Say now what is queued (a recorder reading what a screen said calls it)."""
        if self._pending:
            self._flush_timer.stop()
            self._flush()

    def _flush(self) -> None:
        pending = sorted(self._pending, key=lambda item: item[0])
        self._pending.clear()
        if not self._on or self._engine is None:
            return
        # A layer over the screen (an error, a notice, the idle warning) is all the citizen
        # sees: the screen beneath it is not read out.
        covered = any(overlay.isVisible() for overlay in self._overlays)
        parts: list[str] = []
        for kind, what, _ in pending:
            if covered and kind != _OVERLAY and not isinstance(what, Overlay):
                continue
            parts.extend(self._words(kind, what))
        said = utterance(speak_masks(p, self._ends_in) for p in parts if p)
        if not said:
            return
        allowed = screened(said, self._personal())
        if allowed is None:
            # One line, nothing of what it would have said: the log must not leak it either.
            log.warning("spoken guidance withheld an utterance that read personal data")
            return
        self._engine.say(allowed)
        self.spoken.emit(allowed)

    def _words(self, kind: int, what: Any) -> list[str]:
        if kind == _QUESTION:
            view = what if what is self._shell.current_view() else None
            if view is None:
                return []
            question = self._question(view)
            self._said_question = (id(view), question)
            return [question]
        if kind == _FIELD:
            # Only a field the citizen sees: a wiped screen behind the welcome keeps focus.
            view = self._shell.current_view()
            seen = view is not None and view.isAncestorOf(what) and what.isVisible()
            return [_caption_of(what)] if seen and what.hasFocus() else []
        if kind == _MESSAGE:
            return self._message_words(what)
        if kind == _OVERLAY:
            return self._overlay_words(what) if what.isVisible() else []
        if kind == _COUNTDOWN:
            return self._countdown_words(what)
        return []

    def _question(self, view: StepView) -> str:
        if view.step is Step.WELCOME:
            # The welcome screen shows no title bar: its heading and lead are the question.
            texts = [
                w.text()
                for w in (getattr(view, "heading", None), getattr(view, "lead", None))
                if isinstance(w, QLabel)
            ]
            return utterance(texts) or view.title()
        return utterance([view.title(), view.help_text()])

    def _message_words(self, message: MessageLabel) -> list[str]:
        text = message.text()
        if not message.isVisible() or not text:
            return []
        if self._said_messages.get(id(message)) == text:
            return []
        self._said_messages[id(message)] = text
        words = [text]
        identify = self._shell.view(Step.IDENTIFY)
        if message is getattr(identify, "progress", None):
            words.append(self._typed_hint(identify))
        return words

    def _typed_hint(self, identify: Any) -> str:
        """What the citizen typed, as much as may be said: its last two characters."""
        edit = getattr(identify, "edit", None)
        end = end_hint(edit.text()) if isinstance(edit, QLineEdit) else ""
        if not end:
            return ""
        if identify.id_type() is IdType.CEDULA:
            return self.tr("Su número de cédula termina en {end}.").replace("{end}", end)
        return self.tr("Su número de documento termina en {end}.").replace("{end}", end)

    def _overlay_words(self, overlay: Overlay) -> list[str]:
        return [
            label.text()
            for label in overlay.card.findChildren(QLabel)
            if label.isVisible()
            and label.text()
            and label.property("role") not in _SKIPPED_ROLES
            and not isinstance(label.parentWidget(), QPushButton)
        ]

    def _countdown_words(self, what: Any) -> list[str]:
        if isinstance(what, IdleWarningOverlay):
            return [what.explanation.text()] if what.isVisible() else []
        view, seconds = what
        shown = countdown_text(seconds)
        texts = [m.text() for m in view.findChildren(MessageLabel) if m.isVisible()]
        texts += [b.text() for b in view.findChildren(QPushButton) if b.isVisible()]
        return [t for t in texts if shown in t]

    def _ends_in(self, end: str) -> str:
        return self.tr("terminado en {end}").replace("{end}", end)


def personal_values(controller: Any) -> PersonalValues:
    """Everything personal the kiosk holds now: the draft and what is typed on the screens."""
    draft = controller.flow.draft
    screens = controller.screens
    confirmation = draft.confirmation
    return PersonalValues.of(
        draft.document.number if draft.document is not None else None,
        draft.email,
        draft.phone,
        confirmation.booking.code if confirmation is not None else None,
        confirmation.token if confirmation is not None else None,
        screens.identify.edit.text(),
        screens.contact.email_text(),
        screens.contact.phone.text(),
        screens.code.value(),
    )


def wire_speech(kiosk: Any, engine: str | None = None) -> SpeechGuide:
    """The guide of an assembled kiosk: the speaker control turns it on and off, the voice
    follows the language, the idle warning's countdown is said. Nothing is loaded until on.

    The engine: `engine`, else $KIOSK_SPEECH_ENGINE, else speech-dispatcher."""
    engine = engine or os.environ.get(ENGINE_VARIABLE) or DEFAULT_ENGINE
    shell = kiosk.shell
    guide = SpeechGuide(shell, engine=engine, personal=lambda: personal_values(kiosk.controller))
    toggled = getattr(shell, "speech_toggled", None)
    if toggled is not None:
        toggled.connect(guide.set_enabled)
    kiosk.switcher.language_changed.connect(guide.set_language)
    guide.set_language(shell.language)
    guide.watch_idle(kiosk.idle)
    return guide


def guide_of(shell: QObject) -> SpeechGuide | None:
    """The guide wired to `shell` (by `wire_speech`), if any."""
    return shell.findChild(SpeechGuide)
