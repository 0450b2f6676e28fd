"""What the counter answers for a scanned slip, decided offline from the token alone.

The order is the service's (turnos/services/checkin.py): signature, then agency, day and the
turn's check-in window. Offline there is no state to read (checked in, cancelled): that is the
service's to say when the check-in reaches it. Pure: no Qt, no HTTP, no files.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from zoneinfo import ZoneInfo

from kiosk.domain.token import Claims, KeySet, TokenError, TokenProblem, authentic

#: The service's default check-in window around a turn's start (TURNOS_CHECKIN_BEFORE_S and
#: TURNOS_CHECKIN_AFTER_S); a counter configured otherwise says so in its settings.
CHECKIN_BEFORE_S = 1800
CHECKIN_AFTER_S = 900


class Answer(StrEnum):
    """Every answer the counter shows; the values are the service's check-in results."""

    CHECKED_IN = "checked_in"
    ALREADY_CHECKED_IN = "already_checked_in"
    CANCELLED = "cancelled"
    WRONG_AGENCY = "wrong_agency"
    WRONG_DAY = "wrong_day"
    TOO_EARLY = "too_early"
    TOO_LATE = "too_late"
    FORGED = "invalid"  # forged, altered, damaged, or signed by a key we do not trust

    @property
    def accepted(self) -> bool:
        return self is Answer.CHECKED_IN


@dataclass(frozen=True)
class Window:
    """When a turn may be checked in: from `before_s` before its start to `after_s` after."""

    before_s: int = CHECKIN_BEFORE_S
    after_s: int = CHECKIN_AFTER_S


@dataclass(frozen=True)
class OfflineVerdict:
    answer: Answer
    claims: Claims | None  # None when the token is not genuine
    problem: TokenProblem | None = None  # why a token was refused
    expired: bool = False  # genuine, but past its expiry (a turn of an earlier day)

    @property
    def genuine(self) -> bool:
        return self.claims is not None


def judge(
    token: str,
    keys: KeySet,
    now: int,
    zone: ZoneInfo,
    *,
    agency_id: int | None = None,
    today: dt.date | None = None,
    window: Window | None = None,
) -> OfflineVerdict:
    """The answer for `token` at `now`, from the signature and the claims only.

    `agency_id`, `today` and `window` are each checked only when given (the command line checks
    the signature and expiry alone unless asked for more); the counter window passes them all.
    The expiry is always checked: a genuine token past it is a turn of an earlier day.
    """
    try:
        claims = authentic(token, keys, now)
    except TokenError as exc:
        return OfflineVerdict(Answer.FORGED, None, exc.problem)
    expired = now >= claims.expires_at
    if agency_id is not None and claims.agency_id != agency_id:
        return OfflineVerdict(Answer.WRONG_AGENCY, claims, expired=expired)
    turn_day = dt.datetime.fromtimestamp(claims.turn_start, zone).date()
    if expired or (today is not None and turn_day != today):
        return OfflineVerdict(Answer.WRONG_DAY, claims, expired=expired)
    if window is not None:
        if now < claims.turn_start - window.before_s:
            return OfflineVerdict(Answer.TOO_EARLY, claims)
        if now > claims.turn_start + window.after_s:
            return OfflineVerdict(Answer.TOO_LATE, claims)
    return OfflineVerdict(Answer.CHECKED_IN, claims)
