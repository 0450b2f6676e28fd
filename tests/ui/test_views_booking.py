"""Review, printing, done and existing-turn screens; the wipe of every screen; language switch."""

from __future__ import annotations

import datetime as dt
import subprocess
from collections.abc import Iterator
from pathlib import Path
from xml.sax.saxutils import escape
from zoneinfo import ZoneInfo

import pytest
import zxingcpp
from PIL import Image
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from kiosk.backend.parse import parse_catalog
from kiosk.domain.contact import Channel
from kiosk.domain.flow import Draft
from kiosk.domain.ids import IdType, parse_id
from kiosk.domain.models import Booking, Catalog, Confirmation, Day, Hold, Language, Slot
from kiosk.ui.step_view import StepView
from kiosk.ui.theme import Theme
from kiosk.views._turn import turn_facts
from kiosk.views.agency import AgencyView
from kiosk.views.code import CodeView
from kiosk.views.contact import ContactView
from kiosk.views.done import DoneView
from kiosk.views.existing import ExistingView
from kiosk.views.identify import IdentifyView
from kiosk.views.printing import PrintingView
from kiosk.views.procedure import ProcedureView
from kiosk.views.province import ProvinceView
from kiosk.views.review import ReviewView
from kiosk.views.schedule import ScheduleView
from kiosk.views.welcome import WelcomeView
from turnos.demo_catalog import demo_catalog

REPO = Path(__file__).resolve().parents[2]
PORTRAIT_BODY = (1016, 1500)
ZONE = ZoneInfo("America/Guayaquil")
CEDULA = "1710034065"
EMAIL = "maria.perez@gmail.com"
MOBILE_E164 = "+593991234678"
TOKEN = "TRN1:" + "Q" * 150  # stands in for a signed token: the QR must carry it unchanged


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return parse_catalog(demo_catalog())


def shown(qtbot: QtBot, view: QWidget, theme: Theme) -> None:
    view.setStyleSheet(theme.stylesheet())
    view.resize(*PORTRAIT_BODY)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)


def click(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def texts(root: QWidget) -> Iterator[str]:
    for edit in root.findChildren(QLineEdit):
        yield edit.text()
    for widget in root.findChildren(QLabel):
        yield widget.text()
    for button in root.findChildren(QAbstractButton):
        yield button.text()


def _slot(catalog: Catalog) -> Slot:
    start = dt.datetime(2026, 12, 3, 9, 0, tzinfo=ZONE)
    return Slot("slot-9", start, start + dt.timedelta(minutes=20), 1)


def _draft(catalog: Catalog) -> Draft:
    procedure = catalog.procedures_in("17")[0]
    agency = catalog.agencies_for("17", procedure.code)[0]
    slot = _slot(catalog)
    return Draft(
        language=Language.ES,
        document=parse_id(IdType.CEDULA, CEDULA),
        citizen_ref="citizen-1",
        masked_name="M••• P•••",
        email=EMAIL,
        phone=MOBILE_E164,
        channel=Channel.EMAIL,
        verification_id="v-1",
        session_token="session-1",
        province_code="17",
        procedure_code=procedure.code,
        agency_id=agency.id,
        day=slot.start.date(),
        slot=slot,
        hold=Hold("hold-1", slot, slot.start),
    )


def _confirmation(
    catalog: Catalog, booking_id: str, code: str, days_later: int = 0
) -> Confirmation:
    draft = _draft(catalog)
    assert draft.slot is not None
    assert draft.agency_id is not None
    assert draft.procedure_code
    start = draft.slot.start + dt.timedelta(days=days_later)
    booking = Booking(
        booking_id,
        code,
        draft.agency_id,
        draft.procedure_code,
        start,
        start + dt.timedelta(minutes=20),
        "M••• P•••",
        "17••••••65",
    )
    return Confirmation(booking, TOKEN)


# -- review ----------------------------------------------------------------------------------


def test_review_shows_everything_masked(qtbot: QtBot, theme: Theme, catalog: Catalog) -> None:
    view = ReviewView(theme)
    shown(qtbot, view, theme)
    draft = _draft(catalog)
    view.show_review(draft, catalog, "es")
    values = {key: label.text() for key, label in view.values.items()}
    assert values["id"] == "17••••••65"
    assert values["email"] == "m•••@gmail.com"
    assert values["phone"] == "09•••••678"
    assert values["date"] == "Jueves 3 de diciembre de 2026"
    assert values["time"] == "09:00"
    procedure = catalog.procedure(draft.procedure_code or "")
    assert procedure is not None
    assert values["procedure"] == procedure.name.es
    needed = procedure.requirements_for("cedula")
    for requirement in needed:
        assert requirement.title.es in view.requirements.text()
    # The foreigners' alternatives to the cédula are left out for a cédula holder.
    for requirement in set(procedure.requirements) - set(needed):
        assert requirement.title.es not in view.requirements.text()
    assert len(needed) < len(procedure.requirements)
    # The catalogue's "Cédula" is the document to show: no line of the kiosk's own repeats it.
    assert "o el documento con el que se identificó" not in view.requirements.text()
    for text in texts(view):
        assert CEDULA not in text
        assert EMAIL not in text
        assert "991234678" not in text
    assert view.next_label() == "Confirmar"


def test_the_hold_counts_down_and_then_blocks_confirming(qtbot: QtBot, theme: Theme) -> None:
    view = ReviewView(theme)
    shown(qtbot, view, theme)
    view.set_hold_countdown(300)
    assert "5:00" in view.hold.text()
    assert view.is_valid()
    with qtbot.waitSignal(view.changed, timeout=3000):
        view.set_hold_countdown(1)
    qtbot.waitUntil(lambda: not view.is_valid(), timeout=3000)
    assert "elija otra hora" in view.error.text()
    view.set_printer_problem("La impresora no tiene papel. Le enviaremos la confirmación.")
    assert view.printer_problem.isVisible()


# -- printing and done -------------------------------------------------------------------------


def _decode(widget: QWidget) -> str:
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_Grayscale8)
    width, height = image.width(), image.height()
    data = bytes(image.constBits())[: image.bytesPerLine() * height]
    picture = Image.frombuffer("L", (width, height), data, "raw", "L", image.bytesPerLine(), 1)
    found = zxingcpp.read_barcodes(picture, formats=zxingcpp.BarcodeFormat.QRCode)
    assert found, "no QR code on the screen"
    # The slip's and the email's own symbol (kiosk.domain.qr_matrix): error level Q.
    assert found[0].ec_level == "Q", f"the screen's QR is level {found[0].ec_level}"
    return found[0].text


