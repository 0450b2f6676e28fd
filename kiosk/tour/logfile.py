"""The tour's log (Python and Qt) goes to one file, masked; the console stays quiet."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any


class LogToFile:
    """While open, every log record and Qt message goes to `path`, masked by kiosk.logsafe."""

    def __init__(self, path: Path) -> None:
        from kiosk.app import file_log_handler

        self.handler = file_log_handler(path)
        self._root = logging.getLogger()
        self._level = self._root.level
        self._previous_qt: Any = None

    def __enter__(self) -> LogToFile:
        from PySide6.QtCore import qInstallMessageHandler

        from kiosk import logsafe

        self._root.addHandler(self.handler)
        self._root.setLevel(logging.INFO)
        logsafe.install()
        self._previous_qt = qInstallMessageHandler(_qt_to_log)
        logging.captureWarnings(True)
        return self

    def __exit__(self, *_exc: object) -> None:
        from PySide6.QtCore import qInstallMessageHandler

        logging.captureWarnings(False)
        qInstallMessageHandler(self._previous_qt)
        self._root.removeHandler(self.handler)
        self._root.setLevel(self._level)
        self.handler.close()


def _qt_to_log(mode: Any, context: Any, message: str) -> None:
    from PySide6.QtCore import QtMsgType

    level = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
    }.get(mode, logging.ERROR)
    logging.getLogger("qt").log(level, "%s", message)
