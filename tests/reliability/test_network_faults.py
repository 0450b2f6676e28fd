"""Network faults at every call the kiosk makes, through a real proxy on loopback.

Every call of `kiosk/backend/client.py` meets each fault of tests/helpers/fault_proxy.py: a
reset connection, a service that never answers (the client's timeout), a slow answer, a body
cut short on the wire and a body whose JSON stops halfway. The client turns each into
`ServiceUnavailable` (a GET whose connection broke is asked again once), and the same call
made again afterwards works. Through the real widgets, a whole booking meets a fault at every
call it makes: each ends on the out-of-service screen (what happened, where else to book, that
the kiosk comes back by itself), the kiosk comes back by itself with the citizen's screen and
entries as they were, and the booking is made exactly once (the database says so).

When only the answer is lost (the service did the work), every call is safe to repeat: reads
by nature, the booking and the code sent by their Idempotency-Key, the code check because the
service answers the right code again with a new session for a short while.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from kiosk.backend.client import Session, TurnosClient
from kiosk.backend.errors import ServiceError, ServiceUnavailable
from kiosk.domain.contact import Channel
from kiosk.domain.flow import Step
from kiosk.domain.models import Slot
from tests.helpers.fault_proxy import Fault, FaultProxy, Kind
from tests.helpers.screen_text import seen_text
from tests.reliability.conftest import HTTP_TIMEOUT_S, bookings_in
from tests.service.helpers import new_cedula, new_email, new_mobile
from tests.ui.conftest import KioskDriver
from turnos.clock import MovableClock
from turnos.embedded import EmbeddedService, start_embedded
from turnos.outbox import latest_code, messages_to

FAULTS: list[Kind] = ["reset", "hang", "truncate", "cut_json"]
#: The client's timeout where only the client is tested: a hang costs this much per call.
CLIENT_TIMEOUT_S = 0.3
#: Calls whose answer's body the client never reads (the status says it all).
BODY_UNREAD = frozenset({"heartbeat", "release_hold", "cancel_booking", "end_session"})
#: Faults of the answer: the service got the request and acted on it.
ANSWER_BROKEN = ("truncate", "cut_json")


@pytest.fixture(scope="module")
def net_service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmbeddedService]:
    """A demo service of this module's own: a new code may be asked for at once."""
    service = start_embedded(tmp_path_factory.mktemp("turnos-net"), resend_cooldown_s=0)
    try:
        yield service
    finally:
        service.stop()


@pytest.fixture
def proxy(net_service: EmbeddedService) -> Iterator[FaultProxy]:
    with FaultProxy.to_url(net_service.url) as fault_proxy:
        yield fault_proxy


def _fault(
    kind: Kind, *, forward: bool = False, times: int = 1, timeout_s: float = HTTP_TIMEOUT_S
) -> Fault:
    delay = {"hang": timeout_s + 1.0, "slow": min(timeout_s / 3, 0.25)}.get(kind, 0.0)
    return Fault(kind, forward=forward, delay_s=delay, times=times)


def _free_slot(client: TurnosClient, after: int = 0) -> Slot:
    day = dt.date.today() + dt.timedelta(days=1)
    found: list[Slot] = []
    while len(found) <= after:
        found += [s for s in client.slots(171, "CLAVE_PATRONAL", day) if s.free_places > 0]
        day += dt.timedelta(days=1)
    return found[after]


# --- the client, call by call ------------------------------------------------------------------


