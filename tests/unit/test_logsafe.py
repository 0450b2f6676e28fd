"""The personal-data log filter, exercised through real loggers and handlers."""

from __future__ import annotations

import io
import logging
import subprocess
import sys
import uuid
from collections.abc import Iterator

import pytest

from kiosk.logsafe import PersonalDataFilter, install, mask_personal_data, uninstall

CEDULA = "1714307103"
RUC = "1792060346001"
EMAIL = "maria.perez@gmail.com"
CODE = "482913"

# (what is written, what must not survive, what the mask looks like)
CASES = [
    (CEDULA, CEDULA, "17••••••03"),
    ("171430710-3", "171430710", "17••••••03"),
    (RUC, RUC, "17••••••••001"),
    ("1792060346-001", "1792060346", "17••••••••001"),
    (EMAIL, "maria.perez", "m•••@gmail.com"),
    ("0991234678", "1234", "09••••••78"),  # a bare ten digits is masked as an id: shows less
    ("099 123 4678", "123 4", "09•••••678"),
    ("099-123-4678", "123-4", "09•••••678"),
    ("(099) 123-4678", "123-4", "09•••••678"),
    ("+593991234678", "991234", "09•••••678"),
    ("+593 99 123 4678", "123 4", "09•••••678"),
    ("593 99 123 4678", "123 4", "09•••••678"),
    ("593-99-123-4678", "123-4", "09•••••678"),
    ("+593 (0)99 123 4678", "123 4", "09•••••678"),
    ("(02) 234-5678", "234-5", "02•••••678"),
    ("+593 2 234 5678", "234 5", "02•••••678"),
    (CODE, CODE, "••••••"),
]
IDS = [c[0] for c in CASES]


@pytest.fixture
def logged() -> Iterator[tuple[logging.Logger, io.StringIO]]:
    """A private logger (not propagating, so pytest's capture never sees it) writing to a buffer."""
    logger = logging.getLogger(f"test.logsafe.{uuid.uuid4().hex}")
    logger.propagate = False
    logger.setLevel(logging.DEBUG)
    out = io.StringIO()
    handler = logging.StreamHandler(out)
    handler.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
    logger.addHandler(handler)
    install(logger)
    yield logger, out
    uninstall(logger)
    logger.removeHandler(handler)


@pytest.mark.parametrize(("text", "secret", "mask"), CASES, ids=IDS)
def test_in_the_message(
    logged: tuple[logging.Logger, io.StringIO], text: str, secret: str, mask: str
) -> None:
    logger, out = logged
    logger.info(f"citizen wrote {text} at the kiosk")
    written = out.getvalue()
    assert secret not in written
    assert f"citizen wrote {mask} at the kiosk" in written


@pytest.mark.parametrize(("text", "secret", "mask"), CASES, ids=IDS)
def test_in_the_args(
    logged: tuple[logging.Logger, io.StringIO], text: str, secret: str, mask: str
) -> None:
    logger, out = logged
    logger.info("lookup %s failed (%r)", text, {"value": text})
    logger.info("mapping %(value)s", {"value": text})
    written = out.getvalue()
    assert secret not in written
    assert f"lookup {mask} failed ({{'value': '{mask}'}})" in written
    assert f"mapping {mask}" in written


@pytest.mark.expected_log_warnings(r"^ERROR test\.logsafe\.\w+: booking failed$")
@pytest.mark.parametrize(("text", "secret", "mask"), CASES, ids=IDS)
def test_in_the_exception_traceback(
    logged: tuple[logging.Logger, io.StringIO], text: str, secret: str, mask: str
) -> None:
    logger, out = logged

    def lookup(number: str) -> None:
        raise ValueError(f"no citizen with number {number}")

    try:
        try:
            lookup(text)
        except ValueError as error:
            raise RuntimeError(f"booking for {text} aborted") from error
    except RuntimeError:
        logger.exception("booking failed")
    written = out.getvalue()
    assert "Traceback (most recent call last)" in written
    assert "The above exception was the direct cause" in written
    assert secret not in written
    assert f"ValueError: no citizen with number {mask}" in written
    assert f"RuntimeError: booking for {mask} aborted" in written


