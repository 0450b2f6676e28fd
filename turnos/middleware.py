"""A request body limit, enforced before routing and authentication.

A pure ASGI middleware: a declared Content-Length past the limit is refused before a byte of the
body is read; a body without one (chunked) is counted as it arrives and refused as soon as it
passes the limit. Either way the answer is 413 `payload_too_large`, and memory stays bounded by
the limit whatever the client sends.
"""

from __future__ import annotations

import logging

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from turnos.errors import ApiError, ErrorCode, problem_response

log = logging.getLogger("turnos.middleware")


class BodyLimit:
    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = _content_length(scope)
        if declared is not None and declared > self.max_bytes:
            await self._refuse(scope, receive, send)
            return

        received = 0
        refused = False
        started = False

        async def counting_receive() -> Message:
            nonlocal received, refused
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes and not refused:
                    refused = True
                    if not started:
                        await self._refuse(scope, receive, send)
                    # To the application the client is gone: it stops reading and answers
                    # nothing more (its answer is dropped below).
                    return {"type": "http.disconnect"}
            return message

        async def guarded_send(message: Message) -> None:
            nonlocal started
            if refused:
                return
            started = True
            await send(message)

        try:
            await self.app(scope, counting_receive, guarded_send)
        except Exception:
            if not refused:
                raise
            # The application failed on the body cut short; the client already has its 413.
            log.debug("request aborted after the body limit", exc_info=True)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        error = ApiError(ErrorCode.PAYLOAD_TOO_LARGE, f"the body limit is {self.max_bytes} bytes")
        response = problem_response(error)
        # The rest of the body is never read: the connection cannot carry another request.
        response.headers["Connection"] = "close"
        await response(scope, receive, send)


def _content_length(scope: Scope) -> int | None:
    """The declared length; a malformed one counts as too large (it cannot be trusted)."""
    for name, value in scope.get("headers", ()):
        if name == b"content-length":
            text = value.decode("latin-1").strip()
            return int(text) if text.isdigit() and len(text) <= 18 else 2**63
    return None
