"""Shared route helpers: documented error responses, ISO times."""

from __future__ import annotations

import datetime as dt
from typing import Any

from turnos.errors import PROBLEM_JSON

_PROBLEM_REF = {"$ref": "#/components/schemas/Problem"}


def problems(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses` for the problem+json answers a route may give."""
    return {
        status: {"description": "Problem", "content": {PROBLEM_JSON: {"schema": _PROBLEM_REF}}}
        for status in (*statuses, 400, 401, 403, 429)
    }


def utc_iso(epoch: int) -> str:
    return dt.datetime.fromtimestamp(epoch, dt.UTC).isoformat()
