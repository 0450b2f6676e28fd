"""Switch access: a whole booking with Tab and Enter alone, as a citizen with two switches (one
moves, one selects) makes it, against the real turn service on loopback.

The test presses only Tab and Enter, on whatever has the focus (QApplication.focusWidget()), and
finds how many Tabs a control is away by reading what is focused after each one (its words or
spoken name), as a person looks at the ring or listens to a screen reader. After every Tab it
checks that the focus is on a shown, enabled control inside the window, and that a ring is
drawn around it: the pixels around the control with and without the focus differ, and the ring
stands out 3:1 from the page and from the control's own fill.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLineEdit,
    QScrollArea,
    QScrollBar,
    QWidget,
)
from sqlalchemy import select

from kiosk.domain.flow import Step
from kiosk.domain.ids import IdType
from kiosk.printing.file_printer import FilePrinter
from kiosk.tour.citizen import wait_until
from kiosk.ui.switch_access import ring_widths
from kiosk.ui.theme import contrast_ratio
from turnos import models
from turnos.embedded import EmbeddedService, start_embedded
from turnos.outbox import latest_code

pytestmark = pytest.mark.slow

MakeKiosk = Callable[..., tuple[Any, Any, Any]]
MARGIN = 6  # pixels of the page grabbed around a control


def spoken(widget: QWidget | None) -> str:
    """What a screen reader says of a control: its name, else its words."""
    if widget is None:
        return ""
    if widget.accessibleName():
        return widget.accessibleName()
    if isinstance(widget, QAbstractButton):
        return widget.text()
    if isinstance(widget, QLineEdit):
        return widget.objectName()
    return widget.objectName()


def hex_of(image: QImage, x: int, y: int) -> str:
    return QColor(image.pixel(x, y)).name()


@dataclass
class Look:
    """The pixels around one focused control, taken when it got the focus."""

    widget: QWidget
    rect: QRect  # in the window
    image: QImage


class SwitchUser:
    """Presses Tab and Enter only, on the focused control; checks the focus after each Tab."""

    def __init__(self, kiosk: Any, patience_ms: int = 20_000) -> None:
        self.kiosk = kiosk
        self.shell = kiosk.shell
        self.patience_ms = patience_ms
        self.tabs = 0
        self.enters = 0
        self.rings_checked = 0
        self._last: Look | None = None

    # -- the two switches ------------------------------------------------------------------------

    def focused(self) -> QWidget | None:
        return QApplication.focusWidget()

    def _press(self, key: Qt.Key) -> None:
        target = self.focused() or self.shell
        QTest.keyClick(target, key)
        QApplication.processEvents()

    def tab(self) -> QWidget:
        before = self._last
        self._press(Qt.Key.Key_Tab)
        self.tabs += 1
        widget = self.focused()
        self.check_focus(widget)
        assert widget is not None
        if before is not None and before.widget is not widget:
            self._check_ring(before)
        self._last = self._look(widget)
        return widget

    def enter(self) -> None:
        self._press(Qt.Key.Key_Return)
        self.enters += 1
        self._last = None  # the control may change on its press: no "without focus" look

    # -- finding by looking ----------------------------------------------------------------------

    def tab_to(self, wanted: Callable[[QWidget], bool], what: str, limit: int = 400) -> QWidget:
        """Tab until the focused control is the wanted one (at most `limit` Tabs)."""
        widget = self.focused()
        seen: list[str] = []
        for _ in range(limit):
            if widget is not None and wanted(widget):
                return widget
            widget = self.tab()
            seen.append(spoken(widget))
        raise AssertionError(f"{what} not reached in {limit} Tabs; saw {seen[-30:]}")

    def press(self, wanted: Callable[[QWidget], bool], what: str) -> None:
        self.tab_to(wanted, what)
        self.enter()

    def press_named(self, name: str) -> None:
        self.press(lambda w: spoken(w) == name, repr(name))

    def press_starting(self, words: str) -> None:
        self.press(lambda w: spoken(w).strip().startswith(words), repr(words))

    def press_next(self) -> None:
        """The screen's primary action, found by its words (Siguiente, Consultar, ...)."""
        view = self.shell.current_view()
        self.press_named(view.next_label())

    def type_on_keys(self, keys: QWidget, text: str, *, words: tuple[str, ...] = ()) -> None:
        """Type `text` on the on-screen keys of `keys` (a keyboard or keypad), one key a time."""
        i = 0
        while i < len(text):
            chunk = next((w for w in words if text.startswith(w, i)), text[i])
            self.press(
                lambda w, c=chunk: keys.isAncestorOf(w) and spoken(w) == c, f"the key {chunk!r}"
            )
            i += len(chunk)

    def wait(self, condition: Callable[[], Any], what: str) -> None:
        wait_until(condition, self.patience_ms, what)

    def at(self, step: Step) -> None:
        controller = self.kiosk.controller
        self.wait(
            lambda: controller.flow.current is step and not controller.busy, f"the {step.name}"
        )
        QApplication.processEvents()

    # -- what each Tab must give ------------------------------------------------------------------

    def check_focus(self, widget: QWidget | None) -> None:
        """On a shown, enabled control inside the window and every scroll area around it."""
        assert widget is not None, "the focus left the window"
        assert widget.window() is self.shell, f"the focus left the window for {widget!r}"
        assert widget.isVisible(), f"focus on a hidden {spoken(widget)!r}"
        assert widget.isEnabled(), f"focus on a disabled {spoken(widget)!r}"
        rect = QRect(widget.mapTo(self.shell, QPoint(0, 0)), widget.size())
        assert self.shell.rect().contains(rect), f"{spoken(widget)!r} lies outside the window"
        parent = widget.parentWidget()
        while parent is not None:
            if isinstance(parent, QScrollArea):
                viewport = parent.viewport()
                seen = QRect(viewport.mapTo(self.shell, QPoint(0, 0)), viewport.size())
                assert seen.contains(rect), f"{spoken(widget)!r} is scrolled out of sight"
            parent = parent.parentWidget()
        overlays = [o for o in self.shell.overlays() if o.isVisible()]
        if overlays:
            assert any(o.isAncestorOf(widget) for o in overlays), (
                f"{spoken(widget)!r} is under an overlay"
            )

    def _beside(self, rect: QRect) -> set[str]:
        """The sides of `rect` (in the window) with a control or a scroll bar just outside."""
        mid = rect.center()
        points = {
            "left": QPoint(rect.left() - 3, mid.y()),
            "right": QPoint(rect.right() + 3, mid.y()),
            "top": QPoint(mid.x(), rect.top() - 3),
            "bottom": QPoint(mid.x(), rect.bottom() + 3),
        }
        return {side for side, p in points.items() if _other_control(self.shell.childAt(p))}

    def _look(self, widget: QWidget) -> Look:
        rect = QRect(widget.mapTo(self.shell, QPoint(0, 0)), widget.size())
        grown = rect.adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN)
        return Look(widget, rect, self.shell.grab(grown).toImage())

    def _check_ring(self, focused: Look) -> None:
        """`focused` was taken with the focus on it; now it has none: compare."""
        widget = focused.widget
        if not widget.isVisible():
            return
        now = self._look(widget)
        if now.rect != focused.rect:
            return  # it moved (a list scrolled): nothing to compare with
        assert_ring(
            focused.image, now.image, self.shell.theme, spoken(widget), self._beside(now.rect)
        )
        self.rings_checked += 1


