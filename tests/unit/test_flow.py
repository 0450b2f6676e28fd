"""The booking flow's navigation table, guards, back-stack and wipe, without any widget."""

from __future__ import annotations

import copy
import datetime as dt
import itertools
from collections.abc import Callable
from zoneinfo import ZoneInfo

import pytest
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

from kiosk.backend.client import request_key
from kiosk.domain.contact import Channel, InvalidContact
from kiosk.domain.flow import (
    NAVIGATION,
    BookingFlow,
    Draft,
    FlowError,
    FlowProblem,
    Released,
    Step,
)
from kiosk.domain.ids import IdType, parse_id
from kiosk.domain.models import Booking, Confirmation, Hold, Language, Slot

GYE = ZoneInfo("America/Guayaquil")
DAY = dt.date(2030, 3, 4)
CEDULA = "1710034065"
EMAIL = "maria.perez@example.com"
PHONE = "+593991234567"


def make_slot(n: int = 1, day: dt.date = DAY) -> Slot:
    start = dt.datetime.combine(day, dt.time(8 + n, 0), tzinfo=GYE)
    return Slot(id=f"slot-{n}", start=start, end=start + dt.timedelta(minutes=20), free_places=2)


def make_hold(slot: Slot, n: int = 1) -> Hold:
    return Hold(id=f"hold-{n}", slot=slot, expires_at=slot.start - dt.timedelta(hours=1))


def make_confirmation(
    booking_id: str = "b-1", agency_id: int = 7, procedure: str = "CLAVE_PATRONAL"
) -> Confirmation:
    slot = make_slot()
    booking = Booking(
        id=booking_id,
        code="A-012",
        agency_id=agency_id,
        procedure_code=procedure,
        start=slot.start,
        end=slot.end,
        masked_name="MARÍA P•••",
        masked_id="17••••••65",
    )
    return Confirmation(booking=booking, token=f"TRN1:{booking_id}")


# One recorded intent per step: what the citizen (and the service) did on that screen.
def _do(flow: BookingFlow, step: Step, existing: tuple[Confirmation, ...] = ()) -> None:
    if step is Step.IDENTIFY:
        flow.identified(parse_id(IdType.CEDULA, CEDULA), "citizen-1", "MARÍA P•••")
    elif step is Step.CONTACT:
        flow.contact_given(EMAIL, "099 123 4567", Channel.EMAIL)
        flow.code_sent("ver-1")
    elif step is Step.VERIFY_CODE:
        flow.verified("session-1", existing)
    elif step is Step.PROVINCE:
        flow.choose_province("17")
    elif step is Step.PROCEDURE:
        flow.choose_procedure("CLAVE_PATRONAL")
    elif step is Step.AGENCY:
        flow.choose_agency(7)
    elif step is Step.SCHEDULE:
        flow.choose_day(DAY)
        slot = make_slot()
        flow.held(slot, make_hold(slot))
    elif step is Step.REVIEW:
        flow.booked(make_confirmation())
    elif step is Step.PRINT:
        flow.printed()


MAIN_PATH = (
    Step.WELCOME,
    Step.IDENTIFY,
    Step.CONTACT,
    Step.VERIFY_CODE,
    Step.PROVINCE,
    Step.PROCEDURE,
    Step.AGENCY,
    Step.SCHEDULE,
    Step.REVIEW,
    Step.PRINT,
    Step.DONE,
)


def walk_to(target: Step, existing: tuple[Confirmation, ...] = ()) -> BookingFlow:
    """A flow standing on `target`, every earlier step done, nothing recorded on `target`."""
    flow = BookingFlow()
    if target is Step.WELCOME:
        return flow
    flow.start(Language.ES)
    if target is Step.EXISTING_TURN:
        existing = existing or (make_confirmation("old-1"),)
    while flow.current is not target:
        _do(flow, flow.current, existing)
        flow.advance()
    assert flow.current is target
    return flow


ALL_STEPS = tuple(Step)


