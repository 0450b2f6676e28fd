"""Errors as application/problem+json (RFC 9457) with a stable machine `code`."""

from __future__ import annotations

import logging
from enum import StrEnum
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy import exc as sa_exc
from starlette.exceptions import HTTPException as StarletteHTTPException

PROBLEM_JSON = "application/problem+json"
# Seconds a client waits before retrying when the database is unavailable.
DATABASE_RETRY_AFTER_S = 5

log = logging.getLogger("turnos.errors")


class ErrorCode(StrEnum):
    INVALID_REQUEST = "invalid_request"
    INVALID_ID = "invalid_id"
    CITIZEN_NOT_FOUND = "citizen_not_found"
    # Not in the institution's employer registry: the employer registration comes first.
    NOT_REGISTERED = "not_registered"
    # The typed email or mobile is not the one in the registry; `registered` holds the masks.
    CONTACT_NOT_REGISTERED = "contact_not_registered"
    INVALID_CONTACT = "invalid_contact"
    CODE_INVALID = "code_invalid"
    CODE_EXPIRED = "code_expired"
    TOO_MANY_ATTEMPTS = "too_many_attempts"
    RATE_LIMITED = "rate_limited"
    # The citizen made the most bookings allowed in a day, 7 days or 30 days (any procedure).
    CITIZEN_QUOTA = "citizen_quota"
    # This kiosk spent its hourly budget of bookings, code sends or lookups.
    KIOSK_BUDGET = "kiosk_budget"
    SLOT_UNAVAILABLE = "slot_unavailable"
    HOLD_EXPIRED = "hold_expired"
    ALREADY_BOOKED = "already_booked"
    UNAUTHORIZED = "unauthorized"
    FORBIDDEN = "forbidden"
    NOT_FOUND = "not_found"
    METHOD_NOT_ALLOWED = "method_not_allowed"
    # The body is past TURNOS_MAX_BODY_BYTES; refused before it is read or authenticated.
    PAYLOAD_TOO_LARGE = "payload_too_large"
    # Mail or SMS could not be handed over; nothing was changed, try again later.
    DELIVERY_FAILED = "delivery_failed"
    # The database did not answer: no free connection in time, refused, or restarting.
    DATABASE_UNAVAILABLE = "database_unavailable"


STATUS: dict[ErrorCode, int] = {
    ErrorCode.INVALID_REQUEST: 400,
    ErrorCode.INVALID_ID: 422,
    ErrorCode.CITIZEN_NOT_FOUND: 404,
    ErrorCode.NOT_REGISTERED: 404,
    ErrorCode.CONTACT_NOT_REGISTERED: 403,
    ErrorCode.INVALID_CONTACT: 422,
    ErrorCode.CODE_INVALID: 422,
    ErrorCode.CODE_EXPIRED: 410,
    ErrorCode.TOO_MANY_ATTEMPTS: 429,
    ErrorCode.RATE_LIMITED: 429,
    ErrorCode.CITIZEN_QUOTA: 429,
    ErrorCode.KIOSK_BUDGET: 429,
    ErrorCode.SLOT_UNAVAILABLE: 409,
    ErrorCode.HOLD_EXPIRED: 410,
    ErrorCode.ALREADY_BOOKED: 409,
    ErrorCode.UNAUTHORIZED: 401,
    ErrorCode.FORBIDDEN: 403,
    ErrorCode.NOT_FOUND: 404,
    ErrorCode.METHOD_NOT_ALLOWED: 405,
    ErrorCode.PAYLOAD_TOO_LARGE: 413,
    ErrorCode.DELIVERY_FAILED: 503,
    ErrorCode.DATABASE_UNAVAILABLE: 503,
}

TITLES: dict[ErrorCode, str] = {
    ErrorCode.INVALID_REQUEST: "The request is malformed",
    ErrorCode.INVALID_ID: "The identity number is not valid",
    ErrorCode.CITIZEN_NOT_FOUND: "No citizen with that identity number",
    ErrorCode.NOT_REGISTERED: "Not in the employer registry",
    ErrorCode.CONTACT_NOT_REGISTERED: "The contact is not the one in the registry",
    ErrorCode.INVALID_CONTACT: "The email or phone is not valid",
    ErrorCode.CODE_INVALID: "The code is wrong",
    ErrorCode.CODE_EXPIRED: "The code has expired",
    ErrorCode.TOO_MANY_ATTEMPTS: "Too many wrong codes",
    ErrorCode.RATE_LIMITED: "Too many requests",
    ErrorCode.CITIZEN_QUOTA: "The citizen has booked as many turns as allowed for now",
    ErrorCode.KIOSK_BUDGET: "This kiosk has made too many requests of this kind for now",
    ErrorCode.SLOT_UNAVAILABLE: "The slot has no free place",
    ErrorCode.HOLD_EXPIRED: "The hold has expired",
    ErrorCode.ALREADY_BOOKED: "The citizen already has a turn for this procedure",
    ErrorCode.UNAUTHORIZED: "Missing or invalid credentials",
    ErrorCode.FORBIDDEN: "Not allowed",
    ErrorCode.NOT_FOUND: "Not found",
    ErrorCode.METHOD_NOT_ALLOWED: "Method not allowed",
    ErrorCode.PAYLOAD_TOO_LARGE: "The request body is too large",
    ErrorCode.DELIVERY_FAILED: "The message could not be sent",
    ErrorCode.DATABASE_UNAVAILABLE: "The database is unavailable; try again shortly",
}


