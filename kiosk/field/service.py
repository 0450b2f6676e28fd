"""The turn service as a technician needs it checked: reachable, compatible, the token a kiosk's,
the agency served, the clocks agreeing.

Every call goes through the kiosk's own client (`kiosk.backend.client.TurnosClient`), so the
doctor sees what the kiosk will see. The client is given a requests session with a response
hook that notes the service's `Date` header, which is how the clock is compared. To learn
whether the token is a kiosk's, one heartbeat is sent (the kiosk sends one every minute: its
version and printer state), because the heartbeat is the one call only a kiosk token may make.
The token is never printed, logged or put in an error.
"""

from __future__ import annotations

import email.utils
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import requests

from kiosk import __version__
from kiosk.backend.client import API_MAJOR_VERSION, TurnosClient
from kiosk.backend.errors import (
    BadResponse,
    IncompatibleService,
    ServiceError,
    ServiceUnavailable,
)
from kiosk.domain.models import Catalog
from kiosk.field.checks import Check, failed, passed
from kiosk.field.words import Words

#: Clocks further apart than this fail the check (codes and holds are timed by the service).
MAX_CLOCK_OFFSET_S = 30.0
#: Agencies named in a message before "and N more".
_LIST_AT_MOST = 5


@dataclass
class ServiceFacts:
    """What one pass over the service found. `problem` None: it answered as a turn service."""

    url: str
    problem: str | None = None  # connect, timeout, server_error, not_turnos, incompatible
    status: int | None = None
    api_version: str | None = None
    service_version: str = ""
    #: what the token gets: ok, missing, unknown, not_kiosk, rate_limited, error, unchecked
    access: str = "unchecked"
    catalog: Catalog | None = None
    clock_offset_s: float | None = None
    _dates: list[tuple[str, float, float]] = field(default_factory=list, repr=False)

    @property
    def shown_url(self) -> str:
        """The URL without any user:password@ part."""
        parts = urlsplit(self.url)
        host = parts.netloc.rsplit("@", 1)[-1]
        return parts._replace(netloc=host).geturl()


def clock_offset(date_header: str, received: float, elapsed: float) -> float | None:
    """Service clock minus ours, in seconds, from an HTTP `Date` (whole seconds, RFC 9110)
    stamped between sending (`received - elapsed`) and `received`; None if unreadable."""
    try:
        stamped = email.utils.parsedate_to_datetime(date_header).timestamp()
    except (TypeError, ValueError):
        return None
    # The header truncates to the second; the middle of that second is the best guess.
    return stamped + 0.5 - (received - elapsed / 2)


def probe(
    url: str,
    token: str | None,
    *,
    timeout_s: float = 10.0,
    printer_state: str = "unknown",
    paper: str = "unknown",
) -> ServiceFacts:
    """Health, then (with a token) the catalogue and one heartbeat."""
    facts = ServiceFacts(url)
    http = requests.Session()

    def note_date(response: requests.Response, *_args: Any, **_kwargs: Any) -> None:
        date = response.headers.get("Date")
        if date:
            facts._dates.append((date, time.time(), response.elapsed.total_seconds()))

    http.hooks["response"].append(note_date)
    client = TurnosClient(url, token, timeout_s=timeout_s, session=http)
    try:
        _health(client, facts)
        if facts._dates:
            facts.clock_offset_s = clock_offset(*facts._dates[0])
        if facts.problem is None:
            _token(client, facts, token, printer_state, paper)
    finally:
        client.close()
        http.close()
    return facts


def _health(client: TurnosClient, facts: ServiceFacts) -> None:
    try:
        health = client.health()
    except IncompatibleService as exc:
        facts.problem, facts.api_version = "incompatible", exc.api_version
        return
    except BadResponse as exc:
        facts.problem, facts.status = "not_turnos", exc.status
        return
    except ServiceUnavailable as exc:
        facts.status = exc.status
        if exc.status is not None:
            facts.problem = "server_error"
        else:
            facts.problem = "timeout" if exc.reason.endswith("timed out") else "connect"
        return
    except ServiceError as exc:  # 404 and the like: something else answers at that address
        facts.problem, facts.status = "not_turnos", exc.status
        return
    facts.api_version, facts.service_version = health.api_version, health.version


def _token(
    client: TurnosClient, facts: ServiceFacts, token: str | None, printer_state: str, paper: str
) -> None:
    if not token:
        facts.access = "missing"
        return
    try:
        facts.catalog = client.catalog()
        client.heartbeat(__version__, printer_state, paper, None)
    except ServiceError as exc:
        facts.access = {401: "unknown", 403: "not_kiosk", 429: "rate_limited"}.get(
            exc.status, "error"
        )
        facts.status = exc.status
        return
    except ServiceUnavailable as exc:
        facts.access, facts.status = "error", exc.status
        return
    facts.access = "ok"


