"""The counter window: the answer for the last slip, the ways in, the day's turns.

A window for a counter PC, used from the keyboard: the scanner works wherever the focus is
(kiosk/staff/scanner_input.py); F2 goes to the turn code for a slip that will not scan, F3 opens
a picture or PDF, F4 turns the webcam on or off, F5 refreshes, F6 switches the language and
Ctrl+F searches the day's list. A picture or PDF can also be dropped onto the window.

Every input ends in `feed_token_text(text, source)` (the desk judges it); the window only shows
what the desk answers. The webcam is optional and comes from kiosk/staff/camera.py through
kiosk/staff/app.py, which hands in a `CameraScanner` or the reason there is none:

    class CameraScanner(QObject):
        token_found = Signal(str)    # the text of a slip's QR seen by the camera
        def __init__(self, device: str = "auto", parent: QObject | None = None): ...
        def available(self) -> bool  # a camera is there and can be opened
        def start(self) -> bool      # False when no camera could be opened
        def stop(self) -> None
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QEvent, QIODevice, Qt, Slot
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QImage, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.models import Language
from kiosk.staff.day_list import DayList
from kiosk.staff.desk import CounterDesk
from kiosk.staff.outcome import Connection, Day, Outcome
from kiosk.staff.result_panel import ResultPanel
from kiosk.staff.sounds import Sounds
from kiosk.staff.style import STATUS_TONES, STYLE
from kiosk.staff.texts import Staff
from kiosk.staff.verdict import Answer
from kiosk.ui.i18n import LanguageSwitcher

FileChooser = Callable[[QWidget], Path | None]


class CameraScanner(Protocol):
    token_found: Any  # Signal(str)

    def available(self) -> bool: ...

    def start(self) -> bool | None: ...  # False: it could not open a camera

    def stop(self) -> None: ...


class NoCamera(StrEnum):
    """Why the camera button is off."""

    OFF = "off"  # staff.camera = "off"
    NO_SUPPORT = "no_support"  # kiosk.staff.camera or QtMultimedia is not installed
    NOT_FOUND = "not_found"  # no camera found


def choose_with_dialog(parent: QWidget, folder: Path | None = None) -> Path | None:
    """The file dialog: a picture or a PDF of a slip, opened on `folder` (else home)."""
    name, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("Staff", "Abrir foto o PDF del comprobante"),
        str(folder or Path.home()),
        QCoreApplication.translate("Staff", "Fotos o PDF")
        + " (*.png *.jpg *.jpeg *.bmp *.gif *.tif *.tiff *.webp *.pdf)",
    )
    return Path(name) if name else None


class StaffWindow(QWidget):
    def __init__(
        self,
        desk: CounterDesk,
        sounds: Sounds,
        *,
        switcher: LanguageSwitcher | None = None,
        choose_file: FileChooser = choose_with_dialog,
        camera: CameraScanner | None = None,
        no_camera: NoCamera | None = NoCamera.NO_SUPPORT,
    ) -> None:
        super().__init__()
        self.setObjectName("staffWindow")
        self.setStyleSheet(STYLE)
        self.setAcceptDrops(True)
        self.desk, self.sounds, self.switcher = desk, sounds, switcher
        self._choose_file = choose_file
        self.camera = camera
        self._no_camera = None if camera is not None else (no_camera or NoCamera.NO_SUPPORT)
        self._camera_on = False

        header = QFrame(self)
        header.setObjectName("header")
        self.title = QLabel(header)
        self.title.setObjectName("windowTitle")
        self.agency = QLabel(header)
        self.agency.setProperty("role", "muted")
        self.status = QLabel(self)  # a strip across the window: always in sight
        self.status.setObjectName("status")
        self.language = QPushButton(header)
        self.language.setObjectName("languageButton")
        top = QHBoxLayout(header)
        top.setContentsMargins(16, 10, 16, 10)
        names = QVBoxLayout()
        names.setSpacing(0)
        names.addWidget(self.title)
        names.addWidget(self.agency)
        top.addLayout(names)
        top.addStretch(1)
        top.addWidget(self.language)

        self.result = ResultPanel(self)
        self.result.set_names(self._names)
        self.camera_button = QPushButton(self)
        self.camera_button.setObjectName("cameraButton")
        self.file_button = QPushButton(self)
        self.file_button.setObjectName("fileButton")
        self.camera_note = QLabel(self)
        self.camera_note.setProperty("role", "hint")
        self.camera_note.setWordWrap(True)
        self.drop_hint = QLabel(self)
        self.drop_hint.setProperty("role", "hint")
        self.drop_hint.setWordWrap(True)
        inputs = QHBoxLayout()
        inputs.addWidget(self.camera_button)
        inputs.addWidget(self.file_button)
        inputs.addWidget(self.drop_hint, 1)

        manual = QFrame(self)
        manual.setObjectName("manual")
        self.manual_title = QLabel(manual)
        self.manual_title.setProperty("role", "sectionTitle")
        self.code_label, self.id_label = QLabel(manual), QLabel(manual)
        self.code_field, self.id_field = QLineEdit(manual), QLineEdit(manual)
        self.code_field.setObjectName("codeField")
        self.id_field.setObjectName("idField")
        self.code_field.setMaxLength(10)
        self.id_field.setMaxLength(20)
        self.code_label.setBuddy(self.code_field)
        self.id_label.setBuddy(self.id_field)
        self.manual_button = QPushButton(manual)
        self.manual_button.setObjectName("manualButton")
        self.manual_button.setProperty("role", "primary")
        self.manual_error = QLabel(manual)
        self.manual_error.setProperty("role", "error")
        grid = QGridLayout(manual)
        grid.setContentsMargins(14, 10, 14, 10)
        grid.addWidget(self.manual_title, 0, 0, 1, 3)
        grid.addWidget(self.code_label, 1, 0)
        grid.addWidget(self.id_label, 1, 1)
        grid.addWidget(self.code_field, 2, 0)
        grid.addWidget(self.id_field, 2, 1)
        grid.addWidget(self.manual_button, 2, 2)
        grid.addWidget(self.manual_error, 3, 0, 1, 3)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 3)
        self.keys_hint = QLabel(self)
        self.keys_hint.setProperty("role", "hint")
        self.keys_hint.setWordWrap(True)

        left = QVBoxLayout()
        left.setSpacing(12)
        left.addWidget(self.result, 1)
        left.addLayout(inputs)
        left.addWidget(self.camera_note)
        left.addWidget(manual)
        left.addWidget(self.keys_hint)
        self.day = DayList(self)
        body = QHBoxLayout()
        body.setContentsMargins(16, 12, 16, 12)
        body.setSpacing(20)
        body.addLayout(left, 11)
        body.addWidget(self.day, 9)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(header)
        layout.addWidget(self.status)
        layout.addLayout(body, 1)

        self.day.model.set_procedure_names(self._procedure_name)
        self._wire()
        self.setTabOrder(self.code_field, self.id_field)
        self.setTabOrder(self.id_field, self.manual_button)
        self.retranslate()
        self._show_connection(desk.connection)
        # At start nothing has the focus: a key there (Enter, Space) presses nothing.
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFocus()

    # --- wiring -----------------------------------------------------------------------------

    def _wire(self) -> None:
        desk = self.desk
        desk.answered.connect(self._show_outcome)
        desk.checking.connect(lambda _source: self.result.show_checking())
        desk.connection_changed.connect(self._show_connection)
        desk.day_changed.connect(self._show_day)
        desk.catalog_changed.connect(self._catalog_arrived)
        self.file_button.clicked.connect(self.open_file)
        self.camera_button.clicked.connect(self.toggle_camera)
        self.language.clicked.connect(self.toggle_language)
        self.manual_button.clicked.connect(self.submit_code)
        self.code_field.returnPressed.connect(self.id_field.setFocus)
        self.id_field.returnPressed.connect(self.submit_code)
        if self.camera is not None:
            # A slot of this window, not a lambda: the camera reads frames on a thread of its
            # own, and Qt then queues its signal to the window's thread.
            self.camera.token_found.connect(self._from_camera)
        self.camera_button.setEnabled(self.camera is not None)
        keys: tuple[tuple[Any, Callable[[], object]], ...] = (
            (Qt.Key.Key_F2, self.code_field.setFocus),
            (Qt.Key.Key_F3, self.open_file),
            (Qt.Key.Key_F4, self.toggle_camera),
            (Qt.Key.Key_F5, desk.request_sync),
            (Qt.Key.Key_F6, self.toggle_language),
            (QKeySequence.StandardKey.Find, self.day.search.setFocus),
        )
        for key, action in keys:
            QShortcut(QKeySequence(key), self, action)

    # --- inputs -----------------------------------------------------------------------------

    def feed_token_text(self, text: str, source: str) -> None:
        """Any input's slip text: the scanner, the webcam, a file."""
        self.desk.feed_token_text(text, source)

    @Slot(str)
    def _from_camera(self, text: str) -> None:
        self.feed_token_text(text, "camera")

    def open_file(self) -> None:
        path = self._choose_file(self)
        if path is not None:
            self.result.show_checking()
            self.desk.feed_file(path)

    def toggle_camera(self) -> None:
        if self.camera is None:
            return
        if self._camera_on:
            self.camera.stop()
            self._camera_on = False
        elif self.camera.start() is False:  # no camera to open after all
            self._no_camera = NoCamera.NOT_FOUND
        else:
            self._camera_on = True
        self.retranslate()

    def submit_code(self) -> None:
        code, number = self.code_field.text().strip(), self.id_field.text().strip()
        if not code:
            self.manual_error.setText(self.tr("Escriba el código del turno."))
            self.code_field.setFocus()
            return
        if not number:
            self.manual_error.setText(self.tr("Escriba el número de documento."))
            self.id_field.setFocus()
            return
        self.manual_error.setText("")
        self.desk.check_in_by_code(code, number)

    def toggle_language(self) -> None:
        if self.switcher is not None:
            spanish = self.switcher.language is Language.ES
            self.switcher.set_language(Language.EN if spanish else Language.ES)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        mime = event.mimeData()
        if mime.hasImage() or any(url.isLocalFile() for url in mime.urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        mime = event.mimeData()
        files = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
        if files:
            self.result.show_checking()
            self.desk.feed_file(files[0])
        elif mime.hasImage():
            image = QImage(mime.imageData())
            data = QByteArray()
            buffer = QBuffer(data)
            buffer.open(QIODevice.OpenModeFlag.WriteOnly)
            image.save(buffer, b"PNG")
            self.result.show_checking()
            self.desk.feed_bytes(bytes(data.data()), "dropped.png")
        else:
            return
        event.acceptProposedAction()

    # --- what the desk says -----------------------------------------------------------------

    def _show_outcome(self, outcome: Outcome) -> None:
        self.result.show_outcome(outcome)
        if outcome.answer is not None:
            if outcome.accepted:
                self.sounds.accept()
            else:
                self.sounds.reject()
        if outcome.source == "manual" and outcome.answer is not None:
            self.id_field.clear()  # an id number stays on screen no longer than needed
            if outcome.answer in (Answer.CHECKED_IN, Answer.ALREADY_CHECKED_IN):
                self.code_field.clear()

    def _show_connection(self, connection: Connection) -> None:
        self._connection = connection
        if connection.refused:
            tone = "refused"
        elif connection.online is None:
            tone = "unknown"
        else:
            tone = "online" if connection.online else "offline"
        bg, fg = STATUS_TONES[tone]
        self.status.setStyleSheet(f"background-color: {bg}; color: {fg};")
        self.status.setProperty("tone", tone)
        self.status.setText("● " + Staff().connection(connection, self.desk.today()))
        self.day.set_online(connection.online is not False)

    def _show_day(self, day: Day) -> None:
        self.day.show_day(day, self.desk.zone)

    def _catalog_arrived(self) -> None:
        self.day.model.retranslate()
        self.result.refresh()
        self.retranslate()

    def _language(self) -> Language:
        return self.switcher.language if self.switcher is not None else Language.ES

    def _procedure_name(self, code: str) -> str:
        return self.desk.names.procedure(code, self._language())

    def _agency_name(self, agency_id: int | None) -> str:
        return self.desk.names.agency(agency_id, self._language())

    def _names(self, outcome: Outcome) -> tuple[str, str]:
        return self._procedure_name(outcome.procedure_code), self._agency_name(outcome.agency_id)

    # --- words ------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        agency = self._agency_name(self.desk.agency_id)
        title = self.tr("Registro de llegada")
        self.title.setText(title)
        self.agency.setText(agency)
        self.agency.setVisible(bool(agency))
        self.setWindowTitle(f"{title} · {agency}" if agency else title)
        self.language.setText("English (F6)" if self._language() is Language.ES else "Español (F6)")
        self.camera_button.setText(
            self.tr("Detener cámara (F4)") if self._camera_on else self.tr("Cámara (F4)")
        )
        self.file_button.setText(self.tr("Abrir archivo… (F3)"))
        self.drop_hint.setText(self.tr("O arrastre aquí una foto o un PDF del comprobante."))
        self.camera_note.setText(self._camera_words())
        self.camera_note.setVisible(self.camera is None or self._no_camera is not None)
        self.manual_title.setText(self.tr("Sin QR: código del turno y documento (F2)"))
        self.code_label.setText(self.tr("Código del turno"))
        self.id_label.setText(self.tr("Número de documento"))
        self.manual_button.setText(self.tr("Registrar"))
        self.manual_error.setText("")
        self.keys_hint.setText(
            self.tr("F5 actualizar · Ctrl+F buscar en la lista · El lector funciona siempre.")
        )
        if hasattr(self, "_connection"):
            self._show_connection(self._connection)

    def _camera_words(self) -> str:
        if self._no_camera is NoCamera.OFF:
            return self.tr("La cámara está desactivada en la configuración.")
        if self._no_camera is NoCamera.NOT_FOUND:
            return self.tr("No se encontró una cámara. Use el lector o abra un archivo.")
        return self.tr(
            "Falta el soporte de cámara en esta instalación. Use el lector o abra un archivo."
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.camera is not None and self._camera_on:
            self.camera.stop()
        super().closeEvent(event)