class ApiError(Exception):
    def __init__(
        self,
        code: ErrorCode,
        detail: str | None = None,
        *,
        attempts_left: int | None = None,
        retry_after: int | None = None,
        extra: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(f"{code}: {detail}" if detail else str(code))
        self.code = code
        self.detail = detail
        self.attempts_left = attempts_left
        self.retry_after = retry_after
        # Further members of the problem body (never personal data in full).
        self.extra = extra or {}

    @property
    def status(self) -> int:
        return STATUS[self.code]


def problem_response(error: ApiError) -> JSONResponse:
    body: dict[str, Any] = {
        "type": f"https://turnos.invalid/problems/{error.code}",
        "title": TITLES[error.code],
        "status": error.status,
        "code": str(error.code),
    }
    if error.detail:
        body["detail"] = error.detail
    if error.attempts_left is not None:
        body["attempts_left"] = error.attempts_left
    body.update(error.extra)
    headers: dict[str, str] = {}
    if error.retry_after is not None:
        headers["Retry-After"] = str(max(1, error.retry_after))
    if error.code is ErrorCode.UNAUTHORIZED:
        headers["WWW-Authenticate"] = "Bearer"
    return JSONResponse(body, status_code=error.status, headers=headers, media_type=PROBLEM_JSON)


def _validation_detail(exc: RequestValidationError) -> str:
    # Field locations and messages only: the rejected input may be personal data.
    parts = []
    for err in exc.errors()[:5]:
        loc = ".".join(str(p) for p in err.get("loc", ()) if p != "body")
        parts.append(f"{loc}: {err.get('msg', 'invalid')}" if loc else str(err.get("msg")))
    return "; ".join(parts) or "invalid request"


def is_database_unavailable(exc: BaseException) -> bool:
    """Trouble reaching the database, not a bug: a pool timeout, a refused or broken
    connection ("too many clients", a restart). A failed transaction was rolled back."""
    if isinstance(exc, sa_exc.TimeoutError | sa_exc.OperationalError | sa_exc.InterfaceError):
        return True
    return isinstance(exc, sa_exc.DBAPIError) and exc.connection_invalidated


def database_unavailable() -> ApiError:
    return ApiError(ErrorCode.DATABASE_UNAVAILABLE, retry_after=DATABASE_RETRY_AFTER_S)


def install_handlers(app: FastAPI) -> None:
    async def on_api_error(_request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, ApiError)
        return problem_response(exc)

    async def on_validation(_request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, RequestValidationError)
        return problem_response(ApiError(ErrorCode.INVALID_REQUEST, _validation_detail(exc)))

    async def on_http(_request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, StarletteHTTPException)
        code = {
            401: ErrorCode.UNAUTHORIZED,
            403: ErrorCode.FORBIDDEN,
            404: ErrorCode.NOT_FOUND,
        }.get(exc.status_code, ErrorCode.INVALID_REQUEST)
        if exc.status_code == 405:
            response = problem_response(ApiError(ErrorCode.METHOD_NOT_ALLOWED))
            response.headers["Allow"] = (exc.headers or {}).get("Allow", "")
            return response
        return problem_response(ApiError(code))

    async def on_database_error(_request: Request, exc: Exception) -> JSONResponse:
        if not is_database_unavailable(exc):
            raise exc  # a bug (a constraint, bad SQL): the app's 500 handler answers it
        # Class names only: a driver's message may quote the statement's parameters.
        orig = getattr(exc, "orig", None)
        cause = f" ({type(orig).__module__}.{type(orig).__qualname__})" if orig else ""
        log.warning("database unavailable: %s%s", type(exc).__name__, cause)
        return problem_response(database_unavailable())

    app.add_exception_handler(ApiError, on_api_error)
    app.add_exception_handler(sa_exc.DBAPIError, on_database_error)
    app.add_exception_handler(sa_exc.TimeoutError, on_database_error)
    app.add_exception_handler(RequestValidationError, on_validation)
    app.add_exception_handler(StarletteHTTPException, on_http)
