"""Outside demo mode: SMS through a real HTTP gateway on loopback, the confirmation email through
a real SMTP server (aiosmtpd), and closures told to citizens by those same channels."""

from __future__ import annotations

import datetime as dt
import io
import os
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from email.message import EmailMessage, MIMEPart
from html.parser import HTMLParser
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
    """Ids of the imported citizen directory; each test takes ones no other test used."""

    def __init__(self, size: int) -> None:
        self.ids = {
            "cedula": [new_cedula() for _ in range(size)],
            "passport": [f"P{n:07d}" for n in random.sample(range(10**7), 2)],
            "foreigner_code": [f"EXT{n:06d}" for n in random.sample(range(10**6), 2)],
        }
        self._unused = {kind: iter(numbers) for kind, numbers in self.ids.items()}

    def take(self, id_type: str = "cedula") -> str:
        return next(self._unused[id_type])

    def csv(self) -> str:
        return "id_type,id_number,name\n" + "".join(
            f"{kind},{number},Rosa Vera\n"
            for kind, numbers in self.ids.items()
            for number in numbers
        )


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
    csv.write_text(known.csv())
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
    id_type: str = "cedula",
) -> Citizen:
    citizen = Citizen(known.take(id_type), new_email(), new_mobile(), id_type=id_type)
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
    # QR only: unrestricted, zxing-cpp finds a phantom 1-D code in about 1 QR of 200.
    [found] = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
    assert found.format == zxingcpp.BarcodeFormat.QRCode
    return str(found.text)


class _Text(HTMLParser):
    """The words of an HTML part, as a reader sees them (entities decoded), and its images."""

    def __init__(self) -> None:
        super().__init__()
        self.words: list[str] = []
        self.images: list[dict[str, str | None]] = []

    def handle_data(self, data: str) -> None:
        self.words.append(data)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "img":
            self.images.append(dict(attrs))


@dataclass
class Confirmation:
    plain: str
    html: str
    html_words: str
    documents: list[str]  # the plain text's "- ..." lines under the documents heading


def _check_confirmation(mail: EmailMessage, token: str, language: str) -> Confirmation:
    """The structure every confirmation has: related(alternative(plain, html), inline QR), the
    QR shown by the HTML by its Content-ID, and no token text anywhere."""
    assert mail["X-Turnos-Kind"] == "booking"
    assert mail["Content-Language"] == language
    assert mail.get_content_type() == "multipart/related"
    assert mail.get_param("type") == "multipart/alternative"
    alternative, qr = mail.iter_parts()
    assert alternative.get_content_type() == "multipart/alternative"
    plain_part, html_part = alternative.iter_parts()
    assert [plain_part.get_content_type(), html_part.get_content_type()] == [
        "text/plain",
        "text/html",
    ]
    assert plain_part.get_content_charset() == html_part.get_content_charset() == "utf-8"
    plain, html = str(plain_part.get_content()), str(html_part.get_content())
    # The QR: an inline PNG the HTML shows by its Content-ID, decoding to the booking's token.
    assert qr.get_content_type() == "image/png"
    assert qr.get_content_disposition() == "inline"
    assert qr.get_filename() == "turno-qr.png"
    assert qr["Content-Transfer-Encoding"] == "base64"
    assert _qr_text(qr) == token
    reader = _Text()
    reader.feed(html)
    [img] = reader.images
    assert img["src"] == "cid:" + qr["Content-ID"].strip("<>")
    assert img["alt"]
    # No token text: not in any part, not in the raw message.
    assert token.startswith("TRN1:")
    for text in (plain, html, mail.as_string()):
        assert "TRN1:" not in text
    lines = plain.splitlines()
    heading = lines.index(
        "Lleve estos documentos:" if language == "es" else "Bring these documents:"
    )
    documents = []
    for line in lines[heading + 1 :]:
        if not line.strip():
            break
        if line.startswith("- "):
            documents.append(line[2:])
    words = " ".join(" ".join(reader.words).split())
    return Confirmation(plain, html, words, documents)


