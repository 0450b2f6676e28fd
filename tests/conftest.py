"""Shared test set-up: strict about warnings in the log (`tests.helpers.logcheck`, like
qutebrowser's logfail), the test services, and no window opened."""

from __future__ import annotations

import os

pytest_plugins = [
    "tests.helpers.logcheck",
    "tests.helpers.live_turnos",
    "tests.helpers.scripted_http",
    "pytester",  # tests.test_logcheck runs the log check on small test files
]

# Qt never opens a window during tests.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Spoken guidance on Qt's silent mock engine: no speech-dispatcher daemon in the tests
# (tests/ui/test_speech.py starts a private one where the real engine is the point).
os.environ.setdefault("KIOSK_SPEECH_ENGINE", "mock")

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