class Journey:
    """A citizen's calls, each made once broken by `kind` and once again through the proxy."""

    def __init__(self, client: TurnosClient, fast: TurnosClient, proxy: FaultProxy) -> None:
        # The broken call goes through `fast`, which gives up soon; the rest through `client`,
        # whose patience suits a shared machine.
        self.client, self.fast, self.proxy = client, fast, proxy
        self.outcomes: dict[str, str] = {}

    def call(
        self,
        kind: Kind,
        method: str,
        path: str,
        fn: Callable[..., Any],
        *args: Any,
        repeat: bool = True,
    ) -> Any:
        before = len(self.proxy.seen)
        broken = getattr(self.fast if kind == "hang" else self.client, fn.__name__)
        self.proxy.inject(method, path, _fault(kind, timeout_s=CLIENT_TIMEOUT_S))
        if kind == "slow" or (kind == "cut_json" and fn.__name__ in BODY_UNREAD):
            result = broken(*args)  # in time, only later; or an answer whose body is not read
            self.outcomes[path] = "answered"
            return result
        if method == "GET" and kind == "reset":
            result = broken(*args)  # the broken connection is asked again once
            assert len(self.proxy.seen) - before == 2
            self.outcomes[path] = "retried"
            return result
        with pytest.raises(ServiceUnavailable):
            broken(*args)
        self.outcomes[path] = "unavailable"
        assert self.proxy.pending() == 0
        if not repeat and kind in ANSWER_BROKEN:
            return None  # the service did it; asking again would count against a limit
        return fn(*args)  # the same call again, the network healthy


@pytest.mark.parametrize("kind", [*FAULTS, "slow"])
def test_every_client_call_meets_the_fault_then_works_again(
    kind: Kind,
    proxy: FaultProxy,
    net_service: EmbeddedService,
    make_client: Callable[..., TurnosClient],
) -> None:
    token = net_service.credentials["kiosk_token"]
    client = make_client(proxy.url, token)
    j = Journey(client, make_client(proxy.url, token, timeout_s=CLIENT_TIMEOUT_S), proxy)
    j.call(kind, "GET", "/v1/health", client.health)
    j.call(kind, "GET", "/v1/catalog", client.catalog)
    assert j.call(kind, "GET", "/v1/keys", client.keys)["keys"]
    j.call(kind, "POST", "/v1/kiosks/heartbeat", client.heartbeat, "1.0", "ready", "ok", None)
    cedula, email = new_cedula(), new_email()
    found = j.call(kind, "POST", "/v1/citizens/lookup", client.lookup, "cedula", cedula)
    verification = j.call(
        kind, "POST", "/v1/verifications", client.start_verification,
        found.citizen, email, None, Channel.EMAIL,
    )  # fmt: skip
    j.call(
        kind, "POST", "/v1/verifications/[^/]+/resend", client.resend, verification.id,
        repeat=False,
    )  # fmt: skip
    code = latest_code(net_service.outbox, email)
    session: Session | None = j.call(
        kind, "POST", "/v1/verifications/[^/]+/confirm", client.confirm, verification.id, code,
        repeat=False,
    )  # fmt: skip
    if session is None:  # the code was used up by the check whose answer broke: a new one
        email = new_email()
        verification = client.start_verification(found.citizen, email, None, Channel.EMAIL)
        session = client.confirm(verification.id, latest_code(net_service.outbox, email))
    assert j.call(kind, "GET", "/v1/bookings/current", client.current_bookings, session) == []
    today = dt.date.today()
    j.call(
        kind, "GET", "/v1/availability", client.availability,
        171, "CLAVE_PATRONAL", today, today + dt.timedelta(days=13),
    )  # fmt: skip
    slot = _free_slot(client)
    j.call(kind, "GET", "/v1/slots", client.slots, 171, "CLAVE_PATRONAL", slot.start.date())
    hold = j.call(kind, "POST", "/v1/holds", client.hold, session, slot)
    j.call(kind, "DELETE", "/v1/holds/[^/]+", client.release_hold, session, hold.id)
    hold = client.hold(session, slot)
    key = uuid.uuid4().hex
    confirmation = j.call(kind, "POST", "/v1/bookings", client.book, session, hold.id, key)
    assert bookings_in(net_service.database_url, found.citizen) == [
        (confirmation.booking.code, "active")
    ]
    j.call(
        kind, "DELETE", "/v1/bookings/[^/]+", client.cancel_booking, session,
        confirmation.booking.id, repeat=False,
    )  # fmt: skip
    j.call(kind, "DELETE", "/v1/sessions/current", client.end_session, session, repeat=False)
    # Every call of the client met the fault.
    assert len(j.outcomes) == 16
    assert bookings_in(net_service.database_url, found.citizen) == [
        (confirmation.booking.code, "cancelled")
    ]


