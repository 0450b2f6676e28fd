"""One call from slip data to paper: picks the right path for the printer at hand."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from kiosk.printing.content import SlipContent, SlipData, build_content
from kiosk.printing.paper import Paper
from kiosk.printing.printer import Printer


@runtime_checkable
class ContentPrinter(Protocol):
    """A printer that lays the slip out itself (ESC/POS) instead of taking a PDF."""

    def print_content(self, content: SlipContent, paper: Paper) -> None: ...


def print_slip(printer: Printer, data: SlipData, paper: Paper, dpi: int = 203) -> None:
    """Print the slip; raises PrintError. Check `printer.status()` before the citizen commits."""
    content = build_content(data)
    if isinstance(printer, ContentPrinter):
        printer.print_content(content, paper)
    else:
        # reportlab loads on the first slip (or the kiosk's warm-up after its first paint),
        # not before the welcome screen shows.
        from kiosk.printing.slip import render_content

        printer.print_pdf(render_content(content, paper, dpi), paper)
