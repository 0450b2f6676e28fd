"""A slip that comes as a file: a picture or a PDF opened with "Abrir archivo…", or dropped on
the counter window, read off the window's thread (kiosk.staff.decode) and judged as a scan."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from kiosk.printing.paper import Paper
from kiosk.printing.sample import sample_slip
from kiosk.printing.slip import render_slip
from kiosk.staff.verdict import Answer
from tests.service.helpers import Api
from tests.staff.conftest import AGENCY, FileSeam, Turn, open_turns
from tests.staff.images import on_phone_screen
from turnos.clock import MovableClock
from turnos.embedded import EmbeddedService
from turnos.services.confirmation import qr_png


@pytest.fixture(scope="module")
def turns(staff_service: EmbeddedService, staff_clock: MovableClock) -> list[Turn]:
    api = Api(staff_service.url, staff_service.credentials, staff_service.outbox, staff_clock)
    return open_turns(api, staff_clock, 3)


@pytest.fixture
def seam() -> FileSeam:
    return FileSeam()


@pytest.fixture
def clerk(make_counter: Any, staff_service: EmbeddedService, turns: list[Turn], seam: FileSeam):
    token = staff_service.credentials["staff_tokens"][str(AGENCY)]
    return make_counter(staff_service.url, token, files=seam)


def drop(clerk: Any, path: Path) -> None:
    """Drag a file from the file manager and let it go over the middle of the window."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    where = QPointF(clerk.window.rect().center())
    enter = QDragEnterEvent(
        where.toPoint(),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(clerk.window, enter)
    assert enter.isAccepted()
    let_go = QDropEvent(
        where,
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(clerk.window, let_go)


def test_the_emails_qr_picture_opened_from_a_file(
    clerk: Any, seam: FileSeam, turns: list[Turn], tmp_path: Path
) -> None:
    picture = tmp_path / "turno.png"
    picture.write_bytes(qr_png(turns[0].token))
    seam.chosen.append(picture)
    clerk.click("Abrir archivo")
    outcome = clerk.answer()
    assert outcome.source == "file"
    assert outcome.answer is Answer.CHECKED_IN
    assert "Llegada registrada" in clerk.visible_text()
    assert turns[0].code in clerk.visible_text()


def test_a_pdf_of_the_printed_slip_opened_from_a_file(
    clerk: Any, seam: FileSeam, turns: list[Turn], tmp_path: Path
) -> None:
    slip = replace(sample_slip(), token=turns[1].token)
    pdf = tmp_path / "comprobante.pdf"
    pdf.write_bytes(render_slip(slip, Paper.ROLL_80))
    seam.chosen.append(pdf)
    clerk.click("Abrir archivo")
    outcome = clerk.answer()
    assert outcome.source == "file"
    assert outcome.answer is Answer.CHECKED_IN
    assert turns[1].code in clerk.visible_text()


def test_a_phone_screens_picture_dropped_on_the_window(
    clerk: Any, turns: list[Turn], tmp_path: Path
) -> None:
    phone = on_phone_screen(Image.open(io.BytesIO(qr_png(turns[2].token))))
    photo = tmp_path / "pantalla.png"
    phone.save(photo)
    drop(clerk, photo)
    outcome = clerk.answer()
    assert outcome.answer is Answer.CHECKED_IN
    assert turns[2].code in clerk.visible_text()
    # The same file again: the service says it is done.
    drop(clerk, photo)
    assert clerk.answer().answer is Answer.ALREADY_CHECKED_IN


def test_files_without_a_slip_say_what_is_wrong(clerk: Any, seam: FileSeam, tmp_path: Path) -> None:
    blank = tmp_path / "blanco.png"
    Image.new("L", (300, 300), 255).save(blank)
    text = tmp_path / "notas.txt"
    text.write_text("nada que ver")
    other = tmp_path / "otro-qr.png"
    import qrcode

    qrcode.make("https://www.iess.gob.ec").save(other)
    for path, words in (
        (blank, "No se encontró un código QR"),
        (text, "Archivo no admitido"),
        (other, "No es un comprobante de turno"),
        (tmp_path / "no-existe.png", "No se pudo leer el archivo"),
    ):
        seam.chosen.append(path)
        clerk.click("Abrir archivo")
        outcome = clerk.answer()
        assert outcome.answer is None
        assert outcome.notice is not None
        assert words in clerk.visible_text()
    assert clerk.sounds.played == []  # notices are not verdicts
    assert "check_in" not in clerk.counter.client.calls
