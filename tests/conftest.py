"""Shared test set-up: strict about warnings in the log, like qutebrowser's logfail."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator

import pytest

pytest_plugins = ["tests.helpers.live_turnos", "tests.helpers.scripted_http"]

# Qt never opens a window during tests.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# The fair-share limits (one kiosk token serving one person at a time, 2 bookings a day per
# citizen) are far below what a test session asks of its shared services; tests of the limits
# set their own on the service they start (Settings arguments win over the environment).
for _name in (
    "CITIZEN_BOOKINGS_PER_DAY",
    "CITIZEN_BOOKINGS_PER_WEEK",
    "CITIZEN_BOOKINGS_PER_MONTH",
    "KIOSK_BOOKINGS_BURST",
    "KIOSK_EMAIL_SENDS_BURST",
    "KIOSK_SMS_SENDS_BURST",
    "KIOSK_LOOKUPS_BURST",
):
    os.environ.setdefault(f"TURNOS_{_name}", "1000000")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "expected_log_warnings: the test provokes WARNING records in the log on purpose",
    )


@pytest.fixture(autouse=True)
def _fail_on_logged_warnings(
    request: pytest.FixtureRequest, caplog: pytest.LogCaptureFixture
) -> Iterator[None]:
    """An unexpected WARNING or worse in the log fails the test that caused it."""
    caplog.set_level(logging.INFO)
    yield
    if request.node.get_closest_marker("expected_log_warnings"):
        return
    bad = [
        r
        for when in ("setup", "call")
        for r in caplog.get_records(when)
        if r.levelno >= logging.WARNING
    ]
    if bad:
        lines = "\n".join(f"{r.levelname} {r.name}: {r.getMessage()}" for r in bad)
        pytest.fail(f"unexpected warnings in the log:\n{lines}", pytrace=False)
