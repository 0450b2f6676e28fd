"""The review screen's documents: this person's own, conditions said as conditions, the details
(the handwritten-signature rule) readable without a tap, nothing that looks tappable and is
not, and nothing cut unseen in either orientation or with large text."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget
from pytestqt.qtbot import QtBot

from kiosk.backend.parse import parse_catalog
from kiosk.domain.flow import Draft, Step
from kiosk.domain.ids import IdType, parse_id
from kiosk.domain.models import Catalog, Language
from kiosk.ui.shell import KioskShell
from kiosk.ui.theme import Theme
from kiosk.views._turn import CuedScroll
from kiosk.views.review import ReviewView
from tests.ui.conftest import LANDSCAPE, PORTRAIT
from tests.ui.test_views_booking import _draft, shown, texts
from tests.ui.test_views_sizes import MODES, Mode, settle, staged_shell
from turnos.demo_catalog import demo_catalog

SOLICITUD = "Solicitud de entrega de clave"
ACUERDO = "Acuerdo de Responsabilidad y Uso de la información"
ARTISAN = "Si es artesano calificado: Calificación Artesanal"
FOREIGNERS_ONLY = ("Pasaporte", "Visa", "Código de identificación para extranjeros")

#: What each person must bring for the employer password (../shared/seed/), in order.
EXPECTED = {
    IdType.CEDULA: [SOLICITUD, "Cédula", ACUERDO, ARTISAN],
    IdType.PASSPORT: [SOLICITUD, "Pasaporte", "Visa", ACUERDO, ARTISAN],
    IdType.FOREIGNER_CODE: [
        SOLICITUD,
        "Código de identificación para extranjeros",
        ACUERDO,
        ARTISAN,
    ],
}
NUMBERS = {
    IdType.CEDULA: "1710034065",
    IdType.PASSPORT: "B1234567",
    IdType.FOREIGNER_CODE: "X12345",
}


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return parse_catalog(demo_catalog())


def draft_for(catalog: Catalog, id_type: IdType) -> Draft:
    draft = _draft(catalog)
    assert draft.procedure_code == "CLAVE_PATRONAL"  # the procedure with every kind of document
    return dataclasses.replace(draft, document=parse_id(id_type, NUMBERS[id_type]))


def review_of(qtbot: QtBot, theme: Theme, catalog: Catalog, id_type: IdType) -> ReviewView:
    view = ReviewView(theme)
    shown(qtbot, view, theme)
    view.show_review(draft_for(catalog, id_type), catalog, "es")
    return view


@pytest.mark.parametrize("id_type", list(EXPECTED), ids=[t.value for t in EXPECTED])
def test_each_person_sees_exactly_the_documents_that_apply(
    qtbot: QtBot, theme: Theme, catalog: Catalog, id_type: IdType
) -> None:
    view = review_of(qtbot, theme, catalog, id_type)
    assert view.requirements.titles() == EXPECTED[id_type]


def test_a_cedula_holder_is_told_of_the_cedula_once_and_of_no_foreigners_document(
    qtbot: QtBot, theme: Theme, catalog: Catalog
) -> None:
    """Before: "Cédula" and "Su cédula original (o el documento…)" both, and the artisans'
    document as if everyone needed it."""
    view = review_of(qtbot, theme, catalog, IdType.CEDULA)
    shown_texts = [t for t in texts(view) if t]
    titles = view.requirements.titles()
    assert titles.count("Cédula") == 1
    assert sum("cédula original (o el documento" in t for t in shown_texts) == 0
    for other in FOREIGNERS_ONLY:
        assert not any(other in t for t in shown_texts), other
    # The qualified artisans' document, once, and as a condition.
    assert [t for t in titles if "Calificación Artesanal" in t] == [ARTISAN]


def test_a_passport_holder_is_never_told_to_bring_a_cedula(
    qtbot: QtBot, theme: Theme, catalog: Catalog
) -> None:
    view = review_of(qtbot, theme, catalog, IdType.PASSPORT)
    assert "Cédula" not in view.requirements.titles()
    assert "Código de identificación para extranjeros" not in view.requirements.text()


def test_the_signature_rule_is_read_without_a_tap_in_body_text(
    qtbot: QtBot, theme: Theme, catalog: Catalog
) -> None:
    view = review_of(qtbot, theme, catalog, IdType.CEDULA)
    signed = [w for w in view.requirements.detail_labels if "a mano" in w.text()]
    assert signed, "no detail says the documents are signed by hand"
    for words in signed:
        assert words.isVisible()
        assert words.property("role") not in ("small", "help")  # not small grey print
        assert words.font().pixelSize() >= theme.font_px("body")
    # Nothing to tap on this screen: no «Ver detalles», no boxes that look like checkboxes.
    assert view.findChildren(QAbstractButton) == []
    assert not any("☐" in t for t in texts(view))


def test_the_documents_follow_a_language_switch(
    qtbot: QtBot, theme: Theme, catalog: Catalog
) -> None:
    view = review_of(qtbot, theme, catalog, IdType.PASSPORT)
    draft = draft_for(catalog, IdType.PASSPORT)
    draft.language = Language.EN
    view.show_state(draft)
    assert view.requirements.titles()[1:3] == ["Passport", "Visa"]


# -- nothing cut: every orientation and text size, in a real shell ------------------------------

LAYOUT_MODES = [m for m in MODES if m.name.endswith(("plain", "large-text"))]


def _inside(outer: QRect, inner: QRect) -> bool:
    return outer.contains(inner.topLeft()) and outer.contains(inner.bottomRight())


def _rect_in(widget: QWidget, ancestor: QWidget) -> QRect:
    return QRect(widget.mapTo(ancestor, widget.rect().topLeft()), widget.size())


@pytest.mark.parametrize("mode", LAYOUT_MODES, ids=[m.name for m in LAYOUT_MODES])
def test_no_line_is_cut_unseen(qtbot: QtBot, qloop: object, catalog: Catalog, mode: Mode) -> None:
    """Each scrolling part either shows all it holds or says "Deslice para ver más" over
    its bottom edge; scrolled to the end, the last line is whole and the cue gone."""
    shell: KioskShell = staged_shell(qtbot, mode, catalog)
    shell.show_step(Step.REVIEW, (9, 9), can_back=True)
    settle()
    view = shell.view(Step.REVIEW)
    assert isinstance(view, ReviewView)
    view.show_review(draft_for(catalog, IdType.PASSPORT), catalog, "es")
    settle()
    qtbot.waitUntil(view.isVisible)
    areas = view.findChildren(CuedScroll)
    assert areas
    assert view.documents in areas
    for cued in areas:
        viewport = cued.area.viewport()
        content = cued.area.widget()
        assert content is not None
        lines = [w for w in content.findChildren(QLabel) if w.isVisibleTo(content) and w.text()]
        last = max(lines, key=lambda w: _rect_in(w, content).bottom())
        if cued.more_below():
            assert cued.cue.isVisible()
            assert cued.cue.text() == "▼ Deslice para ver más"
            cue = _rect_in(cued.cue, cued)
            assert cue.bottom() == _rect_in(cued.area, cued).bottom()
            assert cue.height() >= cued.cue.fontMetrics().height()
            bar = cued.area.verticalScrollBar()
            assert bar.isVisible()  # a scroll bar as well as the words
            bar.setValue(bar.maximum())
            settle()
        assert not cued.cue.isVisible()
        assert _inside(viewport.rect(), _rect_in(last, viewport)), f"{last.text()!r} is cut"
    # The shell around keeps the action bar on the screen.
    assert shell.next_button.isVisible()
    assert _inside(shell.rect(), _rect_in(shell.next_button, shell))


def test_the_landscape_review_puts_the_booking_beside_the_documents(
    qtbot: QtBot, qloop: object, catalog: Catalog
) -> None:
    """In landscape the list ran below the fold, cut mid-line, under the booking's rows."""
    for geometry, beside in ((LANDSCAPE, True), (PORTRAIT, False)):
        theme = Theme(geometry)
        view = ReviewView(theme)
        view.setStyleSheet(theme.stylesheet())
        view.resize(geometry.width_px - 60, geometry.height_px - 500)
        qtbot.addWidget(view)
        view.show()
        view.show_review(draft_for(catalog, IdType.CEDULA), catalog, "es")
        settle()
        summary = _rect_in(view.summary, view)
        documents = _rect_in(view.documents, view)
        if beside:
            assert summary.right() < documents.left()
        else:
            assert summary.bottom() < documents.top()
