"""Outside demo mode: SMS through a real HTTP gateway on loopback, the confirmation email through
a real SMTP server (aiosmtpd), and closures told to citizens by those same channels."""

from __future__ import annotations

import datetime as dt
import io
import os
import re
from collections.abc import Iterator
from email.message import EmailMessage, MIMEPart
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image
from sqlalchemy import func, select

from tests.service.helpers import (
    Api,
    Citizen,
    Inbox,
    SmsGateway,
    e164,
    new_cedula,
    new_email,
    new_mobile,
    problem,
)
from turnos import cli, models
from turnos.bootstrap import seed_demo
from turnos.embedded import EmbeddedService, start_embedded
from turnos.messages import written_when
from turnos.services.citizens import import_citizens

GATEWAY_TOKEN = "gw-secret-for-tests"
CITIZENS = 12


@pytest.fixture(scope="module")
def gateway() -> Iterator[SmsGateway]:
    gw = SmsGateway()
    try:
        yield gw
    finally:
        gw.stop()


class Directory:
    """Cédulas of the imported citizen directory; each test takes ones no other test used."""

    def __init__(self, size: int) -> None:
        self.cedulas = [new_cedula() for _ in range(size)]
        self._unused = iter(self.cedulas)

    def take(self) -> str:
        return next(self._unused)


@pytest.fixture(scope="module")
def known() -> Directory:
    return Directory(CITIZENS)