# -- the navigation table ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("step", "expected"),
    list(itertools.pairwise(MAIN_PATH[1:])),
    ids=lambda s: str(s),
)
def test_each_step_is_guarded_then_advances_to_the_next(step: Step, expected: Step) -> None:
    flow = walk_to(step)
    assert not flow.can_advance()
    with pytest.raises(FlowError) as err:
        flow.advance()
    assert err.value.reason is FlowProblem.INCOMPLETE
    assert flow.current is step

    _do(flow, step)
    assert flow.can_advance()
    assert flow.advance() is expected
    assert flow.current is expected
    assert flow.history[-1] is step


def test_table_covers_every_step_and_only_done_is_last() -> None:
    assert set(NAVIGATION) == set(Step)
    assert [s for s, node in NAVIGATION.items() if node.next is None] == [Step.DONE]


def test_welcome_starts_in_the_chosen_language() -> None:
    flow = BookingFlow()
    assert flow.current is Step.WELCOME
    assert flow.can_advance()
    assert flow.start(Language.EN) is Step.IDENTIFY
    assert flow.draft.language is Language.EN
    assert flow.history == (Step.WELCOME,)


def test_done_is_the_end() -> None:
    flow = walk_to(Step.DONE)
    assert not flow.can_advance()
    with pytest.raises(FlowError) as err:
        flow.advance()
    assert err.value.reason is FlowProblem.LAST_STEP
    assert flow.draft.printed


def test_identify_needs_the_lookup_not_only_a_document() -> None:
    flow = walk_to(Step.IDENTIFY)
    with pytest.raises(FlowError):
        flow.identified(parse_id(IdType.CEDULA, CEDULA), "", None)
    assert not flow.can_advance()


def test_contact_is_stored_normalised_and_needs_a_sent_code() -> None:
    flow = walk_to(Step.CONTACT)
    flow.contact_given("  Maria.Perez@EXAMPLE.com ", "099 123 4567", Channel.SMS)
    assert flow.draft.email == "Maria.Perez@example.com"
    assert flow.draft.phone == PHONE
    assert flow.draft.channel is Channel.SMS
    assert not flow.can_advance()  # no code sent yet
    flow.code_sent("ver-9")
    assert flow.can_advance()


def test_changing_contact_voids_the_code_already_sent() -> None:
    flow = walk_to(Step.CONTACT)
    _do(flow, Step.CONTACT)
    flow.contact_given("otro@example.com", "0991234567")
    assert flow.draft.verification_id is None
    assert not flow.can_advance()


@pytest.mark.parametrize(
    ("email", "phone", "field"),
    [("not-an-email", "0991234567", "email"), (EMAIL, "022345678", "phone")],
)
def test_bad_contact_is_refused_and_nothing_is_recorded(email: str, phone: str, field: str) -> None:
    flow = walk_to(Step.CONTACT)
    with pytest.raises(InvalidContact) as err:
        flow.contact_given(email, phone)
    assert err.value.field == field
    assert flow.draft.email is None
    assert flow.draft.phone is None


def test_code_can_be_resent_on_the_code_step() -> None:
    flow = walk_to(Step.VERIFY_CODE)
    flow.code_sent("ver-2")
    assert flow.draft.verification_id == "ver-2"


# -- the existing-turn branch --------------------------------------------------------------


def test_verified_citizen_with_turns_sees_them_first() -> None:
    old = (make_confirmation("old-1"), make_confirmation("old-2"))
    flow = walk_to(Step.VERIFY_CODE)
    flow.verified("session-1", old)
    assert flow.advance() is Step.EXISTING_TURN
    assert flow.draft.existing == old
    assert flow.can_advance()
    assert flow.advance() is Step.PROVINCE  # Siguiente = book a new one


def test_new_booking_from_existing_turns() -> None:
    flow = walk_to(Step.EXISTING_TURN)
    assert flow.new_booking() is Step.PROVINCE
    assert flow.history[-1] is Step.EXISTING_TURN


def test_reprint_goes_to_print_with_that_confirmation() -> None:
    old = (make_confirmation("old-1"), make_confirmation("old-2"))
    flow = walk_to(Step.EXISTING_TURN, old)
    assert flow.reprint(old[1]) is Step.PRINT
    assert flow.draft.confirmation == old[1]
    assert not flow.can_go_back()
    flow.printed()
    assert flow.advance() is Step.DONE