# --- answers lost after the service did the work ------------------------------------------------


def _verified(client: TurnosClient, service: EmbeddedService) -> tuple[str, Session]:
    cedula, email = new_cedula(), new_email()
    found = client.lookup("cedula", cedula)
    verification = client.start_verification(found.citizen, email, None, Channel.EMAIL)
    return found.citizen, client.confirm(verification.id, latest_code(service.outbox, email))


@pytest.mark.parametrize("kind", ["reset", "hang", "truncate"])
def test_a_lost_booking_answer_repeated_books_once(
    kind: Kind,
    proxy: FaultProxy,
    net_service: EmbeddedService,
    make_client: Callable[..., TurnosClient],
) -> None:
    client = make_client(proxy.url, net_service.credentials["kiosk_token"])
    fast = make_client(
        proxy.url, net_service.credentials["kiosk_token"], timeout_s=CLIENT_TIMEOUT_S
    )
    ref, session = _verified(client, net_service)
    slot = _free_slot(client)
    free_before = slot.free_places
    proxy.inject("POST", "/v1/holds", _fault(kind, forward=True, timeout_s=CLIENT_TIMEOUT_S))
    with pytest.raises(ServiceUnavailable):
        fast.hold(session, slot)
    hold = client.hold(session, slot)  # asked again: the one hold of the session
    places = {s.id: s.free_places for s in client.slots(171, "CLAVE_PATRONAL", slot.start.date())}
    assert places.get(slot.id, 0) == free_before - 1
    key = uuid.uuid4().hex
    proxy.inject("POST", "/v1/bookings", _fault(kind, forward=True, timeout_s=CLIENT_TIMEOUT_S))
    with pytest.raises(ServiceUnavailable):
        fast.book(session, hold.id, key)
    assert len(bookings_in(net_service.database_url, ref)) == 1  # made, answer lost
    confirmation = client.book(session, hold.id, key)
    assert bookings_in(net_service.database_url, ref) == [(confirmation.booking.code, "active")]
    client.cancel_booking(session, confirmation.booking.id)


def test_a_lost_cancel_answer_repeated_is_already_done(
    proxy: FaultProxy, net_service: EmbeddedService, make_client: Callable[..., TurnosClient]
) -> None:
    client = make_client(proxy.url, net_service.credentials["kiosk_token"])
    fast = make_client(
        proxy.url, net_service.credentials["kiosk_token"], timeout_s=CLIENT_TIMEOUT_S
    )
    ref, session = _verified(client, net_service)
    hold = client.hold(session, _free_slot(client))
    confirmation = client.book(session, hold.id, uuid.uuid4().hex)
    proxy.inject("DELETE", "/v1/bookings/[^/]+", _fault("reset", forward=True))
    with pytest.raises(ServiceUnavailable):
        fast.cancel_booking(session, confirmation.booking.id)
    with pytest.raises(ServiceError) as again:  # the kiosk takes not_found as "already gone"
        client.cancel_booking(session, confirmation.booking.id)
    assert again.value.code == "not_found"
    assert bookings_in(net_service.database_url, ref) == [(confirmation.booking.code, "cancelled")]


