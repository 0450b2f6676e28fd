"""The branches of a booking, through the kiosk's real widgets against the real turn service.

Expired code and a new one, the hold running out, the hour taken by someone else while the
citizen reads the review, the service lost in the middle of confirming, the heartbeat, and the
idle wipe checked on every widget and on the service. Time on the service moves by its
MovableClock; the kiosk's wall clock follows it where countdowns must agree.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import requests

from kiosk import __version__
from kiosk.backend.client import TurnosClient
from kiosk.backend.errors import ServiceError
from kiosk.domain.contact import Channel, mask_email, mask_phone
from kiosk.domain.flow import Step
from kiosk.domain.ids import mask_id, parse_id
from kiosk.domain.models import Slot
from kiosk.printing.file_printer import FilePrinter
from kiosk.tour import LinkSwitch
from tests.helpers.screen_text import every_text
from tests.ui.conftest import KioskDriver
from turnos.clock import MovableClock
from turnos.embedded import EmbeddedService, start_embedded
from turnos.outbox import latest_code, messages_to

pytestmark = pytest.mark.slow

MakeKiosk = Callable[..., tuple[Any, KioskDriver, Any]]

RESEND_COOLDOWN_S = 2  # short, so that the kiosk's real-time countdown ends within the test


@pytest.fixture(scope="module")
def service_clock() -> MovableClock:
    return MovableClock()


@pytest.fixture(scope="module")
def clocked_service(
    tmp_path_factory: pytest.TempPathFactory, service_clock: MovableClock
) -> Iterator[EmbeddedService]:
    """A service of its own whose time the tests move (codes and holds expire on demand)."""
    service = start_embedded(
        tmp_path_factory.mktemp("turnos-clocked"),
        clock=service_clock,
        resend_cooldown_s=RESEND_COOLDOWN_S,
    )
    try:
        yield service
    finally:
        service.stop()


def _wall(clock: MovableClock) -> Callable[[], dt.datetime]:
    return lambda: dt.datetime.fromtimestamp(clock.now(), dt.UTC)


def _cedula(serial: int) -> str:
    """A valid cédula of Pichincha, different for each serial (the check digit computed)."""
    body = f"171{serial:06d}"
    total = 0
    for i, ch in enumerate(body):
        product = int(ch) * (2 if i % 2 == 0 else 1)
        total += product - 9 if product > 9 else product
    number = body + str((10 - total % 10) % 10)
    assert parse_id("cedula", number).number == number
    return number


def _other_citizen_books(service: EmbeddedService, slot: Slot, serial: int) -> None:
    """Someone at another kiosk books `slot` (verification by email, hold, booking)."""
    email = f"otra.persona{serial}@gmail.com"
    with TurnosClient(service.url, service.credentials["kiosk_token"]) as other:
        found = other.lookup("cedula", _cedula(serial))
        verification = other.start_verification(found.citizen, email, None, Channel.EMAIL)
        session = other.confirm(verification.id, latest_code(service.outbox, email))
        hold = other.hold(session, slot)
        other.book(session, hold.id, uuid.uuid4().hex)


def _free_places(kiosk: Any, where: tuple[int, str], slot: Slot) -> int:
    """Free places of `slot` as the service counts them now (`where`: agency, procedure)."""
    slots = kiosk.client.slots(where[0], where[1], slot.start.date())  # start: agency's zone
    return next((s.free_places for s in slots if s.id == slot.id), 0)


def _where(kiosk: Any) -> tuple[int, str]:
    draft = kiosk.controller.flow.draft
    assert draft.agency_id is not None
    assert draft.procedure_code is not None
    return draft.agency_id, draft.procedure_code


def _to_code(driver: KioskDriver, cedula: str, email: str, phone: str) -> None:
    driver.start()
    driver.identify(cedula)
    driver.at(Step.CONTACT)
    driver.contact(email, phone)
    driver.at(Step.VERIFY_CODE)


# --- the code --------------------------------------------------------------------------------


def test_expired_code_then_a_new_one_with_its_countdown(
    make_kiosk: MakeKiosk, clocked_service: EmbeddedService, service_clock: MovableClock
) -> None:
    service = clocked_service
    kiosk, driver, _idle = make_kiosk(
        service.url, service.credentials["kiosk_token"], service.outbox, now=_wall(service_clock)
    )
    email = "marta.quispe@gmail.com"
    _to_code(driver, _cedula(101), email, "0991110101")
    view = driver.view(Step.VERIFY_CODE)
    # The resend waits for the service's cool-down, and says so with a countdown.
    assert 0 < view.resend_wait() <= RESEND_COOLDOWN_S
    assert not view.resend.isEnabled()
    assert "Pedir otro código en" in view.resend.text()
    old_code = driver.latest_code(email)

    service_clock.advance(service.settings.code_ttl_s + 1)  # the citizen took too long
    driver.enter_code(old_code)
    assert kiosk.controller.flow.current is Step.VERIFY_CODE
    assert "ya venció" in view.error.text()

    driver.qtbot.waitUntil(view.resend.isEnabled, timeout=RESEND_COOLDOWN_S * 1000 + 2000)
    assert view.resend.text() == "Enviar un código nuevo"
    sent = len(messages_to(service.outbox, email))
    driver.tap(view.resend)
    driver.settle()
    driver.qtbot.waitUntil(lambda: len(messages_to(service.outbox, email)) > sent, timeout=5000)
    # A new countdown before yet another code; the error is gone.
    assert view.resend_wait() > 0
    assert not view.resend.isEnabled()
    assert view.error.text() == ""
    driver.enter_code(driver.latest_code(email))
    driver.at(Step.PROVINCE)


# --- the hold --------------------------------------------------------------------------------


def test_hold_runs_out_on_the_review_and_the_kiosk_goes_back_by_itself(
    make_kiosk: MakeKiosk, clocked_service: EmbeddedService, service_clock: MovableClock
) -> None:
    service = clocked_service
    kiosk, driver, _idle = make_kiosk(
        service.url, service.credentials["kiosk_token"], service.outbox, now=_wall(service_clock)
    )
    driver.to_review(_cedula(102), "pedro.alava@gmail.com", "0991110102")
    review = driver.view(Step.REVIEW)
    assert review.hold_seconds_left() > 0  # the hold's countdown is on the screen

    service_clock.advance(service.settings.hold_ttl_s + 1)  # the citizen reads on and on
    # No tap: the kiosk's own timer sees the hold end and returns to the hours.
    driver.at(Step.SCHEDULE)
    schedule = driver.view(Step.SCHEDULE)
    assert "El tiempo para confirmar terminó" in schedule.error.text()
    assert kiosk.controller.flow.draft.hold is None
    assert schedule.hours.keys()  # the hours of the day are offered again


def test_slot_taken_while_reviewing_sends_the_citizen_back_to_the_hours(
    make_kiosk: MakeKiosk, clocked_service: EmbeddedService, service_clock: MovableClock
) -> None:
    service = clocked_service
    # The kiosk keeps its own clock here: it still believes in the hold when Confirmar is
    # tapped, and learns from the service that the place is gone.
    kiosk, driver, _idle = make_kiosk(
        service.url, service.credentials["kiosk_token"], service.outbox
    )
    driver.to_review(_cedula(103), "irene.cedeno@gmail.com", "0991110103")
    slot, where = kiosk.controller.flow.draft.slot, _where(kiosk)
    assert slot is not None

    service_clock.advance(service.settings.hold_ttl_s + 1)  # our hold expires...
    serial = 200
    while _free_places(kiosk, where, slot) > 0:  # ...and other citizens take every place left
        _other_citizen_books(service, slot, serial)
        serial += 1
    assert serial > 200  # the place our hold had is among those taken

    driver.next()  # Confirmar
    driver.at(Step.SCHEDULE)
    schedule = driver.view(Step.SCHEDULE)
    # Our hold ran out before the others took the place: the service answers hold_expired.
    assert schedule.error.text() == "El tiempo para confirmar terminó. Elija la hora otra vez."
    assert kiosk.controller.flow.draft.hold is None
    assert kiosk.controller.flow.draft.confirmation is None
    offered = list(schedule.hours.keys())
    assert slot.id not in offered  # the full hour is no longer offered
    # Another hour books normally.
    driver.pick_hour()
    driver.next()
    driver.at(Step.REVIEW)
    driver.next()
    driver.at(Step.DONE)


# --- the service lost in the middle ------------------------------------------------------------


def test_service_lost_while_confirming_then_back_and_the_booking_completes(
    make_kiosk: MakeKiosk, turnos_service: EmbeddedService, switch: LinkSwitch
) -> None:
    kiosk, driver, _idle = make_kiosk(
        switch.url, turnos_service.credentials["kiosk_token"], turnos_service.outbox
    )
    driver.to_review(_cedula(104), "hugo.mendez@gmail.com", "0991110104")
    switch.cut()
    driver.next()  # Confirmar
    driver.qtbot.waitUntil(kiosk.shell.out_of_service.isVisible, timeout=10000)
    assert kiosk.controller.out_of_service
    driver.settle()
    switch.connect()
    driver.qtbot.waitUntil(lambda: not kiosk.shell.out_of_service.isVisible(), timeout=15000)
    # The review is still there, hold and all: Confirmar again books.
    assert kiosk.controller.flow.current is Step.REVIEW
    assert kiosk.controller.flow.draft.hold is not None
    driver.next()
    driver.at(Step.DONE)
    assert kiosk.controller.flow.draft.confirmation is not None


# --- printer and heartbeat -------------------------------------------------------------------


def _kiosk_rows(service: EmbeddedService) -> list[dict[str, Any]]:
    response = requests.get(
        service.url + "/v1/kiosks",
        headers={"Authorization": f"Bearer {service.credentials['operator_token']}"},
        timeout=10,
    )
    response.raise_for_status()
    rows: list[dict[str, Any]] = response.json()["kiosks"]
    return rows


def test_heartbeat_reaches_the_service_with_version_and_printer_state(
    make_kiosk: MakeKiosk, clocked_service: EmbeddedService, tmp_path: Path
) -> None:
    service = clocked_service
    kiosk, driver, _idle = make_kiosk(
        service.url, service.credentials["kiosk_token"], service.outbox
    )
    kiosk.controller.send_heartbeat()
    driver.qtbot.waitUntil(
        lambda: any(
            r["version"] == __version__ and r["printer_state"] == "ready"
            for r in _kiosk_rows(service)
        ),
        timeout=10000,
    )
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the printer wants a folder")
    kiosk.controller.printer = FilePrinter(blocker / "slips")
    kiosk.controller.send_heartbeat()
    driver.qtbot.waitUntil(
        lambda: any(r["printer_state"] not in (None, "ready") for r in _kiosk_rows(service)),
        timeout=10000,
    )


# --- the idle wipe -----------------------------------------------------------------------------


def test_idle_wipe_leaves_nothing_personal_and_releases_hold_and_session(
    make_kiosk: MakeKiosk, turnos_service: EmbeddedService
) -> None:
    kiosk, driver, idle_clock = make_kiosk(
        turnos_service.url, turnos_service.credentials["kiosk_token"], turnos_service.outbox
    )
    cedula, email, phone = _cedula(105), "zoila.yanez@gmail.com", "0997771105"
    driver.to_review(cedula, email, phone)
    draft = kiosk.controller.flow.draft
    slot, session, where = draft.slot, kiosk.controller.session.current, _where(kiosk)
    assert slot is not None
    assert session is not None
    code = driver.latest_code(email)
    masked_name = draft.masked_name or ""
    held = _free_places(kiosk, where, slot)  # with our hold counted
    # The review shows the citizen's data, masked, before the wipe: the checks after it are
    # about something that was there.
    review_texts = "\n".join(every_text(kiosk.shell))
    for value in (mask_id(cedula), mask_email(email), mask_phone(phone), masked_name):
        assert value
        assert value in review_texts

    # The citizen walks away: the idle clock runs to the warning, then past its end; the
    # watcher's own timer is fired at once instead of waiting for it.
    wait = kiosk.idle.tracker.next_change_in()
    assert wait is not None
    idle_clock.advance(wait)
    kiosk.idle.timer.start(0)
    driver.qtbot.waitUntil(kiosk.shell.idle_warning.isVisible, timeout=5000)
    idle_clock.advance(3600)
    kiosk.idle.timer.start(0)
    driver.at(Step.WELCOME)

    assert kiosk.controller.flow.draft.personal_fields_empty()
    assert kiosk.controller.session.current is None
    shown = "\n".join(every_text(kiosk.shell))
    secrets = [cedula, email, email.split("@")[0], phone, phone[1:], "+593" + phone[1:], code]
    secrets += [mask_id(cedula), mask_email(email), mask_phone(phone), masked_name]
    for secret in filter(None, secrets):
        assert secret not in shown, f"{secret!r} is still on a widget"
    assert not kiosk.shell.idle_warning.isVisible()

    # On the service: the hold was given back and the session ended.
    driver.qtbot.waitUntil(lambda: _free_places(kiosk, where, slot) == held + 1, timeout=5000)

    def ended() -> bool:
        try:
            kiosk.client.current_bookings(session)
        except ServiceError:
            return True
        return False

    driver.qtbot.waitUntil(ended, timeout=5000)