def test_reprint_of_a_turn_not_listed_is_refused() -> None:
    flow = walk_to(Step.EXISTING_TURN)
    with pytest.raises(FlowError) as err:
        flow.reprint(make_confirmation("someone-else"))
    assert err.value.reason is FlowProblem.UNKNOWN_BOOKING
    assert flow.current is Step.EXISTING_TURN


def test_cancel_removes_the_turn_and_stays() -> None:
    old = (make_confirmation("old-1"), make_confirmation("old-2"))
    flow = walk_to(Step.EXISTING_TURN, old)
    flow.cancelled("old-1")
    assert flow.draft.existing == (old[1],)
    assert flow.current is Step.EXISTING_TURN
    flow.cancelled("old-2")
    assert flow.draft.existing == ()
    assert flow.current is Step.EXISTING_TURN
    with pytest.raises(FlowError) as err:
        flow.cancelled("old-2")
    assert err.value.reason is FlowProblem.UNKNOWN_BOOKING


# -- schedule, hold and booking --------------------------------------------------------------


def test_another_day_releases_the_hold_of_the_previous_one() -> None:
    flow = walk_to(Step.SCHEDULE)
    _do(flow, Step.SCHEDULE)
    hold = flow.draft.hold
    flow.choose_day(DAY)  # the same day again keeps the hold
    assert flow.draft.hold == hold
    assert not flow.released
    flow.choose_day(DAY + dt.timedelta(days=1))
    assert flow.released == Released(hold=hold)
    assert flow.draft.slot is None
    assert flow.draft.hold is None
    assert not flow.can_advance()


def test_another_slot_releases_the_previous_hold() -> None:
    flow = walk_to(Step.SCHEDULE)
    _do(flow, Step.SCHEDULE)
    first = flow.draft.hold
    second_slot = make_slot(2)
    flow.held(second_slot, make_hold(second_slot, 2))
    assert flow.released == Released(hold=first)
    assert flow.draft.slot == second_slot


def test_hold_must_be_for_the_slot_on_the_chosen_day() -> None:
    flow = walk_to(Step.SCHEDULE)
    slot = make_slot()
    with pytest.raises(FlowError) as err:
        flow.held(slot, make_hold(slot))  # no day chosen yet
    assert err.value.reason is FlowProblem.MISSING_PREVIOUS
    flow.choose_day(DAY)
    with pytest.raises(FlowError) as err:
        flow.held(slot, make_hold(make_slot(2)))
    assert err.value.reason is FlowProblem.MISMATCH
    other_day = make_slot(1, DAY + dt.timedelta(days=1))
    with pytest.raises(FlowError):
        flow.held(other_day, make_hold(other_day))
    assert flow.draft.hold is None


@pytest.mark.parametrize("step", [Step.SCHEDULE, Step.REVIEW])
def test_lost_hold_returns_to_the_schedule_keeping_the_day(step: Step) -> None:
    flow = walk_to(step)
    if step is Step.SCHEDULE:
        _do(flow, Step.SCHEDULE)
    assert flow.hold_lost() is Step.SCHEDULE
    assert flow.draft.day == DAY
    assert flow.draft.hold is None
    assert flow.draft.slot is None
    assert not flow.released  # the service dropped it already
    assert not flow.can_advance()


def test_booking_consumes_the_hold_and_closes_the_way_back() -> None:
    flow = walk_to(Step.REVIEW)
    assert flow.can_go_back()
    flow.booked(make_confirmation())
    assert flow.draft.hold is None
    assert flow.draft.slot is not None  # still shown on the review
    assert not flow.can_go_back()
    with pytest.raises(FlowError):
        flow.hold_lost()
    released = flow.start_over()
    assert released.hold is None  # booked: nothing to release but the session
    assert released.session_token == "session-1"