def test_a_lost_answer_to_send_the_code_asked_again_gives_a_usable_code(
    fault_proxy: FaultProxy,
    turnos_service: EmbeddedService,
    make_client: Callable[..., TurnosClient],
) -> None:
    # The shared service keeps the shipped minute between two codes to one address.
    proxy, net_service = fault_proxy, turnos_service
    client = make_client(proxy.url, net_service.credentials["kiosk_token"])
    fast = make_client(
        proxy.url, net_service.credentials["kiosk_token"], timeout_s=CLIENT_TIMEOUT_S
    )
    found = client.lookup("cedula", new_cedula())
    email = new_email()
    key = uuid.uuid4().hex  # the kiosk's: request_key(visit, ...)
    proxy.inject("POST", "/v1/verifications", _fault("reset", forward=True))
    with pytest.raises(ServiceUnavailable):
        fast.start_verification(found.citizen, email, None, Channel.EMAIL, "es", key)
    verification = client.start_verification(found.citizen, email, None, Channel.EMAIL, "es", key)
    client.confirm(verification.id, latest_code(net_service.outbox, email))
    assert len(messages_to(net_service.outbox, email)) == 1  # one code, the first


def test_a_lost_answer_to_the_code_check_asked_again_gives_the_session(
    proxy: FaultProxy, net_service: EmbeddedService, make_client: Callable[..., TurnosClient]
) -> None:
    client = make_client(proxy.url, net_service.credentials["kiosk_token"])
    fast = make_client(
        proxy.url, net_service.credentials["kiosk_token"], timeout_s=CLIENT_TIMEOUT_S
    )
    found = client.lookup("cedula", new_cedula())
    email = new_email()
    verification = client.start_verification(found.citizen, email, None, Channel.EMAIL)
    code = latest_code(net_service.outbox, email)
    proxy.inject("POST", "/v1/verifications/[^/]+/confirm", _fault("reset", forward=True))
    with pytest.raises(ServiceUnavailable):
        fast.confirm(verification.id, code)
    client.confirm(verification.id, code)


# --- the kiosk, screen by screen ------------------------------------------------------------------


OUT_OF_SERVICE_WORDS = (
    "Kiosco fuera de servicio",
    "www.iess.gob.ec",
    "volverá a funcionar solo",
)


#: The fault each call of a booking meets, in two visits: every kind in each visit, two kinds
#: at every call. Where the service acts on a request (the code sent, the code
#: checked, the booking), the answer is lost after it acted (a broken answer, or forward).
VISITS: dict[str, list[tuple[Kind, bool]]] = {
    "A": [
        ("reset", False),  # lookup
        ("truncate", False),  # a code sent (sent; its answer cut)
        ("cut_json", False),  # the code checked (a session opened; its answer cut)
        ("truncate", False),  # the citizen's turns
        ("cut_json", False),  # the days
        ("hang", False),  # the hours
        ("truncate", False),  # the hold
        ("cut_json", False),  # the booking (made; its answer cut)
    ],
    "B": [
        ("cut_json", False),
        ("hang", True),  # the code sent, its answer never comes
        ("hang", True),  # the code accepted, its answer never comes
        ("cut_json", False),
        ("truncate", False),
        ("reset", False),
        ("hang", False),
        ("hang", True),  # the booking made, its answer never comes
    ],
}


class FaultyVisit:
    """A citizen at a kiosk behind the proxy; the n-th call of the booking meets the n-th
    fault of its visit."""

    def __init__(self, driver: KioskDriver, proxy: FaultProxy, faults: list[tuple[Kind, bool]]):
        self.driver, self.proxy, self.faults = driver, proxy, faults
        self.kiosk = driver.kiosk
        self.met: list[tuple[str, Kind]] = []

    def fault(self, method: str, path: str) -> None:
        kind, forward = self.faults[len(self.met)]
        self.met.append((path, kind))
        # A GET whose connection broke is asked again once: break it twice to be seen.
        times = 2 if method == "GET" and kind == "reset" else 1
        self.proxy.inject(method, path, _fault(kind, forward=forward, times=times))

    def through(
        self, act: Callable[[], None], method: str, path: str, kept: Callable[[], Any]
    ) -> None:
        """`act` meets the fault on `method path`: out of service, back by itself, the screen
        and what `kept()` reads as they were; then `act` again goes through."""
        kiosk, driver = self.kiosk, self.driver
        step, before = kiosk.controller.flow.current, kept()
        shown_before = kiosk.shell.current_view()
        self.fault(method, path)
        act()
        driver.qtbot.waitUntil(kiosk.shell.out_of_service.isVisible, timeout=10000)
        said = "\n".join(seen_text(kiosk.shell))
        for words in OUT_OF_SERVICE_WORDS:
            assert words in said, f"{method} {path}: {words!r} not said"
        driver.qtbot.waitUntil(lambda: not kiosk.shell.out_of_service.isVisible(), timeout=15000)
        driver.settle()
        assert kiosk.controller.flow.current is step, f"{method} {path}: moved to another step"
        assert kiosk.shell.current_view() is shown_before, f"{method} {path}: another screen"
        assert kept() == before, f"{method} {path}: the citizen's entries changed"
        act()


