"""Verification codes and citizen sessions (OWASP ASVS v5 6.5.x, 6.6.x).

A code is 6 digits from `secrets`, stored only as an HMAC bound to its verification, compared
in constant time, valid `code_ttl_s`, good for `code_attempts` wrong tries and used once; a
resend brings a new code with fresh tries.

Send limits are there against spamming an address and guessing, never against a citizen who
made a mistake: no two sends to one contact (address or number) come closer than the
cooldown, across verifications; every send (the first included) counts towards the hourly
limit per contact (`sends_per_hour`) and, more loosely, per citizen (`citizen_sends_per_hour`).
So a citizen who mistypes the email, corrects it at once, exhausts the tries of a code and asks
for another, or starts over with the same email, still gets a code in the same visit.
A contact is counted by its limit key (`limit_key_email`: case, `+tag` and Gmail's dots do not
make a new address); the code still goes to the address as the citizen typed it. Each kiosk
has its own budget of sends besides (`ratelimit.Budget`, SMS tighter than email).

Asked again after a lost answer: a send that carries the kiosk's `Idempotency-Key` is answered
again with the same verification while its code is good (no second code, no send counted);
the right code checked again within `confirm_repeat_s` opens a new session in place of the
one whose answer never reached the kiosk, provided that one was never used for a hold or a
booking. Wrong codes checked after the code was accepted spend its remaining tries.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from dataclasses import dataclass

from sqlalchemy import delete, func, select, text, update
from sqlalchemy.orm import Session

from kiosk.domain.contact import (
    Channel,
    InvalidContact,
    limit_key_email,
    normalize_email,
    normalize_mobile,
)
from turnos import messages, models
from turnos.context import AppContext
from turnos.errors import ApiError, ErrorCode
from turnos.sealing import Contact, open_contact, seal_contact
from turnos.security import hash_token, new_id, new_token, same
from turnos.services import outbox, ratelimit
from turnos.services.citizens import check_code_recipient, citizen_by_ref
from turnos.services.holds import release_session_holds
from turnos.services.tokens import Principal

_TABLE = models.Verification.__tablename__  # names the sealed contact columns

HOUR_S = 3600
SUBJECT = messages.VERIFICATION_SUBJECT


@dataclass(frozen=True)
class Sent:
    id: str
    expires_at: int
    resend_after: int


@dataclass(frozen=True)
class NewSession:
    token: str
    expires_at: int


@dataclass(frozen=True)
class RequestKey:
    """A send's Idempotency-Key and its body, as keyed hashes (the body holds contact data)."""

    key_hash: str
    body_hash: str


def request_key(
    ctx: AppContext,
    kiosk: Principal,
    key: str,
    citizen_ref: str,
    email: str | None,
    phone: str | None,
    channel: Channel,
    language: str,
) -> RequestKey:
    body = json.dumps([citizen_ref, email, phone, str(channel), language])
    return RequestKey(
        ctx.hasher.digest("verification-request-key", f"{kiosk.token_id}:{key}"),
        ctx.hasher.digest("verification-request-body", body),
    )


def replay(ctx: AppContext, kiosk: Principal, request: RequestKey) -> Sent | None:
    """The verification this kiosk started with the same key, answered again while its code
    is good; None when there is none (the request is new) or it is over (replaced, used,
    expired: then the request is a new one). The same key with another body is refused."""
    now = ctx.now()
    with ctx.db.read() as session:
        v = session.scalars(
            select(models.Verification)
            .where(
                models.Verification.kiosk_token_id == kiosk.token_id,
                models.Verification.request_key_hash == request.key_hash,
            )
            .order_by(models.Verification.created_at.desc())
            .limit(1)
        ).first()
        if v is None:
            return None
        if not same(v.request_body_hash or "", request.body_hash):
            raise ApiError(ErrorCode.INVALID_REQUEST, "Idempotency-Key reused with another request")
        if v.state != "pending" or now >= v.code_expires_at:
            return None
        return Sent(v.id, v.code_expires_at, v.last_sent_at + ctx.settings.resend_cooldown_s)


def new_code() -> str:
    return f"{secrets.randbelow(1_000_000):06d}"


def _contact_error(exc: InvalidContact) -> ApiError:
    return ApiError(ErrorCode.INVALID_CONTACT, f"{exc.field}: {exc.problem}")


def _normalize(
    email: str | None, phone: str | None, channel: Channel
) -> tuple[str | None, str | None]:
    try:
        email_n = normalize_email(email) if email else None
        phone_n = normalize_mobile(phone) if phone else None
    except InvalidContact as exc:
        raise _contact_error(exc) from None
    if channel is Channel.EMAIL and email_n is None:
        raise ApiError(ErrorCode.INVALID_CONTACT, "email: empty")
    if channel is Channel.SMS and phone_n is None:
        raise ApiError(ErrorCode.INVALID_CONTACT, "phone: empty")
    return email_n, phone_n


