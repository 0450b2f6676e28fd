"""A booking's confirmation as an email for the outbox: the turn in the citizen's language and
the token's QR as an inline PNG (the words and the MIME structure: `turnos.confirmation_mail`).

The QR is the slip's own symbol (`kiosk.domain.qr_matrix`): the same level and quiet zone, so a
counter scanner reads the email on a phone as it reads the printed slip.

Nothing of the mail is made inside the booking request: drawing the QR (about 20 ms of pure
Python with the GIL held) and building the MIME message (the email package's header parsing)
took most of a booking's time. The request stores the facts (`confirmation_payload`, a small
JSON sealed at rest as every outbox payload) and the outbox worker builds the message from them
(`confirmation_message`) just before its hand-over: the same headers in the same order (its
Date is the booking's), the same parts, the same PNG.
"""

from __future__ import annotations

import dataclasses
import io
import json
from email.message import EmailMessage
from email.utils import formatdate
from typing import Any

from PIL import Image

from kiosk.domain.qr_matrix import encode_qr
from turnos import messages
from turnos.confirmation_mail import build_confirmation, confirmation_text
from turnos.context import AppContext

#: Pixels per module: a version-12 code (73 modules with its quiet zone) is 730 px across.
QR_PIXELS_PER_MODULE = 10
KIND = "booking"
#: How a queued confirmation's payload starts; a queued email's is an RFC 5322 header instead.
PAYLOAD_PREFIX = b'{"confirmation":'


def qr_png(token: str) -> bytes:
    """The token's QR as a black-on-white PNG, whole pixels per module."""
    code = encode_qr(token)
    image = Image.new("1", (code.size, code.size), 1)
    image.putdata([0 if dark else 1 for row in code.modules for dark in row])
    side = code.size * QR_PIXELS_PER_MODULE
    out = io.BytesIO()
    image.resize((side, side), Image.Resampling.NEAREST).save(out, format="PNG")
    return out.getvalue()


def confirmation_payload(
    ctx: AppContext, to: str, facts: messages.TurnFacts, token: str, language: str
) -> bytes:
    """What the outbox keeps of a confirmation until its hand-over: the facts, not the mail."""
    data: dict[str, Any] = {
        "from": ctx.delivery.sender,
        "to": to,
        "date": formatdate(localtime=False),
        "language": messages.language_of(language),
        "token": token,
        "facts": dataclasses.asdict(facts),
    }
    return json.dumps({"confirmation": data}, ensure_ascii=False).encode()


def is_confirmation_payload(payload: bytes) -> bool:
    return payload.startswith(PAYLOAD_PREFIX)


def confirmation_message(payload: bytes, message_id: str) -> EmailMessage:
    """The confirmation email of a queued payload, with its QR drawn, under `message_id`."""
    data = json.loads(payload)["confirmation"]
    facts_data = data["facts"]
    documents = tuple(messages.Document(**d) for d in facts_data.pop("documents"))
    facts = messages.TurnFacts(**facts_data, documents=documents)
    lang = messages.language_of(data["language"])
    # The headers as `Delivery.new_email` and `outbox.enqueue_email` set them, in their order.
    msg = EmailMessage()
    msg["From"] = data["from"]
    msg["To"] = data["to"]
    msg["Subject"] = confirmation_text(facts, lang).subject
    msg["Date"] = data["date"]
    msg["X-Turnos-Kind"] = KIND
    build_confirmation(msg, facts, qr_png(data["token"]), lang)
    msg["Message-ID"] = message_id
    return msg


def confirmation_email(
    ctx: AppContext, to: str, facts: messages.TurnFacts, token: str, language: str
) -> EmailMessage:
    """The whole confirmation at once (the QR drawn now), as the outbox worker builds it."""
    lang = messages.language_of(language)
    subject = confirmation_text(facts, lang).subject
    msg = ctx.delivery.new_email(to, subject, KIND)
    build_confirmation(msg, facts, qr_png(token), lang)
    return msg
