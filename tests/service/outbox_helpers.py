"""Shared by the outbox tests: a slow SMTP inbox that shows the hand-overs it is receiving, and
a real `turnos serve` process (mail by SMTP, not demo) that a test kills with SIGKILL and starts
again on the same database."""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import re
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email import message_from_bytes
from email import policy as email_policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from sqlalchemy import select

from tests.service.helpers import Api, Citizen, Inbox, new_email, new_mobile, wait_healthy
from turnos import models
from turnos.bootstrap import prepare, seed_demo
from turnos.context import build_context
from turnos.db import Database
from turnos.services.citizens import import_citizens
from turnos.settings import Settings

HAND_OVER_TIMEOUT_S = 2  # short SMTP/SMS timeouts give a short lease: 2 * 2 + 5 = 9 s
MESSAGE_ID = re.compile(r"^<[0-9a-f]{32}@turnos\.invalid>$")
_CODE = re.compile(r"\b(\d{6})\b")


class SlowInbox(Inbox):
    """An SMTP inbox that takes `delay_s` per message, so a kill often lands mid-hand-over.

    `receiving` counts, by X-Turnos-Kind, the messages whose DATA is in and whose answer is not
    sent yet (a test kills the sender while one is there); `started` all that ever got that far.
    A message counts as received (it is in `messages`) once the inbox has accepted it, whether or
    not the sender lives to see the 250.
    """

    def __init__(self, delay_s: float = 0.05) -> None:
        super().__init__()
        self.delay_s = delay_s
        self.receiving: Counter[str] = Counter()
        self.started: Counter[str] = Counter()

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        kind = str(
            message_from_bytes(envelope.content, policy=email_policy.default)["X-Turnos-Kind"]
        )
        with self.arrived:
            self.receiving[kind] += 1
            self.started[kind] += 1
            self.arrived.notify_all()
        try:
            await asyncio.sleep(self.delay_s)
        finally:
            with self.arrived:
                self.receiving[kind] -= 1
        return await super().handle_DATA(server, session, envelope)

    def of_kind(self, kind: str) -> list[EmailMessage]:
        with self.arrived:
            return [m for m in self.messages if m["X-Turnos-Kind"] == kind]

    def wait_until(self, condition: Callable[[], bool], timeout_s: float = 30) -> None:
        """Wait for `condition` (called with the inbox's lock held) to hold."""
        with self.arrived:
            assert self.arrived.wait_for(condition, timeout=timeout_s), "the inbox waited in vain"


def mail_settings(smtp_port: int) -> dict[str, Any]:
    return {
        "smtp_host": "127.0.0.1",
        "smtp_port": smtp_port,
        "mail_from": "turnos@example.com",
        "smtp_timeout_s": HAND_OVER_TIMEOUT_S,
        "sms_timeout_s": HAND_OVER_TIMEOUT_S,
    }


def prepare_database(
    data_dir: Path, database_url: str | None, smtp_port: int, cedulas: list[str]
) -> dict[str, Any]:
    """Schema, a citizen registry, the demo catalogue and tokens; delivery stays real SMTP.
    Returns the credentials."""
    settings = Settings(data_dir=data_dir, database_url=database_url, **mail_settings(smtp_port))
    ctx = build_context(settings)
    try:
        prepare(ctx)
        csv = data_dir / "citizens.csv"
        csv.write_text(
            "id_type,id_number,name\n" + "".join(f"cedula,{c},Rosa Vera\n" for c in cedulas)
        )
        with ctx.db.transaction() as session:
            import_citizens(session, ctx.hasher, csv, ctx.now())
        return seed_demo(ctx)
    finally:
        ctx.db.dispose()


