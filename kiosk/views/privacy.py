"""The data-protection notice shown before any contact data is collected (LOPDP art. 12).

Short by default (purpose, legal basis, retention, whom to contact); "Leer todo", right under
the summary inside the scrolled text, opens the full text in place. It is not a step of its own:
ContactView shows it as its first page, and the shell's primary button ("Entendido, continuar")
goes on from it, in the action bar like every other screen's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QScrollArea, QScroller, QVBoxLayout, QWidget

from kiosk.ui.buttons import touch_button
from kiosk.ui.labels import label

if TYPE_CHECKING:
    from kiosk.ui.theme import Theme

DEFAULT_CONTACT_PHONE = "593 23945666"
DEFAULT_RETENTION_DAYS = 90


class PrivacyView(QWidget):
    """The notice; `accepted` when the citizen goes on (the shell's primary button)."""

    scroll: QScrollArea  # type: ignore[assignment]  # shadows QWidget.scroll()

    accepted = Signal()

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._contact_phone = DEFAULT_CONTACT_PHONE
        self._retention_days = DEFAULT_RETENTION_DAYS
        self._full_shown = False
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(theme.gap_px() * 2)
        self.heading = label("", None)
        self.heading.setStyleSheet("font-weight: bold;")
        self.summary = label("")
        self.full = label("")
        self.full.setVisible(False)
        text = QWidget()
        text_column = QVBoxLayout(text)
        text_column.setContentsMargins(0, 0, theme.gap_px(), 0)
        text_column.setSpacing(theme.gap_px() * 2)
        self.read_all = touch_button("", theme, "secondary")
        self.read_all.setObjectName("privacyReadAll")
        self.read_all.clicked.connect(self.toggle_full)
        read_row = QHBoxLayout()
        read_row.addWidget(self.read_all)
        read_row.addStretch(1)
        text_column.addWidget(self.heading)
        text_column.addWidget(self.summary)
        text_column.addLayout(read_row)
        text_column.addWidget(self.full)
        text_column.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(text)
        QScroller.grabGesture(
            self.scroll.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture
        )
        column.addWidget(self.scroll, 1)
        self.retranslate()

    def set_details(self, *, contact_phone: str, retention_days: int) -> None:
        """The institution's contact phone (config kiosk.contact_phone) and retention period."""
        self._contact_phone = contact_phone
        self._retention_days = retention_days
        self.retranslate()

    def toggle_full(self) -> None:
        self._full_shown = not self._full_shown
        self.full.setVisible(self._full_shown)
        self.retranslate()

    def full_shown(self) -> bool:
        return self._full_shown

    def reset(self) -> None:
        if self._full_shown:
            self.toggle_full()
        self.scroll.verticalScrollBar().setValue(0)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Protección de sus datos personales"))
        self.summary.setText(
            self.tr(
                "Para qué: usaremos su correo electrónico y su número de celular solo para "
                "enviarle el código de verificación y la confirmación de su turno.\n\n"
                "Base legal: la Ley Orgánica de Protección de Datos Personales y el servicio "
                "público que presta el IESS.\n\n"
                "Cuánto tiempo: los borramos {days} días después de su cita. Este equipo no "
                "guarda nada cuando usted termina.\n\n"
                "Preguntas o reclamos: Atención al Ciudadano, teléfono {phone}."
            )
            .replace("{days}", str(self._retention_days))
            .replace("{phone}", self._contact_phone)
        )
        self.full.setText(
            self.tr(
                "Responsable: Instituto Ecuatoriano de Seguridad Social (IESS), Atención al "
                "Ciudadano.\n\n"
                "Datos que pedimos: el número de su documento de identidad, su correo "
                "electrónico y su número de celular. No pedimos datos sensibles.\n\n"
                "Finalidad: verificar que el correo o el celular son suyos, reservar su turno, "
                "enviarle la confirmación y avisarle si la cita cambia. No usamos sus datos para "
                "publicidad ni los vendemos.\n\n"
                "Base legal: el cumplimiento de la función pública del IESS y su consentimiento "
                "al continuar (Ley Orgánica de Protección de Datos Personales, artículos 7 y "
                "12).\n\n"
                "Conservación: el correo y el celular se borran {days} días después de su cita; "
                "el registro del turno se guarda el tiempo que exige la ley.\n\n"
                "Destinatarios: solo el personal del IESS que lo atiende. No se transfieren a "
                "otros países.\n\n"
                "Sus derechos: puede pedir acceso, rectificación, actualización, eliminación, "
                "oposición y portabilidad de sus datos, y reclamar ante la Autoridad de "
                "Protección de Datos Personales.\n\n"
                "Contacto: Atención al Ciudadano, teléfono {phone}, o en cualquier Centro de "
                "Atención del IESS."
            )
            .replace("{days}", str(self._retention_days))
            .replace("{phone}", self._contact_phone)
        )
        self.read_all.setText(self.tr("Leer menos") if self._full_shown else self.tr("Leer todo"))

    def accept_label(self) -> str:
        return self.tr("Entendido, continuar")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