@pytest.fixture(scope="module")
def live(
    inbox: tuple[Inbox, int],
    gateway: SmsGateway,
    known: Directory,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[EmbeddedService]:
    data: Path = tmp_path_factory.mktemp("live")
    svc = start_embedded(
        data,
        demo=False,
        smtp_host="127.0.0.1",
        smtp_port=inbox[1],
        mail_from="turnos@example.com",
        sms_gateway_url=gateway.url,
        sms_gateway_token=GATEWAY_TOKEN,
    )
    csv = data / "citizens.csv"
    csv.write_text(
        "id_type,id_number,name\n" + "".join(f"cedula,{c},Rosa Vera\n" for c in known.cedulas)
    )
    with svc.context.db.transaction() as session:
        import_citizens(session, svc.context.hasher, csv, svc.context.now())
    svc.credentials = seed_demo(svc.context)  # catalogue and tokens; delivery stays real
    try:
        yield svc
    finally:
        svc.stop()


def _api(live: EmbeddedService) -> Api:
    return Api(live.url, live.credentials, live.outbox)


def _plain(mail: EmailMessage) -> str:
    body = mail.get_body(("plain",))
    assert body is not None
    return str(body.get_content())


def _code(text: str) -> str:
    found = re.search(r"\b(\d{6})\b", text)
    assert found, text
    return found.group(1)


def _verified(
    api: Api,
    known: Directory,
    inbox: Inbox,
    gateway: SmsGateway,
    channel: str,
    language: str = "es",
) -> Citizen:
    citizen = Citizen(known.take(), new_email(), new_mobile())
    api.lookup(citizen)
    if channel == "sms":
        citizen.email = ""  # an SMS-only citizen: the booking has no email
        r = api.call(
            "POST",
            "/v1/verifications",
            json={"citizen": citizen.ref, "phone": citizen.phone, "channel": "sms"},
        )
    else:
        r = api.start_verification(citizen, channel, language=language)
    assert r.status_code == 201, r.text
    citizen.verification = r.json()["id"]
    if channel == "sms":
        [sms] = gateway.to(e164(citizen.phone))
        code = _code(sms.body["text"])
    else:
        [mail] = inbox.wait_for(citizen.email)
        code = _code(_plain(mail))
    r = api.confirm(citizen, code)
    assert r.status_code == 200, r.text
    citizen.session = r.json()["session_token"]
    return citizen


# --- SMS through the HTTP gateway ------------------------------------------------------------


def test_sms_code_goes_through_the_gateway(
    live: EmbeddedService, known: Directory, inbox: tuple[Inbox, int], gateway: SmsGateway
) -> None:
    api = _api(live)
    citizen = _verified(api, known, inbox[0], gateway, "sms")
    [sms] = gateway.to(e164(citizen.phone))
    assert sms.path == "/sms"
    assert sms.authorization == f"Bearer {GATEWAY_TOKEN}"
    assert sms.content_type == "application/json"
    assert set(sms.body) == {"to", "text"}
    assert sms.body["text"].startswith("IESS turno: su codigo es ")
    assert sms.body["text"].isascii()
    assert not live.outbox.exists()


def test_failing_gateway_is_delivery_failed_and_loses_nothing(
    live: EmbeddedService, known: Directory, inbox: tuple[Inbox, int], gateway: SmsGateway
) -> None:
    api = _api(live)
    citizen = Citizen(known.take(), "", new_mobile())
    api.lookup(citizen)
    body = {"citizen": citizen.ref, "phone": citizen.phone, "channel": "sms"}
    with live.context.db.transaction() as session:
        before = session.scalar(select(func.count()).select_from(models.SendLog))
    gateway.status = 503
    try:
        problem(api.call("POST", "/v1/verifications", json=body), 503, "delivery_failed")
        assert len(gateway.to(e164(citizen.phone))) == 1  # it was really tried
    finally:
        gateway.status = 202
    with live.context.db.transaction() as session:
        # No send counted, no verification left pending, no cooldown started.
        assert session.scalar(select(func.count()).select_from(models.SendLog)) == before
        pending = session.scalar(
            select(func.count())
            .select_from(models.Verification)
            .join(models.Citizen, models.Citizen.id == models.Verification.citizen_id)
            .where(models.Citizen.ref == citizen.ref)
        )
        assert pending == 0
    r = api.call("POST", "/v1/verifications", json=body)
    assert r.status_code == 201, r.text
    citizen.verification = r.json()["id"]
    sms = gateway.to(e164(citizen.phone))
    assert len(sms) == 2
    assert api.confirm(citizen, _code(sms[-1].body["text"])).status_code == 200


# --- the confirmation email ------------------------------------------------------------------


def _qr_text(part: MIMEPart) -> str:
    image = Image.open(io.BytesIO(part.get_content()))
    [found] = zxingcpp.read_barcodes(image)
    assert found.format == zxingcpp.BarcodeFormat.QRCode
    return str(found.text)


def _check_confirmation(mail: EmailMessage, token: str, language: str, expected: list[str]) -> str:
    assert mail.get_content_type() == "multipart/mixed"
    assert mail["X-Turnos-Kind"] == "booking"
    assert mail["Content-Language"] == language
    parts = list(mail.iter_parts())
    assert [p.get_content_type() for p in parts] == ["text/plain", "image/png"]
    text = parts[0].get_content()
    assert parts[0].get_content_charset() == "utf-8"
    for wanted in expected:
        assert wanted in text, (wanted, text)
    assert token in text  # the token as text
    qr = parts[1]
    assert qr.get_content_disposition() == "attachment"
    assert qr.get_filename() == "turno-qr.png"
    assert qr["Content-Transfer-Encoding"] == "base64"
    assert _qr_text(qr) == token
    return str(text)


def _book(api: Api, citizen: Citizen, pick: int) -> tuple[dict[str, str], str, str]:
    slot = api.find_slot(agency=171, pick=pick)
    body = api.booked(citizen, slot["id"])
    start = dt.datetime.fromisoformat(slot["start"])
    end = dt.datetime.fromisoformat(slot["end"])
    return body["booking"], body["token"], f"{start:%H:%M}-{end:%H:%M}"


def test_confirmation_email_in_spanish(
    live: EmbeddedService, known: Directory, inbox: tuple[Inbox, int], gateway: SmsGateway
) -> None:
    api = _api(live)
    citizen = _verified(api, known, inbox[0], gateway, "email")
    booking, token, _ = _book(api, citizen, pick=0)
    [_, mail] = inbox[0].wait_for(citizen.email, 2)
    assert mail["Subject"] == f"Turno IESS {booking['code']} confirmado"
    start = dt.datetime.fromisoformat(booking["start"])
    when = written_when(start, dt.datetime.fromisoformat(booking["end"]), "es")
    assert re.fullmatch(
        r"(lunes|martes|miércoles|jueves|viernes) \d{1,2} de [a-z]+ de \d{4}, "
        r"de \d\d:\d\d a \d\d:\d\d",
        when,
    )
    text = _check_confirmation(
        mail,
        token,
        "es",
        [
            f"Su turno {booking['code']} está confirmado.",
            "Trámite: Clave patronal portal IESS",
            "Agencia: Agencia de demostración Quito Centro",
            f"Fecha y hora: {when}",
        ],
    )
    assert "CLAVE_PATRONAL" not in text
    assert citizen.cedula not in mail.as_string()


def test_confirmation_email_in_english(
    live: EmbeddedService, known: Directory, inbox: tuple[Inbox, int], gateway: SmsGateway
) -> None:
    api = _api(live)
    citizen = _verified(api, known, inbox[0], gateway, "email", language="en")
    [code_mail] = inbox[0].wait_for(citizen.email)
    assert code_mail["Subject"] == "Verificar IESS turno online"
    assert "Your verification code" in _plain(code_mail)
    booking, token, _ = _book(api, citizen, pick=1)
    [_, mail] = inbox[0].wait_for(citizen.email, 2)
    assert mail["Subject"] == f"IESS turn {booking['code']} confirmed"
    when = written_when(
        dt.datetime.fromisoformat(booking["start"]),
        dt.datetime.fromisoformat(booking["end"]),
        "en",
    )
    assert re.fullmatch(r"[A-Z][a-z]+day \d{1,2} [A-Z][a-z]+ \d{4}, \d\d:\d\d to \d\d:\d\d", when)
    _check_confirmation(
        mail,
        token,
        "en",
        [
            "Procedure: IESS portal employer password",
            "Agency: Demo agency Quito Centre",
            f"Date and time: {when}",
        ],
    )


def test_unknown_language_is_invalid_request(live: EmbeddedService, known: Directory) -> None:
    api = _api(live)
    citizen = Citizen(known.take(), new_email(), new_mobile())
    api.lookup(citizen)
    problem(api.start_verification(citizen, language="fr"), 400, "invalid_request")


# --- closures tell citizens by the configured delivery, through the CLI ----------------------


def test_closure_by_cli_mails_and_texts_booked_citizens(
    live: EmbeddedService,
    known: Directory,
    inbox: tuple[Inbox, int],
    gateway: SmsGateway,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    api = _api(live)
    by_mail = _verified(api, known, inbox[0], gateway, "email", language="en")
    by_sms = _verified(api, known, inbox[0], gateway, "sms")
    slot = api.find_slot(agency=11, skip_days=2)
    day = slot["start"][:10]
    mailed = api.booked(by_mail, slot["id"])["booking"]
    texted = api.booked(by_sms, api.find_slot(agency=11, skip_days=2, pick=1)["id"])["booking"]
    assert texted["start"][:10] == day
    argv = ["closures", "add", "--agency", "11", "--from", day, "--to", day]
    argv += ["--reason", "Feriado local", "--data-dir", str(live.settings.data_dir)]
    for name in [n for n in os.environ if n.startswith("TURNOS_")]:
        monkeypatch.delenv(name)

    # No delivery configured for this command: refused, and nothing changed.
    assert cli.main(argv) == 2
    assert "no mail delivery is configured" in capsys.readouterr().err
    current = api.call("GET", "/v1/bookings/current", headers=api.as_citizen(by_mail)).json()
    assert [b["id"] for b in current["bookings"]] == [mailed["id"]]

    monkeypatch.setenv("TURNOS_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("TURNOS_SMTP_PORT", str(inbox[1]))
    monkeypatch.setenv("TURNOS_SMS_GATEWAY_URL", gateway.url)
    assert cli.main(argv) == 0
    assert "2 turns cancelled, 2 citizens notified, 0 not notified" in capsys.readouterr().out
    [_, _, notice] = inbox[0].wait_for(by_mail.email, 3)
    assert notice["X-Turnos-Kind"] == "cancellation"
    assert notice["Subject"] == f"IESS turn {mailed['code']} cancelled"
    text = _plain(notice)
    assert "Demo agency Cuenca Centre" in text  # agency 11, in English as verified
    assert "Feriado local" in text
    [_, sms] = gateway.to(e164(by_sms.phone))
    assert sms.body["text"].startswith(f"IESS: su turno {texted['code']} del ")
    for citizen in (by_mail, by_sms):
        r = api.call("GET", "/v1/bookings/current", headers=api.as_citizen(citizen))
        assert r.json() == {"bookings": []}
