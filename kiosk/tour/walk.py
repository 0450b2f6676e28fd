"""The tour's scenario: a whole booking as a citizen makes it, one photograph per screen.

Then the same citizen again, to reach what a citizen meets on a bad day: the idle warning
(the idle clock moved on, no real waiting), the out-of-service screen (the network link cut as
they tap "Consultar", and the kiosk back by itself when it returns), the existing-turn screen
and a reprint on a printer out of paper.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kiosk.domain.flow import Step
from kiosk.domain.models import Language
from kiosk.tour.citizen import Citizen, pause
from kiosk.tour.clock import ManualClock
from kiosk.tour.language import require_shown
from kiosk.tour.link import LinkSwitch

TOUR_CEDULA = "1710034065"  # passes the check digit; the demo service invents the person
TOUR_EMAIL = "maria.perez@gmail.com"
TOUR_PHONE = "0991234567"
#: The email keyboard's keys that type a whole ending, as a citizen would use them.
EMAIL_WORDS = ("hotmail.com", "gmail.com", ".com", ".ec")
#: How long a screen may take to come (ms): generous, the tour also runs on slow machines.
PATIENCE_MS = 30000


class Camera:
    """Photographs the kiosk window: OUT/NN-name.png, in the order taken."""

    def __init__(self, window: Any, out: Path) -> None:
        self.window = window
        self.out = out
        self.screens: list[str] = []
        #: `--mode speech`: a kiosk.tour.speech_log.SpeechRecorder; what each screen said.
        self.recorder: Any = None
        self.spoken: dict[str, list[str]] = {}

    def shot(self, name: str) -> None:
        pause(50)  # a few more turns of the loop so layouts settle before the grab
        file_name = f"{len(self.screens) + 1:02d}-{name}.png"
        self.window.grab().save(str(self.out / file_name))
        self.screens.append(file_name)
        if self.recorder is not None:
            self.spoken[file_name] = self.recorder.take()


def walk(
    kiosk: Any,
    citizen: Citizen,
    camera: Camera,
    language: Language,
    clock: ManualClock | None = None,
    link: LinkSwitch | None = None,
) -> dict[str, Any]:
    """The whole booking, then the bad day; returns what goes into the summary."""
    c = kiosk.controller
    english = language is Language.EN

    citizen.wait_until(lambda: c.catalog is not None, PATIENCE_MS, "the catalogue")
    camera.shot("welcome")
    citizen.start(english)
    require_shown(kiosk.switcher, language)
    identify = citizen.view(Step.IDENTIFY)
    citizen.type_keys(identify.keypad.key, TOUR_CEDULA)
    camera.shot("identify")
    citizen.next()

    citizen.at(Step.CONTACT)
    contact = citizen.view(Step.CONTACT)
    camera.shot("privacy")
    citizen.accept_notice()
    citizen.tap(contact.email)
    citizen.type_keys(contact.keyboard.key, TOUR_EMAIL, words=EMAIL_WORDS)
    camera.shot("contact-email")
    citizen.tap(contact.phone)
    citizen.type_keys(contact.keypad.key, TOUR_PHONE)
    camera.shot("contact-phone")
    citizen.next()

    citizen.at(Step.VERIFY_CODE)
    outbox = citizen.outbox
    citizen.wait_until(lambda: _codes(outbox) > 0, PATIENCE_MS, "the code in the outbox")
    citizen.type_code(citizen.latest_code(TOUR_EMAIL))
    camera.shot("code")
    citizen.next()

    citizen.wait_until(
        lambda: c.flow.current in (Step.PROVINCE, Step.EXISTING_TURN) and not c.busy,
        PATIENCE_MS,
        "the province screen",
    )
    if c.flow.current is Step.EXISTING_TURN:  # a rerun on the same data: book another
        citizen.next()
    province = citizen.find(Step.PROVINCE, "17")
    camera.shot("province-search")
    citizen.tap(province)
    # Lists scroll by finger (QScroller), which hands the tap on a moment later.
    citizen.wait_until(citizen.view(Step.PROVINCE).is_valid, what="the province chosen")
    camera.shot("province")
    citizen.next()

    citizen.pick(Step.PROCEDURE, "CLAVE_PATRONAL")
    camera.shot("procedure")
    citizen.next()
    citizen.pick(Step.AGENCY)
    camera.shot("agency")
    citizen.next()
    citizen.pick_day()
    citizen.pick_hour()
    camera.shot("schedule")
    citizen.next()

    citizen.at(Step.REVIEW)
    camera.shot("review")
    citizen.next()
    citizen.at(Step.DONE)
    confirmation = c.flow.draft.confirmation
    camera.shot("done")
    result: dict[str, Any] = {
        "booking": _masked_booking(confirmation),
        "token": confirmation.token,
    }

    if clock is not None:
        _idle_warning(kiosk, citizen, camera, clock)
    _again(kiosk, citizen, camera, english, link)
    _reprint_on_a_bad_printer(kiosk, citizen, camera, result["booking"]["id"])
    return result


def _idle_warning(kiosk: Any, citizen: Citizen, camera: Camera, clock: ManualClock) -> None:
    """The citizen stops touching the screen: the idle clock runs on (moved, not waited for)
    and the watcher's own timer brings the warning; "Sí" gives the time back."""
    warning = kiosk.shell.idle_warning
    wait = kiosk.idle.tracker.next_change_in()
    if wait is not None:
        clock.advance(wait)
    kiosk.idle.timer.start(0)
    citizen.wait_until(warning.isVisible, PATIENCE_MS, "the idle warning")
    camera.shot("idle-warning")
    citizen.tap(warning.yes_button)
    citizen.wait_until(lambda: not warning.isVisible(), what="the warning to go")