def test_printing_then_the_qr_fallback(qtbot: QtBot, theme: Theme) -> None:
    view = PrintingView(theme)
    shown(qtbot, view, theme)
    view.show_printing()
    assert not view.is_valid()
    assert view.next_label() == ""
    assert "Imprimiendo" in view.printing_words.text()
    view.show_failed(TOKEN, emailed=True)
    assert view.is_valid()
    assert view.next_label() == "Terminar"
    assert view.title() == "No pudimos imprimir su comprobante"
    assert "correo" in view.emailed.text()
    assert _decode(view.qr) == TOKEN  # a phone camera reads exactly the token
    assert view.qr.width() >= theme.px(90.0)
    with qtbot.waitSignal(view.retry_requested):
        click(qtbot, view.retry)
    view.show_failed(TOKEN, emailed=False)
    assert not view.emailed.isVisible()
    view.clear()
    assert view.qr.modules() == 0
    assert not view.failed_shown()


def test_done_tells_what_to_do_next(qtbot: QtBot, theme: Theme, catalog: Catalog) -> None:
    view = DoneView(theme)
    shown(qtbot, view, theme)
    conf = _confirmation(catalog, "b-1", "A-017")
    view.show_confirmation(conf, catalog, "es", document_type="cedula", email=EMAIL)
    assert view.title() == "Su turno está reservado"
    assert view.turn.code.text() == "A-017"
    assert view.bring.caption.text() == "Preséntese 10 minutos antes con:"
    assert "Cédula" in view.bring.documents.titles()
    assert view.turn.when.text() == "Jueves 3 de diciembre de 2026, a las 09:00"
    agency = catalog.agency(conf.booking.agency_id)
    assert agency is not None
    assert view.turn.address.text() == agency.address.es
    assert view.slip.text() == "↓ Retire su comprobante en la ranura de abajo."
    view.clear()
    assert view.turn.code.text() == ""
    assert view.turn.address.text() == ""
    assert view.bring.documents.titles() == []


# -- existing turns ----------------------------------------------------------------------------


