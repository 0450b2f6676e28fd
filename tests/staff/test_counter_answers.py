"""Every answer of the counter window for a scanned slip, against the real turn service.

One day of turns is booked for the module and the service's clock (the counter's too) set
inside it: a turn whose check-in window is open, one already closed, one not yet open, one
cancelled, one at another agency, one on the next day. Slips are scanned as a USB scanner
types them; the window's words, the sound and the calls made to the service are checked.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import base45
import cbor2
import pytest
import requests
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kiosk.domain.token import PublicKey, encode
from kiosk.staff.outcome import Notice
from kiosk.staff.style import Tone
from kiosk.staff.verdict import Answer
from tests.service.helpers import Api
from tests.staff.conftest import (
    AGENCY,
    ELSEWHERE,
    Turn,
    book,
    day_with,
    free_slots,
    moment_with,
)
from turnos.clock import MovableClock
from turnos.embedded import EmbeddedService

ZONE = ZoneInfo("America/Guayaquil")
BEFORE, AFTER = 1800, 900


@dataclass
class Agenda:
    now: int
    open: list[Turn]  # check-in windows open at `now`
    cancelled: Turn  # its window open too
    late: Turn
    early: Turn
    elsewhere: Turn  # at another agency, today
    tomorrow: Turn

    def hhmm(self, epoch: int) -> str:
        return dt.datetime.fromtimestamp(epoch, ZONE).strftime("%H:%M")


def _later_slot(api: Api, day: dt.date) -> dict[str, Any]:
    """A free slot on the next open day after `day` (a Friday's is the Monday's)."""
    for ahead in range(1, 15):
        slots = free_slots(api, AGENCY, day + dt.timedelta(days=ahead))
        if slots:
            return slots[0]
    raise AssertionError("no open day in the two weeks after the agenda's")


@pytest.fixture(scope="module")
def agenda(staff_service: EmbeddedService, staff_clock: MovableClock) -> Agenda:
    api = Api(staff_service.url, staff_service.credentials, staff_service.outbox, staff_clock)
    day, slots = day_with(api, 10)
    moment = moment_with(slots, 4)
    now, open_, late, early = moment.now, moment.open, moment.late, moment.early
    other = free_slots(api, ELSEWHERE, day)[0]
    next_day = _later_slot(api, day)
    agenda = Agenda(
        now=now,
        open=[book(api, s) for s in open_[:3]],  # one citizen per place
        cancelled=book(api, open_[3]),
        late=book(api, late[-1]),
        early=book(api, early[0]),
        elsewhere=book(api, other),
        tomorrow=book(api, next_day),
    )
    _cancel(api, agenda.cancelled)  # while the citizen's session is still valid
    staff_clock.set(now)
    return agenda


@pytest.fixture
def counter(make_counter: Any, staff_service: EmbeddedService, agenda: Agenda) -> Any:
    return make_counter(staff_service.url, staff_service.credentials["staff_tokens"][str(AGENCY)])


# --- accepted, and the same slip again ----------------------------------------------------


def test_a_genuine_slip_is_checked_in_then_already_checked_in_at_its_time(
    make_counter: Any,
    staff_service: EmbeddedService,
    staff_api: Api,
    agenda: Agenda,
    caplog: pytest.LogCaptureFixture,
) -> None:
    turn = agenda.open[0]
    # Started without its keys: the slip's key is unknown, so the counter fetches them once.
    clerk = make_counter(
        staff_service.url, staff_service.credentials["staff_tokens"][str(AGENCY)], start=False
    )
    calls = clerk.calls_for(lambda: clerk.scan(turn.token))
    outcome = clerk.answers[-1]
    assert calls == ["keys", "check_in"]
    assert outcome.answer is Answer.CHECKED_IN
    assert not outcome.offline
    assert clerk.window.result.tone is Tone.ACCEPT
    assert clerk.sounds.played == ["accept"]
    seen = clerk.visible_text()
    assert "Llegada registrada" in seen
    assert turn.code in seen
    assert turn.booking["masked_id"] in seen  # the digits the clerk compares with the cédula
    assert turn.booking["masked_name"] in seen  # online only: the service knows the name
    assert agenda.hhmm(turn.start) in seen
    # The catalogue came with the first answer: the procedure by its name.
    clerk.qtbot.waitUntil(lambda: clerk.desk.catalog is not None)
    procedure = clerk.desk.catalog.procedure(turn.booking["procedure"])
    clerk.qtbot.waitUntil(lambda: procedure.name.es in clerk.visible_text())

    clerk.scan(turn.token)
    again = clerk.answer()
    assert again.answer is Answer.ALREADY_CHECKED_IN
    assert not again.offline
    assert f"Ya registrado a las {agenda.hhmm(agenda.now)}" in clerk.visible_text()
    assert clerk.window.result.tone is Tone.CAUTION
    assert clerk.sounds.played == ["accept", "reject"]

    listed = staff_api.call(
        "GET", f"/v1/agencies/{AGENCY}/bookings", headers=staff_api.staff(AGENCY)
    ).json()["bookings"]
    mine = next(b for b in listed if b["code"] == turn.code)
    assert mine["state"] == "checked_in"
    assert turn.token[5:40] not in caplog.text  # the slip's text never reaches the log


# --- refusals ------------------------------------------------------------------------------


def _cancel(api: Api, turn: Turn) -> None:
    r = api.call(
        "DELETE", f"/v1/bookings/{turn.booking['id']}", headers=api.as_citizen(turn.citizen)
    )
    assert r.status_code == 204, r.text


REFUSALS = {
    "cancelled": (Answer.CANCELLED, Tone.REFUSE, "Turno cancelado"),
    "elsewhere": (Answer.WRONG_AGENCY, Tone.REFUSE, "Turno de otra agencia"),
    "tomorrow": (Answer.WRONG_DAY, Tone.CAUTION, "Turno de otro día"),
    "early": (Answer.TOO_EARLY, Tone.CAUTION, "Todavía es temprano"),
    "late": (Answer.TOO_LATE, Tone.REFUSE, "Llegó tarde"),
}


@pytest.mark.parametrize("case", list(REFUSALS))
def test_each_refusal_says_what_happened_and_what_to_do(
    case: str, counter: Any, agenda: Agenda
) -> None:
    turn = getattr(agenda, case)
    answer, tone, headline = REFUSALS[case]
    counter.scan(turn.token)
    outcome = counter.answer()
    assert outcome.answer is answer
    assert not outcome.offline
    assert counter.window.result.tone is tone
    assert counter.sounds.played == ["reject"]
    seen = counter.visible_text()
    assert headline in seen
    assert turn.code in seen
    if case == "elsewhere":
        agency = counter.desk.catalog.agency(ELSEWHERE)
        assert f"El turno es para {agency.name.es}." in seen
    if case == "tomorrow":
        day = dt.datetime.fromtimestamp(turn.start, ZONE).date()
        assert f"{day.day} de " in seen
        assert str(day.year) in seen
    if case == "early":
        assert f"desde las {agenda.hhmm(turn.start - BEFORE)}" in seen
    if case == "late":
        assert f"cerró a las {agenda.hhmm(turn.start + AFTER)}" in seen


# --- forged, damaged, keys the counter does not trust -------------------------------------


def _cose(token: str) -> list[Any]:
    tag = cbor2.loads(base45.b45decode(token[5:]))
    return list(tag.value)


def _token(parts: list[Any]) -> str:
    raw = cbor2.dumps(cbor2.CBORTag(18, parts), canonical=True)
    return "TRN1:" + base45.b45encode(raw).decode("ascii")


def forged_signature(token: str) -> str:
    """The same header (the service's kid) and claims, signed by someone else's key."""
    protected, unprotected, payload, _signature = _cose(token)
    structure = cbor2.dumps(["Signature1", protected, b"", payload], canonical=True)
    return _token([protected, unprotected, payload, Ed25519PrivateKey.generate().sign(structure)])


def one_byte_changed(token: str, code: str) -> str:
    """The turn code's last byte inside the signed claims changed: a copied slip edited."""
    raw = bytearray(base45.b45decode(token[5:]))
    at = raw.index(code.encode()) + len(code) - 1
    raw[at] = ord("9") if raw[at] != ord("9") else ord("8")
    return "TRN1:" + base45.b45encode(bytes(raw)).decode("ascii")


def service_keys(service: EmbeddedService) -> dict[str, Any]:
    keys: dict[str, Any] = requests.get(service.url + "/v1/keys", timeout=10).json()
    return keys


def signed_by(token: str, key: Ed25519PrivateKey, agenda: Agenda, **changes: Any) -> str:
    """The genuine slip's claims (changed as asked), signed by `key`."""
    return encode(replace(_claims_of(token), **changes), key)


def _claims_of(token: str) -> Any:
    from kiosk.domain.token import _parse_payload

    return _parse_payload(_cose(token)[2])


def test_forged_and_damaged_slips_are_refused_at_once_without_the_network(
    counter: Any, agenda: Agenda
) -> None:
    turn = agenda.open[2]
    for bad in (
        forged_signature(turn.token),
        one_byte_changed(turn.token, turn.code),
        turn.token[:-3] + ("AAA" if not turn.token.endswith("AAA") else "BBB"),
        "TRN1:NOT A SLIP",
    ):
        calls = counter.calls_for(lambda bad=bad: counter.scan(bad))
        assert calls == []  # no keys fetched, no check-in asked
        assert counter.answers[-1].answer is Answer.FORGED
        assert counter.window.result.tone is Tone.REFUSE
        assert "Falso o dañado" in counter.visible_text()
    assert counter.sounds.played == ["reject"] * 4


def test_a_key_the_service_never_published_is_fetched_for_once_then_refused(
    counter: Any, agenda: Agenda
) -> None:
    stranger = signed_by(agenda.open[2].token, Ed25519PrivateKey.generate(), agenda)
    calls = counter.calls_for(lambda: counter.scan(stranger))
    assert calls == ["keys"]  # a rotated key would be among them; this one is not
    assert counter.answers[-1].answer is Answer.FORGED
    assert "Falso o dañado" in counter.visible_text()


@pytest.mark.parametrize("when", ["expired", "not_yet", "signed_before_valid"])
def test_a_key_outside_its_validity_is_refused_without_the_network(
    when: str,
    make_counter: Any,
    staff_service: EmbeddedService,
    agenda: Agenda,
    tmp_path: Path,
) -> None:
    key = Ed25519PrivateKey.generate()
    now = agenda.now
    window = {
        "expired": (now - 86400, now - 3600),
        "not_yet": (now + 3600, None),
        "signed_before_valid": (now - 600, None),  # the slip says it was issued before that
    }[when]
    published = PublicKey(kid_of(key), key.public_key(), window[0], window[1])
    jwks = service_keys(staff_service)
    jwks["keys"].append(published.to_jwk())
    keys_file = tmp_path / "kept" / "keys.json"
    keys_file.parent.mkdir()
    keys_file.write_text(json.dumps({"jwks": jwks, "fetched_at": now - 60}))
    token = signed_by(agenda.open[2].token, key, agenda, issued_at=now - 3600)
    clerk = make_counter(
        staff_service.url,
        staff_service.credentials["staff_tokens"][str(AGENCY)],
        start=False,
        keys_file=keys_file,
    )
    calls = clerk.calls_for(lambda: clerk.scan(token))
    assert calls == []
    assert clerk.answers[-1].answer is Answer.FORGED
    assert "Falso o dañado" in clerk.visible_text()


def kid_of(key: Ed25519PrivateKey) -> bytes:
    from kiosk.domain.token import kid_for

    return kid_for(key.public_key())


# --- check-in by code ---------------------------------------------------------------------


@pytest.fixture
def manual_turn(agenda: Agenda) -> Iterator[Turn]:
    return agenda.open[2]


def test_check_in_by_turn_code_and_id_right_and_wrong(
    counter: Any, manual_turn: Turn, caplog: pytest.LogCaptureFixture
) -> None:
    from PySide6.QtCore import Qt

    counter.click("Registrar")
    assert "Escriba el código del turno." in counter.visible_text()
    assert counter.answers == []

    counter.type("Código del turno", manual_turn.code.lower())
    id_field = counter.type("Número de documento", "1710034065")  # someone else's cédula
    counter.click("Registrar")
    wrong = counter.answer()
    assert wrong.answer is Answer.FORGED
    assert wrong.source == "manual"
    assert "No coincide" in counter.visible_text()
    assert id_field.text() == ""  # the id does not stay on the screen

    counter.type("Número de documento", manual_turn.citizen.cedula)
    counter.press(Qt.Key.Key_Return)
    right = counter.answer()
    assert right.answer is Answer.CHECKED_IN
    assert "Llegada registrada" in counter.visible_text()
    assert manual_turn.booking["masked_id"] in counter.visible_text()
    assert counter.sounds.played == ["reject", "accept"]
    assert counter.counter.client.calls.count("check_in_by_code") == 2
    for number in ("1710034065", manual_turn.citizen.cedula):
        assert number not in caplog.text  # no id number in the log


@pytest.mark.expected_log_warnings(r"refused the counter's call: unauthorized")
def test_a_counter_whose_token_the_service_refuses_says_so(
    make_counter: Any, staff_service: EmbeddedService, agenda: Agenda
) -> None:
    clerk = make_counter(staff_service.url, "st_revoked-or-mistyped")
    assert clerk.desk.connection.refused
    assert "El sistema no acepta la credencial de este puesto" in clerk.window.status.text()
    clerk.scan(agenda.open[2].token)
    outcome = clerk.answer()
    assert outcome.notice is Notice.SERVICE_REFUSED
    assert "Avise al administrador" in clerk.visible_text()
