"""The kiosk's client for the `turnos` HTTP API (/v1): the only code in the kiosk that speaks HTTP.

Synchronous on purpose: the UI calls it from a worker thread through qasync's
`run_in_executor`, so a slow service never freezes the screen. One instance may be shared by
several worker threads: requests' connection pool is thread-safe and the only mutable state of
our own (the cached catalogue) sits behind a lock.

Retries: a GET is retried once when the connection failed (a stale pooled connection, a service
restarting); a POST or DELETE never is. `book` is made safe to repeat by the caller, who sends
the same Idempotency-Key again; so is `start_verification` given a key (`request_key`): a send
asked again after its answer was lost gets the same verification back instead of a refusal for
asking twice.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import hashlib
import hmac
import json
import logging
import threading
import time
from collections.abc import Callable, Mapping
from types import TracebackType
from typing import Any, Final, TypeVar
from urllib.parse import quote

import requests

from kiosk.backend.errors import (
    BackendError,
    BadResponse,
    IncompatibleService,
    ServiceError,
    ServiceUnavailable,
)
from kiosk.backend.heartbeat import HeartbeatPayload, PaperLevel, PrinterState, build_payload
from kiosk.backend.parse import (
    Health,
    Lookup,
    ParseError,
    Session,
    Verification,
    parse_availability,
    parse_catalog,
    parse_confirmation,
    parse_current_bookings,
    parse_health,
    parse_hold,
    parse_jwks,
    parse_lookup,
    parse_session,
    parse_slots,
    parse_verification,
)
from kiosk.domain.contact import Channel
from kiosk.domain.ids import IdType
from kiosk.domain.models import Availability, Catalog, Confirmation, Hold, Slot

__all__ = [
    "API_MAJOR_VERSION",
    "BackendError",
    "BadResponse",
    "Health",
    "IncompatibleService",
    "Lookup",
    "ServiceError",
    "ServiceUnavailable",
    "Session",
    "TurnosClient",
    "Verification",
]

log = logging.getLogger(__name__)

_T = TypeVar("_T")

API_MAJOR_VERSION: Final = "1"
#: A kiosk sits on the agency's LAN: a service that does not accept a connection in a few
#: seconds is down, whatever the read timeout.
MAX_CONNECT_TIMEOUT_S: Final = 5.0

# 4xx answers without a problem+json body (a proxy in front of the service, say).
_CODE_FOR_STATUS: Final = {
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    409: "conflict",
    429: "rate_limited",
}

# 5xx problem codes that are the contact step's to handle (docs/api.md), not "out of service".
_CONTACT_STEP_5XX: Final = frozenset({"delivery_failed"})


def request_key(secret: str, *parts: str | None) -> str:
    """An Idempotency-Key for a request made of `parts` within `secret` (the visit's): the same
    request gives the same key; without the secret the key tells nothing of the parts."""
    canonical = json.dumps(list(parts), ensure_ascii=True).encode()
    return hmac.new(secret.encode(), canonical, hashlib.sha256).hexdigest()


class TurnosClient:
    """Typed calls to the turn service; every failure is a `BackendError` subclass."""

    def __init__(
        self,
        base_url: str,
        kiosk_token: str | None,
        *,
        timeout_s: float = 10,
        session: requests.Session | None = None,
    ) -> None:
        base = base_url.rstrip("/")
        self._api = base if base.endswith("/v1") else base + "/v1"
        self._kiosk_token = kiosk_token
        self._timeout = (min(timeout_s, MAX_CONNECT_TIMEOUT_S), timeout_s)
        self._http = session if session is not None else requests.Session()
        self._owns_http = session is None
        self._lock = threading.Lock()
        self._catalog: Catalog | None = None
        self._catalog_etag: str | None = None

    def __repr__(self) -> str:  # never shows the token
        return f"TurnosClient({self._api!r})"

    # --- lifecycle -----------------------------------------------------------------------------

    def close(self) -> None:
        if self._owns_http:
            self._http.close()

    def __enter__(self) -> TurnosClient:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # --- service -------------------------------------------------------------------------------

    def health(self) -> Health:
        """The service's health; `IncompatibleService` if it speaks another major API version."""
        health = self._parse(parse_health, self._json(self._request("GET", "/health")))
        if health.api_version.split(".")[0] != API_MAJOR_VERSION:
            raise IncompatibleService(health.api_version)
        return health

    def catalog(self) -> Catalog:
        """Provinces, procedures and agencies; revalidated with If-None-Match when cached."""
        with self._lock:
            cached, etag = self._catalog, self._catalog_etag
        headers = {"If-None-Match": etag} if cached is not None and etag else {}
        response = self._request("GET", "/catalog", headers=headers, ok=(200, 304))
        if response.status_code == 304:
            if cached is None:
                raise BadResponse("catalogue not modified, but none was asked for", status=304)
            return cached
        catalog = self._parse(parse_catalog, self._json(response))
        with self._lock:
            self._catalog = catalog
            self._catalog_etag = response.headers.get("ETag")
        return catalog

    @property
    def cached_catalog(self) -> Catalog | None:
        """The last catalogue received, to keep showing while the service is briefly away."""
        with self._lock:
            return self._catalog

    def keys(self) -> dict[str, Any]:
        """The service's public signing keys as a raw JWKS (`{"keys": [...]}`)."""
        return self._parse(parse_jwks, self._json(self._request("GET", "/keys")))

    def send_heartbeat(self, payload: HeartbeatPayload) -> None:
        self._request("POST", "/kiosks/heartbeat", json=payload.to_json(), ok=(200, 201, 202, 204))

    def heartbeat(
        self,
        version: str,
        printer_state: PrinterState | str,
        paper: PaperLevel | str,
        last_error: str | BaseException | None,
    ) -> None:
        """Report the kiosk's state; `last_error` is shortened and stripped of personal data."""
        self.send_heartbeat(build_payload(version, printer_state, paper, last_error))

    # --- citizen identification ----------------------------------------------------------------

    def lookup(self, id_type: IdType | str, id_number: str) -> Lookup:
        """Find the citizen by id document (the number as `parse_id` normalised it)."""
        body = {"id_type": str(id_type), "id_number": id_number}
        return self._parse(
            parse_lookup, self._json(self._request("POST", "/citizens/lookup", json=body))
        )

    def start_verification(
        self,
        citizen: str,
        email: str | None,
        phone: str | None,
        channel: Channel | str,
        language: str = "es",
        idempotency_key: str | None = None,
    ) -> Verification:
        """Send a one-time code by `channel` ("email" or "sms"); the code message and the
        confirmation e-mail are written in `language` ("es" or "en"). With `idempotency_key`,
        the same request asked again while its code is good answers the same verification (no
        second code, no wait for the minute between two codes)."""
        body = {
            "citizen": citizen,
            "email": email,
            "phone": phone,
            "channel": str(channel),
            # The service writes in Spanish or English only: another kiosk language (one day
            # Kichwa, or the pseudo language) gets the code and the e-mail in Spanish.
            "language": str(language) if str(language) in ("es", "en") else "es",
        }
        headers = {"Idempotency-Key": idempotency_key} if idempotency_key else None
        response = self._request(
            "POST", "/verifications", json=body, headers=headers, ok=(200, 201)
        )
        return self._parse(parse_verification, self._json(response))

    def resend(self, verification_id: str) -> Verification:
        path = f"/verifications/{_seg(verification_id)}/resend"
        data = self._json(self._request("POST", path, ok=(200, 201)))
        return self._parse(parse_verification, data)

    def confirm(self, verification_id: str, code: str) -> Session:
        """Check the code; a wrong one raises ServiceError("code_invalid", attempts_left=n)."""
        path = f"/verifications/{_seg(verification_id)}/confirm"
        data = self._json(self._request("POST", path, json={"code": code}, ok=(200, 201)))
        return self._parse(parse_session, data)

    def end_session(self, session: Session) -> None:
        self._request("DELETE", "/sessions/current", session=session, ok=(200, 204))

    # --- booking -------------------------------------------------------------------------------

    def availability(
        self, agency_id: int, procedure: str, start: dt.date, end: dt.date
    ) -> Availability:
        """Each day from `start` to `end` (both included; the service leaves out days before
        its today) with its state, free places and closing reason, and the last bookable day
        (None from an older service)."""
        params = {
            "agency": str(agency_id),
            "procedure": procedure,
            "from": start.isoformat(),
            "to": end.isoformat(),
        }
        return self._parse(
            parse_availability, self._json(self._request("GET", "/availability", params=params))
        )

    def slots(self, agency_id: int, procedure: str, day: dt.date) -> list[Slot]:
        params = {"agency": str(agency_id), "procedure": procedure, "date": day.isoformat()}
        return self._parse(parse_slots, self._json(self._request("GET", "/slots", params=params)))

    def hold(self, session: Session, slot: Slot) -> Hold:
        """Reserve the slot for a few minutes while the citizen reviews the booking."""
        response = self._request(
            "POST", "/holds", json={"slot": slot.id}, session=session, ok=(200, 201)
        )
        data = self._json(response)
        return self._parse(lambda d: parse_hold(d, slot), data)

    def release_hold(self, session: Session, hold_id: str) -> None:
        """Give the slot back. A hold that already expired or is gone counts as released."""
        try:
            self._request("DELETE", f"/holds/{_seg(hold_id)}", session=session, ok=(200, 204))
        except ServiceError as exc:
            if exc.code not in ("not_found", "hold_expired"):
                raise

    def book(self, session: Session, hold_id: str, idempotency_key: str) -> Confirmation:
        """Turn the hold into a booking. Repeat with the same key after a failure: the service
        answers the booking it already made instead of a second one."""
        response = self._request(
            "POST",
            "/bookings",
            json={"hold": hold_id},
            session=session,
            headers={"Idempotency-Key": idempotency_key},
            ok=(200, 201),
        )
        return self._parse(parse_confirmation, self._json(response))

    def current_bookings(self, session: Session) -> list[Confirmation]:
        response = self._request("GET", "/bookings/current", session=session)
        return self._parse(parse_current_bookings, self._json(response))

    def cancel_booking(self, session: Session, booking_id: str) -> None:
        path = f"/bookings/{_seg(booking_id)}"
        self._request("DELETE", path, session=session, ok=(200, 204))

    # --- plumbing ------------------------------------------------------------------------------

    def _request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, str] | None = None,
        json: Any = None,
        session: Session | None = None,
        headers: Mapping[str, str] | None = None,
        ok: tuple[int, ...] = (200,),
    ) -> requests.Response:
        all_headers = {"Accept": "application/json, application/problem+json"}
        if self._kiosk_token:
            all_headers["Authorization"] = f"Bearer {self._kiosk_token}"
        if session is not None:
            all_headers["X-Citizen-Session"] = session.token
        if headers:
            all_headers.update(headers)
        url = self._api + path
        # Only a GET is safe to send twice; and only when the connection failed, not when the
        # service was slow (that would just double the citizen's wait).
        attempts = 2 if method == "GET" else 1
        for attempt in range(1, attempts + 1):
            started = time.monotonic()
            try:
                response = self._http.request(
                    method,
                    url,
                    params=params,
                    json=json,
                    headers=all_headers,
                    timeout=self._timeout,
                    allow_redirects=False,
                )
            except requests.Timeout as exc:
                raise ServiceUnavailable(f"{method} {path}: timed out") from exc
            except requests.ConnectionError as exc:
                if attempt < attempts:
                    log.info("%s %s: connection failed, retrying once", method, path)
                    continue
                raise ServiceUnavailable(f"{method} {path}: connection failed") from exc
            except requests.RequestException as exc:
                raise ServiceUnavailable(f"{method} {path}: {type(exc).__name__}") from exc
            log.debug(
                "%s %s -> %d in %.0f ms",
                method,
                path,
                response.status_code,
                (time.monotonic() - started) * 1000,
            )
            break
        if response.status_code in ok:
            return response
        raise _error_for(method, path, response)

    @staticmethod
    def _json(response: requests.Response) -> Any:
        try:
            return response.json()
        except ValueError as exc:
            raise BadResponse(
                f"answer to {response.request.method} {_path_of(response)} is not JSON",
                status=response.status_code,
            ) from exc

    @staticmethod
    def _parse(parser: Callable[[Any], _T], data: Any) -> _T:
        try:
            return parser(data)
        except ParseError as exc:  # names the field, never its value
            raise BadResponse(f"unexpected response shape: {exc}") from exc


