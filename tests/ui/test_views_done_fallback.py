"""The done screen and the printer fallback tell the whole turn: code, day and hour in words,
agency and address (never translated), this person's documents, where the slip comes out or
the QR to photograph, and the masked address the confirmation also went to."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

from kiosk.backend.parse import parse_catalog
from kiosk.domain.flow import Step
from kiosk.domain.ids import IdType
from kiosk.domain.models import Agency, Catalog, Language, Localized
from kiosk.ui.theme import Theme
from kiosk.views._turn import draft_facts, turn_facts
from kiosk.views.done import DoneView
from kiosk.views.printing import QR_MM, PrintingView
from tests.ui.test_views_booking import (
    EMAIL,
    TOKEN,
    _confirmation,
    _decode,
    shown,
    texts,
)
from tests.ui.test_views_review_documents import EXPECTED, draft_for
from tests.ui.test_views_sizes import MODES, Mode, settle, staged_shell
from turnos.demo_catalog import demo_catalog

MASKED = "m•••@gmail.com"
WHEN = "Jueves 3 de diciembre de 2026, a las 09:00"


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return parse_catalog(demo_catalog())


def agency_of(catalog: Catalog) -> Agency:
    agency = catalog.agency(_confirmation(catalog, "b-1", "CP-001").booking.agency_id)
    assert agency is not None
    return agency


def done_for(
    qtbot: QtBot, theme: Theme, catalog: Catalog, id_type: IdType, email: str | None = EMAIL
) -> DoneView:
    view = DoneView(theme)
    shown(qtbot, view, theme)
    conf = _confirmation(catalog, "b-1", "CP-001")
    view.show_confirmation(conf, catalog, "es", document_type=id_type.value, email=email)
    return view


def fallback_for(
    qtbot: QtBot, theme: Theme, catalog: Catalog, id_type: IdType, email: str | None = EMAIL
) -> PrintingView:
    view = PrintingView(theme)
    shown(qtbot, view, theme)
    facts = turn_facts(_confirmation(catalog, "b-1", "CP-001"), catalog, id_type.value, email)
    view.show_turn(facts, "es")
    view.show_failed(facts.token, emailed=email is not None)
    return view


# -- done --------------------------------------------------------------------------------------


def test_done_names_the_turn_the_agency_and_where_the_email_went(
    qtbot: QtBot, theme: Theme, catalog: Catalog
) -> None:
    view = done_for(qtbot, theme, catalog, IdType.CEDULA)
    agency = agency_of(catalog)
    assert view.turn.code.text() == "CP-001"
    assert view.turn.when.text() == WHEN
    assert view.turn.agency.text() == agency.name.es
    assert view.turn.address.text() == agency.address.es
    assert view.slip.text() == "↓ Retire su comprobante en la ranura de abajo."
    assert view.emailed.text() == f"También le enviamos la confirmación al correo {MASKED}."
    assert view.emailed.isVisible()
    assert not any(EMAIL in t for t in texts(view))  # the address only masked
    # The code is the largest text on the screen.
    assert view.turn.code.font().pixelSize() > theme.font_px("title")


@pytest.mark.parametrize("id_type", list(EXPECTED), ids=[t.value for t in EXPECTED])
def test_done_lists_this_persons_documents(
    qtbot: QtBot, theme: Theme, catalog: Catalog, id_type: IdType
) -> None:
    view = done_for(qtbot, theme, catalog, id_type)
    assert view.bring.documents.titles() == EXPECTED[id_type]
    # "con su cédula original" told a passport holder to bring what they do not have.
    assert not any("cédula original" in t for t in texts(view))


def test_done_without_an_email_says_nothing_of_one(
    qtbot: QtBot, theme: Theme, catalog: Catalog
) -> None:
    view = done_for(qtbot, theme, catalog, IdType.CEDULA, email=None)
    assert not view.emailed.isVisible()
    assert view.emailed.text() == ""


def test_the_controllers_facts_come_from_the_draft(catalog: Catalog) -> None:
    """What `_enter` hands to the done and fallback screens: the draft's document and email,
    and no address for a reprint (its email went out when it was booked)."""
    draft = draft_for(catalog, IdType.PASSPORT)
    assert draft_facts(draft, catalog) is None  # nothing booked yet
    conf = _confirmation(catalog, "b-1", "CP-001")
    booked = dataclasses.replace(draft, confirmation=conf)
    facts = draft_facts(booked, catalog)
    assert facts is not None
    assert [r.title.es for r in facts.requirements] == [
        t.removeprefix("Si es artesano calificado: ") for t in EXPECTED[IdType.PASSPORT]
    ]
    assert facts.masked_email == MASKED
    assert facts.agency == agency_of(catalog)
    assert TOKEN not in repr(facts)
    assert EMAIL not in repr(facts)
    reprint = dataclasses.replace(booked, existing=(conf,))
    again = draft_facts(reprint, catalog)
    assert again is not None
    assert again.masked_email is None


def test_addresses_and_names_stay_as_written_in_english(
    qtbot: QtBot, theme: Theme, catalog: Catalog
) -> None:
    """A service may send an English address ("100 Ficticia Street", which is no street
    anyone can find): the screens show the name and the address as written in Spanish."""
    agency = agency_of(catalog)
    translated = dataclasses.replace(
        agency,
        name=Localized(agency.name.es, "Demo agency Quito Centre"),
        address=Localized(agency.address.es, "100 Ficticia Street, Quito"),
    )
    english = dataclasses.replace(
        catalog,
        agencies=tuple(translated if a.id == agency.id else a for a in catalog.agencies),
    )
    view = DoneView(theme)
    shown(qtbot, view, theme)
    conf = _confirmation(catalog, "b-1", "CP-001")
    view.show_confirmation(conf, english, Language.EN, document_type="passport", email=EMAIL)
    assert view.turn.address.text() == agency.address.es
    assert view.turn.agency.text() == agency.name.es
    assert view.bring.documents.titles()[1:3] == ["Passport", "Visa"]  # the documents do translate


# -- the printer fallback ------------------------------------------------------------------------


def test_the_fallback_names_code_day_hour_and_agency_beside_the_qr(
    qtbot: QtBot, theme: Theme, catalog: Catalog
) -> None:
    view = fallback_for(qtbot, theme, catalog, IdType.PASSPORT)
    agency = agency_of(catalog)
    assert view.failed_shown()
    assert "Su turno está reservado" in view.help_text()
    for widget, text in (
        (view.turn.code, "CP-001"),
        (view.turn.when, WHEN),
        (view.turn.agency, agency.name.es),
        (view.turn.address, agency.address.es),
    ):
        assert widget.text() == text
        assert widget.isVisible()
    assert view.bring.documents.titles() == EXPECTED[IdType.PASSPORT]
    assert view.emailed.text() == f"También le enviamos la confirmación al correo {MASKED}."
    assert _decode(view.qr) == TOKEN
    assert min(view.qr.width(), view.qr.height()) >= theme.px(QR_MM)


def test_the_fallback_without_an_email_still_gives_the_turn(
    qtbot: QtBot, theme: Theme, catalog: Catalog
) -> None:
    view = fallback_for(qtbot, theme, catalog, IdType.CEDULA, email=None)
    assert view.turn.code.text() == "CP-001"
    assert not view.emailed.isVisible()
    view.clear()
    assert view.turn.code.text() == ""
    assert view.bring.documents.titles() == []


# -- both screens fit, in every orientation and text size --------------------------------------

FIT_MODES = [m for m in MODES if m.name.endswith(("plain", "large-text"))]


@pytest.mark.parametrize("mode", FIT_MODES, ids=[m.name for m in FIT_MODES])
def test_done_and_fallback_show_the_turn_whole_on_the_screen(
    qtbot: QtBot, qloop: object, catalog: Catalog, mode: Mode
) -> None:
    shell = staged_shell(qtbot, mode, catalog)
    facts = turn_facts(_confirmation(catalog, "b-1", "CP-001"), catalog, "passport", EMAIL)
    done = shell.view(Step.DONE)
    printing = shell.view(Step.PRINT)
    assert isinstance(done, DoneView)
    assert isinstance(printing, PrintingView)
    done.show_turn(facts, "es")
    printing.show_turn(facts, "es")
    printing.show_failed(facts.token, emailed=True)
    for step, view in ((Step.DONE, done), (Step.PRINT, printing)):
        shell.show_step(step, None, can_back=False)
        shell.refresh_actions()
        settle()
        QCoreApplication.processEvents()
        settle()
        assert shell.scroll.verticalScrollBar().maximum() == 0, f"{step} scrolls"
        must_see = [view.turn.code, view.turn.when, view.turn.agency, view.turn.address]
        must_see += [view.emailed]
        if step is Step.DONE:
            must_see.append(done.slip)
        else:
            must_see += [printing.retry, printing.qr]
        for widget in must_see:
            assert widget.isVisible()
            region = widget.visibleRegion().boundingRect()
            assert region.size() == widget.size(), f"{step}: {widget.objectName()} is cut"
            if hasattr(widget, "heightForWidth") and hasattr(widget, "wordWrap"):
                assert widget.heightForWidth(widget.width()) <= widget.height() + 1
        # The documents: all of them, or the cue saying there is more.
        assert view.bring.isVisible()
        assert view.bring.cue.isVisible() == view.bring.more_below()