def _advisory_key(subject: str) -> int:
    """A signed 64-bit PostgreSQL advisory-lock key for a send-limit subject."""
    digest = hashlib.sha256(b"turnos/send-limit/" + subject.encode()).digest()
    return int.from_bytes(digest[:8], "big", signed=True)


def _lock_subjects(session: Session, subjects: list[str]) -> None:
    """Serialise the check-then-record of the hourly limits per subject, across processes.

    PostgreSQL: a transaction-scoped advisory lock per subject (a citizen, a contact), taken in
    sorted order so two sends can never wait on each other in a cycle; the next sender of the
    same contact waits until this transaction commits or rolls back, then counts its row.
    SQLite: every transaction already runs alone (BEGIN IMMEDIATE).
    """
    if session.get_bind().dialect.name != "postgresql":
        return
    for key in sorted({_advisory_key(s) for s in subjects}):
        session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": key})


def _check_send_limits(
    session: Session, ctx: AppContext, citizen_subject: str, contact_subject: str, now: int
) -> None:
    s = ctx.settings
    log = models.SendLog
    last = session.scalar(select(func.max(log.sent_at)).where(log.subject == contact_subject))
    if last is not None and now - last < s.resend_cooldown_s:
        raise ApiError(
            ErrorCode.RATE_LIMITED,
            "wait before asking for another code",
            retry_after=s.resend_cooldown_s - (now - last),
        )
    limits = ((contact_subject, s.sends_per_hour), (citizen_subject, s.citizen_sends_per_hour))
    for subject, per_hour in limits:
        recent = session.execute(
            select(func.count(), func.min(log.sent_at)).where(
                log.subject == subject, log.sent_at > now - HOUR_S
            )
        ).one()
        if recent[0] >= per_hour:
            raise ApiError(
                ErrorCode.RATE_LIMITED,
                "too many codes this hour",
                retry_after=int(recent[1]) + HOUR_S - now,
            )


def _queue_code(
    session: Session, ctx: AppContext, v: models.Verification, code: str
) -> outbox.Queued:
    minutes = ctx.settings.code_ttl_s // 60
    language = messages.language_of(v.language)
    if v.channel == Channel.EMAIL:
        mail = messages.verification_mail(code, minutes, language)
        msg = ctx.delivery.new_email(_recipient(ctx, v), mail.subject, "verification")
        msg.set_content(mail.text)
        msg["Content-Language"] = language  # after set_content, which clears it
        return outbox.enqueue_email(session, ctx, msg, outbox.CODE_KIND)
    text = messages.verification_sms(code, minutes, language)
    return outbox.enqueue_sms(session, ctx, _recipient(ctx, v), text, outbox.CODE_KIND)


def _recipient(ctx: AppContext, v: models.Verification) -> str:
    """The address or number the verification's codes go to, opened from its sealed row."""
    contact = open_contact(ctx.sealer, _TABLE, v.email, v.phone)
    recipient = contact.email if v.channel == Channel.EMAIL else contact.phone
    assert recipient is not None
    return recipient


@dataclass(frozen=True)
class _Issued:
    """A code committed with its outbox row, and how to take it back if the hand-over fails."""

    sent: Sent
    message: outbox.Queued
    send_log_ids: list[int]
    # The verification before this code: None for a new one (deleted on failure).
    before: tuple[str | None, int, int, int] | None
    replaced_ids: list[str]


def _deliver_code(ctx: AppContext, issued: _Issued) -> Sent:
    """Hand the committed code over now; if that fails, undo the send as if it never happened:
    no send counted, no cooldown, the earlier verification as it was (the citizen at the kiosk
    may use the other channel at once)."""
    error = outbox.deliver(ctx, issued.message)
    if error is None:
        return issued.sent
    with ctx.db.transaction() as session:
        session.execute(delete(models.SendLog).where(models.SendLog.id.in_(issued.send_log_ids)))
        v = session.get(models.Verification, issued.sent.id, with_for_update=True)
        if v is not None and issued.before is None:
            session.delete(v)
            session.execute(
                update(models.Verification)
                .where(
                    models.Verification.id.in_(issued.replaced_ids),
                    models.Verification.state == "replaced",
                )
                .values(state="pending")
            )
        elif v is not None and issued.before is not None:
            v.code_hmac, v.code_expires_at, v.attempts_left, v.last_sent_at = issued.before
    raise ApiError(ErrorCode.DELIVERY_FAILED, error)


