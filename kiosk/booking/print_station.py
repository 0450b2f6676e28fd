"""The kiosk's printer as the booking sees it: is it ready, and print this citizen's slip.

Every print (a citizen's slip, a reprint, the technician's test slip) goes through one path,
`kiosk.printing.delivery.print_slip`: an ESC/POS printer lays the slip out itself with its
native QR, every other printer takes the rendered PDF. Status and printing run on the
background pool with a time limit, so a printer that hangs cannot freeze the screen or starve
the citizen's service calls.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from collections.abc import Callable

from kiosk.domain.flow import Draft
from kiosk.domain.models import Catalog, Confirmation
from kiosk.printing.content import SlipData
from kiosk.printing.delivery import print_slip
from kiosk.printing.paper import Paper
from kiosk.printing.printer import Printer, PrinterProblem, PrintError, PrinterStatus
from kiosk.ui.async_call import AsyncCaller
from kiosk.views._turn import draft_facts

log = logging.getLogger(__name__)

#: A status query that takes longer than this counts as a printer that cannot answer.
STATUS_TIMEOUT_S = 5.0
#: Long enough for a slow thermal printer to take a whole slip.
PRINT_TIMEOUT_S = 30.0


@dataclasses.dataclass(frozen=True)
class SlipOptions:
    """What the kiosk's settings put on every slip."""

    kiosk_id: str
    contact_phone: str
    institution: str
    paper: Paper
    dpi: int


class PrintStation:
    def __init__(
        self,
        printer: Printer,
        caller: AsyncCaller,
        options: SlipOptions,
        *,
        now: Callable[[], dt.datetime],
        note_error: Callable[[str], None],
    ) -> None:
        self.printer = printer
        self._caller = caller
        self.options = options
        self._now = now
        self._note_error = note_error
        #: the last status heard, None while not known (a new hold asks again)
        self.status: PrinterStatus | None = None

    def forget_status(self) -> None:
        self.status = None

    async def ask(self) -> PrinterStatus:
        """The printer's status; a printer that cannot say, or not in time, is not ready."""
        try:
            status = await self._caller.background(
                self.printer.status, timeout_s=STATUS_TIMEOUT_S, lane="printer"
            )
        except TimeoutError:
            log.warning("the printer did not report its status within %g s", STATUS_TIMEOUT_S)
            status = PrinterStatus.failed(PrinterProblem.OFFLINE, "no answer")
        except Exception as exc:  # a broken back end is a printer problem, not a crash
            log.error("the printer's status query failed", exc_info=exc)
            status = PrinterStatus.failed(PrinterProblem.ERROR, type(exc).__name__)
        self.status = status
        return status

    def slip_data(self, confirmation: Confirmation, draft: Draft, catalog: Catalog) -> SlipData:
        booking = confirmation.booking
        agency = catalog.agency(booking.agency_id)
        procedure = catalog.procedure(booking.procedure_code)
        assert agency is not None
        assert procedure is not None
        document_type = draft.document.type.value if draft.document else None
        # The slip lists only what this citizen must bring (no foreigners' alternatives to
        # the cédula for someone who identified with one, no cédula for a passport holder),
        # names the document they show, and where the confirmation was emailed (as the
        # screens do: not on a reprint, whose email went out when it was booked).
        facts = draft_facts(draft, catalog)
        return SlipData(
            booking=booking,
            agency=agency,
            procedure=dataclasses.replace(
                procedure, requirements=procedure.requirements_for(document_type)
            ),
            token=confirmation.token,
            kiosk_id=self.options.kiosk_id,
            issued_at=self._now(),
            language=draft.language,
            contact_phone=self.options.contact_phone,
            institution=self.options.institution,
            document_type=document_type,
            masked_email=(facts.masked_email or "") if facts is not None else "",
        )

    async def print(self, data: SlipData) -> bool:
        """Print a slip; False (logged, and noted for the heartbeat) when it did not print."""
        paper, dpi = self.options.paper, self.options.dpi
        try:
            await self._caller.background(
                print_slip,
                self.printer,
                data,
                paper,
                dpi,
                timeout_s=PRINT_TIMEOUT_S,
                lane="printer",
            )
        except PrintError as exc:  # the printer's own reason; no personal data in it
            log.error("printing failed: %s", exc.reason.value)
            self._note_error(f"print: {exc.reason.value}")
            return False
        except TimeoutError:
            log.error("printing took over %g s", PRINT_TIMEOUT_S)
            self._note_error("print: timeout")
            return False
        except Exception as exc:
            log.error("printing failed", exc_info=exc)
            self._note_error(f"print: {type(exc).__name__}")
            return False
        return True