@pytest.mark.slow
@pytest.mark.parametrize("visit_name", sorted(VISITS))
def test_a_booking_with_a_fault_at_every_call_ends_booked_once(
    visit_name: str,
    reliable_kiosk: Callable[..., tuple[Any, KioskDriver]],
    proxy: FaultProxy,
    net_service: EmbeddedService,
) -> None:
    kiosk, driver = reliable_kiosk(
        proxy.url,
        net_service.credentials["kiosk_token"],
        net_service.outbox,
        environ={"KIOSK_SERVICE__TIMEOUT_S": str(HTTP_TIMEOUT_S)},
    )
    visit = FaultyVisit(driver, proxy, VISITS[visit_name])
    flow = kiosk.controller.flow
    cedula, email, phone = new_cedula(), new_email(), new_mobile()

    driver.start()
    identify = driver.view(Step.IDENTIFY)
    driver.type_keys(identify.keypad.key, cedula)
    visit.through(driver.next, "POST", "/v1/citizens/lookup", lambda: identify.value())
    driver.at(Step.CONTACT)

    contact = driver.view(Step.CONTACT)
    driver.accept_notice()
    driver.fill_contact(email, phone)
    visit.through(
        driver.next,
        "POST",
        "/v1/verifications",
        lambda: (contact.email.text(), contact.phone.text()),
    )
    driver.at(Step.VERIFY_CODE)

    # The code sent again after its answer was lost is the same request: one code, no other.
    assert len(messages_to(net_service.outbox, email)) == 1
    code_view = driver.view(Step.VERIFY_CODE)
    driver.type_code(driver.latest_code(email))
    visit.through(driver.next, "POST", "/v1/verifications/[^/]+/confirm", code_view.value)
    # The code is right, the session given; the citizen's turns could not be read.
    visit.through(driver.next, "GET", "/v1/bookings/current", code_view.value)
    driver.at(Step.PROVINCE)

    driver.choose(Step.PROVINCE, "17")
    driver.choose(Step.PROCEDURE, "CLAVE_PATRONAL")
    driver.pick(Step.AGENCY)
    agency = driver.view(Step.AGENCY)
    visit.through(driver.next, "GET", "/v1/availability", agency.value)
    driver.at(Step.SCHEDULE)

    schedule = driver.view(Step.SCHEDULE)
    day = next(d.date for d in kiosk.controller.days if d.available and d.date > dt.date.today())
    visit.through(
        lambda: driver.tap(schedule.calendar.cell(day)),
        "GET",
        "/v1/slots",
        lambda: flow.draft.agency_id,
    )
    driver.wait_until(lambda: bool(schedule.hours.keys()) and not kiosk.controller.busy)
    driver.pick_hour()
    visit.through(driver.next, "POST", "/v1/holds", lambda: schedule.value())
    driver.at(Step.REVIEW)

    visit.through(driver.next, "POST", "/v1/bookings", lambda: flow.draft.hold)
    driver.at(Step.DONE)
    confirmation = flow.draft.confirmation
    assert confirmation is not None
    assert len(visit.met) == 8
    assert {kind for _path, kind in visit.met} == set(FAULTS)
    assert bookings_in(net_service.database_url, flow.draft.citizen_ref or "") == [
        (confirmation.booking.code, "active")
    ]