def _contact_limit_subject(ctx: AppContext, v: models.Verification) -> str:
    """The send-limit subject of the mailbox or phone the code goes to: spellings of one
    mailbox (`ANA+1@gmail.com`, `a.n.a@gmail.com`) share it; phones are E.164 already."""
    recipient = _recipient(ctx, v)
    if v.channel == Channel.EMAIL:
        return f"t:{ctx.hasher.contact(limit_key_email(recipient))}"
    return f"t:{ctx.hasher.contact(recipient)}"


def _issue_code(
    session: Session,
    ctx: AppContext,
    v: models.Verification,
    citizen_key: str,
    now: int,
    replaced_ids: list[str] | None = None,
) -> _Issued:
    """A new code for `v`, recorded with its outbox row; `replaced_ids` only for a new `v`."""
    citizen_subject, contact_subject = f"c:{citizen_key}", _contact_limit_subject(ctx, v)
    subjects = [citizen_subject, contact_subject]
    _lock_subjects(session, subjects)
    _check_send_limits(session, ctx, citizen_subject, contact_subject, now)
    before = (
        None
        if replaced_ids is not None
        else (v.code_hmac, v.code_expires_at, v.attempts_left, v.last_sent_at)
    )
    code = new_code()
    v.code_hmac = ctx.hasher.code(v.id, code)
    v.code_expires_at = now + ctx.settings.code_ttl_s
    v.attempts_left = ctx.settings.code_attempts
    v.last_sent_at = now
    logs = [models.SendLog(subject=subject, sent_at=now) for subject in subjects]
    session.add_all(logs)
    message = _queue_code(session, ctx, v, code)
    session.flush()
    sent = Sent(v.id, v.code_expires_at, now + ctx.settings.resend_cooldown_s)
    return _Issued(sent, message, [row.id for row in logs], before, replaced_ids or [])


def start(
    ctx: AppContext,
    kiosk: Principal,
    citizen_ref: str,
    email: str | None,
    phone: str | None,
    channel: Channel,
    language: str = "es",
    request: RequestKey | None = None,
) -> Sent:
    email_n, phone_n = _normalize(email, phone, channel)
    contact = email_n if channel is Channel.EMAIL else phone_n
    assert contact is not None
    now = ctx.now()
    with ctx.db.transaction() as session:
        citizen = citizen_by_ref(session, citizen_ref)
        # Only the registry's contact gets a code: knowing a cédula books nothing in its name.
        check_code_recipient(ctx.hasher, citizen, channel, contact)
        # Serialises sends of one citizen across processes (PostgreSQL; SQLite already is).
        session.execute(
            select(models.Citizen.id).where(models.Citizen.id == citizen.id).with_for_update()
        )
        # A new verification ends the citizen's earlier ones: only the newest code is good.
        replaced_ids = list(
            session.scalars(
                update(models.Verification)
                .where(
                    models.Verification.citizen_id == citizen.id,
                    models.Verification.state == "pending",
                )
                .values(state="replaced")
                .returning(models.Verification.id)
            )
        )
        v = models.Verification(
            id=new_id(),
            citizen_id=citizen.id,
            kiosk_token_id=kiosk.token_id,
            **seal_contact(ctx.sealer, _TABLE, Contact(email_n, phone_n)),
            channel=str(channel),
            language=messages.language_of(language),
            contact_hash=ctx.hasher.contact(contact),
            code_expires_at=now,
            attempts_left=0,
            last_sent_at=now,
            state="pending",
            created_at=now,
            request_key_hash=request.key_hash if request else None,
            request_body_hash=request.body_hash if request else None,
        )
        session.add(v)
        issued = _issue_code(session, ctx, v, citizen.citizen_key, now, replaced_ids)
    # Committed with its outbox row, then handed over (turnos.services.outbox).
    return _deliver_code(ctx, issued)


def _own_verification(session: Session, kiosk: Principal, vid: str) -> models.Verification:
    v = session.get(models.Verification, vid, with_for_update=True)
    if v is None or v.kiosk_token_id != kiosk.token_id:
        raise ApiError(ErrorCode.NOT_FOUND, "no such verification")
    return v


def resend(ctx: AppContext, kiosk: Principal, vid: str) -> Sent:
    with ctx.db.transaction() as session:
        channel = _own_verification(session, kiosk, vid).channel
    # Apart, before the send's transaction: a refused budget is recorded, not rolled back.
    ratelimit.spend(ctx, kiosk, ratelimit.send_budget(channel))
    now = ctx.now()
    with ctx.db.transaction() as session:
        v = _own_verification(session, kiosk, vid)
        if v.state != "pending":
            raise ApiError(ErrorCode.CODE_INVALID, "this verification is finished")
        citizen = session.get(models.Citizen, v.citizen_id)
        assert citizen is not None
        issued = _issue_code(session, ctx, v, citizen.citizen_key, now)
    return _deliver_code(ctx, issued)


