"""A citizen's finger on an assembled kiosk: the one driver of `kiosk tour` and the UI tests.

Every tap lands on a place of the window read from a look at it (kiosk/finger.py), before the
tap or, for a run of keys, before the typing; whatever is there now gets it. No control may
move while the citizen types (docs/architecture.md, "Nothing moves under the finger").

It waits on state, never on time, by turning Qt's event loop (QTest.qWait) until a condition
holds or a deadline passes: the kiosk's coroutines run on a qasync loop made with
`already_running=True`, which those turns drive. Nothing here needs pytest, so the tour runs it
inside the product.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kiosk.domain.flow import Step
from kiosk.finger import Finger

#: How long a screen may take to come after a call to the service (ms).
STEP_TIMEOUT_MS = 15000
#: How long the screen may take to answer a tap (ms).
TAP_TIMEOUT_MS = 5000


class CitizenStuckError(AssertionError):
    """The citizen could not go on: a screen did not come, a control was out of reach, or
    the finger landed elsewhere. An AssertionError, so that a test reports it as a failure."""


def _name(widget: Any) -> str:
    text = widget.text() if hasattr(widget, "text") else ""
    return str(widget.objectName() or text or type(widget).__name__)


def wait_until(
    condition: Callable[[], Any], timeout_ms: int = TAP_TIMEOUT_MS, what: str = ""
) -> None:
    """Turn the Qt event loop until `condition()` holds; CitizenStuckError after `timeout_ms`."""
    from PySide6.QtTest import QTest

    deadline = time.monotonic() + timeout_ms / 1000
    while not condition():
        if time.monotonic() > deadline:
            raise CitizenStuckError(
                f"timed out after {timeout_ms} ms waiting for {what or condition}"
            )
        QTest.qWait(10)


def pause(ms: int) -> None:
    """Let the Qt event loop turn for `ms` (layouts and paints settle before a photograph)."""
    from PySide6.QtTest import QTest

    QTest.qWait(ms)


def bring_into_view(window: Any, widget: Any) -> None:
    """Scroll every scroll area between `window` and `widget` so the widget is on screen."""
    Finger(window).scroll_to(widget)


class Citizen:
    """Taps, types and walks the steps of a booking on `kiosk` (kiosk.app.Kiosk); reads the
    verification codes from the demo service's `outbox`. Counts its taps and key presses.

    `patience_ms` is how long a screen may take to come after a call to the service."""

    def __init__(self, kiosk: Any, outbox: Path, *, patience_ms: int = STEP_TIMEOUT_MS) -> None:
        self.kiosk = kiosk
        self.outbox = outbox
        self.patience_ms = patience_ms
        self.shell = kiosk.shell
        self.controller = kiosk.controller
        self.finger = Finger(self.shell)
        self.key_presses = 0

    @property
    def taps(self) -> int:
        return self.finger.taps

    # --- waiting ------------------------------------------------------------------------------

    def wait_until(
        self, condition: Callable[[], Any], timeout: int = TAP_TIMEOUT_MS, what: str = ""
    ) -> None:
        """Until `condition()` holds, at most `timeout` ms."""
        wait_until(condition, timeout, what)

    def settle(self, timeout: int | None = None) -> None:
        """Until the kiosk has no call to the service under way."""
        self.wait_until(
            lambda: not self.controller.busy, timeout or self.patience_ms, "the kiosk to be idle"
        )

    def at(self, step: Step, timeout: int | None = None) -> None:
        """Until the kiosk shows `step` and is idle."""
        self.wait_until(
            lambda: self.controller.flow.current is step and not self.controller.busy,
            timeout or self.patience_ms,
            f"the {step.name.lower()} screen",
        )

    # --- the finger ---------------------------------------------------------------------------

    def view(self, step: Step) -> Any:
        return self.shell.view(step)

    def _in_reach(self, widget: Any) -> None:
        if not widget.isVisible():
            raise CitizenStuckError(f"{_name(widget)} is hidden")
        if not widget.isEnabled():
            raise CitizenStuckError(f"{_name(widget)} is disabled")
        if not self.finger.reachable(widget):
            # Below the fold of a long screen (or of the hours): the citizen scrolls first.
            self.finger.scroll_to(widget)
            self.wait_until(lambda: self.finger.reachable(widget), what=f"{_name(widget)} in reach")

    def _hit(self, widget: Any, point: Any, doing: str, hold_ms: int = 0) -> None:
        hit = self.finger.tap_at(point, hold_ms=hold_ms)
        if not (hit is widget or (hit is not None and widget.isAncestorOf(hit))):
            raise CitizenStuckError(f"{doing}: the finger on {_name(widget)!r} landed on {hit!r}")

    def steady_look(self, timeout_ms: int = 2000) -> Any:
        """Where every control is once the screen has stopped changing, as a person looks
        before typing: a screen that has just come (a notice gone, a field tapped, the words
        of another language) may finish its layout over a few turns of the loop, and the eye
        sees only the end of that. The places are compared without grabbing the window until
        they hold (a grab of a large window took most of the time on a loaded machine, and a
        layout that settled in two passes was reported as "kept changing")."""
        from PySide6.QtCore import QCoreApplication

        deadline = time.monotonic() + timeout_ms / 1000
        sight = self.finger.look(grab=False)
        while True:
            QCoreApplication.processEvents()
            moving = sight.moved()
            if not moving:
                return self.finger.look()  # nothing moved since: the picture of what holds
            if time.monotonic() > deadline:
                raise CitizenStuckError(f"the screen kept changing: {moving}")
            sight = self.finger.look(grab=False)

    def tap(self, widget: Any, *, hold_ms: int = 0) -> None:
        """Look, then put the finger where `widget` is seen; it must be what gets the tap."""
        self._in_reach(widget)
        sight = self.finger.look()
        self._hit(widget, sight.centre_of(widget), "tapping", hold_ms)

    def reachable(self, widget: Any) -> bool:
        """Whether a finger on the widget's centre lands on it (on screen, nothing on top)."""
        return bool(self.finger.reachable(widget))

    def touch(self, widget: Any) -> None:
        """A finger's tap, press and release apart, as QScroller-driven lists need."""
        self.tap(widget, hold_ms=100)

    def type_keys(
        self,
        keys: Callable[[str], Any],
        text: str,
        *,
        moving: Any = None,
        words: tuple[str, ...] = (),
    ) -> None:
        """Type `text` as a person does: look at the keys once, then tap where each key was
        seen. No control may move meanwhile (a helper line or an error that pushed the keys
        made people type the wrong digits); `moving` is a container whose controls may move
        by design (a list that the search filters). `words` are keys that type several
        characters ("gmail.com"), tapped once where the text has them. A key below the fold
        is scrolled into view first, and the keys looked at again."""
        from PySide6.QtWidgets import QWidget

        ignore = tuple(moving.findChildren(QWidget)) if moving is not None else ()
        sight = None
        i = 0
        while i < len(text):
            chunk = next((w for w in words if text.startswith(w, i)), text[i])
            key = keys(chunk)
            if sight is None or not self.finger.reachable(key):
                # Below the fold (nothing moved: that is checked after every tap): the citizen
                # scrolls it into view and looks again, as on a long screen.
                self._in_reach(key)
                sight = self.steady_look()
            self._hit(key, sight.centre_of(key), f"typing {chunk!r}")
            self.key_presses += 1
            moved = sight.moved(ignore=ignore)
            if moved:
                raise CitizenStuckError(f"controls moved while typing {chunk!r}: {moved}")
            i += len(chunk)

    def erase(self, keys: Callable[[str], Any], count: int) -> None:
        """⌫ `count` times, at the place the key was seen."""
        self.type_keys(lambda _ch: keys("backspace"), "⌫" * count)

    def next(self) -> None:
        self.tap(self.shell.next_button)

    # --- the steps of a booking ---------------------------------------------------------------

    def start(self, english: bool = False) -> None:
        """From the welcome screen, in Spanish or English, to the identify screen."""
        self.wait_until(
            lambda: self.controller.catalog is not None, self.patience_ms, "the catalogue"
        )
        welcome = self.view(Step.WELCOME)
        self.tap(welcome.english if english else welcome.spanish)
        self.at(Step.IDENTIFY)

    def identify(self, cedula: str) -> None:
        self.type_keys(self.view(Step.IDENTIFY).keypad.key, cedula)
        self.next()
        self.settle()

    def accept_notice(self) -> None:
        """The privacy notice of the contact screen, if shown: "Entendido, continuar"."""
        contact = self.view(Step.CONTACT)
        if contact.notice_shown():
            self.next()  # in the action bar
            self.wait_until(lambda: not contact.notice_shown(), what="the contact form")

    def fill_contact(self, email: str, phone: str, *, words: tuple[str, ...] = ()) -> None:
        """Clear and type both contact fields (`words`: the keyboard's domain keys to use)."""
        contact = self.view(Step.CONTACT)
        self.tap(contact.email)
        self.erase(contact.keyboard.key, len(contact.email.text()))
        self.type_keys(contact.keyboard.key, email, words=words)
        self.tap(contact.phone)
        self.erase(contact.keypad.key, len(contact.phone.text()))
        self.type_keys(contact.keypad.key, phone)

    def contact(self, email: str, phone: str) -> None:
        self.accept_notice()
        self.fill_contact(email, phone)
        self.next()
        self.settle()

    def latest_code(self, email: str) -> str:
        from turnos.outbox import latest_code

        return latest_code(self.outbox, email)

    def type_code(self, code: str) -> None:
        view = self.view(Step.VERIFY_CODE)
        self.erase(view.keypad.key, len(view.value()))
        self.type_keys(view.keypad.key, code)

    def enter_code(self, code: str) -> None:
        self.type_code(code)
        self.next()
        self.settle()

    def find(self, step: Step, key: str | None = None) -> Any:
        """On a list screen, bring the item `key` (the first by default) within reach: by its
        first letters in the search when the list is long. Returns its button."""
        self.at(step)
        lst = self.view(step).list
        button = lst.button(key) if key is not None else lst.buttons()[0]
        if lst.search.isVisible():
            self.tap(lst.search)  # the keyboard opens under the search field
            letters = "".join(ch for ch in button.item.title.lower()[:4] if ch.isalpha())
            self.type_keys(lst.keyboard.key, letters, moving=lst)
            self.wait_until(
                lambda: lst.visible_keys()[:1] == [button.item.key], what=f"{letters!r} found"
            )
        self.wait_until(lambda: self.reachable(button), what=f"{_name(button)} in reach")
        return button

    def pick(self, step: Step, key: str | None = None) -> None:
        """On a list screen, a finger on the item `key` (the first by default)."""
        button = self.find(step, key)
        self.tap(button)
        # Lists scroll by finger (QScroller), which hands the tap on a moment later.
        self.wait_until(self.view(step).is_valid, what=f"{_name(button)} chosen")

    def choose(self, step: Step, key: str | None = None) -> None:
        self.pick(step, key)
        self.next()
        self.settle()

    def pick_day(self, day: Any = None) -> Any:
        """Tap a day with places (by default the first one after today, so that a test that
        moves the service's clock on never finds its hour already begun); wait for its hours."""
        from zoneinfo import ZoneInfo

        self.at(Step.SCHEDULE)
        schedule = self.view(Step.SCHEDULE)
        if day is None:
            today = dt.datetime.now(ZoneInfo("America/Guayaquil")).date()
            open_days = [d.date for d in self.controller.days if d.available]
            if not open_days:
                raise RuntimeError("the calendar shows no day with free places")
            day = next((d for d in open_days if d > today), open_days[0])
        self.tap(schedule.calendar.cell(day))
        self.wait_until(
            lambda: bool(schedule.hours.keys()) and not self.controller.busy,
            self.patience_ms,
            "the hours of the day",
        )
        return day

    def pick_hour(self, key: str | None = None) -> None:
        """Tap an hour (the first by default) as a finger does; the grid scrolls by QScroller,
        which hands the tap on a moment later."""
        schedule = self.view(Step.SCHEDULE)
        self.tap(schedule.hours.button(key if key is not None else schedule.hours.keys()[0]))
        self.wait_until(schedule.is_valid, what="the hour chosen")

    def first_slot(self) -> None:
        self.pick_day()
        self.pick_hour()
        self.next()
        self.settle()

    def choose_turn(self, procedure: str = "CLAVE_PATRONAL") -> None:
        """From the province to the review: Pichincha, `procedure`, the first agency and the
        first free hour after today."""
        self.choose(Step.PROVINCE, "17")
        self.choose(Step.PROCEDURE, procedure)
        self.choose(Step.AGENCY)
        self.first_slot()
        self.at(Step.REVIEW)

    def to_review(self, cedula: str, email: str, phone: str) -> None:
        """From the welcome screen to the review of a new booking."""
        self.start()
        self.identify(cedula)
        self.at(Step.CONTACT)
        self.contact(email, phone)
        self.at(Step.VERIFY_CODE)
        self.enter_code(self.latest_code(email))
        self.choose_turn()
