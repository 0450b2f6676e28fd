"""The demo's outbox strip: what the service "sent" (email and SMS), for a visitor to read.

It is a band at the top of the kiosk window, inside the window's own layout: it takes its room
from the screens instead of lying over them, so no kiosk control is ever under it. Being no
window of its own and taking no focus, a tap on it never activates another window nor moves
the keyboard focus: the citizen's next letter goes where the last one went.

Folded, it is one line: the newest verification code and how long ago it was sent. Unfolded,
it also shows every message, oldest first. New messages are appended, so the text stays where
the visitor scrolled it (and follows the end only when it was already at the end).
"""

from __future__ import annotations

import email
import email.policy
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path

from PySide6.QtCore import QEvent, QFileSystemWatcher, Qt, QTimer
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScroller,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.contact import mask_email, mask_phone
from kiosk.ui.theme import Theme

SMS_DOMAIN = "@sms.invalid"  # turnos.outbox writes an SMS as a message to <phone>@sms.invalid
_CODE = re.compile(r"\b(\d{6})\b")
_INK, _PAPER, _YELLOW = "#111111", "#FFFFFF", "#FFD500"


@dataclass(frozen=True)
class OutboxMessage:
    name: str
    sent_at: float  # seconds since the epoch
    sms: bool
    to: str  # masked
    subject: str
    text: str
    code: str | None  # the verification code, if the message carries one


def read_message(path: Path) -> OutboxMessage:
    msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    assert isinstance(msg, EmailMessage)
    body = msg.get_body(preferencelist=("plain",))
    text = str(body.get_content()).strip() if body is not None else ""
    to = str(msg.get("To", "")).strip()
    sms = to.lower().endswith(SMS_DOMAIN)
    found = _CODE.search(text) if msg.get("X-Turnos-Kind") == "verification" else None
    # turnos.outbox names each file by time.time_ns() when it wrote it.
    stamp = path.name.split("-", 1)[0]
    sent_at = int(stamp) / 1e9 if stamp.isdigit() else path.stat().st_mtime
    return OutboxMessage(
        name=path.name,
        sent_at=sent_at,
        sms=sms,
        to=mask_phone(to[: -len(SMS_DOMAIN)]) if sms else mask_email(to),
        subject=str(msg.get("Subject", "")),
        text=text,
        code=found.group(1) if found else None,
    )