@pytest.mark.parametrize(
    "confirmation",
    [make_confirmation(agency_id=8), make_confirmation(procedure="OTRO")],
    ids=["agency", "procedure"],
)
def test_confirmation_for_another_choice_is_refused(confirmation: Confirmation) -> None:
    flow = walk_to(Step.REVIEW)
    with pytest.raises(FlowError) as err:
        flow.booked(confirmation)
    assert err.value.reason is FlowProblem.MISMATCH
    assert flow.draft.confirmation is None
    assert flow.draft.hold is not None


# -- back --------------------------------------------------------------------------------

# step -> (where back lands, fields that must be cleared, fields that must survive)
BACK_CASES: dict[Step, tuple[Step, tuple[str, ...], tuple[str, ...]]] = {
    Step.IDENTIFY: (Step.WELCOME, ("document", "citizen_ref", "masked_name"), ()),
    Step.CONTACT: (
        Step.IDENTIFY,
        ("email", "phone", "verification_id"),
        ("document", "citizen_ref"),
    ),
    Step.VERIFY_CODE: (
        Step.CONTACT,
        ("verification_id", "session_token"),
        ("email", "phone", "document"),
    ),
    Step.PROVINCE: (
        Step.CONTACT,
        ("verification_id", "session_token", "province_code"),
        ("email", "phone", "document"),
    ),
    Step.EXISTING_TURN: (
        Step.CONTACT,
        ("verification_id", "session_token", "existing"),
        ("email", "phone"),
    ),
    # The choice of the step landed on stays pre-selected; what came after it is gone.
    Step.PROCEDURE: (Step.PROVINCE, ("procedure_code",), ("province_code", "session_token")),
    Step.AGENCY: (Step.PROCEDURE, ("agency_id", "day"), ("procedure_code", "province_code")),
    Step.SCHEDULE: (Step.AGENCY, ("day", "slot", "hold"), ("agency_id",)),
    Step.REVIEW: (Step.SCHEDULE, ("slot", "hold"), ("day", "agency_id")),
}


@pytest.mark.parametrize("step", list(BACK_CASES), ids=str)
def test_back_clears_the_choices_of_the_steps_left(step: Step) -> None:
    target, cleared, kept = BACK_CASES[step]
    flow = walk_to(step)
    if step is not Step.REVIEW:  # booking on REVIEW closes the way back (tested below)
        _do(flow, step)  # the citizen chose something here, then thinks again
    hold_before = flow.draft.hold
    session_before = flow.draft.session_token
    assert flow.can_go_back()

    assert flow.back() is target
    assert flow.current is target
    blank = Draft()
    for name in cleared:
        assert getattr(flow.draft, name) == getattr(blank, name), name
    for name in kept:
        assert getattr(flow.draft, name) != getattr(blank, name), name
    # Whatever the service still held for a dropped choice is reported, nothing else.
    assert flow.released.hold == hold_before
    expect_session = session_before if flow.draft.session_token is None else None
    assert flow.released.session_token == expect_session
    if target is Step.CONTACT:
        assert not flow.can_advance()  # crossing the used code: a new one must be sent


def test_back_from_province_after_existing_turns_returns_to_them() -> None:
    flow = walk_to(Step.EXISTING_TURN)
    flow.new_booking()
    flow.choose_province("17")
    assert flow.back() is Step.EXISTING_TURN
    assert flow.draft.session_token == "session-1"
    assert flow.draft.province_code is None
    assert not flow.released


def test_back_never_lands_on_the_used_code() -> None:
    flow = walk_to(Step.AGENCY)
    visited = [flow.back() for _ in range(3)]
    assert visited == [Step.PROCEDURE, Step.PROVINCE, Step.CONTACT]
    assert flow.released.session_token == "session-1"
    assert Step.VERIFY_CODE not in flow.history
    # Onwards again: a new code, a new session.
    _do(flow, Step.CONTACT)
    assert flow.advance() is Step.VERIFY_CODE
    assert not flow.can_advance()


def test_back_from_identify_is_a_start_over() -> None:
    flow = walk_to(Step.IDENTIFY)
    _do(flow, Step.IDENTIFY)
    assert flow.back() is Step.WELCOME
    assert flow.draft.personal_fields_empty()
    assert flow.history == ()


