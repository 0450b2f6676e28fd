"""The screen's date words come from the same list as the slip's and the service's
(kiosk.domain.dates), translated through Qt with the kiosk's own catalogues."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from kiosk.domain.dates import DAY_NAMES, MONTH_NAMES, written_date
from kiosk.domain.models import Language
from kiosk.ui.date_words import DateWords

# A week of days (every weekday) spread over every month of a year.
DAYS = [dt.date(2026, 1, 5) + dt.timedelta(days=31 * i + i % 7) for i in range(12)]


@pytest.fixture
def english(compiled_translations: Path, qapp: QCoreApplication) -> Iterator[None]:
    translator = QTranslator()
    assert translator.load(str(compiled_translations / "kiosk_en.qm"))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


def _say(words: DateWords) -> tuple[list[str], list[str], list[str]]:
    months = [words.month(n) for n in range(1, 13)]
    weekdays = [words.weekday(n) for n in range(1, 8)]
    dates = [words.long_date(day) for day in DAYS]
    return months, weekdays, dates


def test_spanish_on_screen_is_the_domains_spanish(qapp: QCoreApplication) -> None:
    months, weekdays, dates = _say(DateWords())
    assert months == list(MONTH_NAMES[Language.ES])
    assert weekdays == list(DAY_NAMES[Language.ES])
    assert dates == [written_date(day, Language.ES) for day in DAYS]
    assert {day.isoweekday() for day in DAYS} == set(range(1, 8))
    assert {day.month for day in DAYS} == set(range(1, 13))


def test_english_on_screen_is_the_slips_english(english: None) -> None:
    """The kiosk's English catalogue gives every name exactly as the slip and the e-mails
    write it: a citizen reads one date on the screen and on paper."""
    months, weekdays, dates = _say(DateWords())
    assert months == list(MONTH_NAMES[Language.EN])
    assert weekdays == list(DAY_NAMES[Language.EN])
    assert dates == [written_date(day, Language.EN) for day in DAYS]
    assert DateWords().month_title(2026, 12) == "December 2026"
    assert DateWords().weekday_initials() == ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"]
