"""The schedule screen's month: each day's state in words, the service's booking window, sizes
a citizen can read and touch, and nothing that moves under the finger.

Fed with hand-made `Availability` values, as the service sends them (see
tests/ui/test_calendar_service.py for the month against the real service).
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from kiosk.domain.flow import Step
from kiosk.domain.models import Availability, Day, DayState, Language, Localized, Slot
from kiosk.ui.calendar import MonthCalendar
from kiosk.ui.day_cell import DayCell, split_in_two
from kiosk.ui.i18n import TRANSLATIONS_DIR, LanguageSwitcher
from kiosk.ui.pseudo_locale import PSEUDO_CODE
from kiosk.ui.shell import KioskShell
from kiosk.ui.theme import Theme
from kiosk.views.schedule import ScheduleView
from tests.ui.conftest import LANDSCAPE, PORTRAIT

ZONE = ZoneInfo("America/Guayaquil")
GEOMETRY = {"portrait": PORTRAIT, "landscape": LANDSCAPE}

DEC_1 = dt.date(2026, 12, 1)  # a Tuesday
CHRISTMAS = dt.date(2026, 12, 25)  # a Friday
SATURDAY = dt.date(2026, 12, 5)
LAST_BOOKABLE = dt.date(2026, 12, 28)  # a Monday: the 29th to the 31st are not open yet


def availability(last_bookable: dt.date = LAST_BOOKABLE, days: int = 60) -> Availability:
    """From 1 December 2026 (the service's today), as the service answers: weekends and
    Christmas closed, the 2nd full, past `last_bookable` not open, the other days open."""
    out = []
    for i in range(days):
        day = DEC_1 + dt.timedelta(days=i)
        if day == CHRISTMAS:
            out.append(Day(day, 0, DayState.CLOSED, Localized("Navidad", "Christmas Day")))
        elif day.isoweekday() >= 6:
            out.append(Day(day, 0, DayState.CLOSED))
        elif day > last_bookable:
            out.append(Day(day, 0, DayState.NOT_OPEN))
        elif day == DEC_1 + dt.timedelta(days=1):
            out.append(Day(day, 0, DayState.FULL))
        else:
            out.append(Day(day, 5, DayState.OPEN))
    return Availability(tuple(out), last_bookable)


def settle() -> None:
    for _ in range(4):
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)


def staged(qtbot: QtBot, orientation: str = "portrait", *, large: bool = False) -> ScheduleView:
    """The schedule screen in a real shell the size of the kiosk's screen."""
    geometry = GEOMETRY[orientation]
    base = Theme(geometry)
    shell = KioskShell(base, brand_name="Turnos")
    shell.setFixedSize(geometry.width_px, geometry.height_px)
    view = ScheduleView(base)
    shell.add_view(view)
    qtbot.addWidget(shell)
    # As the header's toggle does: the variant arrives after the view exists.
    shell.set_theme(base.variant(large_text=large))
    shell.show()
    shell.show_step(Step.SCHEDULE, (8, 9), can_back=True)
    qtbot.waitExposed(shell)
    settle()
    return view


def shell_of(view: ScheduleView) -> KioskShell:
    shell = view.window()
    assert isinstance(shell, KioskShell)
    return shell


def click(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
    settle()


def slots(day: dt.date, count: int = 9) -> list[Slot]:
    start = dt.datetime.combine(day, dt.time(8, 0), ZONE)
    return [
        Slot(f"{day}-{i}", start + dt.timedelta(minutes=20 * i), start, 1) for i in range(count)
    ]


# --- states ----------------------------------------------------------------------------------


def test_each_day_says_what_it_is_in_words(qtbot: QtBot) -> None:
    view = staged(qtbot)
    view.set_availability(availability())
    settle()
    calendar = view.calendar
    assert calendar.month_label.text() == "Diciembre de 2026"
    words = {
        DEC_1: "✓ Libre",
        DEC_1 + dt.timedelta(days=1): "Lleno",
        SATURDAY: "Cerrado",
        SATURDAY + dt.timedelta(days=1): "Cerrado",
        CHRISTMAS: "Cerrado",
        LAST_BOOKABLE: "✓ Libre",
        LAST_BOOKABLE + dt.timedelta(days=1): "Aún no",
        dt.date(2026, 12, 31): "Aún no",
    }
    for day, word in words.items():
        cell = calendar.cell(day)
        assert cell.word() == word, day
        assert cell.text() == f"{day.day}\n{word}"
        assert cell.isEnabled() is (word == "✓ Libre"), day
    # A closed day is never called full; its name is said under the month and to a reader.
    for closed in (SATURDAY, CHRISTMAS):
        assert "Lleno" not in calendar.cell(closed).text()
    assert "Cerrado el 25: Navidad." in calendar.notes.text()
    assert "Navidad" in calendar.cell(CHRISTMAS).accessibleName()
    assert "Se puede reservar hasta el lunes 28 de diciembre de 2026." in calendar.notes.text()
    calendar.set_language("en")  # the service's names come in both languages
    assert "Christmas Day" in calendar.notes.text()


def test_an_older_service_without_states_still_tells_free_from_full(qtbot: QtBot) -> None:
    view = staged(qtbot)
    view.set_days([Day(DEC_1, 3), Day(DEC_1 + dt.timedelta(days=1), 0)])
    calendar = view.calendar
    assert calendar.cell(DEC_1).word() == "✓ Libre"
    assert calendar.cell(DEC_1 + dt.timedelta(days=1)).word() == "Lleno"
    assert calendar.cell(DEC_1 + dt.timedelta(days=2)).word() == ""  # not spoken of
    assert not calendar.next_month.isEnabled()
    assert calendar.notes.text() == ""


def test_only_a_day_with_places_can_be_chosen(qtbot: QtBot) -> None:
    view = staged(qtbot)
    view.set_availability(availability())
    with qtbot.assertNotEmitted(view.day_chosen):
        for day in (SATURDAY, CHRISTMAS, DEC_1 + dt.timedelta(days=1), dt.date(2026, 12, 30)):
            click(qtbot, view.calendar.cell(day))
    assert view.calendar.selected() is None
    with qtbot.waitSignal(view.day_chosen) as chosen:
        click(qtbot, view.calendar.cell(DEC_1))
    assert chosen.args == [DEC_1]
    assert view.calendar.cell(DEC_1).isChecked()


# --- the window --------------------------------------------------------------------------------


def test_the_month_stops_at_the_services_window(qtbot: QtBot) -> None:
    view = staged(qtbot)
    view.set_availability(availability())  # 60 days asked, 28 bookable
    calendar = view.calendar
    assert calendar.shown_month() == DEC_1
    assert not calendar.prev_month.isEnabled()  # never before the service's today
    assert not calendar.next_month.isEnabled()  # January is past the window
    click(qtbot, calendar.next_month)
    assert calendar.shown_month() == DEC_1


def test_the_month_goes_as_far_as_the_last_bookable_day(qtbot: QtBot) -> None:
    view = staged(qtbot)
    view.set_availability(availability(last_bookable=dt.date(2027, 1, 6), days=75))
    calendar = view.calendar
    assert calendar.next_month.isEnabled()
    click(qtbot, calendar.next_month)
    assert calendar.month_label.text() == "Enero de 2027"
    assert calendar.cell(dt.date(2027, 1, 6)).word() == "✓ Libre"
    assert calendar.cell(dt.date(2027, 1, 7)).word() == "Aún no"
    assert not calendar.next_month.isEnabled()  # February: days sent, none bookable
    assert "miércoles 6 de enero de 2027" in calendar.notes.text()
    assert calendar.prev_month.isEnabled()
    click(qtbot, calendar.prev_month)
    assert calendar.shown_month() == DEC_1
    assert "Se puede reservar" not in calendar.notes.text()  # December has no such day


# --- sizes -------------------------------------------------------------------------------------


@pytest.mark.parametrize("orientation", ["portrait", "landscape"])
@pytest.mark.parametrize("large", [False, True], ids=["plain", "large-text"])
def test_days_are_readable_and_touchable(qtbot: QtBot, orientation: str, large: bool) -> None:
    view = staged(qtbot, orientation, large=large)
    view.set_availability(availability())
    settle()
    theme = Theme(GEOMETRY[orientation], large_text=large)
    mm = GEOMETRY[orientation].mm_per_px
    border = theme.px(1.0) + theme.border_px()  # the chosen day's frame
    for cell in view.calendar.cells():
        # The day's number as large as body text; its word no smaller than the guide's least.
        assert cell.number_font().pixelSize() >= theme.font_px("body")
        assert cell.word_font().pixelSize() >= theme.font_px("small")
        assert min(cell.width(), cell.height()) * mm >= 15.0 - 0.05
        assert cell.fontMetrics().horizontalAdvance(cell.word()) <= cell.width() - 2 * border
        assert cell.lines() == ((cell.word(),) if cell.word() else ())  # Spanish: one line
    # Six weeks (December takes five, the sixth row's room is kept) fit without scrolling.
    shell = shell_of(view)
    assert shell.scroll.verticalScrollBar().maximum() == 0
    assert shell.stack.width() <= shell.scroll.viewport().width()


def test_the_number_and_the_word_are_both_drawn(qtbot: QtBot) -> None:
    view = staged(qtbot)
    view.set_availability(availability())
    cell = view.calendar.cell(CHRISTMAS)
    image = cell.grab().toImage()

    def ink(top: int, bottom: int) -> int:
        return sum(
            1
            for y in range(top, bottom)
            for x in range(image.width())
            if image.pixelColor(x, y).lightness() < 128
        )

    middle = image.height() // 2
    assert ink(0, middle) > 20  # "25"
    assert ink(middle, image.height()) > 20  # "Cerrado"


def test_the_weekday_row_lines_up_with_the_days_in_landscape(qtbot: QtBot) -> None:
    view = staged(qtbot, "landscape")
    view.set_availability(availability())
    settle()
    calendar = view.calendar

    def centre(widget: QWidget) -> QPoint:
        return widget.mapTo(view, widget.rect().center())

    first_row_top = min(c.mapTo(view, QPoint(0, 0)).y() for c in calendar.cells())
    for column, initial in enumerate(calendar.initials):
        days = [c for c in calendar.cells() if c.date is not None and c.date.weekday() == column]
        for cell in days:
            assert abs(centre(cell).x() - centre(initial).x()) <= 1, (column, cell.date)
        bottom = initial.mapTo(view, QPoint(0, initial.height())).y()
        # Right above the first week (not floating half a screen higher).
        assert 0 <= first_row_top - bottom <= calendar.cell_layout.height // 2


# --- stillness and reuse -------------------------------------------------------------------------


def positions(view: ScheduleView) -> dict[str, QPoint]:
    settle()
    places = {f"cell-{i}": c.mapTo(view, QPoint(0, 0)) for i, c in enumerate(view.calendar.cells())}
    places["prev"] = view.calendar.prev_month.mapTo(view, QPoint(0, 0))
    places["next"] = view.calendar.next_month.mapTo(view, QPoint(0, 0))
    hours = view.hours.keys()  # a day's hours, in order: the n-th of each day compared
    for index, key in enumerate(hours):
        places[f"hour-{index}"] = view.hours.button(key).mapTo(view, QPoint(0, 0))
    return places


@pytest.mark.parametrize("orientation", ["portrait", "landscape"])
def test_nothing_moves_when_a_day_is_chosen_or_a_message_appears(
    qtbot: QtBot, orientation: str
) -> None:
    view = staged(qtbot, orientation)
    view.set_availability(availability())
    before = positions(view)
    click(qtbot, view.calendar.cell(DEC_1))
    view.set_slots(slots(DEC_1))
    with_hours = positions(view)
    assert {k: v for k, v in with_hours.items() if not k.startswith("hour")} == before
    click(qtbot, view.calendar.cell(dt.date(2026, 12, 23)))
    view.set_slots(slots(dt.date(2026, 12, 23)))
    assert positions(view) == with_hours  # another day: its hours where the first's were
    view.set_error("La hora que eligió ya no está libre. Elija otra hora.")
    assert positions(view) == with_hours
    view.set_error(None)
    view.set_no_places(dt.date(2026, 12, 28))
    assert {k: v for k, v in positions(view).items() if not k.startswith("hour")} == before


def test_a_month_refills_the_same_cells(qtbot: QtBot) -> None:
    view = staged(qtbot)
    calendar = view.calendar
    made = set(calendar.findChildren(DayCell))
    assert len(made) == 7 * MonthCalendar.WEEKS
    view.set_availability(availability(last_bookable=dt.date(2027, 1, 6), days=75))
    click(qtbot, calendar.next_month)
    view.clear()
    view.set_availability(availability())
    assert set(calendar.findChildren(DayCell)) == made
    assert len(calendar.cells()) == 31  # December's days; the rest of the grid kept empty


def test_fifty_fills_and_wipes_keep_the_cells_and_leave_nothing_behind(qtbot: QtBot) -> None:
    view = staged(qtbot)
    shell = shell_of(view)
    calendar = view.calendar
    later = availability(last_bookable=dt.date(2027, 1, 6), days=75)
    view.set_availability(availability())
    settle()
    cells = calendar.findChildren(DayCell)
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # earlier tests' windows
    objects = len(shell.findChildren(QObject))
    widgets = len(QApplication.allWidgets())
    for round_ in range(50):
        view.set_availability(later if round_ % 2 else availability())
        if round_ % 5 == 0:
            click(qtbot, calendar.next_month)
            click(qtbot, calendar.prev_month)
        view.clear()
    view.set_availability(availability())
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    settle()
    assert calendar.findChildren(DayCell) == cells  # the very same objects, in their places
    assert len(shell.findChildren(QObject)) == objects
    assert len(QApplication.allWidgets()) == widgets
    assert calendar.cell(DEC_1).word() == "✓ Libre"  # and they still show the month


def test_open_days_are_tab_stops_that_a_tap_does_not_focus(qtbot: QtBot) -> None:
    view = staged(qtbot)
    view.set_availability(availability())
    shell = shell_of(view)
    calendar = view.calendar
    assert all(c.focusPolicy() == Qt.FocusPolicy.TabFocus for c in calendar.cells())
    click(qtbot, calendar.cell(DEC_1))
    assert not calendar.cell(DEC_1).hasFocus()  # a finger chooses, the focus stays put
    # With the switches: Tab reaches the open days only, in order, and Enter chooses one.
    stops = [w for w in shell.switch_access.tab_stops() if isinstance(w, DayCell)]
    open_days = [c for c in calendar.cells() if c.state is DayState.OPEN]
    assert stops == open_days
    shell.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is shell)
    target = calendar.cell(DEC_1 + dt.timedelta(days=2))
    for _ in range(60):
        focused = QApplication.focusWidget() or shell
        if focused is target:
            break
        QTest.keyClick(focused, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is target
    with qtbot.waitSignal(view.day_chosen) as chosen:
        QTest.keyClick(target, Qt.Key.Key_Return)
    assert chosen.args == [DEC_1 + dt.timedelta(days=2)]
    assert target.hasFocus()  # the hours come; the focus stays on the day


# --- a longer language -----------------------------------------------------------------------


@pytest.fixture
def languages(qapp: QApplication) -> Iterator[LanguageSwitcher]:
    switcher = LanguageSwitcher(qapp, TRANSLATIONS_DIR)
    yield switcher
    switcher.uninstall()


def in_language(switcher: LanguageSwitcher, code: str) -> None:
    switcher.set_language(Language(code))
    QApplication.processEvents()  # Qt posts the LanguageChange events
    settle()


def ink_rows(cell: DayCell) -> list[int]:
    """The rows of the cell's picture with dark ink on them (its frame is grey)."""
    image = cell.grab().toImage()
    return [
        y
        for y in range(image.height())
        if any(image.pixelColor(x, y).lightness() < 100 for x in range(image.width()))
    ]


@pytest.mark.parametrize("large", [False, True], ids=["plain", "large-text"])
def test_a_longer_language_splits_the_words_and_the_month_fits_a_portrait_screen(
    qtbot: QtBot, languages: LanguageSwitcher, large: bool
) -> None:
    """Seven days of "[Çéŕŕáďö ·]" (40 % longer than "Cerrado") are wider than a portrait
    screen: the words go on two lines, the numbers keep their size, every cell stays a
    target, and the month stays on the screen."""
    view = staged(qtbot, "portrait", large=large)
    view.set_availability(availability())
    cells = view.calendar.findChildren(DayCell)
    in_language(languages, PSEUDO_CODE)
    shell = shell_of(view)
    assert shell.stack.width() <= shell.scroll.viewport().width()
    theme = Theme(PORTRAIT, large_text=large)
    mm = PORTRAIT.mm_per_px
    border = theme.px(1.0) + theme.border_px()
    closed = view.calendar.cell(CHRISTMAS)
    assert closed.word().startswith("[")  # the pseudo language is shown
    assert len(closed.lines()) == 2
    heights = set()
    for cell in view.calendar.cells():
        lines = cell.lines()
        # The word whole, only cut in two ("[✓" over "Ĺíƀŕé ·]"), nothing added (no hyphen).
        assert "".join(lines).replace(" ", "") == cell.word().replace(" ", ""), cell.date
        assert cell.date is not None
        assert cell.text() == "\n".join([str(cell.date.day), *lines])  # as a reader sees it
        for line in lines:
            assert cell.fontMetrics().horizontalAdvance(line) <= cell.width() - 2 * border
        assert cell.number_font().pixelSize() >= theme.font_px("body")
        assert cell.word_font().pixelSize() >= theme.font_px("small")
        assert min(cell.width(), cell.height()) * mm >= 15.0 - 0.05
        assert cell.accessibleName().count(cell.word().lstrip("✓ ")) == 1  # spoken whole
        heights.add(cell.height())
    assert len(heights) == 1  # the weeks stay in line
    # Drawn as shown: the number, then two lines of ink with a gap between each.
    rows = ink_rows(closed)
    bands = sum(1 for a, b in itertools.pairwise(rows) if b > a + 1) + 1
    assert bands == 3
    # The same 42 cells, and back in Spanish the words are whole again on one line.
    assert view.calendar.findChildren(DayCell) == cells
    in_language(languages, "es")
    assert view.calendar.cell(CHRISTMAS).lines() == ("Cerrado",)
    assert view.calendar.cell(CHRISTMAS).text() == "25\nCerrado"


def test_a_longer_language_keeps_one_line_in_landscape(
    qtbot: QtBot, languages: LanguageSwitcher
) -> None:
    """Landscape lacks height, not width: the month takes more of the width beside the
    hours, and no week grows by a line."""
    view = staged(qtbot, "landscape")
    view.set_availability(availability())
    in_language(languages, PSEUDO_CODE)
    shell = shell_of(view)
    assert shell.stack.width() <= shell.scroll.viewport().width()
    assert shell.scroll.verticalScrollBar().maximum() == 0
    for cell in view.calendar.cells():
        assert cell.lines() == ((cell.word(),) if cell.word() else ())
        assert cell.fontMetrics().horizontalAdvance(cell.word()) <= cell.width()


def test_a_word_is_split_at_a_space_and_else_between_letters_without_a_hyphen() -> None:
    font = QFont()
    font.setPixelSize(24)
    metrics = QFontMetrics(font)
    wide = metrics.horizontalAdvance("Wichqasqa kunan")
    assert split_in_two("Wichqasqa kunan", metrics, wide) == ("Wichqasqa", "kunan")
    assert split_in_two("✓ Libre", metrics, wide) == ("✓", "Libre")
    # Halves at the space still too wide: between letters, as even as can be.
    word = "Wichqasqa kunan"
    halves = split_in_two(word, metrics, metrics.horizontalAdvance("kunan"))
    assert halves is not None
    assert halves[0] != "Wichqasqa"  # not at the space: that half would not fit
    assert "".join(halves).replace(" ", "") == word.replace(" ", "")  # no hyphen, nothing lost
    for half in halves:
        assert metrics.horizontalAdvance(half) < 0.6 * metrics.horizontalAdvance(word)
    cerrado = split_in_two("Cerrado", metrics, 0)
    assert cerrado is not None
    assert "".join(cerrado) == "Cerrado"
    assert split_in_two("✓", metrics, 0) is None
