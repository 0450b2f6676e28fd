"""Slots are computed from opening hours, holidays and closures; a row exists once held.

A slot id is `AGENCY.PROCEDURE.START` (START in epoch seconds): opaque to clients, and enough
for any process to rebuild the slot without a lookup table.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays
from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from turnos import models

_SLOT_ID = re.compile(r"^(\d{1,10})\.([A-Z0-9_]{1,32})\.(\d{1,12})$")
# An agency id beyond a 32-bit INTEGER column names no slot (PostgreSQL would overflow), and a
# start outside 2000..2100 none that is bookable (the calendar's datetime would overflow).
MAX_DB_ID = 2**31 - 1
EARLIEST_START = 946_684_800  # 2000-01-01T00:00:00Z
LATEST_START = 4_102_444_800  # 2100-01-01T00:00:00Z


@dataclass(frozen=True)
class SlotSpec:
    id: str
    agency_id: int
    procedure_code: str
    start: int
    end: int
    capacity: int
    local_date: dt.date


def slot_id(agency_id: int, procedure_code: str, start: int) -> str:
    return f"{agency_id}.{procedure_code}.{start}"


def parse_slot_id(value: str) -> tuple[int, str, int] | None:
    m = _SLOT_ID.match(value)
    if not m:
        return None
    agency_id, start = int(m.group(1)), int(m.group(3))
    if not 1 <= agency_id <= MAX_DB_ID:
        return None
    return agency_id, m.group(2), start


def capacity_for(agency: models.Agency, sid: str) -> int:
    spread = agency.places_max - agency.places_min + 1
    if spread <= 1:
        return agency.places_min
    return agency.places_min + int.from_bytes(hashlib.sha256(sid.encode()).digest()[:4]) % spread


#: A name in Spanish and English (a holiday's, or a closure's reason as the operator wrote it).
Reason = tuple[str, str]


@lru_cache(maxsize=16)
def _national_holidays(year: int) -> dict[dt.date, Reason]:
    """Ecuador's national holidays of a year, each with its name in Spanish and English."""
    es = holidays.country_holidays("EC", years=year, language="es")
    en = holidays.country_holidays("EC", years=year, language="en_US")
    return {day: (name, en.get(day) or name) for day, name in es.items()}


def load_holidays(today: dt.date) -> None:
    """Read the holidays of the years around `today` now, at start, not in a citizen's request.

    The first `country_holidays` imports all of `holidays.countries` (some 250 modules). In a
    process that has loaded PySide6 (`kiosk demo`, the tour, the tests), Qt's import hook reads
    each module's source as it is imported; with the files out of the page cache that took
    over ten seconds, and the kiosk's first `GET /v1/availability` timed out waiting for it.
    """
    for year in (today.year - 1, today.year, today.year + 1):  # any zone's today, a year ahead
        _national_holidays(year)


def holiday(day: dt.date) -> Reason | None:
    return _national_holidays(day.year).get(day)


def is_holiday(day: dt.date) -> bool:
    return holiday(day) is not None


def closures(session: Session, agency_id: int, first: dt.date, last: dt.date) -> dict[dt.date, str]:
    """The agency's operator closures from `first` to `last` (one query): day -> reason."""
    rows = session.scalars(
        select(models.Closure)
        .where(
            models.Closure.agency_id == agency_id,
            models.Closure.from_date <= last.isoformat(),
            models.Closure.to_date >= first.isoformat(),
        )
        .order_by(models.Closure.id)
    ).all()
    closed: dict[dt.date, str] = {}
    for c in rows:
        day = max(first, dt.date.fromisoformat(c.from_date))
        end = min(last, dt.date.fromisoformat(c.to_date))
        while day <= end:
            closed.setdefault(day, c.reason)
            day += dt.timedelta(days=1)
    return closed


def local_today(agency: models.Agency, now: int) -> dt.date:
    return dt.datetime.fromtimestamp(now, ZoneInfo(agency.time_zone)).date()


def day_slots(agency: models.Agency, procedure_code: str, day: dt.date) -> Iterator[SlotSpec]:
    """Every slot of a day by the opening hours alone (no holiday or closure check)."""
    zone = ZoneInfo(agency.time_zone)
    step = dt.timedelta(minutes=agency.slot_minutes)
    for line in agency.hours:
        if day.isoweekday() not in line["weekdays"]:
            continue
        start = dt.datetime.combine(day, dt.time.fromisoformat(line["opens"]), tzinfo=zone)
        closes = dt.datetime.combine(day, dt.time.fromisoformat(line["closes"]), tzinfo=zone)
        while start + step <= closes:
            s, e = int(start.timestamp()), int((start + step).timestamp())
            sid = slot_id(agency.id, procedure_code, s)
            yield SlotSpec(sid, agency.id, procedure_code, s, e, capacity_for(agency, sid), day)
            start += step


