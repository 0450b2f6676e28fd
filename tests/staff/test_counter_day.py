"""The agency's turns of today beside the answer: states in words, counts, filters, and the
list following the check-ins made at the counter without being asked."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt

from kiosk.staff.verdict import Answer
from tests.service.helpers import Api
from tests.staff.conftest import AGENCY, ELSEWHERE, book, day_with, free_slots, slot_start
from turnos.clock import MovableClock
from turnos.embedded import EmbeddedService

ZONE = ZoneInfo("America/Guayaquil")


def rows(clerk: Any) -> list[list[str]]:
    """The table as the clerk reads it (the filtered rows, every column)."""
    model = clerk.window.day.table.model()
    return [
        [str(model.data(model.index(r, c))) for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def counts(clerk: Any) -> list[int]:
    return [int(label.text()) for label in clerk.window.day.count_values]


def test_the_days_turns_with_their_states_counts_and_filters(
    make_counter: Any, staff_service: EmbeddedService, staff_api: Api, staff_clock: MovableClock
) -> None:
    day, slots = day_with(staff_api, 8)
    missed, arriving, later = slots[0], slots[4], slots[-1]
    assert slot_start(arriving) - slot_start(missed) >= 3600
    gone = book(staff_api, missed)
    here = book(staff_api, arriving)
    cancelled = book(staff_api, slots[5])
    waiting = book(staff_api, later)
    book(staff_api, free_slots(staff_api, ELSEWHERE, day)[0])  # another agency's: not listed
    r = staff_api.call(
        "DELETE",
        f"/v1/bookings/{cancelled.booking['id']}",
        headers=staff_api.as_citizen(cancelled.citizen),
    )
    assert r.status_code == 204
    staff_clock.set(here.start - 600)

    clerk = make_counter(staff_service.url, staff_service.credentials["staff_tokens"][str(AGENCY)])
    assert counts(clerk) == [4, 2, 0, 1, 1]  # total, waiting, checked in, no-show, cancelled
    assert "Lista actualizada a las" in clerk.visible_text()

    clerk.scan(here.token)
    assert clerk.answer().answer is Answer.CHECKED_IN
    clerk.qtbot.waitUntil(lambda: counts(clerk) == [4, 1, 1, 1, 1])  # by itself
    at = dt.datetime.fromtimestamp(staff_clock.now(), ZONE).strftime("%H:%M")
    states = {row[1]: row[2] for row in rows(clerk)}
    assert states == {
        gone.code: "No se presentó",
        here.code: f"Registrado {at}",
        cancelled.code: "Cancelado",
        waiting.code: "Por llegar",
    }
    for row in rows(clerk):
        assert row[3]
        assert "•" in row[3]

    # Search by code, typed as a person types.
    clerk.press(Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    search = clerk.window.focusWidget()
    assert search is clerk.window.day.search
    from PySide6.QtTest import QTest

    clerk.scan_clock.step = 150.0
    QTest.keyClicks(search, here.code.lower())
    clerk.qtbot.waitUntil(lambda: not clerk.counter.scanner.busy)
    assert [row[1] for row in rows(clerk)] == [here.code]
    search.clear()
    # ...or by a part of a masked name.
    first_name = here.booking["masked_name"].split()[0]
    search.setText(first_name)
    assert here.code in [row[1] for row in rows(clerk)]
    search.clear()

    # The state filter, from the keyboard: Tab to it, arrows to "No se presentaron".
    clerk.press(Qt.Key.Key_Tab)
    combo = clerk.window.focusWidget()
    assert combo is clerk.window.day.state
    while combo.currentText() != "No se presentaron":
        clerk.press(Qt.Key.Key_Down)
    assert [row[1] for row in rows(clerk)] == [gone.code]
    while combo.currentText() != "Registrados":
        clerk.press(Qt.Key.Key_Up)
    assert [row[1] for row in rows(clerk)] == [here.code]
