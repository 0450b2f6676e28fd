"""SIGKILL during verification codes and closure notices: none is lost, none is sent twice.

A real `turnos serve` process (mail by SMTP to a real aiosmtpd inbox that takes a moment per
message) is killed with SIGKILL while it is handing messages over, and started again on the same
database:

- Codes: clients fire a burst of `POST /v1/verifications`; the service is killed while a code is
  being handed over. A request killed after its commit leaves its code to the outbox worker of a
  later process once the lease has run out (the client asking again is refused
  `429 rate_limited`: the code it asked for is on its way). A code whose hand-over *fails* is given
  up on purpose (tests/service/test_outbox.py); a killed one is not.
- Closure notices: `turnos closures add` commits the cancellations with their notices and hands
  them over itself; only what it does not hand over (it died, or a hand-over failed) is sent by a
  serving process's outbox worker. The command is killed during its first hand-over, so every
  notice is left to that worker; the service is killed again while its worker hands them over.

Afterwards every citizen has exactly one code and every cancelled turn exactly one notice, by
Message-ID (a hand-over repeated after a kill carries the row's Message-ID again), and every row
is `sent` with its payload emptied.
"""

from __future__ import annotations

import random
import signal
import threading
import time
from pathlib import Path

import requests
from sqlalchemy import select

from tests.service.helpers import Api, Citizen, free_port, new_cedula, new_email, new_mobile
from tests.service.outbox_helpers import (
    MESSAGE_ID,
    SlowInbox,
    holding_citizens,
    mail_settings,
    outbox_rows,
    poll_until,
    prepare_database,
    serving,
)
from turnos import models
from turnos.db import Database
from turnos.services import outbox
from turnos.settings import Settings

CLOSED = 4  # booked turns the closure cancels
ASKING = 8  # citizens asking for a code in the burst
CLIENTS = 4
BURST_KILLS = 2
# Long enough for a kill to land inside a hand-over, well under the SMTP timeout (2 s).
DATA_DELAY_S = 0.5


def _ask_for_code(api: Api, citizen: Citizen) -> str:
    """Ask for a code until the service answers (it may be dead or starting): '201', or the
    refusal's status and code."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if not citizen.ref:
                api.lookup(citizen)
            r = api.start_verification(citizen)
        except requests.RequestException:
            time.sleep(0.1)  # killed mid-request: ask again once another process serves
            continue
        if r.status_code == 201:
            return "201"
        return f"{r.status_code} {r.json().get('code')}"
    return "no answer"


def _burst(api: Api, citizens: list[Citizen]) -> tuple[list[threading.Thread], dict[str, str]]:
    """Clients asking for the citizens' codes, started; their answers by email."""
    answers: dict[str, str] = {}
    work = iter(citizens)
    lock = threading.Lock()

    def client() -> None:
        mine = Api(api.url, api.credentials, None)
        while True:
            with lock:
                citizen = next(work, None)
            if citizen is None:
                return
            answers[citizen.email] = _ask_for_code(mine, citizen)

    clients = [threading.Thread(target=client) for _ in range(CLIENTS)]
    for t in clients:
        t.start()
    return clients, answers


def _message_ids(inbox: SlowInbox, kind: str) -> dict[str, set[str]]:
    """The distinct Message-IDs of `kind` that reached each address."""
    found: dict[str, set[str]] = {}
    for m in inbox.of_kind(kind):
        found.setdefault(str(m["To"]), set()).add(str(m["Message-ID"]))
    return found


