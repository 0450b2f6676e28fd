"""`kiosk staff demo`: the counter app on one machine, with a day of turns to check in.

Starts the reference turn service in this process (SQLite in a fresh temporary folder, the
clearly fake demo catalogue, a free loopback port, as `kiosk demo` does), books a handful of
turns over its HTTP API the way a kiosk would (lookup, verification with the code read from the
demo outbox, hold, booking; one of them then cancelled), writes each turn's slip as a PDF, plus
a copy with one character of its QR changed, and opens the counter window on that service with
a staff token of the agency. The turns are today's when the agency still has slots today;
in the evening (or on a day off) they are the next day's that has slots, and their slips then
answer "another day".

The demo ends with Ctrl+Q, closing the window, Ctrl+C or SIGTERM; each way, and an error too,
removes the temporary folder (the service's keys, database and messages, the slips, the
counter's keys and queue).
"""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import functools
import json
import logging
import shlex
import shutil
import signal
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

import base45
import qasync
import requests

from kiosk.app import application, configure_logging
from kiosk.backend.parse import ParseError, parse_catalog, parse_confirmation, parse_slots
from kiosk.config import KioskSettings
from kiosk.demo import QuitOnSignals, add_quit_keys
from kiosk.domain.ids import is_valid_cedula
from kiosk.domain.masking import mask_email
from kiosk.domain.models import Agency, Catalog, Confirmation, Language, Slot
from kiosk.domain.token import PREFIX
from kiosk.printing.content import SlipData
from kiosk.printing.paper import Paper
from kiosk.printing.slip import render_slip
from kiosk.printing.texts import format_date
from kiosk.staff.app import assemble_staff
from kiosk.staff.window import FileChooser, choose_with_dialog

if TYPE_CHECKING:
    from turnos.clock import Clock
    from turnos.embedded import EmbeddedService

log = logging.getLogger(__name__)

DATA_PREFIX = "kiosk-staff-demo-"
SLIPS_DIR = "slips"
KEYS_FILE = "keys.json"  # the service's published keys, for `kiosk staff verify --keys`
FORGED_SUFFIX = "-alterado"

# Turns booked and left active, and of those how many can be checked in at once (when the
# hours allow); one more is booked and cancelled. Five bookings in all: the burst that the
# service's default budgets give one kiosk token (TURNOS_KIOSK_BOOKINGS_BURST and
# TURNOS_KIOSK_EMAIL_SENDS_BURST), so the demo needs no limit raised.
ACTIVE_TURNS = 4
OPEN_NOW = 3
# How far ahead the next day with slots is looked for (the service books 28 days ahead).
SEARCH_DAYS = 28
# Slots starting sooner than this are left alone while others are free.
BOOKING_MARGIN_S = 120

_SAY = "kiosk staff demo:"


class DemoSeedError(RuntimeError):
    """The demo service refused a call while the day was being seeded."""


# --- the service, as a kiosk calls it ---------------------------------------------------------