# -- the checks ---------------------------------------------------------------------------------


def check_service(words: Words, facts: ServiceFacts, fields: tuple[str, ...] = ()) -> Check:
    url = facts.shown_url
    problem = facts.problem
    if problem is None or problem == "incompatible":
        detail = words("service.ok", url=url, version=facts.service_version or "?")
        return passed("service", detail, fields)
    if problem == "connect":
        detail, fix = words("service.connect", url=url), words("service.connect.fix", url=url)
        return failed("service", detail, fix, fields)
    if problem == "timeout":
        return failed(
            "service", words("service.timeout", url=url), words("service.timeout.fix"), fields
        )
    if problem == "server_error":
        detail = words("service.server_error", status=facts.status or "?")
        return failed("service", detail, words("service.server_error.fix"), fields)
    return failed(
        "service", words("service.not_turnos", url=url), words("service.not_turnos.fix"), fields
    )


def _unchecked(name: str, words: Words) -> Check:
    # Names no value to correct: a value is not wrong because the service could not be asked.
    return failed(name, words("unchecked.service"), words("unchecked.service.fix"))


def check_api_version(words: Words, facts: ServiceFacts, fields: tuple[str, ...] = ()) -> Check:
    if facts.api_version is None:
        return _unchecked("api_version", words)
    if facts.problem == "incompatible":
        detail = words("api.incompatible", theirs=facts.api_version, ours=API_MAJOR_VERSION)
        return failed("api_version", detail, words("api.incompatible.fix"), fields)
    return passed(
        "api_version", words("api.ok", theirs=facts.api_version, ours=API_MAJOR_VERSION), fields
    )


def check_token(words: Words, facts: ServiceFacts, fields: tuple[str, ...] = ()) -> Check:
    state = facts.access
    if state == "unchecked":
        return _unchecked("token", words)
    if state == "ok":
        count = len(facts.catalog.agencies) if facts.catalog else 0
        return passed("token", words("token.ok", count=count), fields)
    detail = words(f"token.{state}", status=facts.status or "?")
    return failed("token", detail, words(f"token.{state}.fix"), fields)


def check_clock(words: Words, facts: ServiceFacts) -> Check:
    if facts.problem not in (None, "incompatible"):  # no turn service answered: no clock
        return _unchecked("clock", words)
    offset = facts.clock_offset_s
    if offset is None:
        return failed("clock", words("clock.no_date"), words("clock.no_date.fix"))
    seconds = f"{abs(offset):.0f}"
    if abs(offset) > MAX_CLOCK_OFFSET_S:
        key = "clock.behind" if offset > 0 else "clock.ahead"
        return failed("clock", words(key, seconds=seconds), words("clock.fix"))
    return passed("clock", words("clock.ok", seconds=seconds))


def served_agencies(words: Words, catalog: Catalog, lang: str) -> str:
    """The agencies a token serves, for messages: "171 Quito Centro, 172 … and 3 more"."""
    shown = [f"{a.id} {a.name.get(lang)}" for a in catalog.agencies[:_LIST_AT_MOST]]
    more = len(catalog.agencies) - len(shown)
    text = ", ".join(shown) if shown else words("agency.none_served")
    return text + (words("agency.more", count=more) if more > 0 else "")


def check_agencies(
    words: Words, facts: ServiceFacts, wanted: Sequence[int], fields: tuple[str, ...] = ()
) -> tuple[Check, str | None]:
    """Each of `wanted` among the agencies the token may serve; and a note when the token
    serves more than these (a token limited to them is safer)."""
    catalog = facts.catalog
    if catalog is None or facts.access != "ok":
        return failed("agency", words("unchecked.token"), words("unchecked.token.fix")), None
    served = {a.id: a for a in catalog.agencies}
    missing = [str(a) for a in wanted if a not in served]
    if missing:
        detail = words(
            "agency.missing",
            missing=", ".join(missing),
            served=served_agencies(words, catalog, words.lang),
        )
        return failed("agency", detail, words("agency.missing.fix"), fields), None
    names = ", ".join(f"{a} {served[a].name.get(words.lang)}" for a in wanted)
    extra = len(served) - len(set(wanted))
    note = None
    if extra > 0:
        ids = ",".join(str(a) for a in wanted)
        note = words("agency.wider", count=extra, agencies=ids)
    return passed("agency", names, fields), note


def agency_zones(catalog: Catalog | None) -> set[str]:
    return {a.time_zone for a in catalog.agencies} if catalog else set()