def test_existing_turns_reprint_and_cancel(qtbot: QtBot, theme: Theme, catalog: Catalog) -> None:
    view = ExistingView(theme)
    shown(qtbot, view, theme)
    first = _confirmation(catalog, "b-1", "A-017")
    later = _confirmation(catalog, "b-2", "B-004", days_later=7)
    view.set_bookings([later, first], catalog, "es")
    assert [c.booking_id for c in view.cards()] == ["b-1", "b-2"]  # soonest first
    assert view.card("b-2").code.text() == "B-004"
    with qtbot.waitSignal(view.reprint_requested) as reprint:
        click(qtbot, view.reprint_button("b-1"))
    assert reprint.args == ["b-1"]
    card = view.card("b-2")
    with qtbot.assertNotEmitted(view.cancel_requested):
        click(qtbot, card.cancel_button)  # the first tap only asks
    assert card.confirming()
    assert card.keep_button.isVisible()
    click(qtbot, card.keep_button)
    assert not card.confirming()
    click(qtbot, card.cancel_button)
    with qtbot.waitSignal(view.cancel_requested) as cancel:
        click(qtbot, card.cancel_button)
    assert cancel.args == ["b-2"]
    view.set_bookings([], catalog, "es")
    assert view.empty.isVisible()
    assert view.next_label() == "Reservar otro turno"


def test_a_turn_at_an_agency_this_kiosk_does_not_serve_is_shown_but_not_printed(
    qtbot: QtBot, theme: Theme, catalog: Catalog
) -> None:
    """A kiosk limited to some agencies lists a citizen's turn elsewhere without its agency:
    it can be cancelled, and says where its slip is printed instead of offering a reprint."""
    view = ExistingView(theme)
    shown(qtbot, view, theme)
    turn = _confirmation(catalog, "b-9", "C-021")
    scoped = Catalog(
        catalog.provinces,
        catalog.procedures,
        tuple(a for a in catalog.agencies if a.id != turn.booking.agency_id),
    )
    view.set_bookings([turn], scoped, "es")
    card = view.card("b-9")
    assert not card.reprint_button.isVisible()
    assert card.where.text() == "En otra agencia. Su comprobante se imprime allí."
    click(qtbot, card.cancel_button)
    with qtbot.waitSignal(view.cancel_requested) as cancel:
        click(qtbot, card.cancel_button)
    assert cancel.args == ["b-9"]


# -- the wipe ----------------------------------------------------------------------------------


def test_clear_leaves_no_personal_value_in_any_view(
    qtbot: QtBot, theme: Theme, catalog: Catalog
) -> None:
    """What the idle wipe and "Empezar de nuevo" rely on, screen by screen."""
    draft = _draft(catalog)
    conf = _confirmation(catalog, "b-1", "A-017")
    views: list[StepView] = []

    def add(view: StepView) -> StepView:
        shown(qtbot, view, theme)
        views.append(view)
        return view

    identify = add(IdentifyView(theme))
    assert isinstance(identify, IdentifyView)
    for key in CEDULA:
        click(qtbot, identify.keypad.key(key))
    contact = add(ContactView(theme))
    assert isinstance(contact, ContactView)
    contact.accept_notice()
    contact.email.setText(EMAIL)
    contact.phone.setText("0991234678")
    code = add(CodeView(theme))
    assert isinstance(code, CodeView)
    code.show_state(draft)
    for key in "654321":
        click(qtbot, code.keypad.key(key))
    for view_type in (ProvinceView, ProcedureView, AgencyView, ScheduleView, WelcomeView):
        add(view_type(theme)).show_state(draft)
    schedule = views[-2]
    assert isinstance(schedule, ScheduleView)
    schedule.set_days([Day(draft.day or dt.date.today(), 3)])
    schedule.set_slots([_slot(catalog)])
    review = add(ReviewView(theme))
    assert isinstance(review, ReviewView)
    review.show_review(draft, catalog, "es")
    review.set_hold_countdown(200)
    printing = add(PrintingView(theme))
    assert isinstance(printing, PrintingView)
    printing.show_turn(turn_facts(conf, catalog, "cedula", EMAIL), "es")
    printing.show_failed(TOKEN, emailed=True)
    done = add(DoneView(theme))
    assert isinstance(done, DoneView)
    done.show_confirmation(conf, catalog, "es", document_type="cedula", email=EMAIL)
    existing = add(ExistingView(theme))
    assert isinstance(existing, ExistingView)
    existing.set_bookings([conf], catalog, "es")

    personal = (
        CEDULA,
        "17••••••65",
        EMAIL,
        "m•••@gmail.com",
        "0991234678",
        "09•••••678",
        "654321",
        "M••• P•••",
        "A-017",
        TOKEN,
    )
    # Every view that takes or shows personal data holds some before the wipe: a view left
    # empty here would pass the check below without proving anything.
    for view in (identify, contact, review, printing, done, existing):
        shown_values = [p for t in texts(view) for p in personal if p in t]
        assert shown_values, f"{type(view).__name__} showed nothing personal before clear()"
    assert code.value() == "654321"  # one digit a box: no text above holds the whole code
    assert printing.qr.modules() > 0
    assert review.hold_seconds_left() > 0
    for view in views:
        view.clear()
    for view in views:
        for text in texts(view):
            for value in personal:
                assert value not in text, f"{type(view).__name__} keeps a personal value"
    assert isinstance(printing, PrintingView)
    assert printing.qr.modules() == 0
    assert review.hold_seconds_left() == 0
    assert code.value() == ""


