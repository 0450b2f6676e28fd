"""The one small interface every printer back end implements, and its status vocabulary."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from kiosk.printing.paper import Paper


class PrinterProblem(StrEnum):
    OFFLINE = "offline"
    PAPER_OUT = "paper_out"
    COVER_OPEN = "cover_open"
    QUEUE_STOPPED = "queue_stopped"
    NOT_FOUND = "not_found"
    NOT_CONFIGURED = "not_configured"
    ERROR = "error"


@dataclass(frozen=True, slots=True)
class PrinterStatus:
    """Whether a slip can be printed now; `detail` is for technicians, never for citizens."""

    ready: bool
    problem: PrinterProblem | None
    paper_low: bool = False
    detail: str = ""

    @classmethod
    def ok(cls, *, paper_low: bool = False, detail: str = "") -> PrinterStatus:
        return cls(True, None, paper_low, detail)

    @classmethod
    def failed(
        cls, problem: PrinterProblem, detail: str, *, paper_low: bool = False
    ) -> PrinterStatus:
        return cls(False, problem, paper_low, detail)


class PrintError(Exception):
    """A job could not be handed to the printer; `reason` says why (no personal data)."""

    def __init__(self, reason: PrinterProblem, detail: str = "") -> None:
        super().__init__(f"{reason.value}: {detail}" if detail else reason.value)
        self.reason = reason
        self.detail = detail


class Printer(Protocol):
    def print_pdf(self, pdf: bytes, paper: Paper) -> None:
        """Print a rendered slip; raises PrintError."""

    def status(self) -> PrinterStatus:
        """Can a slip be printed right now, and if not, why; never raises."""
