"""Service settings: environment variables prefixed `TURNOS_` (pydantic-settings)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

#: The generated secret is 64 hex characters; a set one must not be much weaker.
MIN_SECRET_CHARS = 32


class Settings(BaseSettings):
    # hide_input_in_errors: a refused value (the secret, a database URL with its password)
    # is never repeated in the message.
    model_config = SettingsConfigDict(
        env_prefix="TURNOS_", frozen=True, extra="ignore", hide_input_in_errors=True
    )

    data_dir: Path = Path("turnos-data")
    # None: an SQLite file in the data directory.
    database_url: str | None = None
    demo: bool = False
    # Connections per process to a database server (not SQLite): size them with
    # docs/operations.md, processes × (pool + overflow) ≤ max_connections − reserve.
    db_pool_size: int = Field(5, gt=0)
    db_max_overflow: int = Field(5, ge=0)
    # Waiting longer than this for a free connection answers 503 database_unavailable.
    db_pool_timeout_s: float = Field(5.0, gt=0)
    # Secret for HMACs (codes, citizen keys) and for encrypting signing keys at rest.
    # None: a random one kept in DATA_DIR/secret.key (created on first start).
    secret: SecretStr | None = None
    issuer: str = "turnos"

    @field_validator("secret")
    @classmethod
    def _long_enough(cls, value: SecretStr | None) -> SecretStr | None:
        # An empty or short TURNOS_SECRET= would key every HMAC and seal with next to nothing.
        if value is not None and len(value.get_secret_value().strip()) < MIN_SECRET_CHARS:
            raise ValueError(
                f"must have at least {MIN_SECRET_CHARS} characters; make one with "
                "python3 -c 'import secrets; print(secrets.token_hex(32))'"
            )
        return value

    # Verification codes (OWASP ASVS v5 6.5.x / 6.6.x).
    code_ttl_s: int = Field(600, gt=0)
    code_attempts: int = Field(5, gt=0)
    # Between two sends to one contact (the same address or number), across verifications.
    resend_cooldown_s: int = Field(60, ge=0)
    # Sends an hour to one contact, and to one citizen whatever the contact.
    sends_per_hour: int = Field(3, gt=0)
    citizen_sends_per_hour: int = Field(5, gt=0)
    # The right code asked again this soon after it was accepted (the answer with the session
    # was lost) opens a new session, while the first one is still unused; 0 switches it off.
    confirm_repeat_s: int = Field(120, ge=0)

    session_ttl_s: int = Field(900, gt=0)
    hold_ttl_s: int = Field(300, gt=0)
    idempotency_ttl_s: int = Field(86400, gt=0)
    # Token bucket per kiosk: refills `rate_per_minute`, holds at most `rate_burst`.
    rate_per_minute: float = Field(600, gt=0)
    rate_burst: int = Field(300, gt=0)
    # Fair share (docs/api.md, "Limits"). Bookings per citizen, any procedure, in the last
    # 24 hours, 7 days and 30 days (the institution's own caps); cancelled ones count too.
    citizen_bookings_per_day: int = Field(2, gt=0)
    citizen_bookings_per_week: int = Field(4, gt=0)
    citizen_bookings_per_month: int = Field(10, gt=0)
    # Budgets per kiosk token, far above one person served at a time: an hourly refill and
    # a burst, for bookings, code sends (SMS cost money: tighter) and citizen lookups.
    kiosk_bookings_per_hour: float = Field(60, gt=0)
    kiosk_bookings_burst: int = Field(5, gt=0)
    kiosk_email_sends_per_hour: float = Field(90, gt=0)
    kiosk_email_sends_burst: int = Field(5, gt=0)
    kiosk_sms_sends_per_hour: float = Field(30, gt=0)
    kiosk_sms_sends_burst: int = Field(3, gt=0)
    kiosk_lookups_per_hour: float = Field(120, gt=0)
    kiosk_lookups_burst: int = Field(10, gt=0)
    # A kiosk (not revoked) whose last heartbeat is older than this, or that never sent one,
    # is silent: flagged by `turnos kiosks` (exit 1 with --check) and in GET /v1/kiosks.
    kiosk_silent_after_s: int = Field(300, gt=0)
    # Largest request body accepted, checked before authentication (413 past it).
    max_body_bytes: int = Field(65536, gt=0)

    # Check-in window around the start of a turn.
    checkin_before_s: int = Field(1800, ge=0)
    checkin_after_s: int = Field(900, ge=0)
    # How old a check-in that a counter verified offline and queued may be when it arrives.
    checkin_queue_max_age_s: int = Field(7 * 86400, ge=0)
    # Days after a turn's end before its personal data is removed (`turnos purge`).
    retention_days: int = Field(30, ge=0)
    # How far ahead citizens may book.
    booking_days: int = Field(28, gt=0)
    # A turn's token stays valid this long after the end of the turn's local day (docs/token.md).
    token_grace_s: int = Field(86400, ge=0)
    max_range_days: int = Field(62, gt=0)

    smtp_host: str | None = None
    smtp_port: int = 25
    smtp_tls: Literal["none", "starttls", "ssl"] = "none"
    smtp_user: str | None = None
    smtp_password: SecretStr | None = None
    smtp_timeout_s: float = 10.0
    mail_from: str = "turnos@example.invalid"
    # SMS: POST {"to", "text"} as JSON with a bearer token.
    sms_gateway_url: str | None = None
    sms_gateway_token: SecretStr | None = None
    sms_timeout_s: float = Field(10.0, gt=0)
    # Write mail and SMS as .eml files here instead of sending them (always on in demo mode).
    outbox_dir: Path | None = None
    # The outbox worker's retries of a confirmation or closure notice whose hand-over failed
    # (turnos.services.outbox): the base back-off doubles after each failure up to the cap; the
    # message is given up after this many attempts (with the defaults, about 3½ hours after
    # the first).
    outbox_backoff_base_s: int = Field(10, ge=1)
    outbox_backoff_cap_s: int = Field(3600, ge=1)
    outbox_max_attempts: int = Field(12, ge=1)

    @property
    def effective_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'turnos.db').resolve()}"

    @property
    def effective_outbox(self) -> Path | None:
        if self.outbox_dir is not None:
            return self.outbox_dir
        if self.demo:
            return self.data_dir / "outbox"
        return None
