"""The demo's outbox band shows what the service "sent", so a visitor can read the code."""

from __future__ import annotations

import time
from email.message import EmailMessage
from pathlib import Path

import requests
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from kiosk.demo_panel import DemoPanel, read_message
from kiosk.ui.theme import Theme
from turnos.embedded import start_embedded
from turnos.outbox import latest_code, sms_address, write_message


class Clock:
    def __init__(self) -> None:
        self.now = time.time()

    def __call__(self) -> float:
        return self.now


def _panel_texts(panel: DemoPanel) -> str:
    labels = " ".join(label.text() for label in panel.findChildren(QLabel))
    return labels + " " + panel.messages.toPlainText()


def _send(outbox: Path, to: str, text: str, kind: str = "verification") -> Path:
    message = EmailMessage()
    message["To"] = to
    message["Subject"] = "Verificar IESS turno online"
    message["X-Turnos-Kind"] = kind
    message.set_content(text)
    return write_message(outbox, message)


def test_the_newest_code_shows_at_a_glance(qtbot: QtBot, theme: Theme, tmp_path: Path) -> None:
    clock = Clock()
    with start_embedded(tmp_path / "turnos", demo=True) as service:
        panel = DemoPanel(service.outbox, theme, clock=clock)
        qtbot.addWidget(panel)
        assert panel.newest_code() is None
        assert "Aquí aparecerá el código" in panel.sent_label.text()

        auth = {"Authorization": f"Bearer {service.credentials['kiosk_token']}"}
        citizen = requests.post(
            f"{service.url}/v1/citizens/lookup",
            json={"id_type": "cedula", "id_number": "1710034065"},
            headers=auth,
            timeout=10,
        ).json()["citizen"]
        sent = requests.post(
            f"{service.url}/v1/verifications",
            json={
                "citizen": citizen,
                "email": "visita@example.com",
                "phone": "0991234567",
                "channel": "email",
            },
            headers=auth,
            timeout=10,
        )
        assert sent.status_code in (200, 201)
        code = latest_code(service.outbox, "visita@example.com")
        # The band itself notices the new message (a file watcher and a slow poll).
        qtbot.waitUntil(lambda: panel.code_label.text() == code, timeout=5000)

        sent_at = read_message(next(service.outbox.glob("*.eml"))).sent_at
        clock.now = sent_at + 5
        qtbot.waitUntil(lambda: "hace 5 s" in panel.sent_label.text(), timeout=3000)
        clock.now = sent_at + 125
        qtbot.waitUntil(lambda: "hace 2 min" in panel.sent_label.text(), timeout=3000)
        assert "por correo a v•••@example.com" in panel.sent_label.text()
        # The next visitor never reads this one's address.
        assert "visita@example.com" not in _panel_texts(panel)
        assert code in panel.messages.toPlainText()


def test_a_code_by_sms_and_a_newer_code_replace_the_old(
    qtbot: QtBot, theme: Theme, tmp_path: Path
) -> None:
    outbox = tmp_path / "outbox"
    panel = DemoPanel(outbox, theme)
    qtbot.addWidget(panel)
    panel.resize(1080, panel.sizeHint().height())
    panel.show()
    height = panel.sizeHint().height()
    _send(outbox, "ana@example.com", "Su código es:\n\n   111111\n")
    panel.refresh()
    assert panel.code_label.text() == "111111"
    # The band keeps its height when a code comes: the kiosk's screens below never move.
    assert panel.sizeHint().height() == height
    _send(outbox, sms_address("+593991234567"), "IESS: su código es 222222")
    # A confirmation carries digits too, but no code: the code shown stays the last code.
    _send(outbox, "ana@example.com", "Turno 123456 confirmado", kind="confirmation")
    panel.refresh()
    assert panel.code_label.text() == "222222"
    assert "por SMS a 09•••••567" in panel.sent_label.text()
    assert panel.sizeHint().height() == height
    assert "+593991234567" not in _panel_texts(panel)


def test_the_reading_position_survives_refreshes(
    qtbot: QtBot, theme: Theme, tmp_path: Path
) -> None:
    outbox = tmp_path / "outbox"
    for n in range(8):
        lines = "\n".join(f"línea {i} del mensaje {n}" for i in range(6))
        _send(outbox, f"persona{n}@example.com", f"{lines}\n\n   {100000 + n}\n")
    panel = DemoPanel(outbox, theme)
    qtbot.addWidget(panel)
    panel.resize(1080, 600)
    panel.show()
    panel.fold_button.click()  # unfolds the messages
    assert panel.messages.isVisible()
    bar = panel.messages.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 20)

    bar.setValue(bar.maximum() // 2)
    middle = bar.value()
    panel.refresh()  # nothing new
    assert bar.value() == middle
    _send(outbox, "nueva@example.com", "Su código es:\n\n   333333\n")
    panel.refresh()  # something new: the visitor keeps reading where they were
    assert panel.code_label.text() == "333333"
    assert "333333" in panel.messages.toPlainText()
    assert bar.value() == middle

    bar.setValue(bar.maximum())  # at the end, the end is followed
    _send(outbox, "otra@example.com", "Su código es:\n\n   444444\n")
    panel.refresh()
    qtbot.waitUntil(lambda: bar.value() == bar.maximum() and bar.maximum() > middle)


def test_folding_shows_and_hides_the_messages(qtbot: QtBot, theme: Theme, tmp_path: Path) -> None:
    panel = DemoPanel(tmp_path / "outbox", theme)
    qtbot.addWidget(panel)
    panel.show()
    folded = panel.sizeHint().height()
    assert not panel.messages.isVisible()
    panel.fold_button.click()
    assert panel.messages.isVisible()
    assert "Ctrl+Q" in panel.help_label.text()  # how to leave the demo, where it is read
    assert panel.sizeHint().height() > folded
    panel.fold_button.click()
    assert not panel.messages.isVisible()
    assert panel.sizeHint().height() == folded