def _open_session(
    session: Session, ctx: AppContext, kiosk: Principal, v: models.Verification, now: int
) -> NewSession:
    """A citizen session for the verified contact; `v` remembers it (see `_confirm_again`)."""
    token = new_token("cs")
    opened = open_contact(ctx.sealer, _TABLE, v.email, v.phone)
    expires = now + ctx.settings.session_ttl_s
    row = models.CitizenSession(
        token_hash=hash_token(token),
        citizen_id=v.citizen_id,
        kiosk_token_id=kiosk.token_id,
        channel=v.channel,
        language=v.language,
        contact_hash=ctx.hasher.contact(_recipient(ctx, v)),
        **seal_contact(ctx.sealer, models.CitizenSession.__tablename__, opened),
        expires_at=expires,
    )
    session.add(row)
    session.flush()
    v.session_id = row.id
    return NewSession(token, expires)


def _unused_session(
    session: Session, kiosk: Principal, session_id: int | None, now: int
) -> models.CitizenSession | None:
    """The session a verification opened, if it is open and nothing was held or booked in it:
    the kiosk most likely never got its token."""
    if session_id is None:
        return None
    row = session.get(models.CitizenSession, session_id, with_for_update=True)
    if row is None or row.kiosk_token_id != kiosk.token_id:
        return None
    if row.ended_at is not None or row.expires_at <= now:
        return None
    for used in (models.Hold.session_id, models.IdempotencyKey.session_id):
        if session.scalar(select(used).where(used == session_id).limit(1)) is not None:
            return None
    return row


def _confirm_again(
    session: Session,
    ctx: AppContext,
    kiosk: Principal,
    v: models.Verification,
    code: str,
    now: int,
) -> NewSession | None:
    """The right code of a verification already confirmed, asked again soon after: its answer
    was lost on the way. A new session replaces the first, unused one; None otherwise. A wrong
    code spends a try, so the tries of a code stay `code_attempts` in all."""
    if (
        v.confirmed_at is None
        or v.code_hmac is None
        or v.attempts_left <= 0
        or now - v.confirmed_at >= ctx.settings.confirm_repeat_s
    ):
        return None
    if not same(ctx.hasher.code(v.id, code), v.code_hmac):
        v.attempts_left -= 1
        return None
    earlier = _unused_session(session, kiosk, v.session_id, now)
    if earlier is None:
        return None
    earlier.ended_at = now
    return _open_session(session, ctx, kiosk, v, now)


def confirm(ctx: AppContext, kiosk: Principal, vid: str, code: str) -> NewSession:
    now = ctx.now()
    attempts_left: int | None = None
    with ctx.db.transaction() as session:
        v = _own_verification(session, kiosk, vid)
        if v.state == "confirmed":
            again = _confirm_again(session, ctx, kiosk, v, code, now)
        elif v.state != "pending" or v.code_hmac is None:
            raise ApiError(ErrorCode.CODE_INVALID, "this code was already used or replaced")
        elif v.attempts_left <= 0:
            raise ApiError(ErrorCode.TOO_MANY_ATTEMPTS, "ask for a new code", attempts_left=0)
        elif now >= v.code_expires_at:
            raise ApiError(ErrorCode.CODE_EXPIRED, "ask for a new code")
        elif same(ctx.hasher.code(v.id, code), v.code_hmac):
            # Used once: the state says so; the code's HMAC stays for `_confirm_again`.
            v.state = "confirmed"
            v.confirmed_at = now
            again = _open_session(session, ctx, kiosk, v, now)
        else:
            again = None
            v.attempts_left -= 1
            attempts_left = v.attempts_left
    # Committed: a wrong try counts even though the answer is an error.
    if again is not None:
        return again
    if attempts_left is None:  # the code was used already, and this is no lost answer
        raise ApiError(ErrorCode.CODE_INVALID, "this code was already used or replaced")
    raise ApiError(ErrorCode.CODE_INVALID, attempts_left=attempts_left)


def citizen_session(
    session: Session, kiosk: Principal, token: str | None, now: int
) -> models.CitizenSession:
    if not token:
        raise ApiError(ErrorCode.UNAUTHORIZED, "X-Citizen-Session is required")
    row = session.scalar(
        select(models.CitizenSession).where(models.CitizenSession.token_hash == hash_token(token))
    )
    if (
        row is None
        or row.kiosk_token_id != kiosk.token_id
        or row.ended_at is not None
        or row.expires_at <= now
    ):
        raise ApiError(ErrorCode.UNAUTHORIZED, "the citizen session is not valid")
    return row


def end_session(ctx: AppContext, kiosk: Principal, token: str | None) -> None:
    """End the session and release its hold (the kiosk wipes the citizen's data)."""
    now = ctx.now()
    with ctx.db.transaction() as session:
        row = citizen_session(session, kiosk, token, now)
        row.ended_at = now
        release_session_holds(session, row.id, "released")
