"""The turn service killed (SIGKILL, a real process) in the middle of a booking and started
again on the same port and database: the kiosk goes out of service and comes back by itself,
the citizen's review is still there with all it held, and Confirmar again books exactly once
(the same Idempotency-Key: a booking the dead process had already made is answered again, not
made twice), as the database file says.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from kiosk.domain.contact import mask_email, mask_phone
from kiosk.domain.flow import Step
from kiosk.domain.ids import mask_id
from tests.helpers.fault_proxy import Fault, FaultProxy
from tests.helpers.screen_text import every_text, seen_text
from tests.reliability.conftest import KillableService
from tests.service.helpers import new_cedula, new_email, new_mobile
from tests.ui.conftest import KioskDriver

pytestmark = pytest.mark.slow

OUT_OF_SERVICE = "Kiosco fuera de servicio"
WHAT_TO_DO = "www.iess.gob.ec"
COMES_BACK = "volverá a funcionar solo"


def _review_is_whole(kiosk: Any, cedula: str, email: str, phone: str) -> None:
    """The review as the citizen left it: same step, same hold, their data masked on it."""
    assert kiosk.controller.flow.current is Step.REVIEW
    draft = kiosk.controller.flow.draft
    assert draft.hold is not None
    assert draft.email == email
    assert draft.phone == "+593" + phone[1:]  # as the contact form normalised it
    texts = "\n".join(every_text(kiosk.shell))
    for masked in (mask_id(cedula), mask_email(email), mask_phone(phone)):
        assert masked in texts


def _out_of_service_then_back(driver: KioskDriver, restart: Callable[[], None]) -> None:
    kiosk = driver.kiosk
    driver.qtbot.waitUntil(kiosk.shell.out_of_service.isVisible, timeout=10000)
    said = "\n".join(seen_text(kiosk.shell))
    # What happened and what to do meanwhile, in the citizen's words.
    assert OUT_OF_SERVICE in said
    assert WHAT_TO_DO in said
    assert COMES_BACK in said
    restart()
    driver.qtbot.waitUntil(lambda: not kiosk.shell.out_of_service.isVisible(), timeout=20000)
    assert not kiosk.controller.out_of_service


def test_killed_between_the_hold_and_the_booking(
    reliable_kiosk: Callable[..., tuple[Any, KioskDriver]], killable_service: KillableService
) -> None:
    service = killable_service
    kiosk, driver = reliable_kiosk(service.url, service.credentials["kiosk_token"], service.outbox)
    cedula, email, phone = new_cedula(), new_email(), new_mobile()
    driver.to_review(cedula, email, phone)
    ref = kiosk.controller.flow.draft.citizen_ref
    hour = driver.view(Step.REVIEW)
    hold_before = kiosk.controller.flow.draft.hold

    service.kill()
    driver.next()  # Confirmar, to a dead service
    _out_of_service_then_back(driver, service.start)

    assert kiosk.controller.flow.draft.hold == hold_before
    _review_is_whole(kiosk, cedula, email, phone)
    assert hour.isVisible()
    assert service.bookings_of(ref) == []  # nothing was booked by the dead service
    driver.next()  # Confirmar again
    driver.at(Step.DONE)
    confirmation = kiosk.controller.flow.draft.confirmation
    assert confirmation is not None
    assert service.bookings_of(ref) == [(confirmation.booking.code, "active")]


@pytest.mark.parametrize(
    "service_got_it",
    [False, True],
    ids=["killed-before-the-service-read-it", "killed-after-it-booked-answer-lost"],
)
def test_killed_during_the_booking_request(
    reliable_kiosk: Callable[..., tuple[Any, KioskDriver]],
    killable_service: KillableService,
    service_got_it: bool,
) -> None:
    service = killable_service
    with FaultProxy.to_url(service.url) as proxy:
        kiosk, driver = reliable_kiosk(
            proxy.url, service.credentials["kiosk_token"], service.outbox
        )
        cedula, email, phone = new_cedula(), new_email(), new_mobile()
        driver.to_review(cedula, email, phone)
        ref = kiosk.controller.flow.draft.citizen_ref
        # The service dies while the booking is under way: before it read the request, or
        # after it committed the booking and while its answer was on the way.
        proxy.inject(
            "POST", "/v1/bookings", Fault("reset", forward=service_got_it, then=service.kill)
        )
        driver.next()  # Confirmar
        _out_of_service_then_back(driver, service.start)

        booked_meanwhile = service.bookings_of(ref)
        assert len(booked_meanwhile) == (1 if service_got_it else 0)
        _review_is_whole(kiosk, cedula, email, phone)
        driver.next()  # Confirmar again: the same key
        driver.at(Step.DONE)
        confirmation = kiosk.controller.flow.draft.confirmation
        assert confirmation is not None
        assert service.bookings_of(ref) == [(confirmation.booking.code, "active")]
        if service_got_it:  # the booking the dead process made, answered again
            assert booked_meanwhile == [(confirmation.booking.code, "active")]
        assert [p.path for p in proxy.seen if p.method == "POST" and p.path == "/v1/bookings"] == [
            "/v1/bookings",
            "/v1/bookings",
        ]