class DemoKiosk:
    """The calls that book a turn, with the demo service's kiosk token (requests, no retries).

    Errors name the call and the service's problem code, never what was sent.
    """

    def __init__(self, url: str, kiosk_token: str, outbox: Path, timeout_s: float = 10.0):
        self.url = url.rstrip("/") + "/v1"
        self.outbox = outbox
        self.timeout_s = timeout_s
        self.http = requests.Session()
        self.http.headers["Authorization"] = f"Bearer {kiosk_token}"

    def __repr__(self) -> str:  # never shows the token
        return f"DemoKiosk({self.url!r})"

    def close(self) -> None:
        self.http.close()

    def call(self, method: str, path: str, *, session: str | None = None, **kwargs: Any) -> Any:
        headers = dict(kwargs.pop("headers", {}))
        if session is not None:
            headers["X-Citizen-Session"] = session
        response = self.http.request(
            method, self.url + path, headers=headers, timeout=self.timeout_s, **kwargs
        )
        if not response.ok:
            try:
                problem = response.json()
            except ValueError:
                problem = None
            code = problem.get("code", "") if isinstance(problem, dict) else ""
            raise DemoSeedError(f"{method} /v1{path}: {response.status_code} {code}".strip())
        return response.json() if response.content else None

    def catalog(self) -> Catalog:
        return parse_catalog(self.call("GET", "/catalog"))

    def keys(self) -> dict[str, Any]:
        keys: dict[str, Any] = self.call("GET", "/keys")
        return keys

    def slots(self, agency_id: int, procedure: str, day: dt.date) -> list[Slot]:
        params = {"agency": agency_id, "procedure": procedure, "date": day.isoformat()}
        return parse_slots(self.call("GET", "/slots", params=params))

    def verified(self, id_number: str, email: str) -> str:
        """A citizen session: lookup, a code by email (read from the outbox), confirmation."""
        from turnos.outbox import latest_code  # the demo service's own outbox files

        citizen = self.call(
            "POST", "/citizens/lookup", json={"id_type": "cedula", "id_number": id_number}
        )["citizen"]
        body = {"citizen": citizen, "email": email, "channel": "email", "language": "es"}
        verification = self.call("POST", "/verifications", json=body)["id"]
        code = latest_code(self.outbox, email)
        answer = self.call("POST", f"/verifications/{verification}/confirm", json={"code": code})
        return str(answer["session_token"])

    def book(self, session: str, slot: Slot) -> Confirmation:
        hold = self.call("POST", "/holds", session=session, json={"slot": slot.id})["id"]
        headers = {"Idempotency-Key": uuid.uuid4().hex}
        answer = self.call(
            "POST", "/bookings", session=session, headers=headers, json={"hold": hold}
        )
        return parse_confirmation(answer)

    def cancel(self, session: str, booking_id: str) -> None:
        self.call("DELETE", f"/bookings/{booking_id}", session=session)


# --- which turns ------------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class Place:
    """One free place of a slot (a slot may have several)."""

    slot: Slot
    procedure: str

    @property
    def start(self) -> int:
        return int(self.slot.start.timestamp())


def spread(places: Sequence[Place], count: int, taken: Sequence[Place] = ()) -> list[Place]:
    """Up to `count` of `places` (in their order) not in `taken`, first those of procedures
    neither taken nor chosen yet, so the day's list shows several."""
    chosen: list[Place] = []
    for first_pass in (True, False):
        for place in places:
            if len(chosen) == count:
                return chosen
            if any(place is other for other in (*taken, *chosen)):
                continue
            if first_pass and any(place.procedure == o.procedure for o in (*taken, *chosen)):
                continue
            chosen.append(place)
    return chosen


def choose_turns(
    places: Sequence[Place], now: int, before_s: int
) -> tuple[list[Place], Place | None]:
    """The places to book and keep (up to `OPEN_NOW` of them open for check-in at `now`), and
    the one to book and cancel (None when the day has no place left for it)."""
    # A turn about to start could be gone by the time it is booked.
    soon = now + BOOKING_MARGIN_S
    ordered = sorted(
        [p for p in places if p.start > soon] or places, key=lambda p: (p.start, p.procedure)
    )
    open_now = [p for p in ordered if p.start - before_s <= now]
    later = [p for p in ordered if p.start - before_s > now]
    active = spread(open_now, OPEN_NOW)
    active += spread(later, ACTIVE_TURNS - len(active), active)
    active += spread(ordered, ACTIVE_TURNS - len(active), active)
    rest = spread(later, 1, active) or spread(ordered, 1, active)
    return sorted(active, key=lambda p: (p.start, p.procedure)), (rest[0] if rest else None)


def open_later(agency: Agency, day: dt.date, after: dt.datetime) -> bool:
    """Whether the agency's hours leave time on `day` after `after` (holidays not known)."""
    for line in agency.hours:
        if day.isoweekday() in line.weekdays:
            closes = dt.datetime.combine(day, line.closes, tzinfo=after.tzinfo)
            if closes > after:
                return True
    return False


def demo_cedula(index: int, province_code: str) -> str:
    """A made-up cédula of the agency's province with a valid check digit."""
    for serial in range(index * 1000 + 101, index * 1000 + 1000):
        body = f"{province_code}{index % 6}{serial:06d}"[:9]
        total = 0
        for i, digit in enumerate(body):
            d = int(digit) * (2 if i % 2 == 0 else 1)
            total += d - 9 if d > 9 else d
        number = body + str((10 - total % 10) % 10)
        if is_valid_cedula(number):
            return number
    raise AssertionError("no valid demo cédula")  # the loop always finds one


