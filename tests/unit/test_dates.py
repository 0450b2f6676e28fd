"""Dates in words, independent of the machine's locale."""

from __future__ import annotations

import datetime as dt

from kiosk.domain.dates import written_date
from kiosk.domain.models import Language


def test_spanish_and_english() -> None:
    day = dt.date(2026, 11, 30)
    assert written_date(day, Language.ES) == "lunes 30 de noviembre de 2026"
    assert written_date(day, "en") == "Monday 30 November 2026"


def test_every_weekday_and_month_has_its_word() -> None:
    sunday = dt.date(2026, 3, 1)
    assert written_date(sunday, "es") == "domingo 1 de marzo de 2026"
    assert written_date(dt.date(2026, 9, 16), "es") == "miércoles 16 de septiembre de 2026"
    assert written_date(dt.date(2026, 12, 26), "en") == "Saturday 26 December 2026"