@dataclass
class Serving:
    """A `turnos serve` process on `port`, and how to kill it and run commands beside it."""

    url: str
    data_dir: Path
    database_url: str | None
    env: dict[str, str]
    argv: list[str]
    procs: list[subprocess.Popen[bytes]] = field(default_factory=list)

    @property
    def effective_database_url(self) -> str:
        return Settings(
            data_dir=self.data_dir, database_url=self.database_url
        ).effective_database_url

    def start(self) -> None:
        log_path = self.data_dir / "serve.log"
        with log_path.open("ab") as log:
            proc = subprocess.Popen(self.argv, stdout=log, stderr=subprocess.STDOUT, env=self.env)
        self.procs.append(proc)
        wait_healthy(self.url, proc, log_path)

    def kill_and_restart(self) -> None:
        """SIGKILL the serving process, then start another on the same database and port."""
        self.procs[-1].send_signal(signal.SIGKILL)
        self.procs[-1].wait(timeout=20)
        self.start()

    def command(self, *argv: str) -> subprocess.Popen[bytes]:
        """Start a `turnos` operator command on this database, with the service's environment;
        its output goes to DATA_DIR/command.log."""
        database = ["--database-url", self.database_url] if self.database_url else []
        full = [sys.executable, "-m", "turnos", *argv, "--data-dir", str(self.data_dir), *database]
        with (self.data_dir / "command.log").open("ab") as log:
            return subprocess.Popen(full, stdout=log, stderr=subprocess.STDOUT, env=self.env)


@contextmanager
def serving(
    data_dir: Path, database_url: str | None, smtp_port: int, port: int
) -> Iterator[Serving]:
    """Start `turnos serve` (not demo: mail by SMTP) on `port`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("TURNOS_")}
    env.update(
        {
            k: v
            for k, v in os.environ.items()
            if k.startswith(("TURNOS_KIOSK_", "TURNOS_CITIZEN_BOOKINGS_"))
        }
    )
    env.update({f"TURNOS_{k.upper()}": str(v) for k, v in mail_settings(smtp_port).items()})
    argv = [sys.executable, "-m", "turnos", "serve", "--port", str(port)]
    argv += ["--data-dir", str(data_dir)]
    if database_url:
        argv += ["--database-url", database_url]
    service = Serving(f"http://127.0.0.1:{port}", data_dir, database_url, env, argv)
    service.start()
    try:
        yield service
    finally:
        service.procs[-1].terminate()
        service.procs[-1].wait(timeout=20)


def latest_code(inbox: Inbox, to: str) -> str:
    [*_, msg] = inbox.wait_for(to)
    body = msg.get_body(preferencelist=("plain",))
    assert body is not None
    found = _CODE.search(str(body.get_content()))
    assert found
    return found.group(1)


def holding_citizens(api: Api, inbox: Inbox, cedulas: list[str]) -> list[tuple[Citizen, str]]:
    """Each citizen verified (code by SMTP) and holding a place: (citizen, hold id)."""
    day = api.today() + dt.timedelta(days=1)
    places: list[str] = []
    while len(places) < len(cedulas):
        for slot in api.slots(171, "CLAVE_PATRONAL", day):
            places += [slot["id"]] * slot["free_places"]
        day += dt.timedelta(days=1)
    held: list[tuple[Citizen, str]] = []
    for cedula, slot_id in zip(cedulas, places, strict=False):
        citizen = Citizen(cedula, new_email(), new_mobile())
        api.lookup(citizen)
        r = api.start_verification(citizen)
        assert r.status_code == 201, r.text
        citizen.verification = r.json()["id"]
        r = api.confirm(citizen, latest_code(inbox, citizen.email))
        assert r.status_code == 200, r.text
        citizen.session = r.json()["session_token"]
        r = api.hold(citizen, slot_id)
        assert r.status_code == 201, r.text
        held.append((citizen, r.json()["id"]))
    return held


def outbox_rows(url: str, kind: str) -> list[models.Outbox]:
    db = Database(url)
    try:
        with db.transaction() as session:
            return list(session.scalars(select(models.Outbox).where(models.Outbox.kind == kind)))
    finally:
        db.dispose()


def poll_until(condition: Callable[[], bool], timeout_s: float, every_s: float = 0.2) -> bool:
    """Check `condition` every `every_s` (the outbox worker polls every second) until it holds."""
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(every_s)
    return True