class DemoPanel(QFrame):
    """The outbox band. `attach(shell)` puts it at the top of the kiosk window."""

    def __init__(
        self,
        outbox: Path,
        theme: Theme,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], float] = time.time,
        demo_pin: bool = True,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("demoPanel")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._outbox = outbox
        self._clock = clock
        self._demo_pin = demo_pin  # whether the technician's PIN is still the demo's
        self._shown: set[str] = set()
        self._newest_code: OutboxMessage | None = None

        self.badge = QLabel("DEMO")
        self.badge.setObjectName("demoBadge")
        self.code_label = QLabel()
        self.code_label.setObjectName("demoCode")
        self.code_label.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        # When and to whom, in two small lines beside the code; they give way, the code never.
        self.sent_label = QLabel()
        self.sent_label.setObjectName("demoSent")
        self.sent_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.fold_button = QPushButton()
        self.fold_button.setObjectName("demoFold")
        self.fold_button.setCheckable(True)
        self.fold_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.fold_button.toggled.connect(self._unfold)
        self.help_label = QLabel()
        self.help_label.setObjectName("demoHelp")
        self.help_label.setWordWrap(True)
        self.messages = QPlainTextEdit()
        self.messages.setObjectName("demoMessages")
        self.messages.setReadOnly(True)
        self.messages.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.messages.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        # A finger drags the text, as in the kiosk's own lists.
        QScroller.grabGesture(
            self.messages.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture
        )

        # One fixed height, whatever the lines say: the screens below never move.
        self.top_row = QWidget()
        top = QHBoxLayout(self.top_row)
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.badge)
        top.addWidget(self.code_label)
        top.addWidget(self.sent_label, 1)
        top.addWidget(self.fold_button)
        self.details = QWidget()
        details = QVBoxLayout(self.details)
        details.setContentsMargins(0, 0, 0, 0)
        details.addWidget(self.help_label)
        details.addWidget(self.messages)
        self.details.hide()
        self._layout = QVBoxLayout(self)
        self._layout.addWidget(self.top_row)
        self._layout.addWidget(self.details)

        outbox.mkdir(parents=True, exist_ok=True)
        self._watcher = QFileSystemWatcher([str(outbox)], self)
        self._watcher.directoryChanged.connect(self.refresh)
        # A slow poll as well (some file systems do not report renames), and the age ticking.
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._on_tick)
        self._tick.start()
        self._ticks = 0
        self.set_theme(theme)
        self.retranslate()
        self.refresh()

    # -- placing --------------------------------------------------------------------------------

    def attach(self, shell: QWidget) -> None:
        """Put the band at the top of the kiosk window's own layout (above the header)."""
        layout = shell.layout()
        assert isinstance(layout, QBoxLayout), "the kiosk window lays out its rows in a box"
        layout.insertWidget(0, self)
        # Beneath the window's overlays (busy, errors, maintenance), which cover it as they
        # cover the rest of the window.
        self.lower()
        theme_changed = getattr(shell, "theme_changed", None)
        if theme_changed is not None:
            theme_changed.connect(self.set_theme)

    def set_theme(self, theme: Theme) -> None:
        small, body, code = theme.font_px("small"), theme.font_px("body"), theme.font_px("code")
        border, gap = theme.border_px(), theme.gap_px()
        # Thin: every pixel of it is taken from the kiosk's screens.
        edge = theme.px(1.0)
        self._layout.setContentsMargins(theme.margin_px(), edge, theme.margin_px(), edge)
        self._layout.setSpacing(edge)
        self.messages.setFixedHeight(theme.px(70.0))
        # Its own colours whatever the kiosk's theme: yellow says "not part of the kiosk".
        self.setStyleSheet(
            f"""
#demoPanel {{ background-color: {_YELLOW}; border-bottom: {border}px solid {_INK}; }}
#demoPanel QWidget {{ background: transparent; color: {_INK}; font-size: {body}px; }}
#demoPanel QLabel#demoBadge {{
  background-color: {_INK}; color: {_YELLOW}; font-weight: bold; padding: 0 {gap}px;
}}
#demoPanel QLabel#demoCode {{ font-size: {code}px; font-weight: bold; letter-spacing: 2px; }}
#demoPanel QLabel#demoSent, #demoPanel QLabel#demoHelp {{ font-size: {small}px; }}
#demoPanel QPushButton {{
  min-height: {theme.touch_px()}px; padding: 0 {gap}px; background-color: {_PAPER};
  border: {border}px solid {_INK}; border-radius: {theme.radius_px()}px;
}}
#demoPanel QPlainTextEdit {{
  background-color: {_PAPER}; font-size: {small}px; border: {border}px solid {_INK};
}}
"""
        )
        for widget in (self.code_label, self.sent_label, self.fold_button):
            widget.ensurePolished()
        two_lines = 2 * self.sent_label.fontMetrics().lineSpacing()
        self.top_row.setFixedHeight(
            max(
                self.fold_button.sizeHint().height(),
                self.code_label.fontMetrics().height(),
                two_lines,
            )
        )

    # -- content --------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Append the messages not shown yet; the reading position stays where it was."""
        if not self._outbox.is_dir():
            return
        names = sorted(p.name for p in self._outbox.glob("*.eml") if p.name not in self._shown)
        for name in names:
            try:
                message = read_message(self._outbox / name)
            except OSError:
                continue  # gone between listing and reading: the next refresh decides
            self._shown.add(name)
            if message.code is not None:
                self._newest_code = message
            if self.messages.document().isEmpty():
                self.messages.setPlainText(self._format(message))
            else:
                # Appending keeps the view where it is, or at the end if it was at the end.
                self.messages.appendPlainText("\n" + "─" * 30 + "\n\n" + self._format(message))
        if names:
            self._show_code()

    def _format(self, message: OutboxMessage) -> str:
        when = time.strftime("%H:%M:%S", time.localtime(message.sent_at))
        to = (self.tr("SMS a {to}") if message.sms else self.tr("Correo a {to}")).replace(
            "{to}", message.to
        )
        return f"{when} · {to}\n{message.subject}\n\n{message.text}"

    def _on_tick(self) -> None:
        self._ticks += 1
        if self._ticks % 2 == 0:
            self.refresh()
        self._show_code()

    def _show_code(self) -> None:
        newest = self._newest_code
        if newest is None or newest.code is None:
            self.code_label.setText("······")
            self.sent_label.setText(self.tr("Aquí aparecerá el código<br>enviado por correo o SMS"))
            return
        self.code_label.setText(newest.code)
        age = self.age_text(self._clock() - newest.sent_at)
        to = self.tr("por SMS a {to}") if newest.sms else self.tr("por correo a {to}")
        self.sent_label.setText(age + "\n" + to.replace("{to}", newest.to))

    def age_text(self, seconds: float) -> str:
        seconds = max(0, int(seconds))
        if seconds < 60:
            return self.tr("código enviado hace {n} s").replace("{n}", str(seconds))
        if seconds < 3600:
            return self.tr("código enviado hace {n} min").replace("{n}", str(seconds // 60))
        return self.tr("código enviado hace {n} h").replace("{n}", str(seconds // 3600))

    def newest_code(self) -> str | None:
        return self._newest_code.code if self._newest_code is not None else None

    # -- folding and words ----------------------------------------------------------------------

    def _unfold(self, unfolded: bool) -> None:
        self.details.setVisible(unfolded)
        self.retranslate()

    def retranslate(self) -> None:
        self.fold_button.setText(
            self.tr("Ocultar") if self.fold_button.isChecked() else self.tr("Ver mensajes")
        )
        leave = (
            self.tr(
                "Para salir: Ctrl+Q, o cinco toques seguidos en la esquina superior izquierda,"
                " el PIN 2468 y «Salir»."
            )
            if self._demo_pin
            else self.tr("Para salir: Ctrl+Q.")
        )
        self.help_label.setText(
            self.tr(
                "Esta franja es solo de la demostración: muestra los correos y SMS que el"
                " servicio enviaría."
            )
            + " "
            + leave
        )
        self.messages.setPlaceholderText(self.tr("Todavía no se ha enviado nada."))
        self._show_code()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
