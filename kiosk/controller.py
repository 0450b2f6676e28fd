"""Wires the booking flow, the screens, the turn service and the printer together.

On Siguiente the controller reads the current view's value, calls the service through
`AsyncCaller` (never blocking the Qt loop), records the answer in the `BookingFlow`, advances
and fills the next view. Business rules stay in the flow; words in kiosk.ui.messages; the shell
only draws. One operation runs at a time; start over and the idle wipe cancel it.

Failures, by family:
- ServiceError: the service said no; a plain message next to the field, the citizen retries.
- ServiceUnavailable: "out of service" over everything, health polling with back-off, and the
  kiosk comes back by itself; the citizen's screen is still there when it does.
- IncompatibleService: a technician message, polling continues.
- anything else: logged (masked), "Algo salió mal", everything wiped.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import datetime as dt
import logging
import sys
import uuid
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import Any, NoReturn, TypeVar
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject, QTimer

from kiosk import __version__
from kiosk.backend.client import Session, TurnosClient, Verification
from kiosk.backend.errors import IncompatibleService, ServiceError, ServiceUnavailable
from kiosk.domain.contact import InvalidContact
from kiosk.domain.flow import BookingFlow, Released, Step
from kiosk.domain.ids import InvalidId, parse_id
from kiosk.domain.models import Catalog, Confirmation, Day, Language
from kiosk.printing.content import SlipData
from kiosk.printing.paper import Paper
from kiosk.printing.printer import Printer, PrinterProblem, PrinterStatus
from kiosk.printing.slip import render_slip
from kiosk.ui.async_call import AsyncCaller, CallCancelledError
from kiosk.ui.i18n import LanguageSwitcher, MissingTranslationError
from kiosk.ui.idle_watch import IdleWatcher
from kiosk.ui.messages import Messages
from kiosk.ui.shell import KioskShell
from kiosk.ui.theme import Theme
from kiosk.views._turn import draft_facts
from kiosk.views.base import StepView

log = logging.getLogger(__name__)

T = TypeVar("T")

#: How many days the kiosk asks for: the service's window (28 days) to the end of its last
#: month, so that month shows which of its days are not open yet. The window itself comes from
#: the service (`Availability.last_bookable`).
AVAILABILITY_DAYS = 60
#: How long the hold waits for the printer's status before showing the review without it.
PRINTER_STATUS_WAIT_S = 2.0


@dataclass(frozen=True)
class ControllerOptions:
    kiosk_id: str = "KIOSK-DEMO-01"
    contact_phone: str = "593 23945666"
    institution: str = ""
    paper: Paper = Paper.ROLL_80
    dpi: int = 203
    default_language: Language = Language.ES
    health_poll_s: float = 5.0  # longest wait between two health checks while out of service
    health_first_s: float = 0.5  # first wait; doubles up to health_poll_s
    heartbeat_s: float = 60.0
    #: the kiosk's own zone, for clock times on screen (a code's life, a limit's end)
    time_zone: str = "America/Guayaquil"


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class _AbortError(Exception):
    """Ends the current operation quietly (already reported on screen)."""


def build_views(theme: Theme) -> list[StepView]:
    """One view per step, created by the views' own modules."""
    from kiosk.views.agency import AgencyView
    from kiosk.views.code import CodeView
    from kiosk.views.contact import ContactView
    from kiosk.views.done import DoneView
    from kiosk.views.existing import ExistingView
    from kiosk.views.identify import IdentifyView
    from kiosk.views.printing import PrintingView
    from kiosk.views.procedure import ProcedureView
    from kiosk.views.province import ProvinceView
    from kiosk.views.review import ReviewView
    from kiosk.views.schedule import ScheduleView
    from kiosk.views.welcome import WelcomeView

    classes: list[type[StepView]] = [
        WelcomeView,
        IdentifyView,
        ContactView,
        CodeView,
        ExistingView,
        ProvinceView,
        ProcedureView,
        AgencyView,
        ScheduleView,
        ReviewView,
        PrintingView,
        DoneView,
    ]
    makers: list[Callable[[Theme], StepView]] = list(classes)
    return [make(theme) for make in makers]


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
        self.printer = printer
        self.caller = caller
        self.idle = idle
        self.switcher = switcher
        self.options = options or ControllerOptions()
        self.flow = flow or BookingFlow(self.options.default_language)
        self._now = now or _utc_now
        self.messages = Messages(self)
        self.catalog: Catalog | None = None
        self._session: Session | None = None
        self._days: list[Day] = []
        self._last_bookable: dt.date | None = None  # the service's booking window
        self._idempotency: dict[str, str] = {}  # hold id -> Idempotency-Key
        self._task: asyncio.Future[None] | None = None
        self._poll_task: asyncio.Future[None] | None = None
        self._background: set[asyncio.Future[Any]] = set()
        self._printer_status: PrinterStatus | None = None
        self.last_error: str | None = None
        self.out_of_service = False
        self.print_failed = False

        self._hold_timer = QTimer(self)
        self._hold_timer.setInterval(1000)
        self._hold_timer.timeout.connect(self._tick_hold)
        self._heartbeat_timer = QTimer(self)
        self._heartbeat_timer.setInterval(int(self.options.heartbeat_s * 1000))
        self._heartbeat_timer.timeout.connect(self.send_heartbeat)

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
        self._connect_view_signals()

    # --- views by step --------------------------------------------------------------------

    def view(self, step: Step) -> Any:
        return self.shell.view(step)

    def _connect_view_signals(self) -> None:
        self.view(Step.WELCOME).start_requested.connect(self.begin)
        self.view(Step.VERIFY_CODE).resend_requested.connect(self.resend_code)
        self.view(Step.SCHEDULE).day_chosen.connect(self.choose_day)
        existing = self.view(Step.EXISTING_TURN)
        existing.reprint_requested.connect(self.reprint)
        existing.cancel_requested.connect(self.cancel_booking)
        existing.new_requested.connect(self.new_booking)
        self.view(Step.PRINT).retry_requested.connect(self.retry_print)

    # --- life cycle -----------------------------------------------------------------------

    def start(self) -> None:
        """Check the service, load the catalogue, show the welcome screen."""
        self.set_language(self.options.default_language)
        self._show(Step.WELCOME)
        self._heartbeat_timer.start()
        self._spawn(self._check_service())
        self._spawn(self._check_printer())

    async def _check_service(self) -> None:
        try:
            await self.caller.background(self.client.health)
            self.catalog = await self.caller.background(self.client.catalog)
        except IncompatibleService as exc:
            self._incompatible(exc)
        except ServiceUnavailable:
            self._enter_out_of_service()

    def shutdown(self) -> None:
        self._heartbeat_timer.stop()
        self._hold_timer.stop()
        self.idle.timer.stop()
        for task in (self._task, self._poll_task, *self._background):
            if task is not None and not task.done():
                task.cancel()

    # --- running operations ---------------------------------------------------------------

    def _run(self, coro: Coroutine[Any, Any, None]) -> None:
        """Start the citizen's operation, unless one is already running (double taps)."""
        if self._task is not None and not self._task.done():
            coro.close()
            return
        self._task = asyncio.ensure_future(self._guarded(coro))

    async def _guarded(self, coro: Coroutine[Any, Any, None]) -> None:
        try:
            await coro
        except (_AbortError, CallCancelledError, asyncio.CancelledError):
            pass
        except Exception as exc:
            # The one handler for the unexpected (app.py routes sys.excepthook here too).
            sys.excepthook(type(exc), exc, exc.__traceback__)

    def _spawn(self, coro: Coroutine[Any, Any, Any]) -> None:
        """Fire and forget, for work the citizen does not wait on (release, heartbeat)."""
        task = asyncio.ensure_future(coro)
        self._background.add(task)
        task.add_done_callback(self._background.discard)

    @property
    def busy(self) -> bool:
        return self._task is not None and not self._task.done()

    async def _call(self, fn: Callable[..., T], *args: Any, words: str = "") -> T:
        """A service call with the busy overlay; unavailability switches to out of service."""
        try:
            return await self.caller.run(fn, *args, words=words)
        except ServiceUnavailable as exc:
            self.last_error = f"{type(exc).__name__}: {exc}"
            self._enter_out_of_service()
            raise _AbortError from exc
        except IncompatibleService as exc:
            self._incompatible(exc)
            raise _AbortError from exc

    def handle_unexpected(self, exc: BaseException) -> None:
        """Called by the application's excepthook: tell the citizen, wipe, start again."""
        self.last_error = type(exc).__name__
        self.wipe()
        self.shell.error.present()

    def _restart_after_error(self) -> None:
        self.shell.error.hide()
        self.wipe()

    # --- out of service -------------------------------------------------------------------

    def _enter_out_of_service(self) -> None:
        if not self.out_of_service:
            log.info("turn service unreachable: out of service until it answers again")
        self.out_of_service = True
        self.shell.busy.hide()
        self.shell.out_of_service.present()
        if self._poll_task is None or self._poll_task.done():
            self._poll_task = asyncio.ensure_future(self._poll_health())

    def _incompatible(self, exc: IncompatibleService) -> None:
        self.last_error = f"incompatible service API {exc.api_version}"
        log.error("turn service speaks API version %s; kiosk needs 1", exc.api_version)
        self.shell.technician.show_message(
            f"API {exc.api_version} ≠ 1 · {self.client!r} · {self.options.kiosk_id}"
        )
        self.out_of_service = True
        if self._poll_task is None or self._poll_task.done():
            self._poll_task = asyncio.ensure_future(self._poll_health())

    async def _poll_health(self) -> None:
        delay = self.options.health_first_s
        while True:
            await asyncio.sleep(delay)
            try:
                await self.caller.background(self.client.health)
                if self.catalog is None:
                    self.catalog = await self.caller.background(self.client.catalog)
            except IncompatibleService as exc:
                self.shell.technician.show_message(f"API {exc.api_version} ≠ 1")
            except ServiceUnavailable:
                pass
            else:
                log.info("turn service reachable again")
                self.out_of_service = False
                self.shell.out_of_service.hide()
                self.shell.technician.hide()
                return
            delay = min(delay * 2, self.options.health_poll_s)

    # --- navigation -----------------------------------------------------------------------

    def _show(self, step: Step) -> None:
        """Show the flow's current step (already filled)."""
        view = self.view(step)
        view.show_state(self.flow.draft)
        notice = step is Step.CONTACT and view.notice_shown()
        self.shell.show_step(
            step,
            self.flow.step_number(privacy_notice=notice),
            can_back=self.flow.can_go_back(),
        )
        self.idle.step_changed(step)

    async def _enter(self, step: Step, error: str | None = None) -> None:
        """Fill the view of `step` (asking the service where needed), then show it."""
        draft, lang = self.flow.draft, self.flow.draft.language
        catalog = self.catalog
        view = self.view(step)
        view.set_error(None)
        if step is not Step.REVIEW:
            self._hold_timer.stop()
        if catalog is not None:
            self._fill_lists(step)
        if step is Step.CONTACT and catalog is not None and catalog.retention_days is not None:
            # The notice states the service's real retention period, not a guess of ours.
            view.privacy.set_details(
                contact_phone=self.options.contact_phone, retention_days=catalog.retention_days
            )
        if step is Step.SCHEDULE and draft.agency_id is not None and draft.procedure_code:
            await self._load_days()
            if draft.day is not None:
                await self._load_slots(draft.day)
        facts = draft_facts(draft, catalog) if step in (Step.PRINT, Step.DONE) else None
        if facts is not None:
            # The turn in words, this citizen's documents and the masked address, for the
            # done screen and for the printer fallback should printing fail.
            view.show_turn(facts, lang)
        self._show(step)
        if step is Step.REVIEW and catalog is not None:
            view.show_review(draft, catalog, lang)
            if draft.hold is not None:  # the view counts down; the timer acts at zero
                view.set_hold_countdown(self._seconds_until(draft.hold.expires_at))
            self._hold_timer.start()
            if self._printer_status is None:  # not known yet (back from printing, a slow one)
                self._spawn(self._check_printer())
            else:
                self._show_printer_status()
        if step is Step.PRINT:
            self.print_failed = False
            await self._print()
        if error:
            view.set_error(error)
        self.shell.refresh_actions()

    def _fill_lists(self, step: Step) -> None:
        """Catalogue texts in the citizen's language (again after a language switch)."""
        draft, lang, catalog = self.flow.draft, self.flow.draft.language, self.catalog
        assert catalog is not None
        view = self.view(step)
        if step is Step.PROVINCE:
            offered = {a.province_code for a in catalog.agencies}
            view.set_provinces([p for p in catalog.provinces if p.code in offered], lang)
        elif step is Step.PROCEDURE and draft.province_code:
            view.set_procedures(list(catalog.procedures_in(draft.province_code)), lang)
        elif step is Step.AGENCY and draft.province_code and draft.procedure_code:
            view.set_agencies(
                list(catalog.agencies_for(draft.province_code, draft.procedure_code)), lang
            )
        elif step is Step.EXISTING_TURN:
            view.set_bookings(list(draft.existing), catalog, lang)

    def on_next(self) -> None:
        handlers: dict[Step, Callable[[], Coroutine[Any, Any, None]]] = {
            Step.IDENTIFY: self._identify,
            Step.CONTACT: self._send_code,
            Step.VERIFY_CODE: self._check_code,
            Step.EXISTING_TURN: self._new_booking,
            Step.PROVINCE: self._choose_province,
            Step.PROCEDURE: self._choose_procedure,
            Step.AGENCY: self._choose_agency,
            Step.SCHEDULE: self._hold_slot,
            Step.REVIEW: self._book,
            Step.PRINT: self._finish,
            Step.DONE: self._finish,
        }
        handler = handlers.get(self.flow.current)
        if handler is not None:
            self._run(handler())

    def on_back(self) -> None:
        if self.busy or not self.flow.can_go_back():
            return
        self.flow.back()
        self._release(self.flow.released)
        if self.flow.current is Step.WELCOME:
            self.wipe()
            return
        self._run(self._enter(self.flow.current))

    def begin(self, language: Language) -> None:
        self._run(self._begin(language))

    async def _begin(self, language: Language) -> None:
        self.set_language(language)
        if self.catalog is None:
            self.catalog = await self._call(self.client.catalog, words=self.messages.busy_catalog())
        else:
            # Revalidated with its ETag: cheap, and keeps a long-running kiosk up to date.
            with contextlib.suppress(ServiceUnavailable):
                self.catalog = await self.caller.background(self.client.catalog)
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
            self.view(step).show_review(self.flow.draft, self.catalog, language)
        self.view(step).show_state(self.flow.draft)
        self.shell.refresh_actions()

    # --- steps ----------------------------------------------------------------------------

    def _fail(self, step: Step, text: str) -> NoReturn:
        view = self.view(step)
        view.set_error(text)
        self.shell.refresh_actions()
        raise _AbortError

    async def _identify(self) -> None:
        view = self.view(Step.IDENTIFY)
        id_type, raw = view.value()
        try:
            document = parse_id(id_type, raw)
        except InvalidId as exc:
            self._fail(Step.IDENTIFY, self.messages.id_problem(exc.problem, id_type))
        try:
            found = await self._call(
                self.client.lookup,
                document.type.value,
                document.number,
                words=self.messages.busy_lookup(),
            )
        except ServiceError as exc:
            if exc.code == "not_registered":  # more words than fit beside the field
                self.shell.notice.present_notice(
                    self.messages.not_registered_heading(), self.messages.not_registered()
                )
                raise _AbortError from None
            if exc.code == "kiosk_budget":  # this kiosk is busy: until when, and what now
                self.shell.notice.present_notice(
                    self.messages.kiosk_busy_heading(),
                    self._service_problem(exc, at_code_step=False),
                )
                raise _AbortError from None
            self._fail(Step.IDENTIFY, self.messages.service_error(exc.code))
        self.flow.identified(document, found.citizen, found.masked_name)
        self.flow.advance()
        await self._enter(Step.CONTACT)

    async def _send_code(self) -> None:
        view = self.view(Step.CONTACT)
        if view.notice_shown():  # "Entendido, continuar" on the data-protection notice
            view.accept_notice()
            self._show(Step.CONTACT)  # the form has its own step number
            return
        try:
            email, phone, channel = view.value()
            self.flow.contact_given(email, phone, channel)
        except InvalidContact as exc:
            self._refuse_contact(self.messages.contact_problem(exc.field, exc.problem))
        draft = self.flow.draft
        assert draft.citizen_ref is not None
        try:
            verification = await self._call(
                self.client.start_verification,
                draft.citizen_ref,
                draft.email,
                draft.phone,
                draft.channel.value,
                draft.language.value,
                words=self.messages.busy_sending_code(),
            )
        except ServiceError as exc:
            if exc.code == "contact_not_registered":  # only the registry's contact gets a code
                self._refuse_contact(
                    self.messages.contact_not_registered(exc.registered, draft.channel.value),
                    heading=self.messages.contact_not_registered_heading(draft.channel.value),
                )
            if exc.code == "delivery_failed":  # the gateway, not the kiosk: the other channel
                self._refuse_contact(self.messages.delivery_failed(draft.channel.value))
            self._refuse_contact(
                self._service_problem(exc, at_code_step=False),
                limit=exc.code in ("rate_limited", "kiosk_budget"),
            )
        self.flow.code_sent(verification.id)
        self.flow.advance()
        await self._enter(Step.VERIFY_CODE)
        self._show_new_code(verification)

    def _refuse_contact(
        self, text: str, *, limit: bool = False, heading: str | None = None
    ) -> NoReturn:
        """A refusal of the contact form: over the screen, which keeps all that was typed
        (beside the fields there is no room left that would not move the keys)."""
        if heading is None:
            heading = self.messages.limit_heading() if limit else self.messages.contact_heading()
        self.shell.notice.present_notice(heading, text)
        raise _AbortError

    def _show_new_code(self, verification: Verification) -> None:
        """Fresh boxes and attempts, the code's life in clock time, the resend countdown."""
        self.view(Step.VERIFY_CODE).new_code(
            self._local(verification.expires_at),
            self._seconds_until(verification.resend_after),
        )
        self.shell.refresh_actions()

    def _service_problem(self, exc: ServiceError, *, at_code_step: bool) -> str:
        """The words for a refusal; a limit names the clock time to try again."""
        limits = ("rate_limited", "citizen_quota", "kiosk_budget")
        if exc.code in limits and exc.retry_after is not None:
            at = self._local(self._now() + dt.timedelta(seconds=max(exc.retry_after, 0)))
            if at.second or at.microsecond:  # never name a minute before the limit ends
                at = at.replace(second=0, microsecond=0) + dt.timedelta(minutes=1)
            if exc.code == "citizen_quota":
                return self.messages.citizen_quota(
                    at, self.flow.draft.language, contact_phone=self.options.contact_phone
                )
            if exc.code == "kiosk_budget":
                return self.messages.kiosk_budget(at.strftime("%H:%M"))
            return self.messages.limit_reached(
                at.strftime("%H:%M"),
                at_code_step=at_code_step,
                contact_phone=self.options.contact_phone,
            )
        return self.messages.code_refused(exc.code, exc.attempts_left)

    def _local(self, moment: dt.datetime) -> dt.datetime:
        """An instant in the kiosk's own time zone, for the clock times a citizen reads."""
        return moment.astimezone(ZoneInfo(self.options.time_zone))

    def resend_code(self) -> None:
        self._run(self._resend_code())

    async def _resend_code(self) -> None:
        verification_id = self.flow.draft.verification_id
        if verification_id is None:
            return
        view = self.view(Step.VERIFY_CODE)
        try:
            verification = await self._call(
                self.client.resend, verification_id, words=self.messages.busy_sending_code()
            )
        except ServiceError as exc:
            if exc.retry_after:
                view.set_resend_in(int(exc.retry_after))
            self._fail(Step.VERIFY_CODE, self._service_problem(exc, at_code_step=True))
        self.flow.code_sent(verification.id)
        self._show_new_code(verification)

    async def _check_code(self) -> None:
        view = self.view(Step.VERIFY_CODE)
        code = view.value()
        verification_id = self.flow.draft.verification_id
        assert verification_id is not None
        try:
            session = await self._call(
                self.client.confirm,
                verification_id,
                code,
                words=self.messages.busy_checking_code(),
            )
        except ServiceError as exc:
            # The boxes empty for the next try (six ⌫ were needed before).
            attempts = 0 if exc.code == "too_many_attempts" else exc.attempts_left
            view.code_refused(attempts, self._service_problem(exc, at_code_step=True))
            self.shell.refresh_actions()
            raise _AbortError from exc
        self._session = session
        existing = await self._call(self.client.current_bookings, session)
        self.flow.verified(session.token, existing)
        step = self.flow.advance()
        await self._enter(step)

    async def _new_booking(self) -> None:
        self.flow.new_booking()
        await self._enter(Step.PROVINCE)

    def new_booking(self) -> None:
        self._run(self._new_booking())

    def reprint(self, booking_id: str) -> None:
        confirmation = self._existing(booking_id)
        if confirmation is not None:
            self._run(self._reprint(confirmation))

    async def _reprint(self, confirmation: Confirmation) -> None:
        self.flow.reprint(confirmation)
        await self._enter(Step.PRINT)

    def cancel_booking(self, booking_id: str) -> None:
        if self._existing(booking_id) is not None:
            self._run(self._cancel_booking(booking_id))

    async def _cancel_booking(self, booking_id: str) -> None:
        assert self._session is not None
        try:
            await self._call(
                self.client.cancel_booking,
                self._session,
                booking_id,
                words=self.messages.busy_cancel(),
            )
        except ServiceError as exc:
            if exc.code != "not_found":  # already gone: the list just catches up
                self._fail(Step.EXISTING_TURN, self.messages.service_error(exc.code))
        self.flow.cancelled(booking_id)
        if self.catalog is not None:
            self._fill_lists(Step.EXISTING_TURN)
        self.shell.refresh_actions()

    def _existing(self, booking_id: str) -> Confirmation | None:
        return next((c for c in self.flow.draft.existing if c.booking.id == booking_id), None)

    async def _choose_province(self) -> None:
        self.flow.choose_province(self.view(Step.PROVINCE).value())
        self.flow.advance()
        await self._enter(Step.PROCEDURE)

    async def _choose_procedure(self) -> None:
        self.flow.choose_procedure(self.view(Step.PROCEDURE).value())
        self.flow.advance()
        await self._enter(Step.AGENCY)

    async def _choose_agency(self) -> None:
        self.flow.choose_agency(self.view(Step.AGENCY).value())
        self.flow.advance()
        await self._enter(Step.SCHEDULE)

    def _agency_today(self) -> dt.date:
        draft, catalog = self.flow.draft, self.catalog
        agency = catalog.agency(draft.agency_id) if catalog and draft.agency_id else None
        zone = ZoneInfo(agency.time_zone if agency else "America/Guayaquil")
        return self._now().astimezone(zone).date()

    async def _load_days(self) -> None:
        draft = self.flow.draft
        assert draft.agency_id is not None
        assert draft.procedure_code is not None
        today = self._agency_today()
        availability = await self._call(
            self.client.availability,
            draft.agency_id,
            draft.procedure_code,
            today,
            today + dt.timedelta(days=AVAILABILITY_DAYS - 1),
            words=self.messages.busy_days(),
        )
        self._days = list(availability.days)
        self._last_bookable = availability.last_bookable
        self.view(Step.SCHEDULE).set_availability(availability)

    async def _load_slots(self, day: dt.date) -> None:
        draft = self.flow.draft
        assert draft.agency_id is not None
        assert draft.procedure_code is not None
        slots = await self._call(
            self.client.slots,
            draft.agency_id,
            draft.procedure_code,
            day,
            words=self.messages.busy_slots(),
        )
        view = self.view(Step.SCHEDULE)
        free = [s for s in slots if s.free_places > 0]
        view.set_slots(free)
        if not free:
            # Only an open day inside the service's window (closed, full and not-open days
            # have no places to offer).
            later = next(
                (
                    d.date
                    for d in sorted(self._days, key=lambda d: d.date)
                    if d.date > day
                    and d.available
                    and (self._last_bookable is None or d.date <= self._last_bookable)
                ),
                None,
            )
            view.set_no_places(later)
        self.shell.refresh_actions()

    def choose_day(self, day: dt.date) -> None:
        if self.flow.current is Step.SCHEDULE:
            self._run(self._choose_day(day))

    async def _choose_day(self, day: dt.date) -> None:
        self.flow.choose_day(day)
        self._release(self.flow.released)
        await self._load_slots(day)

    async def _hold_slot(self) -> None:
        slot = self.view(Step.SCHEDULE).value()
        assert self._session is not None
        # The printer is asked while the service holds the hour, so that the review screen
        # already says when the slip cannot be printed.
        self._printer_status = None
        printer = asyncio.ensure_future(self._ask_printer())
        try:
            hold = await self._call(
                self.client.hold, self._session, slot, words=self.messages.busy_hold()
            )
        except ServiceError as exc:
            day = self.flow.draft.day
            if day is not None and exc.code == "slot_unavailable":
                await self._load_slots(day)
            self._fail(Step.SCHEDULE, self.messages.service_error(exc.code))
        self.flow.held(slot, hold)
        self._release(self.flow.released)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(asyncio.shield(printer), PRINTER_STATUS_WAIT_S)
        self.flow.advance()
        await self._enter(Step.REVIEW)

    def _tick_hold(self) -> None:
        hold = self.flow.draft.hold
        if self.flow.current is not Step.REVIEW or hold is None:
            self._hold_timer.stop()
            return
        left = self._seconds_until(hold.expires_at)
        if left <= 0 and not self.busy:
            self._hold_timer.stop()
            self._run(self._hold_lost("hold_expired"))

    async def _hold_lost(self, code: str) -> None:
        self.flow.hold_lost()
        await self._enter(Step.SCHEDULE, error=self.messages.service_error(code))

    async def _ask_printer(self) -> PrinterStatus:
        """The printer's status; a printer that cannot even say counts as not ready."""
        try:
            status = await self.caller.background(self.printer.status)
        except Exception as exc:  # a broken back end is a printer problem, not a crash
            status = PrinterStatus.failed(PrinterProblem.ERROR, type(exc).__name__)
        self._printer_status = status
        return status

    def _show_printer_status(self) -> None:
        status = self._printer_status
        if status is not None:
            # The welcome screen says it before anyone starts, not first at the review.
            self.view(Step.WELCOME).set_printer_out(not status.ready)
        if status is not None and self.flow.current is Step.REVIEW:
            warning = None if status.ready else self.messages.printer_warning()
            self.view(Step.REVIEW).set_printer_problem(warning)

    async def _check_printer(self) -> None:
        await self._ask_printer()
        self._show_printer_status()

    async def _book(self) -> None:
        draft = self.flow.draft
        hold = draft.hold
        assert self._session is not None
        assert hold is not None
        key = self._idempotency.setdefault(hold.id, uuid.uuid4().hex)
        try:
            confirmation = await self._call(
                self.client.book, self._session, hold.id, key, words=self.messages.busy_booking()
            )
        except ServiceError as exc:
            if exc.code in ("hold_expired", "slot_unavailable", "not_found"):
                await self._hold_lost(exc.code if exc.code != "not_found" else "hold_expired")
                raise _AbortError from exc
            if exc.code in ("citizen_quota", "kiosk_budget"):  # words with the clock time
                self._fail(Step.REVIEW, self._service_problem(exc, at_code_step=False))
            self._fail(Step.REVIEW, self.messages.service_error(exc.code))
        self._hold_timer.stop()
        self.flow.booked(confirmation)
        self._idempotency.clear()
        self.flow.advance()
        await self._enter(Step.PRINT)

    # --- printing -------------------------------------------------------------------------

    def _slip_data(self, confirmation: Confirmation) -> SlipData:
        catalog = self.catalog
        assert catalog is not None
        booking = confirmation.booking
        agency = catalog.agency(booking.agency_id)
        procedure = catalog.procedure(booking.procedure_code)
        assert agency is not None
        assert procedure is not None
        draft = self.flow.draft
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

    async def _print(self) -> None:
        confirmation = self.flow.draft.confirmation
        assert confirmation is not None
        view = self.view(Step.PRINT)
        view.show_printing()
        data = self._slip_data(confirmation)
        paper, dpi = self.options.paper, self.options.dpi
        try:
            pdf = await self.caller.background(render_slip, data, paper, dpi)
            self.last_pdf = pdf
            await self.caller.background(self.printer.print_pdf, pdf, paper)
        except Exception as exc:
            # The booking stands whatever the printer does: show the QR to photograph.
            self.last_error = f"print: {type(exc).__name__}"
            log.error("printing failed: %s", type(exc).__name__)
            self.print_failed = True
            view.show_failed(confirmation.token, self.flow.draft.email is not None)
            self.shell.refresh_actions()
            return
        self.flow.printed()
        self.flow.advance()
        await self._enter(Step.DONE)

    def retry_print(self) -> None:
        if self.flow.current is Step.PRINT:
            self._run(self._enter(Step.PRINT))

    async def _finish(self) -> None:
        self.wipe()

    # --- wiping ---------------------------------------------------------------------------

    def start_over(self) -> None:
        self.wipe()

    def wipe(self) -> None:
        """Forget the citizen: every personal value, the hold, the session; back to welcome."""
        if self._task is not None and not self._task.done():
            self._task.cancel()
        self._hold_timer.stop()
        released = self.flow.start_over()
        self._release(released)
        self._session = None
        self._days = []
        self._last_bookable = None
        self._idempotency.clear()
        self.print_failed = False
        for overlay in (
            self.shell.busy,
            self.shell.idle_warning,
            self.shell.error,
            self.shell.notice,
        ):
            overlay.hide()
        for view in self.shell.views():
            view.set_error(None)
            view.clear()
        if self.flow.draft.language is not self.shell.language:
            self.set_language(self.flow.draft.language)
        self._show(Step.WELCOME)
        self._spawn(self._check_printer())  # the next citizen hears of a printer that is out

    def _release(self, released: Released) -> None:
        """Give back what the flow dropped; in the background, since nobody waits on it."""
        if not released:
            return
        session = self._session
        if session is None and released.session_token:
            session = Session(released.session_token, self._now())
        if session is None:
            return
        if self._session is not None and self._session.token == released.session_token:
            self._session = None
        self._spawn(self._release_now(session, released))

    async def _release_now(self, session: Session, released: Released) -> None:
        try:
            if released.hold is not None:
                await self.caller.background(self.client.release_hold, session, released.hold.id)
            if released.session_token:
                await self.caller.background(self.client.end_session, session)
        except (ServiceError, ServiceUnavailable) as exc:
            # The service drops holds and sessions on expiry anyway.
            log.info("could not release on the service: %s", type(exc).__name__)

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

    def touch(self) -> None:
        self.idle.touch()

    # --- heartbeat ------------------------------------------------------------------------

    def send_heartbeat(self) -> None:
        self._spawn(self._heartbeat())

    async def _heartbeat(self) -> None:
        status = await self._ask_printer()
        self._show_printer_status()
        state = "ready" if status.ready else "error"
        if status.problem is not None and status.problem.value == "offline":
            state = "offline"
        paper = (
            "out"
            if status.problem is not None and status.problem.value == "paper_out"
            else ("low" if status.paper_low else "ok")
        )
        try:
            await self.caller.background(
                self.client.heartbeat, __version__, state, paper, self.last_error
            )
        except (ServiceError, ServiceUnavailable) as exc:
            log.info("heartbeat not delivered: %s", type(exc).__name__)

    # --- helpers --------------------------------------------------------------------------

    def _seconds_until(self, moment: dt.datetime) -> int:
        return max(0, int((moment - self._now()).total_seconds() + 0.999))
