"""Citizen lookup, code verification and the citizen session."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Header, Response

from turnos.deps import CitizenSession, Ctx, KioskCaller
from turnos.routes.common import problems, utc_iso
from turnos.schemas import (
    ConfirmIn,
    LookupIn,
    LookupOut,
    SessionOut,
    VerificationIn,
    VerificationOut,
)
from turnos.services import citizens, ratelimit, verification
from turnos.services.ratelimit import Budget

router = APIRouter()


@router.post("/citizens/lookup", response_model=LookupOut, responses=problems(404, 422))
def lookup(ctx: Ctx, kiosk: KioskCaller, body: LookupIn) -> dict[str, Any]:
    ratelimit.spend(ctx, kiosk, Budget.LOOKUPS)
    with ctx.db.transaction() as session:
        found = citizens.lookup(
            session, ctx.hasher, body.id_type, body.id_number, ctx.now(), ctx.settings.demo
        )
    return {"citizen": found.ref, "registered": found.registered, "masked_name": found.masked_name}


def _sent(sent: verification.Sent) -> dict[str, Any]:
    return {
        "id": sent.id,
        "expires_at": utc_iso(sent.expires_at),
        "resend_after": utc_iso(sent.resend_after),
    }


@router.post(
    "/verifications",
    response_model=VerificationOut,
    status_code=201,
    responses=problems(404, 422, 503),
)
def start_verification(
    ctx: Ctx,
    kiosk: KioskCaller,
    body: VerificationIn,
    # Optional: with it, the same request asked again (its answer lost) gets the same
    # verification back instead of a refusal for sending twice within the cooldown.
    idempotency_key: Annotated[str | None, Header(max_length=200)] = None,
) -> dict[str, Any]:
    request = None
    if idempotency_key and idempotency_key.strip():
        request = verification.request_key(
            ctx,
            kiosk,
            idempotency_key.strip(),
            body.citizen,
            body.email,
            body.phone,
            body.channel,
            body.language,
        )
        again = verification.replay(ctx, kiosk, request)
        if again is not None:  # no budget spent: nothing is sent
            return _sent(again)
    ratelimit.spend(ctx, kiosk, ratelimit.send_budget(body.channel))
    return _sent(
        verification.start(
            ctx, kiosk, body.citizen, body.email, body.phone, body.channel, body.language, request
        )
    )


@router.post(
    "/verifications/{verification_id}/resend",
    response_model=VerificationOut,
    responses=problems(404, 422, 503),
)
def resend(ctx: Ctx, kiosk: KioskCaller, verification_id: str) -> dict[str, Any]:
    return _sent(verification.resend(ctx, kiosk, verification_id))


@router.post(
    "/verifications/{verification_id}/confirm",
    response_model=SessionOut,
    responses=problems(404, 410, 422),
)
def confirm(ctx: Ctx, kiosk: KioskCaller, verification_id: str, body: ConfirmIn) -> dict[str, Any]:
    new = verification.confirm(ctx, kiosk, verification_id, body.code)
    return {"session_token": new.token, "expires_at": utc_iso(new.expires_at)}


@router.delete("/sessions/current", status_code=204, responses=problems())
def end_session(ctx: Ctx, kiosk: KioskCaller, x_citizen_session: CitizenSession = None) -> Response:
    verification.end_session(ctx, kiosk, x_citizen_session)
    return Response(status_code=204)
