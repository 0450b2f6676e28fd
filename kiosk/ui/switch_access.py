"""Switch access: Tab and Enter alone (a two-switch interface: one switch moves, one selects)
complete a booking, with the focus always in sight.

Qt's own Tab chain follows the order in which widgets were made, so list rows and hours made
after the shell come last, and the screen under an overlay stays in the chain. Here Tab goes in
reading order instead, computed from what is on the screen when the key comes:

- the current screen from top left to bottom right, then the action bar, then the header (the
  header last: the answer is what a citizen looks for first; it comes round again after
  Siguiente);
- the keys of an on-screen keyboard or keypad come right after the field they type into, so the
  e-mail's keys follow the e-mail field and the phone's keypad follows the phone field;
- while an overlay is up ("¿Necesita más tiempo?", an error, a notice), only its buttons;
- never a hidden, disabled or scrolled-away control: Tab scrolls its scroll areas to it, and the
  order wraps round, so the focus never leaves the window nor gets stuck.

Enter, Return and Space press the focused button (Qt presses a plain QPushButton on Space only).
A key of the on-screen keyboard pressed so types into the field it serves, not into itself: the
keys take the focus by Tab only, never by a tap, so a finger leaves the focus in the field.

The focus ring is painted here rather than by the stylesheet: a stylesheet border cannot keep
3:1 against both a dark primary button and the light page around it, and the role rules (a
primary or chosen item's border) would override it. The ring lies inside the control's edge in
two bands, about 2 mm together: the outer in the text colour (against the page), the inner in
whichever of text and page colour stands out more on the control's own fill. It shows once
the citizen uses a switch (a Tab, Enter or Space) and goes when the welcome screen comes back
for the next citizen.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QEvent, QObject, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPainterPath, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QLineEdit,
    QScrollArea,
    QWidget,
)

from kiosk.domain.flow import Step
from kiosk.ui.theme import contrast_ratio

if TYPE_CHECKING:
    from kiosk.ui.shell import KioskShell
    from kiosk.ui.theme import Palette, Theme

_MOVE_KEYS = {Qt.Key.Key_Tab: 1, Qt.Key.Key_Backtab: -1}
_PRESS_KEYS = frozenset({Qt.Key.Key_Enter, Qt.Key.Key_Return, Qt.Key.Key_Space})


def ring_widths(theme: Theme) -> tuple[int, int]:
    """The outer and the inner band of the focus ring, in pixels. The outer covers the control's
    own border and half a millimetre more; the inner lies on the fill, so that at least 1.3 mm
    of the ring is new ink whatever colour the border had (in high contrast every border is
    already white)."""
    return theme.border_px() + max(2, theme.px(0.5)), max(3, theme.px(0.8))


def control_fill(widget: QWidget, colors: Palette) -> str:
    """The colour the stylesheet fills `widget` with (kiosk/ui/theme.py's rules)."""
    if not widget.isEnabled():
        return colors.disabled_bg
    if isinstance(widget, QAbstractButton):
        role = widget.property("role")
        if role == "primary":
            return colors.primary
        if widget.isChecked() and role in ("choice", "header"):
            return colors.selected
    return colors.surface


def ring_colors(colors: Palette, fill: str) -> tuple[str, str]:
    """(outer, inner): the outer band stands out on the page, the inner on the control."""
    inner = max((colors.fg, colors.bg), key=lambda c: contrast_ratio(c, fill))
    return colors.fg, inner


class FocusRing(QWidget):
    """The ring over the focused control: a sibling laid on top of it, so it scrolls and clips
    with it; it lets every touch through."""

    def __init__(self, theme: Callable[[], Theme]) -> None:
        super().__init__()
        self._theme = theme
        self.target: QWidget | None = None
        self.setObjectName("focusRing")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground, True)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, False)
        self.setAutoFillBackground(False)
        self.hide()

    def attach(self, widget: QWidget) -> None:
        parent = widget.parentWidget()
        if parent is None:
            self.detach()
            return
        self.target = widget
        if self.parentWidget() is not parent:
            self.setParent(parent)
        self.follow()

    def follow(self) -> None:
        """Lie on the target where it is now."""
        target = self.target
        if target is None or not shiboken6.isValid(target) or not target.isVisible():
            self.hide()
            return
        self.setGeometry(target.geometry())
        self.raise_()
        self.show()
        self.update()

    def detach(self) -> None:
        self.target = None
        self.hide()

    def paintEvent(self, _event: QPaintEvent) -> None:
        target = self.target
        if target is None or not shiboken6.isValid(target):
            return
        theme = self._theme()
        colors = theme.colors
        outer, inner = ring_colors(colors, control_fill(target, colors))
        a, b = ring_widths(theme)
        radius = float(theme.radius_px())
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        whole = QRectF(self.rect())
        for inset, width, color in ((0, a, outer), (a, b, inner)):
            band = QPainterPath()
            edge = whole.adjusted(inset, inset, -inset, -inset)
            band.addRoundedRect(edge, max(0.0, radius - inset), max(0.0, radius - inset))
            hole = QPainterPath()
            inside = edge.adjusted(width, width, -width, -width)
            hole.addRoundedRect(
                inside, max(0.0, radius - inset - width), max(0.0, radius - inset - width)
            )
            painter.fillPath(band.subtracted(hole), QColor(color))
        painter.end()


