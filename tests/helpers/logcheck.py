"""Fails a test that leaves a WARNING or worse in the log, as qutebrowser's logfail does.

A test that provokes warnings on purpose names them: `@pytest.mark.expected_log_warnings(
r"pattern", ..., allow=[...])`. Each pattern is a regular expression searched in
"LEVEL logger: message"; every pattern must match a record (a warning the test no longer
provokes is a stale marker), `allow` patterns may match records that can come or not, and any
other warning still fails the test.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator

import pytest

MARKER = "expected_log_warnings"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        f"{MARKER}(*patterns, allow=()): the WARNING records the test provokes on purpose "
        "(regular expressions searched in 'LEVEL logger: message'; see tests.helpers.logcheck)",
    )


def _log_line(record: logging.LogRecord) -> str:
    return f"{record.levelname} {record.name}: {record.getMessage()}"


def _log_expectations(
    request: pytest.FixtureRequest,
) -> tuple[list[re.Pattern[str]], list[re.Pattern[str]]]:
    """The warnings the test's markers say must come, and those they let come."""
    marks = list(request.node.iter_markers(MARKER))
    expected = [re.compile(p) for mark in marks for p in mark.args]
    allowed = [re.compile(p) for mark in marks for p in mark.kwargs.get("allow", ())]
    if marks and not expected:
        pytest.fail(
            f"{MARKER} needs the patterns of the warnings the test provokes",
            pytrace=False,
        )
    return expected, allowed


@pytest.fixture(autouse=True)
def _fail_on_logged_warnings(
    request: pytest.FixtureRequest, caplog: pytest.LogCaptureFixture
) -> Iterator[None]:
    """A WARNING or worse in the log fails the test that caused it, unless the test's
    marker names it; a warning the marker names that never came fails it too."""
    caplog.set_level(logging.INFO)
    expected, allowed = _log_expectations(request)
    yield
    lines = [
        _log_line(r)
        for when in ("setup", "call")
        for r in caplog.get_records(when)
        if r.levelno >= logging.WARNING
    ]
    unexpected = [line for line in lines if not any(p.search(line) for p in expected + allowed)]
    missing = [p.pattern for p in expected if not any(p.search(line) for line in lines)]
    problems = []
    if unexpected:
        problems.append("unexpected warnings in the log:\n" + "\n".join(unexpected))
    if missing:
        problems.append("expected warnings never logged: " + ", ".join(missing))
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)