# --- seeding ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Seeded:
    confirmation: Confirmation
    id_number: str
    email: str
    cancelled: bool = False

    @property
    def code(self) -> str:
        return self.confirmation.booking.code


@dataclass(frozen=True)
class DemoDay:
    agency: Agency
    day: dt.date
    today: bool
    turns: tuple[Seeded, ...]


def find_day(
    kiosk: DemoKiosk, catalog: Catalog, agency_ids: Sequence[int], now: int
) -> tuple[Agency, dt.date, list[Place]]:
    """The first agency with free places today; else the first agency's next day with some."""
    agencies = [a for a in (catalog.agency(i) for i in agency_ids) if a is not None]
    if not agencies:
        raise DemoSeedError("the demo service issued no staff token for a catalogue agency")
    for agency in agencies:
        moment = dt.datetime.fromtimestamp(now, ZoneInfo(agency.time_zone))
        if open_later(agency, moment.date(), moment):
            places = free_places(kiosk, agency, moment.date())
            if places:
                return agency, moment.date(), places
    agency = agencies[0]
    today = dt.datetime.fromtimestamp(now, ZoneInfo(agency.time_zone)).date()
    for ahead in range(1, SEARCH_DAYS + 1):
        day = today + dt.timedelta(days=ahead)
        start = dt.datetime.combine(day, dt.time(0), tzinfo=ZoneInfo(agency.time_zone))
        if open_later(agency, day, start):
            places = free_places(kiosk, agency, day)
            if places:
                return agency, day, places
    raise DemoSeedError(f"agency {agency.id} has no free slot in the next {SEARCH_DAYS} days")


def free_places(kiosk: DemoKiosk, agency: Agency, day: dt.date) -> list[Place]:
    return [
        Place(slot, procedure)
        for procedure in sorted(agency.procedure_codes)
        for slot in kiosk.slots(agency.id, procedure, day)
        for _place in range(slot.free_places)
    ]


def seed_day(
    kiosk: DemoKiosk, catalog: Catalog, agency_ids: Sequence[int], now: int, before_s: int
) -> DemoDay:
    """Book the demo's turns over the API (one cancelled again) and say which they are."""
    agency, day, places = find_day(kiosk, catalog, agency_ids, now)
    active, spare = choose_turns(places, now, before_s)
    turns: list[Seeded] = []
    for index, place in enumerate([*active, *([spare] if spare else [])]):
        id_number = demo_cedula(index + 1, agency.province_code)
        email = f"demo{index + 1}@example.com"
        session = kiosk.verified(id_number, email)
        confirmation = kiosk.book(session, place.slot)
        cancelled = place is spare
        if cancelled:
            kiosk.cancel(session, confirmation.booking.id)
        turns.append(Seeded(confirmation, id_number, email, cancelled))
    log.info("demo day seeded: %d turn(s) at agency %d", len(turns), agency.id)
    today = dt.datetime.fromtimestamp(now, ZoneInfo(agency.time_zone)).date()
    return DemoDay(agency, day, day == today, tuple(turns))


# --- the slips --------------------------------------------------------------------------------


def forge(token: str) -> str:
    """`token` with one character of its signature changed: still a text a QR holds and
    Base45 decodes, so it scans, but the signature no longer matches."""
    body = token[len(PREFIX) :]
    alphabet: str = base45.BASE45_CHARSET.replace(" ", "")  # no space: one word in a shell
    for position in range(len(body) - 2, 0, -1):
        for char in alphabet:
            if char == body[position]:
                continue
            changed = body[:position] + char + body[position + 1 :]
            try:
                base45.b45decode(changed)
            except ValueError:
                continue
            return PREFIX + changed
    raise ValueError("no character of the token can be changed")


def slip_data(
    turn: Seeded, catalog: Catalog, settings: KioskSettings, issued_at: dt.datetime
) -> SlipData:
    booking = turn.confirmation.booking
    agency = catalog.agency(booking.agency_id)
    procedure = catalog.procedure(booking.procedure_code)
    if agency is None or procedure is None:
        raise DemoSeedError("a booking names an agency or procedure not in the catalogue")
    return SlipData(
        booking=booking,
        agency=agency,
        procedure=dataclasses.replace(procedure, requirements=procedure.requirements_for("cedula")),
        token=turn.confirmation.token,
        kiosk_id=settings.kiosk.id,
        issued_at=issued_at,
        language=Language(settings.kiosk.default_language),
        contact_phone=settings.kiosk.contact_phone,
        institution=settings.branding.name,
        document_type="cedula",
        masked_email=mask_email(turn.email),
    )


