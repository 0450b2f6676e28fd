"""No control moves under the citizen's finger when a message appears or goes, on any screen.

Every screen is staged in a real shell (portrait and landscape, plain and large text); the
places of its controls are read from a look at the window (`kiosk.finger`), then the screen's
messages come and go as they do in use (an error next to a field, a helper line while typing,
the attempts of a code, a printer that is out) and every control must still be where it was.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.domain.flow import Step
from kiosk.domain.models import Catalog
from kiosk.finger import Finger
from kiosk.ui.shell import KioskShell
from tests.ui.conftest import LANDSCAPE, PORTRAIT
from tests.ui.test_views_sizes import MODES, Mode, settle, show, staged_shell

#: Large text in the low-reach band leaves a portrait screen the least room of all (issue 14).
COMBINED_MODES = [
    Mode(f"{orient}-large-text-low-reach", geometry, large_text=True, low_reach=True)
    for orient, geometry in (("portrait", PORTRAIT), ("landscape", LANDSCAPE))
]
STEADY_MODES = [m for m in MODES if m.name.endswith(("plain", "large-text"))] + COMBINED_MODES

# The longest words each kind of screen shows: a send limit (code, contact), and a service
# refusal next to a list or a field.
LONG_ERROR = (
    "Ya enviamos varios códigos. Podrá pedir otro a las 10:42. Si aún no lo ha probado, "
    "puede pedir el código por mensaje de texto. También puede pedir su turno en una "
    "ventanilla, en www.iess.gob.ec o al 593 23945666."
)
LONG_CODE_ERROR = (
    "Ya enviamos varios códigos. Podrá pedir otro a las 10:42. Mientras tanto, escriba el "
    "último código que le llegó, o pida su turno en una ventanilla o al 593 23945666."
)
REFUSAL = "Usted ya tiene un turno para ese trámite. Revise sus turnos o elija otro trámite."


@pytest.fixture(scope="module", autouse=True)
def _free_the_shells() -> Iterator[None]:
    """Forty staged shells: gone when the module ends, not on some later test's first turn
    of the event loop (which then measured a two-second pause)."""
    yield
    gc.collect()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    from kiosk.backend.parse import parse_catalog
    from turnos.demo_catalog import demo_catalog

    return parse_catalog(demo_catalog())


def _toggle_error(view: object, text: str = REFUSAL) -> list[Callable[[], None]]:
    return [
        lambda: view.set_error(text),  # type: ignore[attr-defined]
        lambda: view.set_error(None),  # type: ignore[attr-defined]
    ]


def _identify(shell: KioskShell) -> list[Callable[[], None]]:
    view = shell.view(Step.IDENTIFY)
    keys = view.keypad.key  # type: ignore[attr-defined]
    typing = [lambda d=d: keys(d).click() for d in "1710034065"]  # counter, then "completo"
    wrong = [lambda: keys("backspace").click(), lambda: keys("4").click()]  # check digit
    return [*typing, *wrong, *_toggle_error(view), lambda: keys("backspace").click()]


def _contact(shell: KioskShell) -> list[Callable[[], None]]:
    view = shell.view(Step.CONTACT)
    keyboard = view.keyboard.key  # type: ignore[attr-defined]
    return [
        *[lambda c=c: keyboard(c).click() for c in "maria@"],
        lambda: view.focus_field(view.phone),  # type: ignore[attr-defined]  # email error
        lambda: view.focus_field(view.email),  # type: ignore[attr-defined]
        lambda: keyboard("gmail.com").click(),  # the error goes
        # (the service's refusals of the form come over the screen: kiosk.ui.overlays)
    ]


def _code(shell: KioskShell) -> list[Callable[[], None]]:
    import datetime as dt

    view = shell.view(Step.VERIFY_CODE)
    keys = view.keypad.key  # type: ignore[attr-defined]
    expires = dt.datetime(2026, 12, 1, 10, 42, tzinfo=dt.UTC)
    refused = "El código no es correcto. Revíselo y escríbalo de nuevo."
    return [
        lambda: view.new_code(expires, 60),  # type: ignore[attr-defined]
        *[lambda d=d: keys(d).click() for d in "123456"],
        lambda: view.code_refused(4, refused),  # type: ignore[attr-defined]
        lambda: keys("1").click(),
        lambda: view.code_refused(0, LONG_CODE_ERROR),  # type: ignore[attr-defined]
        lambda: view.new_code(expires, 0),  # type: ignore[attr-defined]
    ]


def _welcome(shell: KioskShell) -> list[Callable[[], None]]:
    view = shell.view(Step.WELCOME)
    return [
        lambda: view.set_printer_out(True),  # type: ignore[attr-defined]
        lambda: view.set_printer_out(False),  # type: ignore[attr-defined]
    ]


def _review(shell: KioskShell) -> list[Callable[[], None]]:
    view = shell.view(Step.REVIEW)
    warning = "La impresora no funciona ahora. Podrá fotografiar el código QR en la pantalla."
    return [
        lambda: view.set_printer_problem(warning),  # type: ignore[attr-defined]
        *_toggle_error(view),
        lambda: view.set_printer_problem(None),  # type: ignore[attr-defined]
    ]


def _generic(step: Step) -> Callable[[KioskShell], list[Callable[[], None]]]:
    return lambda shell: _toggle_error(shell.view(step))


def _choice(step: Step) -> Callable[[KioskShell], list[Callable[[], None]]]:
    """A list: choosing an item (a thicker frame, bold words) moves none below it."""

    def changes(shell: KioskShell) -> list[Callable[[], None]]:
        lst = shell.view(step).list  # type: ignore[attr-defined]
        # Choosing closes the search keyboard (by design, the list then widens): measure
        # with the keyboard closed, as after any earlier choice.
        lst.close_keyboard()
        settle()
        return [lambda: lst.buttons()[0].click(), *_toggle_error(shell.view(step))]

    return changes


MESSAGES: dict[Step, Callable[[KioskShell], list[Callable[[], None]]]] = {
    Step.WELCOME: _welcome,
    Step.IDENTIFY: _identify,
    Step.CONTACT: _contact,
    Step.VERIFY_CODE: _code,
    Step.PROVINCE: _choice(Step.PROVINCE),
    Step.PROCEDURE: _choice(Step.PROCEDURE),
    Step.AGENCY: _choice(Step.AGENCY),
    Step.SCHEDULE: _generic(Step.SCHEDULE),
    Step.REVIEW: _review,
    Step.EXISTING_TURN: _generic(Step.EXISTING_TURN),
}


@pytest.mark.parametrize("mode", STEADY_MODES, ids=lambda m: m.name)
def test_no_control_moves_when_messages_come_and_go(
    qtbot: QtBot, catalog: Catalog, mode: Mode
) -> None:
    moved_on: list[str] = []
    for step, messages in MESSAGES.items():
        shell = staged_shell(qtbot, mode, catalog)  # each screen in a shell as it comes
        show(qtbot, shell, step)
        changes = messages(shell)
        sight = Finger(shell).look(grab=False)
        for n, change in enumerate(changes):
            change()
            shell.refresh_actions()
            settle()
            moved = sight.moved()
            if moved:
                moved_on.append(f"{step.value}, change {n}: {moved}")
                break
        shell.close()
    assert not moved_on, "\n".join(moved_on)


@pytest.mark.parametrize("mode", STEADY_MODES, ids=lambda m: m.name)
def test_no_key_moves_while_a_passport_is_typed(qtbot: QtBot, catalog: Catalog, mode: Mode) -> None:
    """The counter ("4 caracteres (de 6 a 9)") comes with the first letter: the caption
    beside it must not wrap then, which pushed the field and the keyboard 45 px down."""
    from kiosk.domain.ids import IdType

    shell = staged_shell(qtbot, mode, catalog)
    view = show(qtbot, shell, Step.IDENTIFY)
    view.type_buttons[IdType.PASSPORT].click()  # type: ignore[attr-defined]
    shell.refresh_actions()
    settle()
    keys = view.keyboard.key  # type: ignore[attr-defined]
    sight = Finger(shell).look(grab=False)
    for ch in "AB1234567":
        keys(ch).click()
        shell.refresh_actions()
        settle()
        assert not sight.moved(), f"typing {ch!r}: {sight.moved()}"
    shell.close()