def _other_control(widget: QWidget | None) -> bool:
    return isinstance(widget, (QAbstractButton, QLineEdit, QScrollBar))


def assert_ring(
    with_focus: QImage, without: QImage, theme: Any, name: str, beside: set[str]
) -> None:
    """A ring inside the control's edge (kiosk/ui/switch_access.py), seen on each side:
    - its outer edge stands out 3:1 against the page just outside the control;
    - its inner edge stands out 3:1 against the control's own fill just inside it;
    - at least 2 pixels across it change 3:1 from the same control without the focus (WCAG 2.2
      focus appearance), whatever border the control had.
    `beside`: the sides where another control or a scroll bar lies right outside, not the page."""
    outer_w, inner_w = ring_widths(theme)
    thick = outer_w + inner_w
    w, h = with_focus.width(), with_focus.height()
    mid_x, mid_y = w // 2, h // 2
    sides = {
        "left": lambda d: (MARGIN + d, mid_y),
        "right": lambda d: (w - 1 - MARGIN - d, mid_y),
        "top": lambda d: (mid_x, MARGIN + d),
        "bottom": lambda d: (mid_x, h - 1 - MARGIN - d),
    }
    # The fill near the top left corner, past the ring and the corner's curve: words are
    # centred or indented, never there.
    fill = hex_of(with_focus, MARGIN + thick + 2, MARGIN + thick + 2)
    for side, at in sides.items():
        outside = hex_of(with_focus, *at(-3))
        edge = hex_of(with_focus, *at(1))
        assert side in beside or contrast_ratio(edge, outside) >= 3.0, (
            f"{name}: the ring's {side} edge {edge} on the page {outside}"
        )
        inner = hex_of(with_focus, *at(thick - 1))
        assert contrast_ratio(inner, fill) >= 3.0, (
            f"{name}: the ring's {side} inner edge {inner} on the control {fill}"
        )
        changed = sum(
            contrast_ratio(hex_of(with_focus, *at(d)), hex_of(without, *at(d))) >= 3.0
            for d in range(thick)
        )
        assert changed >= 2, f"{name}: on its {side} the focus changes {changed} pixels"


