"""The counter without the turn service, and when it comes back.

A service of its own, stopped and started again on the same data and port (an outage and a
return). While it is away the counter checks slips with the keys it kept on disk, queues the
check-ins on disk and says so; when it answers again the queue is sent by itself, each
check-in reaching the service once, recorded at the moment of its scan.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from kiosk.staff.verdict import Answer
from tests.service.helpers import Api
from tests.staff.conftest import AGENCY, book, day_with, slot_start
from turnos.clock import MovableClock
from turnos.embedded import EmbeddedService, start_embedded

ZONE = ZoneInfo("America/Guayaquil")


class Outage:
    """A turn service that can be stopped and started again on the same data and port."""

    def __init__(self, data: Path, clock: MovableClock) -> None:
        self.data, self.clock = data, clock
        self.service: EmbeddedService | None = start_embedded(data, demo=True, clock=clock)
        self.url = self.service.url
        self.port = int(self.url.rsplit(":", 1)[1])
        self.credentials = self.service.credentials

    def stop(self) -> None:
        assert self.service is not None
        self.service.stop()
        self.service = None

    def start(self) -> None:
        self.service = start_embedded(self.data, demo=True, clock=self.clock, port=self.port)

    def api(self) -> Api:
        assert self.service is not None
        return Api(self.url, self.credentials, self.service.outbox, self.clock)


@pytest.fixture
def outage(tmp_path: Path, staff_clock: MovableClock) -> Iterator[Outage]:
    service = Outage(tmp_path / "service", staff_clock)
    try:
        yield service
    finally:
        if service.service is not None:
            service.stop()


def hhmm(epoch: int) -> str:
    return dt.datetime.fromtimestamp(epoch, ZONE).strftime("%H:%M")


def run(clerk: Any, coro: Any) -> Any:
    future = asyncio.ensure_future(coro)
    clerk.qtbot.waitUntil(future.done, timeout=10_000)
    return future.result()


@pytest.mark.slow
def test_offline_slips_are_queued_and_reach_the_service_once_when_it_is_back(
    make_counter: Any, outage: Outage, staff_clock: MovableClock, tmp_path: Path
) -> None:
    api = outage.api()
    _day, slots = day_with(api, 4)
    a, b = book(api, slots[1]), book(api, slots[2])
    staff_clock.set(slot_start(slots[1]) - 600)
    token = outage.credentials["staff_tokens"][str(AGENCY)]
    keys_file = tmp_path / "counter" / "keys.json"
    queue = tmp_path / "counter" / "queue"

    # Online first: the keys are fetched and kept on disk.
    first = make_counter(outage.url, token, keys_file=keys_file, queue_dir=tmp_path / "q1")
    assert first.desk.connection.online
    assert keys_file.is_file()

    outage.stop()
    # A counter started during the outage checks slips with the keys kept on disk.
    clerk = make_counter(outage.url, token, keys_file=keys_file, queue_dir=queue, retry_s=0.3)
    offline_since = staff_clock.now()
    assert clerk.desk.connection.online is False
    assert f"Sin conexión desde las {hhmm(offline_since)}" in clerk.window.status.text()

    scanned = {}
    for turn in (a, b):
        scanned[turn.code] = staff_clock.now()
        clerk.scan(turn.token)
        outcome = clerk.answer()
        assert outcome.answer is Answer.CHECKED_IN
        assert outcome.offline
        assert outcome.queued
        seen = clerk.visible_text()
        assert "Llegada registrada" in seen
        assert "Verificado sin conexión" in seen
        assert turn.booking["masked_id"] in seen  # from the slip itself
        staff_clock.advance(90)  # the next citizen a minute and a half later
    assert len(list(queue.glob("*.json"))) == 2
    assert "2 registros por enviar" in clerk.window.status.text()
    assert clerk.sounds.played == ["accept", "accept"]

    clerk.scan(a.token)
    again = clerk.answer()
    assert again.answer is Answer.ALREADY_CHECKED_IN
    assert again.offline
    assert f"Ya registrado a las {hhmm(scanned[a.code])} (sin conexión)" in clerk.visible_text()
    assert len(list(queue.glob("*.json"))) == 2  # queued once

    clerk.type("Código del turno", b.code)
    clerk.type("Número de documento", b.citizen.cedula)
    clerk.click("Registrar")
    clerk.answer()
    assert "Se necesita conexión" in clerk.visible_text()
    assert "check_in_queued" not in clerk.counter.client.calls

    # The service comes back: the counter notices by itself and sends what waits.
    staff_clock.advance(300)
    outage.start()
    clerk.qtbot.waitUntil(lambda: not list(queue.glob("*.json")), timeout=10_000)
    clerk.qtbot.waitUntil(lambda: clerk.desk.connection.online is True, timeout=10_000)
    clerk.settle()
    assert clerk.counter.client.calls.count("check_in_queued") == 2
    listed = {
        item["code"]: item
        for item in outage.api()
        .call("GET", f"/v1/agencies/{AGENCY}/bookings", headers=api.staff(AGENCY))
        .json()["bookings"]
    }
    for turn in (a, b):
        state = listed[turn.code]
        assert state["state"] == "checked_in"
        at = dt.datetime.fromisoformat(state["checked_in_at"])
        assert int(at.timestamp()) == scanned[turn.code]  # when it was scanned, not sent
    assert run(clerk, clerk.desk.flush()) == []  # nothing left to send
    assert clerk.counter.client.calls.count("check_in_queued") == 2
    assert "por enviar" not in clerk.window.status.text()
    assert clerk.window.status.text().startswith("● En línea")

    # The slip again: the service itself says when it was checked in.
    clerk.scan(a.token)
    later = clerk.answer()
    assert later.answer is Answer.ALREADY_CHECKED_IN
    assert not later.offline
    assert f"Ya registrado a las {hhmm(scanned[a.code])}" in clerk.visible_text()
    assert "(sin conexión)" not in clerk.visible_text()
