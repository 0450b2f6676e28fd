"""The FastAPI application factory."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.openapi.utils import get_openapi
from fastapi.responses import JSONResponse

from turnos import __version__
from turnos.clock import Clock
from turnos.context import AppContext, build_context
from turnos.errors import PROBLEM_JSON, install_handlers
from turnos.middleware import BodyLimit
from turnos.routes import bookings, catalog, citizens, kiosks, public, staff
from turnos.schemas import Problem
from turnos.settings import Settings

log = logging.getLogger("turnos.app")


def create_app(
    settings: Settings | None = None,
    *,
    clock: Clock | None = None,
    context: AppContext | None = None,
) -> FastAPI:
    ctx = context or build_context(settings or Settings(), clock)
    app = FastAPI(
        title="turnos",
        version=__version__,
        summary="Reference turn service of the IESS self-service kiosk (API v1)",
        # Swagger UI and ReDoc load their JavaScript from a CDN: both off; /openapi.json stays.
        docs_url=None,
        redoc_url=None,
    )
    app.state.ctx = ctx
    app.add_middleware(BodyLimit, max_bytes=ctx.settings.max_body_bytes)
    install_handlers(app)

    async def on_unexpected(_request: Request, exc: Exception) -> JSONResponse:
        log.error("unexpected error: %s", type(exc).__name__, exc_info=exc)
        body = {"type": "about:blank", "title": "Internal error", "status": 500, "code": "internal"}
        return JSONResponse(body, status_code=500, media_type=PROBLEM_JSON)

    app.add_exception_handler(Exception, on_unexpected)
    for module in (public, catalog, citizens, bookings, staff, kiosks):
        app.include_router(module.router, prefix="/v1")
    app.openapi = lambda: _openapi(app)  # type: ignore[method-assign]
    return app


def _openapi(app: FastAPI) -> dict[str, Any]:
    if app.openapi_schema:
        return app.openapi_schema
    schema = get_openapi(
        title=app.title, version=app.version, summary=app.summary, routes=app.routes
    )
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    components["Problem"] = Problem.model_json_schema(ref_template="#/components/schemas/{model}")
    # Validation errors are answered as 400 invalid_request, never 422 with FastAPI's body.
    for path in schema.get("paths", {}).values():
        for operation in path.values():
            responses = operation.get("responses", {})
            if "application/json" in responses.get("422", {}).get("content", {}):
                del responses["422"]
    components.pop("HTTPValidationError", None)
    components.pop("ValidationError", None)
    app.openapi_schema = schema
    return schema
