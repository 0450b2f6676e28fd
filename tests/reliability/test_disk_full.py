"""Disk full: the kiosk's log on a full file system (a 64 KiB tmpfs filled to the last byte,
and a log stream on /dev/full), and the counter app's offline check-in queue with ENOSPC.

The kiosk books a whole turn as if nothing were wrong and shows the citizen nothing about it;
the log says once, on stderr, that it cannot write. The queue refuses the check-in with the
disk's error (for the counter to tell the clerk) and leaves nothing half-written behind.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.app import file_log_handler, stream_log_handler
from kiosk.domain.flow import Step
from kiosk.staff.checkin_queue import CheckinQueue
from tests.helpers.screen_text import seen_text
from tests.reliability.conftest import fill
from tests.service.helpers import new_cedula, new_email, new_mobile
from tests.ui.conftest import KioskDriver
from turnos.embedded import EmbeddedService


@pytest.mark.slow
def test_the_kiosk_books_as_usual_with_its_log_on_a_full_disk(
    reliable_kiosk: Callable[..., tuple[Any, KioskDriver]],
    turnos_service: EmbeddedService,
    tiny_disk: Path,
    capfd: pytest.CaptureFixture[str],
) -> None:
    log_file = tiny_disk / "kiosk.log"
    to_file = file_log_handler(log_file)
    # Unbuffered: every record meets the full device at once, nothing is left for close().
    full_stream = io.TextIOWrapper(io.FileIO("/dev/full", "w"), write_through=True)
    to_full = stream_log_handler(full_stream)  # the kiosk's stderr log, on a full device
    root = logging.getLogger()
    root.addHandler(to_file)
    root.addHandler(to_full)
    try:
        fill(tiny_disk)
        kiosk, driver = reliable_kiosk(
            turnos_service.url, turnos_service.credentials["kiosk_token"], turnos_service.outbox
        )
        driver.to_review(new_cedula(), new_email(), new_mobile())
        driver.next()  # Confirmar
        driver.at(Step.DONE)
        assert kiosk.controller.flow.draft.confirmation is not None
        assert not kiosk.controller.print_failed
        # Nothing said to the citizen about it: no error screen, no out of service.
        assert not kiosk.shell.error.isVisible()
        assert not kiosk.shell.out_of_service.isVisible()
        assert not any("error" in text.lower() for text in seen_text(kiosk.shell))
    finally:
        root.removeHandler(to_file)
        root.removeHandler(to_full)
        to_file.close()
        full_stream.close()
    err = capfd.readouterr().err
    # Each log says it once, and why; no traceback for every record.
    assert err.count(f"kiosk: cannot write the log {log_file}: No space left on device") == 1
    assert err.count("kiosk: cannot write the log /dev/full: No space left on device") == 1
    assert "Traceback" not in err
    assert log_file.stat().st_size < 64 * 1024


@pytest.mark.expected_log_warnings(r"^ERROR kiosk\.staff\.checkin_queue: check-in not queued: ")
def test_the_offline_queue_on_a_full_disk_refuses_and_leaves_nothing_half_written(
    tiny_disk: Path,
) -> None:
    folder = tiny_disk / "checkins"
    queue = CheckinQueue(folder)
    assert queue.add(b"booking-1", "TURNO:first-token", 1_700_000_000)
    fill(tiny_disk)
    with pytest.raises(OSError, match="No space left on device"):
        queue.add(b"booking-2", "TURNO:" + "x" * 8000, 1_700_000_100)
    # Only the first check-in is there, whole; no temporary file left.
    assert [q.token for q in queue.pending()] == ["TURNO:first-token"]
    assert sorted(p.name for p in folder.iterdir() if not p.name.startswith(".lock")) == [
        q.key + ".json" for q in queue.pending()
    ]
    assert queue.get(b"booking-2") is None
    # Room again: the same slip queues and the queue sends both.
    for filler in tiny_disk.glob("filler*"):
        filler.unlink()
    assert queue.add(b"booking-2", "TURNO:second-token", 1_700_000_100)
    sent = queue.flush(lambda queued: "checked_in")
    assert [s.queued.token for s in sent] == ["TURNO:first-token", "TURNO:second-token"]
    assert queue.pending() == []


@pytest.mark.slow
@pytest.mark.expected_log_warnings(
    r"^ERROR kiosk\.staff\.checkin_queue: check-in not queued: ", allow=[r"counter", r"turn"]
)
def test_the_clerk_is_told_when_an_offline_check_in_cannot_be_queued(
    qtbot: QtBot,
    qloop: Any,
    compiled_translations: Path,
    turnos_service: EmbeddedService,
    tiny_disk: Path,
    tmp_path: Path,
) -> None:
    from kiosk.config import KioskSettings
    from kiosk.staff.app import assemble_staff
    from kiosk.staff.outcome import Notice, Outcome
    from kiosk.tour import LinkSwitch
    from tests.service.helpers import Api
    from tests.staff.conftest import RecordingSounds

    api = Api(turnos_service.url, turnos_service.credentials, turnos_service.outbox)
    # the first open day ahead (a Friday's next day is closed)
    days = (api.today() + dt.timedelta(days=n) for n in range(1, 15))
    slot = next(s for d in days for s in api.slots(171, "CLAVE_PATRONAL", d) if s["free_places"])
    done = api.booked(api.verified_citizen(), slot["id"])
    start = dt.datetime.fromisoformat(done["booking"]["start"]).timestamp()
    link = LinkSwitch.to_url(turnos_service.url)
    link.connect()
    settings = KioskSettings.model_validate(
        {
            "service": {"url": link.url, "timeout_s": 3},
            "staff": {
                "token": turnos_service.credentials["staff_tokens"]["171"],
                "agency_id": 171,
                "keys_file": tmp_path / "keys.json",
                "queue_dir": tiny_disk / "queue",
            },
        }
    )
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    counter = assemble_staff(
        settings,
        app,
        now=lambda: start - 300,  # the turn is due
        sounds=RecordingSounds(),
        camera=(None, None),
        translations=compiled_translations,
    )
    answers: list[Outcome] = []
    counter.desk.answered.connect(answers.append)
    try:
        counter.desk.start()
        qtbot.waitUntil(lambda: not counter.desk.busy, timeout=10000)
        link.cut()  # the network goes; the counter checks slips offline
        fill(tiny_disk)
        counter.desk.feed_token_text(done["token"], "scanner")
        qtbot.waitUntil(lambda: not counter.desk.busy, timeout=10000)
        assert not list((tiny_disk / "queue").glob(".queued-*"))  # nothing half-written
        # The clerk is told: an answer, and not "checked in".
        assert len(answers) == 1
        assert not answers[0].queued
        assert answers[0].notice is Notice.NOT_QUEUED
    finally:
        counter.close()
        link.cut()
