"""Unit-test set-up: one bounded Hypothesis budget for every property test under tests/unit."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

# 200 examples keeps the property tests to seconds on the shared 2-core machine. No deadline:
# a busy neighbour must not turn a slow example into a failure. No example database: nothing is
# written into the working tree (set HYPOTHESIS_PROFILE=thorough for a longer local run).
settings.register_profile(
    "kiosk",
    max_examples=200,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("thorough", parent=settings.get_profile("kiosk"), max_examples=5000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "kiosk"))
