"""Dates and hours written out without the OS locale; QR sizing in whole dots."""

from __future__ import annotations

import datetime as dt
import locale
from zoneinfo import ZoneInfo

import pytest

from kiosk.domain.models import Language, OpeningHours
from kiosk.domain.qr_matrix import encode_qr
from kiosk.printing.paper import Paper, cups_page_size, parse_paper
from kiosk.printing.qr import dots_per_module, qr_image
from kiosk.printing.texts import format_appointment, format_hours

GYE = ZoneInfo("America/Guayaquil")


def test_appointment_in_spanish_and_english_whatever_the_locale() -> None:
    start = dt.datetime(2026, 11, 30, 9, 30, tzinfo=GYE)
    previous = locale.setlocale(locale.LC_TIME)
    try:
        locale.setlocale(locale.LC_TIME, "C")
        es = format_appointment(start, "America/Guayaquil", Language.ES)
        en = format_appointment(start, "America/Guayaquil", Language.EN)
    finally:
        locale.setlocale(locale.LC_TIME, previous)
    assert es == "lunes 30 de noviembre de 2026, 09:30"
    assert en == "Monday 30 November 2026, 09:30"


def test_appointment_is_shown_in_the_agencys_zone_and_names_galapagos() -> None:
    utc = dt.datetime(2026, 3, 7, 15, 0, tzinfo=dt.UTC)
    assert format_appointment(utc, "Pacific/Galapagos", Language.ES) == (
        "sábado 7 de marzo de 2026, 09:00 (hora de Galápagos, UTC−6)"
    )
    assert format_appointment(utc, "Pacific/Galapagos", Language.EN) == (
        "Saturday 7 March 2026, 09:00 (Galápagos time, UTC−6)"
    )
    assert format_appointment(utc, "America/Guayaquil", Language.ES).endswith(", 10:00")


@pytest.mark.parametrize(
    ("weekdays", "es", "en"),
    [
        ((1, 2, 3, 4, 5), "lunes a viernes, 08:00 a 17:00", "Monday to Friday, 08:00 to 17:00"),
        ((6,), "sábado, 08:00 a 17:00", "Saturday, 08:00 to 17:00"),
        ((1, 3, 5), "lunes, miércoles y viernes, 08:00 a 17:00",
         "Monday, Wednesday and Friday, 08:00 to 17:00"),
        ((6, 7), "sábado y domingo, 08:00 a 17:00", "Saturday and Sunday, 08:00 to 17:00"),
    ],
)  # fmt: skip
def test_hours(weekdays: tuple[int, ...], es: str, en: str) -> None:
    line = OpeningHours(weekdays, dt.time(8), dt.time(17))
    assert (format_hours(line, Language.ES), format_hours(line, Language.EN)) == (es, en)


def test_qr_uses_level_q_and_a_four_module_quiet_zone() -> None:
    code = encode_qr("TRN1:ABC")
    assert code.size == 21 + 8  # version 1 at level Q holds 16 alphanumerics
    assert not any(code.modules[0])
    assert not any(row[3] for row in code.modules)
    assert code.modules[4][4]  # the finder pattern starts right after the quiet zone


def test_module_size_is_whole_dots_never_under_four() -> None:
    code = encode_qr("TRN1:" + "A" * 250)  # 65 modules with the quiet zone: version 11
    assert dots_per_module(code, max_width_dots=576, target_width_dots=320) == 5
    assert dots_per_module(code, max_width_dots=300, target_width_dots=100) == 4
    with pytest.raises(ValueError, match="dots"):
        dots_per_module(code, max_width_dots=code.size * 4 - 1, target_width_dots=100)
    image = qr_image(code, 5)
    assert image.size == (code.size * 5, code.size * 5)
    assert image.mode == "1"


def test_paper_values_and_cups_sizes() -> None:
    assert parse_paper(" A4 ") is Paper.A4
    with pytest.raises(ValueError, match="80mm, 58mm, a4, letter"):
        parse_paper("legal")
    assert cups_page_size(Paper.ROLL_58, 283.46) == "Custom.58x100.0mm"