def test_sigkill_during_codes_and_closure_notices_loses_none_and_sends_none_twice(
    tmp_path: Path, slow_inbox: tuple[SlowInbox, int], fresh_database: str | None
) -> None:
    inbox, smtp_port = slow_inbox
    closed = [new_cedula() for _ in range(CLOSED)]
    asking = [Citizen(new_cedula(), new_email(), new_mobile()) for _ in range(ASKING)]
    credentials = prepare_database(
        tmp_path, fresh_database, smtp_port, closed + [c.cedula for c in asking]
    )
    lease = outbox.lease_s(Settings(**mail_settings(smtp_port)))
    rng = random.Random()
    with serving(tmp_path, fresh_database, smtp_port, free_port()) as service:
        api = Api(service.url, credentials, outbox=None)
        days: list[str] = []
        booked: list[Citizen] = []
        for citizen, hold_id in holding_citizens(api, inbox, closed):
            r = api.book(citizen, hold_id)
            assert r.status_code == 201, r.text
            days.append(r.json()["booking"]["start"][:10])
            booked.append(citizen)
        inbox.delay_s = DATA_DELAY_S

        # The closure's command commits, starts handing over its first notice and is killed.
        command = service.command(
            "closures", "add", "--agency", "171", "--from", min(days), "--to", max(days),
            "--reason", "Cierre de prueba",
        )  # fmt: skip
        inbox.wait_until(lambda: inbox.started["cancellation"] > 0)
        command.send_signal(signal.SIGKILL)
        assert command.wait(timeout=20) == -signal.SIGKILL, (tmp_path / "command.log").read_text()
        handed_by_command = inbox.started["cancellation"]

        # The burst of codes; the service is killed while one is being handed over.
        clients, answers = _burst(api, asking)
        for _ in range(BURST_KILLS):
            target = len(inbox.of_kind("verification")) + rng.randint(0, 2)

            def mid_code(arrived: int = target) -> bool:
                codes = len(inbox.of_kind("verification"))
                return codes >= arrived and inbox.receiving["verification"] > 0

            inbox.wait_until(mid_code)
            service.kill_and_restart()
        for t in clients:
            t.join(timeout=120)
        assert sorted(answers) == sorted(c.email for c in asking)
        assert set(answers.values()) <= {"201", "429 rate_limited"}, answers

        # Once the command's lease has run out, the serving process's worker hands its notices
        # over: killed in the middle of that too (the burst takes less than that lease).
        inbox.wait_until(
            lambda: inbox.started["cancellation"] > handed_by_command, timeout_s=lease + 15
        )
        service.kill_and_restart()
        inbox.delay_s = 0.05  # the rest may go quickly

        url = service.effective_database_url
        everyone = [c.email for c in booked + asking]

        def settled() -> bool:
            codes, notices = outbox_rows(url, "verification"), outbox_rows(url, "cancellation")
            sent = all(r.state == outbox.SENT for r in codes + notices)
            arrived = set().union(*_message_ids(inbox, "verification").values())
            arrived |= set().union(*_message_ids(inbox, "cancellation").values())
            expected = {outbox.message_id(r.id) for r in codes + notices}
            return sent and len(codes) == len(everyone) and expected <= arrived

        assert poll_until(settled, 2 * lease + 15)

    codes, notices = outbox_rows(url, "verification"), outbox_rows(url, "cancellation")
    # One code per citizen (a retry after a committed request is refused, not sent again), one
    # notice per cancelled turn; every one handed over, its payload gone.
    assert (len(codes), len(notices)) == (len(everyone), CLOSED)
    for row in codes + notices:
        assert (row.state, row.payload) == (outbox.SENT, None)
        assert row.sent_at is not None
    # Exactly once by Message-ID: each address has one per kind, its row's.
    expected_ids: dict[str, tuple[list[str], list[models.Outbox]]] = {
        "verification": (everyone, codes),
        "cancellation": ([c.email for c in booked], notices),
    }
    for kind, (addresses, rows) in expected_ids.items():
        ids = _message_ids(inbox, kind)
        assert sorted(ids) == sorted(addresses), kind
        assert all(len(found) == 1 for found in ids.values()), ids
        assert set().union(*ids.values()) == {outbox.message_id(r.id) for r in rows}
        assert all(MESSAGE_ID.match(i) for found in ids.values() for i in found)
    # The command died before marking any notice: all were sent by a serving process, after the
    # lease. Each burst kill interrupted a code's hand-over, which a later process sent.
    assert all(r.sent_at is not None and r.sent_at >= r.created_at + lease for r in notices)
    late = [r for r in codes if r.sent_at is not None and r.sent_at >= r.created_at + lease]
    assert late, "no kill interrupted a code's hand-over"
    assert _bookings_left_active(url) == 0


def _bookings_left_active(url: str) -> int:
    db = Database(url)
    try:
        with db.transaction() as session:
            states = session.scalars(select(models.Booking.state)).all()
            return sum(state == models.ACTIVE for state in states)
    finally:
        db.dispose()