def _book(api: Api, citizen: Citizen, pick: int) -> tuple[dict[str, str], str, str]:
    slot = api.find_slot(agency=171, pick=pick)
    body = api.booked(citizen, slot["id"])
    start = dt.datetime.fromisoformat(slot["start"])
    end = dt.datetime.fromisoformat(slot["end"])
    return body["booking"], body["token"], f"{start:%H:%M}-{end:%H:%M}"


def _in_both(mail: Confirmation, wanted: list[str]) -> None:
    for text in wanted:
        assert text in mail.plain, (text, mail.plain)
        assert text in mail.html_words, (text, mail.html_words)


def test_confirmation_email_in_spanish_for_a_cedula_holder(
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
    confirmation = _check_confirmation(mail, token, "es")
    _in_both(
        confirmation,
        [
            f"Su turno {booking['code']} está confirmado.",
            "Clave patronal portal IESS",
            "Agencia de demostración Quito Centro",
            "Calle Ficticia 100, Quito",
            when,
            "de lunes a viernes, de 08:00 a 17:00",
            "Fírmela a mano.",
            "El trámite no tiene costo.",
            "quiosco de turnos del IESS",
        ],
    )
    assert f"Fecha y hora: {when}" in confirmation.plain
    assert "Horario de atención: de lunes a viernes, de 08:00 a 17:00" in confirmation.plain
    assert confirmation.documents == [
        "Solicitud de entrega de clave",
        "Cédula",
        "Acuerdo de Responsabilidad y Uso de la información",
        "Si es artesano calificado: Calificación Artesanal",
    ]
    assert "CLAVE_PATRONAL" not in confirmation.plain
    assert citizen.cedula not in mail.as_string()


def test_confirmation_email_in_english_for_a_passport_holder(
    live: EmbeddedService, known: Directory, inbox: tuple[Inbox, int], gateway: SmsGateway
) -> None:
    api = _api(live)
    citizen = _verified(api, known, inbox[0], gateway, "email", "en", "passport")
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
    confirmation = _check_confirmation(mail, token, "en")
    _in_both(
        confirmation,
        [
            f"Your turn {booking['code']} is confirmed.",
            "IESS portal employer password",
            # Proper names and addresses are never translated.
            "Agencia de demostración Quito Centro",
            "Calle Ficticia 100, Quito",
            when,
            "Monday to Friday, 08:00 to 17:00",
            "Sign it by hand.",
            "The procedure is free of charge.",
            "IESS turn kiosk",
        ],
    )
    assert f"Date and time: {when}" in confirmation.plain
    assert confirmation.documents == [
        "Password delivery request",
        "Passport",
        "Visa",
        "Responsibility and information use agreement",
        "If you are a qualified artisan: Artisan qualification",
    ]
    assert citizen.cedula not in mail.as_string()  # the passport number


def test_confirmation_email_for_a_foreigner_code_holder(
    live: EmbeddedService, known: Directory, inbox: tuple[Inbox, int], gateway: SmsGateway
) -> None:
    api = _api(live)
    citizen = _verified(api, known, inbox[0], gateway, "email", "es", "foreigner_code")
    _, token, _ = _book(api, citizen, pick=2)
    [_, mail] = inbox[0].wait_for(citizen.email, 2)
    confirmation = _check_confirmation(mail, token, "es")
    assert confirmation.documents == [
        "Solicitud de entrega de clave",
        "Código de identificación para extranjeros",
        "Acuerdo de Responsabilidad y Uso de la información",
        "Si es artesano calificado: Calificación Artesanal",
    ]


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
    assert "Agencia de demostración Cuenca Centro" in text  # agency 11: names stay as they are
    assert "cancelled because the agency will be closed" in text  # in English as verified
    assert "Feriado local" in text
    [_, sms] = gateway.to(e164(by_sms.phone))
    assert sms.body["text"].startswith(f"IESS: su turno {texted['code']} del ")
    for citizen in (by_mail, by_sms):
        r = api.call("GET", "/v1/bookings/current", headers=api.as_citizen(citizen))
        assert r.json() == {"bookings": []}
