"""Shared test set-up: strict about warnings in the log, like qutebrowser's logfail."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator

import pytest

pytest_plugins = ["tests.helpers.live_turnos", "tests.helpers.scripted_http"]

# Qt never opens a window during tests.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


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