@pytest.fixture(scope="module")
def switch_service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmbeddedService]:
    """A demo service of this module's own: its bookings take no hour another module's tests
    count on."""
    service = start_embedded(tmp_path_factory.mktemp("turnos-switch"), demo=True)
    try:
        yield service
    finally:
        service.stop()


def bookings_at_service(service: EmbeddedService, code: str) -> list[tuple[str, str, str]]:
    """(state, masked id, local date) of each booking with the turn `code`."""
    with service.context.db.transaction() as session:
        rows = session.scalars(select(models.Booking).where(models.Booking.code == code))
        return [(r.state, r.masked_id, r.local_date) for r in rows]


# --- the booking -------------------------------------------------------------------------------


def test_a_whole_booking_with_tab_and_enter_alone(
    make_kiosk: MakeKiosk, switch_service: EmbeddedService, tmp_path: Path
) -> None:
    printer = FilePrinter(tmp_path / "printed")
    kiosk, _driver, _clock = make_kiosk(
        switch_service.url,
        switch_service.credentials["kiosk_token"],
        switch_service.outbox,
        printer=printer,
    )
    shell = kiosk.shell
    shell.activateWindow()
    wait_until(lambda: QApplication.activeWindow() is shell, 5000, "the kiosk's window active")
    user = SwitchUser(kiosk)
    user.wait(lambda: kiosk.controller.catalog is not None, "the catalogue")
    user.at(Step.WELCOME)

    user.press_named("Empezar en español")
    user.at(Step.IDENTIFY)
    identify = shell.view(Step.IDENTIFY)
    assert user.focused() is identify.edit  # the screen starts in its field
    user.type_on_keys(identify.keypad, "1710034065")
    assert identify.edit.text() == "1710034065"
    user.press_next()  # Consultar

    user.at(Step.CONTACT)
    contact = shell.view(Step.CONTACT)
    if contact.notice_shown():
        user.press_starting("Entendido")
        user.wait(lambda: not contact.notice_shown(), "the contact form")
    email, phone = "switch.user@gmail.com", "0991234567"
    user.tab_to(lambda w: w is contact.email, "the e-mail field")
    user.type_on_keys(contact.keyboard, email, words=("gmail.com",))
    assert contact.email_text() == email
    user.tab_to(lambda w: w is contact.phone, "the phone field")
    user.type_on_keys(contact.keypad, phone)
    assert contact.phone.text() == phone
    user.press_next()

    user.at(Step.VERIFY_CODE)
    code_view = shell.view(Step.VERIFY_CODE)
    user.type_on_keys(code_view.keypad, latest_code(switch_service.outbox, email))
    user.press_next()

    for step, title in (
        (Step.PROVINCE, "Pichincha"),
        (Step.PROCEDURE, None),
        (Step.AGENCY, None),
    ):
        user.at(step)
        rows = shell.view(step).list
        wanted = title or rows.buttons()[0].item.title
        user.press(
            lambda w, rows=rows, t=wanted: rows.isAncestorOf(w) and t in spoken(w), repr(wanted)
        )
        user.wait(shell.view(step).is_valid, f"{wanted} chosen")
        user.press_next()

    user.at(Step.SCHEDULE)
    schedule = shell.view(Step.SCHEDULE)
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    open_days = [d.date for d in kiosk.controller.days if d.available and d.date >= tomorrow]
    assert open_days, "the demo service has no free day"
    day_name = schedule.calendar.cell(open_days[0]).accessibleName()
    while schedule.calendar.shown_month() != open_days[0].replace(day=1):
        user.press_named("Mes siguiente")
    user.press_named(day_name)
    user.wait(lambda: bool(schedule.hours.keys()) and not kiosk.controller.busy, "the hours")
    first_hour = schedule.hours.button(schedule.hours.keys()[0])
    user.press(lambda w: w is first_hour, "the first hour")
    user.wait(schedule.is_valid, "the hour chosen")
    user.press_next()

    user.at(Step.REVIEW)
    user.press_next()  # Confirmar
    user.at(Step.DONE)

    confirmation = kiosk.controller.flow.draft.confirmation
    assert confirmation is not None
    booked = bookings_at_service(switch_service, confirmation.booking.code)
    assert [(state, masked[:2]) for state, masked, _ in booked] == [(models.ACTIVE, "17")]
    assert booked[0][2] == open_days[0].isoformat()
    assert printer.last_path is not None
    assert printer.last_path.read_bytes().startswith(b"%PDF")
    assert user.rings_checked > 50
    print(f"switch booking: {user.tabs} Tabs, {user.enters} Enters")

    user.press_next()  # Terminar
    user.at(Step.WELCOME)
    assert kiosk.controller.flow.draft.personal_fields_empty()
    assert not shell.switch_access.active  # the next citizen may use the touch screen