def _again(
    kiosk: Any, citizen: Citizen, camera: Camera, english: bool, link: LinkSwitch | None
) -> None:
    """The same citizen again, up to the existing-turn screen; the link to the service fails
    as they tap "Consultar" (out of service), and the kiosk comes back by itself when it
    returns, the number still typed."""
    shell = kiosk.shell
    citizen.next()  # Terminar
    citizen.at(Step.WELCOME)
    citizen.start(english)
    citizen.type_keys(citizen.view(Step.IDENTIFY).keypad.key, TOUR_CEDULA)
    if link is not None:
        link.cut()
        citizen.next()
        citizen.wait_until(shell.out_of_service.isVisible, PATIENCE_MS, "the out-of-service screen")
        citizen.settle()
        camera.shot("out-of-service")
        link.connect()
        citizen.wait_until(
            lambda: not shell.out_of_service.isVisible(), PATIENCE_MS, "the service back"
        )
        citizen.at(Step.IDENTIFY)
    citizen.next()
    citizen.at(Step.CONTACT)
    citizen.accept_notice()
    citizen.fill_contact(TOUR_EMAIL, TOUR_PHONE, words=EMAIL_WORDS)
    before = _codes(citizen.outbox)
    citizen.next()
    citizen.at(Step.VERIFY_CODE)
    citizen.wait_until(lambda: _codes(citizen.outbox) > before, PATIENCE_MS, "a second code")
    citizen.enter_code(citizen.latest_code(TOUR_EMAIL))
    citizen.at(Step.EXISTING_TURN)
    camera.shot("existing-turn")


def _reprint_on_a_bad_printer(
    kiosk: Any, citizen: Citizen, camera: Camera, booking_id: str
) -> None:
    c = kiosk.controller
    working_printer = c.printer
    c.printer = _BrokenPrinter()
    try:
        citizen.tap(citizen.view(Step.EXISTING_TURN).reprint_button(booking_id))
        citizen.wait_until(
            lambda: c.print_failed and not c.busy, PATIENCE_MS, "the printer fallback"
        )
        camera.shot("printer-fallback")
    finally:
        c.printer = working_printer


class _BrokenPrinter:
    """A printer whose paper ran out: what a citizen meets on a bad day."""

    def print_pdf(self, pdf: bytes, paper: Any) -> None:
        from kiosk.printing.printer import PrinterProblem, PrintError

        raise PrintError(PrinterProblem.PAPER_OUT, "tour: paper out")

    def status(self) -> Any:
        from kiosk.printing.printer import PrinterProblem, PrinterStatus

        return PrinterStatus.failed(PrinterProblem.PAPER_OUT, "tour: paper out")


def _codes(outbox: Path) -> int:
    """How many messages the tour's citizen has received."""
    from turnos.outbox import messages_to

    return len(messages_to(outbox, TOUR_EMAIL))


def _masked_booking(confirmation: Any) -> dict[str, Any]:
    b = confirmation.booking
    return {
        "id": b.id,
        "code": b.code,
        "agency": b.agency_id,
        "procedure": b.procedure_code,
        "start": b.start.isoformat(),
        "end": b.end.isoformat(),
        "masked_name": b.masked_name,
        "masked_id": b.masked_id,
    }
