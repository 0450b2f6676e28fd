"""Errors as application/problem+json (RFC 9457) with a stable machine `code`."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

PROBLEM_JSON = "application/problem+json"


class ErrorCode(StrEnum):
    INVALID_REQUEST = "invalid_request"
    INVALID_ID = "invalid_id"
    CITIZEN_NOT_FOUND = "citizen_not_found"
    INVALID_CONTACT = "invalid_contact"
    CODE_INVALID = "code_invalid"
    CODE_EXPIRED = "code_expired"
    TOO_MANY_ATTEMPTS = "too_many_attempts"
    RATE_LIMITED = "rate_limited"
    SLOT_UNAVAILABLE = "slot_unavailable"
    HOLD_EXPIRED = "hold_expired"
    ALREADY_BOOKED = "already_booked"
    UNAUTHORIZED = "unauthorized"
    FORBIDDEN = "forbidden"
    NOT_FOUND = "not_found"
    # Mail or SMS could not be handed over; nothing was changed, try again later.
    DELIVERY_FAILED = "delivery_failed"


STATUS: dict[ErrorCode, int] = {
    ErrorCode.INVALID_REQUEST: 400,
    ErrorCode.INVALID_ID: 422,
    ErrorCode.CITIZEN_NOT_FOUND: 404,
    ErrorCode.INVALID_CONTACT: 422,
    ErrorCode.CODE_INVALID: 422,
    ErrorCode.CODE_EXPIRED: 410,
    ErrorCode.TOO_MANY_ATTEMPTS: 429,
    ErrorCode.RATE_LIMITED: 429,
    ErrorCode.SLOT_UNAVAILABLE: 409,
    ErrorCode.HOLD_EXPIRED: 410,
    ErrorCode.ALREADY_BOOKED: 409,
    ErrorCode.UNAUTHORIZED: 401,
    ErrorCode.FORBIDDEN: 403,
    ErrorCode.NOT_FOUND: 404,
    ErrorCode.DELIVERY_FAILED: 503,
}

TITLES: dict[ErrorCode, str] = {
    ErrorCode.INVALID_REQUEST: "The request is malformed",
    ErrorCode.INVALID_ID: "The identity number is not valid",
    ErrorCode.CITIZEN_NOT_FOUND: "No citizen with that identity number",
    ErrorCode.INVALID_CONTACT: "The email or phone is not valid",
    ErrorCode.CODE_INVALID: "The code is wrong",
    ErrorCode.CODE_EXPIRED: "The code has expired",
    ErrorCode.TOO_MANY_ATTEMPTS: "Too many wrong codes",
    ErrorCode.RATE_LIMITED: "Too many requests",
    ErrorCode.SLOT_UNAVAILABLE: "The slot has no free place",
    ErrorCode.HOLD_EXPIRED: "The hold has expired",
    ErrorCode.ALREADY_BOOKED: "The citizen already has a turn for this procedure",
    ErrorCode.UNAUTHORIZED: "Missing or invalid credentials",
    ErrorCode.FORBIDDEN: "Not allowed",
    ErrorCode.NOT_FOUND: "Not found",
    ErrorCode.DELIVERY_FAILED: "The message could not be sent",
}


class ApiError(Exception):
    def __init__(
        self,
        code: ErrorCode,
        detail: str | None = None,
        *,
        attempts_left: int | None = None,
        retry_after: int | None = None,
    ) -> None:
        super().__init__(f"{code}: {detail}" if detail else str(code))
        self.code = code
        self.detail = detail
        self.attempts_left = attempts_left
        self.retry_after = retry_after

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
            response = problem_response(ApiError(code, "method not allowed"))
            response.status_code = 405
            return response
        return problem_response(ApiError(code))

    app.add_exception_handler(ApiError, on_api_error)
    app.add_exception_handler(RequestValidationError, on_validation)
    app.add_exception_handler(StarletteHTTPException, on_http)
