"""What the counter's desk tells its window: the answer for a slip, the connection, the day.

Data, and the pure steps that make an answer from the token's claims (offline) or from the
service's reply (authoritative); `Names` also reads and writes its own small file. Times are in
the agency's zone; names and ids masked. No Qt, no HTTP.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from kiosk.domain.models import Catalog, Language
from kiosk.domain.token import Claims, TokenProblem
from kiosk.staff.api import CheckinReply, StaffBooking
from kiosk.staff.verdict import Answer, Window


class Notice(StrEnum):
    """What the counter says when there is no verdict to give."""

    NOT_A_SLIP = "not_a_slip"  # a QR or text that is not a turn's token
    NO_QR = "no_qr"  # the values from here to TOO_LARGE are kiosk.staff.decode's
    NOT_AN_IMAGE = "not_an_image"
    UNREADABLE_FILE = "unreadable_file"
    TOO_LARGE = "too_large"
    NO_DECODER = "no_decoder"  # this installation cannot read pictures
    NEEDS_CONNECTION = "needs_connection"  # check-in by code, offline
    CANNOT_VERIFY = "cannot_verify"  # a key the counter lacks, and no service to ask
    SERVICE_REFUSED = "service_refused"  # the service refused this counter's credential
    SERVICE_ERROR = "service_error"  # the service refused this one call
    NOT_QUEUED = "not_queued"  # genuine, but the offline check-in could not be kept on disk


@dataclass(frozen=True)
class Outcome:
    """One answer for the clerk."""

    source: str  # scanner, camera, file, manual
    answer: Answer | None = None
    notice: Notice | None = None
    offline: bool = False  # decided without the service
    queued: bool = False  # checked in without the service: waits to be sent
    problem: TokenProblem | None = None
    code: str = ""
    procedure_code: str = ""
    agency_id: int | None = None
    start: dt.datetime | None = None
    masked_name: str = ""  # only the service knows it
    masked_id: str = ""
    checked_in_at: dt.datetime | None = None
    opens_at: dt.datetime | None = None  # when this turn's check-in opens
    closes_at: dt.datetime | None = None  # ...and closes

    @property
    def accepted(self) -> bool:
        return self.answer is Answer.CHECKED_IN


@dataclass(frozen=True)
class Connection:
    """What the status line shows: online or since when not, what waits, the keys' age."""

    online: bool | None = None  # None: not known yet
    offline_since: dt.datetime | None = None
    waiting: int = 0  # check-ins queued for the service
    keys_fetched_at: dt.datetime | None = None
    keys_count: int = 0
    refused: bool = False  # the service refuses this counter's token


@dataclass(frozen=True)
class Day:
    bookings: tuple[StaffBooking, ...]
    fetched_at: dt.datetime


log = logging.getLogger(__name__)

DEFAULT_ZONE = "America/Guayaquil"


@dataclass(frozen=True)
class Names:
    """The catalogue's names the window shows, and the agency's time zone: kept on disk by
    the desk, so that a counter started without the service still says the procedure."""

    procedures: dict[str, dict[str, str]] = field(default_factory=dict)  # code -> lang -> name
    agencies: dict[int, dict[str, str]] = field(default_factory=dict)
    zone: str = DEFAULT_ZONE  # the counter's agency's

    @classmethod
    def of(cls, catalog: Catalog, agency_id: int) -> Names:
        def both(text: Any) -> dict[str, str]:
            return {lang.value: text.get(lang) for lang in Language}

        agency = catalog.agency(agency_id)
        return cls(
            procedures={p.code: both(p.name) for p in catalog.procedures},
            agencies={a.id: both(a.name) for a in catalog.agencies},
            zone=agency.time_zone if agency is not None else DEFAULT_ZONE,
        )

    def procedure(self, code: str, language: Language) -> str:
        return self.procedures.get(code, {}).get(language.value) or code

    def agency(self, agency_id: int | None, language: Language) -> str:
        names = self.agencies.get(agency_id, {}) if agency_id is not None else {}
        return names.get(language.value, "")

    def save(self, path: Path) -> None:
        """Atomically: a power cut leaves the old file or the new one."""
        agencies = {str(k): v for k, v in self.agencies.items()}
        text = json.dumps({"procedures": self.procedures, "agencies": agencies, "zone": self.zone})
        path.parent.mkdir(parents=True, exist_ok=True)
        temp = path.with_name(path.name + ".new")
        temp.write_text(text, encoding="utf-8")
        temp.replace(path)

    @classmethod
    def load(cls, path: Path) -> Names:
        """The names an earlier run kept; none if there are none or they do not read."""
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return cls(
                procedures={str(k): dict(v) for k, v in data["procedures"].items()},
                agencies={int(k): dict(v) for k, v in data["agencies"].items()},
                zone=str(ZoneInfo(str(data["zone"]))),
            )
        except FileNotFoundError:
            return cls()
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            log.warning("kept catalogue names unreadable: %s", type(exc).__name__)
            return cls()


def _with_window(outcome: Outcome, window: Window) -> Outcome:
    if outcome.start is None:
        return outcome
    return replace(
        outcome,
        opens_at=outcome.start - dt.timedelta(seconds=window.before_s),
        closes_at=outcome.start + dt.timedelta(seconds=window.after_s),
    )


def from_claims(
    source: str, answer: Answer, claims: Claims, zone: dt.tzinfo, window: Window
) -> Outcome:
    """The offline verdict about a genuine token, with what the slip itself says."""
    outcome = Outcome(
        source,
        answer,
        offline=True,
        code=claims.turn_code,
        procedure_code=claims.procedure_code,
        agency_id=claims.agency_id,
        start=dt.datetime.fromtimestamp(claims.turn_start, zone),
        masked_id=claims.masked_id.replace("*", "•"),  # the screens' mask character
    )
    return _with_window(outcome, window)


def from_reply(reply: CheckinReply, base: Outcome, zone: dt.tzinfo, window: Window) -> Outcome:
    """The service's answer, with the turn as the service knows it (the masked name too)."""
    booking = reply.booking
    if booking is None:
        return replace(base, answer=reply.answer, offline=False)
    at = booking.checked_in_at.astimezone(zone) if booking.checked_in_at else None
    outcome = replace(
        base,
        answer=reply.answer,
        offline=False,
        code=booking.code,
        procedure_code=booking.procedure_code,
        agency_id=booking.agency_id,
        start=booking.start.astimezone(zone),
        masked_name=booking.masked_name,
        masked_id=booking.masked_id,
        checked_in_at=at,
    )
    return _with_window(outcome, window)


def already(outcome: Outcome, at: dt.datetime) -> Outcome:
    """Already checked in at `at` (by this counter, without connection)."""
    return replace(outcome, answer=Answer.ALREADY_CHECKED_IN, checked_in_at=at)
