"""Who the citizen is: the id number, the contact data and the emailed (or texted) code."""

from __future__ import annotations

from functools import partial

from kiosk.backend.client import Verification, request_key
from kiosk.backend.errors import ServiceError
from kiosk.booking.context import StepContext
from kiosk.booking.operations import AbortError
from kiosk.domain.contact import InvalidContact
from kiosk.domain.flow import Step
from kiosk.domain.ids import InvalidId, parse_id


class IdentitySteps:
    def __init__(self, ctx: StepContext) -> None:
        self.ctx = ctx

    async def identify(self) -> None:
        ctx = self.ctx
        id_type, raw = ctx.screens.identify.value()
        try:
            document = parse_id(id_type, raw)
        except InvalidId as exc:
            ctx.fail(Step.IDENTIFY, partial(ctx.screens.identify.problem_text, exc.problem))
        try:
            found = await ctx.ops.call(
                ctx.client.lookup,
                document.type.value,
                document.number,
                words=ctx.messages.busy_lookup(),
            )
        except ServiceError as exc:
            if exc.code == "not_registered":  # more words than fit beside the field
                ctx.notice(ctx.messages.not_registered_heading, ctx.messages.not_registered)
            if exc.code == "kiosk_budget":  # this kiosk is busy: until when, and what now
                ctx.notice(
                    ctx.messages.kiosk_busy_heading,
                    ctx.service_problem(exc, at_code_step=False),
                )
            ctx.fail(Step.IDENTIFY, partial(ctx.messages.service_error, exc.code))
        ctx.flow.identified(document, found.citizen, found.masked_name)
        ctx.flow.advance()
        await ctx.enter(Step.CONTACT, None)

    async def send_code(self) -> None:
        ctx = self.ctx
        view = ctx.screens.contact
        if view.notice_shown():  # "Entendido, continuar" on the data-protection notice
            view.accept_notice()
            ctx.show(Step.CONTACT)  # the form has its own step number
            return
        try:
            email, phone, channel = view.value()
            ctx.flow.contact_given(email, phone, channel)
        except InvalidContact as exc:
            ctx.refuse_contact(partial(ctx.messages.contact_problem, exc.field, exc.problem))
        draft = ctx.flow.draft
        assert draft.citizen_ref is not None
        request = (
            draft.citizen_ref,
            draft.email,
            draft.phone,
            draft.channel.value,
            draft.language.value,
        )
        try:
            verification = await ctx.ops.call(
                ctx.client.start_verification,
                *request,
                # the same send in this visit is the same request: asked again after a lost
                # answer, the service gives back the code it sent instead of "wait a minute"
                request_key(draft.visit, *request),
                words=ctx.messages.busy_sending_code(),
            )
        except ServiceError as exc:
            if exc.code == "contact_not_registered":  # only the registry's contact gets a code
                ctx.refuse_contact(
                    partial(
                        ctx.messages.contact_not_registered, exc.registered, draft.channel.value
                    ),
                    heading=partial(
                        ctx.messages.contact_not_registered_heading, draft.channel.value
                    ),
                )
            if exc.code == "delivery_failed":  # the gateway, not the kiosk: the other channel
                ctx.refuse_contact(partial(ctx.messages.delivery_failed, draft.channel.value))
            if exc.code == "kiosk_budget":  # this kiosk is busy, not the citizen's sends
                ctx.refuse_contact(
                    ctx.service_problem(exc, at_code_step=False),
                    heading=ctx.messages.kiosk_busy_heading,
                )
            ctx.refuse_contact(
                ctx.service_problem(exc, at_code_step=False), limit=exc.code == "rate_limited"
            )
        ctx.flow.code_sent(verification.id)
        ctx.flow.advance()
        await ctx.enter(Step.VERIFY_CODE, None)
        self._show_new_code(verification)

    def _show_new_code(self, verification: Verification) -> None:
        """Fresh boxes and attempts, the code's life in clock time, the resend countdown."""
        ctx = self.ctx
        ctx.screens.code.new_code(
            ctx.local(verification.expires_at), ctx.seconds_until(verification.resend_after)
        )
        ctx.shell.refresh_actions()

    async def resend_code(self) -> None:
        ctx = self.ctx
        verification_id = ctx.flow.draft.verification_id
        if verification_id is None:
            return
        try:
            verification = await ctx.ops.call(
                ctx.client.resend, verification_id, words=ctx.messages.busy_sending_code()
            )
        except ServiceError as exc:
            if exc.code == "delivery_failed":  # the code already sent still works
                ctx.fail(
                    Step.VERIFY_CODE,
                    partial(ctx.messages.resend_failed, ctx.flow.draft.channel.value),
                )
            if exc.retry_after:
                ctx.screens.code.set_resend_in(int(exc.retry_after))
            ctx.fail(Step.VERIFY_CODE, ctx.service_problem(exc, at_code_step=True))
        ctx.flow.code_sent(verification.id)
        self._show_new_code(verification)

    async def check_code(self) -> None:
        ctx = self.ctx
        view = ctx.screens.code
        code = view.value()
        verification_id = ctx.flow.draft.verification_id
        assert verification_id is not None
        # A code already accepted whose next call (the citizen's turns) did not get through:
        # the service used the code up, so asking again would call the right code wrong.
        session = ctx.session.current
        if session is None:
            try:
                session = await ctx.ops.call(
                    ctx.client.confirm,
                    verification_id,
                    code,
                    words=ctx.messages.busy_checking_code(),
                )
            except ServiceError as exc:
                # The boxes empty for the next try (six ⌫ were needed before).
                attempts = 0 if exc.code == "too_many_attempts" else exc.attempts_left
                words = ctx.service_problem(exc, at_code_step=True)
                ctx.live.show(Step.VERIFY_CODE, words, partial(view.code_refused, attempts))
                ctx.shell.refresh_actions()
                raise AbortError from exc
            ctx.session.current = session
        existing = await ctx.ops.call(ctx.client.current_bookings, session)
        ctx.flow.verified(session.token, existing)
        step = ctx.flow.advance()
        await ctx.enter(step, None)
