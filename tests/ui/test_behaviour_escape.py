"""Nothing but the maintenance panel's "Salir" leaves the kiosk window."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import KioskDriver
from turnos.embedded import EmbeddedService

MakeKiosk = Callable[..., tuple[Any, KioskDriver, Any]]


def test_close_requests_and_context_menus_are_refused(
    make_kiosk: MakeKiosk, turnos_service: EmbeddedService
) -> None:
    kiosk, driver, _clock = make_kiosk(
        turnos_service.url, turnos_service.credentials["kiosk_token"], turnos_service.outbox
    )
    shell = kiosk.shell
    driver.start()
    assert shell.isVisible()

    # Alt+F4, a window manager's close button, a stray close(): all the same request.
    assert shell.close() is False
    assert shell.isVisible()
    driver.qtbot.keyClick(shell, Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier)
    assert shell.isVisible()

    # A long press or right click never reaches a widget's context menu, even one that a
    # widget asks for: the application-wide guard swallows the event first.
    target = shell.next_button
    target.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    requested: list[QPoint] = []
    target.customContextMenuRequested.connect(requested.append)
    local = QPoint(5, 5)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, local, target.mapToGlobal(local))
    QApplication.sendEvent(target, event)
    assert requested == []

    shell.allow_close()  # what the maintenance panel's "Salir" does
    assert shell.close() is True