# -- language switch ---------------------------------------------------------------------------

_ENGLISH = {
    "IdentifyView": {
        "Escriba su número de cédula": "Type your ID card number",
        "Cédula": "ID card",
        "Consultar": "Look up",
    },
    "DateWords": {"diciembre": "December", "{month} de {year}": "{month} {year}"},
    "Keyboard": {"espacio": "space"},
    "PrivacyView": {"Leer todo": "Read it all"},
}


def _ts(contexts: dict[str, dict[str, str]]) -> str:
    body = "".join(
        f"<context><name>{name}</name>"
        + "".join(
            f"<message><source>{escape(src)}</source>"
            f"<translation>{escape(dst)}</translation></message>"
            for src, dst in messages.items()
        )
        + "</context>"
        for name, messages in contexts.items()
    )
    return f'<?xml version="1.0" encoding="utf-8"?><TS version="2.1" language="en">{body}</TS>'


@pytest.fixture
def english(tmp_path: Path, qapp: QCoreApplication) -> Iterator[QTranslator]:
    ts = tmp_path / "views_en.ts"
    ts.write_text(_ts(_ENGLISH), encoding="utf-8")
    qm = tmp_path / "views_en.qm"
    lrelease = REPO / ".venv" / "bin" / "pyside6-lrelease"
    subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(qm)], check=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    yield translator
    QCoreApplication.removeTranslator(translator)


def test_a_language_switch_retranslates_the_open_views(
    qtbot: QtBot, theme: Theme, english: QTranslator
) -> None:
    identify = IdentifyView(theme)
    schedule = ScheduleView(theme)
    contact = ContactView(theme)
    for view in (identify, schedule, contact):
        shown(qtbot, view, theme)
    schedule.set_days([Day(dt.date(2026, 12, 1), 3)])
    assert identify.type_buttons[IdType.CEDULA].text() == "✓ Cédula"
    QCoreApplication.installTranslator(english)
    qtbot.waitUntil(lambda: identify.type_buttons[IdType.CEDULA].text() == "✓ ID card")
    assert identify.title() == "Type your ID card number"
    assert identify.next_label() == "Look up"
    qtbot.waitUntil(lambda: schedule.calendar.month_label.text() == "December 2026")
    qtbot.waitUntil(lambda: contact.privacy.read_all.text() == "Read it all")
    QCoreApplication.removeTranslator(english)
    qtbot.waitUntil(lambda: identify.title() == "Escriba su número de cédula")
    qtbot.waitUntil(lambda: schedule.calendar.month_label.text() == "Diciembre de 2026")


# -- theme variants --------------------------------------------------------------------------

ALL_VIEWS: list[type[StepView]] = [
    WelcomeView,
    IdentifyView,
    ContactView,
    CodeView,
    ProvinceView,
    ProcedureView,
    AgencyView,
    ScheduleView,
    ReviewView,
    PrintingView,
    DoneView,
    ExistingView,
]


@pytest.mark.parametrize("landscape", [False, True])
def test_every_view_takes_the_large_text_and_contrast_variants(
    qtbot: QtBot, landscape: bool
) -> None:
    """The shell's header toggles call view.set_theme(); sizes must follow the new variant."""
    from tests.ui.conftest import LANDSCAPE, PORTRAIT

    theme = Theme(LANDSCAPE if landscape else PORTRAIT)
    large = theme.variant(large_text=True, high_contrast=True)
    for view_type in ALL_VIEWS:
        view = view_type(theme)
        shown(qtbot, view, theme)
        assert view.title()
        set_theme = getattr(view, "set_theme", None)
        assert callable(set_theme), view_type.__name__
        view.setStyleSheet(large.stylesheet())
        set_theme(large)
    code = CodeView(theme)
    shown(qtbot, code, theme)
    before = code.boxes.boxes[0].styleSheet()
    code.set_theme(large)
    assert f"font-size: {large.font_px('title')}px" in code.boxes.boxes[0].styleSheet()
    assert code.boxes.boxes[0].styleSheet() != before
