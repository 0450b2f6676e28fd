"""The confirmation email's words, away from any server: escaping, opening hours, documents."""

from __future__ import annotations

from email import message_from_bytes
from email import policy as email_policy
from email.message import EmailMessage

from turnos.confirmation_mail import build_confirmation, confirmation_html, confirmation_text
from turnos.demo_catalog import CLAVE_PATRONAL_REQUIREMENTS
from turnos.messages import Document, TurnFacts, documents_for, written_hours

FACTS = TurnFacts(
    code="CP-007",
    procedure="Trámite <b>raro</b> & más",
    agency='Agencia "Norte" <script>alert(1)</script>',
    address="Av. 10 de Agosto & Colón",
    when="lunes 30 de noviembre de 2026, de 08:00 a 08:20",
    documents=(Document("Cédula <original>", "Firme & entregue"),),
    hours="de lunes a viernes, de 08:00 a 17:00",
)


def test_every_text_in_the_html_is_escaped() -> None:
    html = confirmation_html(FACTS, "es", 'qr"1@turnos.invalid')
    assert "<script>" not in html
    assert "<b>raro</b>" not in html
    assert "Agencia &quot;Norte&quot; &lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "Av. 10 de Agosto &amp; Colón" in html
    assert "Cédula &lt;original&gt;" in html
    assert 'src="cid:qr&quot;1@turnos.invalid"' in html
    # The plain text keeps the words as they are.
    text = confirmation_text(FACTS, "es").text
    assert 'Agencia: Agencia "Norte" <script>alert(1)</script>' in text


def test_opening_hours_in_words() -> None:
    weekdays = [{"weekdays": [1, 2, 3, 4, 5], "opens": "08:00", "closes": "17:00"}]
    assert written_hours(weekdays, "es") == "de lunes a viernes, de 08:00 a 17:00"
    assert written_hours(weekdays, "en") == "Monday to Friday, 08:00 to 17:00"
    split = [*weekdays, {"weekdays": [6, 1, 3], "opens": "09:00", "closes": "12:00"}]
    assert written_hours(split, "es") == (
        "de lunes a viernes, de 08:00 a 17:00; lunes, miércoles y sábado, de 09:00 a 12:00"
    )
    assert written_hours([{"weekdays": [6], "opens": "09:00", "closes": "13:00"}], "en") == (
        "Saturday, 09:00 to 13:00"
    )


def test_documents_follow_the_citizens_id_and_conditions_are_said_as_conditions() -> None:
    cedula = documents_for(CLAVE_PATRONAL_REQUIREMENTS, "cedula", "es")
    assert [d.title for d in cedula] == [
        "Solicitud de entrega de clave",
        "Cédula",
        "Acuerdo de Responsabilidad y Uso de la información",
        "Calificación Artesanal",
    ]
    assert [d.condition for d in cedula] == [None, None, None, "Si es artesano calificado"]
    passport = documents_for(CLAVE_PATRONAL_REQUIREMENTS, "passport", "en")
    assert [d.title for d in passport] == [
        "Password delivery request",
        "Passport",
        "Visa",
        "Responsibility and information use agreement",
        "Artisan qualification",
    ]
    assert passport[-1].condition == "If you are a qualified artisan"
    # A requirement imported without a detail ("-") shows none.
    bare = [{"title": {"es": "Cédula", "en": ""}, "detail": {"es": "-", "en": ""}}]
    assert documents_for(bare, "cedula", "en") == (Document("Cédula"),)


def test_the_message_survives_a_round_trip_with_its_structure() -> None:
    message = EmailMessage()
    message["To"] = "ana@example.com"
    build_confirmation(message, FACTS, b"\x89PNG\r\n\x1a\nnot really", "en")
    parsed = message_from_bytes(bytes(message), policy=email_policy.default)
    assert isinstance(parsed, EmailMessage)
    assert [p.get_content_type() for p in parsed.walk()] == [
        "multipart/related",
        "multipart/alternative",
        "text/plain",
        "text/html",
        "image/png",
    ]
    assert [p["MIME-Version"] for p in parsed.walk()] == ["1.0", None, None, None, None]
    assert parsed["Content-Language"] == "en"