# --- every screen: Tab goes round, never stuck --------------------------------------------------


def tappable(shell: Any) -> set[QWidget]:
    """Every control a finger could use now: shown, enabled buttons and fields in the top layer
    (the overlay, else the window without its overlays)."""
    shown = [o for o in shell.overlays() if o.isVisible()]
    roots = shown[-1:] if shown else [shell]
    found: set[QWidget] = set()
    for root in roots:
        for widget in root.findChildren(QWidget):
            if not isinstance(widget, (QAbstractButton, QLineEdit)):
                continue
            if not (widget.isVisible() and widget.isEnabled()):
                continue
            if not shown and any(o.isAncestorOf(widget) for o in shell.overlays()):
                continue
            found.add(widget)
    return found


def tab_round(user: SwitchUser, what: str, limit: int = 200) -> list[QWidget]:
    """Tab until the focus comes back to where the round began; every control a finger could
    use must have been on the way."""
    start = user.tab()
    seen = [start]
    for _ in range(limit):
        widget = user.tab()
        if widget is start:
            break
        seen.append(widget)
    else:
        raise AssertionError(f"{what}: Tab did not come round in {limit} presses")
    missed = tappable(user.shell) - set(seen)
    assert not missed, f"{what}: Tab never reaches {sorted(spoken(w) for w in missed)}"
    assert len(set(seen)) == len(seen), f"{what}: a control comes twice in one round"
    return seen


