"""The slip printer as the kiosk will use it: the status `kiosk.printing` reads (CUPS through
`lpstat`, ESC/POS through its real-time status bytes, the file back end's folder), plus whether a
CUPS queue accepts jobs (`lpstat -a`), which the kiosk's status does not ask."""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass

from kiosk.field.checks import Check, failed, passed
from kiosk.field.words import Words
from kiosk.printing.factory import PrinterSettings, default_output_dir, printer_from_settings
from kiosk.printing.printer import PrinterProblem, PrinterStatus

_LPSTAT_TIMEOUT_S = 15.0


@dataclass(frozen=True)
class PrinterFacts:
    backend: str
    where: str  # the queue, host:port or folder, for the technician
    status: PrinterStatus
    accepting: bool | None = None  # CUPS only: the queue takes new jobs
    queues: tuple[str, ...] = ()  # CUPS only, when the queue is missing: those that exist

    def heartbeat(self) -> tuple[str, str]:
        """(printer_state, paper) as the kiosk reports them (kiosk/booking/service_monitor)."""
        status = self.status
        state = "ready" if status.ready else "error"
        if status.problem is PrinterProblem.OFFLINE:
            state = "offline"
        if status.problem is PrinterProblem.PAPER_OUT:
            return state, "out"
        return state, "low" if status.paper_low else "ok"


def read_printer(settings: PrinterSettings) -> PrinterFacts:
    backend = str(settings.backend)
    where = _where(settings)
    try:
        printer = printer_from_settings(settings)
    except ValueError as exc:
        return PrinterFacts(
            backend, where, PrinterStatus.failed(PrinterProblem.NOT_CONFIGURED, str(exc))
        )
    status = printer.status()
    if backend != "cups" or not settings.queue:
        return PrinterFacts(backend, where, status)
    if status.problem is PrinterProblem.NOT_FOUND:
        return PrinterFacts(backend, where, status, queues=cups_queues())
    accepting = None if status.problem is PrinterProblem.OFFLINE else accepts_jobs(settings.queue)
    return PrinterFacts(backend, where, status, accepting)


def _where(settings: PrinterSettings) -> str:
    if settings.backend == "cups":
        return str(settings.queue or "?")
    if settings.backend == "escpos":
        if settings.escpos_host:
            return f"{settings.escpos_host}:{settings.escpos_port}"
        vendor, product = settings.escpos_usb_vendor, settings.escpos_usb_product
        return f"usb {vendor or 0:04x}:{product or 0:04x}"
    return str(settings.output_dir or default_output_dir())


def _lpstat(*args: str) -> subprocess.CompletedProcess[str] | None:
    env = dict(os.environ, LC_ALL="C", LANG="C")  # the output is parsed
    try:
        return subprocess.run(
            ["lpstat", *args], capture_output=True, text=True, env=env, timeout=_LPSTAT_TIMEOUT_S
        )
    except (OSError, subprocess.SubprocessError):
        return None


def accepts_jobs(queue: str) -> bool | None:
    """`lpstat -a QUEUE`: "QUEUE accepting requests since …" or "… not accepting requests"."""
    done = _lpstat("-a", queue)
    if done is None or done.returncode != 0:
        return None
    for line in done.stdout.splitlines():
        if line.startswith(f"{queue} "):
            return " not accepting " not in f" {line} "
    return None


def cups_queues() -> tuple[str, ...]:
    """The queues CUPS knows (`lpstat -e`), to name them when the configured one is missing."""
    done = _lpstat("-e")
    if done is None or done.returncode != 0:
        return ()
    return tuple(line.strip() for line in done.stdout.splitlines() if line.strip())


def check_printer(
    words: Words, facts: PrinterFacts, *, provisioning: bool = False, fields: tuple[str, ...] = ()
) -> Check:
    """Ready, or what stops it. While provisioning, a printer that answers but wants paper or
    has its cover open has correct settings: that passes, with the words to fix it."""
    status, where, backend = facts.status, facts.where, facts.backend
    problem = status.problem
    if backend == "cups" and status.ready and facts.accepting is False:
        detail = words("printer.rejecting", queue=where)
        return failed("printer", detail, words("printer.rejecting.fix", queue=where), fields)
    if status.ready:
        key = "printer.ok_file" if backend == "file" else "printer.ok"
        detail = words(key, backend=backend, where=where)
        if status.paper_low:
            detail += "; " + words("printer.paper_low")
        return passed("printer", detail, fields)
    if provisioning and problem in (PrinterProblem.PAPER_OUT, PrinterProblem.COVER_OPEN):
        said = words(f"printer.{problem.value}", where=where)
        return passed(
            "printer", words("printer.answers_but", backend=backend, where=where, said=said), fields
        )
    name = problem.value if problem else "error"
    if problem is PrinterProblem.NOT_FOUND or problem is PrinterProblem.ERROR:
        name = f"{name}.{backend}"
    if problem is PrinterProblem.OFFLINE and backend == "cups":
        name = "offline.cups"
    queues = ", ".join(facts.queues) or words("printer.no_queues")
    detail = words(f"printer.{name}", where=where, detail=status.detail, queues=queues)
    return failed("printer", detail, words(f"printer.{name}.fix", where=where), fields)


def check_paper(words: Words, backend: str, paper: str, fields: tuple[str, ...] = ()) -> Check:
    """An ESC/POS printer takes roll paper only (kiosk/printing/escpos_printer.py)."""
    if backend == "escpos" and paper not in ("80mm", "58mm"):
        return failed(
            "paper", words("paper.not_roll", paper=paper), words("paper.not_roll.fix"), fields
        )
    return passed("paper", paper, fields)
