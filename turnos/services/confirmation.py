"""A booking's confirmation as an email for the outbox: the turn in the citizen's language and
the token's QR as an inline PNG (the words and the MIME structure: `turnos.confirmation_mail`).

The QR is the slip's own symbol (`kiosk.domain.qr_matrix`): the same level and quiet zone, so a
counter scanner reads the email on a phone as it reads the printed slip.
"""

from __future__ import annotations

import io
from email.message import EmailMessage

from PIL import Image

from kiosk.domain.qr_matrix import encode_qr
from turnos import messages
from turnos.confirmation_mail import build_confirmation, confirmation_text
from turnos.context import AppContext

#: Pixels per module: a version-12 code (73 modules with its quiet zone) is 730 px across.
QR_PIXELS_PER_MODULE = 10


def qr_png(token: str) -> bytes:
    """The token's QR as a black-on-white PNG, whole pixels per module."""
    code = encode_qr(token)
    image = Image.new("1", (code.size, code.size), 1)
    image.putdata([0 if dark else 1 for row in code.modules for dark in row])
    side = code.size * QR_PIXELS_PER_MODULE
    out = io.BytesIO()
    image.resize((side, side), Image.Resampling.NEAREST).save(out, format="PNG")
    return out.getvalue()


def confirmation_email(
    ctx: AppContext, to: str, facts: messages.TurnFacts, token: str, language: str
) -> EmailMessage:
    lang = messages.language_of(language)
    subject = confirmation_text(facts, lang).subject
    msg = ctx.delivery.new_email(to, subject, "booking")
    build_confirmation(msg, facts, qr_png(token), lang)
    return msg