def test_tab_goes_round_every_screen_and_overlay(
    make_kiosk: MakeKiosk, switch_service: EmbeddedService
) -> None:
    kiosk, driver, idle_clock = make_kiosk(
        switch_service.url, switch_service.credentials["kiosk_token"], switch_service.outbox
    )
    shell = kiosk.shell
    shell.activateWindow()
    wait_until(lambda: QApplication.activeWindow() is shell, 5000, "the kiosk's window active")
    user = SwitchUser(kiosk)
    rounds: dict[str, list[str]] = {}

    def round_here(name: str) -> None:
        QApplication.processEvents()
        rounds[name] = [spoken(w) for w in tab_round(user, name)]

    driver.wait_until(lambda: kiosk.controller.catalog is not None, 20_000, "the catalogue")
    assert user.focused() is None  # a touch screen shows no focus until a switch is used
    round_here("welcome")
    assert rounds["welcome"][0] == "Empezar en español"  # the first Tab: the first control
    driver.start()
    user.at(Step.IDENTIFY)
    assert user.focused() is shell.view(Step.IDENTIFY).edit
    round_here("identify")
    identify = shell.view(Step.IDENTIFY)
    # Reading order: the document types, the field, its keys, the action bar, the header's.
    names = rounds["identify"]
    first = next(i for i, name in enumerate(names) if name.endswith("Cédula"))
    names = names[first:] + names[:first]  # the round began on the field: from the top
    assert names.index("idNumber") == 3  # after the three document types
    assert names[4:16] == [*"123456789", "Borrar", "0", "Listo"]
    assert names[16:18] == ["◀ Atrás", "Empezar de nuevo"]
    assert names.index("◀ Atrás") > names.index("Listo")
    driver.tap(identify.type_buttons[IdType.PASSPORT])  # a passport: the keyboard
    round_here("identify, passport")
    driver.tap(identify.type_buttons[IdType.CEDULA])
    driver.identify("1713175071")  # another citizen than the booking test's
    user.at(Step.CONTACT)
    contact = shell.view(Step.CONTACT)
    if contact.notice_shown():
        round_here("privacy notice")
        driver.accept_notice()
    round_here("contact, e-mail")
    driver.tap(contact.phone)
    round_here("contact, phone")
    driver.fill_contact("round.trip@gmail.com", "0997654321")
    driver.next()
    driver.settle()
    user.at(Step.VERIFY_CODE)
    round_here("code")

    # The overlays take the focus and keep it: Tab goes round their buttons only.
    shell.notice.present_notice("Aviso", "Un aviso de prueba.")
    user.wait(lambda: user.focused() is shell.notice.ok_button, "the focus on the notice")
    round_here("notice")
    user.enter()  # Entendido
    user.wait(lambda: not shell.notice.isVisible(), "the notice gone")
    user.wait(lambda: shell.view(Step.VERIFY_CODE).isAncestorOf(user.focused()), "the focus back")
    wait = kiosk.idle.tracker.next_change_in()
    assert wait is not None
    idle_clock.advance(wait)
    kiosk.idle.timer.start(0)
    user.wait(shell.idle_warning.isVisible, "the idle warning")
    user.wait(lambda: user.focused() is shell.idle_warning.yes_button, "the focus on «Sí»")
    round_here("idle warning")
    assert set(rounds["idle warning"]) == {"Sí, continuar", "No, terminar"}
    user.tab_to(lambda w: w is shell.idle_warning.yes_button, "«Sí, continuar»")
    user.enter()
    user.wait(lambda: not shell.idle_warning.isVisible(), "the warning gone")
    assert user.kiosk.controller.flow.current is Step.VERIFY_CODE

    driver.enter_code(driver.latest_code("round.trip@gmail.com"))
    for step in (Step.PROVINCE, Step.PROCEDURE, Step.AGENCY):
        user.at(step)
        round_here(step.name.lower())
        if step is Step.PROVINCE:  # Enter on the search field opens its keyboard after it
            choices = shell.view(step).list
            user.press(lambda w, c=choices: w is c.search, "the search field")
            assert choices.keyboard.isVisible()
            round_here("province, search keyboard")
            names = rounds["province, search keyboard"]
            at = names.index("search")
            assert [*names[at:], *names[:at]][1:4] == ["1", "2", "3"]
        driver.choose(step, "17" if step is Step.PROVINCE else None)
    user.at(Step.SCHEDULE)
    round_here("schedule")
    driver.pick_day()
    round_here("schedule, hours")
    hours = shell.view(Step.SCHEDULE).hours.keys()
    driver.pick_hour(hours[-1])  # the booking test may have taken the first
    driver.next()
    driver.settle()
    user.at(Step.REVIEW)
    round_here("review")
    driver.next()
    user.at(Step.DONE)
    round_here("done")

    shell.error.present()
    user.wait(lambda: user.focused() is shell.error.restart_button, "the focus on the error")
    round_here("error")
    assert rounds["error"] == [shell.error.restart_button.text()]
    assert user.rings_checked > 100


# --- the ring in every theme ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("orientation", "high_contrast", "large_text"),
    [
        ("portrait", False, False),
        ("portrait", True, False),
        ("portrait", False, True),
        ("landscape", True, True),
        ("landscape", False, False),
    ],
)
def test_the_ring_shows_on_every_control_in_every_theme(
    qtbot: Any, qloop: Any, orientation: str, high_contrast: bool, large_text: bool
) -> None:
    from types import SimpleNamespace

    from kiosk.tour import LANDSCAPE, PORTRAIT
    from kiosk.ui.shell import KioskShell
    from kiosk.ui.theme import Theme
    from kiosk.views.contact import ContactView
    from kiosk.views.identify import IdentifyView
    from kiosk.views.welcome import WelcomeView

    geometry = PORTRAIT if orientation == "portrait" else LANDSCAPE
    base = Theme(geometry)
    shell = KioskShell(base, brand_name="Turnos")
    shell.setFixedSize(geometry.width_px, geometry.height_px)
    for view_class in (WelcomeView, IdentifyView, ContactView):
        shell.add_view(view_class(base))
    qtbot.addWidget(shell)
    shell.set_theme(base.variant(high_contrast=high_contrast, large_text=large_text))
    shell.show()
    shell.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is shell)
    user = SwitchUser(SimpleNamespace(shell=shell))
    for step in (Step.WELCOME, Step.IDENTIFY, Step.CONTACT):
        shell.show_step(step, (1, 9), can_back=step is not Step.WELCOME)
        view = shell.view(step)
        if isinstance(view, ContactView):
            view.show_form()
        tab_round(user, f"{step.name.lower()} ({orientation}, {shell.theme})")
    # Every control of the contact form had its ring looked at (keys, fields, the SMS choice).
    assert user.rings_checked > 60