@pytest.mark.parametrize("step", [Step.WELCOME, Step.PRINT, Step.DONE], ids=str)
def test_no_way_back(step: Step) -> None:
    flow = walk_to(step)
    assert not flow.can_go_back()
    with pytest.raises(FlowError) as err:
        flow.back()
    assert err.value.reason is FlowProblem.NO_WAY_BACK
    assert flow.current is step


def test_no_back_out_of_review_once_booked() -> None:
    flow = walk_to(Step.REVIEW)
    _do(flow, Step.REVIEW)
    with pytest.raises(FlowError):
        flow.back()
    assert flow.draft.confirmation is not None


def test_going_back_and_forward_again_reaches_the_same_step() -> None:
    flow = walk_to(Step.REVIEW)
    assert flow.back() is Step.SCHEDULE
    _do(flow, Step.SCHEDULE)
    assert flow.advance() is Step.REVIEW
    assert flow.history == MAIN_PATH[:8]


# -- start over ----------------------------------------------------------------------------


@pytest.mark.parametrize("step", [*MAIN_PATH, Step.EXISTING_TURN], ids=str)
def test_start_over_wipes_everything_from_every_step(step: Step) -> None:
    flow = walk_to(step)
    flow.set_language(Language.EN)
    if step not in (Step.WELCOME, Step.DONE, Step.EXISTING_TURN):
        _do(flow, step)
    hold = flow.draft.hold
    session = flow.draft.session_token

    released = flow.start_over()

    assert flow.current is Step.WELCOME
    assert flow.history == ()
    assert flow.draft.personal_fields_empty()
    assert flow.draft == Draft()  # language back to the kiosk default too
    assert released == Released(hold=hold, session_token=session)
    assert flow.released == released
    assert flow.step_number() is None


def test_each_visit_has_a_secret_of_its_own() -> None:
    """The visit's secret keys the code send's Idempotency-Key: the same send asked again in a
    visit is the same request, and the next citizen's visit shares nothing with it."""
    flow = BookingFlow()
    flow.start(Language.ES)
    first = flow.draft.visit
    assert len(first) == 32
    assert first not in repr(flow.draft)
    assert request_key(first, "ref", EMAIL, None) == request_key(first, "ref", EMAIL, None)
    assert request_key(first, "ref", EMAIL, None) != request_key(first, "ref", EMAIL, "es")
    assert EMAIL not in request_key(first, "ref", EMAIL, None)
    flow.start_over()
    assert flow.draft.visit != first
    assert request_key(flow.draft.visit, "ref", EMAIL) != request_key(first, "ref", EMAIL)


def test_start_over_uses_the_kiosk_default_language() -> None:
    flow = BookingFlow(default_language=Language.EN)
    flow.start(Language.ES)
    flow.start_over()
    assert flow.draft.language is Language.EN


def test_personal_fields_empty_notices_any_personal_field() -> None:
    assert Draft(language=Language.EN, channel=Channel.SMS).personal_fields_empty()
    assert not Draft(email=EMAIL).personal_fields_empty()
    assert not Draft(existing=(make_confirmation(),)).personal_fields_empty()
    assert not Draft(printed=True).personal_fields_empty()


def test_draft_repr_shows_no_personal_data() -> None:
    flow = walk_to(Step.SCHEDULE)
    text = repr(flow.draft)
    for secret in (CEDULA, "citizen-1", "maria", "99123", "session-1", "MARÍA"):
        assert secret.lower() not in text.lower()
    assert "email" in text  # says which fields are set


# -- intents on the wrong step ---------------------------------------------------------------

