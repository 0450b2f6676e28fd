"""FastAPI dependencies: the app context, the caller's role, the per-kiosk rate limit."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Header, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.orm import Session

from turnos.context import AppContext
from turnos.errors import ApiError, ErrorCode
from turnos.services import ratelimit, tokens
from turnos.services.tokens import Principal, Role


def get_ctx(request: Request) -> AppContext:
    ctx: AppContext = request.app.state.ctx
    return ctx


Ctx = Annotated[AppContext, Depends(get_ctx)]


_bearer = HTTPBearer(auto_error=False)


# Kiosk tokens are issued as "tk_...": their check and their rate-limit spend share one
# writing transaction; any other token is checked in a read-only one (deferred on SQLite, so a
# staff or operator GET never waits for the writer lock).
_KIOSK_PREFIX = "tk_"


def _rate_limited(ctx: AppContext, session: Session, principal: Principal) -> None:
    s = ctx.settings
    wait = ratelimit.take_in(
        session, f"kiosk:{principal.token_id}", ctx.now(), s.rate_per_minute, s.rate_burst
    )
    if wait is not None:
        raise ApiError(ErrorCode.RATE_LIMITED, retry_after=int(wait))


def _principal(
    ctx: AppContext, credentials: HTTPAuthorizationCredentials | None, roles: tuple[Role, ...]
) -> Principal:
    """The caller, checked for `roles`; a kiosk has spent one token of its rate limit."""
    token = credentials.credentials.strip() if credentials else ""
    if not token:
        raise ApiError(ErrorCode.UNAUTHORIZED, "a bearer token is required")
    if token.startswith(_KIOSK_PREFIX) and Role.KIOSK in roles:
        with ctx.db.transaction() as session:
            principal = _known(tokens.authenticate(session, token), roles)
            if principal.role is Role.KIOSK:
                _rate_limited(ctx, session, principal)
            return principal
    with ctx.db.read() as session:
        principal = _known(tokens.authenticate(session, token), roles)
    if principal.role is Role.KIOSK:  # a kiosk token not spelt as issued today
        with ctx.db.transaction() as session:
            _rate_limited(ctx, session, principal)
    return principal


def _known(principal: Principal | None, roles: tuple[Role, ...]) -> Principal:
    if principal is None:
        raise ApiError(ErrorCode.UNAUTHORIZED, "unknown or revoked token")
    if principal.role not in roles:
        raise ApiError(ErrorCode.FORBIDDEN, f"needs a {' or '.join(roles)} token")
    return principal


def _require(*roles: Role):  # type: ignore[no-untyped-def]
    def dependency(
        ctx: Ctx,
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
    ) -> Principal:
        return _principal(ctx, credentials, roles)

    return dependency


KioskCaller = Annotated[Principal, Depends(_require(Role.KIOSK))]
StaffCaller = Annotated[Principal, Depends(_require(Role.STAFF, Role.OPERATOR))]
OperatorCaller = Annotated[Principal, Depends(_require(Role.OPERATOR))]
AnyCaller = Annotated[Principal, Depends(_require(Role.KIOSK, Role.STAFF, Role.OPERATOR))]
CitizenSession = Annotated[str | None, Header(alias="X-Citizen-Session", include_in_schema=True)]
