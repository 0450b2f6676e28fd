"""The citizen's booking flow as a state machine with a back-stack, free of Qt and HTTP.

Modelled on Electrum's wizard (a navigation table keyed by view name, a guard per step, a
back-stack), with a typed `Draft` instead of a dict. Screens call the *intents* below after the
service has answered (e.g. `identified()` after the citizen lookup), then `advance()`; the flow
never calls the service itself. Whatever a transition drops that the service still holds (a
slot hold, a citizen session) is reported in `BookingFlow.released` so the UI can release it.

Forward path (guards in brackets)::

    WELCOME --start(language)--> IDENTIFY [document + lookup] -> CONTACT [email, phone, code
    sent] -> VERIFY_CODE [session] -> EXISTING_TURN (if the citizen already holds turns)
    or PROVINCE [province] -> PROCEDURE [procedure] -> AGENCY [agency] -> SCHEDULE [day, slot,
    hold] -> REVIEW [confirmation] -> PRINT [printed] -> DONE

    EXISTING_TURN: new_booking() -> PROVINCE; reprint(c) -> PRINT; cancelled(id) stays.

Going back (`back()`) pops the back-stack and clears what the step being left (and every later
step) chose, so a stale choice never survives and a later screen never shows data that no
longer fits the earlier ones:

    IDENTIFY -> WELCOME        wipes everything personal (the same as start_over)
    CONTACT -> IDENTIFY        clears email, phone, channel, verification; keeps the document
                               so the citizen can correct it
    VERIFY_CODE -> CONTACT     clears the verification (a new code is sent on Siguiente);
                               keeps email and phone to correct them
    EXISTING_TURN, PROVINCE    once verified, never back into VERIFY_CODE: the code was single
      (first after the code)   use. Back goes to CONTACT with email and phone kept, and ends
                               the session (reported in `released`), so Siguiente sends a new
                               code. From PROVINCE reached via EXISTING_TURN, back returns to
                               EXISTING_TURN (no session ends).
    PROCEDURE -> PROVINCE      clears procedure and everything after
    AGENCY -> PROCEDURE        clears agency, day, slot, hold
    SCHEDULE -> AGENCY         clears day, slot, hold
    REVIEW -> SCHEDULE         clears slot and hold (the day stays chosen); refused once
                               booked() has recorded a confirmation
    PRINT, DONE                no way back: the booking stands

`start_over()` (the "Empezar de nuevo" button and the idle timeout) wipes every personal field
from any step and returns to WELCOME.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, fields
from enum import StrEnum

from kiosk.domain.contact import Channel, normalize_email, normalize_mobile
from kiosk.domain.ids import IdentityDocument
from kiosk.domain.models import Confirmation, Hold, Language, Slot


class Step(StrEnum):
    WELCOME = "welcome"
    IDENTIFY = "identify"
    CONTACT = "contact"
    VERIFY_CODE = "verify_code"
    EXISTING_TURN = "existing_turn"
    PROVINCE = "province"
    PROCEDURE = "procedure"
    AGENCY = "agency"
    SCHEDULE = "schedule"
    REVIEW = "review"
    PRINT = "print"
    DONE = "done"


class FlowProblem(StrEnum):
    """Why an intent or a transition was refused."""

    WRONG_STEP = "wrong_step"  # the intent does not belong to the current step
    INCOMPLETE = "incomplete"  # the current step's guard fails
    MISSING_PREVIOUS = "missing_previous"  # an earlier step's data is missing
    MISMATCH = "mismatch"  # the values do not fit each other (hold for another slot...)
    NO_WAY_BACK = "no_way_back"
    LAST_STEP = "last_step"
    UNKNOWN_BOOKING = "unknown_booking"


class FlowError(Exception):
    """A forbidden transition or an intent on the wrong step: a programming error of the UI."""

    def __init__(self, step: Step, reason: FlowProblem, action: str) -> None:
        super().__init__(f"{action} refused on step {step.value}: {reason.value}")
        self.step = step
        self.reason = reason
        self.action = action


# Fields that hold nothing about the citizen; every other field of Draft is personal or a
# choice of this citizen and is wiped by start_over().
_NEUTRAL_FIELDS = frozenset({"language", "channel", "printed", "visit"})


@dataclass
class Draft:
    """What the citizen has entered and the service has confirmed so far."""

    language: Language = Language.ES
    document: IdentityDocument | None = None
    citizen_ref: str | None = None
    masked_name: str | None = None
    email: str | None = None
    phone: str | None = None  # E.164
    channel: Channel = Channel.EMAIL
    verification_id: str | None = None
    session_token: str | None = None
    existing: tuple[Confirmation, ...] = ()
    province_code: str | None = None
    procedure_code: str | None = None
    agency_id: int | None = None
    day: dt.date | None = None
    slot: Slot | None = None
    hold: Hold | None = None
    confirmation: Confirmation | None = None
    printed: bool = False
    # A secret of this visit, new with every citizen: it keys the Idempotency-Key of a code
    # send, so the same send asked again in the visit (its answer lost) is the same request.
    visit: str = field(default_factory=lambda: secrets.token_hex(16), compare=False, repr=False)

    def personal_fields_empty(self) -> bool:
        """True when nothing about a citizen is left (language and channel are not personal)."""
        blank = Draft()
        return (
            all(
                getattr(self, f.name) == getattr(blank, f.name)
                for f in fields(self)
                if f.name not in _NEUTRAL_FIELDS
            )
            and not self.printed
        )

    def __repr__(self) -> str:
        # Never print personal data (this ends up in logs and tracebacks): only which are set.
        blank = Draft()
        filled = [
            f.name
            for f in fields(self)
            if f.name not in _NEUTRAL_FIELDS and getattr(self, f.name) != getattr(blank, f.name)
        ]
        return f"Draft(language={self.language.value}, set={filled})"


@dataclass(frozen=True)
class Released:
    """What a transition dropped that the service still holds; the UI releases it."""

    hold: Hold | None = None  # DELETE /v1/holds/{id}
    session_token: str | None = None  # DELETE /v1/sessions/current

    def __bool__(self) -> bool:
        return self.hold is not None or self.session_token is not None

    def __repr__(self) -> str:
        hold = self.hold.id if self.hold else None
        return f"Released(hold={hold}, session={'yes' if self.session_token else 'no'})"


NOTHING_RELEASED = Released()


# The pages numbered for "Paso N de M": every screen of a new booking where the citizen answers
# or decides, each with a number of its own, so the count moves on at every screen. The data-
# protection notice is the first page of CONTACT and counts as a page of its own.
# Not numbered: WELCOME and DONE (no question); EXISTING_TURN (a choice beside the booking, not
# a step of it: a citizen who reprints or cancels there never sees steps 5..9); PRINT (the
# printer works, the citizen answers nothing; a reprint reaches it from EXISTING_TURN too).
_PRIVACY_NOTICE = "privacy_notice"
_NUMBERED: tuple[Step | str, ...] = (
    Step.IDENTIFY,
    _PRIVACY_NOTICE,
    Step.CONTACT,
    Step.VERIFY_CODE,
    Step.PROVINCE,
    Step.PROCEDURE,
    Step.AGENCY,
    Step.SCHEDULE,
    Step.REVIEW,
)

# Draft fields each step owns; back() from a step clears its own and every later step's.
_OWNED: dict[Step, tuple[str, ...]] = {
    Step.WELCOME: (),
    Step.IDENTIFY: ("document", "citizen_ref", "masked_name"),
    Step.CONTACT: ("email", "phone", "channel", "verification_id"),
    Step.VERIFY_CODE: ("session_token", "existing"),
    Step.EXISTING_TURN: (),
    Step.PROVINCE: ("province_code",),
    Step.PROCEDURE: ("procedure_code",),
    Step.AGENCY: ("agency_id",),
    Step.SCHEDULE: ("day", "slot", "hold"),
    Step.REVIEW: ("confirmation",),
    Step.PRINT: ("printed",),
    Step.DONE: (),
}
_ORDER: tuple[Step, ...] = tuple(Step)


@dataclass(frozen=True)
class _Node:
    """One row of the navigation table."""

    guard: Callable[[Draft], bool]
    next: Callable[[Draft], Step] | Step | None  # None: the last step


def _next_after_code(draft: Draft) -> Step:
    return Step.EXISTING_TURN if draft.existing else Step.PROVINCE


NAVIGATION: dict[Step, _Node] = {
    Step.WELCOME: _Node(lambda d: True, Step.IDENTIFY),
    Step.IDENTIFY: _Node(
        lambda d: d.document is not None and d.citizen_ref is not None, Step.CONTACT
    ),
    Step.CONTACT: _Node(
        lambda d: d.email is not None and d.phone is not None and d.verification_id is not None,
        Step.VERIFY_CODE,
    ),
    Step.VERIFY_CODE: _Node(lambda d: d.session_token is not None, _next_after_code),
    Step.EXISTING_TURN: _Node(lambda d: True, Step.PROVINCE),
    Step.PROVINCE: _Node(lambda d: d.province_code is not None, Step.PROCEDURE),
    Step.PROCEDURE: _Node(lambda d: d.procedure_code is not None, Step.AGENCY),
    Step.AGENCY: _Node(lambda d: d.agency_id is not None, Step.SCHEDULE),
    Step.SCHEDULE: _Node(
        lambda d: d.day is not None and d.slot is not None and d.hold is not None, Step.REVIEW
    ),
    Step.REVIEW: _Node(lambda d: d.confirmation is not None, Step.PRINT),
    Step.PRINT: _Node(lambda d: d.printed, Step.DONE),
    Step.DONE: _Node(lambda d: False, None),
}


class BookingFlow:
    """The booking flow of one citizen at a time.

    After every intent, `released` tells what that intent dropped and must be released on the
    service (usually nothing).
    """

    def __init__(self, default_language: Language = Language.ES) -> None:
        self._default_language = default_language
        self._draft = Draft(language=default_language)
        self._current = Step.WELCOME
        self._history: list[Step] = []
        self.released: Released = NOTHING_RELEASED

    # -- state ---------------------------------------------------------------------------

    @property
    def current(self) -> Step:
        return self._current

    @property
    def draft(self) -> Draft:
        return self._draft

    @property
    def history(self) -> tuple[Step, ...]:
        """The back-stack, oldest first."""
        return tuple(self._history)

    def step_number(self, *, privacy_notice: bool = False) -> tuple[int, int] | None:
        """(N, M) for "Paso N de M", or None where no number fits (see `_NUMBERED`).

        `privacy_notice`: the CONTACT screen still shows its data-protection notice (the
        notice and the form each have their number)."""
        page: Step | str = self._current
        if self._current is Step.CONTACT and privacy_notice:
            page = _PRIVACY_NOTICE
        elif self._current not in _NUMBERED:
            return None
        return _NUMBERED.index(page) + 1, len(_NUMBERED)

    def can_advance(self) -> bool:
        node = NAVIGATION[self._current]
        return node.next is not None and node.guard(self._draft)

    def can_go_back(self) -> bool:
        if not self._history or self._current in (Step.PRINT, Step.DONE):
            return False
        return not (self._current is Step.REVIEW and self._draft.confirmation is not None)

    # -- intents -------------------------------------------------------------------------

    def start(self, language: Language) -> Step:
        """The citizen chose a language on the welcome screen: go to IDENTIFY."""
        self._expect("start", Step.WELCOME)
        self._draft.language = language
        return self._go(Step.IDENTIFY)

    def set_language(self, language: Language) -> None:
        """Language switch in the header: allowed on every step, keeps everything else."""
        self.released = NOTHING_RELEASED
        self._draft.language = language

    def identified(
        self, document: IdentityDocument, citizen_ref: str, masked_name: str | None
    ) -> None:
        """The service found the citizen (POST /v1/citizens/lookup)."""
        self._expect("identified", Step.IDENTIFY)
        if not citizen_ref:
            raise FlowError(self._current, FlowProblem.INCOMPLETE, "identified")
        self._draft.document = document
        self._draft.citizen_ref = citizen_ref
        self._draft.masked_name = masked_name

    def contact_given(self, email: str, phone: str, channel: Channel = Channel.EMAIL) -> None:
        """Record contact data, normalised; raises InvalidContact for a bad email or phone."""
        self._expect("contact_given", Step.CONTACT)
        if self._draft.citizen_ref is None:
            raise FlowError(self._current, FlowProblem.MISSING_PREVIOUS, "contact_given")
        normal_email = normalize_email(email)
        normal_phone = normalize_mobile(phone)
        d = self._draft
        d.email, d.phone, d.channel = normal_email, normal_phone, Channel(channel)
        d.verification_id = None  # a code sent to the old contact no longer counts

    def code_sent(self, verification_id: str) -> None:
        """The service sent (or re-sent) a code (POST /v1/verifications[/{id}/resend])."""
        self._expect("code_sent", Step.CONTACT, Step.VERIFY_CODE)
        if self._draft.email is None or self._draft.phone is None:
            raise FlowError(self._current, FlowProblem.MISSING_PREVIOUS, "code_sent")
        if not verification_id:
            raise FlowError(self._current, FlowProblem.INCOMPLETE, "code_sent")
        self._draft.verification_id = verification_id

    def verified(self, session_token: str, existing: Iterable[Confirmation] = ()) -> None:
        """The code was right: a citizen session, plus the turns already booked."""
        self._expect("verified", Step.VERIFY_CODE)
        if self._draft.verification_id is None:
            raise FlowError(self._current, FlowProblem.MISSING_PREVIOUS, "verified")
        if not session_token:
            raise FlowError(self._current, FlowProblem.INCOMPLETE, "verified")
        self._draft.session_token = session_token
        self._draft.existing = tuple(existing)

    def new_booking(self) -> Step:
        """From the list of existing turns: book another one."""
        self._expect("new_booking", Step.EXISTING_TURN)
        return self._go(Step.PROVINCE)

    def reprint(self, confirmation: Confirmation) -> Step:
        """From the list of existing turns: print that confirmation again."""
        self._expect("reprint", Step.EXISTING_TURN)
        if confirmation not in self._draft.existing:
            raise FlowError(self._current, FlowProblem.UNKNOWN_BOOKING, "reprint")
        self._draft.confirmation = confirmation
        return self._go(Step.PRINT)

    def cancelled(self, booking_id: str) -> None:
        """The service cancelled one of the existing turns; the list screen stays."""
        self._expect("cancelled", Step.EXISTING_TURN)
        kept = tuple(c for c in self._draft.existing if c.booking.id != booking_id)
        if len(kept) == len(self._draft.existing):
            raise FlowError(self._current, FlowProblem.UNKNOWN_BOOKING, "cancelled")
        self._draft.existing = kept

    def choose_province(self, code: str) -> None:
        self._expect("choose_province", Step.PROVINCE)
        self._draft.province_code = self._non_empty(code, "choose_province")

    def choose_procedure(self, code: str) -> None:
        self._expect("choose_procedure", Step.PROCEDURE)
        self._draft.procedure_code = self._non_empty(code, "choose_procedure")

    def choose_agency(self, agency_id: int) -> None:
        self._expect("choose_agency", Step.AGENCY)
        self._draft.agency_id = agency_id

    def choose_day(self, day: dt.date) -> None:
        """Choosing another day drops the slot and hold of the previous one (see released)."""
        self._expect("choose_day", Step.SCHEDULE)
        d = self._draft
        if d.day != day:
            self.released = Released(hold=d.hold)
            d.slot = d.hold = None
        d.day = day

    def held(self, slot: Slot, hold: Hold) -> None:
        """The service holds the slot for this citizen; a previous hold is reported released."""
        self._expect("held", Step.SCHEDULE)
        d = self._draft
        if d.day is None:
            raise FlowError(self._current, FlowProblem.MISSING_PREVIOUS, "held")
        if hold.slot.id != slot.id or slot.start.date() != d.day:
            raise FlowError(self._current, FlowProblem.MISMATCH, "held")
        if d.hold is not None and d.hold.id != hold.id:
            self.released = Released(hold=d.hold)
        d.slot, d.hold = slot, hold

    def hold_lost(self) -> Step:
        """The service says the hold expired or the slot is gone: choose another time.

        Allowed on SCHEDULE and on REVIEW before booking; REVIEW goes back to SCHEDULE. Nothing
        is reported released: the service already dropped the hold.
        """
        self._expect("hold_lost", Step.SCHEDULE, Step.REVIEW)
        if self._draft.confirmation is not None:
            raise FlowError(self._current, FlowProblem.NO_WAY_BACK, "hold_lost")
        self._draft.slot = self._draft.hold = None
        if self._current is Step.REVIEW:
            self._current = self._history.pop()
        return self._current

    def booked(self, confirmation: Confirmation) -> None:
        """The service booked the held slot. The hold is consumed, never to be released."""
        self._expect("booked", Step.REVIEW)
        d = self._draft
        if d.hold is None:
            raise FlowError(self._current, FlowProblem.MISSING_PREVIOUS, "booked")
        b = confirmation.booking
        if b.agency_id != d.agency_id or b.procedure_code != d.procedure_code:
            raise FlowError(self._current, FlowProblem.MISMATCH, "booked")
        d.confirmation = confirmation
        d.hold = None

    def printed(self) -> None:
        self._expect("printed", Step.PRINT)
        self._draft.printed = True

    # -- navigation ----------------------------------------------------------------------

    def advance(self) -> Step:
        """Go to the next step if the current step's guard holds, else raise FlowError."""
        self.released = NOTHING_RELEASED
        node = NAVIGATION[self._current]
        if node.next is None:
            raise FlowError(self._current, FlowProblem.LAST_STEP, "advance")
        if not node.guard(self._draft):
            raise FlowError(self._current, FlowProblem.INCOMPLETE, "advance")
        target = node.next if isinstance(node.next, Step) else node.next(self._draft)
        return self._go(target)

    def back(self) -> Step:
        """One step back, clearing the choices of the step left (see the module docstring)."""
        self.released = NOTHING_RELEASED
        if not self.can_go_back():
            raise FlowError(self._current, FlowProblem.NO_WAY_BACK, "back")
        leaving = self._current
        target = self._history.pop()
        if target is Step.WELCOME:
            self.start_over()
            return self._current
        d = self._draft
        hold, session = d.hold, d.session_token
        if target is Step.VERIFY_CODE:
            # Never back into an already used code: land on the contact data instead.
            target = self._history.pop()
        if target is Step.CONTACT:
            # A new code will be sent on Siguiente; the session (if any) ends.
            self._clear_from(Step.VERIFY_CODE)
            d.verification_id = None
        else:
            self._clear_from(leaving)
        if leaving is Step.REVIEW:
            # Back on the schedule the citizen picks a time again; the day stays chosen.
            d.slot = d.hold = None
        self.released = Released(
            hold=hold if d.hold is None else None,
            session_token=session if d.session_token is None else None,
        )
        self._current = target
        return target

    def start_over(self) -> Released:
        """Wipe every personal field and return to WELCOME ("Empezar de nuevo", idle timeout).

        Returns (and stores in `released`) the hold and session the UI must release. A hold
        consumed by a booking is not reported; the session is, even after a booking.
        """
        released = Released(hold=self._draft.hold, session_token=self._draft.session_token)
        self._draft = Draft(language=self._default_language)
        self._history.clear()
        self._current = Step.WELCOME
        self.released = released
        return released

    # -- helpers -------------------------------------------------------------------------

    def _expect(self, action: str, *steps: Step) -> None:
        self.released = NOTHING_RELEASED
        if self._current not in steps:
            raise FlowError(self._current, FlowProblem.WRONG_STEP, action)

    def _non_empty(self, value: str, action: str) -> str:
        if not value:
            raise FlowError(self._current, FlowProblem.INCOMPLETE, action)
        return value

    def _go(self, target: Step) -> Step:
        self._history.append(self._current)
        self._current = target
        return target

    def _clear_from(self, step: Step) -> None:
        """Reset the fields owned by `step` and by every step after it."""
        blank = Draft()
        for later in _ORDER[_ORDER.index(step) :]:
            for name in _OWNED[later]:
                setattr(self._draft, name, getattr(blank, name))
