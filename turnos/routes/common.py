"""Shared route helpers: documented error responses, ISO times."""

from __future__ import annotations

import datetime as dt
from typing import Any

from turnos.errors import PROBLEM_JSON, ApiError, ErrorCode

_PROBLEM_REF = {"$ref": "#/components/schemas/Problem"}

# Dates a client may ask about: enough for any booking or record, and far from datetime's edges
# (the year 9999 overflows a day's arithmetic).
EARLIEST_DAY = dt.date(2000, 1, 1)
LATEST_DAY = dt.date(2099, 12, 31)


def problems(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses` for the problem+json answers a route may give."""
    return {
        status: {"description": "Problem", "content": {PROBLEM_JSON: {"schema": _PROBLEM_REF}}}
        for status in (*statuses, 400, 401, 403, 429)
    }


def utc_iso(epoch: int) -> str:
    return dt.datetime.fromtimestamp(epoch, dt.UTC).isoformat()


def parse_day(value: str, name: str) -> dt.date:
    """A YYYY-MM-DD query parameter within EARLIEST_DAY..LATEST_DAY, else 400 invalid_request."""
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise ApiError(ErrorCode.INVALID_REQUEST, f"{name}: expected YYYY-MM-DD") from None
    if not EARLIEST_DAY <= day <= LATEST_DAY:
        raise ApiError(
            ErrorCode.INVALID_REQUEST, f"{name}: must be between {EARLIEST_DAY} and {LATEST_DAY}"
        )
    return day
