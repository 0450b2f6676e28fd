"""Printing through CUPS with the `lp` and `lpstat` clients (no pycups, no C headers).

The job carries an explicit PageSize that matches the rendered slip, so a thermal queue never
gets an A4 page and an office queue never gets a 30 cm strip. The server is the usual one
(CUPS_SERVER or client.conf) unless one is given.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Mapping

from kiosk.printing.paper import Paper, cups_page_size, page_height_points
from kiosk.printing.printer import PrinterProblem, PrintError, PrinterStatus

_TIMEOUT_S = 15.0

# lpstat "Alerts:" / printer-state-reasons that mean "cannot print now" (RFC 8011 keywords).
_REASONS: tuple[tuple[str, PrinterProblem], ...] = (
    ("media-empty", PrinterProblem.PAPER_OUT),
    ("media-needed", PrinterProblem.PAPER_OUT),
    ("door-open", PrinterProblem.COVER_OPEN),
    ("cover-open", PrinterProblem.COVER_OPEN),
    ("offline", PrinterProblem.OFFLINE),
    ("shutdown", PrinterProblem.OFFLINE),
    ("connecting-to-device", PrinterProblem.OFFLINE),
    ("paused", PrinterProblem.QUEUE_STOPPED),
)


def lp_command(queue: str, paper: Paper, page_height_pt: float) -> list[str]:
    """The exact `lp` call for a slip (pure, so tests check it as is)."""
    return [
        "lp",
        "-d",
        queue,
        "-o",
        f"PageSize={cups_page_size(paper, page_height_pt)}",
        "-t",
        "Turno",  # a neutral job title: job lists are visible to anyone on the server
        "--",
    ]


def parse_lpstat(queue: str, returncode: int, output: str) -> PrinterStatus:
    """Status from `lpstat -p QUEUE -l` (pure). Reads the English "C" locale output."""
    text = output.strip()
    if returncode != 0 or not text.startswith(f"printer {queue} "):
        lowered = text.lower()
        if any(s in lowered for s in ("invalid destination", "unknown destination", "not exist")):
            return PrinterStatus.failed(PrinterProblem.NOT_FOUND, f"no CUPS queue {queue}")
        if "scheduler is not running" in lowered or "unable to connect" in lowered:
            return PrinterStatus.failed(PrinterProblem.OFFLINE, "CUPS server not reachable")
        return PrinterStatus.failed(PrinterProblem.ERROR, text.splitlines()[0] if text else "")
    head = text.splitlines()[0]
    alerts = ""
    for line in text.splitlines()[1:]:
        if line.strip().startswith("Alerts:"):
            alerts = line.split(":", 1)[1]
    reasons = alerts.split()
    paper_low = any(r.startswith("media-low") for r in reasons)
    if " disabled " in f" {head} ":
        return PrinterStatus.failed(PrinterProblem.QUEUE_STOPPED, head, paper_low=paper_low)
    for keyword, problem in _REASONS:
        if any(r.startswith(keyword) and not r.endswith("-report") for r in reasons):
            return PrinterStatus.failed(problem, f"{keyword}", paper_low=paper_low)
    return PrinterStatus.ok(paper_low=paper_low, detail=head)


class CupsPrinter:
    def __init__(self, queue: str, *, server: str | None = None) -> None:
        if not queue:
            raise ValueError("a CUPS queue name is required")
        self.queue = queue
        self._server = server

    def _env(self) -> Mapping[str, str]:
        env = dict(os.environ, LC_ALL="C", LANG="C")  # lpstat output is parsed
        if self._server:
            env["CUPS_SERVER"] = self._server
        return env

    def print_pdf(self, pdf: bytes, paper: Paper) -> None:
        # A stopped (disabled) queue still accepts the job and keeps it: the slip would come
        # out when someone starts the queue again, into another citizen's hand.
        status = self.status()
        if not status.ready:
            raise PrintError(status.problem or PrinterProblem.ERROR, status.detail)
        try:
            height = page_height_points(pdf)
        except ValueError as exc:
            raise PrintError(PrinterProblem.ERROR, str(exc)) from exc
        command = lp_command(self.queue, paper, height)
        try:
            done = subprocess.run(
                command,
                input=pdf,
                capture_output=True,
                env=self._env(),
                timeout=_TIMEOUT_S,
            )
        except (OSError, subprocess.SubprocessError) as exc:
            raise PrintError(PrinterProblem.ERROR, f"lp failed: {exc}") from exc
        if done.returncode != 0:
            message = done.stderr.decode(errors="replace").strip()
            status = parse_lpstat(self.queue, 1, message)
            raise PrintError(status.problem or PrinterProblem.ERROR, message)

    def status(self) -> PrinterStatus:
        try:
            done = subprocess.run(
                ["lpstat", "-p", self.queue, "-l"],
                capture_output=True,
                text=True,
                env=self._env(),
                timeout=_TIMEOUT_S,
            )
        except (OSError, subprocess.SubprocessError) as exc:
            return PrinterStatus.failed(PrinterProblem.ERROR, f"lpstat failed: {exc}")
        return parse_lpstat(self.queue, done.returncode, done.stdout + done.stderr)