INTENTS: dict[str, tuple[frozenset[Step], Callable[[BookingFlow], object]]] = {
    "start": (frozenset({Step.WELCOME}), lambda f: f.start(Language.ES)),
    "identified": (
        frozenset({Step.IDENTIFY}),
        lambda f: f.identified(parse_id(IdType.CEDULA, CEDULA), "c", None),
    ),
    "contact_given": (frozenset({Step.CONTACT}), lambda f: f.contact_given(EMAIL, PHONE)),
    "code_sent": (frozenset({Step.CONTACT, Step.VERIFY_CODE}), lambda f: f.code_sent("v")),
    "verified": (frozenset({Step.VERIFY_CODE}), lambda f: f.verified("s")),
    "new_booking": (frozenset({Step.EXISTING_TURN}), lambda f: f.new_booking()),
    "reprint": (frozenset({Step.EXISTING_TURN}), lambda f: f.reprint(make_confirmation("old-1"))),
    "cancelled": (frozenset({Step.EXISTING_TURN}), lambda f: f.cancelled("old-1")),
    "choose_province": (frozenset({Step.PROVINCE}), lambda f: f.choose_province("17")),
    "choose_procedure": (frozenset({Step.PROCEDURE}), lambda f: f.choose_procedure("X")),
    "choose_agency": (frozenset({Step.AGENCY}), lambda f: f.choose_agency(1)),
    "choose_day": (frozenset({Step.SCHEDULE}), lambda f: f.choose_day(DAY)),
    "held": (
        frozenset({Step.SCHEDULE}),
        lambda f: f.held(make_slot(), make_hold(make_slot())),
    ),
    "hold_lost": (frozenset({Step.SCHEDULE, Step.REVIEW}), lambda f: f.hold_lost()),
    "booked": (frozenset({Step.REVIEW}), lambda f: f.booked(make_confirmation())),
    "printed": (frozenset({Step.PRINT}), lambda f: f.printed()),
}

WRONG = [
    (name, step) for name, (allowed, _) in INTENTS.items() for step in Step if step not in allowed
]


@pytest.mark.parametrize(("name", "step"), WRONG, ids=[f"{n}@{s}" for n, s in WRONG])
def test_intent_on_the_wrong_step_is_refused_and_changes_nothing(name: str, step: Step) -> None:
    flow = walk_to(step)
    before = (flow.current, flow.history, copy.copy(flow.draft))
    with pytest.raises(FlowError) as err:
        INTENTS[name][1](flow)
    assert err.value.reason is FlowProblem.WRONG_STEP
    assert err.value.step is step
    assert err.value.action == name
    assert (flow.current, flow.history, flow.draft) == before


@pytest.mark.parametrize("step", ALL_STEPS, ids=str)
def test_language_can_change_on_every_step(step: Step) -> None:
    flow = walk_to(step)
    flow.set_language(Language.EN)
    assert flow.draft.language is Language.EN
    assert flow.current is step


def test_flow_error_message_has_no_personal_data() -> None:
    flow = walk_to(Step.CONTACT)
    with pytest.raises(FlowError) as err:
        flow.identified(parse_id(IdType.CEDULA, CEDULA), "citizen-1", None)
    assert CEDULA not in str(err.value)
    assert str(err.value) == "identified refused on step contact: wrong_step"


# -- "Paso N de M" -------------------------------------------------------------------------


def test_step_numbers() -> None:
    numbers = {step: walk_to(step).step_number() for step in ALL_STEPS}
    assert numbers[Step.WELCOME] is None
    assert numbers[Step.DONE] is None
    assert numbers[Step.IDENTIFY] == (1, 9)
    assert numbers[Step.VERIFY_CODE] == (4, 9)
    assert numbers[Step.REVIEW] == (9, 9)
    # Printing is the printer's work, not a question: no number (nor on a reprint).
    assert numbers[Step.PRINT] is None


def test_every_page_of_a_booking_has_its_own_number_and_the_count_holds() -> None:
    """The notice and the contact form were both "Paso 2 de 9": a citizen saw no progress."""
    flow = walk_to(Step.CONTACT)
    pages = [walk_to(Step.IDENTIFY).step_number(), flow.step_number(privacy_notice=True)]
    pages += [walk_to(s).step_number() for s in MAIN_PATH[2:-1]]
    numbered = [p for p in pages if p is not None]
    assert numbered == [(n, 9) for n in range(1, 10)]
    assert pages[-1] is None  # PRINT
    # The notice flag means nothing on other screens.
    assert walk_to(Step.PROVINCE).step_number(privacy_notice=True) == (5, 9)


