"""FastAPI dependencies: the app context, the caller's role, the per-kiosk rate limit."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Header, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from turnos.context import AppContext
from turnos.errors import ApiError, ErrorCode
from turnos.services import ratelimit, tokens
from turnos.services.tokens import Principal, Role


def get_ctx(request: Request) -> AppContext:
    ctx: AppContext = request.app.state.ctx
    return ctx


Ctx = Annotated[AppContext, Depends(get_ctx)]


_bearer = HTTPBearer(auto_error=False)


def _principal(ctx: AppContext, credentials: HTTPAuthorizationCredentials | None) -> Principal:
    token = credentials.credentials.strip() if credentials else ""
    if not token:
        raise ApiError(ErrorCode.UNAUTHORIZED, "a bearer token is required")
    with ctx.db.transaction() as session:
        principal = tokens.authenticate(session, token)
    if principal is None:
        raise ApiError(ErrorCode.UNAUTHORIZED, "unknown or revoked token")
    return principal


def _require(*roles: Role):  # type: ignore[no-untyped-def]
    def dependency(
        ctx: Ctx,
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
    ) -> Principal:
        principal = _principal(ctx, credentials)
        if principal.role not in roles:
            raise ApiError(ErrorCode.FORBIDDEN, f"needs a {' or '.join(roles)} token")
        if principal.role is Role.KIOSK:
            s = ctx.settings
            wait = ratelimit.take(
                ctx.db, f"kiosk:{principal.token_id}", ctx.now(), s.rate_per_minute, s.rate_burst
            )
            if wait is not None:
                raise ApiError(ErrorCode.RATE_LIMITED, retry_after=int(wait))
        return principal

    return dependency


KioskCaller = Annotated[Principal, Depends(_require(Role.KIOSK))]
StaffCaller = Annotated[Principal, Depends(_require(Role.STAFF, Role.OPERATOR))]
OperatorCaller = Annotated[Principal, Depends(_require(Role.OPERATOR))]
AnyCaller = Annotated[Principal, Depends(_require(Role.KIOSK, Role.STAFF, Role.OPERATOR))]
CitizenSession = Annotated[str | None, Header(alias="X-Citizen-Session", include_in_schema=True)]