def write_slips(
    demo: DemoDay, catalog: Catalog, settings: KioskSettings, folder: Path, now: int
) -> tuple[list[Path], Path]:
    """Each turn's slip as `<code>.pdf`, and a forged copy of the first one; their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    issued = dt.datetime.fromtimestamp(now, dt.UTC)
    paper, dpi = Paper(str(settings.printer.paper)), settings.printer.dpi
    written: list[Path] = []
    for turn in demo.turns:
        path = folder / f"{turn.code}.pdf"
        path.write_bytes(render_slip(slip_data(turn, catalog, settings, issued), paper, dpi))
        written.append(path)
    first = demo.turns[0]
    data = slip_data(first, catalog, settings, issued)
    forged = folder / f"{first.code}{FORGED_SUFFIX}.pdf"
    forged.write_bytes(render_slip(dataclasses.replace(data, token=forge(data.token)), paper, dpi))
    return written, forged


# --- what the visitor reads -------------------------------------------------------------------


def _hhmm(moment: dt.datetime, zone: str) -> str:
    return f"{moment.astimezone(ZoneInfo(zone)):%H:%M}"


def expected_answer(turn: Seeded, demo: DemoDay, now: int, before_s: int, after_s: int) -> str:
    """What the counter should answer for the turn's slip at `now`, in the counter's words."""
    zone = demo.agency.time_zone
    booking = turn.confirmation.booking
    start = int(booking.start.timestamp())
    if turn.cancelled:
        return "turno cancelado"
    if not demo.today:
        return "turno de otro día"
    if now < start - before_s:
        opens = dt.datetime.fromtimestamp(start - before_s, dt.UTC)
        return f"todavía es temprano (desde las {_hhmm(opens, zone)})"
    if now > start + after_s:
        return "llegó tarde"
    return "llegada registrada"


def guide(
    demo: DemoDay,
    slips: Sequence[Path],
    forged: Path,
    keys_file: Path,
    now: int,
    before_s: int,
    after_s: int,
) -> list[str]:
    """The lines printed for the visitor once the day is seeded."""
    agency, zone = demo.agency, demo.agency.time_zone
    lines = [f"{_SAY} agency {agency.id}, {agency.name.es}"]
    day = format_date(demo.day, Language.ES)
    if demo.today:
        lines.append(f"Turnos de hoy, {day}, reservados en el servicio de demostración:")
    else:
        lines += [
            "Hoy la agencia ya no tiene turnos: se reservaron los del próximo día con turnos,",
            f"{day}. Sus comprobantes responden «turno de otro día» en la ventanilla.",
        ]
    width = max(len(p.name) for p in (*slips, forged))
    for turn, path in zip(demo.turns, slips, strict=True):
        hour = _hhmm(turn.confirmation.booking.start, zone)
        answer = expected_answer(turn, demo, now, before_s, after_s)
        lines.append(f"  {path.name:<{width}}  {hour}  {answer}")
    lines.append(f"  {forged.name:<{width}}         copia alterada: «falso o dañado»")
    first = demo.turns[0]
    token = first.confirmation.token
    assert "'" not in token  # Base45 has no quote: single quotes keep it whole in a shell
    lines += [
        f"Comprobantes en {slips[0].parent}",
        "F3 abre un archivo; o arrástrelo a la ventana.",
    ]
    if demo.today:  # the code finds only today's turns
        lines.append(f"Sin QR (F2): código {first.code}, documento {first.id_number}.")
    lines += [
        "El mismo comprobante en la línea de comandos:",
        f"  kiosk staff verify '{token}' --keys {shlex.quote(str(keys_file))}",
    ]
    return lines


def chooser_in(folder: Path) -> FileChooser:
    """The counter's file dialog, opened on `folder`."""
    return functools.partial(choose_with_dialog, folder=folder)


# --- the demo ---------------------------------------------------------------------------------


