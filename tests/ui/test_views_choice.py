"""Province, procedure, agency and schedule screens, fed with the demo catalogue."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from kiosk.backend.parse import parse_catalog
from kiosk.domain.flow import Draft
from kiosk.domain.models import Catalog, Day, Slot
from kiosk.tour import bring_into_view
from kiosk.ui.theme import Theme
from kiosk.views.agency import AgencyView
from kiosk.views.procedure import ProcedureView
from kiosk.views.province import ProvinceView
from kiosk.views.schedule import ScheduleView
from turnos.demo_catalog import demo_catalog

PORTRAIT_BODY = (1016, 1500)
ZONE = ZoneInfo("America/Guayaquil")


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
    # Pending layouts first, and a list scrolled to the row, as a finger needs it in sight.
    QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    bring_into_view(widget.window(), widget)
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def test_province_list_with_search(qtbot: QtBot, theme: Theme, catalog: Catalog) -> None:
    view = ProvinceView(theme)
    shown(qtbot, view, theme)
    view.set_provinces(catalog.provinces, "es")
    assert len(view.list.buttons()) == len(catalog.provinces)
    titles = [b.item.title for b in view.list.buttons()]
    assert titles.index("Cañar") < titles.index("Carchi")  # Spanish order, not code points
    assert not view.is_valid()
    assert view.list.search.isVisible()
    # Typing on the on-screen keyboard, without accents, still finds "Bolívar".
    qtbot.mouseClick(view.list.search, Qt.MouseButton.LeftButton)
    assert view.list.keyboard.isVisible()
    for key in "bolivar":
        click(qtbot, view.list.keyboard.key(key))
    code = next(p.code for p in catalog.provinces if p.name.es == "Bolívar")
    assert view.list.visible_keys() == [code]
    with qtbot.waitSignal(view.changed):
        click(qtbot, view.list.button(code))
    assert not view.list.keyboard.isVisible()  # choosing closes the keyboard
    assert view.is_valid()
    assert view.value() == code
    assert view.list.button(code).text().startswith("✓")
    for key in "xyz":
        click(qtbot, view.list.keyboard.key(key))
    assert view.list.visible_keys() == []
    assert "No encontramos" in view.list.empty.text()


def type_on_keyboard(qtbot: QtBot, view: ProvinceView, text: str) -> None:
    """As a finger does: open the keyboard by the search field, then one key per letter."""
    if not view.list.keyboard.isVisible():
        click(qtbot, view.list.search)
    for key in text:
        click(qtbot, view.list.keyboard.key("space" if key == " " else key))


@pytest.mark.parametrize(
    ("typed", "province", "city"),
    [
        ("quito", "Pichincha", "Quito"),
        ("guayaquil", "Guayas", "Guayaquil"),
        ("CUENCA", "Azuay", "Cuenca"),
        ("manta", "Manabí", "Manta"),
        ("tulcan", "Carchi", "Tulcán"),  # no accent on the kiosk's keyboard
        ("lago agrio", "Sucumbíos", "Lago Agrio"),
    ],
)
def test_a_province_is_found_by_its_city(
    qtbot: QtBot, theme: Theme, catalog: Catalog, typed: str, province: str, city: str
) -> None:
    view = ProvinceView(theme)
    shown(qtbot, view, theme)
    view.set_provinces(catalog.provinces, "es")
    if typed.islower():
        type_on_keyboard(qtbot, view, typed)
    else:
        view.list.search.setText(typed)  # as pasted in capitals: the case does not matter
    code = next(p.code for p in catalog.provinces if p.name.es == province)
    assert view.list.visible_keys() == [code]
    button = view.list.button(code)
    lines = [line.strip() for line in button.text().splitlines()]
    assert lines == [f"○  {province}", city]  # the city that found it, under its name
    click(qtbot, button)
    qtbot.waitUntil(view.is_valid)  # the list's scroller hands the tap on a moment later
    assert view.value() == code
    # Without a search, the rows show the provinces' names alone.
    view.list.search.clear()
    assert len(button.text().splitlines()) == 1


def test_cities_are_searched_from_the_start_of_their_words(
    qtbot: QtBot, theme: Theme, catalog: Catalog
) -> None:
    view = ProvinceView(theme)
    shown(qtbot, view, theme)
    view.set_provinces(catalog.provinces, "es")
    type_on_keyboard(qtbot, view, "sa")  # two letters: provinces' names only
    assert all(not view.list.button(k).found_by for k in view.list.visible_keys())
    type_on_keyboard(qtbot, view, "n")  # "san": San Miguel, Sangolquí, … not "Pasaje"
    view.resize(PORTRAIT_BODY[0], PORTRAIT_BODY[1] - 400)  # a list longer than its room
    found = {k: view.list.button(k).found_by for k in view.list.visible_keys()}
    assert found["02"] == "San Miguel"
    assert found["17"] == "Sangolquí"
    assert found["07"] == "Santa Rosa"
    assert "Pasaje" not in found.values()  # "sa" inside a word finds nothing
    # More rows than the list's room: each keeps both of its lines whole, and scrolls.
    for _ in range(3):
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    assert view.list.scroll.verticalScrollBar().maximum() > 0
    for key in found:
        button = view.list.button(key)
        assert button.height() >= button.sizeHint().height(), key


def test_a_province_is_still_found_by_its_own_name(
    qtbot: QtBot, theme: Theme, catalog: Catalog
) -> None:
    view = ProvinceView(theme)
    shown(qtbot, view, theme)
    view.set_provinces(catalog.provinces, "es")
    view.list.search.setText("santo domingo")
    codes = view.list.visible_keys()
    assert codes == ["23"]
    assert len(view.list.button("23").text().splitlines()) == 1  # its name matched: no city


def test_a_search_that_hides_the_choice_drops_it(
    qtbot: QtBot, theme: Theme, catalog: Catalog
) -> None:
    view = ProvinceView(theme)
    shown(qtbot, view, theme)
    view.set_provinces(catalog.provinces, "es")
    type_on_keyboard(qtbot, view, "pichi")
    click(qtbot, view.list.button("17"))
    qtbot.waitUntil(view.is_valid)  # the list's scroller hands the tap on a moment later
    # Another search that still shows the choice keeps it.
    view.list.search.clear()
    assert view.value() == "17"
    # One that hides it drops it, and says so to the shell (Siguiente goes off).
    with qtbot.waitSignal(view.changed):
        type_on_keyboard(qtbot, view, "guayas")
    assert "17" not in view.list.visible_keys()
    assert not view.is_valid()
    assert view.list.value() is None
    view.list.search.clear()
    assert not view.list.button("17").isChecked()  # back in sight, not chosen behind the back


def test_province_language_switch_keeps_the_choice(
    qtbot: QtBot, theme: Theme, catalog: Catalog
) -> None:
    view = ProvinceView(theme)
    shown(qtbot, view, theme)
    view.set_provinces(catalog.provinces, "es")
    click(qtbot, view.list.button("17"))
    qtbot.waitUntil(view.is_valid)  # the list's scroller hands the tap on a moment later
    view.set_provinces(catalog.provinces, "en")
    assert view.value() == "17"
    view.clear()
    assert not view.is_valid()
    view.show_state(Draft(province_code="09"))
    assert view.value() == "09"


def test_procedures_of_the_province(qtbot: QtBot, theme: Theme, catalog: Catalog) -> None:
    view = ProcedureView(theme)
    shown(qtbot, view, theme)
    offered = catalog.procedures_in("17")
    view.set_procedures(offered, "es")
    assert [b.item.key for b in view.list.buttons()] == [p.code for p in offered]
    assert not view.list.search.isVisible()  # a short list needs no search
    click(qtbot, view.list.button(offered[0].code))
    assert view.value() == offered[0].code
    view.set_procedures(offered, "en")
    assert view.list.button(offered[0].code).item.title == offered[0].name.en


def test_agencies_show_their_address(qtbot: QtBot, theme: Theme, catalog: Catalog) -> None:
    view = AgencyView(theme)
    shown(qtbot, view, theme)
    procedure = catalog.procedures_in("17")[0].code
    agencies = catalog.agencies_for("17", procedure)
    view.set_agencies(agencies, "es")
    first = agencies[0]
    button = view.list.button(str(first.id))
    flat = " ".join(button.text().split())
    assert first.name.es in flat
    assert first.address.es in flat
    assert "08:00 a 17:00" in flat
    assert button.width() >= button.fontMetrics().horizontalAdvance(first.name.es)
    click(qtbot, button)
    assert view.value() == first.id
    view.show_state(Draft(agency_id=agencies[-1].id))
    assert view.value() == agencies[-1].id


# -- schedule --------------------------------------------------------------------------------

DEC_1 = dt.date(2026, 12, 1)  # a Tuesday


def _days() -> list[Day]:
    return [
        Day(DEC_1, 4),
        Day(DEC_1 + dt.timedelta(days=1), 0),  # full
        Day(DEC_1 + dt.timedelta(days=2), 2),
        Day(dt.date(2027, 1, 4), 5),  # next month
    ]


def _slots(day: dt.date) -> list[Slot]:
    start = dt.datetime.combine(day, dt.time(8, 0), ZONE)
    return [
        Slot(f"slot-{i}", start + dt.timedelta(minutes=20 * i), start, 1 if i != 2 else 0)
        for i in range(5)
    ]


def test_the_month_marks_free_and_full_days(qtbot: QtBot, theme: Theme) -> None:
    view = ScheduleView(theme)
    shown(qtbot, view, theme)
    view.set_days(_days())
    calendar = view.calendar
    assert calendar.month_label.text() == "Diciembre de 2026"
    free, full = calendar.cell(DEC_1), calendar.cell(DEC_1 + dt.timedelta(days=1))
    assert "✓" in free.text()
    assert free.isEnabled()
    assert "Lleno" in full.text()
    assert not full.isEnabled()
    assert not calendar.cell(dt.date(2026, 12, 5)).isEnabled()  # not offered
    assert not calendar.prev_month.isEnabled()
    assert calendar.next_month.isEnabled()
    click(qtbot, calendar.next_month)
    assert calendar.month_label.text() == "Enero de 2027"
    assert "✓" in calendar.cell(dt.date(2027, 1, 4)).text()


def test_a_day_then_an_hour(qtbot: QtBot, theme: Theme) -> None:
    view = ScheduleView(theme)
    shown(qtbot, view, theme)
    view.set_days(_days())
    day = DEC_1 + dt.timedelta(days=2)
    with qtbot.waitSignal(view.day_chosen) as chosen:
        click(qtbot, view.calendar.cell(day))
    assert chosen.args == [day]
    assert not view.is_valid()
    view.set_slots(_slots(day))
    assert view.hours.keys() == ["slot-0", "slot-1", "slot-3", "slot-4"]  # full one left out
    assert view.hours.button("slot-1").text() == "08:20"
    assert "3 de diciembre" in view.hours_caption.text()
    with qtbot.waitSignal(view.changed):
        click(qtbot, view.hours.button("slot-1"))
    assert view.is_valid()
    assert view.value().id == "slot-1"
    # Another day drops the hour chosen on the first one.
    click(qtbot, view.calendar.cell(DEC_1))
    assert not view.is_valid()


def test_a_day_without_places_offers_the_next_one(qtbot: QtBot, theme: Theme) -> None:
    view = ScheduleView(theme)
    shown(qtbot, view, theme)
    view.set_days(_days())
    click(qtbot, view.calendar.cell(DEC_1))
    view.set_slots(_slots(DEC_1))
    view.set_no_places(dt.date(2027, 1, 4))
    assert "No hay turnos este día" in view.no_places.text()
    assert "4 de enero" in view.no_places.text()
    assert view.hours.keys() == []
    assert view.next_day_button.isVisible()
    with qtbot.waitSignal(view.day_chosen) as chosen:
        click(qtbot, view.next_day_button)
    assert chosen.args == [dt.date(2027, 1, 4)]
    assert view.calendar.selected() == dt.date(2027, 1, 4)
    assert view.calendar.month_label.text() == "Enero de 2027"
    view.set_no_places(None)
    assert not view.next_day_button.isVisible()
    assert "Elija otro día" in view.no_places.text()
    view.clear()
    assert view.calendar.selected() is None
    assert not view.no_places.isVisible()


def test_filling_the_agencies_again_and_again_makes_no_new_objects(
    qtbot: QtBot, theme: Theme, catalog: Catalog
) -> None:
    """Issue 15: every fill made a DateWords per opening-hours line, parented to the view and
    so never freed while the kiosk ran."""
    from kiosk.ui.date_words import DateWords

    view = AgencyView(theme)
    qtbot.addWidget(view)
    view.set_agencies(list(catalog.agencies), "es")
    before = len(view.findChildren(DateWords))
    for _ in range(5):
        view.set_agencies(list(catalog.agencies), "es")
    assert len(view.findChildren(DateWords)) == before == 1
