"""Every screen and every overlay of the kiosk, staged in turn, for the checks that must hold
on all of them (contrast, target sizes, the pseudo language's stretch).

The screens are staged as tests/ui/test_views_sizes.py stages them (a real shell the size of
the configured screen, filled with the demo catalogue and a booking); the overlays are put up
one at a time over the welcome screen in each of their states. `top_layer_widgets` gives what
a citizen sees: an overlay's widgets while one is up, else the screen's.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from kiosk.domain.flow import Step
from kiosk.ui.messages import Messages
from kiosk.ui.shell import KioskShell
from tests.ui.conftest import LANDSCAPE, PORTRAIT
from tests.ui.test_views_sizes import STEPS, Mode, on_screen, settle, show

#: Every theme (normal, high contrast, large text and both) in both orientations.
THEMES = [
    Mode(f"{orient}-{name}", geometry, **flags)  # type: ignore[arg-type]
    for orient, geometry in (("portrait", PORTRAIT), ("landscape", LANDSCAPE))
    for name, flags in (
        ("plain", {}),
        ("high-contrast", {"high_contrast": True}),
        ("large-text", {"large_text": True}),
        ("high-contrast-large-text", {"high_contrast": True, "large_text": True}),
    )
]


def _overlay_states(shell: KioskShell) -> list[tuple[str, Callable[[], QWidget]]]:
    def busy() -> QWidget:
        shell.busy.show_busy("")  # type: ignore[attr-defined]
        shell.busy.show_cancel()  # type: ignore[attr-defined]
        return shell.busy

    def busy_timeout() -> QWidget:
        shell.busy.show_timeout()  # type: ignore[attr-defined]
        return shell.busy

    def idle() -> QWidget:
        shell.idle_warning.set_seconds(20)  # type: ignore[attr-defined]
        shell.idle_warning.present()  # type: ignore[attr-defined]
        return shell.idle_warning

    def out_of_service() -> QWidget:
        shell.out_of_service.present()  # type: ignore[attr-defined]
        return shell.out_of_service

    def technician() -> QWidget:
        shell.technician.show_message("printer: no paper (ESC/POS status 0x0C)")  # type: ignore[attr-defined]
        return shell.technician

    def error() -> QWidget:
        shell.error.present()  # type: ignore[attr-defined]
        return shell.error

    def notice() -> QWidget:
        # The longest notice the kiosk shows: a send limit, until when and what to do.
        words = Messages()
        shell.notice.present_notice(  # type: ignore[attr-defined]
            words.kiosk_busy_heading(), words.kiosk_budget("14:30")
        )
        return shell.notice

    return [
        ("busy", busy),
        ("busy-timeout", busy_timeout),
        ("idle-warning", idle),
        ("out-of-service", out_of_service),
        ("technician", technician),
        ("error", error),
        ("notice", notice),
    ]


def every_screen(qtbot: QtBot, shell: KioskShell) -> Iterator[str]:
    """Shows each screen, then each overlay state, in turn; yields its name while shown."""
    for step in STEPS:
        show(qtbot, shell, step)
        yield step.name.lower()
    show(qtbot, shell, Step.WELCOME)
    for name, put_up in _overlay_states(shell):
        overlay = put_up()
        settle()
        qtbot.waitUntil(overlay.isVisible)
        yield f"overlay-{name}"
        overlay.hide()


def top_layer(shell: KioskShell) -> QWidget:
    """The overlay up, or the shell itself."""
    up = [o for o in shell.overlays() if o.isVisible()]
    return up[-1] if up else shell


def top_layer_widgets(shell: KioskShell, kinds: tuple[type, ...]) -> Iterator[QWidget]:
    """Visible widgets of `kinds` a citizen sees now: those of the overlay up, else those of
    the screen (an overlay's own widgets when it is hidden are not seen)."""
    layer = top_layer(shell)
    hidden_layers = [o for o in shell.overlays() if o is not layer]
    for widget in layer.findChildren(QWidget):
        if not isinstance(widget, kinds):
            continue
        if layer is shell and any(o.isAncestorOf(widget) for o in hidden_layers):
            continue
        if on_screen(shell, widget) is not None:
            yield widget


def controls(shell: KioskShell) -> list[QWidget]:
    return list(top_layer_widgets(shell, (QAbstractButton, QLineEdit)))


def shown_text(widget: QWidget) -> str:
    """The words a widget shows: its text, or an empty field's placeholder (an example of
    what to type, which must read as well as any text)."""
    text = widget.text()  # type: ignore[attr-defined]
    if not text and isinstance(widget, QLineEdit):
        return widget.placeholderText()
    return str(text)


def worded(shell: KioskShell) -> list[QWidget]:
    """Visible labels, buttons and fields that show words."""
    return [
        w
        for w in top_layer_widgets(shell, (QLabel, QAbstractButton, QLineEdit))
        if shown_text(w).strip()
    ]
