"""The kiosk's periodic "I am alive" report to the service, for the operators' dashboard.

`build_payload` is pure; `send_heartbeat` makes the call and never raises for a service that is
down (a missed heartbeat is exactly what the dashboard is there to notice). The UI schedules it.
"""

from __future__ import annotations

import logging
import re
from dataclasses import asdict, dataclass
from enum import StrEnum
from typing import Any, Protocol, TypeVar

from kiosk.backend.errors import BackendError

log = logging.getLogger(__name__)

_E = TypeVar("_E", bound=StrEnum)

#: Enough for a technician to recognise an error; short enough for a dashboard cell.
MAX_ERROR_CHARS = 200

# An exception text may quote what the citizen typed; these hide the usual suspects.
_EMAIL = re.compile(r"[^\s@<>\"']+@[^\s@<>\"']+")
_DIGITS = re.compile(r"\+?\d[\d \-]{5,}\d")


class PrinterState(StrEnum):
    READY = "ready"
    BUSY = "busy"
    OFFLINE = "offline"
    ERROR = "error"
    UNKNOWN = "unknown"


class PaperLevel(StrEnum):
    OK = "ok"
    LOW = "low"
    OUT = "out"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class HeartbeatPayload:
    version: str
    printer_state: PrinterState
    paper: PaperLevel
    last_error: str | None

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["printer_state"] = str(self.printer_state)
        data["paper"] = str(self.paper)
        return data


def redact(text: str) -> str:
    """Hide email addresses and long digit runs (ids, phones, codes) in free text."""
    text = _EMAIL.sub("[email]", text)
    return _DIGITS.sub("[number]", text)


def build_payload(
    version: str,
    printer_state: PrinterState | str,
    paper: PaperLevel | str,
    last_error: str | BaseException | None,
) -> HeartbeatPayload:
    """Normalise what the UI knows into a payload; unknown states become UNKNOWN."""
    if isinstance(last_error, BaseException):
        last_error = f"{type(last_error).__name__}: {last_error}"
    error = None
    if last_error:
        error = redact(" ".join(last_error.split()))
        if len(error) > MAX_ERROR_CHARS:
            error = error[: MAX_ERROR_CHARS - 1] + "…"
    return HeartbeatPayload(
        version=version,
        printer_state=_member(PrinterState, printer_state, PrinterState.UNKNOWN),
        paper=_member(PaperLevel, paper, PaperLevel.UNKNOWN),
        last_error=error,
    )


def _member(enum: type[_E], value: _E | str, default: _E) -> _E:
    try:
        return enum(value)
    except ValueError:
        return default


class HeartbeatSink(Protocol):
    """What `send_heartbeat` needs of a client (`TurnosClient` is one). A protocol, so that
    this module need not import the client, which imports this one for the payload."""

    def send_heartbeat(self, payload: HeartbeatPayload) -> None: ...


def send_heartbeat(client: HeartbeatSink, payload: HeartbeatPayload) -> bool:
    """Send one heartbeat; False (and an INFO line) when the service could not take it."""
    try:
        client.send_heartbeat(payload)
    except BackendError as exc:
        log.info("heartbeat not delivered: %s", type(exc).__name__)
        return False
    return True