def test_stack_info_is_masked(logged: tuple[logging.Logger, io.StringIO]) -> None:
    logger, out = logged

    def show_stack() -> None:
        logger.info("here", stack_info=True)  # the stack quotes this line: 1714307103

    show_stack()
    written = out.getvalue()
    assert "Stack (most recent call last)" in written
    assert CEDULA not in written
    assert "17••••••03" in written


@pytest.mark.expected_log_warnings(r"^ERROR test\.logsafe\.\w+: for 17••••••03$")
def test_every_handler_sees_the_masked_record(logged: tuple[logging.Logger, io.StringIO]) -> None:
    logger, first = logged
    second = io.StringIO()
    late = logging.StreamHandler(second)  # added after install(): the logger's filter covers it
    logger.addHandler(late)
    try:
        try:
            raise KeyError(EMAIL)
        except KeyError:
            logger.error("for %s", CEDULA, exc_info=True)
    finally:
        logger.removeHandler(late)
    for out in (first, second):
        assert CEDULA not in out.getvalue()
        assert EMAIL not in out.getvalue()
        assert "m•••@gmail.com" in out.getvalue()


def test_the_record_is_rewritten_in_place() -> None:
    try:
        raise ValueError(CEDULA)
    except ValueError:
        record = logging.LogRecord(
            "x", logging.ERROR, __file__, 1, "code %s for %s", (CODE, EMAIL), sys.exc_info()
        )
    assert PersonalDataFilter().filter(record) is True
    assert record.args is None
    assert record.exc_info is None  # a later formatter cannot render the original exception
    assert record.getMessage() == "code •••••• for m•••@gmail.com"
    assert record.exc_text is not None
    assert CEDULA not in record.exc_text
    assert record.exc_text.endswith("ValueError: 17••••••03")


def test_unformattable_args_are_dropped(logged: tuple[logging.Logger, io.StringIO]) -> None:
    logger, out = logged
    logger.info("%d citizens", CEDULA)  # a wrong format string must not leak the argument
    written = out.getvalue()
    assert "unformattable" in written
    assert CEDULA not in written


def test_ordinary_log_text_is_left_alone() -> None:
    text = (
        "GET /v1/slots?agency=3&date=2024-05-01 200 in 12.5 ms from 127.0.0.1:8080, "
        "request 1b4e28ba-2fa1-11d2-883f-0016d3cca427 at 2024-05-01T10:20:30Z, "
        "agency 17 procedure CLAVE_PATRONAL, 42 free places, turn A-017, version 0.1.0"
    )
    assert mask_personal_data(text) == text


def test_masking_is_idempotent() -> None:
    text = " ".join(c[0] for c in CASES)
    once = mask_personal_data(text)
    assert mask_personal_data(once) == once
    assert not any(secret in once for _, secret, _ in CASES)


def test_install_on_root_covers_records_from_any_logger() -> None:
    root = logging.getLogger()
    out = io.StringIO()
    handler = logging.StreamHandler(out)
    root.addHandler(handler)
    try:
        first = install()
        assert install() is first  # calling twice does not stack filters
        assert sum(isinstance(f, PersonalDataFilter) for f in handler.filters) == 1
        child = logging.getLogger(f"kiosk.test.{uuid.uuid4().hex}")
        child.info("verification code %s sent to %s", CODE, EMAIL)  # propagates to root
    finally:
        uninstall()
        root.removeHandler(handler)
    written = out.getvalue()
    assert "verification code •••••• sent to m•••@gmail.com" in written
    assert CODE not in written
    assert not any(isinstance(f, PersonalDataFilter) for f in handler.filters + root.filters)


def test_module_uses_only_the_standard_library() -> None:
    """Importing the filter loads nothing but the standard library and the masks it shares
    with the screens, so it can be installed before anything else is imported."""
    probe = (
        "import sys; before = set(sys.modules); import kiosk.logsafe; "
        "print('\\n'.join(sorted(set(sys.modules) - before)))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout.split()
    assert "kiosk.logsafe" in loaded
    outside = {
        name
        for name in loaded
        if name.split(".")[0] not in sys.stdlib_module_names and not name.startswith("_")
    }
    assert outside == {"kiosk", "kiosk.domain", "kiosk.domain.masking", "kiosk.logsafe"}
