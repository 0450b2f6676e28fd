"""The demo outbox: one .eml file per email or SMS, readable by tests and the demo panel."""

from __future__ import annotations

import email
import email.policy
import os
import re
import secrets
import time
from email.message import EmailMessage
from pathlib import Path

_CODE = re.compile(r"\b(\d{6})\b")
SMS_DOMAIN = "sms.invalid"


def write_message(outbox_dir: Path, message: EmailMessage) -> Path:
    """Write atomically (temporary name, then rename) so a reader never sees half a file."""
    outbox_dir.mkdir(parents=True, exist_ok=True)
    name = f"{time.time_ns():020d}-{secrets.token_hex(4)}.eml"
    tmp = outbox_dir / f".{name}.tmp"
    tmp.write_bytes(message.as_bytes(policy=email.policy.SMTP))
    os.replace(tmp, outbox_dir / name)
    return outbox_dir / name


def sms_address(phone: str) -> str:
    """The To: of an SMS in the outbox: `+593991234567@sms.invalid`."""
    return f"{phone}@{SMS_DOMAIN}"


def messages_to(outbox_dir: Path, address: str) -> list[EmailMessage]:
    """Messages for an email address or an E.164 phone, oldest first."""
    wanted = address.strip().lower()
    if wanted.startswith("+"):
        wanted = sms_address(wanted)
    found: list[EmailMessage] = []
    if not outbox_dir.is_dir():
        return found
    for path in sorted(outbox_dir.glob("*.eml")):
        msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
        assert isinstance(msg, EmailMessage)
        if str(msg.get("To", "")).strip().lower() == wanted:
            found.append(msg)
    return found


def text_of(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("plain",))
    return "" if part is None else str(part.get_content())


def latest_code(outbox_dir: Path, email: str) -> str:
    """The newest 6-digit code sent to `email` (or to an E.164 phone by SMS).

    Raises LookupError if there is none.
    """
    for msg in reversed(messages_to(Path(outbox_dir), email)):
        m = _CODE.search(text_of(msg))
        if m and "X-Turnos-Kind" in msg and msg["X-Turnos-Kind"] == "verification":
            return m.group(1)
    raise LookupError("no verification code in the outbox for that address")
