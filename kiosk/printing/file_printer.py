"""The demo "printer": each slip becomes a PDF file in a folder."""

from __future__ import annotations

import itertools
import os
import time
from pathlib import Path

from kiosk.printing.paper import Paper
from kiosk.printing.printer import PrinterProblem, PrintError, PrinterStatus


class FilePrinter:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._counter = itertools.count(1)
        self.last_path: Path | None = None

    def print_pdf(self, pdf: bytes, paper: Paper) -> None:
        """Writes `slip-<time>-<n>-<paper>.pdf` atomically; `last_path` names it."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            name = f"slip-{time.strftime('%Y%m%d-%H%M%S')}-{next(self._counter):04d}-{paper}.pdf"
            target = self.folder / name
            partial = target.with_suffix(".part")
            partial.write_bytes(pdf)
            os.replace(partial, target)
        except OSError as exc:
            raise PrintError(PrinterProblem.ERROR, f"cannot write to {self.folder}: {exc}") from exc
        self.last_path = target

    def status(self) -> PrinterStatus:
        probe = self.folder if self.folder.exists() else self.folder.parent
        if not probe.is_dir():
            return PrinterStatus.failed(PrinterProblem.NOT_FOUND, f"no folder {self.folder}")
        if not os.access(probe, os.W_OK):
            return PrinterStatus.failed(PrinterProblem.ERROR, f"{probe} is not writable")
        return PrinterStatus.ok(detail=str(self.folder))
