"""What can go wrong when the kiosk talks to the turn service.

Three families, because the kiosk reacts to each differently:

- `ServiceError`: the service answered and said no (wrong code, slot taken...). The screen shows
  a message for the `code` and the citizen may try again. A 503 `delivery_failed` (the mail or
  SMS gateway would not take the code) is one too: the contact step offers the other channel.
- `ServiceUnavailable`: no usable answer (connection refused, DNS, timeout, other 5xx, garbage).
  The kiosk shows "out of service".
- `IncompatibleService`: the service speaks another major API version. Only a technician can fix
  that, so the message is for them.

Messages never contain personal data: the service's free-text `detail` is deliberately dropped.
"""

from __future__ import annotations

from collections.abc import Mapping


class BackendError(Exception):
    """Base class of every error raised by the turn service client."""


class ServiceError(BackendError):
    """The service refused the request with an application/problem+json answer."""

    def __init__(
        self,
        code: str,
        status: int,
        attempts_left: int | None = None,
        retry_after: float | None = None,
        registered: Mapping[str, str] | None = None,
    ) -> None:
        self.code = code
        self.status = status
        self.attempts_left = attempts_left
        self.retry_after = retry_after
        # `contact_not_registered`: the registry's contacts as the service masked them
        # ("email": "m•••@gmail.com", "phone": "09•••••678"), to tell the citizen which one.
        self.registered: dict[str, str] = dict(registered or {})
        parts = [f"{code} (HTTP {status})"]
        if attempts_left is not None:
            parts.append(f"attempts left: {attempts_left}")
        if retry_after is not None:
            parts.append(f"retry after {retry_after:g} s")
        super().__init__(", ".join(parts))

    def __reduce__(
        self,
    ) -> tuple[type[ServiceError], tuple[str, int, int | None, float | None, dict[str, str]]]:
        # Keeps the error picklable (it may cross a process or executor boundary).
        args = (self.code, self.status, self.attempts_left, self.retry_after, self.registered)
        return (type(self), args)


class ServiceUnavailable(BackendError):  # noqa: N818 (name fixed by the shared contract)
    """No usable answer from the service: the kiosk goes "out of service"."""

    def __init__(
        self,
        reason: str,
        *,
        status: int | None = None,
        retry_after: float | None = None,
        code: str | None = None,
    ) -> None:
        self.reason = reason
        self.status = status
        self.retry_after = retry_after
        # The problem code of a 5xx answer, if it had one (e.g. "database_unavailable").
        self.code = code
        message = reason if status is None else f"{reason} (HTTP {status})"
        super().__init__(message if code is None else f"{message}: {code}")

    def __reduce__(self) -> tuple[object, ...]:
        args = (type(self), self.reason, self.status, self.retry_after, self.code)
        return (_rebuild_unavailable, args)


class BadResponse(ServiceUnavailable):
    """The service answered, but not in the shape of the contract (a bug on one side)."""


def _rebuild_unavailable(
    cls: type[ServiceUnavailable],
    reason: str,
    status: int | None,
    retry_after: float | None,
    code: str | None,
) -> ServiceUnavailable:
    return cls(reason, status=status, retry_after=retry_after, code=code)


class IncompatibleService(BackendError):  # noqa: N818 (name fixed by the shared contract)
    """The service's health check reports another major API version than the kiosk speaks."""

    def __init__(self, api_version: str) -> None:
        self.api_version = api_version
        super().__init__(
            f"the turn service speaks API version {api_version!r}; this kiosk needs version 1. "
            "Update the kiosk or point service.url at a compatible service."
        )

    def __reduce__(self) -> tuple[type[IncompatibleService], tuple[str]]:
        return (type(self), (self.api_version,))
