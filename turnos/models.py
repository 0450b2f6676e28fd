"""Database tables (SQLAlchemy 2.0). Times are integer seconds since the epoch, UTC.

The rules that must hold under concurrency live here as constraints, so that they hold with any
number of service processes on one database:
- `slots.taken <= slots.capacity` (CHECK), raised only by a conditional UPDATE;
- one active booking per citizen and procedure (partial unique index);
- one active hold per session (partial unique index);
- turn codes unique per agency and local day (unique constraint);
- idempotency keys unique per session (unique constraint).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

ACTIVE = "active"


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class ApiToken(Base):
    __tablename__ = "api_tokens"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    role: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(100))
    agency_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[int] = mapped_column(BigInteger)
    revoked_at: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    # Kiosk tokens only: the agency ids and province codes it may serve (turnos.services.tokens
    # .Scope). Both NULL: every agency, as for every token issued before scopes existed.
    scope_agencies: Mapped[list[int] | None] = mapped_column(JSON, nullable=True)
    scope_provinces: Mapped[list[str] | None] = mapped_column(JSON, nullable=True)


class KioskStatus(Base):
    __tablename__ = "kiosk_status"
    token_id: Mapped[int] = mapped_column(ForeignKey("api_tokens.id"), primary_key=True)
    last_seen: Mapped[int] = mapped_column(BigInteger)
    version: Mapped[str] = mapped_column(String(64), default="")
    printer_state: Mapped[str] = mapped_column(String(64), default="")
    paper: Mapped[str] = mapped_column(String(64), default="")
    last_error: Mapped[str | None] = mapped_column(String(500), nullable=True)


class RateBucket(Base):
    __tablename__ = "rate_buckets"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    tokens: Mapped[float] = mapped_column(Float)
    updated_at: Mapped[float] = mapped_column(Float)


class ServiceMeta(Base):
    """Facts about this database that every command must agree on (e.g. the demo outbox)."""

    __tablename__ = "service_meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(String(1000))


class Province(Base):
    __tablename__ = "provinces"
    code: Mapped[str] = mapped_column(String(2), primary_key=True)
    name_es: Mapped[str] = mapped_column(String(100))
    name_en: Mapped[str] = mapped_column(String(100))


class Procedure(Base):
    __tablename__ = "procedures"
    code: Mapped[str] = mapped_column(String(40), primary_key=True)
    prefix: Mapped[str] = mapped_column(String(4))
    name_es: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200))
    requirements: Mapped[list[Any]] = mapped_column(JSON)
    position: Mapped[int] = mapped_column(Integer, default=0)


class Agency(Base):
    __tablename__ = "agencies"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    name_es: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200))
    province_code: Mapped[str] = mapped_column(ForeignKey("provinces.code"))
    address_es: Mapped[str] = mapped_column(String(300))
    address_en: Mapped[str] = mapped_column(String(300))
    time_zone: Mapped[str] = mapped_column(String(64))
    hours: Mapped[list[Any]] = mapped_column(JSON)
    slot_minutes: Mapped[int] = mapped_column(Integer, default=20)
    places_min: Mapped[int] = mapped_column(Integer, default=1)
    places_max: Mapped[int] = mapped_column(Integer, default=1)


class AgencyProcedure(Base):
    __tablename__ = "agency_procedures"
    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id"), primary_key=True)
    procedure_code: Mapped[str] = mapped_column(ForeignKey("procedures.code"), primary_key=True)


class Closure(Base):
    __tablename__ = "closures"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id"), index=True)
    from_date: Mapped[str] = mapped_column(String(10))
    to_date: Mapped[str] = mapped_column(String(10))
    reason: Mapped[str] = mapped_column(String(300))
    created_at: Mapped[int] = mapped_column(BigInteger)


class Citizen(Base):
    __tablename__ = "citizens"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    ref: Mapped[str] = mapped_column(String(43), unique=True)
    # HMAC of the id type and number: the number itself is never stored.
    citizen_key: Mapped[str] = mapped_column(String(64), unique=True)
    id_type: Mapped[str] = mapped_column(String(16))
    masked_id: Mapped[str] = mapped_column(String(40))
    masked_name: Mapped[str] = mapped_column(String(200))
    registered: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[int] = mapped_column(BigInteger)
    # The registry's email and mobile: a keyed hash to match what the citizen types, and a mask
    # to tell them which one it is. A citizen with either is "registry-bound" (docs/security.md).
    email_hash: Mapped[str | None] = mapped_column(String(64), nullable=True)
    email_mask: Mapped[str | None] = mapped_column(String(320), nullable=True)
    phone_hash: Mapped[str | None] = mapped_column(String(64), nullable=True)
    phone_mask: Mapped[str | None] = mapped_column(String(20), nullable=True)


class Verification(Base):
    __tablename__ = "verifications"
    id: Mapped[str] = mapped_column(String(43), primary_key=True)
    citizen_id: Mapped[int] = mapped_column(ForeignKey("citizens.id"), index=True)
    kiosk_token_id: Mapped[int] = mapped_column(ForeignKey("api_tokens.id"))
    # Sealed at rest (turnos.sealing): written to, never searched.
    email: Mapped[str | None] = mapped_column(Text, nullable=True)
    phone: Mapped[str | None] = mapped_column(Text, nullable=True)
    channel: Mapped[str] = mapped_column(String(8))
    # Language of the messages to the citizen ("es" or "en"), chosen at the kiosk.
    language: Mapped[str] = mapped_column(String(2), default="es", server_default="es")
    contact_hash: Mapped[str] = mapped_column(String(64))
    code_hmac: Mapped[str | None] = mapped_column(String(64), nullable=True)
    code_expires_at: Mapped[int] = mapped_column(BigInteger)
    attempts_left: Mapped[int] = mapped_column(Integer)
    last_sent_at: Mapped[int] = mapped_column(BigInteger)
    state: Mapped[str] = mapped_column(String(16), default="pending")
    created_at: Mapped[int] = mapped_column(BigInteger)
    # The kiosk's Idempotency-Key and the request it came with, keyed hashes: a request asked
    # again after its answer was lost gets the same verification, not a refusal for sending twice.
    request_key_hash: Mapped[str | None] = mapped_column(String(64), nullable=True)
    request_body_hash: Mapped[str | None] = mapped_column(String(64), nullable=True)
    # When the right code was typed and the session it opened (no foreign key: sessions
    # outlive verifications and are purged apart): the same code asked again within
    # `confirm_repeat_s` answers a new session in place of the one whose answer was lost.
    confirmed_at: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    session_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    __table_args__ = (
        Index("ix_verifications_kiosk_request", "kiosk_token_id", "request_key_hash"),
    )


class SendLog(Base):
    """One row per code sent and per subject (the citizen, the contact) for the hourly limits."""

    __tablename__ = "send_log"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    subject: Mapped[str] = mapped_column(String(66))
    sent_at: Mapped[int] = mapped_column(BigInteger)
    __table_args__ = (Index("ix_send_log_subject_sent_at", "subject", "sent_at"),)


class CitizenSession(Base):
    __tablename__ = "sessions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    citizen_id: Mapped[int] = mapped_column(ForeignKey("citizens.id"), index=True)
    kiosk_token_id: Mapped[int] = mapped_column(ForeignKey("api_tokens.id"))
    channel: Mapped[str] = mapped_column(String(8))
    language: Mapped[str] = mapped_column(String(2), default="es", server_default="es")
    contact_hash: Mapped[str] = mapped_column(String(64))
    # Sealed at rest (turnos.sealing): written to, never searched.
    email: Mapped[str | None] = mapped_column(Text, nullable=True)
    phone: Mapped[str | None] = mapped_column(Text, nullable=True)
    expires_at: Mapped[int] = mapped_column(BigInteger)
    ended_at: Mapped[int | None] = mapped_column(BigInteger, nullable=True)


class Slot(Base):
    """A bookable time of one procedure at one agency; rows appear when first held."""

    __tablename__ = "slots"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id"))
    procedure_code: Mapped[str] = mapped_column(ForeignKey("procedures.code"))
    start_at: Mapped[int] = mapped_column(BigInteger)
    end_at: Mapped[int] = mapped_column(BigInteger)
    capacity: Mapped[int] = mapped_column(Integer)
    taken: Mapped[int] = mapped_column(Integer, default=0)
    __table_args__ = (
        CheckConstraint("taken >= 0 AND taken <= capacity", name="taken_within_capacity"),
        Index("ix_slots_agency_procedure_start", "agency_id", "procedure_code", "start_at"),
    )


class Hold(Base):
    __tablename__ = "holds"
    id: Mapped[str] = mapped_column(String(43), primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("sessions.id"))
    slot_id: Mapped[str] = mapped_column(ForeignKey("slots.id"))
    expires_at: Mapped[int] = mapped_column(BigInteger)
    state: Mapped[str] = mapped_column(String(16), default=ACTIVE)
    created_at: Mapped[int] = mapped_column(BigInteger)
    __table_args__ = (
        Index(
            "uq_holds_one_active_per_session",
            "session_id",
            unique=True,
            sqlite_where=text("state = 'active'"),
            postgresql_where=text("state = 'active'"),
        ),
        Index("ix_holds_state_expires", "state", "expires_at"),
    )


class Booking(Base):
    __tablename__ = "bookings"
    id: Mapped[str] = mapped_column(String(16), primary_key=True)  # 8 random bytes, hex
    slot_id: Mapped[str] = mapped_column(ForeignKey("slots.id"))
    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id"))
    procedure_code: Mapped[str] = mapped_column(ForeignKey("procedures.code"))
    local_date: Mapped[str] = mapped_column(String(10))
    code: Mapped[str] = mapped_column(String(10))
    start_at: Mapped[int] = mapped_column(BigInteger)
    end_at: Mapped[int] = mapped_column(BigInteger)
    # Personal data, emptied by the purge after the retention period.
    citizen_key: Mapped[str | None] = mapped_column(String(64), nullable=True)
    contact_hash: Mapped[str | None] = mapped_column(String(64), nullable=True)
    # Sealed at rest (turnos.sealing): written to, never searched.
    email: Mapped[str | None] = mapped_column(Text, nullable=True)
    phone: Mapped[str | None] = mapped_column(Text, nullable=True)
    language: Mapped[str] = mapped_column(String(2), default="es", server_default="es")
    masked_name: Mapped[str] = mapped_column(String(200))
    masked_id: Mapped[str] = mapped_column(String(40))
    token: Mapped[str | None] = mapped_column(Text, nullable=True)
    state: Mapped[str] = mapped_column(String(16), default=ACTIVE)
    created_at: Mapped[int] = mapped_column(BigInteger)
    checked_in_at: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    cancelled_at: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    purged_at: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    __table_args__ = (
        UniqueConstraint("agency_id", "local_date", "code", name="uq_bookings_agency_day_code"),
        Index(
            "uq_bookings_one_active_per_citizen_procedure",
            "citizen_key",
            "procedure_code",
            unique=True,
            sqlite_where=text("state = 'active'"),
            postgresql_where=text("state = 'active'"),
        ),
        Index("ix_bookings_agency_date", "agency_id", "local_date"),
        Index("ix_bookings_citizen_key", "citizen_key"),
    )


class DayCounter(Base):
    """Last turn number given per agency and local day (the turn codes)."""

    __tablename__ = "day_counters"
    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id"), primary_key=True)
    local_date: Mapped[str] = mapped_column(String(10), primary_key=True)
    last: Mapped[int] = mapped_column(Integer, default=0)


class IdempotencyKey(Base):
    __tablename__ = "idempotency_keys"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("sessions.id"))
    key: Mapped[str] = mapped_column(String(200))
    request_hash: Mapped[str] = mapped_column(String(64))
    status: Mapped[int] = mapped_column(Integer)
    response: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[int] = mapped_column(BigInteger)
    __table_args__ = (UniqueConstraint("session_id", "key", name="uq_idempotency_session_key"),)


class SigningKey(Base):
    """A `turnos.keys.SigningKeyRecord` as stored: the private half sealed by turnos.keys."""

    __tablename__ = "signing_keys"
    kid: Mapped[bytes] = mapped_column(LargeBinary(8), primary_key=True)
    public_raw: Mapped[bytes] = mapped_column(LargeBinary(32))
    private_encrypted: Mapped[bytes] = mapped_column(LargeBinary(200))
    not_before: Mapped[int] = mapped_column(BigInteger)
    expires: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    retired_at: Mapped[int | None] = mapped_column(BigInteger, nullable=True)


class Outbox(Base):
    """A message to a citizen, written in the transaction that causes it (turnos.services.outbox).

    `payload` is what the hand-over needs (the RFC 5322 message, or an SMS as JSON), sealed at
    rest (turnos.sealing), and is emptied once the message is sent or given up; `recipient` is
    only the masked address.
    """

    __tablename__ = "outbox"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)  # 16 random bytes, hex
    kind: Mapped[str] = mapped_column(String(16))  # verification, booking, cancellation
    channel: Mapped[str] = mapped_column(String(8))  # email, sms
    recipient: Mapped[str] = mapped_column(String(320))  # masked, for operators
    payload: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    state: Mapped[str] = mapped_column(String(8))  # pending, sent, dead
    created_at: Mapped[int] = mapped_column(BigInteger)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    # When the row may next be tried; pushed ahead by whoever claims it (a lease).
    next_attempt_at: Mapped[int] = mapped_column(BigInteger)
    sent_at: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    last_error: Mapped[str | None] = mapped_column(String(200), nullable=True)
    __table_args__ = (Index("ix_outbox_state_next_attempt_at", "state", "next_attempt_at"),)