OPEN, FULL, CLOSED, NOT_OPEN = "open", "full", "closed", "not_open"


@dataclass(frozen=True)
class DayInfo:
    """One day of `GET /v1/availability`: its state, free places and why it is closed."""

    date: dt.date
    state: str  # OPEN, FULL, CLOSED or NOT_OPEN
    free_places: int = 0
    reason: Reason | None = None  # a holiday's name or a closure's reason, when closed


class Calendar:
    """Bookable slots of one agency and procedure as of `now`."""

    def __init__(
        self,
        session: Session,
        agency: models.Agency,
        procedure_code: str,
        now: int,
        booking_days: int,
    ) -> None:
        self.session = session
        self.agency = agency
        self.procedure_code = procedure_code
        self.now = now
        self.today = local_today(agency, now)
        self.last_day = self.today + dt.timedelta(days=booking_days)

    def slots(self, first: dt.date, last: dt.date) -> list[SlotSpec]:
        return self._slots(first, last, None)

    def _slots(
        self, first: dt.date, last: dt.date, closed: dict[dt.date, str] | None
    ) -> list[SlotSpec]:
        first, last = max(first, self.today), min(last, self.last_day)
        if first > last:
            return []
        if closed is None:
            closed = closures(self.session, self.agency.id, first, last)
        out: list[SlotSpec] = []
        day = first
        while day <= last:
            if day not in closed and not is_holiday(day):
                out.extend(self._bookable(day))
            day += dt.timedelta(days=1)
        return out

    def _bookable(self, day: dt.date) -> Iterator[SlotSpec]:
        return (s for s in day_slots(self.agency, self.procedure_code, day) if s.start > self.now)

    def days(self, first: dt.date, last: dt.date) -> list[DayInfo]:
        """What the calendar says of each day from `first` to `last`, today at the earliest.

        Days before today are left out (nothing to book, nothing to say). A day the agency is
        closed is `closed` even past the window; an open day past the window is `not_open`,
        decided without the database. Today after its last slot has begun is `full`.
        """
        first = max(first, self.today)
        if first > last:
            return []
        closed = closures(self.session, self.agency.id, first, last)
        specs = self._slots(first, last, closed)
        taken = self.taken(specs)
        free: dict[dt.date, int] = {}
        for s in specs:
            free[s.local_date] = free.get(s.local_date, 0) + max(0, s.capacity - taken.get(s.id, 0))
        out: list[DayInfo] = []
        day = first
        while day <= last:
            out.append(self._day(day, closed, free))
            day += dt.timedelta(days=1)
        return out

    def _day(self, day: dt.date, closed: dict[dt.date, str], free: dict[dt.date, int]) -> DayInfo:
        name = holiday(day)
        if name is not None:
            return DayInfo(day, CLOSED, reason=name)
        if day in closed:
            return DayInfo(day, CLOSED, reason=(closed[day], closed[day]))
        if next(day_slots(self.agency, self.procedure_code, day), None) is None:
            return DayInfo(day, CLOSED)  # not a day of the agency's hours
        if day > self.last_day:
            return DayInfo(day, NOT_OPEN)
        places = free.get(day, 0)
        return DayInfo(day, OPEN if places > 0 else FULL, places)

    def taken(self, specs: list[SlotSpec]) -> dict[str, int]:
        if not specs:
            return {}
        rows = self.session.execute(
            select(models.Slot.id, models.Slot.taken).where(
                models.Slot.agency_id == self.agency.id,
                models.Slot.procedure_code == self.procedure_code,
                models.Slot.start_at >= min(s.start for s in specs),
                models.Slot.start_at <= max(s.start for s in specs),
            )
        )
        return {row.id: row.taken for row in rows}

    def find(self, sid: str) -> SlotSpec | None:
        parsed = parse_slot_id(sid)
        if parsed is None or parsed[0] != self.agency.id or parsed[1] != self.procedure_code:
            return None
        if not EARLIEST_START <= parsed[2] < LATEST_START:
            return None
        day = dt.datetime.fromtimestamp(parsed[2], ZoneInfo(self.agency.time_zone)).date()
        return next((s for s in self.slots(day, day) if s.id == sid), None)


def ensure_slot_row(session: Session, spec: SlotSpec) -> None:
    """Create the slot's counter row unless another transaction already did."""
    values = {
        "id": spec.id,
        "agency_id": spec.agency_id,
        "procedure_code": spec.procedure_code,
        "start_at": spec.start,
        "end_at": spec.end,
        "capacity": spec.capacity,
        "taken": 0,
    }
    dialect = session.get_bind().dialect.name
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    session.execute(insert(models.Slot).values(**values).on_conflict_do_nothing())
