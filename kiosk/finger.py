"""A finger on the kiosk's screen: taps land on a place, not on a widget.

A test that presses a widget by reference never notices a keypad that jumped 60 px when a
helper line appeared; a citizen does, because the finger goes where the key *was* when they
looked. `Finger.look()` reads where every control is from a grab of the window, as the eye
does before typing; `tap_at()` then presses whatever is at that point now, through Qt's own
hit-testing (`QWidget.childAt`). `Sight.moved()` says which controls are no longer where they
were: the kiosk's rule is that none moves while the citizen types or a message comes and goes.

Used by the tests' citizen driver and by `kiosk tour`. Qt is imported lazily: the tour imports
this module before the QApplication exists.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


def interactive_widgets(window: Any) -> list[Any]:
    """Every control a finger could press: visible buttons and text fields in `window`."""
    from PySide6.QtWidgets import QAbstractButton, QLineEdit

    found = window.findChildren(QAbstractButton) + window.findChildren(QLineEdit)
    return [w for w in found if w.isVisible() and w.window() is window.window()]


def _label(widget: Any) -> str:
    text = widget.text() if hasattr(widget, "text") else ""
    return widget.objectName() or f"{type(widget).__name__}({text!r})"


@dataclass
class Sight:
    """Where each control was when the citizen looked (window coordinates)."""

    window: Any
    places: dict[int, tuple[Any, Any]] = field(default_factory=dict)  # id -> (widget, QRect)
    image: Any = None  # the QPixmap the eye saw

    def rect_of(self, widget: Any) -> Any:
        try:
            return self.places[id(widget)][1]
        except KeyError:
            raise LookupError(f"{_label(widget)} was not on the screen when looked at") from None

    def centre_of(self, widget: Any) -> Any:
        return self.rect_of(widget).center()

    def moved(self, *, ignore: tuple[Any, ...] = ()) -> list[str]:
        """The controls seen then, still shown now, but no longer in the same place."""
        now = Finger(self.window).look(grab=False)
        out = []
        for key, (widget, rect) in self.places.items():
            if widget in ignore or key not in now.places:
                continue
            if now.places[key][1] != rect:
                out.append(f"{_label(widget)}: {rect.getRect()} -> {now.places[key][1].getRect()}")
        return out


class Finger:
    """Taps `window` at points, as a finger does; counts the taps."""

    def __init__(self, window: Any) -> None:
        self.window = window
        self.taps = 0

    def look(self, *, grab: bool = True) -> Sight:
        """Lay out what is pending, grab the window and note where every control is."""
        from PySide6.QtCore import QEvent, QRect
        from PySide6.QtWidgets import QApplication

        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        sight = Sight(self.window, image=self.window.grab() if grab else None)
        for widget in interactive_widgets(self.window):
            top_left = widget.mapTo(self.window, widget.rect().topLeft())
            sight.places[id(widget)] = (widget, QRect(top_left, widget.size()))
        return sight

    def widget_at(self, point: Any) -> Any:
        return self.window.childAt(point)

    def tap_at(self, point: Any, *, hold_ms: int = 0) -> Any:
        """Press and release at `point` of the window; returns what was hit (or None).

        `hold_ms` keeps the finger down that long, as lists driven by QScroller need before
        they hand the tap on."""
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        hit = self.widget_at(point)
        self.taps += 1
        if hit is None:
            return None
        local = hit.mapFrom(self.window, point)
        button, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
        QTest.mousePress(hit, button, none, local)
        QTest.mouseRelease(hit, button, none, local, hold_ms if hold_ms > 0 else -1)
        return hit

    def reachable(self, widget: Any) -> bool:
        """Whether a finger on the widget's centre lands on it (on screen, nothing on top)."""
        from PySide6.QtGui import QGuiApplication

        if not widget.isVisible():
            return False
        centre = widget.rect().center()
        if QGuiApplication.screenAt(widget.mapToGlobal(centre)) is None:
            return False
        hit = self.widget_at(widget.mapTo(self.window, centre))
        return hit is not None and (hit is widget or widget.isAncestorOf(hit))

    def scroll_to(self, widget: Any) -> None:
        """What a citizen does with a control below the fold: scroll until it shows."""
        from PySide6.QtCore import QEvent
        from PySide6.QtWidgets import QApplication, QScrollArea

        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        areas: list[Any] = []
        parent = widget.parentWidget()
        while parent is not None and parent is not self.window:
            if isinstance(parent, QScrollArea):
                areas.append(parent)
            parent = parent.parentWidget()
        for area in reversed(areas):  # outer first: the inner area must be in view to scroll
            area.ensureWidgetVisible(widget, 0, 0)
