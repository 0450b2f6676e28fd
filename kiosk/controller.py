"""Wires the booking's collaborators to the shell, and walks the citizen between screens.

On Siguiente the controller looks up the handler of the current step (`_handlers`, a table
keyed by `Step`) and runs it as the one operation of the moment (`Operations`). The handlers
(`kiosk/booking/identity_steps.py`, `turn_steps.py`) ask the service, record the answer in the
`BookingFlow` and enter the next step, whose view the controller fills and shows here. Business
rules stay in the flow; words in kiosk.ui.messages; the shell only draws.

Failures, by family:
- ServiceError: the service said no; a plain message next to the field (or over the screen
  where it would not fit), the citizen retries.
- ServiceUnavailable: "out of service" over everything, health polling with back-off
  (`ServiceMonitor`), and the kiosk comes back by itself; the citizen's screen is still there.
- IncompatibleService: a technician message, polling continues.
- anything else: logged (masked), "Algo salió mal", everything wiped.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Coroutine
from typing import Any

from PySide6.QtCore import QObject

from kiosk.backend.client import TurnosClient
from kiosk.booking.citizen_session import CitizenSession
from kiosk.booking.context import StepContext
from kiosk.booking.identity_steps import IdentitySteps
from kiosk.booking.live_words import Words
from kiosk.booking.operations import AbortError, Operations
from kiosk.booking.options import ControllerOptions
from kiosk.booking.print_station import PrintStation, SlipOptions
from kiosk.booking.screens import Screens, build_views
from kiosk.booking.service_monitor import ServiceMonitor
from kiosk.booking.turn_steps import TurnSteps
from kiosk.domain.flow import BookingFlow, Step
from kiosk.domain.models import Catalog, Day, Language
from kiosk.printing.printer import Printer, PrinterStatus
from kiosk.ui.async_call import AsyncCaller, CallCancelledError
from kiosk.ui.i18n import LanguageSwitcher, MissingTranslationError
from kiosk.ui.idle_watch import IdleWatcher
from kiosk.ui.messages import Messages
from kiosk.ui.shell import KioskShell
from kiosk.ui.step_view import StepView
from kiosk.views._turn import draft_facts

__all__ = ["ControllerOptions", "KioskController", "build_views"]

log = logging.getLogger(__name__)

Handler = Callable[[], Coroutine[Any, Any, None]]


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class KioskController(QObject):
    def __init__(
        self,
        shell: KioskShell,
        client: TurnosClient,
        printer: Printer,
        caller: AsyncCaller,
        idle: IdleWatcher,
        *,
        switcher: LanguageSwitcher | None = None,
        options: ControllerOptions | None = None,
        flow: BookingFlow | None = None,
        now: Callable[[], dt.datetime] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.shell = shell
        self.client = client
        self.caller = caller
        self.idle = idle
        self.switcher = switcher
        self.options = options or ControllerOptions()
        self.flow = flow or BookingFlow(self.options.default_language)
        self._now = now or _utc_now
        self.messages = Messages(self)
        self.screens = Screens(shell)
        self.print_failed = False

        opts = self.options
        self.monitor = ServiceMonitor(
            client,
            caller,
            shell,
            kiosk_id=opts.kiosk_id,
            printer_status=self._check_printer,
            health_first_s=opts.health_first_s,
            health_poll_s=opts.health_poll_s,
            heartbeat_s=opts.heartbeat_s,
            parent=self,
        )
        self.ops = Operations(
            caller,
            on_unavailable=self.monitor.unavailable,
            on_incompatible=self.monitor.incompatible,
        )
        self.monitor.ops = self.ops
        self.station = PrintStation(
            printer,
            caller,
            SlipOptions(opts.kiosk_id, opts.contact_phone, opts.institution, opts.paper, opts.dpi),
            now=self._now,
            note_error=self.monitor.note_error,
        )
        self.session = CitizenSession(client, caller, self.ops, self._now)
        ctx = StepContext(
            flow=self.flow,
            screens=self.screens,
            shell=shell,
            client=client,
            ops=self.ops,
            messages=self.messages,
            session=self.session,
            station=self.station,
            monitor=self.monitor,
            options=opts,
            now=self._now,
            enter=self._enter,
            show=self._show,
        )
        self.live = ctx.live
        self.identity = IdentitySteps(ctx)
        self.turn = TurnSteps(ctx, parent=self)
        self._handlers: dict[Step, Handler] = {
            Step.IDENTIFY: self.identity.identify,
            Step.CONTACT: self.identity.send_code,
            Step.VERIFY_CODE: self.identity.check_code,
            Step.EXISTING_TURN: self.turn.new_booking,
            Step.PROVINCE: self.turn.choose_province,
            Step.PROCEDURE: self.turn.choose_procedure,
            Step.AGENCY: self.turn.choose_agency,
            Step.SCHEDULE: self.turn.hold_slot,
            Step.REVIEW: self.turn.book,
            Step.PRINT: self._finish,
            Step.DONE: self._finish,
        }
        self._connect(shell, idle)

    def _connect(self, shell: KioskShell, idle: IdleWatcher) -> None:
        shell.next_clicked.connect(self.on_next)
        shell.back_clicked.connect(self.on_back)
        shell.start_over_clicked.connect(self.start_over)
        shell.language_chosen.connect(self.set_language)
        shell.error.restart_requested.connect(self._restart_after_error)
        shell.idle_warning.more_time.connect(self._more_time)
        shell.idle_warning.finish.connect(self.start_over)
        idle.warning.connect(self._idle_warning)
        idle.warning_ended.connect(shell.idle_warning.hide)
        idle.expired.connect(self._idle_expired)
        for view in shell.views():
            view.submitted.connect(self.on_next)
        screens = self.screens
        screens.welcome.start_requested.connect(self.begin)
        screens.code.resend_requested.connect(self.resend_code)
        screens.schedule.day_chosen.connect(self.choose_day)
        screens.existing.reprint_requested.connect(self.reprint)
        screens.existing.cancel_requested.connect(self.cancel_booking)
        screens.existing.new_requested.connect(self.new_booking)
        screens.printing.retry_requested.connect(self.retry_print)

    # --- what the window, the tests and the maintenance panel read ------------------------

    def view(self, step: Step) -> StepView:
        return self.shell.view(step)

    @property
    def printer(self) -> Printer:
        return self.station.printer

    @printer.setter
    def printer(self, printer: Printer) -> None:
        """Swap the printer (the tests put a broken one in, then a working one)."""
        self.station.printer = printer
        self.station.forget_status()

    @property
    def catalog(self) -> Catalog | None:
        return self.monitor.catalog

    @catalog.setter
    def catalog(self, catalog: Catalog | None) -> None:
        self.monitor.catalog = catalog

    @property
    def out_of_service(self) -> bool:
        return self.monitor.out_of_service

    @property
    def last_error(self) -> str | None:
        return self.monitor.last_error

    @property
    def days(self) -> list[Day]:
        """The days of the schedule screen, as the service described them."""
        return self.turn.days

    @property
    def busy(self) -> bool:
        return self.ops.busy

    def spawn(self, coro: Coroutine[Any, Any, Any], what: str) -> None:
        self.ops.spawn(coro, what)

    # --- life cycle -----------------------------------------------------------------------

    def start(self) -> None:
        """Check the service, load the catalogue, show the welcome screen."""
        self.set_language(self.options.default_language)
        self._show(Step.WELCOME)
        self.monitor.start()
        self.ops.spawn(self.monitor.check(), "service check")
        self.ops.spawn(self._check_printer(), "printer check")

    def shutdown(self) -> None:
        self.monitor.stop()
        self.turn.hold_timer.stop()
        self.idle.timer.stop()
        self.ops.shutdown()

    def handle_unexpected(self, exc: BaseException) -> None:
        """Called by the application's excepthook: tell the citizen, wipe, start again."""
        self.monitor.note_error(type(exc).__name__)
        self.wipe()
        self.shell.error.present()

    def _restart_after_error(self) -> None:
        self.shell.error.hide()
        self.wipe()

    # --- navigation -----------------------------------------------------------------------

    def _show(self, step: Step) -> None:
        """Show the flow's current step (already filled)."""
        view = self.view(step)
        view.show_state(self.flow.draft)
        notice = step is Step.CONTACT and self.screens.contact.notice_shown()
        self.shell.show_step(
            step,
            self.flow.step_number(privacy_notice=notice),
            can_back=self.flow.can_go_back(),
        )
        self.idle.step_changed(step)

    async def _enter(self, step: Step, error: Words | None = None) -> None:
        """Fill the view of `step` (asking the service where needed), then show it."""
        draft, lang, catalog = self.flow.draft, self.flow.draft.language, self.catalog
        view = self.view(step)
        view.set_error(None)
        if step is not Step.REVIEW:
            self.turn.hold_timer.stop()
        if catalog is not None:
            self._fill_lists(step)
        if step is Step.CONTACT and catalog is not None and catalog.retention_days is not None:
            # The notice states the service's real retention period, not a guess of ours.
            self.screens.contact.privacy.set_details(
                contact_phone=self.options.contact_phone, retention_days=catalog.retention_days
            )
        if step is Step.SCHEDULE and draft.agency_id is not None and draft.procedure_code:
            await self.turn.load_days()
            if draft.day is not None:
                await self.turn.load_slots(draft.day)
        facts = draft_facts(draft, catalog) if step in (Step.PRINT, Step.DONE) else None
        if facts is not None:
            # The turn in words, this citizen's documents and the masked address, for the
            # done screen and for the printer fallback should printing fail.
            if step is Step.PRINT:
                self.screens.printing.show_turn(facts, lang)
            else:
                self.screens.done.show_turn(facts, lang)
        self._show(step)
        if step is Step.REVIEW and catalog is not None:
            self.screens.review.show_review(draft, catalog, lang)
            self.turn.start_countdown()
            if self.station.status is None:  # not known yet (back from printing, a slow one)
                self.ops.spawn(self._check_printer(), "printer check")
            else:
                self._show_printer_status()
        if step is Step.PRINT:
            self.print_failed = False
            self.print_failed = not await self.turn.print_slip()
        if error:
            self.live.show(step, error, view.set_error)
        self.shell.refresh_actions()

    def _fill_lists(self, step: Step) -> None:
        """Catalogue texts in the citizen's language (again after a language switch)."""
        draft, lang, catalog = self.flow.draft, self.flow.draft.language, self.catalog
        assert catalog is not None
        screens = self.screens
        if step is Step.PROVINCE:
            offered = {a.province_code for a in catalog.agencies}
            screens.province.set_provinces(
                [p for p in catalog.provinces if p.code in offered], lang
            )
        elif step is Step.PROCEDURE and draft.province_code:
            screens.procedure.set_procedures(list(catalog.procedures_in(draft.province_code)), lang)
        elif step is Step.AGENCY and draft.province_code and draft.procedure_code:
            screens.agency.set_agencies(
                list(catalog.agencies_for(draft.province_code, draft.procedure_code)), lang
            )
        elif step is Step.EXISTING_TURN:
            screens.existing.set_bookings(list(draft.existing), catalog, lang)

    def on_next(self) -> None:
        handler = self._handlers.get(self.flow.current)
        if handler is not None:
            self.ops.run(handler())

    def on_back(self) -> None:
        if self.busy or not self.flow.can_go_back():
            return
        self.flow.back()
        self.session.release(self.flow.released)
        if self.flow.current is Step.WELCOME:
            self.wipe()
            return
        self.ops.run(self._back_into(self.flow.current))

    async def _back_into(self, step: Step) -> None:
        try:
            await self._enter(step)
        except (AbortError, CallCancelledError):
            if step is not Step.SCHEDULE or self.flow.current is not Step.SCHEDULE:
                raise
            # The days never came: the screen left (the review) is still shown but its hold is
            # already given back. One more step back to the agency, kept, shown, where
            # Siguiente asks for the days again, so screen and flow agree.
            self.flow.back()
            self._show(self.flow.current)
            self.shell.refresh_actions()
            raise

    def begin(self, language: Language) -> None:
        self.ops.run(self._begin(language))

    async def _begin(self, language: Language) -> None:
        self.set_language(language)
        if self.catalog is None:
            self.catalog = await self.ops.call(
                self.client.catalog, words=self.messages.busy_catalog()
            )
        else:
            # Nobody waits on the revalidation: the catalogue held serves meanwhile.
            self.ops.spawn(self.monitor.revalidate_catalog(), "catalogue revalidation")
        self.flow.start(language)
        await self._enter(Step.IDENTIFY)

    def set_language(self, language: Language) -> None:
        if self.switcher is not None:
            try:
                self.switcher.set_language(language)
            except MissingTranslationError:
                log.error("translation for %s is missing; staying in Spanish", language.value)
                return
        self.flow.set_language(language)
        self.shell.set_language(language)
        step = self.flow.current
        if self.catalog is not None:
            self._fill_lists(step)
        if step is Step.REVIEW and self.catalog is not None:
            self.screens.review.show_review(self.flow.draft, self.catalog, language)
        self.view(step).show_state(self.flow.draft)
        self.live.retell(self.view)
        self.shell.refresh_actions()

    # --- what the screens ask for beside Siguiente ----------------------------------------

    def resend_code(self) -> None:
        self.ops.run(self.identity.resend_code())

    def new_booking(self) -> None:
        self.ops.run(self.turn.new_booking())

    def reprint(self, booking_id: str) -> None:
        confirmation = self.turn.existing(booking_id)
        if confirmation is not None:
            self.ops.run(self.turn.reprint(confirmation))

    def cancel_booking(self, booking_id: str) -> None:
        if self.turn.existing(booking_id) is not None:
            self.ops.run(self.turn.cancel_booking(booking_id))

    def choose_day(self, day: dt.date) -> None:
        if self.flow.current is Step.SCHEDULE:
            self.ops.run(self.turn.choose_day(day))

    def retry_print(self) -> None:
        if self.flow.current is Step.PRINT:
            self.ops.run(self._enter(Step.PRINT))

    async def _finish(self) -> None:
        self.wipe()

    # --- the printer ----------------------------------------------------------------------

    async def _check_printer(self) -> PrinterStatus:
        status = await self.station.ask()
        self._show_printer_status()
        return status

    def _show_printer_status(self) -> None:
        status = self.station.status
        if status is None:
            return
        # The welcome screen says it before anyone starts, not first at the review.
        self.screens.welcome.set_printer_out(not status.ready)
        if self.flow.current is Step.REVIEW:
            warning = None if status.ready else self.messages.printer_warning()
            self.screens.review.set_printer_problem(warning)

    def send_heartbeat(self) -> None:
        self.monitor.send_heartbeat()

    # --- wiping ---------------------------------------------------------------------------

    def start_over(self) -> None:
        self.wipe()

    def wipe(self) -> None:
        """Forget the citizen: every personal value, the hold, the session; back to welcome."""
        self.ops.cancel_current()
        self.turn.forget()
        self.session.release(self.flow.start_over())
        self.session.forget()
        self.print_failed = False
        for overlay in (
            self.shell.busy,
            self.shell.idle_warning,
            self.shell.error,
            self.shell.notice,
        ):
            overlay.hide()
        self.live.forget()
        for view in self.shell.views():
            view.set_error(None)
            view.clear()
        if self.flow.draft.language is not self.shell.language:
            self.set_language(self.flow.draft.language)
        self._show(Step.WELCOME)
        # The next citizen hears of a printer that is out.
        self.ops.spawn(self._check_printer(), "printer check")

    # --- idle -----------------------------------------------------------------------------

    def _idle_warning(self, seconds: int) -> None:
        overlay = self.shell.idle_warning
        overlay.set_seconds(seconds)
        if not overlay.isVisible():
            overlay.present()

    def _more_time(self) -> None:
        self.shell.idle_warning.hide()
        self.idle.extend()

    def _idle_expired(self) -> None:
        log.info("idle timeout on step %s: wiping", self.flow.current.value)
        self.wipe()
        # The citizen walked away: the next one starts with the panel as it is mounted and
        # nothing spoken until asked for.
        self.shell.reset_accessibility()

    def touch(self) -> None:
        self.idle.touch()
