"""However `kiosk demo` ends, its temporary data (the service's keys, database and messages)
goes with it: a real process, stopped by SIGTERM or Ctrl+C (SIGINT), or failing at start-up.

The demo prints `kiosk demo: temporary data in DIR` first and `kiosk demo: running` once its Qt
loop turns; DIR is made under $TMPDIR, which each test points at its own folder.
"""

from __future__ import annotations

import os
import re
import selectors
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from kiosk.demo import DATA_PREFIX, add_quit_keys

REPO = Path(__file__).resolve().parents[2]
START_S = 60.0  # a cold start migrates a database and imports Qt: slow on a loaded CI machine
EXIT_S = 10.0

pytestmark = pytest.mark.slow


def _demo(tmp_path: Path, **env: str) -> subprocess.Popen[str]:
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("KIOSK_", "TURNOS_"))}
    environ.update(QT_QPA_PLATFORM="offscreen", TMPDIR=str(tmp_path), PYTHONUNBUFFERED="1")
    environ.update(env)
    return subprocess.Popen(
        [sys.executable, "-m", "kiosk.cli", "demo"],
        cwd=REPO,
        env=environ,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def _read_until(process: subprocess.Popen[str], pattern: str, timeout: float) -> list[str]:
    """The process's output lines up to the first matching `pattern` (or it ended)."""
    assert process.stdout is not None
    lines: list[str] = []
    deadline = time.monotonic() + timeout
    with selectors.DefaultSelector() as selector:
        selector.register(process.stdout, selectors.EVENT_READ)
        while time.monotonic() < deadline:
            if not selector.select(timeout=deadline - time.monotonic()):
                break
            line = process.stdout.readline()
            if not line:
                return lines  # ended
            lines.append(line.rstrip("\n"))
            if re.search(pattern, line):
                return lines
    process.kill()
    raise AssertionError(f"no line matching {pattern!r} within {timeout} s:\n" + "\n".join(lines))


def _data_dir(lines: list[str]) -> Path:
    for line in lines:
        found = re.search(r"kiosk demo: temporary data in (\S+)", line)
        if found:
            return Path(found.group(1))
    raise AssertionError("the demo never said where its data is:\n" + "\n".join(lines))


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_stopped_demo_removes_its_data(tmp_path: Path, stop: signal.Signals) -> None:
    process = _demo(tmp_path)
    try:
        lines = _read_until(process, r"kiosk demo: running", START_S)
        data_dir = _data_dir(lines)
        assert data_dir.parent == tmp_path
        # The service is up: its key, database and outbox are there.
        assert {"secret.key", "outbox"} <= {p.name for p in data_dir.iterdir()}, list(
            data_dir.iterdir()
        )

        process.send_signal(stop)
        output = process.communicate(timeout=EXIT_S)[0]
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == 0, output
    assert "Traceback" not in output, output
    assert not data_dir.exists()
    assert not list(tmp_path.glob(f"{DATA_PREFIX}*"))


def test_a_demo_that_fails_to_start_removes_its_data(tmp_path: Path) -> None:
    # An invalid service setting makes the embedded service raise after the folder exists.
    process = _demo(tmp_path, TURNOS_CODE_TTL_S="0")
    try:
        output = process.communicate(timeout=START_S)[0]
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode != 0
    data_dir = _data_dir(output.splitlines())
    assert "code_ttl_s" in output  # it failed for the reason given, not another
    assert not data_dir.exists()
    assert not list(tmp_path.glob(f"{DATA_PREFIX}*"))


def test_ctrl_q_leaves_the_demo(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    left: list[bool] = []
    add_quit_keys(window, lambda: left.append(True))
    window.show()
    window.activateWindow()  # the kiosk's window is the active one; shortcuts need that
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    QTest.keyClick(window, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert not left
    QTest.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert left == [True]