def reading_order(widgets: list[QWidget]) -> list[QWidget]:
    """Siblings from top left to bottom right: rows first (a widget whose top lies within half
    the height of the row's first one is in its row), then left to right in each row."""
    rows: list[list[QWidget]] = []
    for widget in sorted(widgets, key=lambda w: (w.y(), w.x())):
        if rows and widget.y() < rows[-1][0].y() + max(4, rows[-1][0].height() // 2):
            rows[-1].append(widget)
        else:
            rows.append([widget])
    return [w for row in rows for w in sorted(row, key=lambda w: w.x())]


def is_tab_stop(widget: QWidget) -> bool:
    """A control Tab may land on: takes the focus by Tab, shown, enabled; scroll areas are
    containers (their content takes the focus), not stops of their own."""
    return (
        bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
        and widget.isVisible()
        and widget.isEnabled()
        and not isinstance(widget, QAbstractScrollArea)
        and not widget.testAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
    )


def reveal(widget: QWidget) -> None:
    """Scroll every scroll area around `widget` to show it whole, on the layout as it will be
    drawn (a field taking the focus may switch the keys beside it)."""
    QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    parent = widget.parentWidget()
    while parent is not None:
        area = parent.parentWidget()
        if isinstance(area, QScrollArea) and parent is area.viewport():
            area.ensureWidgetVisible(widget, 0, 0)
        parent = area


def keep_group_in_tab_order(button: QAbstractButton) -> None:
    """Qt makes a group of checkable buttons one Tab stop (arrows move inside, as for radio
    buttons): a button of the group that takes the focus takes Tab from the others. A switch has
    no arrows, so every row of a list and every hour stays a stop."""
    group = button.group()
    mates = group.buttons() if group is not None else []
    for mate in mates:
        policy = mate.focusPolicy()
        if not policy & Qt.FocusPolicy.TabFocus:
            mate.setFocusPolicy(Qt.FocusPolicy(policy.value | Qt.FocusPolicy.TabFocus.value))


class SwitchAccess(QObject):
    """Tab in reading order, Enter/Space press, the focus ring and each screen's first focus,
    for one kiosk window."""

    def __init__(self, shell: KioskShell) -> None:
        super().__init__(shell)
        self._shell = shell
        self._on = False  # a switch (Tab, Enter, Space) was used: the ring shows
        self._stash: QWidget | None = None  # the focus before an overlay came
        self._stash_view: QWidget | None = None
        self._ring: FocusRing | None = None
        shell.installEventFilter(self)
        self._watch_overlays()
        # The shell's own buttons (header, action bar, overlays) are made not to take the focus
        # on a tap; Tab must reach them.
        for button in shell.findChildren(QAbstractButton):
            if button.focusPolicy() == Qt.FocusPolicy.NoFocus:
                button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        shell.stack.currentChanged.connect(self._on_page)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_focus)

    # -- state ----------------------------------------------------------------------------------

    @property
    def ring(self) -> FocusRing:
        """The ring (made again should a screen taking it along have been deleted)."""
        ring = self._ring
        if ring is None or not shiboken6.isValid(ring):
            ring = FocusRing(lambda: self._shell.theme)
            ring.setParent(self._shell)
            ring.hide()
            self._ring = ring
        return ring

    @property
    def active(self) -> bool:
        """Whether the citizen is using switches (the ring shows)."""
        return self._on

    def _ring_target(self) -> QWidget | None:
        ring = self._ring
        return ring.target if ring is not None and shiboken6.isValid(ring) else None

    def _switch_on(self) -> None:
        if not self._on:
            self._on = True
            self._ring_on(QApplication.focusWidget())

    def _switch_off(self) -> None:
        self._on = False
        self.ring.detach()

    # -- where Tab goes ---------------------------------------------------------------------------

    def layer(self) -> QWidget | None:
        """The overlay on top, if one is up."""
        shown = [o for o in self._shell.overlays() if o.isVisible()]
        if not shown:
            return None
        children = self._shell.children()
        return max(shown, key=lambda o: children.index(o) if o in children else -1)

    def tab_stops(self) -> list[QWidget]:
        """Every control Tab reaches now, in the order it reaches them."""
        layer = self.layer()
        if layer is not None:
            roots = [layer]
        else:
            overlays = set(self._shell.overlays())
            roots = [
                w
                for w in reading_order(
                    [
                        c
                        for c in self._shell.children()
                        if isinstance(c, QWidget) and c.isVisible() and c is not self._ring
                    ]
                )
                if w not in overlays
            ]
            if self._shell.header in roots:  # the header last
                roots.remove(self._shell.header)
                roots.append(self._shell.header)
        keys_of: dict[QWidget, list[QWidget]] = {}
        for root in roots:
            for widget in root.findChildren(QWidget):
                bound = getattr(widget, "bound_edit", None)
                if callable(bound) and widget.isVisible():
                    edit = bound()
                    if isinstance(edit, QWidget) and is_tab_stop(edit):
                        keys_of.setdefault(edit, []).append(widget)
        placed = {w for group in keys_of.values() for w in group}
        stops: list[QWidget] = []

        def collect(widget: QWidget, placing: bool = False) -> None:
            if widget in placed and not placing:
                return  # comes after its field
            if widget is self._ring or not widget.isVisible():
                return
            if is_tab_stop(widget):
                stops.append(widget)
                for keys in keys_of.get(widget, ()):
                    collect(keys, placing=True)
            kids = [c for c in widget.children() if isinstance(c, QWidget) and not c.isWindow()]
            for kid in reading_order([k for k in kids if k.isVisible()]):
                collect(kid)

        for root in roots:
            collect(root)
        return stops

    def first_stop(self) -> QWidget | None:
        """The first useful control: in an overlay its first button; on a screen the control
        the screen focused itself (a field), else its first, else the primary action."""
        stops = self.tab_stops()
        if not stops:
            return None
        if self.layer() is not None:
            return stops[0]
        view = self._shell.current_view()
        focused = QApplication.focusWidget()
        if view is not None:
            if focused in stops and view.isAncestorOf(focused):
                return focused
            mine = [w for w in stops if view.isAncestorOf(w)]
            if mine:
                return mine[0]
        if self._shell.next_button in stops:
            return self._shell.next_button
        return stops[0]

    def move(self, step: int) -> None:
        stops = self.tab_stops()
        if not stops:
            return
        current = QApplication.focusWidget()
        if current in stops:
            target = stops[(stops.index(current) + step) % len(stops)]
        elif current is None or self._in_layer(current):
            target = self.first_stop() or stops[0]  # the first Tab: the screen's first control
        else:
            target = stops[0] if step > 0 else stops[-1]
        self.focus(target, step)

    def focus(self, widget: QWidget, step: int = 1) -> None:
        """Give `widget` the focus with every scroll area around it scrolled to show it."""
        reason = Qt.FocusReason.TabFocusReason if step > 0 else Qt.FocusReason.BacktabFocusReason
        widget.setFocus(reason)
        reveal(widget)
        self._ring_on(widget)

    def home(self) -> None:
        """Focus the first useful control of what is shown (used after a screen or overlay
        change while switches are in use)."""
        if not self._on:
            return
        target = self.first_stop()
        if target is None:
            focused = QApplication.focusWidget()
            if focused is not None and focused.window() is self._shell:
                focused.clearFocus()  # nothing under an overlay may be pressed
            self.ring.detach()
            return
        if target is not QApplication.focusWidget():
            self.focus(target)
        else:
            self._ring_on(target)

    def _in_layer(self, widget: QWidget | None) -> bool:
        if widget is None or widget.window() is not self._shell:
            return False
        layer = self.layer()
        if layer is not None:
            return layer.isAncestorOf(widget)
        return not any(o.isAncestorOf(widget) for o in self._shell.overlays())

    # -- events ---------------------------------------------------------------------------------

    def _watch_overlays(self) -> None:
        for overlay in self._shell.overlays():
            overlay.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            return self._key(event)
        if kind == QEvent.Type.KeyRelease and isinstance(event, QKeyEvent):
            return event.key() in _MOVE_KEYS  # Tab was ours on its press
        if self._ring_target() is watched and kind in (
            QEvent.Type.Move,
            QEvent.Type.Resize,
            QEvent.Type.Show,
            QEvent.Type.Hide,
        ):
            if kind in (QEvent.Type.Move, QEvent.Type.Resize) and isinstance(watched, QWidget):
                QTimer.singleShot(0, self, lambda w=watched: self._keep_in_sight(w))
            self.ring.follow()
        elif kind in (QEvent.Type.Show, QEvent.Type.Hide) and watched in self._shell.overlays():
            self._on_overlay(kind == QEvent.Type.Show)
        return False

    def _key(self, event: QKeyEvent) -> bool:
        key = event.key()
        mods = event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier
        if mods & ~Qt.KeyboardModifier.KeypadModifier:
            return False  # Ctrl/Alt combinations are not switches
        self._watch_overlays()
        if key in _MOVE_KEYS:
            self._switch_on()
            self.move(_MOVE_KEYS[Qt.Key(key)])
            return True
        if key not in _PRESS_KEYS:
            return False
        self._switch_on()
        focused = QApplication.focusWidget()
        if focused is None or not self._in_layer(focused) or not is_tab_stop(focused):
            self.home()  # nothing (pressable) in focus: show where the focus is first
            return True
        if isinstance(focused, QAbstractButton):
            if key == Qt.Key.Key_Space:
                return False  # the button presses itself on Space, as Qt does
            if not event.isAutoRepeat() or focused.autoRepeat():
                focused.click()
            return True
        if isinstance(focused, QLineEdit) and key == Qt.Key.Key_Space:
            focused.returnPressed.emit()  # select the field, never type a blank into it
            return True
        return False

    def _on_overlay(self, shown: bool) -> None:
        if shown:
            focused = QApplication.focusWidget()
            if focused is not None and self._stash is None and not self._overlaid(focused):
                self._stash, self._stash_view = focused, self._shell.current_view()
        QTimer.singleShot(0, self, self._after_overlay)

    def _overlaid(self, widget: QWidget) -> bool:
        return any(o.isAncestorOf(widget) for o in self._shell.overlays())

    def _after_overlay(self) -> None:
        if self.layer() is not None:
            self.home()
            return
        stash, view = self._stash, self._stash_view
        self._stash = self._stash_view = None
        if not self._on:
            return
        if (
            stash is not None
            and shiboken6.isValid(stash)
            and view is self._shell.current_view()
            and stash in self.tab_stops()
        ):
            self.focus(stash)
        else:
            self.home()

    def _on_page(self, _index: int) -> None:
        view = self._shell.current_view()
        if view is not None and view.step is Step.WELCOME:
            self._switch_off()  # a new citizen: touch until a switch is used
            return
        if self._on:
            QTimer.singleShot(0, self, self.home)

    def _on_focus(self, old: QWidget | None, new: QWidget | None) -> None:
        if old is not None and shiboken6.isValid(old) and old is not self._shell:
            old.removeEventFilter(self)
        if new is None or new.window() is not self._shell:
            self.ring.detach()
            return
        if not self._on and isinstance(new, QAbstractButton):
            # A button takes the focus by Tab only, which turns switch access on first: this is
            # Qt handing it on (the window activated, a focused field hidden). A touch screen
            # shows no focus on a button.
            new.clearFocus()
            return
        new.installEventFilter(self)
        if isinstance(new, QAbstractButton):
            keep_group_in_tab_order(new)
        if self._on:
            self._ring_on(new)
            if not self._in_layer(new) or not is_tab_stop(new):
                # Qt moved the focus on by its own chain (the control went away or under an
                # overlay): take it to the first useful control of what is shown.
                QTimer.singleShot(0, self, self.home)

    def _keep_in_sight(self, widget: QWidget) -> None:
        """The focused control moved (a layout changed under it): scroll it back into sight."""
        if self._on and shiboken6.isValid(widget) and widget is QApplication.focusWidget():
            reveal(widget)

    def _ring_on(self, widget: QWidget | None) -> None:
        if widget is None or not self._on or widget.window() is not self._shell:
            self.ring.detach()
            return
        self.ring.attach(widget)
