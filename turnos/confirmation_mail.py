"""The booking confirmation email: plain text and HTML, with the turn's QR as an inline image.

Structure (RFC 2387 and RFC 2046): `multipart/related` holding a `multipart/alternative`
(text/plain, text/html) and the QR as an inline `image/png` with a Content-ID that the HTML
shows with `<img src="cid:...">`. A client that shows no HTML still lists the image as an
inline part the citizen can open and show at the counter. The signed token is never written
as text: it is only in the QR.
"""

from __future__ import annotations

from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import make_msgid
from html import escape

from turnos.messages import Document, Language, Mail, TurnFacts

QR_FILENAME = "turno-qr.png"


@dataclass(frozen=True)
class _Words:
    subject: str  # {code}
    confirmed: str  # {code}
    turn: str
    procedure: str
    when: str
    agency: str
    address: str
    hours: str
    show_qr: str  # {code}
    qr_alt: str  # {code}
    bring: str
    free: str
    cancel: str


_WORDS: dict[Language, _Words] = {
    "es": _Words(
        subject="Turno IESS {code} confirmado",
        confirmed="Su turno {code} está confirmado.",
        turn="Turno",
        procedure="Trámite",
        when="Fecha y hora",
        agency="Agencia",
        address="Dirección",
        hours="Horario de atención",
        show_qr=(
            "En la ventanilla, muestre el código QR de este correo (la imagen "
            f"{QR_FILENAME}) en su celular o impreso. Si no se puede leer, en la ventanilla "
            "pueden escribir el código del turno {code} y su número de identificación."
        ),
        qr_alt="Código QR del turno {code}",
        bring="Lleve estos documentos",
        free="El trámite no tiene costo.",
        cancel=(
            "Si no puede asistir, cancele el turno para que otra persona pueda usarlo: en un "
            "quiosco de turnos del IESS, identifíquese con el mismo documento y verifique este "
            "mismo correo electrónico; verá su turno y podrá cancelarlo."
        ),
    ),
    "en": _Words(
        subject="IESS turn {code} confirmed",
        confirmed="Your turn {code} is confirmed.",
        turn="Turn",
        procedure="Procedure",
        when="Date and time",
        agency="Agency",
        address="Address",
        hours="Opening hours",
        show_qr=(
            "At the counter, show the QR code of this email (the image "
            f"{QR_FILENAME}) on your phone or printed. If it cannot be read, the counter can "
            "type the turn code {code} and your identity number."
        ),
        qr_alt="QR code of turn {code}",
        bring="Bring these documents",
        free="The procedure is free of charge.",
        cancel=(
            "If you cannot come, cancel the turn so that someone else can use it: at an IESS "
            "turn kiosk, identify yourself with the same document and verify this same email "
            "address; you will see your turn and can cancel it."
        ),
    ),
}


def _facts_table(facts: TurnFacts, w: _Words) -> list[tuple[str, str]]:
    rows = [
        (w.turn, facts.code),
        (w.procedure, facts.procedure),
        (w.when, facts.when),
        (w.agency, facts.agency),
        (w.address, facts.address),
    ]
    if facts.hours:
        rows.append((w.hours, facts.hours))
    return rows


def _heading(doc: Document) -> str:
    return f"{doc.condition}: {doc.title}" if doc.condition else doc.title


def confirmation_text(facts: TurnFacts, language: Language) -> Mail:
    w = _WORDS[language]
    lines = [w.confirmed.format(code=facts.code), ""]
    lines += [f"{label}: {value}" for label, value in _facts_table(facts, w)]
    lines += ["", w.show_qr.format(code=facts.code), ""]
    if facts.documents:
        lines.append(f"{w.bring}:")
        for doc in facts.documents:
            lines.append(f"- {_heading(doc)}")
            if doc.detail:
                lines.append(f"  {doc.detail}")
        lines.append("")
    lines += [w.free, "", w.cancel, ""]
    return Mail(w.subject.format(code=facts.code), "\n".join(lines))


def confirmation_html(facts: TurnFacts, language: Language, qr_cid: str) -> str:
    """The same content as `confirmation_text`, every text escaped; `qr_cid` without <>."""
    w = _WORDS[language]
    e = escape
    rows = "".join(
        f'<tr><th align="left" style="padding:4px 12px 4px 0;font-weight:normal;'
        f'color:#444">{e(label)}</th><td style="padding:4px 0"><strong>{e(value)}'
        f"</strong></td></tr>\n"
        for label, value in _facts_table(facts, w)
    )
    documents = ""
    if facts.documents:
        items = "".join(
            f'<li style="margin-bottom:8px"><strong>{e(_heading(d))}</strong>'
            + (f"<br>{e(d.detail)}" if d.detail else "")
            + "</li>\n"
            for d in facts.documents
        )
        documents = f'<h2 style="font-size:18px">{e(w.bring)}</h2>\n<ul>\n{items}</ul>\n'
    code = facts.code
    return (
        f'<!DOCTYPE html>\n<html lang="{language}">\n<head><meta charset="utf-8">'
        f"<title>{e(w.subject.format(code=code))}</title></head>\n"
        '<body style="font-family:Arial,Helvetica,sans-serif;font-size:16px;color:#1a1a1a;'
        'line-height:1.4">\n'
        f'<p style="font-size:20px"><strong>{e(w.confirmed.format(code=code))}</strong></p>\n'
        f'<table role="presentation" style="border-collapse:collapse">\n{rows}</table>\n'
        f'<p><img src="cid:{e(qr_cid)}" alt="{e(w.qr_alt.format(code=code))}" width="260" '
        'height="260"></p>\n'
        f"<p>{e(w.show_qr.format(code=code))}</p>\n"
        f"{documents}"
        f"<p><strong>{e(w.free)}</strong></p>\n"
        f"<p>{e(w.cancel)}</p>\n"
        "</body>\n</html>\n"
    )


def _part(message: EmailMessage) -> EmailMessage:
    return EmailMessage(policy=message.policy)


def build_confirmation(
    message: EmailMessage, facts: TurnFacts, qr_png: bytes, language: Language
) -> None:
    """Fill `message` (headers set, no body yet) with the confirmation. The Subject is the
    caller's (`confirmation_text(...).subject`)."""
    cid = make_msgid(domain="turnos.invalid")  # "<...@turnos.invalid>"
    alternative = _part(message)
    alternative.set_content(confirmation_text(facts, language).text)
    alternative.add_alternative(confirmation_html(facts, language, cid[1:-1]), subtype="html")
    qr = _part(message)
    qr.set_content(
        qr_png, maintype="image", subtype="png", disposition="inline", filename=QR_FILENAME, cid=cid
    )
    # The stdlib nests related inside alternative; this order also lets a client that shows
    # no HTML offer the image, so the root is built by hand.
    message.make_related()
    message.attach(alternative)
    message.attach(qr)
    for part in message.walk():
        if part is not message:
            del part["MIME-Version"]  # set_content adds it; it belongs on the message only
    message.set_param("type", "multipart/alternative")  # RFC 2387: the root part's type
    message["MIME-Version"] = "1.0"
    message["Content-Language"] = language