def _error_for(method: str, path: str, response: requests.Response) -> BackendError:
    """Map a non-success answer to the error the kiosk reacts to."""
    status = response.status_code
    retry_after = _retry_after(response.headers.get("Retry-After"))
    if not 400 <= status < 600:
        return BadResponse(f"{method} {path}: unexpected status", status=status)
    problem = _problem(response)
    code = problem.get("code")
    # A mail or SMS gateway that would not take the code is a refusal of this contact, not a
    # dead service: the citizen may fix the address or choose the other channel.
    if status >= 500 and not (status == 503 and code in _CONTACT_STEP_5XX):
        return ServiceUnavailable(
            f"{method} {path}: server error",
            status=status,
            retry_after=retry_after,
            code=code if isinstance(code, str) and code else None,
        )
    if not isinstance(code, str) or not code:
        code = _CODE_FOR_STATUS.get(status, "invalid_request")
    attempts_left = problem.get("attempts_left")
    if isinstance(attempts_left, bool) or not isinstance(attempts_left, int):
        attempts_left = None
    return ServiceError(
        code,
        status,
        attempts_left=attempts_left,
        retry_after=retry_after,
        registered=_masks(problem.get("registered")),
    )


def _masks(value: Any) -> dict[str, str]:
    """The masked registered contacts of a problem, keeping only well-formed entries."""
    if not isinstance(value, Mapping):
        return {}
    return {k: v for k, v in value.items() if k in ("email", "phone") and isinstance(v, str)}


def _problem(response: requests.Response) -> Mapping[str, Any]:
    content_type = response.headers.get("Content-Type", "")
    if "json" not in content_type:
        return {}
    try:
        data = response.json()
    except ValueError:
        return {}
    return data if isinstance(data, Mapping) else {}


def _retry_after(value: str | None) -> float | None:
    """Retry-After is either delta-seconds or an HTTP date (RFC 9110 §10.2.3)."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(float(value), 0.0)
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return max((when - dt.datetime.now(dt.UTC)).total_seconds(), 0.0)


def _seg(value: str | int) -> str:
    """One URL path segment; ids come from the service but are quoted all the same."""
    return quote(str(value), safe="")


def _path_of(response: requests.Response) -> str:
    url = response.request.path_url if response.request is not None else ""
    return url.split("?", 1)[0]