@pytest.mark.slow
def test_a_booking_whose_answer_was_lost_is_asked_again_when_the_hold_runs_out(
    reliable_kiosk: Callable[..., tuple[Any, KioskDriver]],
    clocked_service: tuple[EmbeddedService, MovableClock],
) -> None:
    """The service booked, its answer never came, and the hold's countdown ends before the
    citizen confirms again: the kiosk asks once more with the same key and shows the booking
    the service made, instead of sending the citizen back to the hours of a turn they have."""
    service, clock = clocked_service
    with FaultProxy.to_url(service.url) as proxy:
        kiosk, driver = reliable_kiosk(
            proxy.url,
            service.credentials["kiosk_token"],
            service.outbox,
            now=lambda: dt.datetime.fromtimestamp(clock.now(), dt.UTC),
        )
        driver.to_review(new_cedula(), new_email(), new_mobile())
        flow = kiosk.controller.flow
        hold = flow.draft.hold
        assert hold is not None
        proxy.inject("POST", "/v1/bookings", Fault("reset", forward=True))
        driver.next()  # Confirmar: booked on the service, the answer lost
        driver.qtbot.waitUntil(kiosk.shell.out_of_service.isVisible, timeout=10000)
        driver.qtbot.waitUntil(lambda: not kiosk.shell.out_of_service.isVisible(), timeout=15000)
        made = bookings_in(service.database_url, flow.draft.citizen_ref or "")
        assert len(made) == 1
        assert flow.current is Step.REVIEW
        # The citizen hesitates; the hold's time runs out.
        clock.advance(int((hold.expires_at.timestamp() - clock.now()) + 2))
        driver.at(Step.DONE, 20000)
        confirmation = flow.draft.confirmation
        assert confirmation is not None
        assert [(confirmation.booking.code, "active")] == made
        assert [p.path for p in proxy.seen if p.method == "POST" and p.path == "/v1/bookings"] == [
            "/v1/bookings"
        ] * 2


@pytest.mark.slow
def test_back_from_the_review_while_the_days_cannot_be_read_lands_on_the_agency(
    reliable_kiosk: Callable[..., tuple[Any, KioskDriver]],
    proxy: FaultProxy,
    net_service: EmbeddedService,
) -> None:
    """Atrás on the review gives the hold back and asks for the days again; when they do not
    come, the citizen is on the agency screen (kept) with a flow that agrees, and Siguiente
    there books as usual: never a review shown over a flow that already left it."""
    kiosk, driver = reliable_kiosk(
        proxy.url,
        net_service.credentials["kiosk_token"],
        net_service.outbox,
        environ={"KIOSK_SERVICE__TIMEOUT_S": str(HTTP_TIMEOUT_S)},
    )
    driver.to_review(new_cedula(), new_email(), new_mobile())
    flow = kiosk.controller.flow
    agency_id = flow.draft.agency_id
    # A GET whose connection broke is asked again once: broken twice to be seen.
    proxy.inject("GET", "/v1/availability", _fault("reset", times=2))
    driver.tap(kiosk.shell.back_button)
    driver.qtbot.waitUntil(kiosk.shell.out_of_service.isVisible, timeout=10000)
    driver.qtbot.waitUntil(lambda: not kiosk.shell.out_of_service.isVisible(), timeout=15000)
    driver.settle()
    assert flow.current is Step.AGENCY
    assert kiosk.shell.current_view() is driver.view(Step.AGENCY)
    assert flow.draft.agency_id == agency_id
    assert flow.draft.hold is None
    driver.next()
    driver.at(Step.SCHEDULE)
    driver.pick_day()
    driver.pick_hour()
    driver.next()
    driver.at(Step.REVIEW)
    driver.next()
    driver.at(Step.DONE, 20000)
    confirmation = flow.draft.confirmation
    assert confirmation is not None
    assert bookings_in(net_service.database_url, flow.draft.citizen_ref or "") == [
        (confirmation.booking.code, "active")
    ]
