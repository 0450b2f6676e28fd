"""The log check itself (tests.helpers.logcheck), run on small test files of its own."""

from __future__ import annotations

import pytest

PLUGIN = 'pytest_plugins = ["tests.helpers.logcheck"]\n'

TESTS = """
import logging

import pytest

log = logging.getLogger("sample")


def test_quiet() -> None:
    log.info("all well")


def test_unexpected() -> None:
    log.warning("disk almost full")


@pytest.mark.expected_log_warnings(r"^ERROR sample: printing failed")
def test_expected() -> None:
    log.error("printing failed: paper out")


@pytest.mark.expected_log_warnings(r"^ERROR sample: printing failed")
def test_expected_and_another() -> None:
    log.error("printing failed: paper out")
    log.warning("disk almost full")


@pytest.mark.expected_log_warnings(r"^ERROR sample: printing failed")
def test_expected_never_logged() -> None:
    log.info("printed")


@pytest.mark.expected_log_warnings(r"printing failed", allow=[r"round failed"])
def test_allowed_may_be_absent() -> None:
    log.error("printing failed: paper out")


@pytest.mark.expected_log_warnings(r"printing failed", allow=[r"round failed"])
def test_allowed_may_come() -> None:
    log.error("printing failed: paper out")
    log.warning("outbox round failed: TimeoutError")


@pytest.mark.expected_log_warnings
def test_marker_without_patterns() -> None:
    log.warning("anything at all")
"""


@pytest.fixture
def outcomes(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch, pytestconfig: pytest.Config
) -> dict[str, str]:
    """Each sample test's outcome, from a run in a process of its own (whose log records must
    not reach this test's own log check)."""
    monkeypatch.setenv("PYTHONPATH", str(pytestconfig.rootpath))
    pytester.makeconftest(PLUGIN)
    pytester.makepyfile(test_sample=TESTS)
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "-rA")
    found: dict[str, str] = {}
    for line in result.outlines:
        word, _, rest = line.partition(" test_sample.py::")
        if rest and word in ("PASSED", "FAILED", "ERROR"):
            name = rest.split(" ")[0]
            # A test that passed and then failed in its teardown is listed twice.
            failed = word != "PASSED" or found.get(name) == "failed"
            found[name] = "failed" if failed else "passed"
    return found


def test_only_the_named_warnings_are_let_through(outcomes: dict[str, str]) -> None:
    assert outcomes == {
        "test_quiet": "passed",
        "test_unexpected": "failed",
        "test_expected": "passed",
        "test_expected_and_another": "failed",  # the marker lets one warning through, not all
        "test_expected_never_logged": "failed",  # a stale marker
        "test_allowed_may_be_absent": "passed",
        "test_allowed_may_come": "passed",
        "test_marker_without_patterns": "failed",  # never a switch that turns the check off
    }