def run_staff_demo(
    settings: KioskSettings, *, fullscreen: bool | None, clock: Clock | None = None
) -> int:
    """Embedded service + a seeded day + slips + the counter window; removes its data however
    it ends. `clock` is the service's and the counter's time (tests set one; None: the
    system's)."""
    configure_logging()  # masked by kiosk.logsafe's PersonalDataFilter
    signals = QuitOnSignals()
    data_dir = Path(tempfile.mkdtemp(prefix=DATA_PREFIX))
    print(f"{_SAY} temporary data in {data_dir} (removed on exit)", flush=True)
    try:
        return _run(settings, fullscreen, data_dir, signals, clock)
    finally:
        signals.close()
        shutil.rmtree(data_dir, ignore_errors=True)
        signals.restore()


def _run(
    settings: KioskSettings,
    fullscreen: bool | None,
    data_dir: Path,
    signals: QuitOnSignals,
    clock: Clock | None,
) -> int:
    from turnos.embedded import start_embedded

    service = start_embedded(data_dir / "service", demo=True, clock=clock)
    try:
        print(f"{_SAY} service at {service.url}", flush=True)
        try:
            lines, staff_token, agency_id = _seed(service, settings, data_dir)
        except (DemoSeedError, ParseError, LookupError, requests.RequestException) as exc:
            print(f"{_SAY} the demo day could not be prepared: {exc}", file=sys.stderr)
            return 1
        if signals.received is not None:  # Ctrl+C or SIGTERM while the day was prepared
            log.info("demo: %s received, leaving", signal.Signals(signals.received).name)
            return 0
        for line in lines:
            print(line, flush=True)
        now: Callable[[], float] = time.time if clock is None else _epoch(clock.now)
        return _run_counter(
            settings, fullscreen, data_dir, signals, service, (staff_token, agency_id), now
        )
    finally:
        service.stop()


def _seed(
    service: EmbeddedService, settings: KioskSettings, data_dir: Path
) -> tuple[list[str], str, int]:
    """The day's turns and their slips; the guide to print, the staff token and agency."""
    now = service.context.now()
    before_s = service.settings.checkin_before_s
    after_s = service.settings.checkin_after_s
    tokens: dict[str, str] = service.credentials["staff_tokens"]
    kiosk = DemoKiosk(service.url, service.credentials["kiosk_token"], service.outbox)
    try:
        catalog = kiosk.catalog()
        demo = seed_day(kiosk, catalog, [int(a) for a in tokens], now, before_s)
        slips, forged = write_slips(demo, catalog, settings, data_dir / SLIPS_DIR, now)
        keys_file = data_dir / KEYS_FILE
        keys_file.write_text(json.dumps(kiosk.keys()), encoding="utf-8")
    finally:
        kiosk.close()
    lines = guide(demo, slips, forged, keys_file, now, before_s, after_s)
    return lines, tokens[str(demo.agency.id)], demo.agency.id


def _run_counter(
    settings: KioskSettings,
    fullscreen: bool | None,
    data_dir: Path,
    signals: QuitOnSignals,
    service: EmbeddedService,
    staff: tuple[str, int],
    now: Callable[[], float],
) -> int:
    """The counter window on the demo service until Ctrl+Q, a signal, or it is closed."""
    staff_dir = data_dir / "staff"
    staff_token, agency_id = staff
    counter_settings = settings.model_copy(
        update={
            "service": settings.service.model_copy(update={"url": service.url}),
            "staff": settings.staff.model_copy(
                update={
                    "token": staff_token,
                    "agency_id": agency_id,
                    "keys_file": staff_dir / "keys.json",
                    "queue_dir": staff_dir / "queue",
                    "checkin_before_s": service.settings.checkin_before_s,
                    "checkin_after_s": service.settings.checkin_after_s,
                }
            ),
        }
    )
    app = application()
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    counter = assemble_staff(
        counter_settings, app, now=now, choose_file=chooser_in(data_dir / SLIPS_DIR)
    )
    window = counter.window
    full = settings.staff.fullscreen if fullscreen is None else fullscreen
    if full:
        window.showFullScreen()
    else:
        window.show()

    def leave() -> None:
        window.close()

    add_quit_keys(window, leave)
    signals.start(app, leave)
    counter.desk.start()
    app.lastWindowClosed.connect(app.quit)
    with loop:
        loop.run_forever()
    counter.close()
    return 0


def _epoch(now: Callable[[], int]) -> Callable[[], float]:
    return lambda: float(now())
