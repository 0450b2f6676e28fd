"""`kiosk demo`: the whole system on one machine, for a visitor.

Starts the reference turn service in this process (SQLite in a fresh temporary folder, the
clearly fake demo catalogue, a free loopback port), a file printer that writes PDFs, and the
kiosk against them. A small window marked DEMO shows the outbox, so the visitor can read the
verification code that a real citizen would receive by email or SMS.
"""

from __future__ import annotations

import email
import email.policy
import shutil
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QFileSystemWatcher, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.printing.file_printer import FilePrinter
from kiosk.ui.theme import Theme

MAX_MESSAGES = 5


def outbox_summary(outbox: Path, limit: int = MAX_MESSAGES) -> str:
    """The newest messages of the outbox, newest first: recipient, subject and text."""
    if not outbox.is_dir():
        return ""
    blocks: list[str] = []
    for path in sorted(outbox.glob("*.eml"), reverse=True)[:limit]:
        msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
        body = msg.get_body(preferencelist=("plain",)) if hasattr(msg, "get_body") else None
        text = str(body.get_content()).strip() if body is not None else ""
        blocks.append(f"Para: {msg.get('To', '')}\nAsunto: {msg.get('Subject', '')}\n\n{text}")
    return ("\n\n" + "─" * 30 + "\n\n").join(blocks)


class DemoPanel(QWidget):
    """A separate, clearly marked window: what the service "sent" (email and SMS)."""

    def __init__(self, outbox: Path, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._outbox = outbox
        self.setWindowTitle("DEMO — bandeja de salida")
        self.setStyleSheet(theme.variant(large_text=False).stylesheet())
        self.banner = QLabel("DEMO: correos y SMS enviados\n(no es parte del kiosco)")
        self.banner.setWordWrap(True)
        self.banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.banner.setStyleSheet(
            "background: #FFD500; color: #111111; font-weight: bold; padding: 6px;"
            f" font-size: {theme.font_px('small')}px;"
        )
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setObjectName("demoOutbox")
        # Folds the panel to its banner, so a visitor can see what it covers.
        self.fold_button = QPushButton("Ocultar mensajes")
        self.fold_button.setCheckable(True)
        self.fold_button.toggled.connect(self._fold)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.fold_button)
        layout.addWidget(self.text, 1)
        outbox.mkdir(parents=True, exist_ok=True)
        self._watcher = QFileSystemWatcher([str(outbox)], self)
        self._watcher.directoryChanged.connect(self.refresh)
        # A slow poll as well: some file systems do not report renames into the folder.
        self._poll = QTimer(self)
        self._poll.setInterval(2000)
        self._poll.timeout.connect(self.refresh)
        self._poll.start()
        self._gap = theme.gap_px()
        self.text.setFixedHeight(theme.px(45))
        self.setFixedWidth(theme.px(80))
        self._clearance = theme.px(40)  # the kiosk's action bar, which it must not cover
        self.refresh()

    def _fold(self, folded: bool) -> None:
        self.text.setVisible(not folded)
        self.fold_button.setText("Mostrar mensajes" if folded else "Ocultar mensajes")
        self.adjustSize()

    def place_beside(self, window: QWidget, above: QWidget | None = None) -> None:
        """Show the panel at the right edge of the (fullscreen) kiosk, just above `above`
        (the action bar), where it covers the least of a screen's question and answer."""
        self.adjustSize()
        area = window.geometry()
        bottom = area.bottom() - self._clearance
        if above is not None and above.isVisible():
            bottom = above.mapToGlobal(above.rect().topLeft()).y() - self._gap
        self.move(area.right() - self.width() + 1, max(area.top(), bottom - self.height()))
        self.show()
        self.raise_()

    def refresh(self) -> None:
        summary = outbox_summary(self._outbox) or "(todavía no se ha enviado nada)"
        if summary != self.text.toPlainText():
            self.text.setPlainText(summary)


def run_demo(settings: Any, windowed: bool) -> int:
    """Embedded service + file printer + kiosk + demo panel; cleans up the data on exit."""
    from kiosk.app import application, assemble, client_for, configure_logging, run_assembled
    from turnos.embedded import start_embedded

    configure_logging()  # masked by kiosk.logsafe's PersonalDataFilter
    data_dir = Path(tempfile.mkdtemp(prefix="kiosk-demo-"))
    service = start_embedded(data_dir, demo=True)
    app = application()
    output = (
        Path(settings.printer.output_dir) if settings.printer.output_dir else data_dir / "slips"
    )
    printer = FilePrinter(output)
    panels: list[DemoPanel] = []

    def make(app: QApplication) -> Any:
        client = client_for(settings, service.url, service.credentials["kiosk_token"])
        kiosk = assemble(settings, app, client, printer)
        panel = DemoPanel(service.outbox, kiosk.shell.theme)
        panel.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, True)
        # Placed once the loop runs, i.e. after the kiosk went fullscreen, or it would hide
        # behind the kiosk's own stay-on-top window.
        QTimer.singleShot(0, lambda: panel.place_beside(kiosk.shell, kiosk.shell.next_button))
        panels.append(panel)
        print(f"kiosk demo: service at {service.url}; slips in {output}")
        return kiosk

    try:
        return run_assembled(app, make, windowed=windowed)
    finally:
        for panel in panels:
            panel.close()
        service.stop()
        shutil.rmtree(data_dir, ignore_errors=True)
