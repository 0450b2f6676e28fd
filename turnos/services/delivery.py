"""Sending email (SMTP) and SMS (an HTTP gateway), or writing both to the outbox directory."""

from __future__ import annotations

import logging
import smtplib
import ssl
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path
from typing import Protocol

import requests

from kiosk.domain.contact import mask_email, mask_phone
from turnos.outbox import sms_address, write_message
from turnos.settings import Settings

log = logging.getLogger("turnos.delivery")


class DeliveryError(Exception):
    """The message could not be handed over; the message says why, never to whom."""


class Mailer(Protocol):
    def send(self, message: EmailMessage) -> None: ...


class SmsSender(Protocol):
    def send(
        self, phone: str, text: str, kind: str = "verification", key: str | None = None
    ) -> None: ...


class OutboxMailer:
    def __init__(self, outbox_dir: Path) -> None:
        self.outbox_dir = outbox_dir

    def send(self, message: EmailMessage) -> None:
        write_message(self.outbox_dir, message)


class SmtpMailer:
    def __init__(self, settings: Settings) -> None:
        assert settings.smtp_host
        self.host = settings.smtp_host
        self.port = settings.smtp_port
        self.tls = settings.smtp_tls
        self.user = settings.smtp_user
        self.password = settings.smtp_password
        self.timeout = settings.smtp_timeout_s

    def send(self, message: EmailMessage) -> None:
        try:
            if self.tls == "ssl":
                context = ssl.create_default_context()
                client: smtplib.SMTP = smtplib.SMTP_SSL(
                    self.host, self.port, timeout=self.timeout, context=context
                )
            else:
                client = smtplib.SMTP(self.host, self.port, timeout=self.timeout)
            with client:
                if self.tls == "starttls":
                    client.starttls(context=ssl.create_default_context())
                if self.user and self.password is not None:
                    client.login(self.user, self.password.get_secret_value())
                client.send_message(message)
        except (OSError, smtplib.SMTPException) as exc:
            raise DeliveryError(f"SMTP: {type(exc).__name__}") from None


class OutboxSms:
    def __init__(self, outbox_dir: Path, sender: str) -> None:
        self.outbox_dir = outbox_dir
        self.sender = sender

    def send(
        self, phone: str, text: str, kind: str = "verification", key: str | None = None
    ) -> None:
        msg = EmailMessage()
        msg["From"] = self.sender
        msg["To"] = sms_address(phone)
        msg["Subject"] = "SMS"
        msg["Date"] = formatdate(localtime=False)
        msg["X-Turnos-Kind"] = kind
        if key:
            msg["Idempotency-Key"] = key
        msg.set_content(text)
        write_message(self.outbox_dir, msg)


class HttpSms:
    """A gateway that takes `POST {"to": "+593...", "text": "..."}` with a bearer token.

    `Idempotency-Key` (the outbox row's id) lets the gateway drop a repeated hand-over."""

    def __init__(self, url: str, token: str | None, timeout_s: float) -> None:
        self.url = url
        self.token = token
        self.timeout = timeout_s

    def send(
        self, phone: str, text: str, kind: str = "verification", key: str | None = None
    ) -> None:
        headers = {"Authorization": f"Bearer {self.token}"} if self.token else {}
        if key:
            headers["Idempotency-Key"] = key
        try:
            response = requests.post(
                self.url, json={"to": phone, "text": text}, headers=headers, timeout=self.timeout
            )
        except requests.RequestException as exc:
            raise DeliveryError(f"SMS gateway: {type(exc).__name__}") from None
        if response.status_code >= 300:
            raise DeliveryError(f"SMS gateway answered {response.status_code}")


class NoSms:
    def send(
        self, phone: str, text: str, kind: str = "verification", key: str | None = None
    ) -> None:
        raise DeliveryError("no SMS gateway configured")


class NoMail:
    def send(self, message: EmailMessage) -> None:
        raise DeliveryError("no SMTP server configured")


class Delivery:
    """The service's one way out; logs what was sent with masked addresses only."""

    def __init__(self, settings: Settings) -> None:
        outbox = settings.effective_outbox
        self.sender = settings.mail_from
        self.mailer: Mailer
        self.sms: SmsSender
        if outbox is not None:
            self.mailer = OutboxMailer(outbox)
            self.sms = OutboxSms(outbox, settings.mail_from)
        else:
            self.mailer = SmtpMailer(settings) if settings.smtp_host else NoMail()
            if settings.sms_gateway_url:
                token = settings.sms_gateway_token
                self.sms = HttpSms(
                    settings.sms_gateway_url,
                    token.get_secret_value() if token else None,
                    settings.sms_timeout_s,
                )
            else:
                self.sms = NoSms()

    @property
    def can_email(self) -> bool:
        return not isinstance(self.mailer, NoMail)

    @property
    def can_sms(self) -> bool:
        return not isinstance(self.sms, NoSms)

    def new_email(self, to: str, subject: str, kind: str) -> EmailMessage:
        msg = EmailMessage()
        msg["From"] = self.sender
        msg["To"] = to
        msg["Subject"] = subject
        msg["Date"] = formatdate(localtime=False)
        msg["Message-ID"] = make_msgid(domain="turnos.invalid")
        msg["X-Turnos-Kind"] = kind
        return msg

    def send_email(self, message: EmailMessage) -> None:
        self.mailer.send(message)
        log.info("email sent to %s (%s)", mask_email(str(message["To"])), message["X-Turnos-Kind"])

    def send_sms(
        self, phone: str, text: str, kind: str = "verification", key: str | None = None
    ) -> None:
        self.sms.send(phone, text, kind, key)
        log.info("sms sent to %s (%s)", mask_phone(phone), kind)
