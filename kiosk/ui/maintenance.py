"""The technician's way in: a hidden gesture, a PIN, then a panel.

Gesture "corner-taps": five taps in the top-left corner of the window within three seconds.
The panel is handed the check of a PIN (the app checks it against the salted hash in the
config, kiosk.config.check_pin); the PIN is never stored in clear, nor kept in a widget. The
panel shows the service URL and status, the printer status, the kiosk id and the version, and
offers a test print, a restart and an exit.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QMouseEvent, QTouchEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from kiosk.ui.keypad import Keypad
from kiosk.ui.overlays import Overlay
from kiosk.ui.theme import Theme

CORNER_TAPS = "corner-taps"
TAPS_NEEDED = 5
TAPS_WINDOW_S = 3.0
CORNER_MM = 25.0


# --- the hidden gesture ----------------------------------------------------------------------


class CornerTapDetector(QObject):
    """Event filter: `triggered` after five taps in the top-left corner within three seconds.

    Install it on the QApplication with the kiosk window as `window`. The taps still reach the
    widgets beneath (the corner holds only the brand label).
    """

    triggered = Signal()

    def __init__(
        self,
        window: QWidget,
        corner_px: int,
        *,
        taps: int = TAPS_NEEDED,
        within_s: float = TAPS_WINDOW_S,
        clock: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._window = window
        self._corner = corner_px
        self._taps = taps
        self._within = within_s
        self._clock = clock
        self._times: list[float] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        point: QPoint | None = None
        if kind == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent):
            if watched is not self._window and not (
                isinstance(watched, QWidget) and self._window.isAncestorOf(watched)
            ):
                return False
            point = self._window.mapFromGlobal(event.globalPosition().toPoint())
        elif kind == QEvent.Type.TouchBegin and isinstance(event, QTouchEvent):
            if not event.points():
                return False
            point = self._window.mapFromGlobal(event.points()[0].globalPosition().toPoint())
        if point is None:
            return False
        if 0 <= point.x() < self._corner and 0 <= point.y() < self._corner:
            self._tap()
        else:
            self._times.clear()
        return False

    def _tap(self) -> None:
        now = self._clock()
        self._times = [t for t in self._times if now - t <= self._within] + [now]
        if len(self._times) >= self._taps:
            self._times.clear()
            self.triggered.emit()


# --- the panel -------------------------------------------------------------------------------


@dataclass(frozen=True)
class MaintenanceInfo:
    service_url: str
    service_status: str
    printer_status: str
    kiosk_id: str
    version: str


class MaintenancePanel(Overlay):
    """PIN first, then the technician's page. Texts are for technicians (still translated)."""

    test_print_requested = Signal()
    restart_requested = Signal()
    exit_requested = Signal()
    refresh_requested = Signal()

    def __init__(
        self,
        theme: Theme,
        pin_matches: Callable[[str], bool],
        parent: QWidget | None = None,
        *,
        max_tries: int = 3,
    ) -> None:
        """`pin_matches(pin)` tells whether a typed PIN is the technician's."""
        super().__init__(theme, parent)
        self._pin_matches = pin_matches
        self._max_tries = max_tries
        self._failures = 0
        self.setObjectName("maintenancePanel")

        self.heading = QLabel()
        self.heading.setProperty("role", "title")
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # PIN page
        self.pin_page = QWidget()
        pin_layout = QGridLayout(self.pin_page)
        self.pin_edit = QLineEdit()
        self.pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_edit.setMaxLength(12)
        self.pin_edit.setObjectName("pinEdit")
        self.pin_error = QLabel()
        self.pin_error.setProperty("role", "error")
        self.pin_error.setWordWrap(True)
        self.keypad = Keypad(theme, accept_key=True)
        self.keypad.bind(self.pin_edit)
        self.keypad.accepted.connect(self._check_pin)
        self.close_button = QPushButton()
        self.close_button.setProperty("role", "secondary")
        self.close_button.setObjectName("maintenanceClose")
        self.close_button.clicked.connect(self.dismiss)
        pin_layout.addWidget(self.pin_edit, 0, 0)
        pin_layout.addWidget(self.pin_error, 1, 0)
        pin_layout.addWidget(self.keypad, 2, 0)
        # technician page
        self.info_page = QWidget()
        info_layout = QGridLayout(self.info_page)
        self._info_labels: dict[str, tuple[QLabel, QLabel]] = {}
        for row, key in enumerate(
            ("service_url", "service_status", "printer_status", "kiosk_id", "version")
        ):
            name, value = QLabel(), QLabel()
            value.setWordWrap(True)
            value.setObjectName(f"info_{key}")
            name.setProperty("role", "help")
            info_layout.addWidget(name, row, 0)
            info_layout.addWidget(value, row, 1)
            self._info_labels[key] = (name, value)
        actions = QHBoxLayout()
        self.test_print_button = QPushButton()
        self.refresh_button = QPushButton()
        self.restart_button = QPushButton()
        self.exit_button = QPushButton()
        for button, signal in (
            (self.test_print_button, self.test_print_requested),
            (self.refresh_button, self.refresh_requested),
            (self.restart_button, self.restart_requested),
            (self.exit_button, self.exit_requested),
        ):
            button.setProperty("role", "secondary")
            button.clicked.connect(signal)
            actions.addWidget(button)
        info_layout.addLayout(actions, 5, 0, 1, 2)
        self.content.addWidget(self.heading)
        self.content.addWidget(self.pin_page)
        self.content.addWidget(self.info_page)
        self.content.addWidget(self.close_button)
        self.retranslate()

    @property
    def unlocked(self) -> bool:
        return self.info_page.isVisible() or (
            not self.info_page.isHidden() and self.pin_page.isHidden()
        )

    def open_pin(self) -> None:
        self.pin_edit.clear()
        self.pin_error.clear()
        self.pin_page.show()
        self.info_page.hide()
        self.present()

    def dismiss(self) -> None:
        self.pin_edit.clear()
        self.hide()

    def set_info(self, info: MaintenanceInfo) -> None:
        for key, (_, value) in self._info_labels.items():
            value.setText(str(getattr(info, key)))

    def _check_pin(self) -> None:
        pin = self.pin_edit.text()
        self.pin_edit.clear()  # the PIN never stays in a widget
        if self._pin_matches(pin):
            self._failures = 0
            self.pin_error.clear()
            self.pin_page.hide()
            self.info_page.show()
            self.refresh_requested.emit()
            return
        self._failures += 1
        if self._failures >= self._max_tries:
            self._failures = 0
            self.dismiss()
            return
        self.pin_error.setText(self.tr("PIN incorrecto. Intente de nuevo."))

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Mantenimiento"))
        self.pin_edit.setPlaceholderText(self.tr("PIN de técnico"))
        names = {
            "service_url": self.tr("Servicio"),
            "service_status": self.tr("Estado del servicio"),
            "printer_status": self.tr("Impresora"),
            "kiosk_id": self.tr("Kiosco"),
            "version": self.tr("Versión"),
        }
        for key, (name, _) in self._info_labels.items():
            name.setText(names[key])
        self.test_print_button.setText(self.tr("Imprimir prueba"))
        self.refresh_button.setText(self.tr("Actualizar"))
        self.restart_button.setText(self.tr("Reiniciar"))
        self.exit_button.setText(self.tr("Salir"))
        self.close_button.setText(self.tr("Cerrar"))