def test_the_existing_turn_screen_has_no_step_number() -> None:
    """It said "Paso 4 de 9", though a citizen who reprints or cancels there never sees 5..9;
    the province screen after it keeps its own number, so no two screens share one."""
    flow = walk_to(Step.EXISTING_TURN)
    assert flow.step_number() is None
    flow.new_booking()
    assert flow.step_number() == (5, 9)
    reprint = walk_to(Step.EXISTING_TURN)
    reprint.reprint(reprint.draft.existing[0])
    assert reprint.current is Step.PRINT
    assert reprint.step_number() is None


# -- random sequences of intents (Hypothesis state machine) -------------------------------------

DAYS = (DAY, DAY + dt.timedelta(days=1))


# What the citizen chooses on each screen (the confirmation can also come from a reprint).
CHOSEN_ON: dict[Step, tuple[str, ...]] = {
    Step.PROVINCE: ("province_code",),
    Step.PROCEDURE: ("procedure_code",),
    Step.AGENCY: ("agency_id",),
    Step.SCHEDULE: ("day", "slot", "hold"),
    Step.PRINT: ("printed",),
}


class FlowMachine(RuleBasedStateMachine):
    """Any sequence of intents, valid or not: no hold leaks, no review without a hold, and
    start over always leaves nothing personal."""

    def __init__(self) -> None:
        super().__init__()
        self.flow = BookingFlow()
        self.holds_given: set[str] = set()
        self.holds_ended: list[str] = []  # released to the service, booked, or lost
        self.counter = 0

    def _try(self, intent: Callable[[], object], consumes_hold: bool = False) -> None:
        """Run an intent; a hold leaves the draft only by being released or consumed."""
        hold = self.flow.draft.hold
        try:
            intent()
        except (FlowError, InvalidContact):
            assert self.flow.draft.hold == hold  # a refused intent changes nothing
            return
        finally:
            if self.flow.released.hold is not None:
                self.holds_ended.append(self.flow.released.hold.id)
        if consumes_hold and hold is not None and self.flow.draft.hold is None:
            self.holds_ended.append(hold.id)  # booked, or already gone on the service

    @rule(language=st.sampled_from(list(Language)))
    def start(self, language: Language) -> None:
        self._try(lambda: self.flow.start(language))

    @rule(language=st.sampled_from(list(Language)))
    def set_language(self, language: Language) -> None:
        self._try(lambda: self.flow.set_language(language))

    @rule(ref=st.sampled_from(["", "citizen-1"]))
    def identified(self, ref: str) -> None:
        self._try(lambda: self.flow.identified(parse_id(IdType.CEDULA, CEDULA), ref, "M•••"))

    @rule(email=st.sampled_from([EMAIL, "broken"]), channel=st.sampled_from(Channel))
    def contact_given(self, email: str, channel: Channel) -> None:
        self._try(lambda: self.flow.contact_given(email, "0991234567", channel))

    @rule()
    def code_sent(self) -> None:
        self._try(lambda: self.flow.code_sent("ver-1"))

    @rule(with_turns=st.booleans())
    def verified(self, with_turns: bool) -> None:
        existing = (make_confirmation("old-1"),) if with_turns else ()
        self._try(lambda: self.flow.verified("session-1", existing))

    @rule()
    def new_booking(self) -> None:
        self._try(self.flow.new_booking)

    @rule()
    def reprint(self) -> None:
        self._try(lambda: self.flow.reprint(make_confirmation("old-1")))

    @rule()
    def cancelled(self) -> None:
        self._try(lambda: self.flow.cancelled("old-1"))

    @rule()
    def choose_province(self) -> None:
        self._try(lambda: self.flow.choose_province("17"))

    @rule()
    def choose_procedure(self) -> None:
        self._try(lambda: self.flow.choose_procedure("CLAVE_PATRONAL"))

    @rule()
    def choose_agency(self) -> None:
        self._try(lambda: self.flow.choose_agency(7))

    @rule(day=st.sampled_from(DAYS))
    def choose_day(self, day: dt.date) -> None:
        self._try(lambda: self.flow.choose_day(day))

    @rule(n=st.integers(1, 3), day=st.sampled_from(DAYS))
    def held(self, n: int, day: dt.date) -> None:
        self.counter += 1
        slot = make_slot(n, day)
        hold = make_hold(slot, self.counter)

        def intent() -> None:
            self.flow.held(slot, hold)
            self.holds_given.add(hold.id)

        self._try(intent)

    @rule()
    def hold_lost(self) -> None:
        self._try(self.flow.hold_lost, consumes_hold=True)

    @rule()
    def booked(self) -> None:
        self._try(lambda: self.flow.booked(make_confirmation()), consumes_hold=True)

    @rule()
    def printed(self) -> None:
        self._try(self.flow.printed)

    @rule(
        until=st.sampled_from(ALL_STEPS),
        with_turns=st.booleans(),
        hold_it=st.booleans(),
        then=st.sampled_from(["next", "stay", "back"]),
        rethink=st.sampled_from([None, *DAYS]),
    )
    def proceed(
        self,
        until: Step,
        with_turns: bool,
        hold_it: bool,
        then: str,
        rethink: dt.date | None,
    ) -> None:
        """The right answers screen after screen up to `until` (so that random runs get deep),
        answer that one too, then Siguiente, nothing or Atrás."""
        for _ in range(len(ALL_STEPS)):
            step = self.flow.current
            if step is Step.WELCOME:
                self.start(Language.ES)
                continue
            if step is Step.SCHEDULE:
                self.choose_day(DAY)
                if hold_it:  # else Siguiente without a time: must be refused
                    self.held(1, DAY)
                if rethink is not None:  # another day, or another time on the same day
                    self.choose_day(rethink)
                    self.held(2, rethink)
            elif step is Step.REVIEW and step is until and then == "back":
                pass  # confirming would book, and a booking has no way back
            elif step is not Step.EXISTING_TURN:
                existing = (make_confirmation("old-1"),) if with_turns else ()
                self._try(
                    lambda step=step, existing=existing: _do(self.flow, step, existing),
                    consumes_hold=step is Step.REVIEW,
                )
            if step is until or not self.flow.can_advance():
                break
            self.advance()
        if then == "next":
            self.advance()
        elif then == "back":  # answered, then the citizen thinks again
            self.back()

    @rule()
    def advance(self) -> None:
        self._try(self.flow.advance)
        if self.flow.current is Step.REVIEW:
            assert self.flow.draft.hold is not None or self.flow.draft.confirmation is not None

    @rule()
    def back(self) -> None:
        self._try(self.flow.back)

    @rule()
    def start_over(self) -> None:
        self._try(self.flow.start_over)
        assert self.flow.current is Step.WELCOME
        assert self.flow.draft.personal_fields_empty()
        assert self.flow.history == ()

    @invariant()
    def never_review_without_a_hold(self) -> None:
        d = self.flow.draft
        if self.flow.current is Step.REVIEW:
            assert d.hold is not None or d.confirmation is not None
        if self.flow.current in (Step.PRINT, Step.DONE):
            assert d.confirmation is not None

    @invariant()
    def after_the_code_there_is_a_session(self) -> None:
        after_code = (*MAIN_PATH[MAIN_PATH.index(Step.PROVINCE) :], Step.EXISTING_TURN)
        if self.flow.current in after_code:
            assert self.flow.draft.session_token is not None

    @invariant()
    def no_choice_of_a_later_step_survives(self) -> None:
        later = ALL_STEPS[ALL_STEPS.index(self.flow.current) + 1 :]
        blank = Draft()
        for step in later:
            for name in CHOSEN_ON.get(step, ()):
                assert getattr(self.flow.draft, name) == getattr(blank, name), (step, name)

    @invariant()
    def every_hold_is_held_or_accounted_for_once(self) -> None:
        current = self.flow.draft.hold
        held = {current.id} if current is not None else set()
        assert len(self.holds_ended) == len(set(self.holds_ended))  # never released twice
        assert set(self.holds_ended) | held == self.holds_given
        assert not set(self.holds_ended) & held


FlowMachine.TestCase.settings = settings(
    max_examples=300, stateful_step_count=30, deadline=None, database=None
)
TestFlowMachine = FlowMachine.TestCase
