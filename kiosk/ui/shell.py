"""The kiosk window: header, the current screen, the action bar, the accessibility strip and
the overlays.

The shell does navigation chrome only (no business rules): the controller tells it which view
to show and the shell sets the buttons from that view in one place (`refresh_actions`), like
Electrum's wizard. Atrás, Empezar de nuevo and Siguiente sit in the same places on every screen.

The accessibility controls sit in a strip at the bottom of every screen (kiosk.ui.access_strip),
where a seated citizen reaches them; kiosk.ui.reach keeps the low-reach mode in its band.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QCloseEvent, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.flow import Step
from kiosk.domain.models import Language
from kiosk.ui.access_strip import AccessStrip, endonym, next_language, set_checked
from kiosk.ui.buttons import WrapButton
from kiosk.ui.overlays import (
    BusyOverlay,
    ErrorOverlay,
    IdleWarningOverlay,
    NoticeOverlay,
    OutOfServiceOverlay,
    Overlay,
    TechnicianOverlay,
)
from kiosk.ui.page_stack import CurrentPageStack
from kiosk.ui.reach import ReachFrame, reach_band_of
from kiosk.ui.step_view import StepView
from kiosk.ui.switch_access import SwitchAccess
from kiosk.ui.theme import Theme

_ACTIVITY_EVENTS = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.TouchBegin,
        QEvent.Type.KeyPress,
        QEvent.Type.Wheel,
    }
)


class KioskGuard(QObject):
    """Application-wide event filter: reports citizen activity, swallows context menus.

    Installed on the QApplication, it sees every touch before any widget does, so the idle
    timer restarts whatever the citizen touches.
    """

    activity = Signal()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.ContextMenu:
            return True  # no context menus anywhere: nothing escapes the kiosk
        if kind in _ACTIVITY_EVENTS and watched.isWidgetType():
            self.activity.emit()
        return False


def _button(role: str, name: str) -> QPushButton:
    # Words wrap instead of being clipped when large text makes them wider than the bar.
    button = WrapButton()
    button.setProperty("role", role)
    button.setObjectName(name)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return button


class KioskShell(QWidget):
    """The one window of the citizen kiosk."""

    scroll: QScrollArea  # type: ignore[assignment]  # shadows QWidget.scroll(), as in Qt's API

    back_clicked = Signal()
    start_over_clicked = Signal()
    next_clicked = Signal()
    language_chosen = Signal(object)  # Language
    theme_changed = Signal(object)  # Theme
    #: the low-reach mode went on or off (by its button, `set_low_reach` or a reset).
    low_reach_toggled = Signal(bool)
    #: spoken guidance went on or off (by its button, `set_speech` or a reset).
    speech_toggled = Signal(bool)

    def __init__(
        self,
        theme: Theme,
        *,
        brand_name: str = "",
        contact_phone: str = "593 23945666",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("kioskShell")
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self._theme = theme
        self._language = Language.ES
        self._may_close = False
        self._low_reach = False
        self._speech = False
        self._views: dict[Step, StepView] = {}
        self._can_back = False

        # header: brand · Paso N de M (words only: nothing up there needs a hand)
        self.header = QWidget()
        self.header.setProperty("role", "headerbar")
        self.header.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.brand = QLabel(brand_name)
        self.brand.setProperty("role", "header")
        self.step_label = QLabel()
        self.step_label.setProperty("role", "header")
        self.step_label.setObjectName("stepLabel")
        QHBoxLayout(self.header)

        # accessibility strip, the lowest row of every screen (kiosk.ui.access_strip)
        self.accessbar = AccessStrip()
        self.language_button = self.accessbar.language_button
        self.contrast_button = self.accessbar.contrast_button
        self.large_text_button = self.accessbar.large_text_button
        self.speech_button = self.accessbar.speech_button
        self.low_reach_button = self.accessbar.low_reach_button

        # the question and its help, set from the current view
        self.title_label = QLabel()
        self.title_label.setProperty("role", "title")
        self.title_label.setObjectName("titleLabel")
        self.title_label.setWordWrap(True)
        self.help_label = QLabel()
        self.help_label.setProperty("role", "help")
        self.help_label.setWordWrap(True)
        self.stack = CurrentPageStack()
        self.stack.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

        # action bar: Atrás · Empezar de nuevo · Siguiente (largest, always on the right)
        self.actionbar = QWidget()
        self.actionbar.setProperty("role", "actionbar")
        self.actionbar.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.back_button = _button("secondary", "backButton")
        self.start_over_button = _button("secondary", "startOverButton")
        self.next_button = _button("primary", "nextButton")
        policy = self.next_button.sizePolicy()
        policy.setHorizontalPolicy(QSizePolicy.Policy.Expanding)
        self.next_button.setSizePolicy(policy)
        actions = QHBoxLayout(self.actionbar)
        # Atrás and Empezar de nuevo take what their words need; Siguiente gets the rest.
        actions.addWidget(self.back_button, 0)
        actions.addWidget(self.start_over_button, 0)
        actions.addWidget(self.next_button, 1)

        # A screen taller than the window (a long list of requirements) scrolls instead of
        # pushing the action bar off the screen.
        self.scroll = QScrollArea()
        self.scroll.setObjectName("bodyScroll")
        # A tap on a key must leave the focus (and its ring) in the field being typed.
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(self.stack)
        self.body = QWidget()
        body = QVBoxLayout(self.body)
        body.addWidget(self.title_label)
        body.addWidget(self.help_label)
        body.addWidget(self.scroll, 1)
        self.reach = ReachFrame()
        self.reach_spacer, self.reach_floor = self.reach.spacer, self.reach.floor

        page = QVBoxLayout(self)
        page.setContentsMargins(0, 0, 0, 0)
        page.setSpacing(0)
        # Low reach: the spacer pushes everything, header included, down into the reach band;
        # the floor keeps it above the band's lower edge on a panel mounted low.
        page.addWidget(self.reach_spacer)
        page.addWidget(self.header)
        page.addWidget(self.body, 1)
        page.addWidget(self.actionbar)
        page.addWidget(self.accessbar)
        page.addWidget(self.reach_floor)

        # overlays, topmost last
        self.busy = BusyOverlay(theme, self)
        self.idle_warning = IdleWarningOverlay(theme, self)
        self.out_of_service = OutOfServiceOverlay(theme, contact_phone, self)
        self.technician = TechnicianOverlay(theme, self)
        self.error = ErrorOverlay(theme, self)
        self.notice = NoticeOverlay(theme, self)
        self._extra_overlays: list[QWidget] = []

        self.back_button.clicked.connect(self.back_clicked)
        self.start_over_button.clicked.connect(self.start_over_clicked)
        self.next_button.clicked.connect(self._on_next)
        self.language_button.clicked.connect(self._toggle_language)
        self.contrast_button.toggled.connect(
            lambda on: self.set_theme(self._theme.variant(high_contrast=on))
        )
        self.large_text_button.toggled.connect(
            lambda on: self.set_theme(self._theme.variant(large_text=on))
        )
        self.speech_button.toggled.connect(self.set_speech)
        self.low_reach_button.toggled.connect(self.set_low_reach)
        self.set_theme(theme)
        self.retranslate()
        # Tab and Enter alone complete a booking, with the focus in sight (two-switch access).
        self.switch_access = SwitchAccess(self)

    # --- views ---------------------------------------------------------------------------------

    def add_view(self, view: StepView) -> None:
        self._views[view.step] = view
        self.stack.addWidget(view)
        view.changed.connect(self._on_view_changed)

    def view(self, step: Step) -> StepView:
        return self._views[step]

    def views(self) -> list[StepView]:
        return list(self._views.values())

    def current_view(self) -> StepView | None:
        widget = self.stack.currentWidget()
        return widget if isinstance(widget, StepView) else None

    def show_step(self, step: Step, number: tuple[int, int] | None, *, can_back: bool) -> None:
        """Show the view of `step` with its title, help, and the buttons it allows."""
        view = self._views[step]
        self.stack.setCurrentWidget(view)
        self.scroll.verticalScrollBar().setValue(0)
        # A new screen may lay its question out afresh; within one screen it only grows.
        for text_label in (self.title_label, self.help_label):
            text_label.setMinimumHeight(0)
        self._number = number
        self._can_back = can_back
        self._update_step_label()
        self.refresh_actions()

    def refresh_actions(self) -> None:
        """Re-read the current view: title, help, Siguiente's label and whether it is enabled."""
        view = self.current_view()
        if view is None:
            return
        welcome = view.step is Step.WELCOME
        self.title_label.setText(view.title())
        help_text = view.help_text()
        self.help_label.setText(help_text)
        self.help_label.setVisible(bool(help_text))
        self.title_label.setVisible(not welcome)
        self._hold_text_height(self.title_label, 1)
        self._hold_text_height(self.help_label, 1)
        self.actionbar.setVisible(not welcome)
        self.back_button.setVisible(self._can_back)
        self.next_button.setText(view.next_label())
        self.next_button.setEnabled(view.is_valid())
        self.next_button.setVisible(bool(view.next_label()))
        self._keep_primary_largest()
        if self._low_reach:
            self._apply_reach()  # the question's height sets how far the controls come down

    def _hold_text_height(self, text_label: QLabel, lines: int) -> None:
        """Keep room for `lines` lines, and never give back room while one screen is shown:
        a question or help that changes (another document type, the code's address) must not
        move the keys under the citizen's finger."""
        if not text_label.isVisibleTo(self):
            return
        text_label.ensurePolished()
        width = text_label.width() if text_label.width() > 1 else self.width()
        needed = max(
            lines * text_label.fontMetrics().lineSpacing(), text_label.heightForWidth(width)
        )
        if needed > text_label.minimumHeight():
            text_label.setMinimumHeight(needed)

    def _keep_primary_largest(self) -> None:
        """The primary action keeps its words on one line, up to half the bar: when large
        text leaves too little room, Atrás and Empezar de nuevo wrap first."""
        bar = self.actionbar.layout()
        if bar is None:
            return
        margins = bar.contentsMargins()
        room = self.width() - margins.left() - margins.right()
        hint = self.next_button.sizeHint().width()
        others = max(self.back_button.sizeHint().width(), self.start_over_button.sizeHint().width())
        self.next_button.setMinimumWidth(min(max(hint, others), room // 2))

    def _on_view_changed(self) -> None:
        if self.sender() is self.current_view():
            self.refresh_actions()

    def _on_next(self) -> None:
        view = self.current_view()
        if view is not None and view.is_valid():
            self.next_clicked.emit()

    # --- language ------------------------------------------------------------------------------

    @property
    def language(self) -> Language:
        return self._language

    def set_language(self, language: Language) -> None:
        """Record the language in effect (the translator is installed by kiosk.ui.i18n)."""
        self._language = language
        self.retranslate()

    @property
    def languages(self) -> list[Language]:
        return list(self.accessbar.languages)

    def set_languages(self, codes: Sequence[Language]) -> None:
        """The languages the language button offers, in the order it offers them."""
        self.accessbar.set_languages(codes)
        self.retranslate()

    def next_language(self) -> Language:
        """The language the button offers (kiosk.ui.access_strip.next_language)."""
        return next_language(self._language, self.accessbar.languages)

    def _toggle_language(self) -> None:
        self.language_chosen.emit(self.next_language())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        # Each language names itself, so a citizen who does not read Spanish finds English.
        self.language_button.setText(endonym(self.next_language()))
        self.language_button.setVisible(len(self.accessbar.languages) > 1)
        self.contrast_button.setText(self.tr("◐ Contraste"))
        self.large_text_button.setText(self.tr("A+ Letra grande"))
        self.speech_button.setText(self.tr("Voz"))
        self.low_reach_button.setText(self.tr("♿ Bajar botones"))
        self.accessbar.keep_words_whole()
        self.back_button.setText(self.tr("◀ Atrás"))
        self.start_over_button.setText(self.tr("Empezar de nuevo"))
        self._update_step_label()
        for overlay in self.overlays():
            if isinstance(overlay, Overlay):
                overlay.retranslate()
        self.refresh_actions()

    def _update_step_label(self) -> None:
        number = getattr(self, "_number", None)
        if number is None:
            self.step_label.setText("")
            return
        self.step_label.setText(
            self.tr("Paso {n} de {m}").replace("{n}", str(number[0])).replace("{m}", str(number[1]))
        )

    # --- theme ---------------------------------------------------------------------------------

    @property
    def theme(self) -> Theme:
        return self._theme

    def set_theme(self, theme: Theme) -> None:
        changed = theme != self._theme
        self._theme = theme
        self.setStyleSheet(theme.stylesheet())
        gap, margin = theme.gap_px(), theme.margin_px()
        for bar in (self.header, self.actionbar):
            row = bar.layout()
            assert row is not None
            # Thin bars: on a landscape screen every millimetre of height goes to the answer.
            row.setContentsMargins(margin, gap, margin, gap)
            row.setSpacing(gap * 2)
        body = self.body.layout()
        assert body is not None
        body.setContentsMargins(margin, gap * 2, margin, gap * 2)
        body.setSpacing(gap)
        self.next_button.setMinimumHeight(theme.px(20.0))
        self.back_button.setMinimumHeight(theme.px(20.0))
        self.start_over_button.setMinimumHeight(theme.px(20.0))
        wide = getattr(theme.geometry, "orientation", "portrait") == "landscape"
        self.accessbar.arrange(wide, self.header, (self.brand, self.step_label))
        self.accessbar.set_theme(theme)
        for toggle, on in (
            (self.contrast_button, theme.high_contrast),
            (self.large_text_button, theme.large_text),
        ):
            toggle.blockSignals(True)
            toggle.setChecked(on)
            toggle.blockSignals(False)
        for overlay in self.overlays():
            if isinstance(overlay, Overlay):
                overlay.set_theme(theme)
        for view in self._views.values():
            set_view_theme = getattr(view, "set_theme", None)
            if callable(set_view_theme):
                set_view_theme(theme)
        self._apply_reach()
        self._keep_primary_largest()
        if changed:
            self.theme_changed.emit(theme)

    # --- accessibility -------------------------------------------------------------------------

    def access_controls(self) -> list[QPushButton]:
        return self.accessbar.controls()  # left to right

    @property
    def low_reach(self) -> bool:
        return self._low_reach

    @property
    def speech(self) -> bool:
        return self._speech

    def set_low_reach(self, on: bool) -> None:
        """Put every control inside the band a seated citizen can reach (ADA §308)."""
        changed, self._low_reach = bool(on) != self._low_reach, bool(on)
        set_checked(self.low_reach_button, self._low_reach)
        self._apply_reach()
        if changed:
            self.low_reach_toggled.emit(self._low_reach)

    def set_speech(self, on: bool) -> None:
        """Spoken guidance on or off; the shell only keeps the state (kiosk.ui.speech speaks)."""
        changed, self._speech = bool(on) != self._speech, bool(on)
        set_checked(self.speech_button, self._speech)
        if changed:
            self.speech_toggled.emit(self._speech)

    def reset_accessibility(self) -> None:
        """For the next citizen (after a walk-away): low reach and spoken guidance off."""
        self.set_low_reach(False)
        self.set_speech(False)

    def reach_band(self) -> tuple[int, int] | None:
        """(top, bottom) window pixels a seated citizen reaches (kiosk.ui.reach)."""
        return reach_band_of(self._theme.geometry)

    def _apply_reach(self) -> None:
        geometry, overlays = self._theme.geometry, self.overlays()
        words = self._words_above() if self._low_reach else 0
        self.reach.apply(self.layout(), geometry, self._low_reach, overlays, self.height(), words)

    def _words_above(self) -> int:
        """How tall the rows above the screen's first control are when nothing pushes them
        down: the header and the question with its help are words, which may stay above the
        reach band (kiosk.ui.reach). 0 with no screen shown, or when a row with controls (the
        demo's outbox band) sits above the header."""
        page = self.layout()
        if self.current_view() is None or page is None:
            return 0
        for i in range(page.indexOf(self.body)):
            item = page.itemAt(i)
            row = item.widget() if item is not None else None
            if row is None or row in (self.reach_spacer, self.header):
                continue
            if row.isVisibleTo(self):
                return 0
        # Measured, not read from the geometry: the question was just set, and its new lines
        # are laid out only on a later turn of the event loop.
        height = self.header.sizeHint().height() if self.header.isVisibleTo(self) else 0
        body = self.body.layout()
        if body is None:
            return height
        margins = body.contentsMargins()
        height += margins.top()
        width = self.width() - margins.left() - margins.right()
        for text_label in (self.title_label, self.help_label):
            if text_label.isVisibleTo(self):
                shown = max(text_label.minimumHeight(), text_label.heightForWidth(width))
                height += shown + body.spacing()
        return height

    # --- overlays ------------------------------------------------------------------------------

    def overlays(self) -> list[QWidget]:
        base: list[QWidget] = [
            self.busy,
            self.idle_warning,
            self.out_of_service,
            self.technician,
            self.error,
            self.notice,
        ]
        return base + self._extra_overlays

    def add_overlay(self, overlay: QWidget) -> None:
        """Another full-window layer (the maintenance panel)."""
        overlay.setParent(self)
        overlay.hide()
        self._extra_overlays.append(overlay)
        self._apply_reach()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._keep_primary_largest()
        for overlay in self.overlays():
            overlay.setGeometry(self.rect())
        if self._low_reach:
            self._apply_reach()  # another width wraps the question onto other lines

    # --- window --------------------------------------------------------------------------------

    def show_kiosk(self, *, windowed: bool) -> None:
        if windowed:
            self.show()
            return
        # Frameless and the size of the screen: under a bare X server without a window
        # manager showFullScreen() alone keeps the natural size.
        self.setWindowFlags(Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint)
        screen = self.screen() or QApplication.primaryScreen()
        if screen is not None:
            self.setGeometry(screen.geometry())
        self.showFullScreen()

    def allow_close(self) -> None:
        """Only the maintenance panel's "Salir" may close the window."""
        self._may_close = True

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._may_close:
            event.accept()
        else:
            event.ignore()  # Alt+F4 and friends do nothing
